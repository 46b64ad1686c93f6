package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// TestSoARelatedMatchesReference: the items a SoA shows each Annex A control serving
// are the rows of the reference mapping files naming it (NIST's Annex A references at
// every CSF level; CIS's workbook).
func TestSoARelatedMatchesReference(t *testing.T) {
	csf := map[string][]string{}
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		if r["iso_kind"] == "annex_a" {
			csf[r["iso_id"]] = append(csf[r["iso_id"]], r["csf_id"])
		}
	}
	cis := map[string][]string{}
	related := []catalog.FrameworkID{catalog.CSF20}
	if catalog.HasCIS() {
		for _, r := range testref.ReadCSV(t, "mappings", "cis-controls-v8_to_iso27002-2022.csv") {
			cis[r["iso27002_2022"]] = append(cis[r["iso27002_2022"]], r["cis_id"])
		}
		related = append(related, catalog.CIS8)
	}
	cw := Default()
	a, err := NewAssessment(nil, catalog.ISO27002v2022)
	require.NoError(t, err)
	s, err := cw.SoA(a)
	require.NoError(t, err)
	assert.Equal(t, related, s.Related, "the default related frameworks")
	require.Len(t, s.Controls, 93)
	assert.Equal(t, []string{"GV", "GV.OV", "GV.OV-01", "GV.OV-02"}, s.Controls[0].Related[0].Items[:4],
		"5.1, read off the NIST file by hand")
	for _, e := range s.Controls {
		require.Len(t, e.Related, len(related), e.Control)
		assert.Equal(t, catalog.CSF20, e.Related[0].Framework)
		assert.ElementsMatch(t, sortedSet(csf[e.Control]), e.Related[0].Items, e.Control)
		if catalog.HasCIS() {
			assert.Equal(t, catalog.CIS8, e.Related[1].Framework)
			assert.ElementsMatch(t, sortedSet(cis[e.Control]), e.Related[1].Items, e.Control)
		}
	}
}

// TestSoARelatedInDocumentOrder: SoARelated's doc says its items come in document
// order. They come in Map's order instead (strongest relationship first), so for 6.8
// (CIS 17.3 equal, CIS 14.6 subset-of) the CIS items read 17.3, 14.6.
func TestSoARelatedInDocumentOrder(t *testing.T) {
	cw := Default()
	a, err := NewAssessment(nil, catalog.ISO27002v2022)
	require.NoError(t, err)
	s, err := cw.SoA(a)
	require.NoError(t, err)
	for _, e := range s.Controls {
		for _, r := range e.Related {
			assertDocumentOrder(t, cw.Catalog(), r.Framework, r.Items)
		}
	}
}

func assertDocumentOrder(t *testing.T, cat *catalog.Catalog, fw catalog.FrameworkID, ids []string) {
	t.Helper()
	for i := 1; i < len(ids); i++ {
		assert.Negative(t, cat.Compare(catalog.NewRef(fw, ids[i-1]), catalog.NewRef(fw, ids[i])), "%s before %s", ids[i-1], ids[i])
	}
}

// TestSoAEntriesAndSummary: one control per status; the summary counts them, the
// justification lands as the inclusion reason or the exclusion justification, and
// each problem says what is wrong in words, in document order.
func TestSoAEntriesAndSummary(t *testing.T) {
	cw := Default()
	ctl := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	a, err := NewAssessment(nil, catalog.ISO27002v2022,
		Entry{Control: ctl("5.1"), Status: Implemented, Justification: "board decision", Owner: "CISO", Evidence: "POL-1", Notes: "yearly"},
		Entry{Control: ctl("5.2"), Status: Partial, Justification: "risk R-2"},
		Entry{Control: ctl("5.3"), Status: Planned, Justification: "risk R-3"},
		Entry{Control: ctl("5.4"), Status: NotImplemented},
		Entry{Control: ctl("7.4"), Status: NotApplicable, Justification: "no premises"},
		Entry{Control: ctl("7.5"), Status: NotApplicable, Justification: "  "},
	)
	require.NoError(t, err)
	s, err := cw.SoA(a, catalog.CSF20)
	require.NoError(t, err)
	assert.Equal(t, SoASummary{Total: 93, Applicable: 91, Excluded: 2, Implemented: 1, Partial: 1, Planned: 1, NotImplemented: 1, NotAssessed: 87}, s.Summary)
	assert.Equal(t, catalog.ISO27001v2022, s.Standard)
	assert.Equal(t, catalog.ISO27002v2022, s.Baseline)
	assert.Equal(t, SoADocument{}, s.Document, "the caller fills the document")

	byID := map[string]SoAEntry{}
	for _, e := range s.Controls {
		byID[e.Control] = e
	}
	e := byID["5.1"]
	assert.Equal(t, "A.5.1", e.AnnexA)
	assert.Equal(t, "Policies for information security", e.Title)
	assert.Equal(t, "Organizational", e.Theme)
	assert.True(t, e.Applicable)
	assert.Equal(t, "board decision", e.InclusionReason)
	assert.Empty(t, e.ExclusionJustification)
	assert.Equal(t, [3]string{"CISO", "POL-1", "yearly"}, [3]string{e.Owner, e.Evidence, e.Notes})
	e = byID["7.4"]
	assert.False(t, e.Applicable)
	assert.Equal(t, "no premises", e.ExclusionJustification)
	assert.Empty(t, e.InclusionReason)
	assert.Equal(t, "Physical", e.Theme)
	e = byID["8.1"]
	assert.True(t, e.Applicable, "a control not rated is listed as applicable")
	assert.Equal(t, NotAssessed, e.Status)
	assert.Equal(t, "Technological", e.Theme)

	var problems []SoAProblem
	for _, p := range s.Problems {
		if p.Kind != NotAssessedControl {
			problems = append(problems, p)
		}
	}
	assert.Equal(t, []SoAProblem{
		{Control: "5.4", Kind: MissingReason, Message: "A.5.4 Management responsibilities is included without a reason for its inclusion (ISO/IEC 27001:2022 6.1.3 d)"},
		{Control: "7.5", Kind: MissingJustification, Message: "A.7.5 Protecting against physical and environmental threats is excluded without a justification (ISO/IEC 27001:2022 6.1.3 d)"},
	}, problems, "a blank justification is none")
	assert.Len(t, s.Problems, 2+87)
	assert.Equal(t, SoAProblem{Control: "5.5", Kind: NotAssessedControl,
		Message: "A.5.5 Contact with authorities is not in the assessment: listed as applicable, not assessed"}, s.Problems[1])

	_, err = cw.SoA(nil)
	assert.EqualError(t, err, "crosswalk: SoA of a nil assessment")
}
