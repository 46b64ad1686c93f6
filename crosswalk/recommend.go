package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// Recommendation is a baseline control worth implementing next, with the target
// items its implementation would move up.
type Recommendation struct {
	Control string `json:"control"` // ID in the baseline
	Title   string `json:"title"`   // the control's title
	Status  Status `json:"status"`  // its status now
	// Gain is the weighted number of steps the items move: the sum over the moved
	// items of weight × levels gained (gap → partial 1, partial → covered 1, gap →
	// covered 2). See [Crosswalk.Recommend] for the weights.
	Gain  int    `json:"gain"`
	Moves []Move `json:"moves"` // the items it moves, in document order; at least one
}

// Move is one target item a [Recommendation] moves up.
type Move struct {
	ID     string   `json:"id"`     // the item's ID in the target framework
	From   Coverage `json:"from"`   // its coverage before, the controls recommended earlier counted as implemented
	To     Coverage `json:"to"`     // its coverage with this control implemented too
	Weight int      `json:"weight"` // the item's weight in Gain: 1, 2 or 3 (see [Crosswalk.Recommend])
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
	g := cw.newGreedy(t, status, covs, pol, sc)
	// The recommendations and their moves are gathered in scratch memory, then
	// copied into two arrays of exactly the size needed.
	recs, moves := sc.recs[:0], sc.moves[:0]
	for len(recs) < n {
		best := g.best()
		if best < 0 {
			break
		}
		var rec Recommendation
		rec, moves = g.take(best, moves)
		recs = append(recs, rec)
		g.update(best, int32(len(recs)))
	}
	sc.recs, sc.moves = recs, moves
	return ownRecommendations(recs, moves)
}

// greedy is the state of the greedy choice of recommendations: the statuses as
// the controls taken so far would make them, each item's coverage under them, and
// each candidate control's gain.
type greedy struct {
	cw    *Crosswalk
	t     *target
	x     *ctlIndex
	pol   Policy
	st    []Status   // by baseline position: the statuses, taken controls implemented
	cur   []Coverage // by item: the coverage under st
	gains []int      // by baseline position: what taking the control gains now
	mark  []int32    // by baseline position: the last round its gain was recomputed
}

func (cw *Crosswalk) newGreedy(t *target, status []Status, covs []Coverage, pol Policy, sc *scratch) greedy {
	g := greedy{cw: cw, t: t, x: cw.ctlIndex(t), pol: pol}
	g.st = zeroed(sc.st2, len(status))
	sc.st2 = g.st
	copy(g.st, status)
	g.cur = zeroed(sc.cur, len(t.items))
	sc.cur = g.cur
	if covs != nil {
		copy(g.cur, covs)
	} else {
		for k := range t.items {
			g.cur[k], _ = coverageOf(t.cov[k], t.shape[k], g.st, pol)
		}
	}
	// Gains are computed once and then only for the controls that share an item
	// with the one just taken: no other gain can change.
	g.gains = zeroed(sc.gains, len(g.st))
	g.mark = zeroed(sc.mark, len(g.st))
	sc.gains, sc.mark = g.gains, g.mark
	for c := range g.st {
		if g.candidate(c) {
			g.gains[c] = g.gainOf(c)
		}
	}
	return g
}

// items returns the items control c (a baseline position) counts for.
func (g *greedy) items(c int) []int32 { return g.x.flat[g.x.off[c]:g.x.off[c+1]] }

// candidate reports whether control c may be recommended: not implemented yet (nor
// not applicable), and counting for some item.
func (g *greedy) candidate(c int) bool {
	switch g.st[c] {
	case NotAssessed, Partial, Planned, NotImplemented:
		return g.x.off[c+1] > g.x.off[c]
	}
	return false
}

// gainOf is the weighted number of levels the items move if control c is
// implemented.
func (g *greedy) gainOf(c int) int {
	was := g.st[c]
	g.st[c] = Implemented
	gain := 0
	for _, k := range g.items(c) {
		if cur := g.cur[k]; cur != ItemUnreached && cur != ItemNotApplicable && cur != ItemCovered {
			if nc, _ := coverageOf(g.t.cov[k], g.t.shape[k], g.st, g.pol); nc.level() > cur.level() {
				gain += (nc.level() - cur.level()) * g.x.w[k]
			}
		}
	}
	g.st[c] = was
	return gain
}

// best returns the candidate with the largest gain (the first in document order on
// a tie), or -1 when none gains anything.
func (g *greedy) best() int {
	best, bestGain := -1, 0
	for c, gain := range g.gains {
		if gain > bestGain && g.candidate(c) {
			best, bestGain = c, gain
		}
	}
	return best
}

// take implements control c: it returns its recommendation, whose moves are
// appended to moves.
func (g *greedy) take(c int, moves []Move) (Recommendation, []Move) {
	cw, t := g.cw, g.t
	node := t.base.node(int32(c))
	rec := Recommendation{Control: cw.baseID(t.base, node), Title: cw.nodes[node].title, Status: g.st[c], Gain: g.gains[c]}
	g.st[c] = Implemented
	g.gains[c] = 0
	m0 := len(moves)
	for _, k := range g.items(c) {
		nc, _ := coverageOf(t.cov[k], t.shape[k], g.st, g.pol)
		if cur := g.cur[k]; nc.level() > cur.level() && cur != ItemUnreached && cur != ItemNotApplicable {
			moves = append(moves, Move{ID: cw.nodes[t.items[k]].ref.ID, From: cur, To: nc, Weight: g.x.w[k]})
			g.cur[k] = nc
		}
	}
	rec.Moves = moves[m0:len(moves):len(moves)]
	return rec, moves
}

// update recomputes, in round, the gains of the candidates that share an item with
// control c, just taken.
func (g *greedy) update(c int, round int32) {
	for _, k := range g.items(c) {
		for _, r := range g.t.cov[k] {
			if d := int(r.pos); g.mark[d] != round && g.candidate(d) {
				g.mark[d] = round // once per round
				g.gains[d] = g.gainOf(d)
			}
		}
	}
}

// ownRecommendations copies recs and their moves (in scratch memory) into two
// arrays of exactly the size needed; nil when there are none.
func ownRecommendations(recs []Recommendation, moves []Move) []Recommendation {
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
