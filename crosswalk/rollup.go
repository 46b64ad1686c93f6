package crosswalk

import "slices"

// counts is a tally of coverage statuses.
type counts struct{ total, covered, partial, gap, unreached, na int }

func (c *counts) add(v Coverage) {
	c.total++
	switch v {
	case ItemCovered:
		c.covered++
	case ItemPartial:
		c.partial++
	case ItemGap:
		c.gap++
	case ItemUnreached:
		c.unreached++
	case ItemNotApplicable:
		c.na++
	}
}

func summarize(covs []Coverage) Summary {
	var c counts
	for _, v := range covs {
		c.add(v)
	}
	s := Summary{Total: c.total, Covered: c.covered, Partial: c.partial, Gap: c.gap, Unreached: c.unreached,
		NotApplicable: c.na, Applicable: c.total - c.na}
	var p [4]float64
	percentsInto(p[:], s.Applicable, c.covered, c.partial, c.gap, c.unreached)
	s.CoveredPercent, s.PartialPercent, s.GapPercent, s.UnreachedPercent = p[0], p[1], p[2], p[3]
	s.CoveragePercent = s.CoveredPercent
	return s
}

// percents returns parts/whole in percent with one decimal, each rounded half up on
// its own (38/56 is 67.9, 3/7 is 42.9), as a reader checks them by hand: the parts
// need not add up to exactly 100.0. Rounding never makes a part look whole or
// empty: a part short of the whole is at most 99.9 (1999/2000 is 99.9, not 100.0)
// and a part above zero is at least 0.1 (1/2000 is 0.1, not 0.0). A zero whole gives
// zeros: nothing is measured (see [Summary.Measurable]).
func percents(whole int, parts ...int) []float64 {
	out := make([]float64, len(parts))
	percentsInto(out, whole, parts...)
	return out
}

// percentsInto is [percents] writing into out (len(out) = len(parts)).
func percentsInto(out []float64, whole int, parts ...int) {
	if whole <= 0 {
		clear(out)
		return
	}
	for i, p := range parts {
		tenths := (2000*p + whole) / (2 * whole)
		switch {
		case p > 0 && tenths == 0:
			tenths = 1
		case p < whole && tenths >= 1000:
			tenths = 999
		}
		out[i] = float64(tenths) / 10
	}
}

// CoveredPercent is the covered share, in percent with one decimal rounded half up,
// of the items counted by covered, partial, gap and unreached (the applicable items),
// as [Summary] and [Rollup] compute it, so a renderer showing counts of its own (a
// cell of a heat map) agrees with them. It is 0 when all four are 0 or any is
// negative.
func CoveredPercent(covered, partial, gap, unreached int) float64 {
	if covered < 0 || partial < 0 || gap < 0 || unreached < 0 {
		return 0
	}
	var p [4]float64
	percentsInto(p[:], covered+partial+gap+unreached, covered, partial, gap, unreached)
	return p[0]
}

// rollups counts the items per ancestor node (within the scope, when the items were
// limited to one: a function is not rolled up from one of its categories), then per
// implementation group: every group, or only those of groups when the items were
// limited to some (an IG1 item is in IG2 too, but IG1's items are not IG2).
func (cw *Crosswalk) rollups(t *target, covs []Coverage, groups, profiles []string, sc *scratch) []Rollup {
	sk := cw.rollSkeleton(t)
	byNode := zeroed(sc.cnt, len(sk.nodes))
	sc.cnt = byNode
	for k := range t.items {
		for _, g := range sk.slots[sk.off[k]:sk.off[k+1]] {
			byNode[g].add(covs[k])
		}
	}
	out := make([]Rollup, 0, len(sk.nodes)+3)
	for g, i := range sk.nodes {
		nd := &cw.nodes[i]
		out = append(out, rollup(nd.ref.ID, nd.title, string(nd.kind), &byNode[g]))
	}
	out = cw.bitRollups(out, t, covs, func(nd *node) uint8 { return nd.igs }, igNames[:], igTitles[:], "implementation-group", groups)
	out = cw.bitRollups(out, t, covs, func(nd *node) uint8 { return nd.profiles }, profileNames[:], profileTitles[:], "baseline-profile", profiles)
	return out
}

