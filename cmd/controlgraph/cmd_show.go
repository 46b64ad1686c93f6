package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "show",
		args:    "REF [--in FRAMEWORK] [flags]",
		summary: "show one control: title, place in the hierarchy, attributes and mappings",
		detail: `REF is a control ID as people write it: 8.16, A.5.1, ISO27002:5.1,
iso27001:2022/A.5.1, GV.OC-01, gv.oc-1, "CIS 4.1", cis:4.1, A.12.4.1. A bare ID is
looked up in every framework except the CIS Controls, which need their name. An ID
that several frameworks have (5.1 is an ISO/IEC 27002 control and an ISO/IEC 27001
clause) is an error listing the candidates; name the framework in REF or with --in.`,
		examples: []string{
			"show 8.16",
			"show 5.1 --in iso27001",
			"show gv.oc-1 --format json",
			`show "CIS 4.1"`,
		},
		formats: []string{formatTable, formatJSON, formatMD},
		minArgs: 1, maxArgs: 1,
		setup: setupShow,
		data:  true,
	})
}

// relation is a link from the shown control to another one, read "shown R other".
type relation struct {
	Other        catalog.Ref
	Relationship string   // the IR 8477 word
	Source       string   // ID of the source document, for a published edge
	Inverse      bool     // published other → shown, read backwards
	Label        string   // the source's own word for the link, if any
	Derived      bool     // composed from published edges, not published itself
	Via          []string // for a derived relation, the refs on the path between
	Note         string   // what the source printed, when read differently
}

// showOptions are the flags of "show" that relation sources heed.
type showOptions struct {
	derived bool // list derived relations
	maxHops int  // longest derived path
}

// relationSources produce the relations "show" lists, in order. Each data layer the
// CLI is built with adds its own from the init function of its file.
var relationSources []func(x *invocation, c catalog.Control, opt showOptions) ([]relation, error)

func setupShow(fs *flag.FlagSet) action {
	in := fs.String("in", "", "look REF up in `FRAMEWORK` only (an ID or an alias such as iso27001)")
	var opt showOptions
	fs.BoolVar(&opt.derived, "derived", true, "also list derived mappings (paths through a third framework); --derived=false for published ones only")
	fs.IntVar(&opt.maxHops, "max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path, in published edges (2 to %d)", crosswalk.MaxHops))
	return func(x *invocation, args []string) error {
		if opt.maxHops < 2 || opt.maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: %s", opt.maxHops, hopChoices())
		}
		if err := checkMaxHops(fs, opt.derived, opt.maxHops); err != nil {
			return err
		}
		c, err := x.resolveRefIn(args[0], *in)
		if err != nil {
			return err
		}
		v, err := x.buildShow(c, opt)
		if err != nil {
			return err
		}
		switch x.format {
		case formatJSON:
			return x.writeJSON(v)
		case formatMD:
			return writeShowMarkdown(x.out, v)
		}
		return writeShowText(x.out, v, x.width, func(fw string) string {
			in, _ := x.cat.Framework(catalog.FrameworkID(fw))
			return in.Name
		})
	}
}

// showJSON is the output of "show --format json", and what the other formats render.
type showJSON struct {
	Ref           string              `json:"ref"`
	Framework     string              `json:"framework"`
	FrameworkName string              `json:"framework_name"`
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Kind          string              `json:"kind"`
	Summary       string              `json:"summary,omitempty"`
	Ancestors     []nodeJSON          `json:"ancestors"`
	Children      []nodeJSON          `json:"children"`
	AlsoKnownAs   []string            `json:"also_known_as,omitempty"`
	Attributes    map[string][]string `json:"attributes,omitempty"`
	Mappings      []relationJSON      `json:"mappings,omitempty"`
	Statements    []statementJSON     `json:"statements,omitempty"`
}

// statementJSON is what a mapping source states about the control instead of edges
// ("no reference", "all Annex A controls").
type statementJSON struct {
	Kind   string `json:"kind"`
	Target string `json:"target,omitempty"`
	Note   string `json:"note,omitempty"`
}

// statementsOf, when set by a data layer, gives the statements about a control.
var statementsOf func(x *invocation, r catalog.Ref) []statementJSON

