package crosswalk

import (
	"cmp"
	"slices"

	"github.com/dominikbraun/graph"
)

// nodeStore is the graph library's Store for the crosswalk: vertices are the dense
// node indexes 0..n-1 (so they need no map), and edges live in one map keyed by the
// (source, target) pair, sized up front. The library's default store keeps two maps
// of maps and rebuilds them as they grow, which costs more than the rest of [New]
// together; this one does the same job in a fraction of the memory.
//
// It is written once, while [New] builds the graph, and only read afterwards.
type nodeStore struct {
	added []bool
	props []graph.VertexProperties
	edges map[uint64]graph.EdgeProperties
}

func newNodeStore(vertices, edges int) *nodeStore {
	return &nodeStore{
		added: make([]bool, vertices),
		props: make([]graph.VertexProperties, vertices),
		edges: make(map[uint64]graph.EdgeProperties, edges),
	}
}

func pairKey(s, t int32) uint64 { return uint64(uint32(s))<<32 | uint64(uint32(t)) }

func (s *nodeStore) has(h int32) bool { return h >= 0 && int(h) < len(s.added) && s.added[h] }

func (s *nodeStore) AddVertex(h int32, _ int32, p graph.VertexProperties) error {
	if h < 0 || int(h) >= len(s.added) {
		return graph.ErrVertexNotFound
	}
	if s.added[h] {
		return graph.ErrVertexAlreadyExists
	}
	s.added[h], s.props[h] = true, p
	return nil
}

func (s *nodeStore) Vertex(h int32) (int32, graph.VertexProperties, error) {
	if !s.has(h) {
		return 0, graph.VertexProperties{}, graph.ErrVertexNotFound
	}
	return h, s.props[h], nil
}

func (s *nodeStore) RemoveVertex(int32) error {
	return graph.ErrVertexHasEdges // the crosswalk's graph is never changed after New
}

func (s *nodeStore) ListVertices() ([]int32, error) {
	out := make([]int32, 0, len(s.added))
	for i, ok := range s.added {
		if ok {
			out = append(out, int32(i))
		}
	}
	return out, nil
}

func (s *nodeStore) VertexCount() (int, error) {
	n := 0
	for _, ok := range s.added {
		if ok {
			n++
		}
	}
	return n, nil
}

func (s *nodeStore) AddEdge(src, tgt int32, e graph.Edge[int32]) error {
	if !s.has(src) || !s.has(tgt) {
		return graph.ErrVertexNotFound
	}
	k := pairKey(src, tgt)
	if _, ok := s.edges[k]; ok {
		return graph.ErrEdgeAlreadyExists
	}
	s.edges[k] = e.Properties
	return nil
}

func (s *nodeStore) UpdateEdge(src, tgt int32, e graph.Edge[int32]) error {
	k := pairKey(src, tgt)
	if _, ok := s.edges[k]; !ok {
		return graph.ErrEdgeNotFound
	}
	s.edges[k] = e.Properties
	return nil
}

func (s *nodeStore) RemoveEdge(int32, int32) error {
	return graph.ErrEdgeNotFound // never changed after New
}

func (s *nodeStore) Edge(src, tgt int32) (graph.Edge[int32], error) {
	p, ok := s.edges[pairKey(src, tgt)]
	if !ok {
		return graph.Edge[int32]{}, graph.ErrEdgeNotFound
	}
	return graph.Edge[int32]{Source: src, Target: tgt, Properties: p}, nil
}

func (s *nodeStore) ListEdges() ([]graph.Edge[int32], error) {
	out := make([]graph.Edge[int32], 0, len(s.edges))
	for k, p := range s.edges {
		out = append(out, graph.Edge[int32]{Source: int32(k >> 32), Target: int32(uint32(k)), Properties: p})
	}
	slices.SortFunc(out, func(a, b graph.Edge[int32]) int {
		if c := cmp.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return cmp.Compare(a.Target, b.Target)
	})
	return out, nil
}
