package crosswalk

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dominikbraun/graph"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Crosswalk is the graph of a catalog's frameworks and the mapping sets between them,
// with the indexes its queries read. It is immutable after [New] and safe for
// concurrent use; nothing it returns shares memory with it.
type Crosswalk struct {
	cat *catalog.Catalog

	// g is the structure: one vertex per catalog node (hashed by its dense index),
	// hierarchy edges parent → child and one graph edge per ordered pair of nodes that
	// a mapping edge links, in both directions. Its store, adj, holds that adjacency
	// with each mapping edge's payload, and is what every query walks (see
	// nodeStore). It is built once, never mutated and never handed out.
	g graph.Graph[int32, int32]

	graphData

	// byID[f] maps the ID of each node of framework f to the node (canonical Refs:
	// see lookup). One map per framework keyed by the ID alone is smaller and quicker
	// than one keyed by the whole Ref (two strings).
	byID  []idIndex
	fwIdx map[catalog.FrameworkID]int32

	// memo keeps the reach tables of gap queries (reachKey → *target), computed on
	// first use from the immutable indexes above.
	memo sync.Map
}

// graphData is what [New] computes from a catalog and mapping sets and the queries
// read, but for the look-up maps: plain values and slices, no maps and no pointers to
// other parts of it. The embedded crosswalk's is static data, written by the
// generator (embed_graph.go): [Default] builds nothing of it.
type graphData struct {
	adj nodeStore // the graph's store: the hierarchy and the mapping arcs of every node

	nodes []node   // every catalog node, in catalog (document) order
	fws   []fwSpan // frameworks in catalog order

	edges []edgeRec // mapping edges kept, in set order then edge order
	strs  []string  // the edges' sources, notes and labels, each once; strs[0] is ""

	sets []setRec
	// The statements about node i are stmts[stmtOff[i]:stmtOff[i+1]], in set order
	// (stmtsOf); stmtOff is nil when no set makes a statement.
	stmtOff []int32
	stmts   []stmtRec

	// item marks the nodes that are items of their framework (itemsOf).
	item []bool

	// The twins of node i, twins[twinOff[i]:twinOff[i+1]] (twinsOf), are the same-ID
	// controls of other frameworks that identity successions join to it (cis:8/4.1
	// and cis:8.1/4.1), transitively, by node; see mappings.Set.IsIdentity. twinOff is
	// nil when no set is an identity succession.
	twinOff []int32
	twins   []twin
	// twinFws[f] are the frameworks whose controls identity successions join to f's
	// (one entry per framework).
	twinFws [][]int32
}

// idIndex maps the IDs of one framework's nodes to the nodes. [New] makes it at once;
// [Default]'s crosswalk, whose nodes are static data, when a query first looks up a
// node of the framework, so that its first use does not grow with the frameworks.
type idIndex struct {
	made atomic.Bool // ids is made (set after it, read before it)
	once sync.Once
	ids  map[string]int32
}

// idsOf returns the index of framework f's IDs, making it on first use.
func (cw *Crosswalk) idsOf(f int32) map[string]int32 {
	if x := &cw.byID[f]; x.made.Load() {
		return x.ids
	}
	return cw.makeIDs(f)
}

// makeIDs makes the index of framework f's IDs, once, and returns it.
func (cw *Crosswalk) makeIDs(f int32) map[string]int32 {
	x := &cw.byID[f]
	x.once.Do(func() {
		sp := cw.fws[f]
		x.ids = make(map[string]int32, sp.end-sp.start)
		for i := sp.start; i < sp.end; i++ {
			x.ids[cw.nodes[i].ref.ID] = i
		}
		x.made.Store(true)
	})
	return x.ids
}

type node struct { // fields ordered to leave no padding
	ref       catalog.Ref
	title     string // shared with the catalog (strings are immutable)
	kind      catalog.Kind
	fw        int32 // index into fws
	parent    int32 // -1 for a root
	children  int32 // number of children
	igs       uint8 // CIS implementation groups: bit 0 IG1, bit 1 IG2, bit 2 IG3
	profiles  uint8 // SP 800-53B baselines: see profileNames
	withdrawn bool  // catalog.Control.Withdrawn
}

