package crosswalk

import (
	"cmp"
	"slices"

	"github.com/controlgraph/controlgraph/mappings"
)

// DerivedSearchBudget bounds the work of one derived-path search (from one control,
// or for one gap item): the number of edges it examines. A dense user mapping could
// otherwise make the number of paths grow as the cube of its size. A search that
// stops at the bound says so ([Link.Cut], [GapResult.SearchCut]); what it found
// until then is kept.
const DerivedSearchBudget = 1 << 20

// MaxAlternatives is how many other derived paths a derived [Link] of a map keeps besides
// its best one; [Link.Routes] counts them all.
const MaxAlternatives = 4

// path is a derived path found by walk: the arcs taken, their nodes and the composed
// relationship.
type path struct {
	target int32
	rel    mappings.Relationship
	steps  []step
}

type step struct {
	from int32
	a    arc
}

// derived is one control that derived paths reach: the best path, the number of
// routes (distinct paths, twins of an identity succession read as one control) and a
// few alternatives.
type derived struct {
	target int32
	rel    mappings.Relationship // of the best path
	steps  []step                // the best path, owned
	routes int                   // independent routes: distinct sequences of pivot framework families
	paths  int                   // distinct paths (pivot controls, identity twins read as one)
	alts   []path                // the next best paths, best first, at most MaxAlternatives
}

// derive finds the derived paths from src to controls of the frameworks tfs that
// accept admits, keeping per control what an answer needs (best path, route count, a
// few alternatives), ranked by [compareDerived]. cut is true when the search
// stopped at [DerivedSearchBudget].
func (cw *Crosswalk) derive(src int32, tfs []int32, hops int, accept func(int32) bool) (found []derived, cut bool) {
	idx := map[int32]int{}
	routes, paths := map[routeKey]struct{}{}, map[routeKey]struct{}{}
	cut = cw.walk(src, tfs, hops, func(p path) {
		if !accept(p.target) {
			return
		}
		pk, rk := cw.routeOf(p, false), cw.routeOf(p, true)
		_, seenPath := paths[pk]
		if !seenPath {
			paths[pk] = struct{}{}
		}
		_, seenRoute := routes[rk]
		if !seenRoute {
			routes[rk] = struct{}{}
		}
		k, ok := idx[p.target]
		if !ok {
			idx[p.target] = len(found)
			found = append(found, derived{target: p.target, rel: p.rel, steps: slices.Clone(p.steps), routes: 1, paths: 1})
			return
		}
		d := &found[k]
		if !seenPath {
			d.paths++
		}
		if !seenRoute {
			d.routes++
		}
		best := path{target: d.target, rel: d.rel, steps: d.steps}
		if comparePaths(p, best) < 0 {
			d.alts = insertAlt(d.alts, best)
			d.rel, d.steps = p.rel, slices.Clone(p.steps)
			return
		}
		if len(d.alts) < MaxAlternatives || comparePaths(p, d.alts[len(d.alts)-1]) < 0 {
			p.steps = slices.Clone(p.steps)
			d.alts = insertAlt(d.alts, p)
		}
	})
	slices.SortFunc(found, compareDerived)
	return found, cut
}

// routeKey identifies a path or a route to a target. For a path: the inner controls,
// each read as the first of its identity twins, without the identity steps (two
// paths that differ only by passing through CIS v8 or its identical v8.1 twin are one
// path). For a route: the families of the frameworks those controls belong to — the
// publications the evidence rests on; fifty paths through fifty SP 800-53 controls
// rest on the same two publications and are one route.
type routeKey struct {
	target int32
	inner  [MaxHops]int32
}

func (cw *Crosswalk) routeOf(p path, families bool) routeKey {
	k := routeKey{target: p.target}
	for i := range k.inner {
		k.inner[i] = -1
	}
	class := func(i int32) int32 {
		if families {
			return cw.fws[cw.nodes[i].fw].family
		}
		return cw.twinClass(i)
	}
	n, prev := 0, class(p.steps[0].from)
	last := class(p.target)
	for _, s := range p.steps[1:] {
		c := class(s.from)
		if c == prev || c == last {
			continue // a twin of the control before it or of the target (an identity step), or the same family
		}
		if n < len(k.inner) {
			k.inner[n] = c
			n++
		}
		prev = c
	}
	return k
}

// twinClass is the first node of i's identity twins and itself.
func (cw *Crosswalk) twinClass(i int32) int32 {
	c := i
	for _, t := range cw.twinsOf(i) {
		c = min(c, t.node)
	}
	return c
}

// insertAlt inserts p in order, keeping at most MaxAlternatives.
func insertAlt(alts []path, p path) []path {
	i, _ := slices.BinarySearchFunc(alts, p, comparePaths)
	alts = slices.Insert(alts, i, p)
	if len(alts) > MaxAlternatives {
		alts = alts[:MaxAlternatives]
	}
	return alts
}

