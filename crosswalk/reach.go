package crosswalk

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// baseSet is the baseline of a gap query: the assessed framework and, when it carries
// another as its Annex A (ISO/IEC 27001:2022), that one too — an ISMS baseline is the
// clauses and the Annex A controls. Statuses are indexed by position in it.
type baseSet struct {
	id    catalog.FrameworkID
	fws   []int32 // framework indexes: the baseline, then its annex
	spans []fwSpan
	off   []int32 // position of each span's first node
	n     int32
}

func (cw *Crosswalk) baseSet(bf int32) *baseSet {
	b := &baseSet{id: cw.fws[bf].id}
	add := func(f int32) {
		b.fws = append(b.fws, f)
		b.spans = append(b.spans, cw.fws[f])
		b.off = append(b.off, b.n)
		b.n += cw.fws[f].end - cw.fws[f].start
	}
	add(bf)
	if a, ok := cw.fwIdx[cw.fws[bf].annex]; ok && a != bf {
		add(a)
	}
	return b
}

// pos is the position of node c in the baseline, or -1.
func (b *baseSet) pos(c int32) int32 {
	for k, s := range b.spans {
		if c >= s.start && c < s.end {
			return b.off[k] + c - s.start
		}
	}
	return -1
}

// node is the node at position p.
func (b *baseSet) node(p int32) int32 {
	for k := len(b.spans) - 1; k >= 0; k-- {
		if p >= b.off[k] {
			return b.spans[k].start + p - b.off[k]
		}
	}
	return -1
}

func (b *baseSet) has(fw int32) bool { return slices.Contains(b.fws, fw) }

// reach is one baseline control reaching a target item.
type reach struct {
	ctl     int32 // node of the baseline control
	rel     mappings.Relationship
	basis   Basis
	parent  int32  // BasisAncestor: the ancestor of the item the edge is published at; else -1
	from    int32  // published, succession, ancestor: the node of the item's side the edge is at
	path    []step // derived: the best path, from the item to the control
	routes  int    // derived: the number of paths found
	through int32  // succession: the framework whose edges were carried; else -1
	tmpl    Link   // the reach as reported, without the status (memo-owned: copy before handing out)
}

// target holds what a gap query computes once: the target items and how the
// baseline reaches each.
type target struct {
	nsrc    int // total Statements and Outside of the items (of the full table), to size a result's string array
	nvia    int // total reaches of the items
	base    *baseSet
	tf      int32
	items   []int32          // target items in scope, document order
	reaches [][]reach        // per item
	cov     [][]countedReach // per item: the reaches that count, compactly, for coverage
	shape   []uint8          // per item: reachShape of its cov
	outside [][]string       // per item: GapItem.Outside (memo-owned: copy before handing out)
	stmts   [][]string       // per item: GapItem.Statements, from the sets that join it to the baseline (memo-owned)
	cut     []bool           // per item: the derived search stopped at its work bound
	scope   []int32          // the WithScope nodes the items were limited to, if any
	notes   []string         // what every report of this target must say (successions used)
	// outsideNote ends the note a result with covered items with Outside gets
	// (" covered ... items are also mapped by ..."), after the counts; "" when no
	// item has any.
	outsideNote string
	// unjoined: no published edge (nor one an identity succession carries) joins the
	// baseline and the target: its items cannot be measured with published mappings.
	unjoined bool

	flat *flatVias // the Via templates and their strings, of the full table
	idx  []int32   // per item, its index in the full table (nil: the full table itself)

	ctlOnce sync.Once // computes ctl on first use
	ctl     *ctlIndex // what recommendations read (see Crosswalk.ctlIndex)

	rollOnce sync.Once     // computes roll on first use
	roll     *rollSkeleton // what the roll-ups read (see Crosswalk.rollSkeleton)
}

