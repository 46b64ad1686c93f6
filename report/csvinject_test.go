package report

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// formulas are cells a spreadsheet would evaluate, one per character of OWASP's list.
var formulas = []string{"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}

// assertNoFormula fails for any cell of the CSV that starts with a formula character.
func assertNoFormula(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	for i, r := range rows {
		for j, c := range r {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "row %d cell %d %q starts with a formula character", i+1, j+1, c)
			}
		}
	}
	return rows
}

func TestGapCSVNeutralisesFormulas(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: "acme:1", Policy: crosswalk.Strict}
	for i, f := range formulas {
		res.Items = append(res.Items, crosswalk.GapItem{ID: "X-" + itoa(i), Title: f, Status: crosswalk.ItemUnreached,
			Statements: []string{f}, Outside: []string{f}})
	}
	rows := assertNoFormula(t, render(t, func(b *bytes.Buffer) error { return GapCSV(b, res, Options{}) }))
	require.Len(t, rows, len(formulas)+1)
	for i, f := range formulas {
		assert.Equal(t, "'"+f, rows[i+1][1], "the title is kept, behind an apostrophe")
		assert.Equal(t, "'"+f, rows[i+1][6])
		assert.Equal(t, "'"+f, rows[i+1][7])
	}
}

func TestSoACSVNeutralisesFormulas(t *testing.T) {
	var entries []crosswalk.Entry
	for i, f := range formulas {
		entries = append(entries, crosswalk.Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "5."+itoa(i+1)),
			Status: crosswalk.NotApplicable, Justification: f, Owner: f, Evidence: f, Notes: f})
	}
	a, err := crosswalk.NewAssessment(nil, catalog.ISO27002v2022, entries...)
	require.NoError(t, err)
	soa, err := crosswalk.Default().SoA(a, catalog.CSF20)
	require.NoError(t, err)
	rows := assertNoFormula(t, render(t, func(b *bytes.Buffer) error { return SoACSV(b, soa) }))
	for i, f := range formulas {
		r := rows[i+1]
		require.Equal(t, "5."+itoa(i+1), r[0])
		for _, col := range []string{"exclusion_justification", "owner", "evidence", "notes"} {
			assert.Equal(t, "'"+f, r[colIndex(t, rows[0], col)], col)
		}
	}
}

func colIndex(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}