// compareDerived ranks derived results: more independent routes first (the best
// measured signal of a derived link being right; see the package documentation),
// then more paths, the stronger composed relationship, fewer hops, and document
// order.
func compareDerived(x, y derived) int {
	if c := cmp.Compare(y.routes, x.routes); c != 0 {
		return c
	}
	if c := cmp.Compare(y.paths, x.paths); c != 0 {
		return c
	}
	if c := cmp.Compare(y.rel.Rank(), x.rel.Rank()); c != 0 {
		return c
	}
	if c := cmp.Compare(len(x.steps), len(y.steps)); c != 0 {
		return c
	}
	return cmp.Compare(x.target, y.target)
}

// walk calls found for every simple path from src of 2..hops published edges that
// ends in one of the frameworks tfs and whose inner nodes are in neither src's
// framework nor those; found must not keep p.steps. Between two nodes only the
// strongest edge is followed; a not-related-to edge ends a path. An edge of an
// identity succession (CIS v8 → v8.1) joins one control to its twin: it is walked
// but not counted as a hop. walk returns true when it stopped at
// [DerivedSearchBudget].
func (cw *Crosswalk) walk(src int32, tfs []int32, hops int, found func(p path)) (cut bool) {
	w := walker{cw: cw, src: src, sf: cw.nodes[src].fw, tfs: tfs, hops: hops, found: found,
		stack: make([]step, 0, hops+2), budget: DerivedSearchBudget}
	w.from(src, 0, 0, false)
	return w.cut
}

// walker is the state of one derived-path search (see [Crosswalk.walk]).
type walker struct {
	cw     *Crosswalk
	src    int32
	sf     int32 // src's framework
	tfs    []int32
	hops   int
	found  func(p path)
	stack  []step // the path walked so far
	budget int    // edges left to examine
	cut    bool   // the budget ran out
}

// from follows the arcs of node cur, reached with composed relationship rel after
// n counted hops (the last an identity edge when lastIdentity).
func (w *walker) from(cur int32, rel mappings.Relationship, n int, lastIdentity bool) {
	last := int32(-1)
	for _, a := range w.cw.arcsOf(cur) {
		if w.budget--; w.budget < 0 {
			w.cut = true
			return
		}
		if a.to == last {
			continue // weaker edge between the same two nodes
		}
		last = a.to
		r, m, identity, ok := w.follows(cur, a, rel, n, lastIdentity)
		if !ok {
			continue
		}
		w.stack = append(w.stack, step{cur, a})
		nf := w.cw.nodes[a.to].fw
		switch {
		case slices.Contains(w.tfs, nf):
			if m >= 2 {
				w.found(path{target: a.to, rel: r, steps: w.stack})
			}
		case nf != w.sf && (m < w.hops || (!identity && w.cw.hasTwins(a.to))):
			w.from(a.to, r, m, identity)
		}
		w.stack = w.stack[:len(w.stack)-1]
		if w.cut {
			return
		}
	}
}

// follows reports whether the path may go on along arc a from cur, and if so the
// relationship composed so far, the hops counted (an identity succession's edge
// joins twins and is not counted) and whether a is an identity edge. A path never
// stays in a framework, returns to a node it has visited, takes two identity edges
// in a row, counts more than hops edges, or goes through a not-related-to edge.
func (w *walker) follows(cur int32, a arc, rel mappings.Relationship, n int, lastIdentity bool) (r mappings.Relationship, m int, identity, ok bool) {
	cw := w.cw
	if cw.nodes[a.to].fw == cw.nodes[cur].fw || a.to == w.src || onStack(w.stack, a.to) {
		return 0, 0, false, false
	}
	identity = cw.sets[cw.edges[a.edge()].set].identity
	if identity && lastIdentity {
		return 0, 0, false, false // twins are closed: one identity step is enough
	}
	if !identity && n >= w.hops {
		return 0, 0, false, false
	}
	r = cw.arcRel(a)
	if len(w.stack) > 0 {
		if r, ok = mappings.Compose(rel, r); !ok {
			return 0, 0, false, false
		}
	} else if r == mappings.NotRelatedTo {
		return 0, 0, false, false
	}
	m = n
	if !identity {
		m++
	}
	return r, m, identity, true
}

func onStack(st []step, n int32) bool {
	for _, s := range st {
		if s.from == n || s.a.to == n {
			return true
		}
	}
	return false
}

// comparePaths ranks derived paths to one control: stronger composed relationship,
// fewer hops, then the nodes of the path in document order.
func comparePaths(x, y path) int {
	if c := cmp.Compare(y.rel.Rank(), x.rel.Rank()); c != 0 {
		return c
	}
	if c := cmp.Compare(len(x.steps), len(y.steps)); c != 0 {
		return c
	}
	for i := range x.steps {
		if c := cmp.Compare(x.steps[i].a.to, y.steps[i].a.to); c != 0 {
			return c
		}
		if c := cmp.Compare(x.steps[i].a.edge(), y.steps[i].a.edge()); c != 0 {
			return c
		}
	}
	return 0
}