// prepare returns the reach table of a gap query on target tfID: the full table of
// the baseline and target (memoised), limited to the scope, implementation groups
// and control baselines of cfg when it names any.
func (cw *Crosswalk) prepare(tfID catalog.FrameworkID, cfg *gapConfig) (*target, error) {
	if cfg.baseline == "" {
		cfg.baseline = DefaultBaseline
	}
	bf, tf, err := cw.pair(cfg.baseline, tfID)
	if err != nil {
		return nil, err
	}
	scope, err := cw.limits(tf, cfg)
	if err != nil {
		return nil, err
	}
	full := cw.reachTable(bf, tf, cfg)
	if len(scope) == 0 && len(cfg.groups) == 0 && len(cfg.profiles) == 0 {
		return full, nil
	}
	return cw.limit(full, scope, cfg)
}

// pair resolves the baseline and the target of a gap query, which must differ.
func (cw *Crosswalk) pair(base, tfID catalog.FrameworkID) (bf, tf int32, err error) {
	bf, ok := cw.fwIdx[base]
	if !ok {
		return 0, 0, &catalog.RefError{Input: string(base), Err: catalog.ErrUnknownFramework}
	}
	tf, ok = cw.fwIdx[tfID]
	if !ok {
		return 0, 0, &catalog.RefError{Input: string(tfID), Err: catalog.ErrUnknownFramework}
	}
	if tf == bf || cw.fws[bf].annex != "" && cw.fws[tf].id == cw.fws[bf].annex { // in cw.baseSet(bf)
		return 0, 0, fmt.Errorf("crosswalk: the target %s is the baseline", tfID)
	}
	return bf, tf, nil
}

// limits checks the limits of cfg on target tf and returns the nodes of its scope.
func (cw *Crosswalk) limits(tf int32, cfg *gapConfig) ([]int32, error) {
	var scope []int32
	for _, r := range cfg.scope {
		i, ok := cw.node(r)
		if !ok || cw.nodes[i].fw != tf {
			return nil, &catalog.RefError{Input: r.String(), Frameworks: []catalog.FrameworkID{cw.fws[tf].id}, Err: catalog.ErrNotFound}
		}
		scope = append(scope, i)
	}
	for _, g := range cfg.groups {
		if g != "IG1" && g != "IG2" && g != "IG3" {
			return nil, fmt.Errorf("crosswalk: unknown implementation group %q (want IG1, IG2 or IG3)", g)
		}
	}
	for _, p := range cfg.profiles {
		if profileBit(p) == 0 {
			return nil, fmt.Errorf("crosswalk: unknown control baseline %q (want LOW, MODERATE, HIGH or PRIVACY)", p)
		}
	}
	return scope, nil
}

// limit returns the part of the full table whose items are in scope, in the
// implementation groups and in the control baselines of cfg.
func (cw *Crosswalk) limit(full *target, scope []int32, cfg *gapConfig) (*target, error) {
	t := &target{base: full.base, tf: full.tf, scope: scope, nsrc: full.nsrc, notes: full.notes, outsideNote: full.outsideNote,
		unjoined: full.unjoined, flat: full.flat}
	anyIG, anyProfile := false, false
	for k, i := range full.items {
		anyIG = anyIG || cw.nodes[i].igs != 0
		anyProfile = anyProfile || cw.nodes[i].profiles != 0
		if cw.inScope(i, scope) && cw.inGroups(i, cfg.groups) && cw.inProfiles(i, cfg.profiles) {
			t.items = append(t.items, i)
			t.idx = append(t.idx, int32(k))
			t.reaches = append(t.reaches, full.reaches[k])
			t.nvia += len(full.reaches[k])
			t.cov = append(t.cov, full.cov[k])
			t.shape = append(t.shape, full.shape[k])
			t.outside = append(t.outside, full.outside[k])
			t.stmts = append(t.stmts, full.stmts[k])
			t.cut = append(t.cut, full.cut[k])
		}
	}
	tfID := cw.fws[full.tf].id
	if len(cfg.groups) > 0 && !anyIG {
		return nil, fmt.Errorf("crosswalk: %s has no implementation groups (WithGroup applies to the CIS Controls)", tfID)
	}
	if len(cfg.profiles) > 0 && !anyProfile {
		return nil, fmt.Errorf("crosswalk: %s has no control baselines (WithProfile applies to NIST SP 800-53)", tfID)
	}
	return t, nil
}