type nodeJSON struct {
	Ref   string `json:"ref"`
	ID    string `json:"id"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
}

type relationJSON struct {
	Ref          string   `json:"ref"`
	Framework    string   `json:"framework"`
	ID           string   `json:"id"`
	Title        string   `json:"title,omitempty"`
	Relationship string   `json:"relationship"`
	Source       string   `json:"source,omitempty"`
	Inverse      bool     `json:"inverse,omitempty"`
	Label        string   `json:"label,omitempty"`
	Derived      bool     `json:"derived,omitempty"`
	Via          []string `json:"via,omitempty"`
	Note         string   `json:"note,omitempty"`
}

func node(c catalog.Control) nodeJSON {
	return nodeJSON{Ref: c.Ref.String(), ID: c.Ref.ID, Title: c.Title, Kind: string(c.Kind)}
}

func (x *invocation) buildShow(c catalog.Control, opt showOptions) (showJSON, error) {
	in, _ := x.cat.Framework(c.Ref.Framework)
	summary, _ := x.cat.Summary(c.Ref) // SP 800-53's statements are read apart
	v := showJSON{
		Ref: c.Ref.String(), Framework: string(c.Ref.Framework), FrameworkName: in.Name,
		ID: c.Ref.ID, Title: c.Title, Kind: string(c.Kind), Summary: summary,
		Ancestors: []nodeJSON{}, Children: []nodeJSON{},
	}
	for a := range x.cat.Ancestors(c.Ref) {
		v.Ancestors = append([]nodeJSON{node(a)}, v.Ancestors...)
	}
	for ch := range x.cat.Children(c.Ref) {
		v.Children = append(v.Children, node(ch))
	}
	// A framework whose Annex A is this one names the control "A.<id>" too.
	for f := range x.cat.Frameworks() {
		if f.AnnexOf == c.Ref.Framework {
			v.AlsoKnownAs = append(v.AlsoKnownAs, catalog.NewRef(f.ID, "A."+c.Ref.ID).String())
		}
	}
	if len(c.AttrNames()) > 0 {
		v.Attributes = map[string][]string{}
		for name, vals := range c.Attrs() {
			v.Attributes[name] = vals
		}
	}
	if statementsOf != nil {
		v.Statements = statementsOf(x, c.Ref)
	}
	for _, src := range relationSources {
		rels, err := src(x, c, opt)
		if err != nil {
			return showJSON{}, err
		}
		for _, r := range rels {
			rj := relationJSON{Framework: string(r.Other.Framework), ID: r.Other.ID, Ref: r.Other.String(), Relationship: r.Relationship, Source: r.Source, Inverse: r.Inverse,
				Label: r.Label, Derived: r.Derived, Via: r.Via, Note: r.Note}
			if o, ok := x.cat.Control(r.Other); ok {
				rj.Title = o.Title
			}
			v.Mappings = append(v.Mappings, rj)
		}
	}
	return v, nil
}

func nodeLine(n nodeJSON) string {
	return n.ID + " " + n.Title
}

func writeShowText(w io.Writer, v showJSON, width int, fwName func(string) string) error {
	var b strings.Builder
	const labelW = 12
	field := func(label, value string) {
		lines := wrapText(value, max(width-labelW-1, minWrap))
		fmt.Fprintf(&b, "%-*s %s\n", labelW, label+":", lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%-*s %s\n", labelW, "", l)
		}
	}
	fmt.Fprintf(&b, "%s  %s\n\n", v.Ref, v.Title)
	field("Framework", fmt.Sprintf("%s (%s)", v.FrameworkName, v.Framework))
	field("ID", v.ID)
	field("Kind", v.Kind)
	if len(v.Ancestors) > 0 {
		parts := make([]string, len(v.Ancestors))
		for i, a := range v.Ancestors {
			parts[i] = nodeLine(a)
		}
		field("Parents", strings.Join(parts, " > "))
	}
	if len(v.AlsoKnownAs) > 0 {
		field("Also", strings.Join(v.AlsoKnownAs, ", "))
	}
	if v.Summary != "" {
		field("Summary", v.Summary)
	}
	if len(v.Attributes) > 0 {
		b.WriteString("\nAttributes:\n")
		t := newTable(1, "attribute", "values")
		for _, name := range sortedKeys(v.Attributes) {
			t.Add(name, strings.Join(v.Attributes[name], ", "))
		}
		writeIndented(&b, t, width)
	}
	if len(v.Children) > 0 {
		fmt.Fprintf(&b, "\nChildren (%d):\n", len(v.Children))
		t := newTable(1, "id", "title", "kind")
		for _, c := range v.Children {
			t.Add(c.ID, c.Title, c.Kind)
		}
		writeIndented(&b, t, width)
	}
	if len(relationSources) > 0 {
		writeMappingsText(&b, v, width, fwName)
	}
	if len(v.Statements) > 0 {
		b.WriteString("\nSource statements:\n")
		for _, st := range v.Statements {
			text := st.Kind
			if st.Target != "" {
				text += " (" + st.Target + ")"
			}
			if st.Note != "" {
				text += ": " + st.Note
			}
			for i, l := range wrapText(text, max(width-4, minWrap)) {
				if i == 0 {
					b.WriteString("  - " + l + "\n")
				} else {
					b.WriteString("    " + l + "\n")
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMappingsText writes the mappings grouped by target framework, published ones
// first, then derived ones with the controls their path goes through.
func writeMappingsText(b *strings.Builder, v showJSON, width int, fwName func(string) string) {
	if len(v.Mappings) == 0 {
		b.WriteString("\nMappings: none\n")
		return
	}
	derived := 0
	for _, m := range v.Mappings {
		if m.Derived {
			derived++
		}
	}
	if derived > 0 {
		fmt.Fprintf(b, "\nMappings (%d published, %d derived — leads, not evidence), read %q:\n", len(v.Mappings)-derived, derived, v.ID+" RELATIONSHIP target")
	} else {
		fmt.Fprintf(b, "\nMappings (%d), read %q:\n", len(v.Mappings), v.ID+" RELATIONSHIP target")
	}
	var groups [][]relationJSON
	for _, m := range v.Mappings {
		i := slices.IndexFunc(groups, func(g []relationJSON) bool {
			return g[0].Framework == m.Framework && g[0].Derived == m.Derived
		})
		if i < 0 {
			groups = append(groups, nil)
			i = len(groups) - 1
		}
		groups[i] = append(groups[i], m)
	}
	for _, g := range groups {
		derived := g[0].Derived
		sources := map[string]bool{}
		for _, m := range g {
			sources[m.Source] = true
		}
		fmt.Fprintf(b, "\n  %s (%s)", fwName(g[0].Framework), g[0].Framework)
		switch {
		case derived:
			b.WriteString(", derived through a third framework")
		case len(sources) == 1:
			fmt.Fprintf(b, ", source %s", g[0].Source)
		}
		b.WriteString(":\n")
		header := []string{"relationship", "id", "title"}
		switch {
		case derived:
			header = append(header, "via")
		case len(sources) > 1:
			header = append(header, "source")
		}
		t := newTable(2, header...)
		for _, m := range g {
			title := m.Title
			if m.Label != "" {
				title += " [" + m.Label + "]"
			}
			if m.Note != "" {
				title += " [note: " + m.Note + "]"
			}
			row := []string{m.Relationship, m.ID, title}
			switch {
			case derived:
				row = append(row, strings.Join(m.Via, ", "))
			case len(sources) > 1:
				row = append(row, m.Source)
			}
			t.Add(row...)
		}
		writeIndented(b, t, width)
	}
}

// writeIndented writes a table indented by two spaces.
func writeIndented(b *strings.Builder, t *report.Grid, width int) {
	var sb strings.Builder
	// The table cannot fail writing to a strings.Builder.
	_ = t.WriteText(&sb, width-2)
	for _, l := range strings.SplitAfter(sb.String(), "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
}

func writeShowMarkdown(w io.Writer, v showJSON) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n\n", v.Ref, mdCell(v.Title))
	fmt.Fprintf(&b, "- **Framework:** %s (`%s`)\n", mdCell(v.FrameworkName), v.Framework)
	fmt.Fprintf(&b, "- **ID:** %s\n", v.ID)
	fmt.Fprintf(&b, "- **Kind:** %s\n", v.Kind)
	if len(v.Ancestors) > 0 {
		parts := make([]string, len(v.Ancestors))
		for i, a := range v.Ancestors {
			parts[i] = mdCell(nodeLine(a))
		}
		fmt.Fprintf(&b, "- **Parents:** %s\n", strings.Join(parts, " › "))
	}
	if len(v.AlsoKnownAs) > 0 {
		fmt.Fprintf(&b, "- **Also:** %s\n", strings.Join(v.AlsoKnownAs, ", "))
	}
	if v.Summary != "" {
		fmt.Fprintf(&b, "- **Summary:** %s\n", mdCell(v.Summary))
	}
	var err error
	if len(v.Attributes) > 0 {
		b.WriteString("\n## Attributes\n\n")
		t := newTable(-1, "attribute", "values")
		for _, name := range sortedKeys(v.Attributes) {
			t.Add(name, strings.Join(v.Attributes[name], ", "))
		}
		err = t.WriteMarkdown(&b)
	}
	if len(v.Children) > 0 {
		b.WriteString("\n## Children\n\n")
		t := newTable(-1, "id", "title", "kind")
		for _, c := range v.Children {
			t.Add(c.ID, c.Title, c.Kind)
		}
		err = t.WriteMarkdown(&b)
	}
	if len(v.Mappings) > 0 {
		b.WriteString("\n## Mappings\n\n")
		t := newTable(-1, "relationship", "target", "title", "source", "derived via", "note")
		for _, m := range v.Mappings {
			t.Add(m.Relationship, m.Ref, m.Title, m.Source, strings.Join(m.Via, ", "), m.Note)
		}
		err = t.WriteMarkdown(&b)
	}
	if len(v.Statements) > 0 {
		b.WriteString("\n## Source statements\n\n")
		for _, st := range v.Statements {
			fmt.Fprintf(&b, "- %s (%s): %s\n", st.Kind, mdCell(st.Target), mdCell(st.Note))
		}
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}
