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
}
