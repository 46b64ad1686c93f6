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
	// Basis says why: published (an edge between the two, or between ViaParent and
	// Target), succession (a published edge of a same-ID twin, carried across the
	// identity succession named by Through), or derived.
	Basis Basis
	// Through is, for basis succession, the framework whose published edge was
	// carried ("cis:8" for a CIS v8.1 safeguard).
	Through catalog.FrameworkID
	// Published is true for a direct mapping (basis published or succession): a
	// published edge links the source, or its ancestor ViaParent, or their twins, to
	// Target.
	Published bool
	// Inverse is true when the strongest published edge was published Target →
	// source and is read backwards.
	Inverse bool
	// Derived is true for a mapping no source publishes: it composes the edges of
	// Path through other frameworks, and Relationship is the composition
	// ([mappings.Compose]).
	Derived bool
	// Routes is, for a derived mapping, the number of independent routes that reach
	// Target (distinct sequences of the framework families its paths pass through):
	// the best measured signal of a derived mapping being right.
	Routes int
	// Paths is, for a derived mapping, the number of distinct paths that reach Target.
	Paths int
	// Cut is true when the derived search stopped at [DerivedSearchBudget]: Routes
	// counts the paths found until then.
	Cut bool
	// ViaParent is set when the queried control has no mapping of its own to the
	// target framework and this one is published for its ancestor (a CSF category or
	// function): the mapping is at that level, not at the queried one.
	ViaParent catalog.Ref
	// Edges are the published edges between the source (or ViaParent, or a twin) and
	// Target (or its twin), strongest first, for a direct mapping.
	Edges []Hop
	// Path is the chain of edges of a derived mapping, hop by hop; for a direct
	// mapping it is nil.
	Path []Hop
	// Alternatives are other derived paths found to Target (only with [WithDerived]),
	// best first, at most [MaxAlternatives].
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

// MapOption changes what [Crosswalk.Map] returns. Make them with [WithDerived] and
// [WithMinRoutes].
type MapOption interface {
	applyMap(*mapConfig)
}

type mapConfig struct {
	derived   bool
	hops      int
	minRoutes int
}

// DefaultMaxHops is the longest derived path [WithDerived] looks for when given 0.
const DefaultMaxHops = 2

// MaxHops bounds the length of derived paths, whatever [WithDerived] asks.
const MaxHops = 4

// DerivedOption is an option of both [Crosswalk.Map] and the gap queries.
type DerivedOption interface {
	MapOption
	GapOption
}

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
// frameworks. In a gap query they reach only items no published edge reaches, and
// give at most partial coverage.
func WithDerived(maxHops int) DerivedOption { return derivedOpt(maxHops) }

type minRoutesOpt int

func (n minRoutesOpt) applyMap(c *mapConfig) { c.minRoutes = int(n) }
func (n minRoutesOpt) applyGap(c *gapConfig) { c.minRoutes = int(n) }

// WithMinRoutes keeps only the derived mappings that at least n distinct paths reach
// (1, the default, keeps all). The package documentation ("Derived paths") has the
// measured precision of each setting.
func WithMinRoutes(n int) DerivedOption { return minRoutesOpt(max(n, 1)) }

// Map returns the controls of framework to that the control ref maps to, best first:
//
//  1. direct mappings: published edges in either direction (an edge published
//     to → ref is read backwards and marked Inverse), strongest relationship first,
//     then in document order;
//  2. published edges of same-ID twins in identity successions (CIS v8 for a CIS v8.1
//     safeguard, either end), basis succession with Through naming the framework;
//  3. when ref has none, those of its nearest ancestors that have some, marked
//     ViaParent (a CSF subcategory whose category is mapped: "mapped at category
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
func (cw *Crosswalk) Map(ref catalog.Ref, to catalog.FrameworkID, opts ...MapOption) ([]Mapping, error) {
	cfg := mapConfig{minRoutes: 1}
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
	for _, f := range tfs {
		if f >= 0 {
			out = cw.succession(src, f, out, false)
		}
	}
	if len(out) == 0 {
		for p := cw.nodes[src].parent; p >= 0; p = cw.nodes[p].parent {
			for _, f := range tfs {
				if f >= 0 {
					out = cw.direct(p, f, out, true)
					out = cw.succession(p, f, out, true)
				}
			}
		}
	}
	if cfg.derived {
		for _, f := range tfs {
			if f >= 0 {
				out = cw.addDerived(out, src, f, cfg.hops, cfg.minRoutes)
			}
		}
	}
	return out, nil
}

