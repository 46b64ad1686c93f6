package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// The posture page: a card per row with the row's own counts, the notes, the
// recommendations, and the overlap grid with the counts in every cell; nothing
// loaded from elsewhere.
func TestPostureHTML(t *testing.T) {
	cw := crosswalk.Default()
	f, err := os.Open("../examples/assessments/small-company.csv")
	require.NoError(t, err)
	defer f.Close()
	a, err := crosswalk.ReadAssessmentCSV("small-company.csv", f, nil)
	require.NoError(t, err)
	p, err := cw.Posture(a)
	require.NoError(t, err)
	fws := []catalog.FrameworkID{p.Baseline, catalog.CSF20, catalog.NIS2v2024}
	o, err := cw.Overlap(fws)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, PostureHTML(&b, p, o, Options{}))
	s := b.String()
	assert.True(t, strings.HasPrefix(s, "<!doctype html>"))
	assert.Equal(t, len(p.Rows), strings.Count(s, `<div class="card"`))
	for _, r := range p.Rows {
		sum := r.Summary
		assert.Contains(t, s, pct(sum.CoveragePercent)+"%</span> covered")
		assert.Contains(t, s, itoa(sum.Total)+" items: "+itoa(sum.Covered)+" covered, "+itoa(sum.Partial)+" partial")
	}
	assert.Contains(t, s, "97/106 (91.5%)", "ISO/IEC 27002:2022 reaches 97 of CSF 2.0's 106 subcategories")
	assert.Contains(t, s, p.Recommendations[0].Title)
	assert.NotContains(t, s, "http://")
	assert.NotContains(t, s, "https://")
	assert.NotContains(t, s, "<script src")
	if catalog.HasCIS() {
		assert.Contains(t, s, "via cis:8 (succession)")
	}
	assert.Error(t, PostureHTML(&b, nil, nil, Options{}))

	// With the targets' gaps: a detailed section per framework, linked from its card,
	// with the roll-ups' counts.
	g, err := cw.Gap(a, catalog.NIS2v2024, crosswalk.WithRecommendations(0))
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, PostureHTML(&b, p, nil, Options{}, g))
	s = b.String()
	assert.Contains(t, s, `<a href="#fw-nis2-2024">NIS2 Implementing Regulation (EU) 2024/2690</a>`)
	assert.Contains(t, s, `<section id="fw-nis2-2024" class="detail">`)
	assert.Equal(t, len(g.Groups), strings.Count(s[strings.Index(s, `id="fw-nis2-2024"`):], "<tr><td>"))
}

// The posture workbook: the Posture sheet has the rows' counts, and each framework its
// own items sheet, equal to its gap.
func TestPostureXLSX(t *testing.T) {
	cw := crosswalk.Default()
	f, err := os.Open("../examples/assessments/small-company.csv")
	require.NoError(t, err)
	defer f.Close()
	a, err := crosswalk.ReadAssessmentCSV("small-company.csv", f, nil)
	require.NoError(t, err)
	p, err := cw.Posture(a, crosswalk.WithTargets(catalog.CSF20, catalog.NIS2v2024))
	require.NoError(t, err)
	var gaps []*crosswalk.GapResult
	for _, tf := range []catalog.FrameworkID{catalog.CSF20, catalog.NIS2v2024} {
		g, err := cw.Gap(a, tf, crosswalk.WithRecommendations(0))
		require.NoError(t, err)
		gaps = append(gaps, g)
	}
	o, err := cw.Overlap([]catalog.FrameworkID{p.Baseline, catalog.CSF20, catalog.NIS2v2024})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, PostureXLSX(&b, p, gaps, o, Options{}))
	x := openXLSX(t, b.Bytes())
	assert.Equal(t, []string{"Posture", "Recommendations", "Overlap", "nist-csf 2.0", "nis2 2024"}, x.GetSheetList())
	rows, err := x.GetRows("Posture")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"nist-csf:2.0", "NIST Cybersecurity Framework 2.0", "", "106", "67", "25", "4", "9", "1"}, rows[1][:9])
	items, err := x.GetRows("nis2 2024")
	require.NoError(t, err)
	assert.Len(t, items, 49+1)
	assert.Error(t, PostureXLSX(&b, nil, nil, nil, Options{}))
}