// bitRollups appends the roll-ups of the limits an item's bits(node) name (bit b:
// names[b], a CIS implementation group or an SP 800-53B baseline), of kind kind,
// for the limits with items that are in keep (all when keep is empty).
func (cw *Crosswalk) bitRollups(out []Rollup, t *target, covs []Coverage, bits func(*node) uint8, names, titles []string, kind string, keep []string) []Rollup {
	var by [8]counts
	for k, it := range t.items {
		b := bits(&cw.nodes[it])
		for i := range names {
			if b&(1<<i) != 0 {
				by[i].add(covs[k])
			}
		}
	}
	for i, name := range names {
		if by[i].total > 0 && (len(keep) == 0 || slices.Contains(keep, name)) {
			out = append(out, rollup(name, titles[i], kind, &by[i]))
		}
	}
	return out
}

// rollSkeleton is what the roll-ups per ancestor read, computed once per target:
// the ancestor nodes that have items below them, in document order, and for every
// item the indexes (into nodes) of the ancestors it counts for.
type rollSkeleton struct {
	nodes []int32
	off   []int32 // item k counts for slots[off[k]:off[k+1]]
	slots []int32
}

// rollSkeleton returns the roll-up skeleton of t: every ancestor of an item within
// the scope (when the items were limited to one: a function is not rolled up from
// one of its categories) that is not itself an item, and every root in the scope
// that is itself an item.
func (cw *Crosswalk) rollSkeleton(t *target) *rollSkeleton {
	t.rollOnce.Do(func() {
		span := cw.fws[t.tf]
		slot := make([]int32, span.end-span.start) // 1 + index into nodes, 0 when none yet
		var anc [][]int32
		for _, it := range t.items {
			var as []int32
			if cw.nodes[it].parent < 0 && cw.inScope(it, t.scope) {
				// A root that is itself an item (a NIS2 section without sub-headings) is a
				// group of its own, so that every item shows in the roll-ups.
				as = append(as, it)
				slot[it-span.start] = 1
			}
			for p := cw.nodes[it].parent; p >= 0 && cw.inScope(p, t.scope); p = cw.nodes[p].parent {
				if _, isItem := slices.BinarySearch(t.items, p); isItem {
					continue // an item is not a group (an SP 800-53 control with enhancements)
				}
				as = append(as, p)
				slot[p-span.start] = 1
			}
			anc = append(anc, as)
		}
		sk := &rollSkeleton{off: make([]int32, len(t.items)+1)}
		for i, used := range slot {
			if used != 0 {
				sk.nodes = append(sk.nodes, span.start+int32(i))
				slot[i] = int32(len(sk.nodes))
			}
		}
		for k, as := range anc {
			for _, p := range as {
				sk.slots = append(sk.slots, slot[p-span.start]-1)
			}
			sk.off[k+1] = int32(len(sk.slots))
		}
		t.roll = sk
	})
	return t.roll
}

// igNames are the CIS implementation groups, in the order of their bits, and
// igTitles their roll-up titles.
var (
	igNames  = [...]string{"IG1", "IG2", "IG3"}
	igTitles = [...]string{"Implementation Group 1", "Implementation Group 2", "Implementation Group 3"}
)

func rollup(id, title, kind string, c *counts) Rollup {
	r := Rollup{ID: id, Title: title, Kind: kind, Total: c.total, Covered: c.covered, Partial: c.partial,
		Gap: c.gap, Unreached: c.unreached, NotApplicable: c.na}
	var p [4]float64
	percentsInto(p[:], c.total-c.na, c.covered, c.partial, c.gap, c.unreached)
	r.CoveragePercent = p[0]
	return r
}
