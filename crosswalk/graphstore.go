package crosswalk

import (
	"cmp"
	"errors"
	"slices"

	"github.com/dominikbraun/graph"
)

// nodeStore is the crosswalk's graph: the [graph.Store] of the
// github.com/dominikbraun/graph graph that [New] builds, and the adjacency every
// query walks. Vertices are the dense node indexes 0..n-1. A vertex's out-edges are
//
//   - the hierarchy: children[childOff[i]:childOff[i+1]], its children in document
//     order (edges parent → child);
//   - the mappings: arcs[arcOff[i]:arcOff[i+1]], both directions of every mapping
//     edge at i, sorted by the far node, strongest relationship first (see
//     [Crosswalk.indexArcs]); each arc carries the index of its mapping edge, the
//     payload the graph library's one-edge-per-pair model has no room for.
//
// The graph library sees one edge per linked ordered pair (a pair that several
// mapping edges, or a mapping edge and the hierarchy, link is one graph edge). [New]
// fills the store completely before the graph is made over it, and it is never
// changed afterwards: its AddVertex, AddEdge, UpdateEdge and Remove methods refuse.
// The embedded crosswalk's store is static data (embed_graph.go: the arrays New
// fills for the embedded catalog and sets), over which [Default] makes its graph.
//
// The queries read the arrays directly rather than through the library's
// algorithms: graph.DFS, BFS and ShortestPath rebuild the whole adjacency map on
// every call: BenchmarkGraphLibraryWalk measures a walk of everything reachable
// from one CSF subcategory at 2.7 ms, 1.9 MB and 5k allocations through graph.BFS,
// 0.17 ms and 4 allocations over the store — a query answered in microseconds
// cannot afford the library's algorithms, so it walks the same edges in place. Nor
// do the reports draw with the library's draw.DOT: it walks Go maps, so the order of
// its output changes from run to run, and a report must come out the same every time
// to diff cleanly; package report writes DOT and Mermaid itself, in document order. Filling the store directly also spares what the
// library's AddEdge does per edge (a lookup of both vertices and of the edge, and a
// fresh attribute map kept for the edge's lifetime): through AddEdge, the graph cost
// more than half of [New] and a third of its memory.
type nodeStore struct {
	childOff []int32
	children []int32
	arcOff   []int32
	arcs     []arc
}

// errFrozen is what the store answers to any change: the crosswalk's graph is built
// once by [New] and only read afterwards.
var errFrozen = errors.New("crosswalk: the graph is read-only")

func (s *nodeStore) order() int { return len(s.childOff) - 1 }

func (s *nodeStore) has(h int32) bool { return h >= 0 && int(h) < s.order() }

// childrenOf returns the children of vertex h, in document order.
func (s *nodeStore) childrenOf(h int32) []int32 { return s.children[s.childOff[h]:s.childOff[h+1]] }

// arcsOf returns the mapping arcs at vertex h, sorted by the far node.
func (s *nodeStore) arcsOf(h int32) []arc { return s.arcs[s.arcOff[h]:s.arcOff[h+1]] }

// targets yields the distinct ends of vertex h's out-edges, ascending: the graph
// library's view of its adjacency.
func (s *nodeStore) targets(h int32, yield func(int32)) {
	ch, arcs := s.childrenOf(h), s.arcsOf(h)
	last := int32(-1)
	for len(ch) > 0 || len(arcs) > 0 {
		var t int32
		if len(arcs) == 0 || len(ch) > 0 && ch[0] <= arcs[0].to {
			t, ch = ch[0], ch[1:]
		} else {
			t, arcs = arcs[0].to, arcs[1:]
		}
		if t != last {
			yield(t)
			last = t
		}
	}
}

func (s *nodeStore) AddVertex(int32, int32, graph.VertexProperties) error { return errFrozen }

func (s *nodeStore) Vertex(h int32) (int32, graph.VertexProperties, error) {
	if !s.has(h) {
		return 0, graph.VertexProperties{}, graph.ErrVertexNotFound
	}
	return h, graph.VertexProperties{}, nil
}

func (s *nodeStore) RemoveVertex(int32) error { return errFrozen }

func (s *nodeStore) ListVertices() ([]int32, error) {
	out := make([]int32, s.order())
	for i := range out {
		out[i] = int32(i)
	}
	return out, nil
}

func (s *nodeStore) VertexCount() (int, error) { return s.order(), nil }

func (s *nodeStore) AddEdge(int32, int32, graph.Edge[int32]) error { return errFrozen }

func (s *nodeStore) UpdateEdge(int32, int32, graph.Edge[int32]) error { return errFrozen }

func (s *nodeStore) RemoveEdge(int32, int32) error { return errFrozen }

func (s *nodeStore) Edge(src, tgt int32) (graph.Edge[int32], error) {
	if !s.has(src) {
		return graph.Edge[int32]{}, graph.ErrEdgeNotFound
	}
	_, child := slices.BinarySearch(s.childrenOf(src), tgt)
	_, mapped := slices.BinarySearchFunc(s.arcsOf(src), tgt, func(a arc, t int32) int { return cmp.Compare(a.to, t) })
	if !child && !mapped {
		return graph.Edge[int32]{}, graph.ErrEdgeNotFound
	}
	return graph.Edge[int32]{Source: src, Target: tgt}, nil
}

// ListEdges returns every edge, by source and then target.
func (s *nodeStore) ListEdges() ([]graph.Edge[int32], error) {
	out := make([]graph.Edge[int32], 0, len(s.children)+len(s.arcs))
	for i := range int32(s.order()) {
		s.targets(i, func(t int32) { out = append(out, graph.Edge[int32]{Source: i, Target: t}) })
	}
	return out, nil
}
