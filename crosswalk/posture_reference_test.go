package crosswalk

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// TestPostureDefaultRows: the default posture of an ISO/IEC 27002 assessment has,
// in catalog order, a row per newest framework of every other family, then its
// limits, each over the number of items the reference files give:
//
//   - CSF 2.0: 106 subcategories;
//   - NIS2: 47 requirements, and sections 7 and 9, which have points but no
//     sub-headings (README-nis2: "49 ENISA rows");
//   - SP 800-53 Rev. 5: 1189 controls and enhancements less 182 withdrawn = 1007;
//     the SP 800-53B baselines LOW 149, MODERATE 287, HIGH 370 (the baseline_*
//     columns);
//   - CIS v8.1: 153 safeguards, IG1 56, IG2 130, IG3 153, with the note that they are
//     reached through CIS v8's mapping.
func TestPostureDefaultRows(t *testing.T) {
	sp := testref.ReadCSV(t, "frameworks", "nist-sp800-53-r5.csv")
	withdrawn, base := 0, map[string]int{}
	for _, r := range sp {
		if r["status"] == "withdrawn" {
			withdrawn++
			continue
		}
		for _, b := range []string{"low", "moderate", "high"} {
			if r["baseline_"+b] == "1" {
				base[b]++
			}
		}
	}
	require.Equal(t, 182, withdrawn, "README-sp80053")
	require.Equal(t, map[string]int{"low": 149, "moderate": 287, "high": 370}, base)

	p, err := Default().Posture(readExample(t, "small-company.csv"))
	require.NoError(t, err)
	var got []string
	for _, r := range p.Rows {
		got = append(got, fmt.Sprintf("%s %s %d notes=%d", r.Target, r.Limit, r.Summary.Total, len(r.Notes)))
	}
	// Each row but CIS's has covered items NIST or ENISA also maps to ISO/IEC 27001
	// clauses: a note says so (TestCoveredOutsideMatchesReference).
	want := []string{
		"nist-csf:2.0  106 notes=1",
		"nis2:2024  49 notes=1",
		fmt.Sprintf("sp800-53:5  %d notes=1", len(sp)-withdrawn),
		"sp800-53:5 LOW 149 notes=1",
		"sp800-53:5 MODERATE 287 notes=1",
		"sp800-53:5 HIGH 370 notes=1",
	}
	if catalog.HasCIS() {
		want = append(want,
			"cis:8.1  153 notes=1",
			"cis:8.1 IG1 56 notes=1",
			"cis:8.1 IG2 130 notes=1",
			"cis:8.1 IG3 153 notes=1")
	}
	assert.Equal(t, want, got)
	assert.Equal(t, catalog.ISO27002v2022, p.Baseline)
	assert.Equal(t, Auto, p.Policy)
	assert.False(t, p.Derived)
	for _, r := range p.Rows {
		s := r.Summary
		assert.Equal(t, s.Total, s.Covered+s.Partial+s.Gap+s.Unreached+s.NotApplicable, "%s %s", r.Target, r.Limit)
	}
}

// TestOverlapISOCSFMatchesReference: with no assessment, the share of CSF 2.0
// subcategories the ISO/IEC 27002 controls reach is the share NIST gives Annex A
// references of their own (97 of 106: a reference at a category is context); the
// other way, an ISO control counts when some subcategory cites it (a category or a
// function citing it is not an item reaching it).
func TestOverlapISOCSFMatchesReference(t *testing.T) {
	subs, isoCited := map[string]bool{}, map[string]bool{}
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		if r["csf_level"] == "subcategory" && r["iso_kind"] == "annex_a" {
			subs[r["csf_id"]] = true
			isoCited[r["iso_id"]] = true
		}
	}
	o, err := Default().Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CSF20})
	require.NoError(t, err)
	require.Len(t, o.Pairs, 2)
	p := o.Pairs[0]
	assert.Equal(t, catalog.CSF20, p.To)
	assert.Equal(t, 106, p.Items)
	assert.Equal(t, len(subs), p.Published)
	assert.Equal(t, 97, p.Published)
	assert.Equal(t, 91.5, p.PublishedPercent)
	for _, id := range p.Unreached {
		assert.False(t, subs[id], id)
	}
	assert.Len(t, p.Unreached, 9)

	q := o.Pairs[1]
	assert.Equal(t, catalog.ISO27002v2022, q.To)
	assert.Equal(t, 93, q.Items)
	assert.Equal(t, len(isoCited), q.Published)
	for _, id := range q.Unreached {
		assert.False(t, isoCited[id], id)
	}
	// The 23 controls no CSF 2.0 element cites at any level are among them.
	for _, id := range notCitedByCSF {
		assert.Contains(t, q.Unreached, id)
	}
}
