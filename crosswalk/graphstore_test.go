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
