package crosswalk

import (
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Policy is how [Crosswalk.Gap] turns the statuses of the baseline controls that
// reach a target item into the item's coverage.
type Policy string

// The policies (see the package documentation, "Coverage").
const (
	// Strict reads the relationships as sets: an item is covered when an implemented
	// baseline control is equal to it or a superset of it. A source that publishes
	// only "related" links (NIST's CSF 2.0 informative references) can therefore make
	// items partial at best under Strict; use Referenced to read it as NIST intends.
	Strict Policy = "strict"
	// Referenced reads mappings as informative references: an item is covered when
	// every baseline control that maps to it is implemented.
	Referenced Policy = "referenced"
)

func (p Policy) applyGap(c *gapConfig) { c.policy = p }

// ParsePolicy reads "strict" or "referenced" (any case).
func ParsePolicy(s string) (Policy, error) {
	switch p := Policy(lower(s)); p {
	case Strict, Referenced:
		return p, nil
	}
	return "", fmt.Errorf("crosswalk: unknown coverage policy %q (want strict or referenced)", s)
}

// Coverage is the status of one target item in a [GapResult].
type Coverage string

// The coverage statuses.
const (
	Covered          Coverage = "covered"        // the baseline, as assessed, covers the item
	PartlyCovered    Coverage = "partial"        // it covers part of it
	Gap              Coverage = "gap"            // controls reach it but none (enough) is implemented
	Unreached        Coverage = "unreached"      // no baseline control maps to it: a gap of the baseline itself
	NotApplicableCov Coverage = "not-applicable" // every control that reaches it is not applicable
)

// level orders the coverage statuses an implementation can move: gap 0, partial 1,
// covered 2.
func (c Coverage) level() int {
	switch c {
	case PartlyCovered:
		return 1
	case Covered:
		return 2
	}
	return 0
}

// GapOption changes a [Crosswalk.Gap], [Crosswalk.Recommend] or
// [Crosswalk.Requirements] query. Options: [Strict] or [Referenced] (the policy),
// [WithDerived], [WithGroup], [WithScope], [WithBaseline], [WithRecommendations].
type GapOption interface {
	applyGap(*gapConfig)
}

type gapConfig struct {
	policy   Policy
	derived  bool
	hops     int
	groups   []string
	scope    []catalog.Ref
	baseline catalog.FrameworkID
	recs     int
}

type groupOpt string

func (g groupOpt) applyGap(c *gapConfig) { c.groups = append(c.groups, string(g)) }

// WithGroup limits the target items to those of a CIS implementation group ("IG1",
// "IG2" or "IG3", any case). Given several times, an item in any of the groups counts.
func WithGroup(ig string) GapOption { return groupOpt(upper(ig)) }

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
// form is the CLI's gap contract; every list is in document order.
type GapResult struct {
	Baseline        catalog.FrameworkID `json:"baseline"`
	Target          catalog.FrameworkID `json:"target"`
	Policy          Policy              `json:"policy"`
	Derived         bool                `json:"derived"`
	IGs             []string            `json:"implementation_groups,omitempty"` // the implementation groups the target was limited to
	Scope           []string            `json:"scope,omitempty"`                 // the scopes the target was limited to
	Summary         Summary             `json:"summary"`
	Items           []GapItem           `json:"items"`
	Groups          []Rollup            `json:"groups"`       // roll-ups: per ancestor node in scope, then per implementation group (those of IGs when limited)
	Unreached       []string            `json:"unreached"`    // IDs of the unreached items
	NotAssessed     []string            `json:"not_assessed"` // IDs of baseline controls the assessment does not rate
	Recommendations []Recommendation    `json:"recommendations"`
}

// Summary counts the target items by coverage. Total = Covered + Partial + Gap +
// Unreached + NotApplicable. The percentages are of the applicable items
// (Total − NotApplicable), in tenths of a percent rounded by largest remainder so
// that they add up to exactly 100 (all zero when no item is applicable);
// CoveragePercent is the covered share.
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
}