type fwSpan struct {
	id         catalog.FrameworkID
	start, end int32 // nodes[start:end]
	annex      catalog.FrameworkID
	itemKinds  []catalog.Kind
	family     int32 // frameworks of one family (cis:8, cis:8.1) share it
}

// twin is a same-ID control joined to a node by identity successions.
type twin struct {
	node int32
	set  int32 // the set of the edge (the first one, for a chain)
}

// edgeRec is one mapping edge kept. Its strings are indexes into Crosswalk.strs: a
// large corpus repeats a few sources and mostly empty notes and labels, and 32 bytes
// an edge instead of 72 is most of New's memory at a million edges.
type edgeRec struct {
	from, to int32
	set      int32 // index into sets
	source   int32 // into strs
	note     int32 // into strs
	label    int32 // into strs
	rel      mappings.Relationship
}

// arc is one edge seen from one of its ends: to is the other end; inv is true when
// the edge was published to → from and is read backwards. Both fit in e (the edge's
// index, complemented when inverse): 8 bytes an arc instead of 12, two arcs an edge.
type arc struct {
	to int32
	e  int32
}

// edge is the index of the arc's edge in Crosswalk.edges.
func (a arc) edge() int32 {
	if a.e < 0 {
		return ^a.e
	}
	return a.e
}

// inv reports whether the edge was published to → from and is read backwards.
func (a arc) inv() bool { return a.e < 0 }

type setRec struct {
	info     SetInfo
	identity bool // mappings.Set.IsIdentity
}

type stmtRec struct {
	set  int32
	st   mappings.Statement
	text string // statementText(st), computed once
}

// SetInfo describes a mapping set held by a [Crosswalk].
type SetInfo struct {
	ID         string              // the set's ID
	From, To   catalog.FrameworkID // the set's frameworks, as the set names them
	Kind       mappings.SetKind    // crosswalk or succession
	Source     mappings.Source     // the document the set comes from
	Edges      int                 // edges kept
	Duplicates int                 // edges dropped because the set already had them (same ends, relationship and source)
	Statements int                 // statements the set makes instead of edges
}

// Errors of [New]; test with [errors.Is]. The error itself is a
// [*catalog.DataError] naming the set and the edge or statement in its Record.
var (
	ErrDanglingRef          = mappings.ErrDanglingRef // the same error as package mappings reports, so errors.Is works across layers
	ErrInvalidRelationship  = errors.New("edge has no valid relationship")
	ErrUnknownSetFramework  = mappings.ErrUnknownSetFramework // the same kind mappings' validation reports
	errCorruptEmbeddedGraph = errors.New("crosswalk: embedded data is corrupt")
)

const maxProblems = 100

// New builds a crosswalk over cat and the mapping sets. Every edge and statement must
// name controls the catalog holds (an Annex A spelling such as
// "iso27001:2022/A.5.1" is read as the control it names, "iso27002:2022/5.1"); all
// problems are reported together as [*catalog.DataError] values joined with
// [errors.Join].
// An edge a set repeats (same ends, relationship and source) is kept once and counted
// in [SetInfo.Duplicates]. New keeps what it needs; later changes to sets do not
// reach the crosswalk.
func New(cat *catalog.Catalog, sets ...mappings.Set) (*Crosswalk, error) {
	if cat == nil {
		return nil, errors.New("crosswalk: nil catalog")
	}
	cw := &Crosswalk{cat: cat, fwIdx: map[catalog.FrameworkID]int32{}}
	cw.indexNodes()
	b := newBuilder(cw, sets)
	for si := range sets {
		b.addSet(int32(si), &sets[si])
	}
	if err := b.err(); err != nil {
		return nil, err
	}
	cw.strs = b.in.strs
	b.indexStatements()
	cw.indexChildren()
	cw.indexArcs()
	cw.indexTwins()
	cw.item = make([]bool, len(cw.nodes))
	for f := range cw.fws {
		for _, i := range cw.itemsOf(int32(f)) {
			cw.item[i] = true
		}
	}
	cw.makeGraph()
	return cw, nil
}

