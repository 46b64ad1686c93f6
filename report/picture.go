package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// A picture is a small graph drawn as Mermaid or DOT: nodes grouped in clusters,
// and labelled edges in three styles.
type picture struct {
	title    string
	clusters []pcluster
	nodes    []pnode
	edges    []pedge
	index    map[catalog.Ref]int // node by control
}

type pcluster struct{ label string }

type pnode struct {
	ref     catalog.Ref
	label   string
	cluster int // index in clusters
}

type edgeStyle int

const (
	solid  edgeStyle = iota // a published mapping
	dashed                  // a hop of a derived path
	dotted                  // the hierarchy: a control and its ancestor
)

type pedge struct {
	from, to int
	label    string
	style    edgeStyle
}

func newPicture(title string) *picture {
	return &picture{title: title, index: map[catalog.Ref]int{}}
}

func (p *picture) cluster(label string) int {
	for i, c := range p.clusters {
		if c.label == label {
			return i
		}
	}
	p.clusters = append(p.clusters, pcluster{label: label})
	return len(p.clusters) - 1
}

// node returns the node of r, adding it (labelled "ID title", in the cluster) the
// first time.
func (p *picture) node(cat *catalog.Catalog, r catalog.Ref, cluster string) int {
	if i, ok := p.index[r]; ok {
		return i
	}
	label := r.ID
	if c, ok := cat.Control(r); ok && c.Title != "" {
		label += "\n" + wrapLabel(c.Title, 34)
	}
	p.nodes = append(p.nodes, pnode{ref: r, label: label, cluster: p.cluster(cluster)})
	p.index[r] = len(p.nodes) - 1
	return len(p.nodes) - 1
}

func (p *picture) edge(from, to int, label string, style edgeStyle) {
	for _, e := range p.edges {
		if e.from == from && e.to == to && e.label == label && e.style == style {
			return
		}
	}
	p.edges = append(p.edges, pedge{from: from, to: to, label: label, style: style})
}

// wrapLabel breaks text into lines of about width runes at spaces, at most three
// lines (the rest is cut with "…").
func wrapLabel(s string, width int) string {
	words := strings.Fields(s)
	var lines []string
	var cur string
	for _, w := range words {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] += " …"
	}
	return strings.Join(lines, "\n")
}

