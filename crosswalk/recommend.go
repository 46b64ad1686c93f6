package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// Recommendation is a baseline control worth implementing next, with the target
// items its implementation would move up.
type Recommendation struct {
	Control string `json:"control"` // ID in the baseline
	Title   string `json:"title"`
	Status  Status `json:"status"` // its status now
	// Gain is the weighted number of steps the items move: the sum over the moved
	// items of weight × levels gained (gap → partial 1, partial → covered 1, gap →
	// covered 2). See [Crosswalk.Recommend] for the weights.
	Gain  int    `json:"gain"`
	Moves []Move `json:"moves"`
}

// Move is one target item a [Recommendation] moves up.
type Move struct {
	ID     string   `json:"id"`
	From   Coverage `json:"from"`
	To     Coverage `json:"to"`
	Weight int      `json:"weight"`
}

// Recommend returns up to n baseline controls, not yet implemented (planned,
// not implemented, partial or not assessed; never not applicable), in the order
// whose implementation moves the most target items up, chosen greedily: each round
// takes the control with the largest gain given the ones taken before (assumed
// implemented), ties going to the control first in document order; a control that
// would move nothing is never recommended.
//
// The gain of a control is the sum, over the items it moves, of the item's weight
// times the levels gained (gap → partial → covered). Weights: a CIS safeguard of
// IG1 weighs 3, of IG2 but not IG1 2, of IG3 only 1, so the safeguards every
// organisation needs come first; every other item weighs 1.
//
// The options are those of [Crosswalk.Gap].
func (cw *Crosswalk) Recommend(a *Assessment, targetFW catalog.FrameworkID, n int, opts ...GapOption) ([]Recommendation, error) {
	if a == nil {
		return nil, fmt.Errorf("crosswalk: nil assessment")
	}
	cfg, err := gapSetup(a, opts)
	if err != nil {
		return nil, err
	}
	t, err := cw.prepare(targetFW, &cfg)
	if err != nil {
		return nil, err
	}
	out := cw.recommend(t, cw.statusTable(a, t.base), nil, cfg.policy, n, nil)
	if out == nil {
		out = []Recommendation{}
	}
	return out, nil
}

func (cw *Crosswalk) weight(i int32) int {
	switch g := cw.nodes[i].igs; {
	case g&1 != 0:
		return 3
	case g&2 != 0:
		return 2
	}
	return 1
}

// ctlIndex is, per baseline position, the items whose coverage the control at that
// position counts for (byCtl), and the weight of every item: what the greedy choice
// reads, computed once per target.
type ctlIndex struct {
	off  []int32 // the items of position c are flat[off[c]:off[c+1]]
	flat []int32
	w    []int // weight per item
}

func (cw *Crosswalk) ctlIndex(t *target) *ctlIndex {
	t.ctlOnce.Do(func() {
		nb := int(t.base.n)
		x := &ctlIndex{off: make([]int32, nb+1), w: make([]int, len(t.items))}
		for k := range t.items {
			for _, r := range t.cov[k] {
				x.off[r.pos+1]++
			}
			x.w[k] = cw.weight(t.items[k])
		}
		for c := 0; c < nb; c++ {
			x.off[c+1] += x.off[c]
		}
		x.flat = make([]int32, x.off[nb])
		fill := make([]int32, nb)
		copy(fill, x.off[:nb])
		for k := range t.items {
			for _, r := range t.cov[k] {
				x.flat[fill[r.pos]] = int32(k)
				fill[r.pos]++
			}
		}
		t.ctl = x
	})
	return t.ctl
}

// recommend runs the greedy choice on a copy of the status table, in the working
// memory of sc (nil for fresh memory). covs is the coverage of every item under
// status, when the caller has it (nil to compute it).
func (cw *Crosswalk) recommend(t *target, status []Status, covs []Coverage, pol Policy, n int, sc *scratch) []Recommendation {
	if n <= 0 {
		return nil
	}
	if sc == nil {
		sc = getScratch()
		defer putScratch(sc)
	}
	x := cw.ctlIndex(t)
	off, flat, w := x.off, x.flat, x.w
	st := zeroed(sc.st2, len(status))
	sc.st2 = st
	copy(st, status)
	nb := len(st)
	cur := zeroed(sc.cur, len(t.items))
	sc.cur = cur
	if covs != nil {
		copy(cur, covs)
	} else {
		for k := range t.items {
			cur[k], _ = coverageOf(t.cov[k], t.shape[k], st, pol)
		}
	}
	byCtl := func(c int) []int32 { return flat[off[c]:off[c+1]] }
	candidate := func(c int) bool {
		switch st[c] {
		case NotAssessed, Partial, Planned, NotImplemented:
			return off[c+1] > off[c]
		}
		return false
	}
	gainOf := func(c int) int {
		was := st[c]
		st[c] = Implemented
		gain := 0
		for _, k := range byCtl(c) {
			if cur[k] == Unreached || cur[k] == NotApplicableCov || cur[k] == Covered {
				continue
			}
			if nc, _ := coverageOf(t.cov[k], t.shape[k], st, pol); nc.level()-cur[k].level() > 0 {
				d := nc.level() - cur[k].level()
				gain += d * w[k]
			}
		}
		st[c] = was
		return gain
	}
	// Gains are computed once and then only for the controls that share an item
	// with the one just taken: no other gain can change.
	gains := zeroed(sc.gains, nb)
	mark := zeroed(sc.mark, nb)
	sc.gains, sc.mark = gains, mark
	for c := 0; c < nb; c++ {
		if candidate(c) {
			gains[c] = gainOf(c)
		}
	}
	// The recommendations and their moves are gathered in scratch memory, then
	// copied into two arrays of exactly the size needed.
	recs, moves := sc.recs[:0], sc.moves[:0]
	for len(recs) < n {
		best, bestGain := -1, 0
		for c, g := range gains {
			if g > bestGain && candidate(c) {
				best, bestGain = c, g
			}
		}
		if best < 0 {
			break
		}
		node := t.base.node(int32(best))
		rec := Recommendation{Control: cw.baseID(t.base, node), Title: cw.nodes[node].title, Status: st[best], Gain: bestGain}
		st[best] = Implemented
		gains[best] = 0
		m0 := len(moves)
		for _, k := range byCtl(best) {
			nc, _ := coverageOf(t.cov[k], t.shape[k], st, pol)
			if nc.level() > cur[k].level() && cur[k] != Unreached && cur[k] != NotApplicableCov {
				moves = append(moves, Move{ID: cw.nodes[t.items[k]].ref.ID, From: cur[k], To: nc, Weight: w[k]})
				cur[k] = nc
			}
		}
		// Moves of this recommendation, by count: their place in moves is known.
		rec.Moves = moves[m0:len(moves):len(moves)]
		round := int32(len(recs) + 1)
		for _, k := range byCtl(best) {
			for _, r := range t.cov[k] {
				if c := int(r.pos); mark[c] != round && candidate(c) {
					mark[c] = round // once per round
					gains[c] = gainOf(c)
				}
			}
		}
		recs = append(recs, rec)
	}
	sc.recs, sc.moves = recs, moves
	if len(recs) == 0 {
		return nil
	}
	out := make([]Recommendation, len(recs))
	all := make([]Move, len(moves))
	copy(all, moves)
	m := 0
	for i, r := range recs {
		out[i] = r
		if k := len(r.Moves); k > 0 {
			out[i].Moves = all[m : m+k : m+k]
			m += k
		} else {
			out[i].Moves = nil
		}
	}
	return out
}
