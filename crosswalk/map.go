package crosswalk

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Hop is one published mapping edge on the way from a control to another, read in
// the direction of travel: From Relationship To.
type Hop struct {
	From, To     catalog.Ref
	Relationship mappings.Relationship // as read from From to To
	// Inverse is true when the source published the edge To → From and the hop reads
	// it backwards (Relationship is then the inverse of the published one).
	Inverse bool
	Set     string // ID of the mapping set
	Source  string // ID of the source document
	Note    string // what the source printed, when the edge reads it differently
	Label   string // the source's own word for the link (e.g. "incorporated_into"), if any
}

// Mapping is one control of the target framework that a [Crosswalk.Map] query
// reaches, read "source Relationship Target".
type Mapping struct {
	Target       catalog.Ref
	Relationship mappings.Relationship
	// Published is true for a direct mapping: a published edge (in either direction)
	// links the source, or its ancestor ViaParent, to Target.
	Published bool
	// Inverse is true when the strongest published edge was published Target →
	// source and is read backwards.
	Inverse bool
	// Derived is true for a mapping no source publishes: it composes the edges of
	// Path through other frameworks, and Relationship is the composition
	// ([mappings.Compose]).
	Derived bool
	// ViaParent is set when the queried control has no mapping of its own to the
	// target framework and this one is published for its ancestor (a CSF category or
	// function): the mapping is at that level, not at the queried one.
	ViaParent catalog.Ref
	// Edges are the published edges between the source (or ViaParent) and Target,
	// strongest first, for a direct mapping.
	Edges []Hop
	// Path is the chain of edges of a derived mapping, hop by hop; for a direct
	// mapping it is nil.
	Path []Hop
	// Alternatives are the other derived paths found to Target (only with
	// [WithDerived]), best first.
	Alternatives [][]Hop
}

// Sources returns the IDs of the source documents behind m, without repeats, in the
// order met.
func (m Mapping) Sources() []string {
	var out []string
	for _, h := range append(slices.Clip(m.Edges), m.Path...) {
		if !slices.Contains(out, h.Source) {
			out = append(out, h.Source)
		}
	}
	return out
}

// MapOption changes what [Crosswalk.Map] returns. Make them with [WithDerived].
type MapOption interface {
	applyMap(*mapConfig)
}

type mapConfig struct {
	derived bool
	hops    int
}

// DefaultMaxHops is the longest derived path [WithDerived] looks for when given 0.
const DefaultMaxHops = 2

// MaxHops bounds the length of derived paths, whatever [WithDerived] asks.
const MaxHops = 4

type derivedOpt int

func (d derivedOpt) applyMap(c *mapConfig) { c.derived, c.hops = true, hopsOf(int(d)) }
func (d derivedOpt) applyGap(c *gapConfig) { c.derived, c.hops = true, hopsOf(int(d)) }

func hopsOf(n int) int {
	if n <= 0 {
		return DefaultMaxHops
	}
	return min(max(n, 2), MaxHops)
}

// WithDerived adds derived mappings: paths of up to maxHops published edges
// (DefaultMaxHops when maxHops ≤ 0, at most [MaxHops]) through controls of other
// frameworks. It is both a [MapOption] and a [GapOption].
func WithDerived(maxHops int) interface {
	MapOption
	GapOption
} {
	return derivedOpt(maxHops)
}

// Map returns the controls of framework to that the control ref maps to, best first:
//
//  1. direct mappings: published edges in either direction (an edge published
//     to → ref is read backwards and marked Inverse), strongest relationship first,
//     then in document order;
//  2. when ref has none, those of its nearest ancestors that have some, marked
//     ViaParent (a CSF subcategory whose category is mapped: "mapped at category
//     level");
//  3. with [WithDerived], derived mappings to the targets not reached directly: every
//     simple path of 2 to maxHops edges whose inner controls belong to frameworks other
//     than ref's and to's, composed with [mappings.Compose] (a not-related-to edge ends
//     a path) and ranked by composed relationship, then fewer hops, then document order.
//     Each target appears once with its best path; the others are its Alternatives.
//
// A framework that carries another as its Annex A (ISO/IEC 27001:2022) answers with
// its own controls (the clauses) and then those of the annex (the ISO/IEC 27002:2022
// controls, named as such). Edges between two controls of the same framework (other
// than the hierarchy, which Map does not walk) are not followed; succession sets (CIS v8 → v8.1, ISO 2013 →
// 2022) join two frameworks and are.
func (cw *Crosswalk) Map(ref catalog.Ref, to catalog.FrameworkID, opts ...MapOption) ([]Mapping, error) {
	var cfg mapConfig
	for _, o := range opts {
		if o != nil {
			o.applyMap(&cfg)
		}
	}
	src, ok := cw.node(ref)
	if !ok {
		return nil, &catalog.RefError{Input: ref.String(), Err: catalog.ErrNotFound}
	}
	tf, ok := cw.fwIdx[to]
	if !ok {
		return nil, &catalog.RefError{Input: string(to), Err: catalog.ErrUnknownFramework}
	}
	tfs := [2]int32{tf, -1}
	if a, ok := cw.fwIdx[cw.fws[tf].annex]; ok && a != cw.nodes[src].fw {
		tfs[1] = a // ISO/IEC 27001's Annex A: the ISO/IEC 27002 controls
	}
	var out []Mapping
	for _, f := range tfs {
		if f >= 0 {
			out = cw.direct(src, f, out, false)
		}
	}
	if len(out) == 0 {
		for p := cw.nodes[src].parent; p >= 0; p = cw.nodes[p].parent {
			for _, f := range tfs {
				if f >= 0 {
					out = cw.direct(p, f, out, true)
				}
			}
		}
	}
	if cfg.derived {
		for _, f := range tfs {
			if f >= 0 {
				out = cw.addDerived(out, src, f, cfg.hops)
			}
		}
	}
	return out, nil
}

