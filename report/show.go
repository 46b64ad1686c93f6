package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// ControlView is everything the show command says about one control: its place in
// the hierarchy, its attributes, the mappings that link it to other frameworks and
// what the mapping sources state about it instead of edges. It is also its JSON
// contract ([ControlViewJSON]): a program reading the CLI's output may decode into
// it.
type ControlView struct {
	Ref           string              `json:"ref"`                     // "iso27002:2022/8.16"
	Framework     string              `json:"framework"`               // "iso27002:2022"
	FrameworkName string              `json:"framework_name"`          // "ISO/IEC 27002:2022"
	ID            string              `json:"id"`                      // "8.16"
	Title         string              `json:"title"`                   // the control's title
	Kind          string              `json:"kind"`                    // its kind ("control", "subcategory")
	Summary       string              `json:"summary,omitempty"`       // its description, as [catalog.Catalog.Summary] reads it; "" when none
	Ancestors     []NodeView          `json:"ancestors"`               // the root first
	Children      []NodeView          `json:"children"`                // the direct children, in document order
	AlsoKnownAs   []string            `json:"also_known_as,omitempty"` // refs under which an annex lists it ("iso27001:2022/A.8.16")
	Attributes    map[string][]string `json:"attributes,omitempty"`    // the control's attributes by name; nil when it has none
	Mappings      []RelationView      `json:"mappings,omitempty"`      // published ones first, in the order the text groups them
	Statements    []StatementView     `json:"statements,omitempty"`    // what the mapping sources state about it instead of edges
}

// NodeView is a node of the hierarchy in a [ControlView]: an ancestor or a child.
type NodeView struct {
	Ref   string `json:"ref"`   // "nist-csf:2.0/GV.OC"
	ID    string `json:"id"`    // "GV.OC"
	Title string `json:"title"` // the node's title
	Kind  string `json:"kind"`  // its kind ("category")
}

// NewNodeView returns the view of control c.
func NewNodeView(c catalog.Control) NodeView {
	return NodeView{Ref: c.Ref.String(), ID: c.Ref.ID, Title: c.Title, Kind: string(c.Kind)}
}

// RelationView is a link from the shown control to another, read "shown
// RELATIONSHIP other".
type RelationView struct {
	Ref          string `json:"ref"`              // the other control
	Framework    string `json:"framework"`        // its framework's ID
	ID           string `json:"id"`               // its ID in that framework
	Title        string `json:"title,omitempty"`  // its title; "" when the catalog does not hold it
	Relationship string `json:"relationship"`     // the NIST IR 8477 word
	Source       string `json:"source,omitempty"` // ID of the source document; a succession or derived link names its sources in words
	// Inverse: the source published the edge other → shown; it is read backwards.
	Inverse bool   `json:"inverse,omitempty"`
	Label   string `json:"label,omitempty"` // the source's own word for the link
	// Derived: composed from published edges through a third framework (a lead,
	// not evidence); Via are the refs on its path between the two.
	Derived bool     `json:"derived,omitempty"`
	Via     []string `json:"via,omitempty"`  // derived only: refs "fw/id" between the two, in path order
	Note    string   `json:"note,omitempty"` // what the source printed, when read differently
}

// StatementView is what a mapping source states about the control instead of
// edges ("no reference", "all Annex A controls").
type StatementView struct {
	Kind   string `json:"kind"`             // the statement kind of package mappings ("no-reference")
	Target string `json:"target,omitempty"` // what the statement is about ("Annex A controls")
	Note   string `json:"note,omitempty"`   // what the source printed, with a misprint said
}

// ControlViewJSON writes the view as the CLI's JSON contract, indented, ending
// with a newline.
func ControlViewJSON(w io.Writer, v *ControlView) error {
	if v == nil {
		return errNil("control view")
	}
	if err := codec.Encode(w, v); err != nil {
		return fmt.Errorf("report: control as JSON: %w", err)
	}
	return nil
}

// RenderControlView writes the view in format f: [ControlViewTable],
// [ControlViewJSON] or [ControlViewMarkdown].
func RenderControlView(w io.Writer, v *ControlView, f Format, opts Options) error {
	switch f {
	case Table:
		return ControlViewTable(w, v, opts)
	case JSON:
		return ControlViewJSON(w, v)
	case Markdown:
		return ControlViewMarkdown(w, v)
	}
	return unsupported("control view", f)
}

