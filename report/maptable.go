package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// MapResult is the answer to "what does this control map to in that framework":
// the links of a [crosswalk.Crosswalk.Map] query with the query that made them.
type MapResult struct {
	From  catalog.Ref         // the queried control
	Title string              // its title
	To    catalog.FrameworkID // the target framework
	// Derived is true when derived paths were searched, MaxHops their longest.
	Derived bool
	MaxHops int              // the longest derived path searched; meaningful with Derived only
	Links   []crosswalk.Link // as Map returned them
}

// MapDoc is the JSON contract of a [MapResult] ([MapJSON]); a program reading the
// CLI's output may decode into it.
type MapDoc struct {
	From     string       `json:"from"`               // the queried control's ref ("iso27002:2022/5.1")
	Title    string       `json:"title"`              // its title
	To       string       `json:"to"`                 // the target framework's ID
	Derived  bool         `json:"derived"`            // derived paths were searched
	MaxHops  int          `json:"max_hops,omitempty"` // with derived paths only
	Count    int          `json:"count"`              // the number of Mappings
	Mappings []MapLinkDoc `json:"mappings"`           // one per link, in the order of [MapResult].Links
}

// MapLinkDoc is one link of a [MapDoc], to a control of the target framework.
type MapLinkDoc struct {
	Ref          string `json:"ref"`          // the target control's ref ("nist-csf:2.0/GV.PO-01")
	ID           string `json:"id"`           // its ID in the target framework
	Title        string `json:"title"`        // its title
	Relationship string `json:"relationship"` // read from the queried control to it ("subset-of")
	// Kind is published, succession, via-parent (published for an ancestor of the
	// queried control) or derived.
	Kind         string   `json:"kind"`
	Inverse      bool     `json:"inverse,omitempty"`      // the strongest published edge was published the other way and is read backwards
	ViaParent    string   `json:"via_parent,omitempty"`   // via-parent: the ref of the ancestor the edge is published for
	Through      string   `json:"through,omitempty"`      // succession: the framework whose published edge is carried
	Routes       int      `json:"routes,omitempty"`       // derived: distinct routes found
	Cut          bool     `json:"search_cut,omitempty"`   // derived: the search stopped at [crosswalk.DerivedSearchBudget]
	Sources      []string `json:"sources"`                // IDs of the source documents behind the link
	Edges        []HopDoc `json:"edges,omitempty"`        // the published edges, strongest first
	Path         []HopDoc `json:"path,omitempty"`         // derived: the path, hop by hop
	Alternatives int      `json:"alternatives,omitempty"` // derived: how many other paths the link keeps, at most [crosswalk.MaxAlternatives]
}

// HopDoc is one published edge of a [MapLinkDoc], read From → To.
type HopDoc struct {
	From         string `json:"from"`              // the ref the hop leaves ("iso27002:2022/5.1")
	To           string `json:"to"`                // the ref it reaches
	Relationship string `json:"relationship"`      // read From → To
	Inverse      bool   `json:"inverse,omitempty"` // the source published the edge To → From
	Set          string `json:"set"`               // ID of the mapping set
	Source       string `json:"source"`            // ID of the source document
	Note         string `json:"note,omitempty"`    // what the source printed, when the edge reads it differently
}

// NewMapDoc returns the JSON contract of r.
func NewMapDoc(r *MapResult) MapDoc {
	doc := MapDoc{From: r.From.String(), Title: r.Title, To: string(r.To), Derived: r.Derived, Count: len(r.Links), Mappings: []MapLinkDoc{}}
	if r.Derived {
		doc.MaxHops = r.MaxHops
	}
	for _, m := range r.Links {
		doc.Mappings = append(doc.Mappings, newMapLinkDoc(m))
	}
	return doc
}

func newMapLinkDoc(m crosswalk.Link) MapLinkDoc {
	d := MapLinkDoc{Ref: m.To.String(), ID: m.To.ID, Title: m.ToTitle, Relationship: m.Relationship.String(), Kind: "published",
		Inverse: m.Inverse, Sources: m.Sources, Edges: hopDocs(m.Edges), Path: hopDocs(m.Path), Alternatives: len(m.Alternatives)}
	switch {
	case m.Derived():
		d.Kind, d.Routes, d.Cut = "derived", m.Routes, m.Cut
	case !m.Ancestor.IsZero():
		d.Kind, d.ViaParent = "via-parent", m.Ancestor.String()
	case m.Basis == crosswalk.BasisSuccession:
		d.Kind, d.Through = "succession", string(m.Through)
	}
	return d
}