var mermaidLabel = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", "<br/>", "\r", " ", "`", "#96;")

// mermaid writes the picture as a Mermaid flowchart, left to right.
func (p *picture) mermaid(w io.Writer) error {
	bw := bufio.NewWriter(w)
	title := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(p.title)
	fmt.Fprintf(bw, "---\ntitle: \"%s\"\n---\nflowchart LR\n", title)
	for ci, c := range p.clusters {
		fmt.Fprintf(bw, "  subgraph c%d[\"%s\"]\n", ci, mermaidLabel.Replace(c.label))
		for ni, n := range p.nodes {
			if n.cluster == ci {
				fmt.Fprintf(bw, "    n%d[\"%s\"]\n", ni, mermaidLabel.Replace(n.label))
			}
		}
		fmt.Fprintf(bw, "  end\n")
	}
	for _, e := range p.edges {
		arrow := "-->"
		switch e.style {
		case dashed:
			arrow = "-.->"
		case dotted:
			arrow = "-.-"
		}
		if e.label != "" {
			fmt.Fprintf(bw, "  n%d %s|\"%s\"| n%d\n", e.from, arrow, mermaidLabel.Replace(e.label), e.to)
		} else {
			fmt.Fprintf(bw, "  n%d %s n%d\n", e.from, arrow, e.to)
		}
	}
	return bw.Flush()
}

var dotLabel = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", " ")

// dot writes the picture as a Graphviz digraph, left to right.
func (p *picture) dot(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph controlgraph {\n  label=\"%s\";\n  labelloc=t;\n  rankdir=LR;\n", dotLabel.Replace(p.title))
	fmt.Fprintf(bw, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", fontname=\"Helvetica\", fontsize=10];\n")
	fmt.Fprintf(bw, "  edge [fontname=\"Helvetica\", fontsize=9];\n")
	for ci, c := range p.clusters {
		fmt.Fprintf(bw, "  subgraph cluster_%d {\n    label=\"%s\";\n    style=rounded;\n", ci, dotLabel.Replace(c.label))
		for ni, n := range p.nodes {
			if n.cluster == ci {
				fmt.Fprintf(bw, "    n%d [label=\"%s\"];\n", ni, dotLabel.Replace(n.label))
			}
		}
		fmt.Fprintf(bw, "  }\n")
	}
	for _, e := range p.edges {
		attrs := []string{}
		if e.label != "" {
			attrs = append(attrs, fmt.Sprintf("label=\"%s\"", dotLabel.Replace(e.label)))
		}
		switch e.style {
		case dashed:
			attrs = append(attrs, "style=dashed")
		case dotted:
			attrs = append(attrs, "style=dotted", "arrowhead=none")
		}
		if len(attrs) > 0 {
			fmt.Fprintf(bw, "  n%d -> n%d [%s];\n", e.from, e.to, strings.Join(attrs, ", "))
		} else {
			fmt.Fprintf(bw, "  n%d -> n%d;\n", e.from, e.to)
		}
	}
	fmt.Fprintf(bw, "}\n")
	return bw.Flush()
}

// mapPicture draws a Map result: the control, the controls it maps to by published
// edges (solid, labelled with the relationship), the ancestor a mapping is published
// at (joined to the control by a dotted line), and the hops of derived paths
// (dashed; the last hop's label also gives the composed relationship). Nodes are
// grouped by framework.
func mapPicture(from catalog.Ref, ms []crosswalk.Link, opts Options) *picture {
	cat := opts.catalog()
	p := newPicture("What " + string(from.Framework) + " " + from.ID + " maps to")
	fw := func(r catalog.Ref) string { return frameworkName(cat, r.Framework) }
	src := p.node(cat, from, fw(from))
	for _, m := range ms {
		switch {
		case m.Derived():
			for i, h := range m.Path {
				a := p.node(cat, h.From, fw(h.From))
				b := p.node(cat, h.To, fw(h.To))
				label := h.Relationship.String()
				if i == len(m.Path)-1 {
					label += " ⇒ derived " + m.Relationship.String()
				}
				p.edge(a, b, label, dashed)
			}
		case !m.Ancestor.IsZero():
			par := p.node(cat, m.Ancestor, fw(m.Ancestor))
			p.edge(src, par, "part of", dotted)
			p.edge(par, p.node(cat, m.To, fw(m.To)), m.Relationship.String(), solid)
		default:
			p.edge(src, p.node(cat, m.To, fw(m.To)), m.Relationship.String(), solid)
		}
	}
	return p
}

// MapMermaid draws the result of a crosswalk.Crosswalk.Map query for control from
// as a Mermaid flowchart: published mappings as solid arrows labelled with the
// relationship, mappings published for an ancestor through that ancestor (joined by
// a dotted line, "part of"), derived paths hop by hop as dashed arrows. Nodes are
// grouped by framework and labelled with ID and title.
func MapMermaid(w io.Writer, from catalog.Ref, ms []crosswalk.Link, opts Options) error {
	if err := mapPicture(from, ms, opts).mermaid(w); err != nil {
		return fmt.Errorf("report: map as Mermaid: %w", err)
	}
	return nil
}

// MapDOT draws the same picture as [MapMermaid] as a Graphviz digraph.
func MapDOT(w io.Writer, from catalog.Ref, ms []crosswalk.Link, opts Options) error {
	if err := mapPicture(from, ms, opts).dot(w); err != nil {
		return fmt.Errorf("report: map as DOT: %w", err)
	}
	return nil
}

// lift returns the node a control of the target side is drawn as: the parent of a
// leaf that has one (a CSF subcategory is drawn as its category, a CIS safeguard as
// its control), else the control itself.
func lift(cat *catalog.Catalog, r catalog.Ref) catalog.Ref {
	c, ok := cat.Control(r)
	if !ok || c.Parent.IsZero() {
		return r
	}
	for range cat.Children(r) {
		return r // not a leaf
	}
	return c.Parent
}

// root returns the root ancestor of r (itself when it has no parent).
func root(cat *catalog.Catalog, r catalog.Ref) catalog.Ref {
	out := r
	for a := range cat.Ancestors(r) {
		out = a.Ref
	}
	return out
}

// setPicture draws the published edges between two frameworks.
func setPicture(from, to catalog.FrameworkID, sets []mappings.Set, opts Options) *picture {
	cat := opts.catalog()
	arrows := setArrows(cat, from, to, sets)
	p := newPicture(frameworkName(cat, from) + " → " + frameworkName(cat, to) + " (published mappings)")
	// Add nodes in document order per side so that clusters and nodes come sorted.
	var as, bs []catalog.Ref
	for _, ar := range arrows {
		as = append(as, ar.a)
		bs = append(bs, ar.b)
	}
	for _, side := range [][]catalog.Ref{as, bs} {
		slices.SortFunc(side, cat.Compare)
		for _, r := range slices.Compact(side) {
			p.node(cat, r, setCluster(cat, r))
		}
	}
	for _, ar := range arrows {
		label := itoa(ar.n)
		if len(ar.rels) == 1 {
			for r := range ar.rels {
				label += " " + r.String()
			}
		}
		p.edge(p.index[ar.a], p.index[ar.b], label, solid)
	}
	return p
}

// setArrow is the edges from control a to item b (a control of to lifted one
// level above the leaves) aggregated into one arrow: how many, with which
// relationships.
type setArrow struct {
	a, b catalog.Ref
	n    int
	rels map[mappings.Relationship]bool
}

// setArrows aggregates the edges of sets between from and to (either direction,
// read from → to; Annex A spellings read as the control they name; not-related-to
// edges left out) into arrows, sorted in document order of their ends.
func setArrows(cat *catalog.Catalog, from, to catalog.FrameworkID, sets []mappings.Set) []*setArrow {
	type key struct{ a, b catalog.Ref }
	found := map[key]*setArrow{}
	var arrows []*setArrow
	for _, s := range sets {
		for e := range s.All() {
			a, okA := cat.Canonical(e.From)
			b, okB := cat.Canonical(e.To)
			if !okA || !okB {
				continue
			}
			rel := e.Relationship
			if a.Framework == to && b.Framework == from {
				a, b, rel = b, a, rel.Inverse()
			}
			if a.Framework != from || b.Framework != to || rel == mappings.NotRelatedTo {
				continue
			}
			k := key{a, lift(cat, b)}
			ar := found[k]
			if ar == nil {
				ar = &setArrow{a: k.a, b: k.b, rels: map[mappings.Relationship]bool{}}
				found[k] = ar
				arrows = append(arrows, ar)
			}
			ar.n++
			ar.rels[rel] = true
		}
	}
	slices.SortFunc(arrows, func(x, y *setArrow) int {
		return cmp.Or(cat.Compare(x.a, y.a), cat.Compare(x.b, y.b))
	})
	return arrows
}

// setCluster is the group a node of a set picture is drawn in: its framework, and
// its root with the root's title when it is not a root itself ("ISO/IEC
// 27002:2022: 5 Organizational controls").
func setCluster(cat *catalog.Catalog, r catalog.Ref) string {
	rt := root(cat, r)
	if rt == r {
		return frameworkName(cat, r.Framework)
	}
	label := rt.ID
	if c, ok := cat.Control(rt); ok && c.Title != "" && c.Title != rt.ID {
		label += " " + c.Title
	}
	return frameworkName(cat, r.Framework) + ": " + label
}

// SetMermaid draws the published edges between frameworks from and to, taken from
// the sets given (either direction; Annex A spellings read as the control they name;
// not-related-to edges left out), as a Mermaid flowchart: controls of from on the
// left, grouped by their root (ISO themes), and on the right the items of to one
// level above the leaves (CSF categories, CIS controls: a subcategory's edges are
// drawn at its category), grouped by their root (CSF functions). Each arrow stands
// for the edges it aggregates and is labelled with their number, and with the
// relationship when they all share one ("3 related").
func SetMermaid(w io.Writer, from, to catalog.FrameworkID, sets []mappings.Set, opts Options) error {
	if err := setPicture(from, to, sets, opts).mermaid(w); err != nil {
		return fmt.Errorf("report: mappings as Mermaid: %w", err)
	}
	return nil
}

// SetDOT draws the same picture as [SetMermaid] as a Graphviz digraph.
func SetDOT(w io.Writer, from, to catalog.FrameworkID, sets []mappings.Set, opts Options) error {
	if err := setPicture(from, to, sets, opts).dot(w); err != nil {
		return fmt.Errorf("report: mappings as DOT: %w", err)
	}
	return nil
}
