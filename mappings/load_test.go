package mappings_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestJSONRoundTripEmbedded(t *testing.T) {
	sets := mappings.Embedded()
	var buf bytes.Buffer
	require.NoError(t, mappings.WriteJSON(&buf, sets...))
	got, err := mappings.ReadJSON("export.json", buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, sets, got)
	var again bytes.Buffer
	require.NoError(t, mappings.WriteJSON(&again, got...))
	assert.Equal(t, buf.String(), again.String(), "export → import → export is byte-identical")
}

// TestDataFilesReencode: every embedded file is exactly what EncodeSet writes for
// the set read from it.
func TestDataFilesReencode(t *testing.T) {
	n := 0
	err := filepath.WalkDir("data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		n++
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		sets, err := mappings.ReadJSON(path, b)
		require.NoError(t, err)
		require.Len(t, sets, 1)
		var buf bytes.Buffer
		require.NoError(t, mappings.EncodeSet(&buf, sets[0]))
		assert.Equal(t, string(b), buf.String(), path)
		assert.Equal(t, strings.TrimSuffix(filepath.Base(path), ".json"), sets[0].ID)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 13, n, "every file on disk, CIS or not")
}

func TestReadJSONExportDocument(t *testing.T) {
	doc := `{"frameworks":[{"id":"acme:1","whatever":true}],"mappings":[{"id":"a","from":"acme:1","to":"iso27002:2022","kind":"crosswalk","source":"acme-doc",
	"source_document":{"title":"Acme mapping","publisher":"Acme"},
	"edges":[{"from":"acme:1/AC-1","to":"iso27002:2022/5.1","relationship":"subset","strength":0,"rationale":"semantic"}],
	"statements":[{"ref":"acme:1/AC-2","kind":"no-reference","target":"Annex A controls"}]}]}`
	sets, err := mappings.ReadJSON("doc.json", []byte(doc))
	require.NoError(t, err)
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, mappings.Source{ID: "acme-doc", Title: "Acme mapping", Publisher: "Acme"}, s.Source)
	assert.Equal(t, []mappings.Edge{{
		From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.SubsetOf,
		Strength: 0, HasStrength: true, Rationale: mappings.Semantic, Source: "acme-doc",
	}}, s.Edges)
	assert.Equal(t, []mappings.Statement{{Ref: catalog.NewRef("acme:1", "AC-2"), Kind: mappings.NoReference, Target: "Annex A controls"}}, s.Statements)

	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"strength":0`)
	back, err := mappings.ReadJSON("one.json", b)
	require.NoError(t, err)
	assert.Equal(t, s, back[0])
}

func TestReadJSONErrors(t *testing.T) {
	cases := []struct {
		name, doc string
		kind      error
		want      string
	}{
		{"unknown field", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[],"bogus":1}`,
			mappings.ErrUnknownField, `bad.json:1: unknown field: unknown field "bogus"`},
		{"field twice", "{\"id\":\"a\",\"from\":\"x:1\",\"to\":\"y:1\",\"kind\":\"crosswalk\",\"source\":\"s\",\"edges\":[\n{\"from\":\"x:1/a\",\"to\":\"y:1/b\",\"relationship\":\"equal\",\"relationship\":\"subset-of\"}]}",
			mappings.ErrMalformed, `bad.json:2: malformed input: duplicate field "relationship"`},
		{"bad relationship", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[{"from":"x:1/a","to":"y:1/b","relationship":"kinda"}]}`,
			mappings.ErrUnknownRelationship, `bad.json: set "a": edges[0]: field "relationship" = "kinda": unknown relationship: want equal`},
		{"bad strength", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[{"from":"x:1/a","to":"y:1/b","relationship":"equal","strength":11}]}`,
			mappings.ErrInvalidValue, `bad.json: set "a": edges[0]: field "strength" = "11": invalid value: a strength is 0 to 10`},
		{"empty to", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[{"from":"x:1/a","to":"","relationship":"equal"}]}`,
			mappings.ErrEmptyField, `bad.json: set "a": edges[0]: field "to": required field is empty`},
		{"bare ref", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[{"from":"a","to":"y:1/b","relationship":"equal"}]}`,
			mappings.ErrInvalidValue, `bad.json: set "a": edges[0]: field "from" = "a": invalid value: a ref is written "framework/id"`},
		{"bad kind", `{"id":"a","from":"x:1","to":"y:1","kind":"mapping","source":"s","edges":[]}`,
			mappings.ErrInvalidValue, `bad.json: set "a": field "kind" = "mapping": invalid value`},
		{"in document", `{"mappings":[{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"","edges":[]}]}`,
			mappings.ErrEmptyField, `bad.json: set "a": mappings[0]: field "source": required field is empty`},
		{"mixed shapes", `{"id":"a","mappings":[]}`, mappings.ErrMalformed, `bad.json: malformed input: a document is either one set object`},
		{"syntax", "{\n\"id\": [", mappings.ErrMalformed, `bad.json:2: malformed input`},
		{"trailing", `{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[]} {}`, mappings.ErrMalformed, `bad.json:1: malformed input`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := mappings.ReadJSON("bad.json", []byte(c.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, c.kind)
			assert.Contains(t, err.Error(), c.want)
			var p *catalog.DataError
			require.True(t, errors.As(err, &p))
			assert.Equal(t, "bad.json", p.File)
		})
	}
}