// reachKey names one table of reaches: baseline, target, derived path length (0
// without derived paths) and the fewest routes a derived reach needs.
type reachKey struct {
	base, target int32
	hops         int
	minRoutes    int
}

// reachTable returns the items of target framework tf and the baseline controls
// reaching each. It depends only on the immutable graph, so it is computed once per
// key and kept (a memo, safe for concurrent use); callers must not modify it.
func (cw *Crosswalk) reachTable(bf, tf int32, cfg *gapConfig) *target {
	key := reachKey{base: bf, target: tf}
	if cfg.derived {
		key.hops, key.minRoutes = cfg.hops, max(cfg.minRoutes, 1)
	}
	if v, ok := cw.memo.Load(key); ok {
		return v.(*target)
	}
	t := &target{base: cw.baseSet(bf), tf: tf}
	t.items = cw.itemsOf(tf)
	cw.fillReaches(t, cfg)
	through := cw.countReaches(t)
	t.unjoined = !published(t.reaches) && len(t.items) > 0
	t.notes = cw.targetNotes(bf, t, cfg, through)
	outside := cw.hosts(t.base)
	cw.fillStatements(t, outside)
	cw.fillOutside(t, outside)
	t.flat = flatten(t)
	v, _ := cw.memo.LoadOrStore(key, t)
	return v.(*target)
}

// fillReaches sets the reaches of every item of t, and whether its derived search
// stopped at its bound.
func (cw *Crosswalk) fillReaches(t *target, cfg *gapConfig) {
	t.reaches = make([][]reach, len(t.items))
	t.cut = make([]bool, len(t.items))
	arena := make([]reach, 0, 4*len(t.items))
	for k, it := range t.items {
		n := len(arena)
		arena, t.cut[k] = cw.reachesOf(arena, it, t.base, cfg)
		t.reaches[k] = arena[n:len(arena):len(arena)]
		t.nvia += len(t.reaches[k])
	}
}

// countReaches sets, per item of t, the reaches that count for coverage and their
// shape, and the link template of every reach; it returns the frameworks whose
// edges an identity succession carried, sorted.
func (cw *Crosswalk) countReaches(t *target) (through []int32) {
	t.cov = make([][]countedReach, len(t.reaches))
	for k, rs := range t.reaches {
		for i := range rs {
			r := &rs[i]
			if r.basis != BasisAncestor {
				t.cov[k] = append(t.cov[k], countedReach{pos: t.base.pos(r.ctl), kind: reachKind(r.rel), derived: r.basis == BasisDerived})
			}
			if r.basis == BasisSuccession && !slices.Contains(through, r.through) {
				through = append(through, r.through)
			}
			r.tmpl = cw.viaTemplate(*r, t.items[k])
		}
	}
	t.shape = make([]uint8, len(t.items))
	for k, rs := range t.cov {
		t.shape[k] = reachShape(rs)
	}
	slices.Sort(through)
	return through
}

// targetNotes returns what every report of the table must say: that no published
// mapping joins baseline and target, and which identity successions carried edges.
func (cw *Crosswalk) targetNotes(bf int32, t *target, cfg *gapConfig, through []int32) []string {
	var notes []string
	tf := cw.fws[t.tf].id
	if t.unjoined {
		notes = append(notes, cw.unjoinedNote(bf, t, cfg))
	}
	for _, f := range through {
		notes = append(notes, fmt.Sprintf("%s items are reached through the mappings published for %s, carried to %s across the identity succession between them (same IDs, every edge equal) and labelled \"via %s (succession)\": published edges, not derived paths; where %s changed a control's attributes, the mapping is still the one published for %s.",
			tf, cw.fws[f].id, tf, cw.fws[f].id, tf, cw.fws[f].id))
	}
	return notes
}

