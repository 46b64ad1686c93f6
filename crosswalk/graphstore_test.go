package crosswalk

import (
	"testing"

	"github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestGraphStructure checks the graph New builds over the default data: one vertex
// per catalog node, an edge parent → child for the hierarchy, both directions of
// every mapping edge, nothing else, and no way to change it.
func TestGraphStructure(t *testing.T) {
	cw := Default()
	n, err := cw.g.Order()
	require.NoError(t, err)
	assert.Equal(t, len(cw.nodes), n)

	want := map[[2]int32]bool{}
	for i, nd := range cw.nodes {
		if nd.parent >= 0 {
			want[[2]int32{nd.parent, int32(i)}] = true
		}
	}
	for _, e := range cw.edges {
		want[[2]int32{e.from, e.to}] = true
		want[[2]int32{e.to, e.from}] = true
	}
	edges, err := cw.g.Edges()
	require.NoError(t, err)
	got := map[[2]int32]bool{}
	for _, e := range edges {
		got[[2]int32{e.Source, e.Target}] = true
	}
	assert.Len(t, edges, len(want), "each linked ordered pair once")
	assert.Equal(t, want, got)

	ref := func(fw catalog.FrameworkID, id string) int32 {
		i, ok := cw.node(catalog.NewRef(fw, id))
		require.True(t, ok, id)
		return i
	}
	// Hierarchy: CSF 2.0 DE.CM is the parent of DE.CM-01, not the other way round.
	_, err = cw.g.Edge(ref(catalog.CSF20, "DE.CM"), ref(catalog.CSF20, "DE.CM-01"))
	assert.NoError(t, err)
	_, err = cw.g.Edge(ref(catalog.CSF20, "DE.CM-01"), ref(catalog.CSF20, "DE.CM"))
	assert.ErrorIs(t, err, graph.ErrEdgeNotFound)
	// NIST publishes DE.CM-01 → ISO/IEC 27002:2022 8.16; the graph has both directions.
	de, iso := ref(catalog.CSF20, "DE.CM-01"), ref(catalog.ISO27002v2022, "8.16")
	_, err = cw.g.Edge(de, iso)
	assert.NoError(t, err)
	_, err = cw.g.Edge(iso, de)
	assert.NoError(t, err)

	other := int32(-1) // a node 8.16 is not linked with
	for i := range int32(len(cw.nodes)) {
		if i != iso && !want[[2]int32{iso, i}] {
			other = i
			break
		}
	}
	require.GreaterOrEqual(t, other, int32(0))
	assert.Error(t, cw.g.AddVertex(int32(len(cw.nodes))))
	assert.Error(t, cw.g.AddEdge(iso, other))
	_, err = cw.g.Edge(iso, other)
	assert.ErrorIs(t, err, graph.ErrEdgeNotFound, "a refused AddEdge changes nothing")
}

// BenchmarkGraphLibraryWalk is why the queries walk the graph's store directly: a
// breadth-first walk of everything reachable from one control through the graph
// library (graph.BFS, which rebuilds the whole adjacency map on each call) against
// the same walk over the store's arrays.
func BenchmarkGraphLibraryWalk(b *testing.B) {
	cw := Default()
	start, ok := cw.node(catalog.NewRef(catalog.CSF20, "DE.CM-01"))
	require.True(b, ok)
	b.Run("graph.BFS", func(b *testing.B) {
		for b.Loop() {
			n := 0
			if err := graph.BFS(cw.g, start, func(int32) bool { n++; return false }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("store", func(b *testing.B) {
		seen := make([]bool, cw.adj.order())
		queue := make([]int32, 0, len(seen))
		for b.Loop() {
			clear(seen)
			queue = append(queue[:0], start)
			seen[start] = true
			for len(queue) > 0 {
				v := queue[0]
				queue = queue[1:]
				cw.adj.targets(v, func(t int32) {
					if !seen[t] {
						seen[t] = true
						queue = append(queue, t)
					}
				})
			}
		}
	})
}

// TestStoreWalkMatchesGraphLibrary: what the queries walk is what the graph library
// sees — a walk over the store reaches the same vertices as graph.BFS.
func TestStoreWalkMatchesGraphLibrary(t *testing.T) {
	cw := Default()
	start, ok := cw.node(catalog.NewRef(catalog.ISO27002v2022, "8.16"))
	require.True(t, ok)
	var viaLib []int32
	require.NoError(t, graph.BFS(cw.g, start, func(v int32) bool { viaLib = append(viaLib, v); return false }))
	seen := map[int32]bool{start: true}
	queue := []int32{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		cw.adj.targets(v, func(t int32) {
			if !seen[t] {
				seen[t] = true
				queue = append(queue, t)
			}
		})
	}
	assert.Len(t, viaLib, len(seen))
	for _, v := range viaLib {
		assert.True(t, seen[v])
	}
	assert.Greater(t, len(seen), 100, "8.16 reaches much of the data")
}
