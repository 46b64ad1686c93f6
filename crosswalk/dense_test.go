package crosswalk

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// denseCrosswalk builds four frameworks of n controls each, A to D, every control of
// one joined to every control of the next: n³ paths of three hops from one control
// of A to the controls of D (issue 15, point 4: a dense 200 × 200 user mapping took
// 25.7 s and 5.9 GB for a 687-byte answer, keeping every simple path).
func denseCrosswalk(t testing.TB, n int) *Crosswalk {
	t.Helper()
	ids := []catalog.FrameworkID{"a:1", "b:1", "c:1", "d:1"}
	var fws []catalog.Framework
	for _, id := range ids {
		f := catalog.Framework{ID: id, Name: "dense " + string(id), Version: "1", QualifiedOnly: true}
		for i := range n {
			f.Controls = append(f.Controls, catalog.ControlSpec{ID: fmt.Sprintf("X%d", i), Title: "control"})
		}
		fws = append(fws, f)
	}
	cat, err := catalog.New(fws...)
	require.NoError(t, err)
	var sets []mappings.Set
	for k := 0; k+1 < len(ids); k++ {
		s := mappings.Set{ID: fmt.Sprintf("s%d", k), From: ids[k], To: ids[k+1], Kind: mappings.Crosswalk, Source: mappings.Source{ID: fmt.Sprintf("src%d", k)}}
		for i := range n {
			for j := range n {
				s.Edges = append(s.Edges, mappings.Edge{From: catalog.NewRef(ids[k], fmt.Sprintf("X%d", i)), To: catalog.NewRef(ids[k+1], fmt.Sprintf("X%d", j)), Relationship: mappings.Related})
			}
		}
		sets = append(sets, s)
	}
	cw, err := New(cat, sets...)
	require.NoError(t, err)
	return cw
}

// The derived search on a dense mapping is bounded: it stops at DerivedSearchBudget,
// says so on every derived mapping, and keeps per target one path, a route count
// and a few alternatives.
func TestDerivedSearchBoundedOnDenseMapping(t *testing.T) {
	cw := denseCrosswalk(t, 200)
	ms, err := cw.Map(catalog.NewRef("a:1", "X0"), "d:1", WithDerived(4))
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for _, m := range ms {
		assert.True(t, m.Derived())
		assert.True(t, m.Cut, "the search stopped at its bound and says so")
		assert.Len(t, m.Path, 3)
		assert.LessOrEqual(t, len(m.Alternatives), MaxAlternatives)
		assert.Equal(t, 1, m.Routes, "every path passes through b and c: one route")
	}
	// A small dense mapping is searched whole: 5 × 5 = 25 paths to each target.
	small := denseCrosswalk(t, 5)
	ms, err = small.Map(catalog.NewRef("a:1", "X0"), "d:1", WithDerived(4))
	require.NoError(t, err)
	require.Len(t, ms, 5)
	for _, m := range ms {
		assert.False(t, m.Cut)
		assert.Equal(t, 25, m.Paths)
	}
}

// BenchmarkDerivedDense measures a derived search on dense mappings of growing size:
// time and memory stay bounded once the search reaches DerivedSearchBudget.
func BenchmarkDerivedDense(b *testing.B) {
	for _, n := range []int{50, 100, 200} {
		cw := denseCrosswalk(b, n)
		src := catalog.NewRef("a:1", "X0")
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Map(src, "d:1", WithDerived(4)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
