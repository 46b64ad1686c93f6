package crosswalk

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// TestCoveredOutsideMatchesReference: a CSF 2.0 subcategory covered on its Annex A
// references alone still has the ISO/IEC 27001:2022 clauses NIST cites for it, and
// the result counts and names them. Recomputed from NIST's rows
// (nist-csf-2.0_to_iso27001-2022.csv, iso_kind "clause", subcategory level): of the
// small company's 67 covered subcategories, 33 have some (GV.RM-01: 6.1.1 and
// 6.1.2 besides Annex A 5.1; ID.IM-02: 9.2, 9.3, 10.1, 10.2 besides 5.19 and 5.35).
func TestCoveredOutsideMatchesReference(t *testing.T) {
	clauses := map[string][]string{}
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		if r["iso_kind"] == "clause" && r["csf_level"] == "subcategory" {
			// "4.2(b)" is list item b) of clause 4.2: the edge goes to 4.2 (reference README).
			id, _, _ := strings.Cut(r["iso_id"], "(")
			// NIST printed 6.11 (GV.RM-07) and 6.13 (ID.RA-06): read as 6.1.1 and 6.1.3.
			if fixed, ok := map[string]string{"6.11": "6.1.1", "6.13": "6.1.3"}[id]; ok {
				id = fixed
			}
			if ref := "iso27001:2022/" + id; !slices.Contains(clauses[r["csf_id"]], ref) {
				clauses[r["csf_id"]] = append(clauses[r["csf_id"]], ref)
			}
		}
	}
	res, err := Default().Gap(readExample(t, "small-company.csv"), catalog.CSF20)
	require.NoError(t, err)
	want := 0
	for _, it := range res.Items {
		got := slices.Clone(it.Outside)
		slices.Sort(got)
		exp := slices.Clone(clauses[it.ID])
		slices.Sort(exp)
		assert.Equal(t, exp, got, it.ID)
		if it.Status == ItemCovered && len(clauses[it.ID]) > 0 {
			want++
		}
	}
	assert.Equal(t, 67, res.Summary.Covered)
	assert.Equal(t, 33, want, "hand count of the reference rows")
	assert.Equal(t, want, res.Summary.CoveredOutside)
	assert.Contains(t, res.Notes, "33 of the 67 covered nist-csf:2.0 items are also mapped by NIST to ISO/IEC 27001:2022 clauses "+
		"(management system) that this baseline does not assess; they count as covered on the baseline's controls alone. "+
		"--baseline iso27001:2022, with those clauses rated, measures them.")
	for _, id := range []string{"GV.RM-01", "ID.IM-02"} {
		i := slices.IndexFunc(res.Items, func(it GapItem) bool { return it.ID == id })
		assert.Equal(t, ItemCovered, res.Items[i].Status, id)
	}
}

// TestCoveredOutsideNote: the note comes only with covered items that have controls
// outside the baseline; it names the target, the count and the publisher (ENISA for
// NIS2: 6 of the small company's 27 covered requirements), follows the limits of a
// result, and an ISMS baseline, which rates the clauses, gets none.
func TestCoveredOutsideNote(t *testing.T) {
	cw := Default()
	small := readExample(t, "small-company.csv")
	res, err := cw.Gap(small, catalog.NIS2v2024)
	require.NoError(t, err)
	assert.Equal(t, 6, res.Summary.CoveredOutside)
	assert.Contains(t, res.Notes, "6 of the 27 covered nis2:2024 items are also mapped by ENISA to ISO/IEC 27001:2022 clauses "+
		"(management system) that this baseline does not assess; they count as covered on the baseline's controls alone. "+
		"--baseline iso27001:2022, with those clauses rated, measures them.")

	// Nothing covered: no note, no count.
	none := only(t, NotImplemented, "5.1")
	res, err = cw.Gap(none, catalog.CSF20)
	require.NoError(t, err)
	assert.Zero(t, res.Summary.CoveredOutside)
	assert.Empty(t, res.Notes)

	// Limited to a scope: counted within it. GV.RM: GV.RM-01..07, all covered but
	// GV.RM-07 (unreached); NIST cites clauses for some of them.
	res, err = cw.Gap(small, catalog.CSF20, WithScope(catalog.NewRef(catalog.CSF20, "GV.RM")))
	require.NoError(t, err)
	n := 0
	for _, it := range res.Items {
		if it.Status == ItemCovered && len(it.Outside) > 0 {
			n++
		}
	}
	require.Positive(t, n)
	assert.Equal(t, n, res.Summary.CoveredOutside)
	assert.Contains(t, res.Notes[len(res.Notes)-1], strconv.Itoa(n)+" of the "+strconv.Itoa(res.Summary.Covered)+" covered nist-csf:2.0 items")
}
