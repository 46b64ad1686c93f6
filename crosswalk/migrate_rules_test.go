package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// The tests of this file hold Migrate to the rules of its doc comment on a small
// synthetic succession, old:1 → new:1:
//
//	O1 → N1            one predecessor
//	O2, O3 → N2        merged from two
//	O4 → N3, O4 → N4   one predecessor leading to two controls
//	O5 → NP            NP is not a leaf (NP → N6): skipped, so O5 leads nowhere
//	O6                 no successor
//	N5, N6             no predecessor: new
const (
	fwOld catalog.FrameworkID = "old:1"
	fwNew catalog.FrameworkID = "new:1"
)

func migrateCrosswalk(t *testing.T) *Crosswalk {
	t.Helper()
	nw := flat(fwNew, "N1", "N2", "N3", "N4", "N5", "NP")
	nw.Controls = append(nw.Controls, catalog.ControlSpec{ID: "N6", Title: "control N6", Parent: "NP"})
	cat, err := catalog.New(flat(fwOld, "O1", "O2", "O3", "O4", "O5", "O6"), nw)
	require.NoError(t, err)
	o := func(id string) catalog.Ref { return ref(fwOld, id) }
	n := func(id string) catalog.Ref { return ref(fwNew, id) }
	set := mappings.Set{ID: "old-new", From: fwOld, To: fwNew, Kind: mappings.Succession, Source: mappings.Source{ID: "ANNEX"},
		Edges: []mappings.Edge{
			e(o("O1"), n("N1"), eq),
			e(o("O2"), n("N2"), rel),
			e(o("O3"), n("N2"), rel),
			e(o("O4"), n("N3"), rel),
			e(o("O4"), n("N4"), rel),
			e(o("O5"), n("NP"), rel),
		}}
	set.Edges[0].Label = "moved_to"
	cw, err := New(cat, set)
	require.NoError(t, err)
	return cw
}

// migrateWith migrates an old:1 assessment of the given entries.
func migrateWith(t *testing.T, entries ...Entry) *Migration {
	t.Helper()
	cw := migrateCrosswalk(t)
	a, err := NewAssessment(cw.Catalog(), fwOld, entries...)
	require.NoError(t, err)
	m, err := cw.Migrate(a, fwNew)
	require.NoError(t, err)
	assert.Equal(t, fwOld, m.From)
	assert.Equal(t, fwNew, m.To)
	assert.Equal(t, fwNew, m.Assessment.Baseline())
	return m
}

func stepOf(m *Migration, id string) (MigrationStep, bool) {
	for _, s := range m.Steps {
		if s.Control.ID == id {
			return s, true
		}
	}
	return MigrationStep{}, false
}

// TestMigrateMergeRules: the status of N2 from those of O2 and O3 (Unrated: not in
// the assessment), by the three rules: all not applicable → not applicable; else the
// weakest applicable rated status; but not assessed when an unrated predecessor could
// change it (not when the weakest is already not implemented).
func TestMigrateMergeRules(t *testing.T) {
	const unrated = NotAssessed
	for _, c := range []struct {
		o2, o3 Status
		want   Status
	}{
		{Implemented, Implemented, Implemented},
		{Implemented, Partial, Partial},
		{Partial, Planned, Planned},
		{Planned, Implemented, Planned},
		{Implemented, NotImplemented, NotImplemented},
		{NotImplemented, Planned, NotImplemented},
		{Implemented, NotApplicable, Implemented}, // not applicable is ignored
		{NotApplicable, Partial, Partial},
		{NotApplicable, NotApplicable, NotApplicable},
		{Implemented, unrated, NotAssessed}, // O3 could be anything
		{Planned, unrated, NotAssessed},
		{unrated, NotImplemented, NotImplemented}, // nothing O2 is makes it weaker
		{NotApplicable, unrated, NotAssessed},     // O3 is the only applicable one, unrated
	} {
		t.Run(c.o2.String()+"+"+c.o3.String(), func(t *testing.T) {
			var es []Entry
			if c.o2 != unrated {
				es = append(es, Entry{Control: ref(fwOld, "O2"), Status: c.o2})
			}
			if c.o3 != unrated {
				es = append(es, Entry{Control: ref(fwOld, "O3"), Status: c.o3})
			}
			m := migrateWith(t, es...)
			s, ok := stepOf(m, "N2")
			require.True(t, ok)
			assert.True(t, s.Merged)
			assert.Equal(t, []MigrationSource{
				{Control: ref(fwOld, "O2"), Status: c.o2},
				{Control: ref(fwOld, "O3"), Status: c.o3},
			}, s.From, "every predecessor, rated or not, in document order")
			assert.Equal(t, c.want, s.Status)
			e, ok := m.Assessment.Entry(ref(fwNew, "N2"))
			if c.want == NotAssessed {
				assert.False(t, ok, "no status is invented")
				assert.Contains(t, s.Note, "never rated")
			} else {
				require.True(t, ok)
				assert.Equal(t, c.want, e.Status)
				assert.Equal(t, s.Note, e.Notes)
			}
		})
	}
}

