package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func TestMigrate2013To2022(t *testing.T) {
	cw := Default()
	a := readExample(t, "legacy-2013.csv", WithBaseline(catalog.ISO27002v2013))
	m, err := cw.Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	assert.Equal(t, catalog.ISO27002v2013, m.From)
	assert.Equal(t, catalog.ISO27002v2022, m.To)

	// ISO/IEC 27002:2022 Annex B gives no 2013 predecessor to exactly the 11 controls
	// new in 2022 (reference README), and a successor to every 2013 control.
	var newIDs []string
	for _, r := range m.New {
		newIDs = append(newIDs, r.ID)
	}
	assert.Equal(t, []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, newIDs)
	assert.Empty(t, m.Dropped)
	assert.Equal(t, 82, m.Assessment.Len())
	assert.Len(t, m.Steps, 82)

	step := func(id string) MigrationStep {
		for _, s := range m.Steps {
			if s.Control.ID == id {
				return s
			}
		}
		t.Fatalf("no step for %s", id)
		return MigrationStep{}
	}
	// 5.14 ← A.13.2.1 (implemented), A.13.2.2 (implemented), A.13.2.3 (partial) in
	// legacy-2013.csv: merged, the weakest is partial.
	s := step("5.14")
	assert.True(t, s.Merged)
	assert.Equal(t, Partial, s.Status)
	require.Len(t, s.From, 3)
	assert.Equal(t, "A.13.2.1", s.From[0].Control.ID)
	assert.Contains(t, s.Note, "weakest")
	e, ok := m.Assessment.Entry(catalog.NewRef(catalog.ISO27002v2022, "5.14"))
	require.True(t, ok)
	assert.Equal(t, Partial, e.Status)
	assert.Contains(t, e.Notes, "A.13.2.3 (partial)")

	// A.18.2.3 splits into 5.36 and 8.8.
	s36, s88 := step("5.36"), step("8.8")
	assert.Contains(t, []catalog.Ref{s36.From[0].Control, s36.From[1].Control}, catalog.NewRef(catalog.ISO27002v2013, "A.18.2.3"))
	assert.Equal(t, []MigrationSource{
		{Control: catalog.NewRef(catalog.ISO27002v2013, "A.12.6.1"), Status: Implemented},
		{Control: catalog.NewRef(catalog.ISO27002v2013, "A.18.2.3"), Status: Implemented},
	}, s88.From)
	assert.Equal(t, Implemented, s88.Status)

	// Every A.14.2.x is not applicable in the example; 8.25 ← A.14.2.1 only.
	s25 := step("8.25")
	assert.Equal(t, NotApplicable, s25.Status)
	e, _ = m.Assessment.Entry(catalog.NewRef(catalog.ISO27002v2022, "8.25"))
	assert.Equal(t, "No in-house software development", e.Justification)

	// The migrated assessment feeds a gap analysis like any other.
	res, err := cw.Gap(m.Assessment, catalog.CSF20)
	require.NoError(t, err)
	assert.Len(t, res.Items, 106)
}

func TestMigrateErrors(t *testing.T) {
	cw := Default()
	a := readExample(t, "small-company.csv")
	_, err := cw.Migrate(a, catalog.ISO27002v2013)
	assert.ErrorIs(t, err, ErrNoSuccession)
	_, err = cw.Migrate(a, "nope:1")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
}

func TestMigrateCSF11Profile(t *testing.T) {
	cw := Default()
	// A CSF 1.1 profile: ID.BE-2 is listed by CSF 2.0's GV.OC-01 (informative
	// reference, nist-csf-1.1_to_nist-csf-2.0.csv), and so is ID.BE-3, which the
	// profile does not rate: GV.OC-01 is merged and not assessed — an unrated
	// predecessor is not a not-implemented one (issue: it was written not-implemented).
	a, err := NewAssessment(nil, catalog.CSF11,
		Entry{Control: catalog.NewRef(catalog.CSF11, "ID.BE-2"), Status: Implemented},
	)
	require.NoError(t, err)
	m, err := cw.Migrate(a, catalog.CSF20)
	require.NoError(t, err)
	var got []string
	for _, s := range m.Steps {
		got = append(got, s.Control.ID)
	}
	assert.Equal(t, []string{"GV.OC-01"}, got)
	require.Len(t, m.Steps, 1)
	assert.Equal(t, []MigrationSource{
		{Control: catalog.NewRef(catalog.CSF11, "ID.BE-2"), Status: Implemented, Label: "incorporated_into; informative_reference_of"},
		{Control: catalog.NewRef(catalog.CSF11, "ID.BE-3"), Status: NotAssessed, Label: "incorporated_into; informative_reference_of"},
	}, m.Steps[0].From)
	assert.Equal(t, NotAssessed, m.Steps[0].Status)
	assert.Contains(t, m.Steps[0].Note, "not assessed, as ID.BE-3 was never rated")
	assert.Equal(t, 0, m.Assessment.Len(), "no entry is invented for it")
	assert.Equal(t, 106-len(m.Steps), len(m.New))
}