// showLabelWidth is the width of the labels of the text form ("Framework:").
const showLabelWidth = 12

// ControlViewTable writes the view as text for a terminal, fitting opts.Width:
// the labelled fields, the attributes and children as tables, the mappings
// grouped by framework (published first, then derived ones with the controls their
// path goes through) and the source statements. Framework names come from
// opts.Catalog.
func ControlViewTable(w io.Writer, v *ControlView, opts Options) error {
	if v == nil {
		return errNil("control view")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n\n", cell(v.Ref, 0), cell(v.Title, 0))
	writeShowFields(&b, v, opts.Width)
	if len(v.Attributes) > 0 {
		b.WriteString("\nAttributes:\n")
		g := cliGrid(1, "attribute", "values")
		for _, name := range slices.Sorted(maps.Keys(v.Attributes)) {
			g.Add(name, strings.Join(v.Attributes[name], ", "))
		}
		writeIndented(&b, g, opts.Width)
	}
	if len(v.Children) > 0 {
		fmt.Fprintf(&b, "\nChildren (%d):\n", len(v.Children))
		g := cliGrid(1, "id", "title", "kind")
		for _, c := range v.Children {
			g.Add(c.ID, c.Title, c.Kind)
		}
		writeIndented(&b, g, opts.Width)
	}
	cat := opts.catalog()
	writeRelationsText(&b, v, opts.Width, func(fw string) string {
		in, _ := cat.Framework(catalog.FrameworkID(fw))
		return in.Name
	})
	writeStatementsText(&b, v.Statements, opts.Width)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeShowFields writes the labelled fields of the text form, each value wrapped
// beside its label.
func writeShowFields(b *strings.Builder, v *ControlView, width int) {
	field := func(label, value string) {
		lines := WrapText(cell(value, 0), max(width-showLabelWidth-1, cliMinWrap))
		fmt.Fprintf(b, "%-*s %s\n", showLabelWidth, label+":", lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(b, "%-*s %s\n", showLabelWidth, "", l)
		}
	}
	field("Framework", fmt.Sprintf("%s (%s)", v.FrameworkName, v.Framework))
	field("ID", v.ID)
	field("Kind", v.Kind)
	if len(v.Ancestors) > 0 {
		field("Parents", strings.Join(nodeLines(v.Ancestors, func(s string) string { return s }), " > "))
	}
	if len(v.AlsoKnownAs) > 0 {
		field("Also", strings.Join(v.AlsoKnownAs, ", "))
	}
	if v.Summary != "" {
		field("Summary", v.Summary)
	}
}

// nodeLines writes each node as "ID Title", through esc.
func nodeLines(ns []NodeView, esc func(string) string) []string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = esc(n.ID + " " + n.Title)
	}
	return parts
}

// writeStatementsText writes the source statements as a list, each wrapped with a
// hanging indent.
func writeStatementsText(b *strings.Builder, sts []StatementView, width int) {
	if len(sts) == 0 {
		return
	}
	b.WriteString("\nSource statements:\n")
	for _, st := range sts {
		text := st.Kind
		if st.Target != "" {
			text += " (" + st.Target + ")"
		}
		if st.Note != "" {
			text += ": " + st.Note
		}
		for i, l := range WrapText(cell(text, 0), max(width-4, cliMinWrap)) {
			if i == 0 {
				b.WriteString("  - " + l + "\n")
			} else {
				b.WriteString("    " + l + "\n")
			}
		}
	}
}

// writeRelationsText writes the mappings grouped by framework, published ones
// first, then derived ones with the controls their path goes through.
func writeRelationsText(b *strings.Builder, v *ControlView, width int, fwName func(string) string) {
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
	for _, g := range relationGroups(v.Mappings) {
		writeRelationGroup(b, g, width, fwName)
	}
}

// relationGroups splits relations by framework and by being derived, in order of
// first appearance.
func relationGroups(rs []RelationView) [][]RelationView {
	var groups [][]RelationView
	for _, m := range rs {
		i := slices.IndexFunc(groups, func(g []RelationView) bool {
			return g[0].Framework == m.Framework && g[0].Derived == m.Derived
		})
		if i < 0 {
			groups = append(groups, nil)
			i = len(groups) - 1
		}
		groups[i] = append(groups[i], m)
	}
	return groups
}

