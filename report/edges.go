package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// EdgesDoc is the JSON contract of the published mapping data between two
// frameworks ([crosswalk.Pair], [EdgesJSON]); a program reading the CLI's output
// may decode into it.
type EdgesDoc struct {
	From       string             `json:"from"`       // the framework the edges are read from ([crosswalk.Pair].From)
	To         string             `json:"to"`         // the framework they are read to
	Edges      []EdgeDoc          `json:"edges"`      // never null
	Statements []EdgeStatementDoc `json:"statements"` // never null
}

// EdgeDoc is one published edge of an [EdgesDoc], read From → To.
type EdgeDoc struct {
	From         string `json:"from"`         // the ref the edge leaves ("iso27002:2022/5.1")
	To           string `json:"to"`           // the ref it reaches
	Relationship string `json:"relationship"` // read From → To ("subset-of")
	// Inverse: the source published the edge to → from; it is read backwards here.
	Inverse  bool   `json:"inverse,omitempty"`
	Set      string `json:"set"`                // ID of the mapping set
	Source   string `json:"source"`             // ID of the source document
	Label    string `json:"label,omitempty"`    // the source's own word for the link ("incorporated_into")
	Note     string `json:"note,omitempty"`     // what the source printed, when the edge reads it differently
	Misprint string `json:"misprint,omitempty"` // the reference as printed, when From or To is the evident reading of a slip
	Strength *int   `json:"strength,omitempty"` // the IR 8477 strength 0–10; left out when the source gives none
	// Succession names the framework whose published edge this is, carried across an
	// identity succession to its same-ID twin ("cis:8" for a CIS v8.1 safeguard).
	Succession string `json:"succession,omitempty"`
}

// EdgeStatementDoc is what a mapping set states about an element instead of an
// edge.
type EdgeStatementDoc struct {
	Ref      string `json:"ref"`                // the element, "fw/id"
	Kind     string `json:"kind"`               // the statement kind of package mappings ("no-reference")
	Target   string `json:"target,omitempty"`   // what the statement is about ("Annex A controls")
	Note     string `json:"note,omitempty"`     // what the source printed
	Misprint string `json:"misprint,omitempty"` // the text as printed, when evidently a slip
	Reading  string `json:"reading,omitempty"`  // the suggested reading of the misprint, "fw/id", not applied
	Set      string `json:"set"`                // ID of the mapping set that states it
}

// NewEdgesDoc returns the JSON contract of p.
func NewEdgesDoc(p *crosswalk.Pair) EdgesDoc {
	doc := EdgesDoc{From: string(p.From), To: string(p.To), Edges: []EdgeDoc{}, Statements: []EdgeStatementDoc{}}
	for _, e := range p.Edges {
		ed := EdgeDoc{From: e.From.String(), To: e.To.String(), Relationship: e.Relationship.String(), Inverse: e.Inverse,
			Set: e.Set, Source: e.Source, Label: e.Label, Note: e.Note, Misprint: e.Misprint, Succession: string(e.Succession)}
		if e.HasStrength {
			v := e.Strength
			ed.Strength = &v
		}
		doc.Edges = append(doc.Edges, ed)
	}
	for _, st := range p.Statements {
		sd := EdgeStatementDoc{Ref: st.Ref.String(), Kind: string(st.Kind), Target: st.Target, Note: st.Note, Misprint: st.Misprint, Set: st.Set}
		if !st.Reading.IsZero() {
			sd.Reading = st.Reading.String()
		}
		doc.Statements = append(doc.Statements, sd)
	}
	return doc
}

// EdgesJSON writes the pair as the CLI's JSON contract, an [EdgesDoc], indented,
// ending with a newline.
func EdgesJSON(w io.Writer, p *crosswalk.Pair) error {
	if p == nil {
		return errNil("framework pair")
	}
	if err := codec.Encode(w, NewEdgesDoc(p)); err != nil {
		return fmt.Errorf("report: edges as JSON: %w", err)
	}
	return nil
}

// EdgesCSV writes one row per edge, then one per statement, under the header
// record,from,to,relationship,inverse,set,source,label,note,misprint,succession:
// record is "edge" or "statement"; a statement has no to control, so to holds
// what it is about and relationship its kind.
func EdgesCSV(w io.Writer, p *crosswalk.Pair) error {
	if p == nil {
		return errNil("framework pair")
	}
	doc := NewEdgesDoc(p)
	g := NewGrid("record", "from", "to", "relationship", "inverse", "set", "source", "label", "note", "misprint", "succession")
	for _, e := range doc.Edges {
		inv := ""
		if e.Inverse {
			inv = "yes"
		}
		g.Add("edge", e.From, e.To, e.Relationship, inv, e.Set, e.Source, e.Label, e.Note, e.Misprint, e.Succession)
	}
	for _, s := range doc.Statements {
		g.Add("statement", s.Ref, s.Target, s.Kind, "", s.Set, "", "", s.Note, s.Misprint, "")
	}
	return g.WriteCSV(w)
}

