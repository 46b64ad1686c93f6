package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// A map answer without links says so, and suggests derived paths only when they
// were not searched.
func TestMapTableNoLinks(t *testing.T) {
	r := &MapResult{From: isoRef("5.1"), Title: "Policies\x1b[31m", To: catalog.CSF20}
	s := string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{}) }))
	assert.Equal(t, "iso27002:2022/5.1  Policies\\x1b[31m\n→ nist-csf:2.0, read \"source RELATIONSHIP target\"\n\n"+
		"no mapping to nist-csf:2.0 (try --derived)\n", s)
	r.Derived, r.MaxHops = true, 3
	s = string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{}) }))
	assert.Contains(t, s, "\nno mapping to nist-csf:2.0\n")
	assert.NotContains(t, s, "--derived")
}

// Results with nothing in them render in every text format without an error and
// with an empty list, not null, in JSON.
func TestEmptyResultsRender(t *testing.T) {
	rec := &RecommendResult{Baseline: "iso27002:2022", Target: "nist-csf:2.0", Policy: "auto", Recommendations: []crosswalk.Recommendation{}}
	req := &RequirementsResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20}
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.NoError(t, RenderRecommend(&bytes.Buffer{}, rec, f, Options{}), f)
		assert.NoError(t, RenderRequirements(&bytes.Buffer{}, req, f, Options{}), f)
	}
	js := string(render(t, func(b *bytes.Buffer) error { return RecommendJSON(b, rec) }))
	assert.Contains(t, js, `"recommendations": []`)
	assert.NotContains(t, js, "null")
	c := string(render(t, func(b *bytes.Buffer) error { return RecommendCSV(b, rec) }))
	assert.Equal(t, 1, bytes.Count([]byte(c), []byte("\n")), "the header only")
}