// makeGraph makes the graph over the store, which is complete.
func (cw *Crosswalk) makeGraph() {
	cw.g = graph.NewWithStore(func(i int32) int32 { return i }, graph.Store[int32, int32](&cw.adj), graph.Directed())
}

// builder adds the mapping sets to a crosswalk under construction: their edges,
// resolved to nodes, without repeats, and their statements, collecting the problems.
type builder struct {
	cw    *Crosswalk
	probs []error
	more  int // problems past maxProblems
	// Consecutive edges mostly name the same two frameworks (those of their set):
	// one cache per end.
	fromFW, toFW fwCache
	in           *interner
	seen         map[edgeKey]struct{} // the edges of the current set; one map for all sets
	// The statements resolved, in set order, and the node each is about.
	stmts     []stmtRec
	stmtNodes []int32
}

// edgeKey identifies an edge within a set, for finding repeats.
type edgeKey struct {
	from, to      int32
	source, label int32 // into strs
	rel           mappings.Relationship
}

func newBuilder(cw *Crosswalk, sets []mappings.Set) *builder {
	total, most, stmts := 0, 0, 0
	for _, s := range sets {
		total += len(s.Edges)
		most = max(most, len(s.Edges))
		stmts += len(s.Statements)
	}
	cw.edges = make([]edgeRec, 0, total)
	return &builder{cw: cw, in: newInterner(), seen: make(map[edgeKey]struct{}, most),
		stmts: make([]stmtRec, 0, stmts), stmtNodes: make([]int32, 0, stmts)}
}

func (b *builder) bad(e *catalog.DataError) {
	if len(b.probs) < maxProblems {
		b.probs = append(b.probs, e)
	} else {
		b.more++
	}
}

// err returns the problems found, joined, or nil.
func (b *builder) err() error {
	if len(b.probs) == 0 {
		return nil
	}
	if b.more > 0 {
		b.probs = append(b.probs, catalog.MoreProblems(b.more))
	}
	return errors.Join(b.probs...)
}

// resolve returns the node of r, through the cache of one end.
func (b *builder) resolve(fc *fwCache, r catalog.Ref) (int32, bool) {
	if i, ok := fc.lookup(b.cw, r); ok {
		return i, true
	}
	c, ok := b.cw.cat.Canonical(r)
	if !ok {
		return 0, false
	}
	return b.cw.lookup(c)
}

// addSet adds set s, the si-th.
func (b *builder) addSet(si int32, s *mappings.Set) {
	info := SetInfo{ID: s.ID, From: s.From, To: s.To, Kind: s.Kind, Source: s.Source, Statements: len(s.Statements)}
	for _, f := range []struct {
		name string
		id   catalog.FrameworkID
	}{{"from", s.From}, {"to", s.To}} {
		if f.id != "" && !b.cw.cat.Has(f.id) {
			b.bad(setProblem(s, f.name, string(f.id), ErrUnknownSetFramework))
		}
	}
	clear(b.seen)
	for ei := range s.Edges {
		b.addEdge(si, s, ei, &info)
	}
	for sti, st := range s.Statements {
		n, ok := b.resolve(&b.fromFW, st.Ref)
		if !ok {
			b.bad(statementProblem(s, sti, "ref", st.Ref.String(), ErrDanglingRef))
			continue
		}
		st.Ref = b.cw.nodes[n].ref
		b.stmtNodes = append(b.stmtNodes, n)
		b.stmts = append(b.stmts, stmtRec{set: si, st: st, text: statementText(st)})
	}
	b.cw.sets = append(b.cw.sets, setRec{info: info, identity: s.IsIdentity()})
}

