package crosswalk

import (
	"errors"
	"slices"

	"github.com/dominikbraun/graph"
)

// nodeStore is the graph library's Store for the crosswalk. Vertices are the dense
// node indexes 0..n-1, and the edges are kept as sorted adjacency lists in one array
// (edges of vertex i are to[off[i]:off[i+1]], ascending). [newNodeStore] fills it
// completely before the graph is made over it, and it is never changed afterwards:
// its AddVertex, AddEdge, UpdateEdge and Remove methods refuse.
//
// Filling the store directly spares what the library's AddEdge does per edge (a
// lookup of both vertices and of the edge, and a fresh attribute map kept for the
// edge's lifetime): through AddEdge, the graph cost more than half of [New] and a
// third of its memory.
type nodeStore struct {
	off []int32
	to  []int32
}

// errFrozen is what the store answers to any change: the crosswalk's graph is built
// once by [New] and only read afterwards.
var errFrozen = errors.New("crosswalk: the graph is read-only")

// newNodeStore holds n vertices and the edges that out yields (repeats are kept once):
// out(i, buf) appends the targets of vertex i's edges to buf and returns it. edges is
// an upper bound of their number, to size the array once.
func newNodeStore(n, edges int, out func(i int32, buf []int32) []int32) *nodeStore {
	s := &nodeStore{off: make([]int32, n+1), to: make([]int32, 0, edges)}
	for i := range n {
		s.off[i] = int32(len(s.to))
		start := len(s.to)
		s.to = out(int32(i), s.to)
		seg := s.to[start:]
		slices.Sort(seg)
		s.to = s.to[:start+len(slices.Compact(seg))]
	}
	s.off[n] = int32(len(s.to))
	s.to = slices.Clip(s.to)
	return s
}

func (s *nodeStore) has(h int32) bool { return h >= 0 && int(h) < len(s.off)-1 }

func (s *nodeStore) targets(h int32) []int32 { return s.to[s.off[h]:s.off[h+1]] }

func (s *nodeStore) AddVertex(int32, int32, graph.VertexProperties) error { return errFrozen }

func (s *nodeStore) Vertex(h int32) (int32, graph.VertexProperties, error) {
	if !s.has(h) {
		return 0, graph.VertexProperties{}, graph.ErrVertexNotFound
	}
	return h, graph.VertexProperties{}, nil
}

func (s *nodeStore) RemoveVertex(int32) error { return errFrozen }

func (s *nodeStore) ListVertices() ([]int32, error) {
	out := make([]int32, len(s.off)-1)
	for i := range out {
		out[i] = int32(i)
	}
	return out, nil
}

func (s *nodeStore) VertexCount() (int, error) { return len(s.off) - 1, nil }

func (s *nodeStore) AddEdge(int32, int32, graph.Edge[int32]) error { return errFrozen }

func (s *nodeStore) UpdateEdge(int32, int32, graph.Edge[int32]) error { return errFrozen }

func (s *nodeStore) RemoveEdge(int32, int32) error { return errFrozen }

func (s *nodeStore) Edge(src, tgt int32) (graph.Edge[int32], error) {
	if !s.has(src) {
		return graph.Edge[int32]{}, graph.ErrEdgeNotFound
	}
	if _, ok := slices.BinarySearch(s.targets(src), tgt); !ok {
		return graph.Edge[int32]{}, graph.ErrEdgeNotFound
	}
	return graph.Edge[int32]{Source: src, Target: tgt}, nil
}

// ListEdges returns every edge, by source and then target.
func (s *nodeStore) ListEdges() ([]graph.Edge[int32], error) {
	out := make([]graph.Edge[int32], 0, len(s.to))
	for i := range int32(len(s.off) - 1) {
		for _, t := range s.targets(i) {
			out = append(out, graph.Edge[int32]{Source: i, Target: t})
		}
	}
	return out, nil
}
