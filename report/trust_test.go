package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// naGap is a gap result built by hand in which nothing is applicable: two CSF 2.0
// items of category GV.OC, both not applicable, so neither the summary nor the
// roll-up measures anything.
func naGap() *crosswalk.GapResult {
	return &crosswalk.GapResult{
		Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Policy: crosswalk.Auto,
		Summary: crosswalk.Summary{Total: 2, NotApplicable: 2},
		Items: []crosswalk.GapItem{
			{ID: "GV.OC-01", Title: "Mission", Status: crosswalk.ItemNotApplicable},
			{ID: "GV.OC-02", Title: "Stakeholders", Status: crosswalk.ItemNotApplicable},
		},
		Groups: []crosswalk.Rollup{{ID: "GV.OC", Title: "Organizational Context", Kind: "category", Total: 2, NotApplicable: 2}},
	}
}

// TestNothingApplicableEveryFormat: a share of nothing is "n/a" in every format
// (null in JSON), with the reason where there is room, and never "0.0".
func TestNothingApplicableEveryFormat(t *testing.T) {
	res := naGap()
	tbl := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "\nCoverage n/a (nothing applicable: all 2 items are not applicable)\n")
	assert.Contains(t, tbl, "covered         0      n/a\n")
	assert.Contains(t, tbl, "GV.OC  Organizational Context  2      0        0        0    0          2    n/a\n")
	assert.NotContains(t, tbl, "0.0%")

	md := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, md, "\nCoverage: **n/a** (nothing applicable: all 2 items are not applicable).\n")
	assert.Contains(t, md, "| GV.OC | Organizational Context | category | 2 | 0 | 0 | 0 | 0 | 2 | n/a |\n")
	assert.NotContains(t, md, "0.0")

	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	assert.Contains(t, page, `<span class="num">n/a</span><span class="lbl">coverage (nothing applicable: all 2 items are not applicable)</span>`)
	assert.Contains(t, page, "0 of 0 covered · n/a (nothing applicable)")
	assert.Contains(t, page, `<span class="pct">n/a</span>`)
	assert.NotContains(t, page, "0.0%")
	assert.Equal(t, "n/a", kpis(page)["coverage"])

	js := string(render(t, func(b *bytes.Buffer) error { return GapJSON(b, res) }))
	assert.Contains(t, js, `"coverage_percent": null`)
	assert.NotContains(t, js, `"coverage_percent": 0`)

	f, err := excelize.OpenReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	got := map[string]string{}
	for _, r := range rows {
		if len(r) > 2 {
			got[r[0]] = r[2]
		}
	}
	for _, k := range []string{"covered_percent", "partial_percent", "gap_percent", "unreached_percent", "coverage_percent"} {
		assert.Equal(t, "n/a", got[k], k)
	}
	groups, err := f.GetRows(SheetGroups)
	require.NoError(t, err)
	require.Len(t, groups, 2)
	assert.Equal(t, "n/a", groups[1][9])
}

// TestNothingApplicablePosture: a posture row with nothing applicable shows "n/a" in
// the table, CSV, Markdown, HTML and XLSX.
func TestNothingApplicablePosture(t *testing.T) {
	p := handPosture()
	p.Rows = append(p.Rows, crosswalk.PostureRow{Target: "cis:8", Name: "CIS", Limit: "IG3", Summary: crosswalk.Summary{Total: 4, NotApplicable: 4}})
	tbl := string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, p, Options{}) }))
	assert.Contains(t, tbl, "cis:8         CIS        IG3    4      0        0        0    0          4    n/a       strict\n")
	rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return PostureCSV(b, p) }))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "n/a", rows[3][9])
	md := string(render(t, func(b *bytes.Buffer) error { return PostureMarkdown(b, p) }))
	assert.Contains(t, md, "| cis:8 | CIS | IG3 | 4 | 0 | 0 | 0 | 0 | 4 | n/a | strict |\n")
	page := string(render(t, func(b *bytes.Buffer) error { return PostureHTML(b, p, nil, Options{}, naGap()) }))
	assert.Contains(t, page, `<span class="pct">n/a</span> (nothing applicable: all 4 items are not applicable)`)
	assert.Contains(t, page, "<td>Organizational Context</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td><td class=\"\">n/a</td>")
	assert.Equal(t, 2, strings.Count(page, "%</span> covered"), "the two measurable rows")
	f, err := excelize.OpenReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return PostureXLSX(b, p, nil, nil, Options{}) })))
	require.NoError(t, err)
	defer f.Close()
	v, err := f.GetCellValue("Posture", "J4")
	require.NoError(t, err)
	assert.Equal(t, "n/a", v)
}