// unjoinedNote says that no published mapping joins the baseline bf and the target
// of t, so that its items cannot be measured with published mappings (they are not
// gaps of the baseline), and what can reach them: derived paths (how many items
// they reach), an assessment of the target's own controls when it carries the
// baseline as its annex (ISO/IEC 27001's clauses), or the other editions of the
// target or of the baseline that a published mapping joins.
func (cw *Crosswalk) unjoinedNote(bf int32, t *target, cfg *gapConfig) string {
	tf := cw.fws[t.tf]
	der := t
	if !cfg.derived {
		der = cw.reachTable(bf, t.tf, &gapConfig{derived: true, hops: DefaultMaxHops, minRoutes: 1})
	}
	reached := 0
	for k := range der.items {
		if countsForReach(der.reaches[k], true) {
			reached++
		}
	}
	n := len(t.items)
	out := fmt.Sprintf("No published mapping joins %s and %s: the %d items of %s cannot be measured with published mappings. ", t.base.id, tf.id, n, tf.id)
	switch {
	case !cfg.derived:
		out += fmt.Sprintf("They count as unreached, not as gaps of the baseline; --derived reaches %d of them through other frameworks (inference: partial at most).", reached)
	case reached < n:
		out += fmt.Sprintf("Derived paths through other frameworks reach %d of them (inference: partial at most); the others count as unreached, not as gaps of the baseline.", reached)
	default:
		out += fmt.Sprintf("Derived paths through other frameworks reach all %d (inference: partial at most).", n)
	}
	if tf.annex == t.base.id {
		return out + fmt.Sprintf(" The items of %s are its own controls (management-system clauses): an assessment with --baseline %s rates them.", tf.id, tf.id)
	}
	hosts := cw.hosts(t.base)
	var alt []string
	for _, e := range cw.joinedEditions(t.tf, func(x int32) bool { return t.base.has(x) || slices.Contains(hosts, x) }) {
		alt = append(alt, fmt.Sprintf("%s (another edition of the target) to this baseline", e))
	}
	for _, f := range t.base.fws {
		for _, e := range cw.joinedEditions(f, func(x int32) bool { return x == t.tf }) {
			alt = append(alt, fmt.Sprintf("%s to %s (another edition of the baseline)", tf.id, e))
		}
	}
	if len(alt) > 0 {
		out += " Published mappings join " + strings.Join(alt, ", and ") + "."
	}
	return out
}

// joinedEditions returns the other editions of framework f's family (CSF 2.0 for CSF
// 1.1) that a published crosswalk set joins to a framework x with(x), in catalog
// order.
func (cw *Crosswalk) joinedEditions(f int32, with func(int32) bool) []catalog.FrameworkID {
	var out []catalog.FrameworkID
	for e := range cw.fws {
		if int32(e) == f || cw.fws[e].family != cw.fws[f].family {
			continue
		}
		for _, s := range cw.sets {
			if s.info.Kind != mappings.Crosswalk {
				continue
			}
			from, okf := cw.fwIdx[s.info.From]
			to, okt := cw.fwIdx[s.info.To]
			if okf && okt && (from == int32(e) && with(to) || to == int32(e) && with(from)) {
				out = append(out, cw.fws[e].id)
				break
			}
		}
	}
	return out
}

// published reports whether any reach is by a published edge (or one carried
// across an identity succession).
func published(reaches [][]reach) bool {
	for _, rs := range reaches {
		for _, r := range rs {
			if r.basis == BasisPublished || r.basis == BasisSuccession {
				return true
			}
		}
	}
	return false
}

// hosts returns the frameworks that carry baseline b as their annex (ISO/IEC 27001
// for 27002) without being part of it: their controls linked to an item are listed
// as outside the baseline.
func (cw *Crosswalk) hosts(b *baseSet) []int32 {
	var out []int32
	for i, f := range cw.fws {
		if f.annex == b.id && !b.has(int32(i)) {
			out = append(out, int32(i))
		}
	}
	return out
}

