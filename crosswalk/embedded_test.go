package crosswalk

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// tablesAndNew returns the embedded crosswalk made from its static data, as Default
// makes it, and the one New builds from the embedded catalog and sets.
func tablesAndNew(t *testing.T) (fromTables, fromNew *Crosswalk) {
	t.Helper()
	if embeddedGraph == nil {
		t.Skip("built with -tags nographtables: Default uses New, there is no static data to compare")
	}
	cat := catalog.Default()
	require.True(t, embeddedGraph.fits(cat), "the static data is not that of the embedded catalog: go generate ./crosswalk")
	fromNew, err := New(cat, mappings.Embedded()...)
	require.NoError(t, err)
	return fromGraphData(cat, embeddedGraph), fromNew
}

// TestDefaultUsesTheTables: Default is the crosswalk of the static data, not one that
// New built because the data did not fit the catalog.
func TestDefaultUsesTheTables(t *testing.T) {
	tablesAndNew(t)
	cw := Default()
	require.NotEmpty(t, cw.nodes)
	assert.Same(t, &embeddedGraph.nodes[0], &cw.nodes[0], "Default's nodes are the static data's")
	assert.Same(t, &embeddedGraph.adj.arcs[0], &cw.adj.arcs[0], "Default's graph store is the static data's")
}

// TestDefaultFromTablesEqualsNew: the crosswalk Default makes from the static data is
// the one New builds from the embedded catalog and sets: the same indexes, the same
// look-ups, and the same answer to every query on every target, so the fast path
// cannot drift from New.
func TestDefaultFromTablesEqualsNew(t *testing.T) {
	tab, cw := tablesAndNew(t)
	require.Equal(t, cw.graphData, tab.graphData)
	assert.Equal(t, cw.fwIdx, tab.fwIdx)
	require.Len(t, tab.byID, len(cw.byID))
	for f := range cw.byID {
		assert.Equal(t, cw.idsOf(int32(f)), tab.idsOf(int32(f)), "IDs of %s", cw.fws[f].id)
	}
	order, err := tab.g.Order()
	require.NoError(t, err)
	assert.Equal(t, len(cw.nodes), order)
	gotEdges, err := tab.g.Edges()
	require.NoError(t, err)
	wantEdges, err := cw.g.Edges()
	require.NoError(t, err)
	assert.Equal(t, wantEdges, gotEdges)

	assert.Equal(t, slices.Collect(cw.Sets()), slices.Collect(tab.Sets()))
	sets := mappings.Embedded()
	for i := range cw.nodes {
		r := cw.nodes[i].ref
		sameAnswer(t, "Statements "+r.String(), slices.Collect(cw.Statements(r)), slices.Collect(tab.Statements(r)))
		sameAnswer(t, "EdgesOf "+r.String(), cw.EdgesOf(r, sets), tab.EdgesOf(r, sets))
		want, werr := cw.MapAll(r)
		got, gerr := tab.MapAll(r)
		sameAnswer(t, "MapAll "+r.String(), answer{want, werr}, answer{got, gerr})
	}
	for _, a := range cw.fws {
		for _, b := range cw.fws {
			sameAnswer(t, fmt.Sprintf("Edges %s %s", a.id, b.id), cw.Edges(a.id, b.id, sets), tab.Edges(a.id, b.id, sets))
		}
	}
}

// TestDefaultFromTablesEqualsNewDerived: derived paths, which walk the whole graph,
// are the same both ways, from a control of every framework to every framework.
func TestDefaultFromTablesEqualsNewDerived(t *testing.T) {
	tab, cw := tablesAndNew(t)
	for _, f := range cw.fws {
		for _, i := range []int32{f.start, (f.start + f.end) / 2, f.end - 1} {
			r := cw.nodes[i].ref
			want, werr := cw.MapAll(r, WithDerived(3))
			got, gerr := tab.MapAll(r, WithDerived(3))
			sameAnswer(t, "MapAll derived "+r.String(), answer{want, werr}, answer{got, gerr})
		}
	}
	ids := make([]catalog.FrameworkID, len(cw.fws))
	for f := range cw.fws {
		ids[f] = cw.fws[f].id
	}
	want, werr := cw.Overlap(ids)
	got, gerr := tab.Overlap(ids)
	sameAnswer(t, "Overlap", answer{want, werr}, answer{got, gerr})
}