// succession appends the mappings of node i to framework tf that identity successions
// carry: the published edges of i's twins to tf, and i's (and its twins') edges to the
// twins of tf's controls, skipping targets already in out.
func (cw *Crosswalk) succession(i, tf int32, out []Mapping, viaParent bool) []Mapping {
	if len(cw.twins) == 0 {
		return out
	}
	type cand struct {
		from, target int32
		a            arc
		through      int32
	}
	var cands []cand
	froms := append([]int32{i}, func() []int32 {
		var ns []int32
		for _, t := range cw.twins[i] {
			ns = append(ns, t.node)
		}
		return ns
	}()...)
	for _, from := range froms {
		for _, a := range cw.arcsOf(from) {
			if cw.sets[cw.edges[a.edge()].set].identity {
				continue
			}
			switch {
			case cw.nodes[a.to].fw == tf && from != i:
				cands = append(cands, cand{from, a.to, a, cw.nodes[from].fw})
			case cw.nodes[a.to].fw != tf:
				if t := cw.twinIn(a.to, tf); t >= 0 {
					cands = append(cands, cand{from, t, a, cw.nodes[a.to].fw})
				}
			}
		}
	}
	if len(cands) == 0 {
		return out
	}
	// Group by target; in a group, the strongest edge first.
	slices.SortStableFunc(cands, func(x, y cand) int {
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
			m := Mapping{Target: cw.nodes[cands[k].target].ref, Relationship: cw.arcRel(cands[k].a), Basis: BasisSuccession,
				Through: cw.fws[cands[k].through].id, Published: true, Inverse: cands[k].a.inv(), ViaParent: via}
			for _, c := range cands[k:j] {
				m.Edges = append(m.Edges, cw.hop(c.from, c.a))
			}
			out = append(out, m)
		}
		k = j
	}
	slices.SortStableFunc(out[start:], func(x, y Mapping) int { return cmp.Compare(y.Relationship.Rank(), x.Relationship.Rank()) })
	return out
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
			Basis:        BasisPublished,
			Published:    true,
			Inverse:      a.inv(),
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
func (cw *Crosswalk) addDerived(out []Mapping, src, tf int32, hops, minRoutes int) []Mapping {
	found, cut := cw.derive(src, []int32{tf}, hops, func(int32) bool { return true })
	for _, d := range found {
		if k := slices.IndexFunc(out, func(m Mapping) bool { return m.Target == cw.nodes[d.target].ref }); k >= 0 {
			if len(out[k].Alternatives) < MaxAlternatives {
				out[k].Alternatives = append(out[k].Alternatives, cw.hops(d.steps))
			}
			continue
		}
		if d.routes < minRoutes {
			continue
		}
		m := Mapping{Target: cw.nodes[d.target].ref, Relationship: d.rel, Basis: BasisDerived, Derived: true,
			Path: cw.hops(d.steps), Routes: d.routes, Paths: d.paths, Cut: cut}
		for _, p := range d.alts {
			m.Alternatives = append(m.Alternatives, cw.hops(p.steps))
		}
		out = append(out, m)
	}
	return out
}

// String describes a mapping on one line, for logs and tests.
func (m Mapping) String() string {
	s := fmt.Sprintf("%s %s", m.Relationship, m.Target)
	switch {
	case m.Derived:
		routes := "routes"
		if m.Routes == 1 {
			routes = "route"
		}
		s += fmt.Sprintf(" (derived, %d hops, %d %s)", len(m.Path), m.Routes, routes)
	case m.Basis == BasisSuccession:
		s += fmt.Sprintf(" (via %s, succession)", m.Through)
	case !m.ViaParent.IsZero():
		s += fmt.Sprintf(" (mapped at %s level)", m.ViaParent)
	case m.Inverse:
		s += " (inverse)"
	}
	return s
}