// fillStatements sets the statements of every item of t: only those of sets that
// join the target to the baseline (or to a framework in outside, which carries the
// baseline as its annex), not of every set that mentions the item.
func (cw *Crosswalk) fillStatements(t *target, outside []int32) {
	relevant := func(id catalog.FrameworkID) bool {
		if f, ok := cw.fwIdx[id]; ok {
			return t.base.has(f) || slices.Contains(outside, f)
		}
		return false
	}
	t.stmts = make([][]string, len(t.items))
	for k, it := range t.items {
		for _, st := range cw.stmtsOf(it) {
			if info := cw.sets[st.set].info; relevant(info.From) || relevant(info.To) {
				t.stmts[k] = append(t.stmts[k], st.text)
			}
		}
		t.nsrc += len(t.stmts[k])
	}
}

// fillOutside sets, per item of t, the controls of the frameworks in outside that
// an edge links to it, and the end of the note on covered items that have some.
func (cw *Crosswalk) fillOutside(t *target, outside []int32) {
	t.outside = make([][]string, len(t.items))
	var hosts []int32
	var pubs []string
	for k, it := range t.items {
		for _, of := range outside {
			for _, a := range cw.arcsTo(it, of) {
				if r := cw.nodes[a.to].ref.String(); !slices.Contains(t.outside[k], r) {
					t.outside[k] = append(t.outside[k], r)
				}
				hosts = appendNew32(hosts, of)
				pubs = appendNew(pubs, cw.sets[cw.edges[a.edge()].set].info.Source.Publisher)
			}
		}
		t.nsrc += len(t.outside[k])
	}
	if len(hosts) > 0 {
		t.outsideNote = cw.outsideNote(t, hosts, pubs)
	}
}

// outsideNote is the end of the note of a result whose covered items are also
// mapped to controls outside the baseline (the management-system clauses of
// ISO/IEC 27001 for a 27002 baseline), after "N of the M": the baseline does not
// rate them, so such an item is covered on its baseline controls alone.
func (cw *Crosswalk) outsideNote(t *target, hosts []int32, pubs []string) string {
	by := "their source"
	pubs = slices.DeleteFunc(pubs, func(p string) bool { return p == "" }) // sets of unknown publisher
	if len(pubs) > 0 {
		by = strings.Join(pubs, " and ")
	}
	var names, ids []string
	for _, h := range hosts {
		id := cw.fws[h].id
		name := string(id)
		if in, ok := cw.cat.Framework(id); ok && in.Name != "" {
			name = in.Name
		}
		names, ids = append(names, name), append(ids, string(id))
	}
	return " covered " + string(cw.fws[t.tf].id) + " items are also mapped by " + by + " to " +
		strings.Join(names, " and ") + " clauses (management system) that this baseline does not assess; " +
		"they count as covered on the baseline's controls alone. --baseline " + strings.Join(ids, " or --baseline ") +
		", with those clauses rated, measures them."
}

