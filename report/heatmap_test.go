package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// The colour bands are 20 points wide: [0,20) is 0, [20,40) 1, …, 80 and more 4;
// -1 when nothing is applicable, whatever the percentage says.
func TestBandThresholds(t *testing.T) {
	some := counts{Total: 10, Covered: 5}
	tests := []struct {
		pct  float64
		want int
	}{
		{0, 0}, {19.9, 0}, {20, 1}, {39.9, 1}, {40, 2}, {59.9, 2}, {60, 3}, {79.9, 3}, {80, 4}, {99.9, 4}, {100, 4},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, band(some, tt.pct), "%v %%", tt.pct)
	}
	none := counts{Total: 3, NotApplicable: 3}
	assert.Equal(t, -1, band(none, 0))
	assert.Equal(t, -1, band(counts{}, 100))
	assert.Equal(t, "bna", cellClass(newCell("x", "x", none, 0)))
	assert.Equal(t, "b0", cellClass(newCell("x", "x", some, 19.9)))
	assert.Equal(t, "b4", cellClass(newCell("x", "x", some, 80)))
}

func TestCountsAdd(t *testing.T) {
	var c counts
	for _, s := range []crosswalk.Coverage{crosswalk.ItemCovered, crosswalk.ItemCovered, crosswalk.ItemPartial, crosswalk.ItemGap,
		crosswalk.ItemUnreached, crosswalk.ItemNotApplicable, "unknown"} {
		c.add(s)
	}
	assert.Equal(t, counts{Total: 7, Covered: 2, Partial: 1, Gap: 1, Unreached: 1, NotApplicable: 1}, c,
		"an unknown status counts in the total only")
	assert.Equal(t, 6, c.Applicable())
	// 2 covered of 6 applicable (the unknown one counts as not covered): 33.3 %.
	assert.Equal(t, 33.3, c.percent())
	assert.Equal(t, 100.0, counts{Total: 2, Covered: 1, NotApplicable: 1}.percent())
	assert.Equal(t, counts{Total: 9, Covered: 1, Partial: 2, Gap: 3, Unreached: 1, NotApplicable: 2},
		rollupCounts(crosswalk.Rollup{Total: 9, Covered: 1, Partial: 2, Gap: 3, Unreached: 1, NotApplicable: 2, CoveragePercent: 14.3}))
}

// The CSF heat map from roll-ups built by hand: a function with two categories is
// one row of two cells, a function without categories its own only cell, a
// category whose function has no roll-up a row of its own, and group roll-ups
// (implementation groups, SP 800-53B baselines) no row at all.
func TestBuildHeatMapFromRollups(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Items: []crosswalk.GapItem{{ID: "GV.OC-01"}}}
	res.Groups = []crosswalk.Rollup{
		{ID: "GV", Title: "Govern", Kind: "function", Total: 5, Covered: 3, Gap: 2, CoveragePercent: 60},
		{ID: "GV.OC", Title: "Organizational Context", Kind: "category", Total: 2, Covered: 2, CoveragePercent: 100},
		{ID: "GV.PO", Title: "Policy", Kind: "category", Total: 3, Covered: 1, Gap: 2, CoveragePercent: 33.3},
		{ID: "PR", Title: "Protect", Kind: "function", Total: 1, NotApplicable: 1},
		{ID: "DE.CM", Title: "Continuous Monitoring", Kind: "category", Total: 4, Partial: 4},
		{ID: "IG1", Title: "Implementation Group 1", Kind: "implementation-group", Total: 1},
		{ID: "LOW", Title: "LOW baseline", Kind: "baseline-profile", Total: 1},
	}
	hm := buildHeatMap(res, catalog.Default())
	assert.Empty(t, hm.Columns, "rows list their own children")
	require.Len(t, hm.Rows, 3)

	gv := hm.Rows[0]
	assert.Equal(t, "GV", gv.ID)
	assert.Equal(t, 60.0, gv.Percent)
	require.Len(t, gv.Cells, 2)
	assert.Equal(t, heatCell{ID: "GV.OC", Title: "Organizational Context", counts: counts{Total: 2, Covered: 2}, Percent: 100, Band: 4}, gv.Cells[0])
	assert.Equal(t, heatCell{ID: "GV.PO", Title: "Policy", counts: counts{Total: 3, Covered: 1, Gap: 2}, Percent: 33.3, Band: 1}, gv.Cells[1])

	pr := hm.Rows[1]
	assert.Equal(t, "PR", pr.ID)
	require.Len(t, pr.Cells, 1)
	assert.Equal(t, heatCell{ID: "PR", Title: "Protect", counts: counts{Total: 1, NotApplicable: 1}, Band: -1}, pr.Cells[0], "the row is its own cell")

	de := hm.Rows[2]
	assert.Equal(t, "DE.CM", de.ID, "no DE roll-up: the category is a row")
	require.Len(t, de.Cells, 1)
	assert.Equal(t, 0, de.Cells[0].Band)

	hv := newHeatView(hm)
	require.Len(t, hv.Rows, 3)
	assert.Equal(t, "60.0%", hv.Rows[0].Pct)
	assert.Equal(t, "n/a (nothing applicable)", hv.Rows[1].Pct, "Protect: its one item is not applicable")
	assert.Equal(t, []string{"2/2", "1/3"}, []string{hv.Rows[0].Cells[0].Frac, hv.Rows[0].Cells[1].Frac})
	assert.Equal(t, "n/a", hv.Rows[1].Cells[0].Frac)
	assert.Equal(t, []string{"b4", "b1"}, []string{hv.Rows[0].Cells[0].Class, hv.Rows[0].Cells[1].Class})
	assert.Equal(t, "bna", hv.Rows[1].Cells[0].Class)
}