// TestDefaultFromTablesEqualsNewAssessments: gaps (published and derived),
// recommendations, requirements, statements of applicability, postures and
// migrations of the example assessments are the same both ways, on every target.
func TestDefaultFromTablesEqualsNewAssessments(t *testing.T) {
	tab, cw := tablesAndNew(t)
	for _, ex := range []struct {
		name     string
		baseline catalog.FrameworkID
	}{{"small-company.csv", catalog.ISO27002v2022}, {"cloud-startup.csv", catalog.ISO27002v2022}, {"legacy-2013.csv", catalog.ISO27002v2013}} {
		name, a := ex.name, readExample(t, ex.name, WithBaseline(ex.baseline))
		for _, f := range cw.fws {
			for _, opts := range [][]GapOption{nil, {WithDerived(2)}, {WithRecommendations(5)}} {
				want, werr := cw.Gap(a, f.id, opts...)
				got, gerr := tab.Gap(a, f.id, opts...)
				what := fmt.Sprintf("Gap %s → %s %d", name, f.id, len(opts))
				sameAnswer(t, what, answer{gapJSON(t, want), werr}, answer{gapJSON(t, got), gerr})
			}
			wantRecs, werr := cw.Recommend(a, f.id, 10)
			gotRecs, gerr := tab.Recommend(a, f.id, 10)
			sameAnswer(t, "Recommend "+name+" "+string(f.id), answer{wantRecs, werr}, answer{gotRecs, gerr})
			wantMig, werr := cw.Migrate(a, f.id)
			gotMig, gerr := tab.Migrate(a, f.id)
			sameAnswer(t, "Migrate "+name+" "+string(f.id), answer{wantMig, werr}, answer{gotMig, gerr})
		}
		wantSoA, werr := cw.SoA(a)
		gotSoA, gerr := tab.SoA(a)
		sameAnswer(t, "SoA "+name, answer{wantSoA, werr}, answer{gotSoA, gerr})
		wantPos, werr := cw.Posture(a)
		gotPos, gerr := tab.Posture(a)
		sameAnswer(t, "Posture "+name, answer{wantPos, werr}, answer{gotPos, gerr})
	}
	for _, f := range cw.fws {
		want, werr := cw.Requirements(f.id)
		got, gerr := tab.Requirements(f.id)
		sameAnswer(t, "Requirements "+string(f.id), answer{want, werr}, answer{got, gerr})
	}
}

// answer is a query's result and error, compared together.
type answer struct {
	v   any
	err error
}

// sameAnswer fails when want and got differ, with a diff only then (a diff of every
// equal answer would cost more than the queries).
func sameAnswer(t *testing.T, what string, want, got any) {
	t.Helper()
	if wa, ok := want.(answer); ok {
		ga := got.(answer)
		assert.Equal(t, fmt.Sprint(wa.err), fmt.Sprint(ga.err), what)
		want, got = wa.v, ga.v
	}
	if !reflect.DeepEqual(want, got) {
		assert.Equal(t, want, got, what)
	}
}

// gapJSON is the result as its JSON, which holds what the result's methods read.
func gapJSON(t *testing.T, r *GapResult) string {
	t.Helper()
	if r == nil {
		return ""
	}
	b, err := r.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// TestTablesConcurrentFirstLookups: the maps of control IDs of a crosswalk made from
// the static data are made on first look-up; goroutines that look up controls of
// every framework at once (under -race, the test of it) get New's answers.
func TestTablesConcurrentFirstLookups(t *testing.T) {
	tab, cw := tablesAndNew(t)
	want := make([][]Link, len(cw.fws))
	for f, sp := range cw.fws {
		links, err := cw.Map(cw.nodes[(sp.start+sp.end)/2].ref, cw.fws[(f+1)%len(cw.fws)].id)
		require.NoError(t, err)
		want[f] = links
	}
	got := make([][][]Link, 4)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = make([][]Link, len(cw.fws))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range tab.fws {
				f := (k + g) % len(tab.fws) // each goroutine starts with another framework
				sp := tab.fws[f]
				got[g][f], _ = tab.Map(tab.nodes[(sp.start+sp.end)/2].ref, tab.fws[(f+1)%len(tab.fws)].id)
			}
		}()
	}
	wg.Wait()
	for g := range got {
		assert.Equal(t, want, got[g], "goroutine %d", g)
	}
}
