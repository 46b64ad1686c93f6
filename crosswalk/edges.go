package crosswalk

import (
	"cmp"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// PairEdge is one published edge between two frameworks, read from the first to the
// second: From Relationship To. Its [Hop] says which set and source published it and
// whether it is read backwards (Inverse: the source published it To → From, and the
// relationship is inverted).
type PairEdge struct {
	Hop
	// Misprint holds the reference as the source printed it when From or To is the
	// evident reading of a slip (see [mappings.Edge].Misprint).
	Misprint string
	// Strength is the source's IR 8477 strength (0–10), meaningful when HasStrength.
	Strength    int
	HasStrength bool
	// Succession names, for an edge carried across an identity succession, the
	// framework whose published edge this is ("cis:8" for a CIS v8.1 safeguard); its
	// refs name the same-ID controls of the frameworks asked for. "" for an edge
	// published between them.
	Succession catalog.FrameworkID
}

// PairStatement is what a mapping set states about an element instead of an edge
// (NIST's "no reference", "All applicable controls"), with the set that states it.
type PairStatement struct {
	mappings.Statement
	Set string // ID of the mapping set
}

// Pair is the published mapping data between two frameworks, read from From to To:
// the result of [Crosswalk.Edges].
type Pair struct {
	From, To catalog.FrameworkID
	// Edges are in document order of their From control, then of their To control,
	// then in the order of the sets given.
	Edges []PairEdge
	// Statements are those the sets published from From (or from a framework From
	// carries as its annex, or that carries From) make about From's elements, in
	// document order of the element.
	Statements []PairStatement
}

// Edges returns the published edges between frameworks a and b in sets, either way
// round, read from a to b, and the statements the sets published from a make about
// a's elements instead of edges.
//
// An edge published b → a is read backwards: its relationship inverted (subset-of
// becomes superset-of) and marked Inverse. A framework that carries another as its
// annex answers for both: b = iso27001:2022 takes the edges to its clauses and to its
// Annex A controls (those of iso27002:2022). Edges keep the refs as published and
// repeat what the sets repeat.
//
// When no edge is published between a and b, Edges looks for the edges an identity
// succession carries ([mappings.Set.IsIdentity]): those published between a and a
// same-ID twin of b (or between a twin of a and b), with their refs moved to a and b
// and Succession naming the twin's framework. CIS publishes its ISO/IEC 27002 mapping
// for v8, and v8 → v8.1 keeps every safeguard's ID.
//
// The sets are those to read: the crosswalk keeps only what its queries need of
// them (not misprints, strengths or repeated edges), so pass the sets it was built
// from, or some of them. The crosswalk's catalog gives the annex frameworks and the
// document order, so user frameworks sort as they are written.
func (cw *Crosswalk) Edges(a, b catalog.FrameworkID, sets []mappings.Set) Pair {
	p := cw.edgesBetween(a, b, sets)
	if len(p.Edges) == 0 {
		p.Edges = cw.edgesCarried(a, b, sets)
	}
	return p
}

// edgeScope says which frameworks stand for the two asked for: each one and the
// framework it carries as its annex.
type edgeScope struct {
	cw        *Crosswalk
	a, aAnnex catalog.FrameworkID
	b, bAnnex catalog.FrameworkID
}

func (cw *Crosswalk) newEdgeScope(a, b catalog.FrameworkID) edgeScope {
	return edgeScope{cw: cw, a: a, aAnnex: cw.edgeAnnex(a), b: b, bAnnex: cw.edgeAnnex(b)}
}

// edgeAnnex returns the framework fw carries as its annex, or "".
func (cw *Crosswalk) edgeAnnex(fw catalog.FrameworkID) catalog.FrameworkID {
	in, _ := cw.cat.Framework(fw)
	return in.AnnexOf
}

// ofA and ofB report whether a control of framework fw is one of a's (b's): its
// own, or one of the framework it carries as its annex.
func (p edgeScope) ofA(fw catalog.FrameworkID) bool {
	return fw == p.a || (p.aAnnex != "" && fw == p.aAnnex)
}
func (p edgeScope) ofB(fw catalog.FrameworkID) bool {
	return fw == p.b || (p.bAnnex != "" && fw == p.bAnnex)
}

// statesAbout reports whether the statements of set s are about a's elements read
// towards b: each of its frameworks stands for a and b (is one, is the annex of one,
// or carries one as its annex).
func (p edgeScope) statesAbout(s mappings.Set) bool {
	return (p.ofA(s.From) || p.cw.edgeAnnex(s.From) == p.a) && (p.ofB(s.To) || p.cw.edgeAnnex(s.To) == p.b)
}

// edgesBetween collects the edges published between a and b in sets, read from a to b, and
// the statements of the sets published from a.
func (cw *Crosswalk) edgesBetween(a, b catalog.FrameworkID, sets []mappings.Set) Pair {
	sc := cw.newEdgeScope(a, b)
	type row struct {
		e   PairEdge
		idx int // the set's position, the last sort key
	}
	var rows []row
	out := Pair{From: a, To: b, Edges: []PairEdge{}, Statements: []PairStatement{}}
	for i, s := range sets {
		for _, e := range s.Edges {
			switch {
			case sc.ofA(e.From.Framework) && sc.ofB(e.To.Framework):
				rows = append(rows, row{e: toPairEdge(e, s.ID, false), idx: i})
			case sc.ofB(e.From.Framework) && sc.ofA(e.To.Framework):
				rows = append(rows, row{e: toPairEdge(e.Inverse(), s.ID, true), idx: i})
			}
		}
		if sc.statesAbout(s) {
			for _, st := range s.Statements {
				if sc.ofA(st.Ref.Framework) {
					out.Statements = append(out.Statements, PairStatement{Statement: st, Set: s.ID})
				}
			}
		}
	}
	slices.SortStableFunc(rows, func(p, q row) int {
		if d := cw.cat.Compare(p.e.From, q.e.From); d != 0 {
			return d
		}
		if d := cw.cat.Compare(p.e.To, q.e.To); d != 0 {
			return d
		}
		return cmp.Compare(p.idx, q.idx)
	})
	for _, r := range rows {
		out.Edges = append(out.Edges, r.e)
	}
	slices.SortStableFunc(out.Statements, func(p, q PairStatement) int {
		return cw.cat.Compare(p.Ref, q.Ref)
	})
	return out
}

// toPairEdge is e as a PairEdge of set, read backwards when inverse (e already is).
func toPairEdge(e mappings.Edge, set string, inverse bool) PairEdge {
	return PairEdge{
		Hop: Hop{From: e.From, To: e.To, Relationship: e.Relationship, Inverse: inverse,
			Set: set, Source: e.Source, Note: e.Note, Label: e.Label},
		Misprint: e.Misprint, Strength: e.Strength, HasStrength: e.HasStrength,
	}
}

// edgesCarried returns the edges an identity succession of sets carries between a and b
// (see Edges): those of the first twin pair that has any, else none.
func (cw *Crosswalk) edgesCarried(a, b catalog.FrameworkID, sets []mappings.Set) []PairEdge {
	for _, s := range sets {
		if !s.IsIdentity() {
			continue
		}
		for _, tw := range succTwins(a, b, s) {
			out := cw.edgesBetween(tw.from, tw.to, sets).Edges
			for i := range out {
				out[i].From = moveToFramework(out[i].From, tw.from, a)
				out[i].To = moveToFramework(out[i].To, tw.to, b)
				out[i].Succession = tw.twin
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return []PairEdge{}
}

// succTwin is a pair of frameworks whose published edges an identity succession
// carries to the pair asked for: one side replaced by its twin.
type succTwin struct {
	from, to catalog.FrameworkID
	twin     catalog.FrameworkID // the side replaced
}

// succTwins lists, in the order they are tried, the pairs identity set s makes of
// a → b: b replaced by s's other framework, then a.
func succTwins(a, b catalog.FrameworkID, s mappings.Set) []succTwin {
	var out []succTwin
	for _, side := range []struct{ mine, twin catalog.FrameworkID }{{b, s.From}, {b, s.To}, {a, s.From}, {a, s.To}} {
		if side.twin == side.mine || (s.From != side.mine && s.To != side.mine) {
			continue
		}
		p := succTwin{from: a, to: b, twin: side.twin}
		if side.mine == b {
			p.to = side.twin
		} else {
			p.from = side.twin
		}
		if p.from != p.to {
			out = append(out, p)
		}
	}
	return out
}

// moveToFramework gives r the framework to when it is one of from's; a ref of an annex
// framework stays as it is.
func moveToFramework(r catalog.Ref, from, to catalog.FrameworkID) catalog.Ref {
	if r.Framework == from {
		r.Framework = to
	}
	return r
}

// EdgesOf returns the published edges of sets that leave or reach control r, each
// read from r: an edge published towards r is read backwards (its relationship
// inverted) and marked Inverse. r may be any name of the control (an Annex A
// spelling such as "iso27001:2022/A.5.1" too), and edges match under any of its
// names ([catalog.Catalog.Aliases]). The edges are in document order of their other
// end (To), then by source and relationship; an edge a set repeats comes as often.
// A ref the crosswalk's catalog does not hold has no edges.
func (cw *Crosswalk) EdgesOf(r catalog.Ref, sets []mappings.Set) []PairEdge {
	canon, ok := cw.cat.Canonical(r)
	if !ok {
		return nil
	}
	names := append([]catalog.Ref{canon}, cw.cat.Aliases(canon)...)
	var out []PairEdge
	for _, s := range sets {
		for _, e := range s.Edges {
			if slices.Contains(names, e.From) {
				out = append(out, toPairEdge(e, s.ID, false))
			}
			if slices.Contains(names, e.To) {
				out = append(out, toPairEdge(e.Inverse(), s.ID, true))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b PairEdge) int {
		if d := cw.cat.Compare(a.To, b.To); d != 0 {
			return d
		}
		if d := cmp.Compare(a.Source, b.Source); d != 0 {
			return d
		}
		return cmp.Compare(a.Relationship.String(), b.Relationship.String())
	})
	return out
}

// MapAll returns what [Crosswalk.Map] answers for control r towards every other
// framework of the catalog, framework by framework in catalog order. A control comes
// once, under its own framework: the annex controls a framework carries (ISO/IEC
// 27001's Annex A) come under the annex framework (ISO/IEC 27002), not again under
// the carrier; links at an ancestor of r are left out (r has a mapping of its own
// there or none). A control the catalog does not hold is an error, as for Map.
func (cw *Crosswalk) MapAll(r catalog.Ref, opts ...MapOption) ([]Link, error) {
	var out []Link
	for in := range cw.cat.Frameworks() {
		if in.ID == r.Framework {
			continue
		}
		links, err := cw.Map(r, in.ID, opts...)
		if err != nil {
			return nil, err
		}
		for _, l := range links {
			if l.To.Framework == in.ID && l.Ancestor.IsZero() {
				out = append(out, l)
			}
		}
	}
	return out, nil
}
