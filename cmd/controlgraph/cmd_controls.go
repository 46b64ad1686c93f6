package main

import (
	"flag"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

// attrFilter is a flag of "controls" that selects controls by one attribute.
type attrFilter struct {
	flag  string
	attr  string
	usage string
}

var attrFilters = []attrFilter{
	{"theme", catalog.AttrTheme, "ISO/IEC 27002:2022 theme (Organizational, People, Physical, Technological)"},
	{"type", catalog.AttrControlType, "ISO/IEC 27002:2022 control type (Preventive, Detective, Corrective)"},
	{"property", catalog.AttrProperties, "ISO/IEC 27002:2022 information security property (Confidentiality, Integrity, Availability)"},
	{"concept", catalog.AttrConcepts, "ISO/IEC 27002:2022 cybersecurity concept (Identify, Protect, Detect, Respond, Recover)"},
	{"capability", catalog.AttrCapabilities, "ISO/IEC 27002:2022 operational capability (Governance, Asset_management, ...)"},
	{"domain", catalog.AttrDomains, "ISO/IEC 27002:2022 security domain (Governance_and_Ecosystem, Protection, Defence, Resilience)"},
	{"ig", catalog.AttrImplementation, "CIS implementation group (IG1, IG2, IG3)"},
	{"asset-type", catalog.AttrAssetType, "CIS asset type (Devices, Software, Data, ...)"},
	{"function", catalog.AttrSecurityFunc, "CIS security function (Identify, Protect, ..., Govern in v8.1)"},
	{"baseline", catalog.AttrBaseline, "NIST SP 800-53 baseline (LOW, MODERATE, HIGH; PRIVACY)"},
}

func init() {
	register(&command{
		name:    "controls",
		args:    "FRAMEWORK [filters] [flags]",
		summary: "list the controls of a framework, filtered by theme and attributes",
		detail: `Lists the nodes of FRAMEWORK (an ID such as iso27002:2022 or an alias such as
iso27002, csf or cis) in document order. Filters combine with AND; a repeated filter
or a comma list means OR within that attribute: --type detective,corrective --concept
detect selects controls that are detective or corrective, and detect. Values are
matched without regard to case and a leading '#' ("#Detective" works); an unknown
value is an error that lists the accepted ones.

The table shows id, title, kind, parent and the attributes filtered on; csv and json
carry every attribute.`,
		examples: []string{
			"controls iso27002:2022 --type detective",
			"controls iso27002 --theme technological --concept detect,respond",
			"controls iso27002 --new --format csv",
			"controls cis --ig IG1 --function protect",
			"controls 800-53 --baseline moderate --kind control",
			"controls csf --kind category --format md",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		minArgs: 1, maxArgs: 1,
		setup: setupControls,
		data:  true,
	})
}

func setupControls(fs *flag.FlagSet) action {
	values := make([]listFlag, len(attrFilters))
	for i, f := range attrFilters {
		fs.Var(&values[i], f.flag, f.usage+"; repeat or use a comma list for OR")
	}
	var kinds listFlag
	fs.Var(&kinds, "kind", "node kind (theme, control, clause, function, category, subcategory, safeguard, section, requirement, point, family, enhancement)")
	newOnly := fs.Bool("new", false, "only ISO/IEC 27002:2022 controls new in the 2022 edition")
	return func(x *invocation, args []string) error {
		fw, err := x.resolveFramework(args[0])
		if err != nil {
			return err
		}
		var conds []catalog.Condition
		var shown []string // attribute columns of the table
		filters := map[string][]string{}
		for i, f := range attrFilters {
			if len(values[i]) == 0 {
				continue
			}
			canon, err := x.attrValues(fw, dashes(f.flag), f.attr, values[i])
			if err != nil {
				return err
			}
			conds = append(conds, catalog.Where(f.attr, canon...))
			shown = append(shown, f.attr)
			filters[f.attr] = canon
		}
		if *newOnly {
			if _, err := x.attrValues(fw, "--new", catalog.AttrNewIn2022, []string{"true"}); err != nil {
				return err
			}
			conds = append(conds, catalog.Where(catalog.AttrNewIn2022, "true"))
			shown = append(shown, catalog.AttrNewIn2022)
			filters[catalog.AttrNewIn2022] = []string{"true"}
		}
		if len(kinds) > 0 {
			ks, err := x.kinds(fw, kinds)
			if err != nil {
				return err
			}
			conds = append(conds, catalog.OfKind(ks...))
			names := make([]string, len(ks))
			for i, k := range ks {
				names[i] = string(k)
			}
			filters["kind"] = names
		}
		var ctls []catalog.Control
		for c := range x.cat.Controls(fw, conds...) {
			ctls = append(ctls, c)
		}
		return x.writeControls(fw, ctls, shown, filters)
	}
}

// attrValues checks the values given to a filter flag against those framework fw uses
// for attr, and returns them as the catalog spells them, without duplicates.
func (x *invocation) attrValues(fw catalog.FrameworkID, flagName, attr string, given []string) ([]string, error) {
	valid := x.cat.AttributeValues(fw, attr)
	if len(valid) == 0 {
		var has []string
		for in := range x.cat.Frameworks() {
			if len(x.cat.AttributeValues(in.ID, attr)) > 0 {
				has = append(has, string(in.ID))
			}
		}
		applies := "no framework of this build"
		if len(has) > 0 {
			applies = strings.Join(has, ", ")
		}
		return nil, badInput("%s does not apply to %s (it has no %s attribute); it applies to %s", flagName, fw, attr, applies)
	}
	var out []string
	for _, g := range given {
		i := slices.IndexFunc(valid, func(v string) bool { return sameValue(v, g) })
		if i < 0 && attr == catalog.AttrImplementation {
			i = slices.IndexFunc(valid, func(v string) bool { return sameValue(v, "IG"+g) })
		}
		if i < 0 {
			return nil, badInput("unknown value %q for %s in %s; accepted: %s", g, flagName, fw, strings.Join(valid, ", "))
		}
		if !slices.Contains(out, valid[i]) {
			out = append(out, valid[i])
		}
	}
	return out, nil
}

// sameValue compares attribute values as the catalog does: without regard to case, a
// leading '#', or spaces written for underscores.
func sameValue(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimPrefix(strings.TrimSpace(s), "#")
		return strings.ToLower(strings.ReplaceAll(s, " ", "_"))
	}
	return norm(a) == norm(b)
}

// kinds checks --kind values against the kinds framework fw has.
func (x *invocation) kinds(fw catalog.FrameworkID, given []string) ([]catalog.Kind, error) {
	in, _ := x.cat.Framework(fw)
	var out []catalog.Kind
	for _, g := range given {
		i := slices.IndexFunc(in.Counts, func(kc catalog.KindCount) bool { return strings.EqualFold(string(kc.Kind), g) })
		if i < 0 {
			valid := make([]string, len(in.Counts))
			for j, kc := range in.Counts {
				valid[j] = string(kc.Kind)
			}
			return nil, badInput("unknown value %q for --kind in %s; accepted: %s", g, fw, strings.Join(valid, ", "))
		}
		if !slices.Contains(out, in.Counts[i].Kind) {
			out = append(out, in.Counts[i].Kind)
		}
	}
	return out, nil
}

// writeControls renders the nodes ctls of fw, each with its summary as the
// catalog reads it (SP 800-53's statements are read apart).
func (x *invocation) writeControls(fw catalog.FrameworkID, ctls []catalog.Control, shown []string, filters map[string][]string) error {
	for i, c := range ctls {
		ctls[i].Summary, _ = x.cat.Summary(c.Ref)
	}
	l := &report.ControlList{Framework: fw, Filters: filters, Shown: shown, Attributes: x.cat.AttributeNames(fw), Controls: ctls}
	return x.render(func(w io.Writer, f report.Format) error {
		return report.RenderControls(w, l, f, report.Options{Catalog: x.cat, Width: x.width})
	})
}

// plural writes a count with its noun: "1 control", "3 controls".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
