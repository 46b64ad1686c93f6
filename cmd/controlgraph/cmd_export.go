package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

func init() {
	register(&command{
		name:    "export",
		args:    "[--framework ID] [--set ID | --from FW --to FW] [--format json|csv|oscal] [-o FILE]",
		summary: "export frameworks, controls and mapping sets as JSON, CSV or OSCAL",
		detail: `JSON (the default) is the document {"frameworks": [...], "mappings": [...]}:
every control of the chosen frameworks (all of them without --framework) in document
order with id, title, kind, parent and attributes, and every mapping set whose
edges stay within those frameworks, with each edge's relationship and source
(--no-mappings leaves them out). catalog.ReadJSON reads the frameworks and
mappings.ReadJSON the mapping sets, so an export can be edited and loaded again;
exporting what was read gives the same bytes.

CSV holds one framework per file, the form catalog.ReadCSV reads: columns id, title,
kind, parent, summary, then one column per attribute, multiple values separated by ';'.
So --format csv needs exactly one --framework.

OSCAL (--format oscal) writes an OSCAL 1.2 catalog of one framework (--framework ID),
or, with --set, one OSCAL 1.2 mapping-collection holding the named mapping
sets, or with --from FW --to FW every mapping set published between the two
frameworks (either way round). The output does not depend on the clock: exporting twice gives the same bytes.`,
		examples: []string{
			"export --format json -o controlgraph.json",
			"export --framework iso27002:2022 --format csv -o iso27002.csv",
			"export --framework csf,iso27002",
			"export --format oscal --framework iso27002:2022 -o iso27002-2022.oscal.json",
			"export --format oscal --set cis-controls-v8_to_iso27002-2022",
			"export --format oscal --from nist-csf:2.0 --to iso27001:2022 -o csf-iso.oscal.json",
		},
		formats: []string{formatJSON, formatCSV, formatOSCAL},
		maxArgs: 0,
		setup:   setupExport,
		data:    true,
	})
}

func setupExport(fs *flag.FlagSet) action {
	var names listFlag
	fs.Var(&names, "framework", "export only framework `ID` (an ID or alias; repeat or use a comma list for several)")
	noMappings := fs.Bool("no-mappings", false, "leave out the mapping sets between the exported frameworks (JSON only)")
	var setIDs listFlag
	fs.Var(&setIDs, "set", "only the mapping set `ID` (repeat or comma list); with --format oscal, a mapping-collection")
	from := fs.String("from", "", "with --to and --format oscal: every mapping set between `FRAMEWORK` and --to, as one mapping-collection")
	to := fs.String("to", "", "with --from: the other `FRAMEWORK`")
	return func(x *invocation, _ []string) error {
		if *from != "" || *to != "" {
			ids, err := x.setsBetween(*from, *to, x.format, len(setIDs) > 0 || len(names) > 0)
			if err != nil {
				return err
			}
			setIDs = ids
		}
		sel, err := x.selectExport(names, setIDs)
		if err != nil {
			return err
		}
		switch x.format {
		case formatOSCAL:
			return x.exportOSCAL(sel)
		case formatCSV:
			if len(sel.specs) != 1 {
				return badInput("--format csv writes one framework per file: name it with --framework (one of %s)", strings.Join(x.frameworkIDs(), ", "))
			}
			return catalog.WriteCSV(x.out, sel.specs[0])
		}
		if *noMappings {
			sel.sets = nil
		} else if len(setIDs) == 0 {
			sel.sets = x.setsWithin(sel.ids)
		}
		return mappings.WriteExport(x.out, sel.specs, sel.sets)
	}
}

// exportSelection is what export writes: the frameworks chosen with --framework (or
// all) and the mapping sets named with --set (or chosen with --from and --to).
type exportSelection struct {
	chosen []catalog.FrameworkID // --framework, resolved; nil for all
	specs  []catalog.Framework   // the frameworks to write, in catalog order
	ids    []catalog.FrameworkID // their IDs
	sets   []mappings.Set        // the sets named
}

// selectExport resolves --framework names and --set IDs.
func (x *invocation) selectExport(names, setIDs []string) (exportSelection, error) {
	var sel exportSelection
	for _, n := range names {
		id, err := x.resolveFramework(n)
		if err != nil {
			return sel, err
		}
		sel.chosen = append(sel.chosen, id)
	}
	for in := range x.cat.Frameworks() {
		if len(sel.chosen) > 0 && !slices.Contains(sel.chosen, in.ID) {
			continue
		}
		spec, _ := x.cat.Spec(in.ID)
		sel.specs = append(sel.specs, spec)
		sel.ids = append(sel.ids, in.ID)
	}
	for _, id := range setIDs {
		s, err := x.findSet(id)
		if err != nil {
			return sel, err
		}
		sel.sets = append(sel.sets, s)
	}
	return sel, nil
}

// exportOSCAL writes one OSCAL catalog (one --framework) or one mapping-collection
// (the sets named, without --framework).
func (x *invocation) exportOSCAL(sel exportSelection) error {
	switch {
	case len(sel.sets) > 0 && len(sel.chosen) == 0:
		return oscal.WriteMappings(x.out, sel.sets, x.cat)
	case len(sel.sets) == 0 && len(sel.specs) == 1 && len(sel.chosen) > 0:
		return oscal.WriteCatalog(x.out, sel.specs[0])
	}
	return badInput("--format oscal writes one catalog (name it with --framework, one of %s) or the mapping sets named with --set",
		strings.Join(x.frameworkIDs(), ", "))
}

// setsWithin returns the mapping sets that stay within the frameworks fws
// (mappings.Set.Within), in order.
func (x *invocation) setsWithin(fws []catalog.FrameworkID) []mappings.Set {
	var out []mappings.Set
	for _, s := range x.allSets() {
		if s.Within(fws...) {
			out = append(out, s)
		}
	}
	return out
}

// setsBetween returns the IDs of the mapping sets between frameworks from and to,
// either way round, for --from and --to.
func (x *invocation) setsBetween(from, to, format string, other bool) ([]string, error) {
	switch {
	case format != formatOSCAL:
		return nil, badInput("--from and --to choose the mapping sets of an OSCAL mapping-collection: add --format oscal")
	case from == "" || to == "":
		return nil, badInput("--from and --to go together: name both frameworks")
	case other:
		return nil, badInput("--from and --to choose the mapping sets themselves: drop --set and --framework")
	}
	a, err := x.resolveFramework(from)
	if err != nil {
		return nil, err
	}
	b, err := x.resolveFramework(to)
	if err != nil {
		return nil, err
	}
	var ids, all []string
	for _, s := range x.allSets() {
		all = append(all, fmt.Sprintf("%s (%s → %s)", s.ID, s.From, s.To))
		if (s.From == a && s.To == b) || (s.From == b && s.To == a) {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		return nil, badInput("no mapping set is published between %s and %s; the sets: %s", a, b, strings.Join(all, ", "))
	}
	return ids, nil
}
