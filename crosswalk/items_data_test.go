package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// The items of a NIS2 gap are the requirements ENISA maps (1.1 … 13.3) and sections 7
// and 9, which have no sub-headings: read off frameworks/nis2-ir-2024-2690.csv, 47 + 2
// = 49 (the reference README's count).
func TestDefaultNIS2Items(t *testing.T) {
	var want []string
	var sections []string
	hasRequirement := map[string]bool{}
	for _, r := range testref.ReadCSV(t, "frameworks", "nis2-ir-2024-2690.csv") {
		switch r["kind"] {
		case "section":
			sections = append(sections, r["id"])
		case "requirement":
			hasRequirement[r["section"]] = true
		}
	}
	for _, sec := range sections {
		if !hasRequirement[sec] {
			want = append(want, sec)
		}
	}
	require.Equal(t, []string{"7", "9"}, want)
	want = nil
	for _, r := range testref.ReadCSV(t, "frameworks", "nis2-ir-2024-2690.csv") {
		if r["kind"] == "requirement" || (r["kind"] == "section" && !hasRequirement[r["id"]]) {
			want = append(want, r["id"])
		}
	}
	require.Len(t, want, 49)

	r, err := Default().Gap(only(t, Implemented), catalog.NIS2v2024)
	require.NoError(t, err)
	var got []string
	for _, it := range r.Items {
		got = append(got, it.ID)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 49, r.Summary.Total)
}

// The items of an SP 800-53 gap are its active controls and enhancements: 1007 of the
// 1189 rows of frameworks/nist-sp800-53-r5.csv; the 182 withdrawn ones never are.
func TestDefaultSP80053Items(t *testing.T) {
	var want []string
	for _, r := range testref.ReadCSV(t, "frameworks", "nist-sp800-53-r5.csv") {
		if r["status"] == "active" {
			want = append(want, r["id"])
		}
	}
	require.Len(t, want, 1007)
	r, err := Default().Gap(only(t, Implemented), catalog.SP80053v5)
	require.NoError(t, err)
	var got []string
	for _, it := range r.Items {
		got = append(got, it.ID)
	}
	assert.Equal(t, want, got)
}
