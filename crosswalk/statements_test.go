package crosswalk

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestStatementsMatchReference: what NIST states about a CSF 2.0 element instead of
// an ISO reference — "None" (no-reference), an empty cell (empty), "All applicable
// controls" (all-controls: one statement, not an edge per control) — is a statement
// on that element, with the column it was in and the cell as printed, and nothing
// else is (of that set: the SP 800-53 set has statements of its own).
func TestStatementsMatchReference(t *testing.T) {
	type stmt struct {
		ref                catalog.Ref
		kind, target, note string
	}
	var want []stmt
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		var kind string
		switch {
		case r["iso_kind"] == "none":
			kind = string(mappings.NoReference)
		case r["iso_kind"] == "empty":
			kind = "empty"
		case r["iso_id"] == "ALL":
			kind = "all-controls"
		default:
			continue
		}
		target := "Annex A controls"
		if strings.Contains(r["as_printed"], "Mandatory Clause") {
			target = "clauses"
		}
		want = append(want, stmt{catalog.NewRef(catalog.CSF20, r["csf_id"]), kind, target, r["as_printed"]})
	}
	require.Len(t, want, 79, "75 none, 3 empty, 1 ALL: counted by hand")

	cw := Default()
	var got []stmt
	for c := range cw.Catalog().Controls(catalog.CSF20) {
		for s := range cw.Statements(c.Ref) {
			assert.Equal(t, c.Ref, s.Ref)
			if s.Target != "clauses" && s.Target != "Annex A controls" {
				continue // a statement of another set (the SP 800-53 references)
			}
			got = append(got, stmt{s.Ref, string(s.Kind), s.Target, s.Note})
		}
	}
	assert.ElementsMatch(t, want, got)

	var info SetInfo
	for si := range cw.Sets() {
		if si.ID == "nist-csf-2.0_to_iso27001-2022" {
			info = si
		}
	}
	assert.Equal(t, 79, info.Statements)
	assert.Equal(t, catalog.CSF20, info.From)
	assert.Equal(t, catalog.ISO27001v2022, info.To)
	assert.Equal(t, mappings.Crosswalk, info.Kind)

	// An unknown control has no statements, and stopping early is honoured.
	for range cw.Statements(catalog.NewRef(catalog.CSF20, "XX.YY-99")) {
		t.Fatal("a statement about an unknown control")
	}
	n := 0
	for range cw.Statements(catalog.NewRef(catalog.CSF20, "GV.OC-05")) {
		n++
		break
	}
	assert.Equal(t, 1, n)
}

// TestSetsCountCISRows: the CIS workbook's 200 rows list 15.2 → 5.10 twice; the set
// the crosswalk holds has the 199 distinct edges.
func TestSetsCountCISRows(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	rows := testref.ReadCSV(t, "mappings", "cis-controls-v8_to_iso27002-2022.csv")
	require.Len(t, rows, 200)
	for si := range Default().Sets() {
		if si.ID == "cis-controls-v8_to_iso27002-2022" {
			assert.Equal(t, 199, si.Edges, "distinct edges")
			assert.Equal(t, catalog.CIS8, si.From)
			assert.Equal(t, "cis-v8-iso27001-2022-workbook", si.Source.ID)
			return
		}
	}
	t.Fatal("no CIS v8 → ISO set")
}
