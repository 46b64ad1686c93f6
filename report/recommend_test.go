package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// smallRecommend is "recommend --assessment small-company.csv --target nist-csf:2.0 -n 5".
func smallRecommend(t *testing.T) *RecommendResult {
	t.Helper()
	recs, err := crosswalk.Default().Recommend(exampleAssessment(t, "small-company.csv"), catalog.CSF20, 5)
	require.NoError(t, err)
	require.Len(t, recs, 5)
	return &RecommendResult{Baseline: "iso27002:2022", Target: "nist-csf:2.0", Policy: "auto", Recommendations: recs}
}

func TestRecommendFormats(t *testing.T) {
	r := smallRecommend(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "recommend-small-csf"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderRecommend(b, r, f, Options{Width: 100}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderRecommend(&b, r, HTML, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderRecommend(&b, nil, f, Options{}), "no recommend result", f)
	}
}

func TestRecommendTable(t *testing.T) {
	r := smallRecommend(t)
	s := string(render(t, func(b *bytes.Buffer) error { return RecommendTable(b, r, Options{Width: 100}) }))
	assertFits(t, s, 100)
	assert.True(t, strings.HasPrefix(s, "Next controls of iso27002:2022 for nist-csf:2.0 (policy auto): 5\nRANK  CONTROL  STATUS"), s)
	// The gap report recommends the same controls, in the same order.
	gap := smallGap(t, catalog.CSF20)
	_, titles := tableColumns(t, s, "RANK", "STATUS", "MOVES")
	for i, rec := range r.Recommendations {
		assert.Equal(t, gap.Recommendations[i].Control, rec.Control, i)
		assert.Contains(t, s, "\n"+itoa(i+1)+"     "+rec.Control+" ", i)
	}
	assert.Len(t, titles, 5)

	none := &RecommendResult{Baseline: "iso27002:2022", Target: "cis:8", Policy: "strict"}
	s = string(render(t, func(b *bytes.Buffer) error { return RecommendTable(b, none, Options{}) }))
	assert.Equal(t, "Next controls of iso27002:2022 for cis:8 (policy strict): 0\nNo control not yet implemented would move an item up.\n", s)
	s = string(render(t, func(b *bytes.Buffer) error { return RecommendMarkdown(b, none) }))
	assert.True(t, strings.HasPrefix(s, "## Next controls"), s)
	var b bytes.Buffer
	require.NoError(t, RecommendJSON(&b, none))
	assert.Contains(t, b.String(), `"recommendations": []`, "none is an empty list, not null")
}

func TestRecommendJSONAndCSV(t *testing.T) {
	r := smallRecommend(t)
	var b bytes.Buffer
	require.NoError(t, RecommendJSON(&b, r))
	var doc RecommendResult
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	assert.Equal(t, r.Policy, doc.Policy)
	require.Len(t, doc.Recommendations, 5)
	assert.Equal(t, r.Recommendations[0].Control, doc.Recommendations[0].Control)
	assert.Equal(t, r.Recommendations[0].Gain, doc.Recommendations[0].Gain)

	b.Reset()
	require.NoError(t, RecommendCSV(&b, r))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6)
	assert.Equal(t, []string{"rank", "control", "status", "gain", "title", "moves"}, rows[0])
	first := r.Recommendations[0]
	assert.Equal(t, []string{"1", first.Control, first.Status.String(), itoa(first.Gain), first.Title, strings.Join(moveLabels(first.Moves), "; ")}, rows[1])
	// The gain is the weighted levels the items move: gap → covered 2, partial →
	// covered 1.
	levels := map[crosswalk.Coverage]int{crosswalk.ItemGap: 0, crosswalk.ItemPartial: 1, crosswalk.ItemCovered: 2}
	gain := 0
	for _, m := range first.Moves {
		gain += m.Weight * (levels[m.To] - levels[m.From])
	}
	assert.Equal(t, first.Gain, gain)
}

// TestRecLegend: every table of recommendations says that the list is cumulative
// and what the gain counts, naming the CIS weights only where a moved item carries
// one. Hand-checked on the small company: for CSF 2.0, 8.16 gains 2 + 2 + 1 + 1 = 6
// (DE.CM-01, DE.CM-09 gap → covered; DE.AE-03, DE.CM-06 partial → covered), every
// item weighing 1; for CIS v8.1, 8.8 gains 39 moving 21 safeguards partial →
// covered: 4 of IG1 (7.1–7.4, weight 3), 10 of IG2 (weight 2), 7 of IG3 (weight 1),
// 12 + 20 + 7.
func TestRecLegend(t *testing.T) {
	const base = "Cumulative: each row assumes the controls of the rows above it are implemented. " +
		"Gain: the levels its items move (gap → partial 1, partial → covered 1, gap → covered 2)"
	csf := smallGap(t, catalog.CSF20)
	require.Equal(t, "8.16", csf.Recommendations[0].Control)
	require.Equal(t, 6, csf.Recommendations[0].Gain)
	assert.Equal(t, base+".", recLegend(csf.Recommendations))

	if catalog.HasCIS() {
		cis := smallGap(t, catalog.CIS81)
		r := cis.Recommendations[0]
		require.Equal(t, "8.8", r.Control)
		require.Len(t, r.Moves, 21)
		require.Equal(t, 39, r.Gain)
		assert.Equal(t, base+", each times the item's weight (a CIS safeguard of IG1 3, of IG2 2, of IG3 1).", recLegend(cis.Recommendations))
	}

	// Under the table and the Markdown of both gap and recommend.
	r := smallRecommend(t)
	for name, s := range map[string]string{
		"recommend table": string(render(t, func(b *bytes.Buffer) error { return RecommendTable(b, r, Options{}) })),
		"recommend md":    string(render(t, func(b *bytes.Buffer) error { return RecommendMarkdown(b, r) })),
		"gap table":       string(render(t, func(b *bytes.Buffer) error { return GapTable(b, csf, Options{}) })),
		"gap md":          string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, csf, Options{}) })),
	} {
		assert.Contains(t, s, "\n\n"+base+".\n", name)
	}
	// The posture's gain is unweighted, and says so.
	p, err := crosswalk.Default().Posture(exampleAssessment(t, "small-company.csv"), crosswalk.WithTargets(catalog.CSF20))
	require.NoError(t, err)
	s := string(render(t, func(b *bytes.Buffer) error { return PostureMarkdown(b, p) }))
	assert.Contains(t, s, "\n\n"+postureRecLegend+"\n")
	assert.Contains(t, postureRecLegend, "every item weighing 1")
}