// indexStatements lays out the statements the sets make by the node they are about
// (a stable counting sort: set order within a node).
func (b *builder) indexStatements() {
	cw := b.cw
	if len(b.stmts) == 0 {
		return
	}
	cw.stmtOff = make([]int32, len(cw.nodes)+1)
	for _, n := range b.stmtNodes {
		cw.stmtOff[n+1]++
	}
	for i := range cw.nodes {
		cw.stmtOff[i+1] += cw.stmtOff[i]
	}
	cw.stmts = make([]stmtRec, len(b.stmts))
	fill := slices.Clone(cw.stmtOff[:len(cw.nodes)])
	for k, n := range b.stmtNodes {
		cw.stmts[fill[n]] = b.stmts[k]
		fill[n]++
	}
	b.stmts, b.stmtNodes = nil, nil
}

// stmtsOf returns the statements about node i, in set order (shared: not to be
// changed).
func (cw *Crosswalk) stmtsOf(i int32) []stmtRec {
	if cw.stmtOff == nil {
		return nil
	}
	return cw.stmts[cw.stmtOff[i]:cw.stmtOff[i+1]]
}

// addEdge adds edge ei of set s (the si-th) unless it repeats one of the set, and
// counts it in info.
func (b *builder) addEdge(si int32, s *mappings.Set, ei int, info *SetInfo) {
	e := &s.Edges[ei]
	from, okf := b.resolve(&b.fromFW, e.From)
	to, okt := b.resolve(&b.toFW, e.To)
	if !okf {
		b.bad(edgeProblem(s, ei, "from", e.From.String(), ErrDanglingRef))
	}
	if !okt {
		b.bad(edgeProblem(s, ei, "to", e.To.String(), ErrDanglingRef))
	}
	if !e.Relationship.Valid() {
		b.bad(edgeProblem(s, ei, "relationship", e.Relationship.String(), ErrInvalidRelationship))
		return
	}
	if !okf || !okt {
		return
	}
	src := e.Source
	if src == "" {
		src = s.Source.ID
	}
	srcI, labelI := b.in.source.id(src), b.in.label.id(e.Label)
	k := edgeKey{from: from, to: to, source: srcI, label: labelI, rel: e.Relationship}
	if _, dup := b.seen[k]; dup {
		info.Duplicates++
		return
	}
	b.seen[k] = struct{}{}
	b.cw.edges = append(b.cw.edges, edgeRec{from: from, to: to, rel: e.Relationship, set: si, source: srcI, note: b.in.note.id(e.Note), label: labelI})
	info.Edges++
}

// indexTwins joins the nodes that identity successions link, transitively (v8 → v8.1
// → v8.2 makes all three twins of each other), and lays them out by node.
func (cw *Crosswalk) indexTwins() {
	cw.twinFws = make([][]int32, len(cw.fws))
	var tw twinSets
	for _, e := range cw.edges {
		if !cw.sets[e.set].identity {
			continue
		}
		if tw == nil {
			tw = twinSets{}
		}
		tw.add(e.from, twin{node: e.to, set: e.set})
		tw.add(e.to, twin{node: e.from, set: e.set})
	}
	if tw == nil {
		return
	}
	tw.close()
	cw.layOutTwins(tw)
}

// twinSets are the twins of each node that has any, while [New] finds them.
type twinSets map[int32][]twin

// add records t as a twin of node n, once; it reports whether it was new.
func (tw twinSets) add(n int32, t twin) bool {
	if t.node == n || slices.ContainsFunc(tw[n], func(x twin) bool { return x.node == t.node }) {
		return false
	}
	tw[n] = append(tw[n], t)
	return true
}

// close makes twinship transitive: v8 → v8.1 → v8.2 makes all three twins of each
// other. The nodes are visited in order, so the result does not depend on map order.
func (tw twinSets) close() {
	nodes := slices.Sorted(maps.Keys(tw))
	for changed := true; changed; {
		changed = false
		for _, n := range nodes {
			for k := 0; k < len(tw[n]); k++ {
				t := tw[n][k]
				for _, u := range tw[t.node] {
					changed = tw.add(n, twin{node: u.node, set: t.set}) || changed
				}
			}
		}
	}
}

