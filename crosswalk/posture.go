package crosswalk

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// Posture is one assessment measured against several target frameworks at once:
// "we assessed our controls once — where do we stand against every other
// framework?". Each row is exactly what [Crosswalk.Gap] gives for its target alone,
// with the same options.
type Posture struct {
	Baseline catalog.FrameworkID `json:"baseline"` // the framework the assessment rates
	Policy   Policy              `json:"policy"`   // the policy asked for, as in [GapResult].Policy
	Derived  bool                `json:"derived"`  // derived paths were searched ([WithDerived])
	// Rows are, per target in the order of the targets, the whole framework and then
	// each of its limits (IG1, IG2, IG3; LOW, MODERATE, HIGH) it has.
	Rows []PostureRow `json:"rows"`
	// Recommendations are the baseline controls whose implementation moves the items
	// of every target together furthest up (the levels gained, every item weighing 1;
	// each framework counted once, not once per implementation group or baseline
	// row), chosen greedily: each assumes the ones before it implemented.
	Recommendations []PostureRecommendation `json:"recommendations"`
	// NotAssessed are the baseline controls the assessment does not rate (counted as
	// not implemented in every row), as in [GapResult].NotAssessed, and
	// BaselineControls how many controls of the baseline an assessment rates.
	NotAssessed      []string `json:"not_assessed,omitempty"`
	BaselineControls int      `json:"baseline_controls,omitempty"`
}

// PostureRow is the coverage of one target, or of one limit of it (a CIS
// implementation group, an SP 800-53B baseline).
type PostureRow struct {
	Target catalog.FrameworkID `json:"target"`          // the target framework
	Name   string              `json:"name"`            // the framework's name
	Limit  string              `json:"limit,omitempty"` // "IG1", "MODERATE", or "" for the whole framework
	// Summary is the [GapResult.Summary] of the target with the limit.
	Summary Summary  `json:"summary"`
	Notes   []string `json:"notes,omitempty"` // the gap result's notes
}

// PostureRecommendation is a baseline control and what implementing it would move,
// per target framework.
type PostureRecommendation struct {
	Control string `json:"control"` // ID in the baseline, as the assessment names it ("5.1", "A.5.1")
	Title   string `json:"title"`   // the control's title
	Status  Status `json:"status"`  // its assessed status now
	Gain    int    `json:"gain"`    // levels gained over every target (gap → partial → covered)
	// Moves counts the items it moves up, per target framework that has some: the
	// most items first, ties in the order of the targets.
	Moves []PostureMove `json:"moves"`
}

// PostureMove is how many items of one target a recommendation moves up.
type PostureMove struct {
	Target catalog.FrameworkID `json:"target"` // a target framework of the posture
	Items  int                 `json:"items"`  // its items moved up (gap → partial → covered), at least 1
}

// PostureOption changes a [Crosswalk.Posture] query: any [GapOption] (the policy,
// [WithDerived], ...), and [WithTargets].
type PostureOption interface {
	GapOption
}

type targetsOpt []catalog.FrameworkID

func (targetsOpt) applyGap(*gapConfig) {}

// WithTargets names the target frameworks of a [Crosswalk.Posture], in the order of
// its rows. By default: the newest version of every framework family of the catalog
// other than the baseline's.
func WithTargets(ids ...catalog.FrameworkID) PostureOption { return targetsOpt(slices.Clone(ids)) }

// DefaultPostureRecommendations is how many recommendations a [Posture] carries.
const DefaultPostureRecommendations = 3

