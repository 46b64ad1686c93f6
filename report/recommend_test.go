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