func hopDocs(hs []crosswalk.Hop) []HopDoc {
	var out []HopDoc
	for _, h := range hs {
		out = append(out, HopDoc{From: h.From.String(), To: h.To.String(), Relationship: h.Relationship.String(),
			Inverse: h.Inverse, Set: h.Set, Source: h.Source, Note: h.Note})
	}
	return out
}

// basis says in one cell why a link holds: its sources, the parent it is published
// for, or the path it is derived along.
func (m MapLinkDoc) basis() string {
	switch m.Kind {
	case "derived":
		steps := make([]string, 0, len(m.Path))
		for _, h := range m.Path[:max(len(m.Path)-1, 0)] {
			steps = append(steps, h.To)
		}
		routes := "routes"
		if m.Routes == 1 {
			routes = "route"
		}
		return fmt.Sprintf("derived via %s (%d %s)", strings.Join(steps, " → "), m.Routes, routes)
	case "succession":
		return "via " + m.Through + " (succession): " + strings.Join(m.Sources, ", ")
	case "via-parent":
		return "published for " + m.ViaParent + ": " + strings.Join(m.Sources, ", ")
	}
	return strings.Join(m.Sources, ", ")
}

// MapJSON writes the result as the CLI's JSON contract, a [MapDoc], indented,
// ending with a newline.
func MapJSON(w io.Writer, r *MapResult) error {
	if r == nil {
		return errNil("map result")
	}
	if err := codec.Encode(w, NewMapDoc(r)); err != nil {
		return fmt.Errorf("report: map as JSON: %w", err)
	}
	return nil
}

// MapCSV writes one row per link under the header from,to,title,relationship,
// kind,inverse,via_parent,sources,path; sources are joined by ';', the path's hops
// ("a related b") too.
func MapCSV(w io.Writer, r *MapResult) error {
	if r == nil {
		return errNil("map result")
	}
	doc := NewMapDoc(r)
	g := NewGrid("from", "to", "title", "relationship", "kind", "inverse", "via_parent", "sources", "path")
	for _, m := range doc.Mappings {
		var path []string
		for _, h := range m.Path {
			path = append(path, h.From+" "+h.Relationship+" "+h.To)
		}
		inv := ""
		if m.Inverse {
			inv = "true"
		}
		g.Add(doc.From, m.Ref, m.Title, m.Relationship, m.Kind, inv, m.ViaParent, strings.Join(m.Sources, ";"), strings.Join(path, ";"))
	}
	return g.WriteCSV(w)
}

// mapGrid is the table of the text and Markdown forms: relationship, ID, title and
// the basis of each link.
func mapGrid(doc MapDoc) *Grid {
	g := cliGrid(2, "relationship", "id", "title", "basis")
	for _, m := range doc.Mappings {
		g.Add(m.Relationship, m.ID, m.Title, m.basis())
	}
	return g
}

// MapMarkdown writes a Markdown table of the links: relationship, ID, title and
// basis (the sources, the parent a link is published for, or the derived path).
func MapMarkdown(w io.Writer, r *MapResult) error {
	if r == nil {
		return errNil("map result")
	}
	return mapGrid(NewMapDoc(r)).WriteMarkdown(w)
}

// MapTable writes the result as text for a terminal: a heading naming the control,
// the target and how to read a row, then the table of [MapMarkdown] fitting
// opts.Width, or a line saying there is no mapping (and, without derived paths,
// to try them).
func MapTable(w io.Writer, r *MapResult, opts Options) error {
	if r == nil {
		return errNil("map result")
	}
	doc := NewMapDoc(r)
	t := newTableWriter(w)
	t.f("%s  %s\n→ %s, read %q\n\n", cell(doc.From, 0), cell(doc.Title, 0), cell(doc.To, 0), "source RELATIONSHIP target")
	if len(doc.Mappings) == 0 {
		hint := ""
		if !doc.Derived {
			hint = " (try --derived)"
		}
		t.f("no mapping to %s%s\n", doc.To, hint)
		return t.flush()
	}
	t.writeTable(mapGrid(doc), opts.Width)
	return t.flush()
}