// GapItem is one target item and the baseline controls behind its coverage.
type GapItem struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Status Coverage `json:"status"`
	Via    []Via    `json:"via"`
	// Statements are what the mapping sources state about the item instead of an
	// edge ("no-reference: ..."), which can explain an unreached item.
	Statements []string `json:"statements,omitempty"`
	// Outside are the controls outside the baseline that a published edge links to the
	// item in a framework that carries the baseline as its annex ("iso27001:2022/6.1.2",
	// a management-system clause of ISO/IEC 27001): they do not count for coverage of an
	// ISO/IEC 27002 baseline, and explain why an item is reached by the standard but not
	// by its controls.
	Outside []string `json:"outside_baseline,omitempty"`
}

// Via is one baseline control that reaches a target item, read "control
// Relationship item".
type Via struct {
	Control      string                `json:"control"`
	Relationship mappings.Relationship `json:"relationship"`
	Status       Status                `json:"status"`
	// ViaParent is the ID of the ancestor of the item the mapping is published for
	// (a CSF category or function): the mapping applies to that ancestor, so it is
	// shown for context ("mapped at category level") and does not count for the item.
	ViaParent string   `json:"via_parent,omitempty"`
	Derived   bool     `json:"derived,omitempty"`
	Path      []string `json:"path,omitempty"` // derived: the controls of the path, "framework/id", from the control to the item
	Sources   []string `json:"sources,omitempty"`
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

// reach is one baseline control reaching a target item.
type reach struct {
	ctl     int32 // node of the baseline control
	rel     mappings.Relationship
	parent  int32 // ancestor of the item the edge is published at, -1 when at the item
	derived bool
	path    []step // derived only: from the item to the control
	from    int32  // direct: the item or the parent
	tmpl    Via    // the reach as reported, without the status (memo-owned: copy before handing out)
}

// creach is a reach that counts for coverage (not through a parent), in the form
// coverage reads: the baseline control's position in the baseline framework and
// whether it is equal to or a superset of the item.
type creach struct {
	pos    int32
	strong bool
}

// target holds what a gap query computes once: the target items and how the
// baseline reaches each.
type target struct {
	nsrc    int // total Sources and Path entries of the templates, to size arenas
	base    fwSpan
	tf      int32
	items   []int32    // target leaf nodes in scope, document order
	reaches [][]reach  // per item
	cov     [][]creach // per item: the reaches that count, compactly, for coverage
	outside [][]string // per item: GapItem.Outside (memo-owned: copy before handing out)
	scope   []int32    // the WithScope nodes the items were limited to, if any
}

func (cw *Crosswalk) prepare(tfID catalog.FrameworkID, cfg *gapConfig) (*target, error) {
	if cfg.baseline == "" {
		cfg.baseline = DefaultBaseline
	}
	bf, ok := cw.fwIdx[cfg.baseline]
	if !ok {
		return nil, &catalog.RefError{Input: string(cfg.baseline), Err: catalog.ErrUnknownFramework}
	}
	tf, ok := cw.fwIdx[tfID]
	if !ok {
		return nil, &catalog.RefError{Input: string(tfID), Err: catalog.ErrUnknownFramework}
	}
	if tf == bf {
		return nil, fmt.Errorf("crosswalk: the target %s is the baseline", tfID)
	}
	var scope []int32
	for _, r := range cfg.scope {
		i, ok := cw.node(r)
		if !ok || cw.nodes[i].fw != tf {
			return nil, &catalog.RefError{Input: r.String(), Frameworks: []catalog.FrameworkID{tfID}, Err: catalog.ErrNotFound}
		}
		scope = append(scope, i)
	}
	for _, g := range cfg.groups {
		if g != "IG1" && g != "IG2" && g != "IG3" {
			return nil, fmt.Errorf("crosswalk: unknown implementation group %q (want IG1, IG2 or IG3)", g)
		}
	}
	full := cw.reachTable(bf, tf, cfg)
	t := &target{base: cw.fws[bf], tf: tf, scope: scope}
	if len(scope) == 0 && len(cfg.groups) == 0 {
		t.items, t.reaches, t.cov, t.outside = full.items, full.reaches, full.cov, full.outside
		return t, nil
	}
	anyIG := false
	for k, i := range full.items {
		anyIG = anyIG || cw.nodes[i].igs != 0
		if cw.inScope(i, scope) && cw.inGroups(i, cfg.groups) {
			t.items = append(t.items, i)
			t.reaches = append(t.reaches, full.reaches[k])
			t.cov = append(t.cov, full.cov[k])
			t.outside = append(t.outside, full.outside[k])
		}
	}
	if len(cfg.groups) > 0 && !anyIG {
		return nil, fmt.Errorf("crosswalk: %s has no implementation groups (WithGroup applies to the CIS Controls)", tfID)
	}
	return t, nil
}

// reachKey names one table of reaches: baseline, target and derived path length (0
// without derived paths).
type reachKey struct {
	base, target int32
	hops         int
}

// reachTable returns the items of target framework tf (its leaves) and the baseline
// controls reaching each. It depends only on the immutable graph, so it is computed
// once per key and kept (a memo, safe for concurrent use); callers must not modify it.
func (cw *Crosswalk) reachTable(bf, tf int32, cfg *gapConfig) *target {
	key := reachKey{base: bf, target: tf}
	if cfg.derived {
		key.hops = cfg.hops
	}
	if v, ok := cw.memo.Load(key); ok {
		return v.(*target)
	}
	t := &target{base: cw.fws[bf], tf: tf}
	span := cw.fws[tf]
	for i := span.start; i < span.end; i++ {
		if cw.isLeaf(i) {
			t.items = append(t.items, i)
		}
	}
	t.reaches = make([][]reach, len(t.items))
	arena := make([]reach, 0, 4*len(t.items))
	for k, it := range t.items {
		n := len(arena)
		arena = cw.reachesOf(arena, it, t.base, cfg)
		t.reaches[k] = arena[n:len(arena):len(arena)]
	}
	t.cov = make([][]creach, len(t.reaches))
	for k, rs := range t.reaches { // not arena: it may have moved while growing
		for _, r := range rs {
			if r.parent < 0 {
				t.cov[k] = append(t.cov[k], creach{pos: r.ctl - t.base.start, strong: r.rel == mappings.Equal || r.rel == mappings.SupersetOf})
			}
		}
		for i := range rs {
			rs[i].tmpl = cw.viaTemplate(rs[i])
			t.nsrc += len(rs[i].tmpl.Sources) + len(rs[i].tmpl.Path)
		}
		t.nsrc += len(cw.stmts[t.items[k]])
	}
	// Frameworks that carry the baseline as their annex (ISO/IEC 27001 for 27002):
	// their controls linked to an item are listed as outside the baseline.
	var outside []int32
	for i, f := range cw.fws {
		if f.annex == t.base.id && int32(i) != bf {
			outside = append(outside, int32(i))
		}
	}
	t.outside = make([][]string, len(t.items))
	for k, it := range t.items {
		for _, of := range outside {
			for _, a := range cw.arcsTo(it, of) {
				if r := cw.nodes[a.to].ref.String(); !slices.Contains(t.outside[k], r) {
					t.outside[k] = append(t.outside[k], r)
				}
			}
		}
		t.nsrc += len(t.outside[k])
	}
	v, _ := cw.memo.LoadOrStore(key, t)
	return v.(*target)
}

func (cw *Crosswalk) inScope(i int32, scope []int32) bool {
	if len(scope) == 0 {
		return true
	}
	for n := i; n >= 0; n = cw.nodes[n].parent {
		if slices.Contains(scope, n) {
			return true
		}
	}
	return false
}

func (cw *Crosswalk) inGroups(i int32, groups []string) bool {
	if len(groups) == 0 {
		return true
	}
	for _, g := range groups {
		if cw.nodes[i].igs&igBit(g) != 0 {
			return true
		}
	}
	return false
}

// igBit returns the bit of implementation group "IG1", "IG2" or "IG3" (any case).
func igBit(g string) uint8 {
	switch {
	case strings.EqualFold(g, "IG1"):
		return 1
	case strings.EqualFold(g, "IG2"):
		return 2
	case strings.EqualFold(g, "IG3"):
		return 4
	}
	return 0
}

// reachesOf appends to out the baseline controls reaching item it: published edges
// between them (either direction); when there are none, the edges published at the
// item's ancestors (marked parent: context only, "mapped at category level"); then
// with derived paths the controls not reached yet, except those a published
// not-related-to edge separates from the item. A control reached several ways
// appears once, by its best way.
func (cw *Crosswalk) reachesOf(out []reach, it int32, base fwSpan, cfg *gapConfig) []reach {
	first := len(out)
	bf := cw.nodes[base.start].fw
	seen := func(out []reach, c int32) bool {
		for _, r := range out[first:] {
			if r.ctl == c && r.parent < 0 {
				return true
			}
		}
		return false
	}
	var denied []int32 // controls a source says are not related to the item
	for from, parent := it, int32(-1); from >= 0; from, parent = cw.nodes[from].parent, cw.nodes[from].parent {
		if parent >= 0 && len(out) > first {
			break // the item has mappings of its own: its ancestors' are not shown
		}
		last, kept := int32(-1), -1
		for _, a := range cw.arcsTo(from, bf) {
			if a.to == last {
				// A weaker or equally strong edge to the same control (arcs are sorted
				// strongest first). Sources that disagree on the direction of a subset
				// rank alike: "control superset-of item" is the claim that covers, so
				// it wins whichever end either source published from.
				if kept >= 0 && out[kept].rel == mappings.SubsetOf && cw.arcRel(a).Inverse() == mappings.SupersetOf {
					out[kept].rel = mappings.SupersetOf
				}
				continue
			}
			if !cw.isLeaf(a.to) {
				continue
			}
			last, kept = a.to, -1
			rel := cw.arcRel(a).Inverse() // "control R item"
			if rel == mappings.NotRelatedTo {
				if parent < 0 {
					denied = append(denied, a.to) // no derived path overrides it
				}
				continue
			}
			if seen(out, a.to) {
				continue
			}
			if parent >= 0 {
				rel = mappings.Related
			} else {
				kept = len(out)
			}
			out = append(out, reach{ctl: a.to, rel: rel, parent: parent, from: from})
		}
	}
	if cfg.derived {
		var found []path
		cw.walk(it, bf, cfg.hops, func(p path) {
			if !cw.isLeaf(p.target) {
				return
			}
			p.steps = slices.Clone(p.steps)
			found = append(found, p)
		})
		slices.SortFunc(found, comparePaths)
		for _, p := range found {
			if seen(out, p.target) || slices.Contains(denied, p.target) {
				continue
			}
			out = append(out, reach{ctl: p.target, rel: p.rel.Inverse(), parent: -1, derived: true, path: p.steps})
		}
	}
	slices.SortFunc(out[first:], func(x, y reach) int { return int(x.ctl) - int(y.ctl) })
	return out
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

func statusOf(st []Status, base fwSpan, c int32) Status {
	return st[c-base.start]
}

// coverage decides the coverage of one item from the reaches that count (not those
// through an ancestor, which are context only) and the statuses.
func coverage(rs []creach, st []Status, pol Policy) Coverage {
	if len(rs) == 0 {
		return Unreached
	}
	applicable, good := 0, 0
	strictCover, some := false, false
	for _, r := range rs {
		switch st[r.pos] {
		case NotApplicable:
			continue
		case Implemented:
			good++
			some = true
			strictCover = strictCover || r.strong
		case Partial:
			some = true
		}
		applicable++
	}
	switch {
	case applicable == 0:
		return NotApplicableCov
	case pol == Referenced && good == applicable:
		return Covered
	case pol != Referenced && strictCover:
		return Covered
	case some:
		return PartlyCovered
	}
	return Gap
}

// statusTable returns the status of every control of the baseline (NotAssessed where
// the assessment has none), indexed by position in the baseline framework.
func (cw *Crosswalk) statusTable(a *Assessment, base fwSpan) []Status {
	st := make([]Status, base.end-base.start)
	for _, e := range a.entries {
		if i, ok := cw.index[e.Control]; ok && i >= base.start && i < base.end {
			st[i-base.start] = e.Status
		}
	}
	return st
}

// Gap measures the target framework against the assessment: for every target item
// (every leaf: CSF subcategories, CIS safeguards; limited by [WithGroup] and
// [WithScope]) its [Coverage] and the baseline controls behind it, roll-ups per
// ancestor (CSF category and function, CIS control) and per CIS implementation group,
// the unreached items, the baseline controls the assessment does not rate (counted
// as not implemented), and the top recommendations ([Crosswalk.Recommend]).
//
// The policy is [Strict] unless [Referenced] is given; derived reaches are used only
// with [WithDerived]. The rules are in the package documentation ("Coverage").
func (cw *Crosswalk) Gap(a *Assessment, targetFW catalog.FrameworkID, opts ...GapOption) (*GapResult, error) {
	if a == nil {
		return nil, fmt.Errorf("crosswalk: nil assessment")
	}
	cfg := gapConfig{policy: Strict, recs: DefaultRecommendations}
	for _, o := range opts {
		if o != nil {
			o.applyGap(&cfg)
		}
	}
	if cfg.baseline != "" && cfg.baseline != a.baseline {
		return nil, fmt.Errorf("crosswalk: the assessment rates %s, not %s", a.baseline, cfg.baseline)
	}
	cfg.baseline = a.baseline
	if cfg.policy != Strict && cfg.policy != Referenced {
		return nil, fmt.Errorf("crosswalk: unknown coverage policy %q", cfg.policy)
	}
	t, err := cw.prepare(targetFW, &cfg)
	if err != nil {
		return nil, err
	}
	st := cw.statusTable(a, t.base)
	res := &GapResult{
		Baseline:    a.baseline,
		Target:      targetFW,
		Policy:      cfg.policy,
		Derived:     cfg.derived,
		IGs:         slices.Clone(cfg.groups),
		Items:       make([]GapItem, len(t.items)),
		Unreached:   []string{},
		NotAssessed: make([]string, 0, len(a.missing)),
	}
	for _, r := range cfg.scope {
		res.Scope = append(res.Scope, r.ID)
	}
	for _, r := range a.missing {
		res.NotAssessed = append(res.NotAssessed, r.ID)
	}
	covs := make([]Coverage, len(t.items))
	nvia := 0
	for _, rs := range t.reaches {
		nvia += len(rs)
	}
	vias := make([]Via, 0, nvia)      // one backing array for every item's Via
	srcs := make([]string, 0, t.nsrc) // and for their Sources and Paths
	for k, it := range t.items {
		c := coverage(t.cov[k], st, cfg.policy)
		covs[k] = c
		nd := &cw.nodes[it]
		item := GapItem{ID: nd.ref.ID, Title: nd.title, Status: c}
		v0 := len(vias)
		for j := range t.reaches[k] {
			var v Via
			v, srcs = cw.via(&t.reaches[k][j], st, t.base, srcs)
			vias = append(vias, v)
		}
		item.Via = vias[v0:len(vias):len(vias)]
		if ss := cw.stmts[it]; len(ss) > 0 {
			n := len(srcs)
			for _, s := range ss {
				srcs = append(srcs, s.text)
			}
			item.Statements = srcs[n:len(srcs):len(srcs)]
		}
		if o := t.outside[k]; len(o) > 0 {
			n := len(srcs)
			srcs = append(srcs, o...)
			item.Outside = srcs[n:len(srcs):len(srcs)]
		}
		if c == Unreached {
			res.Unreached = append(res.Unreached, item.ID)
		}
		res.Items[k] = item
	}
	res.Summary = summarize(covs)
	res.Groups = cw.rollups(t, covs, cfg.groups)
	if cfg.recs > 0 {
		res.Recommendations = cw.recommend(t, st, cfg.policy, cfg.recs)
	}
	if res.Recommendations == nil {
		res.Recommendations = []Recommendation{}
	}
	return res, nil
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

// viaTemplate describes reach r, without the status.
func (cw *Crosswalk) viaTemplate(r reach) Via {
	v := Via{Control: cw.nodes[r.ctl].ref.ID, Relationship: r.rel, Derived: r.derived}
	if r.parent >= 0 {
		v.ViaParent = cw.nodes[r.parent].ref.ID
	}
	if r.derived {
		// The path was walked from the item; list it from the control to the item.
		v.Path = make([]string, 0, len(r.path)+1)
		for i := len(r.path) - 1; i >= 0; i-- {
			v.Path = append(v.Path, cw.nodes[r.path[i].a.to].ref.String())
		}
		v.Path = append(v.Path, cw.nodes[r.path[0].from].ref.String())
		for _, s := range r.path {
			v.Sources = appendNew(v.Sources, cw.edges[s.a.edge].source)
		}
		return v
	}
	for _, a := range cw.arcsTo(r.from, cw.nodes[r.ctl].fw) {
		if a.to == r.ctl {
			v.Sources = appendNew(v.Sources, cw.edges[a.edge].source)
		}
	}
	return v
}

// via returns the reach as reported, with its status; its slices are copied into
// the arena strs, returned.
func (cw *Crosswalk) via(r *reach, st []Status, base fwSpan, strs []string) (Via, []string) {
	v := r.tmpl
	v.Status = statusOf(st, base, r.ctl)
	if len(v.Sources) > 0 {
		n := len(strs)
		strs = append(strs, v.Sources...)
		v.Sources = strs[n:len(strs):len(strs)]
	}
	if len(v.Path) > 0 {
		n := len(strs)
		strs = append(strs, v.Path...)
		v.Path = strs[n:len(strs):len(strs)]
	}
	return v, strs
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

// percents returns parts/whole in percent with one decimal, rounded by the largest
// remainder method so that they add up to exactly 100.0 (parts must add up to
// whole); a tie goes to the later part, so coverage is never rounded up at the
// expense of gaps. A zero whole gives zeros.
func percents(whole int, parts ...int) []float64 {
	out := make([]float64, len(parts))
	percentsInto(out, whole, parts...)
	return out
}

// percentsInto is [percents] writing into out (len(out) = len(parts) ≤ 8).
func percentsInto(out []float64, whole int, parts ...int) {
	if whole <= 0 {
		clear(out)
		return
	}
	var tenths, rem [8]int
	sum := 0
	for i, p := range parts {
		n := p * 1000
		tenths[i], rem[i] = n/whole, n%whole
		sum += tenths[i]
	}
	for left := 1000 - sum; left > 0; left-- {
		best := -1
		for i := range parts {
			if best < 0 || rem[i] >= rem[best] {
				best = i
			}
		}
		tenths[best]++
		rem[best] = -1
	}
	for i := range parts {
		out[i] = float64(tenths[i]) / 10
	}
}

// CoveredPercent is the covered share, in percent with one decimal, of the items
// counted by covered, partial, gap and unreached (the applicable items), rounded as
// [Summary] and [Rollup] round it: by largest remainder over the four parts, so a
// renderer showing counts of its own (a cell of a heat map) agrees with them. It is
// 0 when all four are 0 or any is negative.
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
func (cw *Crosswalk) rollups(t *target, covs []Coverage, groups []string) []Rollup {
	span := cw.fws[t.tf]
	byNode := make([]counts, span.end-span.start)
	n := 0
	for k, it := range t.items {
		for p := cw.nodes[it].parent; p >= 0 && cw.inScope(p, t.scope); p = cw.nodes[p].parent {
			c := &byNode[p-span.start]
			if c.total == 0 {
				n++
			}
			c.add(covs[k])
		}
	}
	out := make([]Rollup, 0, n+3)
	for i := range byNode {
		if byNode[i].total > 0 {
			nd := &cw.nodes[span.start+int32(i)]
			out = append(out, rollup(nd.ref.ID, nd.title, string(nd.kind), &byNode[i]))
		}
	}
	var igs [3]counts
	for k, it := range t.items {
		for g := range igs {
			if cw.nodes[it].igs&(1<<g) != 0 {
				igs[g].add(covs[k])
			}
		}
	}
	for g, name := range []string{"IG1", "IG2", "IG3"} {
		if igs[g].total > 0 && (len(groups) == 0 || slices.Contains(groups, name)) {
			out = append(out, rollup(name, "Implementation Group "+name[2:], "implementation-group", &igs[g]))
		}
	}
	return out
}

func rollup(id, title, kind string, c *counts) Rollup {
	r := Rollup{ID: id, Title: title, Kind: kind, Total: c.total, Covered: c.covered, Partial: c.partial,
		Gap: c.gap, Unreached: c.unreached, NotApplicable: c.na}
	var p [4]float64
	percentsInto(p[:], c.total-c.na, c.covered, c.partial, c.gap, c.unreached)
	r.CoveragePercent = p[0]
	return r
}