// Posture measures assessment a against every target (see [WithTargets]): one row
// per target, then a row per CIS implementation group (IG1, IG2, IG3) and per
// SP 800-53B baseline (LOW, MODERATE, HIGH) where the target has them, each equal to
// the [Crosswalk.Gap] of that target with the same options and the limit; and the
// controls whose implementation gains the most levels over all targets together
// (unweighted, unlike [Crosswalk.Recommend]).
func (cw *Crosswalk) Posture(a *Assessment, opts ...PostureOption) (*Posture, error) {
	if a == nil {
		return nil, fmt.Errorf("crosswalk: nil assessment")
	}
	targets, gopts := splitPostureOptions(opts)
	cfg, err := gapSetup(a, gopts)
	if err != nil {
		return nil, err
	}
	if len(cfg.groups) > 0 || len(cfg.profiles) > 0 || len(cfg.scope) > 0 {
		return nil, fmt.Errorf("crosswalk: Posture makes its own rows per implementation group and control baseline; WithGroup, WithProfile and WithScope do not apply")
	}
	if targets == nil {
		targets = cw.postureTargets(a.baseline)
	}
	p := &Posture{Baseline: a.baseline, Policy: cfg.policy, Derived: cfg.derived, Rows: []PostureRow{}}
	var ts []*target
	for _, tf := range targets {
		rows, err := cw.postureRows(a, tf, gopts)
		if err != nil {
			return nil, err
		}
		p.Rows = append(p.Rows, rows...)
		c := cfg
		t, err := cw.prepare(tf, &c)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	if len(ts) > 0 {
		st := cw.statusTable(a, ts[0].base)
		p.Recommendations = cw.recommendAcross(ts, st, cfg.policy, DefaultPostureRecommendations)
		for i, s := range st {
			if c := ts[0].base.node(int32(i)); cw.isLeaf(c) {
				p.BaselineControls++
				if s == NotAssessed {
					p.NotAssessed = append(p.NotAssessed, cw.baseID(ts[0].base, c))
				}
			}
		}
	}
	if p.Recommendations == nil {
		p.Recommendations = []PostureRecommendation{}
	}
	return p, nil
}

// splitPostureOptions separates the targets named by WithTargets from the gap
// options.
func splitPostureOptions(opts []PostureOption) (targets []catalog.FrameworkID, gopts []GapOption) {
	for _, o := range opts {
		if t, ok := o.(targetsOpt); ok {
			targets = append(targets, t...)
			continue
		}
		if o != nil {
			gopts = append(gopts, o)
		}
	}
	return targets, gopts
}

// postureRows returns the rows of target tf: the whole framework, then one per
// implementation group or control baseline it has, each the summary of a Gap.
func (cw *Crosswalk) postureRows(a *Assessment, tf catalog.FrameworkID, gopts []GapOption) ([]PostureRow, error) {
	info, ok := cw.cat.Framework(tf)
	if !ok {
		return nil, &catalog.RefError{Input: string(tf), Err: catalog.ErrUnknownFramework}
	}
	limits := []postureLimit{{}}
	if g, ok := cw.limitsOf(tf); ok {
		limits = append(limits, g...)
	}
	rows := make([]PostureRow, 0, len(limits))
	for _, lim := range limits {
		o := append(slices.Clone(gopts), WithRecommendations(0))
		if lim.opt != nil {
			o = append(o, lim.opt)
		}
		r, err := cw.Gap(a, tf, o...)
		if err != nil {
			return nil, fmt.Errorf("crosswalk: posture against %s: %w", tf, err)
		}
		rows = append(rows, PostureRow{Target: tf, Name: info.Name, Limit: lim.name, Summary: r.Summary, Notes: r.Notes})
	}
	return rows, nil
}

// postureTargets returns the newest framework of every family but the baseline's
// (and its annex's, and those that carry the baseline as their annex), in catalog
// order.
func (cw *Crosswalk) postureTargets(baseline catalog.FrameworkID) []catalog.FrameworkID {
	bf := cw.fwIdx[baseline]
	b := cw.baseSet(bf)
	skip := map[string]bool{}
	for _, f := range b.fws {
		skip[cw.fws[f].id.Family()] = true
	}
	for _, f := range cw.fws {
		if a, ok := cw.fwIdx[f.annex]; ok && (f.annex == baseline || b.has(a)) {
			skip[f.id.Family()] = true
		}
	}
	newest := map[string]catalog.FrameworkID{}
	var order []string
	for in := range cw.cat.Frameworks() {
		fam := in.ID.Family()
		if skip[fam] {
			continue
		}
		if _, ok := newest[fam]; !ok {
			order = append(order, fam)
			newest[fam] = in.ID
			continue
		}
		if catalog.CompareIDs(in.ID.Version(), newest[fam].Version()) > 0 {
			newest[fam] = in.ID
		}
	}
	out := make([]catalog.FrameworkID, 0, len(order))
	for _, f := range order {
		out = append(out, newest[f])
	}
	return out
}

type postureLimit struct {
	name string
	opt  GapOption
}

// limitsOf returns the implementation groups or SP 800-53B baselines (LOW, MODERATE,
// HIGH) of a target, when it has any.
func (cw *Crosswalk) limitsOf(tf catalog.FrameworkID) ([]postureLimit, bool) {
	span := cw.fws[cw.fwIdx[tf]]
	var igs, profiles uint8
	for i := span.start; i < span.end; i++ {
		igs |= cw.nodes[i].igs
		profiles |= cw.nodes[i].profiles
	}
	var out []postureLimit
	for b, name := range []string{"IG1", "IG2", "IG3"} {
		if igs&(1<<b) != 0 {
			out = append(out, postureLimit{name, WithGroup(name)})
		}
	}
	for b, name := range profileNames[:3] {
		if profiles&(1<<b) != 0 {
			out = append(out, postureLimit{name, WithProfile(name)})
		}
	}
	return out, len(out) > 0
}

// recommendAcross runs the greedy choice of [Crosswalk.Recommend] over the items of
// several targets at once (every item weighs 1).
func (cw *Crosswalk) recommendAcross(ts []*target, status []Status, pol Policy, n int) []PostureRecommendation {
	g := newAcross(ts, status, pol)
	var out []PostureRecommendation
	for len(out) < n {
		best, bestGain := int32(-1), 0
		for _, c := range g.ctls {
			if !g.candidate(c) {
				continue
			}
			if gain := g.gainOf(c); gain > bestGain {
				best, bestGain = c, gain
			}
		}
		if best < 0 {
			break
		}
		node := ts[0].base.node(best)
		rec := PostureRecommendation{Control: cw.baseID(ts[0].base, node), Title: cw.nodes[node].title, Status: g.st[best], Gain: bestGain}
		for ti, m := range g.take(best) {
			if m > 0 {
				rec.Moves = append(rec.Moves, PostureMove{Target: cw.fws[ts[ti].tf].id, Items: m})
			}
		}
		slices.SortStableFunc(rec.Moves, func(x, y PostureMove) int { return cmp.Compare(y.Items, x.Items) })
		out = append(out, rec)
	}
	return out
}

// itemRef names item k of target t of a posture.
type itemRef struct{ t, k int32 }

// across is the state of the greedy choice over several targets: the statuses as
// the controls taken so far make them, every item's coverage, and the items each
// baseline control counts for.
type across struct {
	ts    []*target
	pol   Policy
	st    []Status
	cur   [][]Coverage        // by target and item
	byCtl map[int32][]itemRef // by baseline position
	ctls  []int32             // the baseline positions that count for some item, sorted
}

func newAcross(ts []*target, status []Status, pol Policy) *across {
	g := &across{ts: ts, pol: pol, st: slices.Clone(status), byCtl: map[int32][]itemRef{}, cur: make([][]Coverage, len(ts))}
	for ti, t := range ts {
		g.cur[ti] = make([]Coverage, len(t.items))
		for k := range t.items {
			g.cur[ti][k], _ = coverage(t.cov[k], g.st, pol)
			for _, r := range t.cov[k] {
				rs := g.byCtl[r.pos]
				if it := (itemRef{int32(ti), int32(k)}); len(rs) == 0 || rs[len(rs)-1] != it {
					g.byCtl[r.pos] = append(rs, it)
				}
			}
		}
	}
	g.ctls = make([]int32, 0, len(g.byCtl))
	for c := range g.byCtl {
		g.ctls = append(g.ctls, c)
	}
	slices.Sort(g.ctls)
	return g
}

// candidate reports whether control c may be recommended.
func (g *across) candidate(c int32) bool {
	switch g.st[c] {
	case NotAssessed, Partial, Planned, NotImplemented:
		return len(g.byCtl[c]) > 0
	}
	return false
}

// gainOf is the number of levels the items of every target move if control c is
// implemented.
func (g *across) gainOf(c int32) int {
	was := g.st[c]
	g.st[c] = Implemented
	gain := 0
	for _, r := range g.byCtl[c] {
		old := g.cur[r.t][r.k]
		if old == ItemUnreached || old == ItemNotApplicable || old == ItemCovered {
			continue
		}
		if nc, _ := coverage(g.ts[r.t].cov[r.k], g.st, g.pol); nc.level() > old.level() {
			gain += nc.level() - old.level()
		}
	}
	g.st[c] = was
	return gain
}

// take implements control c and returns how many items of each target it moved.
func (g *across) take(c int32) []int {
	g.st[c] = Implemented
	moved := make([]int, len(g.ts))
	for _, r := range g.byCtl[c] {
		old := g.cur[r.t][r.k]
		if old == ItemUnreached || old == ItemNotApplicable {
			continue
		}
		if nc, _ := coverage(g.ts[r.t].cov[r.k], g.st, g.pol); nc.level() > old.level() {
			g.cur[r.t][r.k] = nc
			moved[r.t]++
		}
	}
	return moved
}