// direct appends the published mappings of node i to framework tf, skipping targets
// already in out; when i is not the source of the query they are marked ViaParent.
func (cw *Crosswalk) direct(i, tf int32, out []Mapping, viaParent bool) []Mapping {
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
	hops := make([]Hop, len(seg)) // one backing array for every mapping's Edges
	for _, g := range groups {
		a := seg[g.k]
		for x, b := range seg[g.k:g.j] {
			hops[g.k+x] = cw.hop(i, b)
		}
		out = append(out, Mapping{
			Target:       cw.nodes[a.to].ref,
			Relationship: cw.arcRel(a),
			Published:    true,
			Inverse:      a.inv,
			ViaParent:    via,
			Edges:        hops[g.k:g.j:g.j],
		})
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

func (cw *Crosswalk) has(ms []Mapping, target int32) bool {
	r := cw.nodes[target].ref
	for _, m := range ms {
		if m.Target == r {
			return true
		}
	}
	return false
}

func (cw *Crosswalk) hop(from int32, a arc) Hop {
	e := &cw.edges[a.edge]
	return Hop{
		From:         cw.nodes[from].ref,
		To:           cw.nodes[a.to].ref,
		Relationship: cw.arcRel(a),
		Inverse:      a.inv,
		Set:          cw.sets[e.set].info.ID,
		Source:       e.source,
		Note:         e.note,
		Label:        e.label,
	}
}

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

// walk calls found for every simple path of 2..hops arcs from src that ends in
// framework tf and whose inner nodes are in neither src's framework nor tf. Between two
// nodes only the strongest edge is followed.
func (cw *Crosswalk) walk(src, tf int32, hops int, found func(p path)) {
	sf := cw.nodes[src].fw
	stack := make([]step, 0, hops)
	var rec func(cur int32, rel mappings.Relationship)
	rec = func(cur int32, rel mappings.Relationship) {
		arcs := cw.arcsOf(cur)
		last := int32(-1)
		for _, a := range arcs {
			if a.to == last {
				continue // weaker edge between the same two nodes
			}
			last = a.to
			nf := cw.nodes[a.to].fw
			if nf == cw.nodes[cur].fw || a.to == src || onStack(stack, a.to) {
				continue
			}
			r := cw.arcRel(a)
			if len(stack) > 0 {
				var ok bool
				if r, ok = mappings.Compose(rel, r); !ok {
					continue
				}
			} else if r == mappings.NotRelatedTo {
				continue
			}
			stack = append(stack, step{cur, a})
			switch {
			case nf == tf:
				if len(stack) >= 2 {
					found(path{target: a.to, rel: r, steps: stack})
				}
			case nf != sf && len(stack) < hops:
				rec(a.to, r)
			}
			stack = stack[:len(stack)-1]
		}
	}
	rec(src, 0)
}

func onStack(st []step, n int32) bool {
	for _, s := range st {
		if s.from == n || s.a.to == n {
			return true
		}
	}
	return false
}

func (cw *Crosswalk) hops(steps []step) []Hop {
	out := make([]Hop, len(steps))
	for i, s := range steps {
		out[i] = cw.hop(s.from, s.a)
	}
	return out
}

// comparePaths ranks derived paths: stronger composed relationship, fewer hops, then
// the nodes of the path in document order.
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
		if c := cmp.Compare(x.steps[i].a.edge, y.steps[i].a.edge); c != 0 {
			return c
		}
	}
	return 0
}

func (cw *Crosswalk) addDerived(out []Mapping, src, tf int32, hops int) []Mapping {
	byTarget := map[int32][]path{}
	cw.walk(src, tf, hops, func(p path) {
		p.steps = slices.Clone(p.steps)
		byTarget[p.target] = append(byTarget[p.target], p)
	})
	if len(byTarget) == 0 {
		return out
	}
	var derived []Mapping
	var best []path
	for t, ps := range byTarget {
		slices.SortFunc(ps, comparePaths)
		if k := slices.IndexFunc(out, func(m Mapping) bool { return m.Target == cw.nodes[t].ref }); k >= 0 {
			for _, p := range ps {
				out[k].Alternatives = append(out[k].Alternatives, cw.hops(p.steps))
			}
			continue
		}
		best = append(best, ps[0])
		m := Mapping{Target: cw.nodes[t].ref, Relationship: ps[0].rel, Derived: true, Path: cw.hops(ps[0].steps)}
		for _, p := range ps[1:] {
			m.Alternatives = append(m.Alternatives, cw.hops(p.steps))
		}
		derived = append(derived, m)
	}
	// Rank by the best path: relationship, hops, then the target's document order.
	order := make([]int, len(derived))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := best[a], best[b]
		if c := cmp.Compare(y.rel.Rank(), x.rel.Rank()); c != 0 {
			return c
		}
		if c := cmp.Compare(len(x.steps), len(y.steps)); c != 0 {
			return c
		}
		return cmp.Compare(x.target, y.target)
	})
	for _, i := range order {
		out = append(out, derived[i])
	}
	return out
}

// String describes a mapping on one line, for logs and tests.
func (m Mapping) String() string {
	s := fmt.Sprintf("%s %s", m.Relationship, m.Target)
	switch {
	case m.Derived:
		s += fmt.Sprintf(" (derived, %d hops)", len(m.Path))
	case !m.ViaParent.IsZero():
		s += fmt.Sprintf(" (mapped at %s level)", m.ViaParent)
	case m.Inverse:
		s += " (inverse)"
	}
	return s
}