const acmeCSV = `from,to,relationship,strength,rationale,source,label,note
AC-1,5.1,subset-of,7,semantic,,,
acme:1/AC-2,iso27002:2022/5.15,equal,,,other-doc,,as printed
AC-3,8.2,related,,,,see also,
`

func acmeMeta() mappings.Set {
	return mappings.Set{ID: "acme", From: "acme:1", To: catalog.ISO27002v2022, Source: mappings.Source{ID: "acme-doc"}}
}

func TestReadCSV(t *testing.T) {
	s, err := mappings.ReadCSV("acme.csv", strings.NewReader(acmeCSV), acmeMeta())
	require.NoError(t, err)
	assert.Equal(t, mappings.Crosswalk, s.Kind)
	assert.Equal(t, []mappings.Edge{
		{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.SubsetOf, Strength: 7, HasStrength: true, Rationale: mappings.Semantic, Source: "acme-doc"},
		{From: catalog.NewRef("acme:1", "AC-2"), To: catalog.NewRef(catalog.ISO27002v2022, "5.15"), Relationship: mappings.Equal, Source: "other-doc", Note: "as printed"},
		{From: catalog.NewRef("acme:1", "AC-3"), To: catalog.NewRef(catalog.ISO27002v2022, "8.2"), Relationship: mappings.Related, Source: "acme-doc", Label: "see also"},
	}, s.Edges)

	var buf bytes.Buffer
	require.NoError(t, mappings.WriteCSV(&buf, s))
	back, err := mappings.ReadCSV("again.csv", &buf, acmeMeta())
	require.NoError(t, err)
	assert.Equal(t, s, back)
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct {
		name, csv string
		kind      error
		want      string
	}{
		{"unknown column", "from,to,relationship,colour\n", mappings.ErrUnknownField, `x.csv:1: set "acme": field "column 4" = "colour": unknown field`},
		{"missing column", "from,relationship\n", mappings.ErrEmptyField, `x.csv:1: set "acme": field "to": required field is empty: the header has no "to" column`},
		{"header after blank lines", "\n\nfrom,relationship\n", mappings.ErrEmptyField, `x.csv:3: set "acme": field "to": required field is empty`},
		{"no header", "", mappings.ErrMalformed, `x.csv:1: set "acme": malformed input: no header row`},
		{"bad relationship", "from,to,relationship\nAC-1,5.1,equal\nAC-1,5.2,same-ish\n", mappings.ErrUnknownRelationship,
			`x.csv:3: set "acme": field "relationship" = "same-ish": unknown relationship`},
		{"bad strength", "from,to,relationship,strength\nAC-1,5.1,equal,-1\n", mappings.ErrInvalidValue, `x.csv:2: set "acme": field "strength" = "-1": invalid value`},
		{"empty from", "from,to,relationship\n,5.1,equal\n", mappings.ErrEmptyField, `x.csv:2: set "acme": field "from": required field is empty`},
		{"field count", "from,to,relationship\nAC-1,5.1\n", mappings.ErrMalformed, `x.csv:2: set "acme": field "column 1": malformed input: wrong number of fields`},
		{"bad rationale", "from,to,relationship,rationale\nAC-1,5.1,equal,vibes\n", mappings.ErrInvalidValue, `x.csv:2: set "acme": field "rationale" = "vibes"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := mappings.ReadCSV("x.csv", strings.NewReader(c.csv), acmeMeta())
			require.Error(t, err)
			assert.ErrorIs(t, err, c.kind)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestBrokenUserSet: a user's set with a dangling ID, an unknown relationship and a
// duplicate gets exactly one precise line per problem.
func TestBrokenUserSet(t *testing.T) {
	const broken = `from,to,relationship
GV.OC-01,5.1,related
GV.OC-01,9.99,related
GV.OC-02,5.2,kind-of
GV.OC-01,5.1,related
GV.OC-03,5.3,equal
GV.OC-03,5.3,subset-of
`
	meta := mappings.Set{ID: "mine", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "my-doc"}}
	_, problems := mappings.CheckCSV("mine.csv", strings.NewReader(broken), meta, catalog.Default())
	var lines []string
	for _, p := range problems {
		lines = append(lines, p.Error())
	}
	assert.Equal(t, []string{
		`mine.csv:3: set "mine": edge (nist-csf:2.0/GV.OC-01 → iso27002:2022/9.99): field "to" = "iso27002:2022/9.99": no such control in the catalog: iso27002:2022 has no control "9.99"`,
		`mine.csv:4: set "mine": field "relationship" = "kind-of": unknown relationship: want equal, subset-of, superset-of, intersects-with, not-related-to or related`,
		`mine.csv:5: set "mine": edge (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1): duplicate edge: same as line 2 (nist-csf:2.0/GV.OC-01 related iso27002:2022/5.1, source "my-doc")`,
		`mine.csv:7: set "mine": edge (nist-csf:2.0/GV.OC-03 → iso27002:2022/5.3): field "relationship" = "subset-of": contradictory edges: line 6 says nist-csf:2.0/GV.OC-03 equal iso27002:2022/5.3 from the same source "my-doc"`,
	}, lines)
	assert.True(t, mappings.HasErrors(problems))
	assert.ErrorIs(t, problems[0], mappings.ErrDanglingRef)
	assert.ErrorIs(t, problems[1], mappings.ErrUnknownRelationship)
	assert.ErrorIs(t, problems[2], mappings.ErrDuplicateEdge)
	assert.ErrorIs(t, problems[3], mappings.ErrContradiction)
	assert.ErrorIs(t, mappings.Errors(problems), mappings.ErrContradiction)
}

func TestValidateProblems(t *testing.T) {
	cat := catalog.Default()
	s := mappings.Set{
		ID: "v", From: catalog.CSF20, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
		Edges: []mappings.Edge{
			{From: catalog.NewRef(catalog.CSF20, "GV.RM-07"), To: catalog.NewRef(catalog.ISO27001v2022, "6.11"), Relationship: mappings.Related, Source: "d"},
			{From: catalog.NewRef(catalog.CSF20, "GV.OC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.Related, Source: "d"},
			{From: catalog.NewRef(catalog.CSF11, "ID.AM-1"), To: catalog.NewRef(catalog.ISO27001v2022, "4.1"), Relationship: mappings.Related, Source: "d"},
			{From: catalog.NewRef(catalog.CSF20, "GV"), To: catalog.NewRef(catalog.ISO27001v2022, "4.1"), Relationship: 0},
			{From: catalog.NewRef(catalog.CSF20, "GV"), To: catalog.NewRef(catalog.ISO27001v2022, "4.2"), Relationship: mappings.Equal, Source: "d", Strength: 12, HasStrength: true, Rationale: "gut"},
			{From: catalog.NewRef(catalog.CSF20, "GV"), To: catalog.NewRef("nowhere:1", "x"), Relationship: mappings.Equal, Source: "d"},
		},
		Statements: []mappings.Statement{{Ref: catalog.NewRef(catalog.CSF20, "GV"), Kind: "maybe"}},
	}
	var got []string
	for _, p := range mappings.Validate(s, cat) {
		got = append(got, p.Error())
	}
	assert.Equal(t, []string{
		`set "v": edge #1 (nist-csf:2.0/GV.RM-07 → iso27001:2022/6.11): field "to" = "iso27001:2022/6.11": no such control in the catalog: NIST's CSF 2.0 informative references (GV.RM-07) print iso27001:2022/6.1.1 as "6.11"; read it as iso27001:2022/6.1.1`,
		`set "v": edge #2 (nist-csf:2.0/GV.OC-1 → iso27002:2022/5.1): field "from" = "nist-csf:2.0/GV.OC-1": no such control in the catalog: did you mean nist-csf:2.0/GV.OC-01?`,
		`set "v": edge #3 (nist-csf:1.1/ID.AM-1 → iso27001:2022/4.1): field "from" = "nist-csf:1.1/ID.AM-1": framework differs from the set's: the set's "from" framework is nist-csf:2.0`,
		`set "v": edge #4 (nist-csf:2.0/GV → iso27001:2022/4.1): field "relationship" = "Relationship(0)": unknown relationship: want equal, subset-of, superset-of, intersects-with, not-related-to or related`,
		`set "v": edge #4 (nist-csf:2.0/GV → iso27001:2022/4.1): field "source": required field is empty: every edge names its source document`,
		`set "v": edge #5 (nist-csf:2.0/GV → iso27001:2022/4.2): field "strength" = "12": invalid value: a strength is 0 to 10`,
		`set "v": edge #5 (nist-csf:2.0/GV → iso27001:2022/4.2): field "rationale" = "gut": invalid value: want syntactic, semantic or functional`,
		`set "v": edge #6 (nist-csf:2.0/GV → nowhere:1/x): field "to" = "nowhere:1/x": framework differs from the set's: the set's "to" framework is iso27001:2022`,
		`set "v": edge #6 (nist-csf:2.0/GV → nowhere:1/x): field "to" = "nowhere:1/x": no such control in the catalog: framework "nowhere:1" is not in the catalog`,
		`set "v": statement #1 (nist-csf:2.0/GV maybe): field "kind" = "maybe": invalid value: unknown statement kind`,
	}, got)

	loop := mappings.Set{ID: "l", From: catalog.ISO27002v2022, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
		Edges: []mappings.Edge{{From: catalog.NewRef(catalog.ISO27002v2022, "5.1"), To: catalog.NewRef(catalog.ISO27001v2022, "A.5.1"), Relationship: mappings.Equal, Source: "d"}}}
	ps := mappings.Validate(loop, cat)
	require.Len(t, ps, 2, "%v", ps)
	assert.ErrorIs(t, ps[0], mappings.ErrFrameworkMismatch)
	assert.ErrorIs(t, ps[1], mappings.ErrSelfLoop)

	empty := mappings.Validate(mappings.Set{}, cat)
	require.Len(t, empty, 5)
	assert.ErrorIs(t, empty[0], mappings.ErrEmptyField)
	assert.ErrorIs(t, empty[3], mappings.ErrInvalidValue)
}