// layOutTwins stores every node's twins, sorted by node, in twins (twinsOf), and
// records, per framework, the frameworks its controls have twins in.
func (cw *Crosswalk) layOutTwins(tw twinSets) {
	n, total := len(cw.nodes), 0
	for _, ts := range tw {
		total += len(ts)
	}
	cw.twinOff = make([]int32, n+1)
	cw.twins = make([]twin, 0, total)
	for i := range n {
		ts := tw[int32(i)]
		slices.SortFunc(ts, func(x, y twin) int { return cmp.Compare(x.node, y.node) })
		cw.twins = append(cw.twins, ts...)
		cw.twinOff[i+1] = int32(len(cw.twins))
		f := cw.nodes[i].fw
		for _, t := range ts {
			if g := cw.nodes[t.node].fw; !slices.Contains(cw.twinFws[f], g) {
				cw.twinFws[f] = append(cw.twinFws[f], g)
			}
		}
	}
	for f := range cw.twinFws {
		slices.Sort(cw.twinFws[f])
	}
}

// twinsOf returns the twins of node i, by node (shared: not to be changed).
func (cw *Crosswalk) twinsOf(i int32) []twin {
	if cw.twinOff == nil {
		return nil
	}
	return cw.twins[cw.twinOff[i]:cw.twinOff[i+1]]
}

func (cw *Crosswalk) hasTwins(i int32) bool { return len(cw.twinsOf(i)) > 0 }

// twinIn returns the twin of node i in framework f, or -1.
func (cw *Crosswalk) twinIn(i, f int32) int32 {
	for _, t := range cw.twinsOf(i) {
		if cw.nodes[t.node].fw == f {
			return t.node
		}
	}
	return -1
}

func (cw *Crosswalk) indexNodes() {
	n, nfw := 0, 0
	for in := range cw.cat.Frameworks() {
		n += in.Controls
		nfw++
	}
	cw.nodes = make([]node, 0, n)
	cw.byID = make([]idIndex, nfw)
	for in := range cw.cat.Frameworks() {
		fi := int32(len(cw.fws))
		start := int32(len(cw.nodes))
		cw.fwIdx[in.ID] = fi
		ids := make(map[string]int32, in.Controls)
		cw.byID[fi].ids = ids
		cw.byID[fi].made.Store(true)
		var orphans []int32 // nodes whose parent is not indexed yet, or is elsewhere
		var parents []catalog.Ref
		for c := range cw.cat.Controls(in.ID) {
			i := int32(len(cw.nodes))
			ids[c.Ref.ID] = i
			p := int32(-1)
			if !c.Parent.IsZero() {
				if pi, ok := ids[c.Parent.ID]; ok && c.Parent.Framework == in.ID {
					p = pi // the common case: a parent of the same framework, before its child
				} else {
					orphans, parents = append(orphans, i), append(parents, c.Parent)
				}
			}
			nd := node{ref: c.Ref, fw: fi, parent: p, kind: c.Kind, title: c.Title, withdrawn: c.Withdrawn()}
			for _, g := range c.Attr(catalog.AttrImplementation) {
				nd.igs |= igBit(g)
			}
			for _, b := range c.Attr(catalog.AttrBaseline) {
				nd.profiles |= profileBit(b)
			}
			cw.nodes = append(cw.nodes, nd)
		}
		// Parents may follow their children in a caller's framework: fix up.
		for k, i := range orphans {
			cw.nodes[i].parent, _ = cw.lookup(parents[k])
		}
		for i := start; i < int32(len(cw.nodes)); i++ {
			if p := cw.nodes[i].parent; p >= 0 {
				cw.nodes[p].children++
			}
		}
		fam := int32(len(cw.fws))
		for _, f := range cw.fws {
			if f.id.Family() == in.ID.Family() {
				fam = f.family
				break
			}
		}
		cw.fws = append(cw.fws, fwSpan{id: in.ID, start: start, end: int32(len(cw.nodes)), annex: in.AnnexOf, itemKinds: in.ItemKinds, family: fam})
	}
}

