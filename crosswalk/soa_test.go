package crosswalk

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func readExample(t *testing.T, name string, opts ...ReadOption) *Assessment {
	t.Helper()
	f, err := os.Open("../examples/assessments/" + name)
	require.NoError(t, err)
	defer f.Close()
	a, err := ReadAssessmentCSV(name, f, catalog.Default(), opts...)
	require.NoError(t, err)
	return a
}

func TestSoASmallCompany(t *testing.T) {
	cw := Default()
	s, err := cw.SoA(readExample(t, "small-company.csv"))
	require.NoError(t, err)
	assert.Equal(t, catalog.ISO27001v2022, s.Standard)
	require.Len(t, s.Controls, 93)
	// Counted by hand in examples/assessments/small-company.csv: 8 rows are
	// not-applicable (8.4 and 8.25–8.31), each with a justification; the other 85
	// give a reason for their inclusion.
	sum := s.Summary
	assert.Equal(t, 93, sum.Total)
	assert.Equal(t, 8, sum.Excluded)
	assert.Equal(t, 85, sum.Applicable)
	assert.Equal(t, 0, sum.NotAssessed)
	assert.Equal(t, sum.Applicable, sum.Implemented+sum.Partial+sum.Planned+sum.NotImplemented)
	assert.Empty(t, s.Problems, "every exclusion in the example is justified, every inclusion has a reason")
	assert.Equal(t, SoADocument{}, s.Document, "the caller fills the document fields")

	first := s.Controls[0]
	assert.Equal(t, "5.1", first.Control)
	assert.Equal(t, "A.5.1", first.AnnexA)
	assert.Equal(t, "Policies for information security", first.Title)
	assert.Equal(t, "Organizational", first.Theme)
	assert.True(t, first.Applicable)
	assert.Equal(t, Implemented, first.Status)
	assert.Equal(t, "Risk treatment plan 2025", first.InclusionReason)
	assert.Equal(t, first.Justification, first.InclusionReason)
	assert.Empty(t, first.ExclusionJustification)
	// From nist-csf-2.0_to_iso27001-2022.csv, every row with iso_id 5.1, in the
	// catalog's order (nist-csf-2.0.csv lists the categories of a function
	// alphabetically: GV.OC, GV.OV, GV.PO, GV.RM, GV.RR, GV.SC).
	want := []string{"GV", "GV.OV", "GV.OV-01", "GV.OV-02", "GV.OV-03", "GV.PO-01", "GV.PO-02",
		"GV.RM", "GV.RM-01", "GV.RM-02", "GV.RM-03", "GV.RM-04", "GV.RM-05", "GV.RM-06",
		"GV.SC", "GV.SC-01", "GV.SC-03", "PR.AA-05", "PR.DS", "PR.DS-01"}
	require.NotEmpty(t, first.Related)
	assert.Equal(t, catalog.CSF20, first.Related[0].Framework)
	assert.Equal(t, want, first.Related[0].Items)
	if catalog.HasCIS() {
		require.Len(t, first.Related, 2)
		assert.Equal(t, catalog.CIS8, first.Related[1].Framework)
		assert.Equal(t, []string{"15.2"}, first.Related[1].Items) // cis-controls-v8_to_iso27002-2022.csv: 15.2 → 5.1
	} else {
		assert.Len(t, first.Related, 1)
	}

	var e SoAEntry
	for _, c := range s.Controls {
		if c.Control == "8.28" {
			e = c
		}
	}
	assert.False(t, e.Applicable)
	assert.Equal(t, NotApplicable, e.Status)
	assert.Equal(t, "No in-house software development; all software is bought as a service", e.Justification)
	assert.Equal(t, e.Justification, e.ExclusionJustification)
	assert.Empty(t, e.InclusionReason)
}

func TestSoAProblems(t *testing.T) {
	cw := Default()
	a, err := NewAssessment(nil, catalog.ISO27002v2022,
		Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Status: Implemented},
		Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "5.2"), Status: Planned, Justification: "Risk R-7"},
		Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "7.4"), Status: NotApplicable},
		Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "7.5"), Status: NotApplicable, Justification: "No premises"},
	)
	require.NoError(t, err)
	s, err := cw.SoA(a, catalog.CSF20)
	require.NoError(t, err)
	assert.Equal(t, 93, s.Summary.Total)
	assert.Equal(t, 89, s.Summary.NotAssessed)
	assert.Equal(t, 2, s.Summary.Excluded)
	assert.Equal(t, 91, s.Summary.Applicable)
	var missing, noReason []string
	notAssessed := 0
	for _, p := range s.Problems {
		switch p.Kind {
		case MissingJustification:
			missing = append(missing, p.Control)
		case MissingReason:
			noReason = append(noReason, p.Control)
			assert.Equal(t, "A.5.1 Policies for information security is included without a reason for its inclusion (ISO/IEC 27001:2022 6.1.3 d)", p.Message)
		case NotAssessedControl:
			notAssessed++
		}
	}
	assert.Equal(t, []string{"7.4"}, missing)
	assert.Equal(t, []string{"5.1"}, noReason, "5.2 has its reason; the not-assessed ones are reported as such, once")
	assert.Equal(t, 89, notAssessed)
	assert.Len(t, s.Problems, 91)

	b, err := NewAssessment(nil, catalog.ISO27002v2013, Entry{Control: catalog.NewRef(catalog.ISO27002v2013, "A.5.1.1"), Status: Implemented})
	require.NoError(t, err)
	_, err = cw.SoA(b)
	assert.ErrorIs(t, err, ErrWrongBaseline)
	_, err = cw.SoA(a, "nope:1")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
}

// TestGapOutsideBaseline: the CSF items NIST maps to ISO/IEC 27001 clauses only are
// unreached by the ISO/IEC 27002 controls, and say which clauses reach them.
func TestGapOutsideBaseline(t *testing.T) {
	res, err := Default().Gap(readExample(t, "small-company.csv"), catalog.CSF20)
	require.NoError(t, err)
	got := map[string][]string{}
	for _, it := range res.Items {
		got[it.ID] = it.Outside
	}
	// nist-csf-2.0_to_iso27001-2022.csv: GV.RM-07 lists clause "6.11" (read 6.1.1)
	// and no Annex A control; RC.CO-04 lists clause 7.4 only; DE.CM-01 lists only
	// Annex A controls.
	assert.Equal(t, []string{"iso27001:2022/6.1.1"}, got["GV.RM-07"])
	assert.Equal(t, []string{"iso27001:2022/7.4"}, got["RC.CO-04"])
	assert.Empty(t, got["DE.CM-01"])
	assert.Contains(t, res.Unreached, "GV.RM-07")
}