// An item the catalog does not know makes the CIS matrix fall back to the roll-ups.
func TestIGMatrixNeedsKnownItems(t *testing.T) {
	res := &crosswalk.GapResult{Target: catalog.CIS8, Items: []crosswalk.GapItem{{ID: "99.99"}}}
	_, ok := igMatrix(res, catalog.Default())
	assert.False(t, ok)
	_, ok = igMatrix(&crosswalk.GapResult{Target: catalog.CIS8}, catalog.Default())
	assert.False(t, ok, "no items: no matrix")
	_, ok = igMatrix(&crosswalk.GapResult{Target: catalog.CSF20, Items: []crosswalk.GapItem{{ID: "GV.OC-01"}}}, catalog.Default())
	assert.False(t, ok, "CSF items carry no implementation groups")
}

// The CIS matrix counted by hand: safeguard 1.1 is in IG1, IG2 and IG3, 1.3 in IG2
// and IG3, 2.1 in all three. A result limited to IG1 and IG2 shows those columns
// only, though its items belong to IG3 too.
func TestIGMatrixByHand(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("CIS content is not built in (-tags nocis)")
	}
	res := &crosswalk.GapResult{Target: catalog.CIS8, Items: []crosswalk.GapItem{
		{ID: "1.1", Status: crosswalk.ItemCovered},
		{ID: "1.3", Status: crosswalk.ItemGap},
		{ID: "2.1", Status: crosswalk.ItemNotApplicable},
	}}
	hm, ok := igMatrix(res, catalog.Default())
	require.True(t, ok)
	assert.Equal(t, []string{"IG1", "IG2", "IG3"}, hm.Columns)
	require.Len(t, hm.Rows, 2)
	one := hm.Rows[0]
	assert.Equal(t, "1", one.ID)
	assert.Equal(t, counts{Total: 2, Covered: 1, Gap: 1}, one.counts)
	assert.Equal(t, 50.0, one.Percent)
	assert.Equal(t, []heatCell{
		{ID: "IG1", Title: "IG1", counts: counts{Total: 1, Covered: 1}, Percent: 100, Band: 4},
		{ID: "IG2", Title: "IG2", counts: counts{Total: 2, Covered: 1, Gap: 1}, Percent: 50, Band: 2},
		{ID: "IG3", Title: "IG3", counts: counts{Total: 2, Covered: 1, Gap: 1}, Percent: 50, Band: 2},
	}, one.Cells)
	two := hm.Rows[1]
	assert.Equal(t, "2", two.ID)
	for _, c := range two.Cells {
		assert.Equal(t, -1, c.Band, c.ID)
	}

	res.IGs = []string{"ig1", "IG2"}
	hm, ok = igMatrix(res, catalog.Default())
	require.True(t, ok)
	assert.Equal(t, []string{"IG1", "IG2"}, hm.Columns, "the limits, in any case")
	assert.Len(t, hm.Rows[0].Cells, 2)
}