// indexArcs builds the adjacency of every node once: each edge seen from both ends,
// sorted by the other end's document order, then strongest relationship (as read
// from this end) first, published direction before inverse, then set and position.
func (cw *Crosswalk) indexArcs() {
	n := len(cw.nodes)
	deg := make([]int32, n+1)
	for _, e := range cw.edges {
		deg[e.from]++
		deg[e.to]++
	}
	adj := &cw.adj
	adj.arcOff = make([]int32, n+1)
	var sum int32
	for i := 0; i < n; i++ {
		adj.arcOff[i] = sum
		sum += deg[i]
	}
	adj.arcOff[n] = sum
	adj.arcs = make([]arc, sum)
	fill := deg[:n]
	copy(fill, adj.arcOff[:n])
	for ei, e := range cw.edges {
		adj.arcs[fill[e.from]] = arc{to: e.to, e: int32(ei)}
		fill[e.from]++
		adj.arcs[fill[e.to]] = arc{to: e.from, e: ^int32(ei)}
		fill[e.to]++
	}
	for i := 0; i < n; i++ {
		if a := adj.arcsOf(int32(i)); len(a) > 1 {
			slices.SortFunc(a, cw.compareArcs)
		}
	}
}

func (cw *Crosswalk) compareArcs(x, y arc) int {
	if c := cmp.Compare(x.to, y.to); c != 0 {
		return c
	}
	if c := cmp.Compare(cw.arcRel(y).Rank(), cw.arcRel(x).Rank()); c != 0 {
		return c
	}
	if x.inv() != y.inv() {
		if !x.inv() {
			return -1
		}
		return 1
	}
	return cmp.Compare(x.edge(), y.edge()) // set order, then position in the set
}

// arcRel is the relationship of an arc read from its near end: "near R far".
func (cw *Crosswalk) arcRel(a arc) mappings.Relationship {
	r := cw.edges[a.edge()].rel
	if a.inv() {
		return r.Inverse()
	}
	return r
}

func (cw *Crosswalk) arcsOf(i int32) []arc { return cw.adj.arcsOf(i) }

// indexChildren adds the hierarchy to the graph's store: the children of every
// node, in document order.
func (cw *Crosswalk) indexChildren() {
	adj := &cw.adj
	adj.childOff = make([]int32, len(cw.nodes)+1)
	for _, nd := range cw.nodes {
		if nd.parent >= 0 {
			adj.childOff[nd.parent+1]++
		}
	}
	for i := range cw.nodes {
		adj.childOff[i+1] += adj.childOff[i]
	}
	adj.children = make([]int32, adj.childOff[len(cw.nodes)])
	fill := slices.Clone(adj.childOff[:len(cw.nodes)])
	for i, nd := range cw.nodes {
		if nd.parent >= 0 {
			adj.children[fill[nd.parent]] = int32(i)
			fill[nd.parent]++
		}
	}
}

// Catalog returns the catalog the crosswalk was built over.
func (cw *Crosswalk) Catalog() *catalog.Catalog { return cw.cat }

// Sets yields information about every mapping set, in the order given to [New].
func (cw *Crosswalk) Sets() iter.Seq[SetInfo] {
	return func(yield func(SetInfo) bool) {
		for _, s := range cw.sets {
			if !yield(s.info) {
				return
			}
		}
	}
}

// Statements yields what the mapping sets state about r instead of edges (for
// example NIST's "no reference" for a CSF element), in set order.
func (cw *Crosswalk) Statements(r catalog.Ref) iter.Seq[mappings.Statement] {
	return func(yield func(mappings.Statement) bool) {
		i, ok := cw.node(r)
		if !ok {
			return
		}
		for _, s := range cw.stmtsOf(i) {
			if !yield(s.st) {
				return
			}
		}
	}
}