// TestMigrateWhereEveryControlGoes: one predecessor, one to two, a non-leaf successor,
// no successor, no predecessor.
func TestMigrateWhereEveryControlGoes(t *testing.T) {
	m := migrateWith(t,
		Entry{Control: ref(fwOld, "O1"), Status: Partial, Owner: "ops"},
		Entry{Control: ref(fwOld, "O4"), Status: Implemented},
		Entry{Control: ref(fwOld, "O5"), Status: Implemented},
		Entry{Control: ref(fwOld, "O6"), Status: Planned},
	)
	var ids []string
	for _, s := range m.Steps {
		ids = append(ids, s.Control.ID)
	}
	assert.Equal(t, []string{"N1", "N3", "N4"}, ids, "steps in document order; N2 has no rated predecessor")
	s, _ := stepOf(m, "N1")
	assert.Equal(t, MigrationStep{Control: ref(fwNew, "N1"), Status: Partial,
		From: []MigrationSource{{Control: ref(fwOld, "O1"), Status: Partial, Label: "moved_to"}},
		Note: "migrated from old:1 O1 (partial)"}, s)
	e, ok := m.Assessment.Entry(ref(fwNew, "N1"))
	require.True(t, ok)
	assert.Equal(t, "ops", e.Owner)
	for _, id := range []string{"N3", "N4"} {
		s, _ := stepOf(m, id)
		assert.False(t, s.Merged, id)
		assert.Equal(t, Implemented, s.Status, id)
	}
	assert.Equal(t, []catalog.Ref{ref(fwNew, "N2"), ref(fwNew, "N5"), ref(fwNew, "N6")}, m.New)
	assert.Equal(t, []catalog.Ref{ref(fwOld, "O5"), ref(fwOld, "O6")}, m.Dropped,
		"O5 leads only to a non-leaf, O6 nowhere")
	assert.Equal(t, 3, m.Assessment.Len())
	_, ok = m.Assessment.Entry(ref(fwNew, "NP"))
	assert.False(t, ok, "a successor that is not a leaf is skipped")
}

// TestMigrateText: text fields come from the predecessors whose statuses were used,
// once when they agree, by ID when they differ; a merged not-applicable control gets
// a justification that says none was recorded when none was.
func TestMigrateText(t *testing.T) {
	m := migrateWith(t,
		Entry{Control: ref(fwOld, "O2"), Status: Implemented, Owner: "it", Evidence: "policy v1", Notes: "checked"},
		Entry{Control: ref(fwOld, "O3"), Status: Implemented, Owner: "it", Evidence: "policy v2"},
	)
	e, ok := m.Assessment.Entry(ref(fwNew, "N2"))
	require.True(t, ok)
	assert.Equal(t, "it", e.Owner)
	assert.Equal(t, "O2: policy v1; O3: policy v2", e.Evidence)
	assert.Equal(t, "merged from old:1 O2 (implemented), O3 (implemented): the weakest applicable status is kept. checked", e.Notes)

	m = migrateWith(t,
		Entry{Control: ref(fwOld, "O2"), Status: NotApplicable, Justification: "no such systems", Owner: "legal"},
		Entry{Control: ref(fwOld, "O3"), Status: Partial, Owner: "it"},
	)
	e, _ = m.Assessment.Entry(ref(fwNew, "N2"))
	assert.Equal(t, Partial, e.Status)
	assert.Equal(t, "it", e.Owner, "the ignored predecessor's text is not carried")
	assert.Empty(t, e.Justification)
	assert.Contains(t, e.Notes, "O2 (not applicable) is ignored, and so is its text")

	m = migrateWith(t,
		Entry{Control: ref(fwOld, "O2"), Status: NotApplicable},
		Entry{Control: ref(fwOld, "O3"), Status: NotApplicable},
	)
	e, _ = m.Assessment.Entry(ref(fwNew, "N2"))
	assert.Equal(t, NotApplicable, e.Status)
	assert.Equal(t, "not applicable in old:1 (no justification recorded)", e.Justification)
}

// TestMigrateRefuses: a nil assessment, an unknown framework, and a framework no
// succession set leads to are errors, never a migration.
func TestMigrateRefuses(t *testing.T) {
	cw := migrateCrosswalk(t)
	a, err := NewAssessment(cw.Catalog(), fwOld, Entry{Control: ref(fwOld, "O1"), Status: Implemented})
	require.NoError(t, err)
	_, err = cw.Migrate(nil, fwNew)
	assert.EqualError(t, err, "crosswalk: Migrate of a nil assessment")
	_, err = cw.Migrate(a, "gone:1")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	_, err = cw.Migrate(a, fwOld)
	assert.ErrorIs(t, err, ErrNoSuccession)
	assert.EqualError(t, err, "crosswalk: migrate old:1 → old:1: no succession mapping between the frameworks")
	back, err := NewAssessment(cw.Catalog(), fwNew, Entry{Control: ref(fwNew, "N1"), Status: Implemented})
	require.NoError(t, err)
	_, err = cw.Migrate(back, fwOld)
	assert.ErrorIs(t, err, ErrNoSuccession, "a succession is walked forwards only")
}