// writeRelationGroup writes the relations of one framework: a heading naming the
// framework and, when all share it, the source; then a table with a via column
// for derived relations or a source column when the sources differ.
func writeRelationGroup(b *strings.Builder, g []RelationView, width int, fwName func(string) string) {
	derived := g[0].Derived
	sources := map[string]bool{}
	for _, m := range g {
		sources[m.Source] = true
	}
	fmt.Fprintf(b, "\n  %s (%s)", cell(fwName(g[0].Framework), 0), cell(g[0].Framework, 0))
	switch {
	case derived:
		b.WriteString(", derived through a third framework")
	case len(sources) == 1:
		fmt.Fprintf(b, ", source %s", cell(g[0].Source, 0))
	}
	b.WriteString(":\n")
	header := []string{"relationship", "id", "title"}
	switch {
	case derived:
		header = append(header, "via")
	case len(sources) > 1:
		header = append(header, "source")
	}
	t := cliGrid(2, header...)
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

// writeIndented writes a table indented by two spaces, fitting width.
func writeIndented(b *strings.Builder, g *Grid, width int) {
	for _, l := range g.textLines(max(width-2, 1)) {
		b.WriteString("  " + l + "\n")
	}
}

// ControlViewMarkdown writes the view as a Markdown document: a heading, the
// fields as a list, and the attributes, children and mappings as tables.
func ControlViewMarkdown(w io.Writer, v *ControlView) error {
	if v == nil {
		return errNil("control view")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n\n", v.Ref, mdCell(v.Title))
	fmt.Fprintf(&b, "- **Framework:** %s (`%s`)\n", mdCell(v.FrameworkName), v.Framework)
	fmt.Fprintf(&b, "- **ID:** %s\n", v.ID)
	fmt.Fprintf(&b, "- **Kind:** %s\n", v.Kind)
	if len(v.Ancestors) > 0 {
		fmt.Fprintf(&b, "- **Parents:** %s\n", strings.Join(nodeLines(v.Ancestors, mdCell), " › "))
	}
	if len(v.AlsoKnownAs) > 0 {
		fmt.Fprintf(&b, "- **Also:** %s\n", strings.Join(v.AlsoKnownAs, ", "))
	}
	if v.Summary != "" {
		fmt.Fprintf(&b, "- **Summary:** %s\n", mdCell(v.Summary))
	}
	for _, sec := range showMarkdownTables(v) {
		fmt.Fprintf(&b, "\n## %s\n\n", sec.heading)
		if err := sec.grid.WriteMarkdown(&b); err != nil {
			return err
		}
	}
	if len(v.Statements) > 0 {
		b.WriteString("\n## Source statements\n\n")
		for _, st := range v.Statements {
			fmt.Fprintf(&b, "- %s (%s): %s\n", st.Kind, mdCell(st.Target), mdCell(st.Note))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// showSection is a headed table of the Markdown form.
type showSection struct {
	heading string
	grid    *Grid
}

// showMarkdownTables are the tables of the Markdown form that have rows:
// attributes, children, mappings.
func showMarkdownTables(v *ControlView) []showSection {
	var out []showSection
	if len(v.Attributes) > 0 {
		g := NewGrid("attribute", "values")
		for _, name := range slices.Sorted(maps.Keys(v.Attributes)) {
			g.Add(name, strings.Join(v.Attributes[name], ", "))
		}
		out = append(out, showSection{"Attributes", g})
	}
	if len(v.Children) > 0 {
		g := NewGrid("id", "title", "kind")
		for _, c := range v.Children {
			g.Add(c.ID, c.Title, c.Kind)
		}
		out = append(out, showSection{"Children", g})
	}
	if len(v.Mappings) > 0 {
		g := NewGrid("relationship", "target", "title", "source", "derived via", "note")
		for _, m := range v.Mappings {
			g.Add(m.Relationship, m.Ref, m.Title, m.Source, strings.Join(m.Via, ", "), m.Note)
		}
		out = append(out, showSection{"Mappings", g})
	}
	return out
}
