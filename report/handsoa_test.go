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

// handSoA is a Statement of Applicability of two controls built by hand: one
// applicable and partial, one excluded, with one problem.
func handSoA() *crosswalk.SoA {
	return &crosswalk.SoA{
		Document: crosswalk.SoADocument{Organization: "ACME | Ltd", Version: "1.2", ApprovedBy: "+CISO"},
		Standard: catalog.ISO27001v2022, Baseline: catalog.ISO27002v2022, Assessment: "acme.csv",
		Related: []catalog.FrameworkID{catalog.CSF20},
		Summary: crosswalk.SoASummary{Total: 2, Applicable: 1, Excluded: 1, Partial: 1},
		Controls: []crosswalk.SoAEntry{
			{Control: "5.1", AnnexA: "A.5.1", Title: "Policies for information security", Theme: "Organizational", Applicable: true,
				Justification: "risk R1", InclusionReason: "risk R1", Status: crosswalk.Partial, Owner: "=CISO", Evidence: "doc 7", Notes: "line\nbreak",
				Related: []crosswalk.SoARelated{{Framework: catalog.CSF20, Items: []string{"GV.PO-01", "GV.PO-02"}}}},
			{Control: "7.4", AnnexA: "A.7.4", Title: "Physical security monitoring", Theme: "Physical", Applicable: false,
				Justification: "no premises", ExclusionJustification: "no premises", Status: crosswalk.NotApplicable,
				Related: []crosswalk.SoARelated{{Framework: catalog.CSF20, Items: []string{}}}},
		},
		Problems: []crosswalk.SoAProblem{{Control: "5.1", Kind: "no-evidence", Message: "A.5.1 Policies for information security: <none>"}},
	}
}

func TestHandSoACSV(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return SoACSV(b, handSoA()) }))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"5.1", "A.5.1", "Policies for information security", "Organizational", "yes", "risk R1", "",
		"partial", "'=CISO", "doc 7", "line\nbreak", "nist-csf:2.0: GV.PO-01, GV.PO-02",
		"ACME | Ltd", "", "1.2", "", "'+CISO"}, rows[1], "document fields repeated on every row, formulas quoted")
	assert.Equal(t, []string{"7.4", "A.7.4", "Physical security monitoring", "Physical", "no", "", "no premises",
		"not-applicable", "", "", "", "", "ACME | Ltd", "", "1.2", "", "'+CISO"}, rows[2], "a framework without items is left out of related")
}

func TestHandSoAMarkdown(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return SoAMarkdown(b, handSoA(), Options{Title: "SoA *v1*"}) }))
	for _, want := range []string{
		"# SoA \\*v1\\*\n\n",
		"- Organisation: ACME \\| Ltd\n- Scope: not given\n- Version: 1.2\n- Date: not given\n- Approved by: +CISO\n",
		"- Assessment: acme.csv\n",
		"- Related frameworks: ",
		"| 2 | 1 | 1 | 0 | 1 | 0 | 0 | 0 |\n",
		"- **5.1** (no-evidence): A.5.1 Policies for information security: &lt;none&gt;\n",
		"| A.5.1 | Policies for information security | yes | risk R1 |  | partial | =CISO | doc 7 | line<br>break | nist-csf:2.0: GV.PO-01, GV.PO-02 |\n",
		"| A.7.4 | Physical security monitoring | no |  | no premises | not-applicable |  |  |  |  |\n",
	} {
		assert.Contains(t, s, want)
	}
	assert.NotContains(t, s, "- Generated:", "no time unless given")
}

func TestHandSoATable(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return SoATable(b, handSoA(), Options{Width: 80}) }))
	assert.Contains(t, s, "Organisation: ACME | Ltd\nScope:        not given\n")
	assert.Contains(t, s, "Assessment:   acme.csv\n")
	// The summary is a paragraph wrapped at the width.
	assert.Contains(t, s, "\n2 controls: 1 applicable, 1 excluded; 0 implemented, 1 partial, 0 planned, 0 not\nimplemented, 0 not assessed\n\n")
	assert.Contains(t, s, "\nProblems:\n  5.1 (no-evidence): A.5.1 Policies for information security: <none>\n")
	assertFits(t, s, 80)
	s = string(render(t, func(b *bytes.Buffer) error { return SoATable(b, handSoA(), Options{}) }))
	_, reason := tableColumns(t, s, "CONTROL", "TITLE", "REASON / JUSTIFICATION")
	assert.Equal(t, "risk R1", reason["A.5.1"])
	assert.Equal(t, "no premises", reason["A.7.4"])
}
