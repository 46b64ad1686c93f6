package crosswalk

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

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
	g := cw.rate(t, st, cfg.policy, sc)
	res := &GapResult{
		Baseline: a.baseline,
		Target:   targetFW,
		Policy:   cfg.policy,
		Derived:  cfg.derived,
		Items:    make([]GapItem, len(t.items)),

		BaselineControls: g.controls,
	}
	if cfg.derived {
		res.MinRoutes = max(cfg.minRoutes, 1)
	}
	res.NoPublishedMapping = t.unjoined
	// One backing array for every string list of the result.
	strs := make([]string, 0, t.nsrc+len(t.notes)+1+len(cfg.groups)+len(cfg.profiles)+len(cfg.scope)+g.notAssessed+g.unreached+g.cut)
	strs = cw.fillLists(res, strs, t, &cfg, g)
	cw.fillItems(res, strs, t, g)
	res.Summary = summarize(g.covs)
	res.Summary.CoveredOutside = g.outside
	for k := range t.items {
		if g.rules[k] == RuleDerived && g.covs[k] != ItemNotApplicable {
			res.Summary.DerivedOnly++
		}
	}
	res.Groups = cw.rollups(t, g.covs, cfg.groups, cfg.profiles, sc)
	if cfg.recs > 0 {
		res.Recommendations = cw.recommend(t, st, g.covs, cfg.policy, cfg.recs, sc)
	}
	if res.Recommendations == nil {
		res.Recommendations = []Recommendation{}
	}
	return res, nil
}

// rating is the per-call part of a gap query: each item's coverage and rule (in
// scratch memory), and the sizes of the lists the result will hold.
type rating struct {
	st    []Status // the statuses of the baseline controls, by position
	covs  []Coverage
	rules []Rule
	// controls counts the baseline controls an assessment rates, notAssessed those
	// not rated, unreached the unreached items, cut the items whose derived search
	// stopped at its bound, covered the covered items and outside those of them with
	// controls outside the baseline.
	controls, notAssessed, unreached, cut, covered, outside int
}

// rate rates every item of t under policy pol from the statuses st.
func (cw *Crosswalk) rate(t *target, st []Status, pol Policy, sc *scratch) rating {
	g := rating{st: st, covs: zeroed(sc.covs, len(t.items)), rules: zeroed(sc.rules, len(t.items))}
	sc.covs, sc.rules = g.covs, g.rules
	for p, s := range st {
		if cw.isLeaf(t.base.node(int32(p))) {
			g.controls++
			if s == NotAssessed {
				g.notAssessed++
			}
		}
	}
	for k := range t.items {
		g.covs[k], g.rules[k] = coverageOf(t.cov[k], t.shape[k], st, pol)
		switch g.covs[k] {
		case ItemUnreached:
			g.unreached++
		case ItemCovered:
			g.covered++
			if len(t.outside[k]) > 0 {
				g.outside++
			}
		}
		if t.cut[k] {
			g.cut++
		}
	}
	return g
}

// fillLists sets the string lists of res (limits, notes, scope, controls not
// assessed, unreached and cut items), carved from strs, and returns strs.
func (cw *Crosswalk) fillLists(res *GapResult, strs []string, t *target, cfg *gapConfig, g rating) []string {
	if len(cfg.groups) > 0 {
		strs, res.IGs = carve(strs, cfg.groups)
	}
	if len(cfg.profiles) > 0 {
		strs, res.Profiles = carve(strs, cfg.profiles)
	}
	if len(t.notes) > 0 || g.outside > 0 {
		n := len(strs)
		strs = append(strs, t.notes...)
		if g.outside > 0 {
			strs = append(strs, strconv.Itoa(g.outside)+" of the "+strconv.Itoa(g.covered)+t.outsideNote)
		}
		res.Notes = strs[n:len(strs):len(strs)]
	}
	if len(cfg.scope) > 0 {
		n := len(strs)
		for _, r := range cfg.scope {
			strs = append(strs, r.ID)
		}
		res.Scope = strs[n:len(strs):len(strs)]
	}
	n := len(strs)
	for p, s := range g.st {
		if s == NotAssessed {
			if c := t.base.node(int32(p)); cw.isLeaf(c) {
				strs = append(strs, cw.baseID(t.base, c))
			}
		}
	}
	res.NotAssessed = strs[n:len(strs):len(strs)]
	strs, res.Unreached = cw.itemIDs(strs, t, func(k int) bool { return g.covs[k] == ItemUnreached })
	if g.cut > 0 {
		strs, res.SearchCut = cw.itemIDs(strs, t, func(k int) bool { return t.cut[k] })
	}
	return strs
}

// itemIDs appends to strs the IDs of the items k of t that keep(k), and returns
// strs and the part appended.
func (cw *Crosswalk) itemIDs(strs []string, t *target, keep func(k int) bool) (all, ids []string) {
	n := len(strs)
	for k, it := range t.items {
		if keep(k) {
			strs = append(strs, cw.nodes[it].ref.ID)
		}
	}
	return strs, strs[n:len(strs):len(strs)]
}

// fillItems sets res.Items from t and the rating: each item's ID, title, coverage
// and rule, its statements and outside controls (copied into strs), and where its
// links are (the target's shared link table with the result's own statuses, read
// by [GapItem.Via]).
func (cw *Crosswalk) fillItems(res *GapResult, strs []string, t *target, g rating) {
	res.links = gapLinks{flat: t.flat, st: slices.Clone(g.st)} // the statuses are scratch memory
	links := &res.links
	for k, it := range t.items {
		nd := &cw.nodes[it]
		item := &res.Items[k]
		fk := k
		if t.idx != nil {
			fk = int(t.idx[k])
		}
		*item = GapItem{ID: nd.ref.ID, Title: nd.title, Status: g.covs[k], Rule: g.rules[k], via: linkSet{src: links, k: int32(fk)}}
		if n := len(t.stmts[k]); n > 0 {
			s := len(strs)
			strs = append(strs, t.stmts[k]...)
			item.Statements = strs[s : s+n : s+n]
		}
		if n := len(t.outside[k]); n > 0 {
			s := len(strs)
			strs = append(strs, t.outside[k]...)
			item.Outside = strs[s : s+n : s+n]
		}
	}
}

// baseID names baseline control c in results, as [GapResult.ControlID] does.
func (cw *Crosswalk) baseID(b *baseSet, c int32) string { return controlID(b.id, cw.nodes[c].ref) }

// controlID names control ref of the baseline assessed: its ID, with "A." before it
// when it is not of the assessed framework itself, so of its Annex A (an ISMS
// baseline of ISO/IEC 27001:2022, whose clause 5.1 is not Annex A control 5.1).
func controlID(baseline catalog.FrameworkID, ref catalog.Ref) string {
	if ref.Framework != baseline && !ref.IsZero() {
		return catalog.AnnexID(ref.ID)
	}
	return ref.ID
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