// A merged control whose unrated predecessors could change its status is not
// assessed: with only A.13.2.1 rated implemented, 5.14 (← A.13.2.1, A.13.2.2,
// A.13.2.3, Annex B) is not assessed; with A.13.2.1 rated not implemented, it is not
// implemented whatever the others are.
func TestMigrateMergedCountsUnassessedPredecessors(t *testing.T) {
	cw := Default()
	a, err := NewAssessment(nil, catalog.ISO27002v2013,
		Entry{Control: catalog.NewRef(catalog.ISO27002v2013, "A.13.2.1"), Status: Implemented},
	)
	require.NoError(t, err)
	m, err := cw.Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	var s *MigrationStep
	for i := range m.Steps {
		if m.Steps[i].Control.ID == "5.14" {
			s = &m.Steps[i]
		}
	}
	require.NotNil(t, s, "no step for 5.14")
	assert.True(t, s.Merged)
	assert.Equal(t, []MigrationSource{
		{Control: catalog.NewRef(catalog.ISO27002v2013, "A.13.2.1"), Status: Implemented},
		{Control: catalog.NewRef(catalog.ISO27002v2013, "A.13.2.2"), Status: NotAssessed},
		{Control: catalog.NewRef(catalog.ISO27002v2013, "A.13.2.3"), Status: NotAssessed},
	}, s.From)
	assert.Equal(t, NotAssessed, s.Status)
	assert.Contains(t, s.Note, "A.13.2.2 (not-assessed)")
	_, ok := m.Assessment.Entry(catalog.NewRef(catalog.ISO27002v2022, "5.14"))
	assert.False(t, ok, "no status is invented")
	assert.Len(t, m.Steps, 1)
	assert.Empty(t, m.Dropped)

	a, err = NewAssessment(nil, catalog.ISO27002v2013,
		Entry{Control: catalog.NewRef(catalog.ISO27002v2013, "A.13.2.1"), Status: NotImplemented},
	)
	require.NoError(t, err)
	m, err = cw.Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	require.Len(t, m.Steps, 1)
	assert.Equal(t, NotImplemented, m.Steps[0].Status)
	e, ok := m.Assessment.Entry(catalog.NewRef(catalog.ISO27002v2022, "5.14"))
	require.True(t, ok)
	assert.Equal(t, NotImplemented, e.Status)
}

// Issue: 8.31 (← A.12.1.4 implemented, A.14.2.6 not applicable "No in-house software
// development" in legacy-2013.csv) was implemented with the exclusion justification
// of the predecessor it said it ignored. Text comes only from the predecessors whose
// status was used.
func TestMigrateTextFromUsedPredecessorsOnly(t *testing.T) {
	cw := Default()
	a := readExample(t, "legacy-2013.csv", WithBaseline(catalog.ISO27002v2013))
	m, err := cw.Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	e, ok := m.Assessment.Entry(catalog.NewRef(catalog.ISO27002v2022, "8.31"))
	require.True(t, ok)
	assert.Equal(t, Implemented, e.Status)
	assert.Empty(t, e.Justification)
	assert.NotContains(t, e.Notes, "No in-house software development")
	assert.Contains(t, e.Notes, "A.12.1.4 (implemented)")
	assert.Contains(t, e.Notes, "A.14.2.6 (not applicable) is ignored")
}

// A migration carries the titles of the controls it names, so a report of it needs
// no catalog: 5.7 (new in 2022) and a step's control and predecessor.
func TestMigrationTitles(t *testing.T) {
	cw := Default()
	a := readExample(t, "legacy-2013.csv", WithBaseline(catalog.ISO27002v2013))
	m, err := cw.Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	threat := catalog.NewRef(catalog.ISO27002v2022, "5.7")
	require.Contains(t, m.New, threat)
	assert.Equal(t, "Threat intelligence", m.Title(threat))
	require.NotEmpty(t, m.Steps)
	for _, st := range m.Steps[:3] {
		c, _ := cw.Catalog().Control(st.Control)
		assert.Equal(t, c.Title, m.Title(st.Control))
		p, _ := cw.Catalog().Control(st.From[0].Control)
		assert.Equal(t, p.Title, m.Title(st.From[0].Control))
		assert.NotEmpty(t, m.Title(st.Control))
	}
	assert.Empty(t, m.Title(catalog.NewRef(catalog.CSF20, "GV")), "a control the migration does not name")
}