// TestNotCoveredHeadingCounts: the heading of the list of items not covered says
// what it lists, the not-applicable item apart, so that its count matches the
// headline's applicable items (handGap: 1 of 3 applicable covered, 1 not
// applicable, listed too).
func TestNotCoveredHeadingCounts(t *testing.T) {
	res := handGap()
	tbl := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "Coverage 33.3% (1 of 3 applicable items covered)")
	assert.Contains(t, tbl, "\nItems not covered (2 of 3 applicable), and 1 not applicable:\n")
	md := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, md, "\n## Items (4: 3 applicable, 1 not applicable)\n")
	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	assert.Contains(t, page, "<h2>All items (4: 3 applicable, 1 not applicable)</h2>")

	res.Items, res.Summary = res.Items[:3], crosswalk.Summary{Total: 3, Covered: 1, Gap: 1, Unreached: 1, Applicable: 3,
		CoveredPercent: 33.3, GapPercent: 33.3, UnreachedPercent: 33.3, CoveragePercent: 33.3}
	tbl = string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "\nItems not covered (2 of 3 applicable):\n", "nothing not applicable: nothing to add")
	md = string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, md, "\n## Items (3)\n")
}

// TestNotAssessedNextToHeadline: an incomplete assessment is said next to the
// headline in every report, not only in the list at the end.
func TestNotAssessedNextToHeadline(t *testing.T) {
	res := handGap()
	res.BaselineControls = 93
	const line = "1 of 93 baseline controls not assessed (counted as not implemented)"
	tbl := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "Coverage 33.3% (1 of 3 applicable items covered)\n"+line+"\n")
	md := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, md, "of 3 applicable items covered.\n\n**"+line+"**: see [Controls not assessed](#controls-not-assessed).\n")
	assert.Less(t, strings.Index(md, line), strings.Index(md, "## Items"), "in the summary")
	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	assert.Contains(t, page, `<p class="caveat" data-caveat="not-assessed"><strong>`+line+`</strong>: <a href="#not-assessed">listed below</a>.</p>`)
	assert.Less(t, strings.Index(page, "data-caveat"), strings.Index(page, `id="heatmap"`), "in the headline section")
	f, err := excelize.OpenReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	var got []string
	for i, r := range rows {
		if r[0] == "not_assessed" {
			got = r
			assert.Equal(t, "coverage_percent", rows[i-1][0], "next to the coverage")
		}
	}
	assert.Equal(t, []string{"not_assessed", "Not assessed", "5.2", line}, got)

	res.BaselineControls = 0 // a result read from JSON without the count
	tbl = string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "\n1 baseline control not assessed (counted as not implemented)\n")
	res.NotAssessed = nil
	tbl = string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.NotContains(t, tbl, "not assessed (counted")
}

// TestTablePolicySentence: the table explains the policy as the Markdown and HTML
// do, from the same sentence, so that strict's 0 % of CSF reads as what it is.
func TestTablePolicySentence(t *testing.T) {
	res := handGap() // policy strict
	tbl := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "\nPolicy:   strict — "+policyNote(crosswalk.Strict)+"\n")
	assert.Contains(t, policyNote(crosswalk.Strict), "uncharacterised related links of informative references")
	mdText := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, mdText, "- Policy: strict — "+md(policyNote(crosswalk.Strict))+"\n")
	tbl = string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{Width: 60}) }))
	assert.Contains(t, tbl, "\nPolicy:   strict — an item is covered when an implemented\n          control is equal to it")
}

// TestPostureNotAssessed: the posture of an incomplete assessment says so under its
// heading, in the table, Markdown and HTML.
func TestPostureNotAssessed(t *testing.T) {
	p := handPosture()
	p.NotAssessed, p.BaselineControls = []string{"5.2", "5.3"}, 93
	const line = "2 of 93 baseline controls not assessed (counted as not implemented)"
	tbl := string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, p, Options{}) }))
	assert.True(t, strings.HasPrefix(tbl, "Posture of iso27002:2022 (policy strict, derived on): 2 rows\n"+line+"\nTARGET "), tbl)
	md := string(render(t, func(b *bytes.Buffer) error { return PostureMarkdown(b, p) }))
	assert.True(t, strings.HasPrefix(md, "## Posture of iso27002:2022 (policy strict, derived on): 2 rows\n\n**"+line+"**\n\n| target "), md)
	page := string(render(t, func(b *bytes.Buffer) error { return PostureHTML(b, p, nil, Options{}) }))
	assert.Contains(t, page, `<p class="note" data-caveat="not-assessed"><strong>`+line+`</strong></p>`)
	p.NotAssessed = nil
	tbl = string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, p, Options{}) }))
	assert.NotContains(t, tbl, "not assessed")
}
