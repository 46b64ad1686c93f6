package main

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

// Only 8.16 cited, partially implemented (the DE.CM slice of TestGapHandChecked): under
// referenced, implementing 8.16 moves DE.CM-01 and DE.CM-09 (cited by 8.16 alone)
// partial → covered, and DE.CM-03 (7.4, 8.16) and DE.CM-06 (5.22, 8.16) not at all
// (7.4 and 5.22 are not implemented). 7.4 would move DE.CM-02 gap → covered (it
// alone is cited there: 2 levels) but not DE.CM-03 (8.16 is partial).
func TestRecommendHandChecked(t *testing.T) {
	const assessment = "control,status\n8.16,partial\n"
	out, errs, code := cliIn(t, assessment, "recommend", "--assessment", "-", "--target", "csf", "--scope", "DE.CM", "--policy", "referenced", "--format", "json")
	require.Equal(t, 0, code, errs)
	doc := decodeJSON[map[string]any](t, out)
	assert.Equal(t, "nist-csf:2.0", doc["target"])
	assert.Equal(t, "referenced", doc["policy"])
	recs, _ := doc["recommendations"].([]any)
	require.NotEmpty(t, recs)
	first, _ := recs[0].(map[string]any)
	assert.Equal(t, "7.4", first["control"]) // DE.CM-02 gap → covered: gain 2, ties with 8.16 (2 × 1) go to document order
	assert.Equal(t, 2.0, first["gain"])
	second, _ := recs[1].(map[string]any)
	assert.Equal(t, "8.16", second["control"])

	table := cliOK(t, "recommend", "--assessment", "../../examples/assessments/small-company.csv", "--target", "csf", "--policy", "referenced", "-n", "1", "--format", "table")
	assert.Contains(t, table, "(policy referenced): 1")

	msg := cliBad(t, "recommend", "--target", "csf")
	assert.Contains(t, msg, "missing --assessment")
	msg = cliBad(t, "recommend", "--assessment", "x.csv", "--target", "csf", "-n", "0")
	assert.Contains(t, msg, "invalid value 0 for -n")
}

// Which ISO controls CIS v8 IG1 needs: exactly those CIS's mapping links to an IG1
// safeguard (cis-controls-v8_to_iso27002-2022.csv, ig1 column of the safeguards).
func TestRequirementsCISIG1(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data")
	}
	ref := referenceDir(t)
	ig1 := map[string]bool{}
	for _, r := range readReference(t, ref, "cis-controls-v8-safeguards.csv") {
		ig1[r["id"]] = r["ig1"] == "1"
	}
	want := map[string][]string{}
	for _, r := range readReference(t, ref, "../mappings/cis-controls-v8_to_iso27002-2022.csv") {
		if ig1[r["cis_id"]] && !slices.Contains(want[r["iso27002_2022"]], r["cis_id"]) {
			want[r["iso27002_2022"]] = append(want[r["iso27002_2022"]], r["cis_id"])
		}
	}
	doc := decodeJSON[report.RequirementsDoc](t, cliOK(t, "requirements", "--target", "cis:8", "--ig", "IG1", "--format", "json"))
	got := map[string][]string{}
	for _, c := range doc.Controls {
		for _, l := range c.Items {
			got[c.Control] = append(got[c.Control], l.Item)
		}
	}
	for k := range want {
		slices.SortFunc(want[k], catalog.CompareIDs)
	}
	assert.Equal(t, want, got)
	// 5.9 serves 1.1 as superset-of (CIS: 1.1 subset-of 5.9).
	i := slices.IndexFunc(doc.Controls, func(c report.RequirementDoc) bool { return c.Control == "5.9" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, report.ItemLinkDoc{Item: "1.1", Relationship: "superset-of", Sources: []string{"cis-v8-iso27001-2022-workbook"}}, doc.Controls[i].Items[0])

	// cis (v8.1) is reached through CIS's v8 mapping carried across the identity
	// succession: the same controls, each link labelled as a succession.
	out, errs, code := cli(t, "requirements", "--target", "cis", "--ig", "IG1", "--format", "json")
	require.Equal(t, 0, code)
	assert.Empty(t, errs)
	derived := map[string]bool{}
	for _, c := range decodeJSON[report.RequirementsDoc](t, out).Controls {
		derived[c.Control] = true
	}
	for k := range want {
		assert.True(t, derived[k], k)
	}
}

func TestRequirementsScope(t *testing.T) {
	// NIST cites for DE.CM (nist-csf-2.0_to_iso27001-2022.csv, Annex A): 5.22, 7.4, 8.16.
	doc := decodeJSON[report.RequirementsDoc](t, cliOK(t, "requirements", "--target", "csf", "--scope", "DE.CM", "--format", "json"))
	var ids []string
	for _, c := range doc.Controls {
		ids = append(ids, c.Control)
	}
	assert.Equal(t, []string{"5.22", "7.4", "8.16"}, ids)
	out := cliOK(t, "requirements", "--target", "csf", "--scope", "DE.CM", "--format", "table")
	assert.Contains(t, out, "iso27002:2022 controls that nist-csf:2.0 needs: 3, serving 5 items")
}

// --baseline turns the question around: which CSF 2.0 subcategories ISO 8.16 needs are
// those NIST cites it for (nist-csf-2.0_to_iso27001-2022.csv, annex_a rows of 8.16).
func TestRequirementsBaseline(t *testing.T) {
	var want []string
	for _, r := range readReference(t, referenceDir(t), "../mappings/nist-csf-2.0_to_iso27001-2022.csv") {
		if r["iso_kind"] == "annex_a" && r["iso_id"] == "8.16" && r["csf_level"] == "subcategory" {
			want = append(want, r["csf_id"])
		}
	}
	require.Len(t, want, 7)
	// In document order of the catalog (the reference framework file: DE.AE before DE.CM).
	slices.SortFunc(want, func(a, b string) int {
		return catalog.Default().Compare(catalog.NewRef(catalog.CSF20, a), catalog.NewRef(catalog.CSF20, b))
	})
	doc := decodeJSON[report.RequirementsDoc](t, cliOK(t, "requirements", "--target", "iso27002:2022", "--baseline", "csf", "--scope", "8.16", "--format", "json"))
	assert.Equal(t, "nist-csf:2.0", doc.Baseline)
	var got []string
	for _, c := range doc.Controls {
		got = append(got, c.Control)
		assert.Equal(t, []report.ItemLinkDoc{{Item: "8.16", Relationship: "related", Sources: []string{"nist-cprt-csf-2.0-iso27001-2022"}}}, c.Items)
	}
	assert.Equal(t, want, got)
}