func appendNew32(list []int32, v int32) []int32 {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// flatVias lays out the link templates of a reach table and the hops of their
// paths, item after item, so that [GapItem.Via] copies an item's part with one copy
// each and points the copies' paths at the copied hops, in the same order.
type flatVias struct {
	vias   []Link  // the templates ([reach].tmpl), item after item
	vpos   []int32 // per template: the baseline position of its control (for its status)
	hops   []Hop   // per item: its templates' Path, one after the other
	viaOff []int32 // item k's templates are vias[viaOff[k]:viaOff[k+1]]
	hopOff []int32 // and its hops hops[hopOff[k]:hopOff[k+1]]
}

func flatten(t *target) *flatVias {
	f := &flatVias{vias: make([]Link, 0, t.nvia), vpos: make([]int32, 0, t.nvia),
		viaOff: make([]int32, len(t.items)+1), hopOff: make([]int32, len(t.items)+1)}
	for k := range t.items {
		for j := range t.reaches[k] {
			r := &t.reaches[k][j]
			f.vias = append(f.vias, r.tmpl)
			f.vpos = append(f.vpos, t.base.pos(r.ctl))
			f.hops = append(f.hops, r.tmpl.Path...)
		}
		f.viaOff[k+1], f.hopOff[k+1] = int32(len(f.vias)), int32(len(f.hops))
	}
	return f
}

// itemsOf returns the items of framework tf in document order: its controls of the
// framework's item kinds ([catalog.Framework.ItemKinds]; the leaves when it names
// none), never a withdrawn one; and, for a leaf neither an item nor below one, its
// root-most ancestor with no item below it (a NIS2 section without sub-headings).
func (cw *Crosswalk) itemsOf(tf int32) []int32 {
	span := cw.fws[tf]
	var items []int32
	if len(span.itemKinds) == 0 {
		for i := span.start; i < span.end; i++ {
			if cw.isLeaf(i) && !cw.nodes[i].withdrawn {
				items = append(items, i)
			}
		}
		return items
	}
	isItem, itemBelow := cw.itemsOfKinds(span)
	// A leaf neither an item nor under one makes its root-most ancestor with no
	// item below it an item (a NIS2 section without sub-headings).
	for i := span.start; i < span.end; i++ {
		if !cw.isLeaf(i) || cw.nodes[i].withdrawn || cw.under(i, span, isItem) {
			continue
		}
		top := i
		for p := cw.nodes[i].parent; p >= 0 && !itemBelow[p-span.start]; p = cw.nodes[p].parent {
			top = p
		}
		isItem[top-span.start] = true
	}
	for i := span.start; i < span.end; i++ {
		if isItem[i-span.start] {
			items = append(items, i)
		}
	}
	return items
}

// itemsOfKinds marks, by position in span, the nodes of the framework's item kinds
// (never a withdrawn one), and the nodes that have such an item below them.
func (cw *Crosswalk) itemsOfKinds(span fwSpan) (isItem, itemBelow []bool) {
	n := span.end - span.start
	isItem, itemBelow = make([]bool, n), make([]bool, n)
	for i := span.start; i < span.end; i++ {
		nd := &cw.nodes[i]
		if !nd.withdrawn && slices.Contains(span.itemKinds, nd.kind) {
			isItem[i-span.start] = true
			for p := nd.parent; p >= 0 && !itemBelow[p-span.start]; p = cw.nodes[p].parent {
				itemBelow[p-span.start] = true
			}
		}
	}
	return isItem, itemBelow
}

// under reports whether node i or one of its ancestors is marked in mark (by
// position in span).
func (cw *Crosswalk) under(i int32, span fwSpan, mark []bool) bool {
	for p := i; p >= 0; p = cw.nodes[p].parent {
		if mark[p-span.start] {
			return true
		}
	}
	return false
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

func (cw *Crosswalk) inProfiles(i int32, profiles []string) bool {
	if len(profiles) == 0 {
		return true
	}
	for _, p := range profiles {
		if cw.nodes[i].profiles&profileBit(p) != 0 {
			return true
		}
	}
	return false
}

// profileNames are the SP 800-53B baselines, in the order of their bits.
var profileNames = [...]string{"LOW", "MODERATE", "HIGH", "PRIVACY"}

var profileTitles = [...]string{"LOW baseline", "MODERATE baseline", "HIGH baseline", "Privacy baseline"}

// profileBit returns the bit of a control baseline (any case), or 0.
func profileBit(name string) uint8 {
	for b, n := range profileNames {
		if strings.EqualFold(name, n) {
			return 1 << b
		}
	}
	return 0
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

// reachesOf appends to out the baseline controls reaching item it, and reports
// whether a derived search stopped at its work bound:
//
//  1. published edges between the item and a baseline control (either direction);
//  2. the published edges of the item's same-ID twins in identity successions (CIS v8
//     for a v8.1 safeguard), basis succession;
//  3. only when 1 and 2 find none: the edges published at the nearest ancestor that
//     has some, basis ancestor (context, "mapped at category level");
//  4. only when 1 and 2 find none, with derived paths: the baseline controls derived
//     paths reach, except those a published not-related-to edge separates from the
//     item; derived paths never add to, or change, an item a published edge reaches.
//
// A control reached several ways appears once, by its most direct way.
func (cw *Crosswalk) reachesOf(out []reach, it int32, b *baseSet, cfg *gapConfig) ([]reach, bool) {
	first := len(out)
	var denied []int32 // controls a source says are not related to the item
	// addArcs adds the baseline controls linked to node from (the item, a twin of it
	// or an ancestor).
	addArcs := func(from int32, basis Basis, parent, through int32) {
		for _, bf := range b.fws {
			cw.addArcsTo(&out, first, &denied, from, bf, bf, basis, parent, through)
			if basis == BasisAncestor {
				continue
			}
			// Edges to the same-ID twins of baseline controls (CIS v8 for a CIS v8.1
			// baseline), carried across the identity succession.
			for _, g := range cw.twinFws[bf] {
				cw.addArcsTo(&out, first, &denied, from, g, bf, BasisSuccession, parent, g)
			}
		}
	}
	addArcs(it, BasisPublished, -1, -1)
	for _, tw := range cw.twinsOf(it) {
		addArcs(tw.node, BasisSuccession, -1, cw.nodes[tw.node].fw)
	}
	published := len(out) > first
	if !published {
		for p := cw.nodes[it].parent; p >= 0 && len(out) == first; p = cw.nodes[p].parent {
			addArcs(p, BasisAncestor, p, -1)
		}
	}
	cut := false
	if cfg.derived && !published {
		var found []derived
		found, cut = cw.derive(it, b.fws, cfg.hops, func(c int32) bool { return cw.item[c] })
		for _, d := range found {
			if d.routes < cfg.minRoutes || slices.Contains(denied, d.target) {
				continue
			}
			out = append(out, reach{ctl: d.target, rel: d.rel.Inverse(), basis: BasisDerived, parent: -1, path: d.steps, routes: d.routes, through: -1})
		}
	}
	slices.SortFunc(out[first:], func(x, y reach) int { return int(x.ctl) - int(y.ctl) })
	return out, cut
}

// reachedBefore reports whether control c is in rs other than at an ancestor.
func reachedBefore(rs []reach, c int32) bool {
	for _, r := range rs {
		if r.ctl == c && r.basis != BasisAncestor {
			return true
		}
	}
	return false
}

// addArcsTo appends to *out the baseline controls of framework bf that the edges of
// node from reach: through edges to framework g, which is bf itself or a framework
// whose controls are same-ID twins of bf's (then the control reached is the twin in
// bf). A control already in (*out)[first:] (not at an ancestor) is not added again;
// a not-related-to edge adds its control to *denied.
func (cw *Crosswalk) addArcsTo(out *[]reach, first int, denied *[]int32, from, g, bf int32, basis Basis, parent, through int32) {
	last, kept := int32(-1), -1
	for _, a := range cw.arcsTo(from, g) {
		if g != bf && cw.sets[cw.edges[a.edge()].set].identity {
			continue // the twin's own identity edge leads back to a twin
		}
		ctl := a.to
		if g != bf {
			if ctl = cw.twinIn(a.to, bf); ctl < 0 {
				continue
			}
		}
		if ctl == last {
			// A weaker or equally strong edge to the same control (arcs are sorted
			// strongest first). Sources that disagree on the direction of a subset
			// rank alike: "control superset-of item" is the claim that covers, so it
			// wins whichever end either source published.
			if kept >= 0 && (*out)[kept].rel == mappings.SubsetOf && cw.arcRel(a).Inverse() == mappings.SupersetOf {
				(*out)[kept].rel = mappings.SupersetOf
			}
			continue
		}
		if !cw.item[ctl] {
			continue // a theme, a family: not a control the baseline rates
		}
		last, kept = ctl, -1
		rel := cw.arcRel(a).Inverse() // "control R item"
		if rel == mappings.NotRelatedTo {
			if basis != BasisAncestor {
				*denied = append(*denied, ctl) // no derived path overrides it
			}
			continue
		}
		if reachedBefore((*out)[first:], ctl) {
			continue
		}
		if basis == BasisAncestor {
			rel = mappings.Related
		} else {
			kept = len(*out)
		}
		*out = append(*out, reach{ctl: ctl, rel: rel, basis: basis, parent: parent, from: from, through: through})
	}
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
