package mappings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedTablesEqualJSON: the generated Go tables hold exactly the sets of the
// JSON files the generator writes from the same data (and which internal/gen's tests
// compare with the reference), read strictly and with the lenient decoder the package
// used to embed them with: same sets, in the order of Embedded, every edge and
// statement.
func TestEmbeddedTablesEqualJSON(t *testing.T) {
	names, err := filepath.Glob("data/*.json")
	require.NoError(t, err)
	if HasCIS() {
		cis, err := filepath.Glob("data/cis/*.json")
		require.NoError(t, err)
		names = append(names, cis...)
	}
	files := map[string]Set{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		strict, err := ReadJSON(name, b)
		require.NoError(t, err, name)
		fast, err := readTrusted(name, b)
		require.NoError(t, err, name)
		require.Len(t, strict, 1, name)
		require.Equal(t, strict, fast, name)
		assert.Equal(t, filepath.Base(name), strict[0].ID+".json")
		files[strict[0].ID] = strict[0]
	}
	emb := Embedded()
	var ids []string
	for _, s := range emb {
		ids = append(ids, s.ID)
		if want, ok := files[s.ID]; assert.True(t, ok, "%s has a table but no JSON file", s.ID) {
			assert.Equal(t, want, s, s.ID)
		}
	}
	assert.Len(t, files, len(emb), "JSON files without a table")
	want := []string{SetISO2013ToISO2022, SetCSF20ToISO27001, SetCSF11ToCSF20, SetCSF11ToISO2013, SetNIS2ToISO27001, SetNIS2ToCSF20, SetCSF20ToSP80053, SetSP80053ToISO27001}
	if HasCIS() {
		want = append(want, SetCSF20ToCIS8, SetCSF20ToCIS81, SetCIS8ToISO2022, SetCIS8ToCSF11, SetCIS8ToCIS81)
	}
	assert.Equal(t, want, ids, "the order of Embedded")
}

// TestEmbeddedAllocationBudget: making every embedded set from its table allocates
// per set (the result slice, then each set's edges and statements), not per edge.
func TestEmbeddedAllocationBudget(t *testing.T) {
	n := len(embeddedTables())
	allocs := testing.AllocsPerRun(20, func() { Embedded() })
	assert.LessOrEqual(t, allocs, float64(1+2*n+1), "%d sets", n)
}