func TestCheckJSON(t *testing.T) {
	doc := `{"id":"j","from":"nist-csf:2.0","to":"iso27002:2022","kind":"crosswalk","source":"d","edges":[
{"from":"nist-csf:2.0/GV.OC-01","to":"iso27002:2022/5.1","relationship":"related"},
{"from":"nist-csf:2.0/GV.OC-01","to":"iso27002:2022/5.1","relationship":"related"}]}`
	sets, problems := mappings.CheckJSON("j.json", []byte(doc), nil)
	require.Len(t, sets, 1)
	require.Len(t, problems, 1)
	assert.Equal(t, `j.json: set "j": edge #2 (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1): duplicate edge: same as edge #1 (nist-csf:2.0/GV.OC-01 related iso27002:2022/5.1, source "d")`, problems[0].Error())

	_, problems = mappings.CheckJSON("j.json", []byte(`{"id":1}`), nil)
	require.Len(t, problems, 1)
	assert.ErrorIs(t, problems[0], mappings.ErrMalformed)
}

func FuzzReadCSV(f *testing.F) {
	f.Add(acmeCSV)
	f.Add("from,to,relationship\nAC-1,5.1,equal\n")
	f.Add("from,to,relationship,strength\n\"a\nb\",x:1/y,subset,10\n")
	f.Add("\ufefffrom,TO,Relationship\n,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := mappings.ReadCSV("f.csv", strings.NewReader(in), acmeMeta())
		if err != nil {
			var p *catalog.DataError
			require.True(t, errors.As(err, &p), "%v", err)
			assert.NotContains(t, p.Error(), "\n", "one problem, one line")
			return
		}
		// What was read writes and reads back the same.
		var buf bytes.Buffer
		require.NoError(t, mappings.WriteCSV(&buf, s))
		back, err := mappings.ReadCSV("f.csv", &buf, acmeMeta())
		require.NoError(t, err)
		assert.Equal(t, s, back)
		_, _ = mappings.CheckCSV("f.csv", strings.NewReader(in), acmeMeta(), catalog.Default())
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","from":"x:1","to":"y:1","kind":"crosswalk","source":"s","edges":[{"from":"x:1/a","to":"y:1/b","relationship":"equal","strength":3}]}`))
	f.Add([]byte(`{"mappings":[{"id":"a","from":"x:1","to":"y:1","kind":"succession","source":"s","edges":[],"statements":[{"ref":"x:1/a","kind":"empty"}]}]}`))
	f.Add([]byte(`{"frameworks":[]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, in []byte) {
		sets, err := mappings.ReadJSON("f.json", in)
		if err != nil {
			var p *catalog.DataError
			require.True(t, errors.As(err, &p), "%v", err)
			return
		}
		var buf bytes.Buffer
		require.NoError(t, mappings.WriteJSON(&buf, sets...))
		if len(sets) == 0 {
			return
		}
		back, err := mappings.ReadJSON("f.json", buf.Bytes())
		require.NoError(t, err)
		assert.Equal(t, sets, back)
	})
}

func TestResolve(t *testing.T) {
	s := mappings.Set{ID: "r", From: catalog.CSF20, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
		Edges: []mappings.Edge{
			{From: catalog.NewRef(catalog.CSF20, "gv.oc-1"), To: catalog.NewRef(catalog.ISO27001v2022, "A.5.1"), Relationship: mappings.Related, Source: "d"},
			{From: catalog.NewRef(catalog.CSF20, "XX-1"), To: catalog.NewRef(catalog.ISO27001v2022, "6.1.2"), Relationship: mappings.Related, Source: "d"},
		}}
	got := mappings.Resolve(s, nil)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "GV.OC-01"), got.Edges[0].From)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "5.1"), got.Edges[0].To)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "XX-1"), got.Edges[1].From, "unresolvable refs stay for Validate")
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "gv.oc-1"), s.Edges[0].From, "the input is not changed")
	ps := mappings.Validate(got, nil)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], mappings.ErrDanglingRef)
}

// What WriteCSV says CSV cannot keep: white space at either end of a note or label.
func TestCSVTrimsCells(t *testing.T) {
	s := acmeMeta()
	s.Kind = mappings.Crosswalk
	s.Edges = []mappings.Edge{{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"),
		Relationship: mappings.Equal, Source: "acme-doc", Note: " as printed ", Label: "l "}}
	var buf bytes.Buffer
	require.NoError(t, mappings.WriteCSV(&buf, s))
	back, err := mappings.ReadCSV("x.csv", &buf, acmeMeta())
	require.NoError(t, err)
	assert.Equal(t, "as printed", back.Edges[0].Note)
	assert.Equal(t, "l", back.Edges[0].Label)
}

// A check agrees with loading: a ref the catalog resolves within its framework
// ("GV.OC-1" for CSF 2.0's GV.OC-01) is resolved before validation, as loading
// resolves it (a review found validate refusing what --mappings loads).
func TestCheckResolvesAsLoadingDoes(t *testing.T) {
	csv := "from,to,relationship\nGV.OC-1,5.1,related\n"
	meta := mappings.Set{ID: "s", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "s"}}
	s, ps := mappings.CheckCSV("s.csv", strings.NewReader(csv), meta, nil)
	assert.Empty(t, ps)
	require.Len(t, s.Edges, 1)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "GV.OC-01"), s.Edges[0].From)

	doc := `{"id":"j","from":"nist-csf:2.0","to":"iso27002:2022","kind":"crosswalk","source":"j",` +
		`"edges":[{"from":"nist-csf:2.0/GV.OC-1","to":"iso27002:2022/5.1","relationship":"related"}]}`
	sets, ps := mappings.CheckJSON("j.json", []byte(doc), nil)
	assert.Empty(t, ps)
	require.Len(t, sets, 1)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "GV.OC-01"), sets[0].Edges[0].From)
}
