package crosswalk

import (
	"cmp"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Map returns the controls of framework to that the control ref maps to, best first:
//
//  1. direct mappings: published edges in either direction (an edge published
//     to → ref is read backwards and marked Inverse), strongest relationship first,
//     then in document order;
//  2. published edges of same-ID twins in identity successions (CIS v8 for a CIS v8.1
//     safeguard, either end), basis succession with Through naming the framework;
//  3. when ref has none, those of its nearest ancestors that have some, marked
//     basis ancestor with Ancestor naming it (a CSF subcategory whose category is mapped: "mapped at category
//     level");
//  4. with [WithDerived], derived mappings to the targets not reached directly: paths
//     of 2 to maxHops edges whose inner controls belong to frameworks other than ref's
//     and to's, composed with [mappings.Compose] (a not-related-to edge ends a path;
//     an identity succession's edge is not counted as a hop), ranked by the number of
//     routes (distinct paths), then composed relationship, fewer hops and document
//     order. Each target appears once with its best path and its route count.
//
// A framework that carries another as its Annex A (ISO/IEC 27001:2022) answers with
// its own controls (the clauses) and then those of the annex (the ISO/IEC 27002:2022
// controls, named as such). Edges between two controls of the same framework (other
// than the hierarchy, which Map does not walk) are not followed.
func (cw *Crosswalk) Map(ref catalog.Ref, to catalog.FrameworkID, opts ...MapOption) ([]Link, error) {
	cfg := newMapConfig(opts)
	src, ok := cw.node(ref)
	if !ok {
		return nil, &catalog.RefError{Input: ref.String(), Err: catalog.ErrNotFound}
	}
	tf, ok := cw.fwIdx[to]
	if !ok {
		return nil, &catalog.RefError{Input: string(to), Err: catalog.ErrUnknownFramework}
	}
	// A framework with an annex answers with its own controls, then the annex's
	// (ISO/IEC 27001's Annex A: the ISO/IEC 27002 controls).
	tfs := make([]int32, 1, 2)
	tfs[0] = tf
	if a, ok := cw.fwIdx[cw.fws[tf].annex]; ok && a != cw.nodes[src].fw {
		tfs = append(tfs, a)
	}
	var out []Link
	for _, f := range tfs {
		out = cw.direct(src, src, f, out, false)
	}
	for _, f := range tfs {
		out = cw.succession(src, src, f, out, false)
	}
	if len(out) == 0 {
		out = cw.atAncestors(out, src, tfs)
	}
	if cfg.derived {
		for _, f := range tfs {
			out = cw.addDerived(out, src, f, cfg.hops, cfg.minRoutes)
		}
	}
	return out, nil
}

// atAncestors appends the mappings published (or carried by a succession) for the
// ancestors of the queried node src to the frameworks tfs, nearest first, each
// target once.
func (cw *Crosswalk) atAncestors(out []Link, src int32, tfs []int32) []Link {
	for p := cw.nodes[src].parent; p >= 0; p = cw.nodes[p].parent {
		for _, f := range tfs {
			out = cw.direct(src, p, f, out, true)
			out = cw.succession(src, p, f, out, true)
		}
	}
	return out
}

// succCand is an edge an identity succession carries to a control of the target
// framework: arc a from node from (i or a twin of it) reaches target (or its twin),
// through the framework whose edge it is.
type succCand struct {
	from, target int32
	a            arc
	through      int32
}

// successionCands returns the edges identity successions carry from node i to
// controls of framework tf: those of i's twins to tf, and those of i and its twins
// to the twins of tf's controls.
func (cw *Crosswalk) successionCands(i, tf int32) []succCand {
	var cands []succCand
	froms := []int32{i}
	for _, t := range cw.twinsOf(i) {
		froms = append(froms, t.node)
	}
	for _, from := range froms {
		for _, a := range cw.arcsOf(from) {
			if cw.sets[cw.edges[a.edge()].set].identity {
				continue
			}
			switch {
			case cw.nodes[a.to].fw == tf && from != i:
				cands = append(cands, succCand{from, a.to, a, cw.nodes[from].fw})
			case cw.nodes[a.to].fw != tf:
				if t := cw.twinIn(a.to, tf); t >= 0 {
					cands = append(cands, succCand{from, t, a, cw.nodes[a.to].fw})
				}
			}
		}
	}
	return cands
}

// succession appends the mappings of node i to framework tf that identity successions
// carry: the published edges of i's twins to tf, and i's (and its twins') edges to the
// twins of tf's controls, skipping targets already in out.
func (cw *Crosswalk) succession(src, i, tf int32, out []Link, viaParent bool) []Link {
	if len(cw.twins) == 0 {
		return out
	}
	cands := cw.successionCands(i, tf)
	if len(cands) == 0 {
		return out
	}
	// Group by target; in a group, the strongest edge first.
	slices.SortStableFunc(cands, func(x, y succCand) int {
		if c := cmp.Compare(x.target, y.target); c != 0 {
			return c
		}
		return cmp.Compare(cw.arcRel(y.a).Rank(), cw.arcRel(x.a).Rank())
	})
	var via catalog.Ref
	if viaParent {
		via = cw.nodes[i].ref
	}
	start := len(out)
	for k := 0; k < len(cands); {
		j := k + 1
		for j < len(cands) && cands[j].target == cands[k].target {
			j++
		}
		if !cw.has(out, cands[k].target) {
			m := cw.link(src, cands[k].target, cw.arcRel(cands[k].a), BasisSuccession)
			m.Through, m.Inverse, m.Ancestor = cw.fws[cands[k].through].id, cands[k].a.inv(), via
			if !via.IsZero() {
				m.Basis = BasisAncestor
			}
			for _, c := range cands[k:j] {
				m.Edges = append(m.Edges, cw.hop(c.from, c.a))
			}
			m.Sources = hopSources(m.Sources, m.Edges)
			out = append(out, m)
		}
		k = j
	}
	slices.SortStableFunc(out[start:], func(x, y Link) int { return cmp.Compare(y.Relationship.Rank(), x.Relationship.Rank()) })
	return out
}

// direct appends the published mappings of node i to framework tf, skipping targets
// already in out; when i is not the source of the query they are marked ViaParent.
func (cw *Crosswalk) direct(src, i, tf int32, out []Link, viaParent bool) []Link {
	seg := cw.arcsTo(i, tf)
	if len(seg) == 0 {
		return out
	}
	start := len(out)
	var via catalog.Ref
	if viaParent {
		via = cw.nodes[i].ref
	}
	// Group the arcs by target (they are sorted by target, strongest first), order
	// the groups by relationship (stable: document order within a rank), then build.
	type group struct{ k, j int }
	var buf [16]group
	groups := buf[:0]
	for k := 0; k < len(seg); {
		j := k + 1
		for j < len(seg) && seg[j].to == seg[k].to {
			j++
		}
		if start == 0 || !cw.has(out[:start], seg[k].to) {
			groups = append(groups, group{k, j})
		}
		k = j
	}
	slices.SortStableFunc(groups, func(x, y group) int {
		return cmp.Compare(cw.arcRel(seg[y.k]).Rank(), cw.arcRel(seg[x.k]).Rank())
	})
	out = slices.Grow(out, len(groups))
	hops := make([]Hop, len(seg))       // one backing array for every mapping's Edges
	srcs := make([]string, 0, len(seg)) // and one for their Sources
	for _, g := range groups {
		a := seg[g.k]
		for x, b := range seg[g.k:g.j] {
			hops[g.k+x] = cw.hop(i, b)
		}
		m := cw.link(src, a.to, cw.arcRel(a), BasisPublished)
		m.Inverse, m.Ancestor, m.Edges = a.inv(), via, hops[g.k:g.j:g.j]
		if viaParent {
			m.Basis = BasisAncestor
		}
		// Each group's sources (at most one per edge) fit in what is left of srcs.
		m.Sources = slices.Clip(hopSources(srcs[len(srcs):], m.Edges))
		srcs = srcs[:len(srcs)+len(m.Sources)]
		out = append(out, m)
	}
	return out
}

// arcsTo returns the arcs of node i to nodes of framework tf: a contiguous run, as
// arcs are sorted by the far node and a framework's nodes are contiguous.
func (cw *Crosswalk) arcsTo(i, tf int32) []arc {
	arcs := cw.arcsOf(i)
	span := cw.fws[tf]
	lo, _ := slices.BinarySearchFunc(arcs, span.start, func(a arc, t int32) int { return cmp.Compare(a.to, t) })
	hi, _ := slices.BinarySearchFunc(arcs[lo:], span.end, func(a arc, t int32) int { return cmp.Compare(a.to, t) })
	return arcs[lo : lo+hi]
}

func (cw *Crosswalk) has(ms []Link, target int32) bool {
	r := cw.nodes[target].ref
	for _, m := range ms {
		if m.To == r {
			return true
		}
	}
	return false
}

func (cw *Crosswalk) hop(from int32, a arc) Hop {
	e := &cw.edges[a.edge()]
	return Hop{
		From:         cw.nodes[from].ref,
		To:           cw.nodes[a.to].ref,
		Relationship: cw.arcRel(a),
		Inverse:      a.inv(),
		Set:          cw.sets[e.set].info.ID,
		Source:       cw.strs[e.source],
		Note:         cw.strs[e.note],
		Label:        cw.strs[e.label],
	}
}

func (cw *Crosswalk) hops(steps []step) []Hop {
	out := make([]Hop, len(steps))
	for i, s := range steps {
		out[i] = cw.hop(s.from, s.a)
	}
	return out
}

// addDerived appends the derived mappings of src to framework tf: each target not in
// out yet once, with its best path, its route count and a few alternatives, ranked by
// routes, then relationship, hops and document order; targets in out get the paths
// as alternatives. Derived mappings with fewer than minRoutes routes are left out.
func (cw *Crosswalk) addDerived(out []Link, src, tf int32, hops, minRoutes int) []Link {
	found, cut := cw.derive(src, []int32{tf}, hops, func(int32) bool { return true })
	for _, d := range found {
		if k := slices.IndexFunc(out, func(m Link) bool { return m.To == cw.nodes[d.target].ref }); k >= 0 {
			if len(out[k].Alternatives) < MaxAlternatives {
				out[k].Alternatives = append(out[k].Alternatives, cw.hops(d.steps))
			}
			continue
		}
		if d.routes < minRoutes {
			continue
		}
		m := cw.link(src, d.target, d.rel, BasisDerived)
		m.Path, m.Routes, m.Paths, m.Cut = cw.hops(d.steps), d.routes, d.paths, cut
		m.Sources = hopSources(m.Sources, m.Path)
		for _, p := range d.alts {
			m.Alternatives = append(m.Alternatives, cw.hops(p.steps))
		}
		out = append(out, m)
	}
	return out
}

// link returns the link from node from to node to, with their titles.
func (cw *Crosswalk) link(from, to int32, rel mappings.Relationship, basis Basis) Link {
	return Link{From: cw.nodes[from].ref, To: cw.nodes[to].ref, FromTitle: cw.nodes[from].title, ToTitle: cw.nodes[to].title,
		Relationship: rel, Basis: basis}
}

// hopSources appends to list the sources of hops not in it yet, in the order met.
func hopSources(list []string, hops []Hop) []string {
	for _, h := range hops {
		list = appendNew(list, h.Source)
	}
	return list
}