// EdgesTable writes the pair as text fitting opts.Width: a heading counting the
// edges (and those read backwards, or saying they are carried across an identity
// succession), the edges with the refs of their own framework shortened to IDs,
// then the statements.
func EdgesTable(w io.Writer, p *crosswalk.Pair, opts Options) error {
	return writeEdges(w, p, opts, false)
}

// EdgesMarkdown writes the pair of [EdgesTable] as Markdown: level-2 headings and
// tables.
func EdgesMarkdown(w io.Writer, p *crosswalk.Pair) error {
	return writeEdges(w, p, Options{}, true)
}

// RenderEdges writes the published mapping data between two frameworks in format
// f: [EdgesTable], [EdgesJSON], [EdgesCSV] or [EdgesMarkdown] ([RenderSet] draws
// them).
func RenderEdges(w io.Writer, p *crosswalk.Pair, f Format, opts Options) error {
	switch f {
	case Table:
		return EdgesTable(w, p, opts)
	case JSON:
		return EdgesJSON(w, p)
	case CSV:
		return EdgesCSV(w, p)
	case Markdown:
		return EdgesMarkdown(w, p)
	}
	return unsupported("framework pair", f)
}

func writeEdges(w io.Writer, p *crosswalk.Pair, opts Options, md bool) error {
	if p == nil {
		return errNil("framework pair")
	}
	doc := NewEdgesDoc(p)
	d := &textDoc{w: w, md: md, width: opts.Width}
	heading := func(s string) {
		if md {
			d.line("## " + s + "\n")
		} else {
			d.line(s)
		}
	}
	heading(edgesHeading(doc))
	if len(doc.Edges) > 0 {
		g := cliGrid(5, "from", "to", "relationship", "set", "source", "note")
		for _, e := range doc.Edges {
			g.Add(shortRef(e.From, doc.From), shortRef(e.To, doc.To), e.Relationship, e.Set, e.Source, e.note())
		}
		d.table(g)
	}
	if len(doc.Statements) > 0 {
		d.line("")
		heading(fmt.Sprintf("Statements about %s elements instead of edges: %d", doc.From, len(doc.Statements)))
		g := cliGrid(3, "ref", "kind", "about", "note", "set")
		for _, s := range doc.Statements {
			note := s.Note
			if s.Misprint != "" {
				note = strings.TrimSpace(note + " (printed " + s.Misprint + ")")
			}
			g.Add(shortRef(s.Ref, doc.From), s.Kind, s.Target, note, s.Set)
		}
		d.table(g)
	}
	return d.err
}

// edgesHeading counts the edges, and those read backwards; edges carried across
// an identity succession are said to be.
func edgesHeading(doc EdgesDoc) string {
	if len(doc.Edges) > 0 && doc.Edges[0].Succession != "" {
		return fmt.Sprintf("Edges %s → %s: %d, none published between them: the edges of %s, carried across the identity succession (same IDs, every edge equal) and labelled so",
			doc.From, doc.To, len(doc.Edges), doc.Edges[0].Succession)
	}
	inverse := 0
	for _, e := range doc.Edges {
		if e.Inverse {
			inverse++
		}
	}
	return fmt.Sprintf("Edges %s → %s: %d (%d read backwards from sets published %s → %s)", doc.From, doc.To, len(doc.Edges), inverse, doc.To, doc.From)
}

// shortRef writes a ref as its bare ID when it belongs to framework fw, else in
// full.
func shortRef(ref, fw string) string {
	if id, ok := strings.CutPrefix(ref, fw+"/"); ok {
		return id
	}
	return ref
}

// note is what the table shows beside an edge: succession, inverse, label,
// misprint, note.
func (e EdgeDoc) note() string {
	var parts []string
	if e.Succession != "" {
		parts = append(parts, "via "+e.Succession+" (succession)")
	}
	if e.Inverse {
		parts = append(parts, "inverse")
	}
	if e.Label != "" {
		parts = append(parts, "label "+e.Label)
	}
	if e.Misprint != "" {
		parts = append(parts, "printed "+e.Misprint)
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	return strings.Join(parts, "; ")
}
