package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestCoveredOutsideInEveryFormat: the small company covers 67 CSF 2.0
// subcategories, 33 of which NIST also maps to ISO/IEC 27001:2022 clauses the
// baseline does not rate (crosswalk's TestCoveredOutsideMatchesReference counts
// them from NIST's rows; GV.RM-01 cites 6.1.1 and 6.1.2 besides Annex A 5.1). Every
// format says so once near the headline, and names the clauses of each such item:
// the table in a short list after the items not covered, Markdown and HTML in the
// item's row, CSV and XLSX in its column.
func TestCoveredOutsideInEveryFormat(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	require.Equal(t, 33, res.Summary.CoveredOutside)
	const note = "33 of the 67 covered nist-csf:2.0 items are also mapped by NIST to ISO/IEC 27001:2022 clauses (management system) " +
		"that this baseline does not assess; they count as covered on the baseline's controls alone. " +
		"--baseline iso27001:2022, with those clauses rated, measures them."
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	txt := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{Width: 100}) }))
	head, _, _ := strings.Cut(txt, "\nCoverage ")
	assert.Contains(t, oneLine(head), "Note: "+note, "the note comes before the headline")
	assert.Equal(t, 1, strings.Count(oneLine(txt), "33 of the 67 covered"), "said once")
	_, list, ok := strings.Cut(oneLine(txt), "Covered, but also mapped to ISO/IEC 27001:2022 controls outside the baseline, not assessed (33 of 67 covered items): ")
	require.True(t, ok, txt)
	list, _, _ = strings.Cut(list, " Unreached:")
	assert.True(t, strings.HasPrefix(list, "GV.OC-03 (4.2), GV.OC-04 (4.2), GV.OV-01 (9.1),"), list)
	assert.Contains(t, list, " GV.RM-01 (6.1.1, 6.1.2), ")
	assert.Contains(t, list, " ID.IM-02 (9.2, 9.3, 10.1, 10.2), ")
	assert.Equal(t, 33, strings.Count(list, "), ")+1, list)

	mdText := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, mdText, "- Note: "+md(note)+"\n")
	assert.Contains(t, mdText, "| GV.RM-01 | Risk management objectives are established and agreed to by organizational stakeholders "+
		"| covered | 5.1 Policies for information security (related, implemented); not assessed, outside the baseline: iso27001:2022 6.1.1, 6.1.2 |")

	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	assert.Contains(t, page, `<dt>Note</dt><dd class="note">33 of the 67 covered nist-csf:2.0 items`)
	_, row, _ := strings.Cut(page, `<tr data-item="GV.RM-01" data-status="covered">`)
	row, _, _ = strings.Cut(row, "</tr>")
	assert.Contains(t, row, `<li class="out" title="outside the baseline: not assessed, does not count">not assessed, outside the baseline: iso27001:2022 6.1.1, 6.1.2</li>`)

	f := openXLSX(t, render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) }))
	rows, err := f.GetRows("Summary")
	require.NoError(t, err)
	found := false
	for _, r := range rows {
		found = found || len(r) > 2 && r[0] == "notes" && r[2] == note
	}
	assert.True(t, found, "the XLSX summary carries the note: %q", rows)
}
