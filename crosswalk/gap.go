package crosswalk

import (
	"fmt"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// GapOption changes a [Crosswalk.Gap], [Crosswalk.Recommend] or
// [Crosswalk.Requirements] query. Options: [Auto], [Strict] or [Referenced] (the
// policy), [WithDerived], [WithMinRoutes], [WithGroup], [WithScope], [WithBaseline],
// [WithRecommendations].
type GapOption interface {
	applyGap(*gapConfig)
}

type gapConfig struct {
	policy    Policy
	derived   bool
	hops      int
	minRoutes int
	profiles  []string
	groups    []string
	scope     []catalog.Ref
	baseline  catalog.FrameworkID
	recs      int
}

type groupOpt string

func (g groupOpt) applyGap(c *gapConfig) { c.groups = append(c.groups, string(g)) }

// WithGroup limits the target items to those of a CIS implementation group ("IG1",
// "IG2" or "IG3", any case). Given several times, an item in any of the groups counts.
func WithGroup(ig string) GapOption { return groupOpt(upper(ig)) }

type profileOpt string

func (p profileOpt) applyGap(c *gapConfig) { c.profiles = append(c.profiles, string(p)) }

// WithProfile limits the target items to those of a control baseline of NIST SP
// 800-53B ("LOW", "MODERATE", "HIGH", or the privacy baseline "PRIVACY"; any case),
// read from the items' [catalog.AttrBaseline]. Given several times, an item in any of
// them counts.
func WithProfile(name string) GapOption { return profileOpt(upper(name)) }

type scopeOpt catalog.Ref

func (s scopeOpt) applyGap(c *gapConfig) { c.scope = append(c.scope, catalog.Ref(s)) }

// WithScope limits the target items to r and the items under it (a CSF function or
// category, a CIS control). Given several times, an item under any of them counts.
func WithScope(r catalog.Ref) GapOption { return scopeOpt(r) }

type recsOpt int

func (n recsOpt) applyGap(c *gapConfig) { c.recs = int(n) }

// DefaultRecommendations is how many recommendations a [GapResult] carries unless
// [WithRecommendations] says otherwise.
const DefaultRecommendations = 10

// WithRecommendations sets how many recommendations [Crosswalk.Gap] adds to its
// result (0 for none).
func WithRecommendations(n int) GapOption { return recsOpt(max(n, 0)) }

// GapResult is the coverage of a target framework by an assessed baseline. Its JSON
// form ([GapResult.MarshalJSON]) is the CLI's gap contract; every list is in
// document order.
type GapResult struct {
	Baseline catalog.FrameworkID
	Target   catalog.FrameworkID
	Policy   Policy // the policy asked for; each item says which rule decided it
	Derived  bool   // derived paths were searched (for items no published edge reaches)
	// MinRoutes is the fewest routes a derived reach needed to count (with Derived).
	MinRoutes int
	IGs       []string // the implementation groups the target was limited to
	Profiles  []string // the SP 800-53B baselines the target was limited to
	Scope     []string // the scopes the target was limited to
	// Notes say what a reader must know to read the numbers right (for example that
	// CIS v8.1 safeguards are reached through CIS v8's published mappings); every
	// report shows them.
	Notes           []string
	Summary         Summary
	Items           []GapItem
	Groups          []Rollup // roll-ups: per ancestor node in scope, then per implementation group (those of IGs when limited)
	Unreached       []string // IDs of the unreached items
	NotAssessed     []string // IDs of baseline controls the assessment does not rate
	SearchCut       []string // items whose derived search stopped at DerivedSearchBudget
	Recommendations []Recommendation
}

// Summary counts the target items by coverage. Total = Covered + Partial + Gap +
// Unreached + NotApplicable. The percentages are of the applicable items
// (Total − NotApplicable), each rounded half up to one decimal on its own, as a reader
// checks them by hand (so they need not add up to exactly 100.0); all zero when no
// item is applicable. CoveragePercent is the covered share.
type Summary struct {
	Total            int     `json:"total"`
	Covered          int     `json:"covered"`
	Partial          int     `json:"partial"`
	Gap              int     `json:"gap"`
	Unreached        int     `json:"unreached"`
	NotApplicable    int     `json:"not_applicable"`
	Applicable       int     `json:"applicable"`
	CoveredPercent   float64 `json:"covered_percent"`
	PartialPercent   float64 `json:"partial_percent"`
	GapPercent       float64 `json:"gap_percent"`
	UnreachedPercent float64 `json:"unreached_percent"`
	CoveragePercent  float64 `json:"coverage_percent"`
	// DerivedOnly counts the items (partial or gap) that only derived paths reach:
	// their status rests on inference, not on a published mapping.
	DerivedOnly int `json:"derived_only,omitempty"`
}

// GapItem is one target item and the baseline controls behind its coverage.
type GapItem struct {
	ID     string
	Title  string
	Status Coverage
	// Rule is the rule that decided Status: strict, referenced, strict+referenced
	// (policy Auto, an item reached by both kinds of edge) or derived (only derived
	// paths reach the item: at most partial); empty for an unreached item.
	Rule Rule
	// Via are the links from the baseline controls that reach the item (From, with
	// its assessed Status) to it (To), by control in document order.
	Via []Link
	// Statements are what the mapping sources state about the item instead of an
	// edge ("no-reference: ..."), which can explain an unreached item.
	Statements []string
	// Outside are the controls outside the baseline that a published edge links to the
	// item in a framework that carries the baseline as its annex ("iso27001:2022/6.1.2",
	// a management-system clause of ISO/IEC 27001): they do not count for coverage of an
	// ISO/IEC 27002 baseline, and explain why an item is reached by the standard but not
	// by its controls.
	Outside []string
}

// Rollup is the coverage of the items under one node of the target framework (a CSF
// function or category, a CIS control) or of a CIS implementation group.
type Rollup struct {
	ID              string  `json:"id"`
	Title           string  `json:"title"`
	Kind            string  `json:"kind"` // the node's kind, or "implementation-group"
	Total           int     `json:"total"`
	Covered         int     `json:"covered"`
	Partial         int     `json:"partial"`
	Gap             int     `json:"gap"`
	Unreached       int     `json:"unreached"`
	NotApplicable   int     `json:"not_applicable"`
	CoveragePercent float64 `json:"coverage_percent"`
}

// statusTable returns the status of every control of the baseline (NotAssessed where
// the assessment has none), indexed by position in the baseline.
func (cw *Crosswalk) statusTable(a *Assessment, b *baseSet) []Status {
	return cw.statusInto(nil, a, b)
}

// statusInto is [Crosswalk.statusTable] in buf's array when it is big enough.
func (cw *Crosswalk) statusInto(buf []Status, a *Assessment, b *baseSet) []Status {
	st := zeroed(buf, int(b.n))
	var fc fwCache
	for _, e := range a.entries {
		if i, ok := fc.lookup(cw, e.Control); ok {
			if p := b.pos(i); p >= 0 {
				st[p] = e.Status
			}
		}
	}
	return st
}

// Gap measures the target framework against the assessment: for every target item
// (see [catalog.Framework.ItemKinds]: CSF subcategories, CIS safeguards, NIS2
// requirements; limited by [WithGroup] and [WithScope]) its [Coverage], the rule that
// decided it and the baseline controls behind it, roll-ups per ancestor (CSF category
// and function, CIS control) and per CIS implementation group, the unreached items,
// the baseline controls the assessment does not rate (counted as not implemented),
// and the top recommendations ([Crosswalk.Recommend]).
//
// The policy is [Auto] unless [Strict] or [Referenced] is given; derived reaches are
// searched only with [WithDerived], and only for items no published edge reaches.
// The rules are in the package documentation ("Coverage").
func (cw *Crosswalk) Gap(a *Assessment, targetFW catalog.FrameworkID, opts ...GapOption) (*GapResult, error) {
	if a == nil {
		return nil, fmt.Errorf("crosswalk: nil assessment")
	}
	cfg, err := gapSetup(a, opts)
	if err != nil {
		return nil, err
	}
	cfg.recs = DefaultRecommendations
	for _, o := range opts {
		if r, ok := o.(recsOpt); ok {
			cfg.recs = int(r)
		}
	}
	t, err := cw.prepare(targetFW, &cfg)
	if err != nil {
		return nil, err
	}
	// Per call, only what depends on the assessment is computed, in scratch memory;
	// the result is carved from a few arrays of exactly the size it needs.
	sc := getScratch()
	defer putScratch(sc)
	st := cw.statusInto(sc.st, a, t.base)
	sc.st = st
	nNA := 0
	for p, s := range st {
		if s == NotAssessed && cw.isLeaf(t.base.node(int32(p))) {
			nNA++
		}
	}
	covs := zeroed(sc.covs, len(t.items))
	rules := zeroed(sc.rules, len(t.items))
	sc.covs, sc.rules = covs, rules
	nUnreached, nCut := 0, 0
	for k := range t.items {
		covs[k], rules[k] = coverageOf(t.cov[k], t.shape[k], st, cfg.policy)
		if covs[k] == Unreached {
			nUnreached++
		}
		if t.cut[k] {
			nCut++
		}
	}
	// One backing array for every string list of the result.
	strs := make([]string, 0, t.nsrc+len(t.notes)+len(cfg.groups)+len(cfg.profiles)+len(cfg.scope)+nNA+nUnreached+nCut)
	res := &GapResult{
		Baseline: a.baseline,
		Target:   targetFW,
		Policy:   cfg.policy,
		Derived:  cfg.derived,
		Items:    make([]GapItem, len(t.items)),
	}
	if len(cfg.groups) > 0 {
		strs, res.IGs = carve(strs, cfg.groups)
	}
	if len(cfg.profiles) > 0 {
		strs, res.Profiles = carve(strs, cfg.profiles)
	}
	if len(t.notes) > 0 {
		strs, res.Notes = carve(strs, t.notes)
	}
	if cfg.derived {
		res.MinRoutes = max(cfg.minRoutes, 1)
	}
	if len(cfg.scope) > 0 {
		n := len(strs)
		for _, r := range cfg.scope {
			strs = append(strs, r.ID)
		}
		res.Scope = strs[n:len(strs):len(strs)]
	}
	n := len(strs)
	for p, s := range st {
		if s == NotAssessed {
			if c := t.base.node(int32(p)); cw.isLeaf(c) {
				strs = append(strs, cw.baseID(t.base, c))
			}
		}
	}
	res.NotAssessed = strs[n:len(strs):len(strs)]
	n = len(strs)
	for k, it := range t.items {
		if covs[k] == Unreached {
			strs = append(strs, cw.nodes[it].ref.ID)
		}
	}
	res.Unreached = strs[n:len(strs):len(strs)]
	if nCut > 0 {
		n = len(strs)
		for k, it := range t.items {
			if t.cut[k] {
				strs = append(strs, cw.nodes[it].ref.ID)
			}
		}
		res.SearchCut = strs[n:len(strs):len(strs)]
	}
	vias := make([]Link, 0, t.nvia) // one backing array for every item's Via
	fl := t.flat
	var hops []Hop // one backing array for every derived link's Path
	if len(fl.hops) > 0 {
		hops = make([]Hop, 0, len(fl.hops))
	}
	for k, it := range t.items {
		nd := &cw.nodes[it]
		item := &res.Items[k]
		*item = GapItem{ID: nd.ref.ID, Title: nd.title, Status: covs[k], Rule: rules[k]}
		fk := k
		if t.idx != nil {
			fk = int(t.idx[k])
		}
		// Copy the item's templates and strings, then point the copies' slices at
		// the copied strings (laid out in this order by flatten) and set the statuses.
		v0, s := len(vias), len(strs)
		vt := fl.vias[fl.viaOff[fk]:fl.viaOff[fk+1]]
		vp := fl.vpos[fl.viaOff[fk]:fl.viaOff[fk+1]]
		vias = append(vias, vt...)
		strs = append(strs, fl.strs[fl.strOff[fk]:fl.strOff[fk+1]]...)
		h := len(hops)
		hops = append(hops, fl.hops[fl.hopOff[fk]:fl.hopOff[fk+1]]...)
		for j := range vt {
			v := &vias[v0+j]
			v.Status = st[vp[j]]
			if n := len(v.Sources); n > 0 {
				v.Sources = strs[s : s+n : s+n]
				s += n
			}
			if n := len(v.Path); n > 0 {
				v.Path = hops[h : h+n : h+n]
				h += n
			}
		}
		item.Via = vias[v0:len(vias):len(vias)]
		if n := len(t.stmts[k]); n > 0 {
			item.Statements = strs[s : s+n : s+n]
			s += n
		}
		if n := len(t.outside[k]); n > 0 {
			item.Outside = strs[s : s+n : s+n]
		}
	}
	res.Summary = summarize(covs)
	for k := range t.items {
		if rules[k] == RuleDerived && covs[k] != NotApplicableCov {
			res.Summary.DerivedOnly++
		}
	}
	res.Groups = cw.rollups(t, covs, cfg.groups, cfg.profiles, sc)
	if cfg.recs > 0 {
		res.Recommendations = cw.recommend(t, st, covs, cfg.policy, cfg.recs, sc)
	}
	if res.Recommendations == nil {
		res.Recommendations = []Recommendation{}
	}
	return res, nil
}

// gapSetup applies the options of a query on assessment a and checks them: the
// baseline is the assessment's, the policy Auto unless given.
func gapSetup(a *Assessment, opts []GapOption) (gapConfig, error) {
	cfg := gapConfig{policy: Auto}
	for _, o := range opts {
		if o != nil {
			o.applyGap(&cfg)
		}
	}
	if cfg.baseline != "" && cfg.baseline != a.baseline {
		return cfg, fmt.Errorf("crosswalk: the assessment rates %s, not %s", a.baseline, cfg.baseline)
	}
	cfg.baseline = a.baseline
	if !cfg.policy.valid() {
		return cfg, fmt.Errorf("crosswalk: unknown coverage policy %q (want auto, strict or referenced)", cfg.policy)
	}
	return cfg, nil
}

// baseID names baseline control c in results: its ID, with "A." before it when it is
// a control of the baseline's Annex A (an ISMS baseline of ISO/IEC 27001:2022, whose
// clause 5.1 is not Annex A control 5.1).
func (cw *Crosswalk) baseID(b *baseSet, c int32) string {
	if len(b.fws) > 1 && cw.nodes[c].fw != b.fws[0] {
		return "A." + cw.nodes[c].ref.ID
	}
	return cw.nodes[c].ref.ID
}

func statementText(st mappings.Statement) string {
	out := string(st.Kind)
	if st.Target != "" {
		out += " (" + st.Target + ")"
	}
	if st.Note != "" {
		out += ": " + st.Note
	}
	return out
}

// viaTemplate describes reach r of item it, without the status.
func (cw *Crosswalk) viaTemplate(r reach, it int32) Link {
	l := cw.link(r.ctl, it, r.rel, r.basis)
	if r.parent >= 0 {
		l.Ancestor = cw.nodes[r.parent].ref
	}
	if r.basis == BasisDerived {
		l.Routes = r.routes
		// The path was walked from the item; read it from the control to the item.
		l.Path = make([]Hop, len(r.path))
		for i, s := range r.path {
			l.Path[len(r.path)-1-i] = cw.hop(s.from, s.a).reversed()
			l.Sources = appendNew(l.Sources, cw.strs[cw.edges[s.a.edge()].source])
		}
		return l
	}
	if r.through >= 0 {
		l.Through = cw.fws[r.through].id
	}
	for _, a := range cw.arcsTo(r.from, cw.nodes[r.ctl].fw) {
		if a.to == r.ctl {
			l.Sources = appendNew(l.Sources, cw.strs[cw.edges[a.edge()].source])
		}
	}
	return l
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// counts is a tally of coverage statuses.
type counts struct{ total, covered, partial, gap, unreached, na int }

func (c *counts) add(v Coverage) {
	c.total++
	switch v {
	case Covered:
		c.covered++
	case PartlyCovered:
		c.partial++
	case Gap:
		c.gap++
	case Unreached:
		c.unreached++
	case NotApplicableCov:
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
// need not add up to exactly 100.0. A zero whole gives zeros.
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
		out[i] = float64((2000*p+whole)/(2*whole)) / 10
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
	var igs [3]counts
	for k, it := range t.items {
		for g := range igs {
			if cw.nodes[it].igs&(1<<g) != 0 {
				igs[g].add(covs[k])
			}
		}
	}
	for g, name := range igNames {
		if igs[g].total > 0 && (len(groups) == 0 || slices.Contains(groups, name)) {
			out = append(out, rollup(name, igTitles[g], "implementation-group", &igs[g]))
		}
	}
	var prof [len(profileNames)]counts
	for k, it := range t.items {
		for b := range prof {
			if cw.nodes[it].profiles&(1<<b) != 0 {
				prof[b].add(covs[k])
			}
		}
	}
	for b, name := range profileNames {
		if prof[b].total > 0 && (len(profiles) == 0 || slices.Contains(profiles, name)) {
			out = append(out, rollup(name, profileTitles[b], "baseline-profile", &prof[b]))
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