// Lookup resolves what a person typed to one control of the crosswalk's catalog; see
// [catalog.Catalog.ParseRef] for the spellings accepted.
func (cw *Crosswalk) Lookup(s string, in ...catalog.FrameworkID) (catalog.Control, error) {
	r, err := cw.cat.ParseRef(s, in...)
	if err != nil {
		return catalog.Control{}, err
	}
	c, _ := cw.cat.Control(r)
	return c, nil
}

// Lookup resolves s against the default crosswalk; see [Crosswalk.Lookup].
func Lookup(s string, in ...catalog.FrameworkID) (catalog.Control, error) {
	return Default().Lookup(s, in...)
}

func (cw *Crosswalk) node(r catalog.Ref) (int32, bool) {
	if i, ok := cw.lookup(r); ok {
		return i, true
	}
	c, ok := cw.cat.Canonical(r)
	if !ok {
		return 0, false
	}
	return cw.lookup(c)
}

// lookup returns the node of canonical Ref r.
func (cw *Crosswalk) lookup(r catalog.Ref) (int32, bool) {
	f, ok := cw.fwIdx[r.Framework]
	if !ok {
		return 0, false
	}
	i, ok := cw.idsOf(f)[r.ID]
	return i, ok
}

// fwCache is [Crosswalk.lookup] remembering the last framework it looked up, for
// runs of Refs of one framework.
type fwCache struct {
	fw  catalog.FrameworkID
	ids map[string]int32 // nil until the first lookup
}

func (c *fwCache) lookup(cw *Crosswalk, r catalog.Ref) (int32, bool) {
	if (c.ids == nil || r.Framework != c.fw) && !c.switchTo(cw, r.Framework) {
		return 0, false
	}
	i, ok := c.ids[r.ID]
	return i, ok
}

// switchTo makes the cache look up the IDs of framework fw; it reports whether the
// crosswalk has fw.
func (c *fwCache) switchTo(cw *Crosswalk, fw catalog.FrameworkID) bool {
	f, ok := cw.fwIdx[fw]
	if ok {
		c.fw, c.ids = fw, cw.idsOf(f)
	}
	return ok
}

// interner numbers the edges' strings for [New]: strs[id(s)] == s, id("") == 0. Each
// field keeps the last string it saw, as edges mostly repeat their neighbour's.
type interner struct {
	strs                []string
	ids                 map[string]int32
	source, note, label internField
}

type internField struct {
	in     *interner
	last   string
	lastID int32
}

func newInterner() *interner {
	in := &interner{strs: []string{""}, ids: map[string]int32{"": 0}}
	in.source.in, in.note.in, in.label.in = in, in, in
	return in
}

func (f *internField) id(s string) int32 {
	if s == "" {
		return 0
	}
	if f.lastID != 0 && s == f.last {
		return f.lastID
	}
	i, ok := f.in.ids[s]
	if !ok {
		i = int32(len(f.in.strs))
		f.in.strs = append(f.in.strs, s)
		f.in.ids[s] = i
	}
	f.last, f.lastID = s, i
	return i
}

func (cw *Crosswalk) isLeaf(i int32) bool { return cw.nodes[i].children == 0 }

var defaultCrosswalk = sync.OnceValue(func() *Crosswalk {
	cat := catalog.Default()
	if d := embeddedGraph; d != nil && d.fits(cat) {
		return fromGraphData(cat, d)
	}
	cw, err := New(cat, embeddedSets()...)
	if err != nil {
		panic(fmt.Sprintf("%v: %v", errCorruptEmbeddedGraph, err))
	}
	return cw
})

// Default returns the crosswalk of the embedded catalog ([catalog.Default]) and the
// embedded mapping sets, made on first use and shared afterwards. It is what [New]
// builds from them, but computed when the module was generated: its indexes are
// static data, and its first use builds only the look-up maps. (The embedded data
// is checked by the tests; a corrupt build panics here.)
func Default() *Crosswalk { return defaultCrosswalk() }
