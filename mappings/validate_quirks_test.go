package mappings_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// messages returns the problems as their messages, with their severity.
func messages(ps []*catalog.DataError) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}

// The quirks a source's data keeps as published are warnings, each with the reading;
// a negative repeat count, a dangling reading and an unknown set framework are errors.
func TestValidateQuirksAndStatements(t *testing.T) {
	ref := catalog.NewRef
	s := mappings.Set{
		ID: "q", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
		Edges: []mappings.Edge{
			{From: ref(catalog.CSF20, "GV.OC-01"), To: ref(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Related, Source: "d", Repeats: 2},
			{From: ref(catalog.CSF20, "GV.OC-02"), To: ref(catalog.ISO27002v2022, "5.2"), Relationship: mappings.Related, Source: "d", Misprint: "5,2"},
			{From: ref(catalog.CSF20, "GV.OC-03"), To: ref(catalog.ISO27002v2022, "5.3"), Relationship: mappings.Related, Source: "d", Repeats: -1},
			// The same controls with another label are another edge, not a duplicate.
			{From: ref(catalog.CSF20, "GV.OC-01"), To: ref(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Related, Source: "d", Label: "also"},
			// From another source, another relationship is no contradiction.
			{From: ref(catalog.CSF20, "GV.OC-01"), To: ref(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Equal, Source: "e"},
			// From the same source, it is.
			{From: ref(catalog.CSF20, "GV.OC-01"), To: ref(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Equal, Source: "d"},
		},
		Statements: []mappings.Statement{
			{Ref: ref(catalog.CSF20, "RS.CO-03"), Kind: mappings.UnresolvedReference, Misprint: "Clause 16.1.2", Reading: ref(catalog.ISO27002v2022, "5.26")},
			{Ref: ref(catalog.CSF20, "PR"), Kind: mappings.AllControls, Reading: ref(catalog.ISO27002v2022, "99.9")},
			{Kind: mappings.EmptyReference},
		},
	}
	ps := mappings.Validate(s, nil)
	assert.Equal(t, []string{
		`warning: set "q": edge #1 (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1): duplicate edge: the source lists nist-csf:2.0/GV.OC-01 related iso27002:2022/5.1 3 times; kept once`,
		`warning: set "q": edge #2 (nist-csf:2.0/GV.OC-02 → iso27002:2022/5.2): field "misprint" = "5,2": source quirk: read as nist-csf:2.0/GV.OC-02 → iso27002:2022/5.2`,
		`set "q": edge #3 (nist-csf:2.0/GV.OC-03 → iso27002:2022/5.3): field "repeats" = "-1": invalid value: repeats is not negative`,
		`set "q": edge #6 (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1): field "relationship" = "equal": contradictory edges: edge #1 says nist-csf:2.0/GV.OC-01 related iso27002:2022/5.1 from the same source "d"`,
		`warning: set "q": statement #1 (nist-csf:2.0/RS.CO-03 unresolved-reference): field "misprint" = "Clause 16.1.2": source quirk: names no control; probably iso27002:2022/5.26 (not applied)`,
		`set "q": statement #2 (nist-csf:2.0/PR all-controls): field "reading" = "iso27002:2022/99.9": no such control in the catalog: iso27002:2022 has no control "99.9"`,
		`set "q": statement #3 ( empty): field "ref": required field is empty`,
	}, messages(ps))
	// The misprint is the problem's value, for a program to show.
	assert.Equal(t, "5,2", ps[1].Value)
	assert.Equal(t, "Clause 16.1.2", ps[4].Value)
	assert.ErrorIs(t, ps[1], mappings.ErrSourceQuirk)
	assert.True(t, ps[1].Warning)

	// A set framework the catalog does not have.
	ps = mappings.Validate(mappings.Set{ID: "u", From: "nowhere:1", To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"}}, nil)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], mappings.ErrUnknownSetFramework)
	assert.Equal(t, "from", ps[0].Field)
}

// A set's side accepts the framework it carries as an annex: an ISO/IEC 27001 set
// may name the ISO/IEC 27002 controls of its Annex A.
func TestValidateAnnexSide(t *testing.T) {
	s := mappings.Set{ID: "a", From: catalog.CSF20, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
		Edges: []mappings.Edge{{From: catalog.NewRef(catalog.CSF20, "GV.OC-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Related, Source: "d"}}}
	assert.Empty(t, mappings.Validate(s, nil))
}

// What ReadJSON takes from a set object besides its edges: the source document, the
// set's source for an edge without one, statements with their reading; and what it
// refuses in statements.
func TestReadJSONSetFields(t *testing.T) {
	doc := `{"id":"s","from":"x:1","to":"y:1","kind":"succession","source":"src",
"source_document":{"title":"T","publisher":"P","licence":"L","url":"https://example.org"},
"edges":[{"from":"x:1/a","to":"y:1/b","relationship":"equal","source":"other","repeats":1,"misprint":"b."},{"from":"x:1/c","to":"y:1/d","relationship":"related","label":"l","note":"n","rationale":"semantic"}],
"statements":[{"ref":"x:1/e","kind":"unresolved-reference","target":"clause 4","note":"as printed","misprint":"4,1","reading":"y:1/f"}]}`
	sets, err := mappings.ReadJSON("s.json", []byte(doc))
	require.NoError(t, err)
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, mappings.Succession, s.Kind)
	assert.Equal(t, mappings.Source{ID: "src", Title: "T", Publisher: "P", Licence: "L", URL: "https://example.org"}, s.Source)
	assert.Equal(t, []mappings.Edge{
		{From: catalog.NewRef("x:1", "a"), To: catalog.NewRef("y:1", "b"), Relationship: mappings.Equal, Source: "other", Repeats: 1, Misprint: "b."},
		{From: catalog.NewRef("x:1", "c"), To: catalog.NewRef("y:1", "d"), Relationship: mappings.Related, Source: "src", Label: "l", Note: "n", Rationale: mappings.Semantic},
	}, s.Edges)
	assert.Equal(t, []mappings.Statement{{Ref: catalog.NewRef("x:1", "e"), Kind: mappings.UnresolvedReference, Target: "clause 4", Note: "as printed",
		Misprint: "4,1", Reading: catalog.NewRef("y:1", "f")}}, s.Statements)

	_, err = mappings.ReadJSON("b.json", []byte(`{"id":"s","from":"x:1","to":"Y 1","kind":"crosswalk","source":"src",
"edges":[{"from":"x:1/a","to":"y:1/b","relationship":"equal","repeats":-2,"rationale":"gut"}],
"statements":[{"ref":"","kind":"nope","reading":"noslash"}]}`))
	assert.Equal(t, []string{
		`b.json: set "s": field "to" = "Y 1": invalid value: not a framework ID`,
		`b.json: set "s": edges[0]: field "rationale" = "gut": invalid value: want syntactic, semantic or functional`,
		`b.json: set "s": edges[0]: field "repeats" = "-2": invalid value: repeats is not negative`,
		`b.json: set "s": statements[0]: field "ref": required field is empty`,
		`b.json: set "s": statements[0]: field "kind" = "nope": invalid value: unknown statement kind`,
		`b.json: set "s": statements[0]: field "reading" = "noslash": invalid value: a ref is written "framework/id"`,
	}, messages(problemsOf(t, err)))
}

// problemsOf unpacks the problems a reader joined into one error.
func problemsOf(t *testing.T, err error) []*catalog.DataError {
	t.Helper()
	require.Error(t, err)
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		p, ok := err.(*catalog.DataError)
		require.True(t, ok, "%v", err)
		return []*catalog.DataError{p}
	}
	var out []*catalog.DataError
	for _, e := range j.Unwrap() {
		p, ok := e.(*catalog.DataError)
		require.True(t, ok, "%v", e)
		out = append(out, p)
	}
	return out
}
