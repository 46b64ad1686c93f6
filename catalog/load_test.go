package catalog_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dataErrors unpacks the joined errors of a loader into its *DataError values.
func dataErrors(t *testing.T, err error) []*catalog.DataError {
	t.Helper()
	require.Error(t, err)
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []*catalog.DataError
	for _, e := range errs {
		var de *catalog.DataError
		if errors.As(e, &de) {
			out = append(out, de)
		}
	}
	require.NotEmpty(t, out, "no *DataError in %v", err)
	return out
}

// want is the position and kind of one expected problem.
type want struct {
	line          int
	record, field string
	value         string
	err           error
}

func checkErrors(t *testing.T, file string, err error, wants ...want) {
	t.Helper()
	got := dataErrors(t, err)
	require.Len(t, got, len(wants), "%v", err)
	for i, w := range wants {
		g := got[i]
		assert.Equal(t, file, g.File, "file of #%d", i)
		assert.Equal(t, w.line, g.Line, "line of #%d: %v", i, g)
		assert.Equal(t, w.record, g.Record, "record of #%d: %v", i, g)
		assert.Equal(t, w.field, g.Field, "field of #%d: %v", i, g)
		assert.Equal(t, w.value, g.Value, "value of #%d: %v", i, g)
		assert.ErrorIs(t, g, w.err, "#%d", i)
	}
}

const goodJSON = `{
  "id": "acme:1",
  "name": "ACME controls",
  "version": "1",
  "controls": [
    {"id": "AC", "title": "Access control", "kind": "domain"},
    {"id": "AC-1", "title": "Access policy", "kind": "control", "parent": "AC", "attributes": {"level": ["basic"]}}
  ]
}
`

func TestReadJSON(t *testing.T) {
	fws, err := catalog.ReadJSON("acme.json", []byte(goodJSON))
	require.NoError(t, err)
	require.Len(t, fws, 1)
	assert.Equal(t, catalog.FrameworkID("acme:1"), fws[0].ID)
	assert.Equal(t, []catalog.ControlSpec{
		{ID: "AC", Title: "Access control", Kind: "domain"},
		{ID: "AC-1", Title: "Access policy", Kind: catalog.KindControl, Parent: "AC", Attributes: map[string][]string{"level": {"basic"}}},
	}, fws[0].Controls)

	// With a byte order mark, and as an export document.
	fws, err = catalog.ReadJSON("bom.json", append([]byte("\xef\xbb\xbf"), goodJSON...))
	require.NoError(t, err)
	assert.Len(t, fws, 1)
	doc := `{"frameworks": [` + goodJSON + `, ` + strings.Replace(goodJSON, "acme:1", "acme:2", 1) + `], "mappings": []}`
	fws, err = catalog.ReadJSON("doc.json", []byte(doc))
	require.NoError(t, err)
	require.Len(t, fws, 2)
	assert.Equal(t, catalog.FrameworkID("acme:2"), fws[1].ID)
}

func TestReadJSONItemKinds(t *testing.T) {
	in := strings.Replace(goodJSON, `"version": "1",`, `"version": "1", "item_kinds": ["control"],`, 1)
	fws, err := catalog.ReadJSON("acme.json", []byte(in))
	require.NoError(t, err)
	assert.Equal(t, []catalog.Kind{catalog.KindControl}, fws[0].ItemKinds)
	var b bytes.Buffer
	require.NoError(t, catalog.WriteJSON(&b, fws...))
	assert.Contains(t, b.String(), `"item_kinds": [`)
	back, err := catalog.ReadJSON("back.json", b.Bytes())
	require.NoError(t, err)
	assert.Equal(t, fws, back)

	_, err = catalog.ReadJSON("bad.json", []byte(strings.Replace(in, `["control"]`, `["Not A Kind"]`, 1)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "item_kinds")
	assert.Contains(t, err.Error(), "Not A Kind")
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		wants []want
	}{
		{
			name: "unknown field",
			in: `{"id": "acme:1", "name": "A", "version": "1", "controls": [
  {"id": "AC", "title": "Access control", "kind": "domain"},
  {"id": "AC-1", "title": "Access policy", "kind": "control",
   "colour": "red"}
]}`,
			wants: []want{{line: 4, record: "framework.controls[1]", field: "colour", err: catalog.ErrUnknownField}},
		},
		{
			name:  "field twice",
			in:    "{\"id\": \"acme:1\", \"name\": \"A\", \"version\": \"1\", \"controls\": [\n{\"id\": \"x\", \"title\": \"X\",\n \"title\": \"Y\"}]}",
			wants: []want{{line: 3, record: "framework.controls[0]", field: "title", err: catalog.ErrMalformed}},
		},
		{
			name:  "unknown top-level field",
			in:    "{\"id\": \"acme:1\",\n \"name\": \"A\",\n \"vers\": \"1\", \"controls\": []}",
			wants: []want{{line: 3, record: "framework", field: "vers", err: catalog.ErrUnknownField}},
		},
		{
			name:  "unknown field in a document",
			in:    "{\"frameworks\": [{\"id\": \"acme:1\", \"name\": \"A\", \"version\": \"1\", \"controls\": []},\n{\"id\": \"acme:2\", \"name\": \"B\", \"version\": \"1\", \"controls\": [{\"id\": \"x\", \"title\": \"X\", \"kind\": \"control\", \"x\": 1}]}]}",
			wants: []want{{line: 2, record: "frameworks[1].controls[0]", field: "x", err: catalog.ErrUnknownField}},
		},
		{
			name:  "wrong type",
			in:    "{\"id\": \"acme:1\",\n \"name\": \"A\",\n \"version\": 1, \"controls\": []}",
			wants: []want{{line: 3, record: "framework", field: "version", err: catalog.ErrMalformed}},
		},
		{
			name:  "wrong type in an attribute",
			in:    "{\"id\": \"acme:1\", \"name\": \"A\", \"version\": \"1\", \"controls\": [\n{\"id\": \"x\", \"title\": \"X\", \"kind\": \"control\", \"attributes\": {\"level\": \"basic\"}}]}",
			wants: []want{{line: 2, record: "framework.controls[0]", field: "attributes.level", err: catalog.ErrMalformed}},
		},
		{
			name:  "malformed",
			in:    "{\"id\": \"acme:1\",\n \"name\": \"A\" \"version\": \"1\"}",
			wants: []want{{line: 2, record: "framework", field: "name", err: catalog.ErrMalformed}},
		},
		{
			name:  "trailing data",
			in:    goodJSON + "\n{}",
			wants: []want{{line: 11, err: catalog.ErrMalformed}},
		},
		{
			name:  "empty",
			in:    "",
			wants: []want{{line: 1, err: catalog.ErrMalformed}},
		},
		{
			name: "duplicate ID, empty title, dangling parent",
			in: `{"id": "acme:1", "name": "A", "version": "1", "controls": [
  {"id": "AC", "title": "Access control", "kind": "domain"},
  {"id": "AC", "title": " ", "kind": "control", "parent": "XX"}
]}`,
			wants: []want{
				{line: 3, record: `framework.controls[1] (id "AC")`, field: "id", value: "AC", err: catalog.ErrDuplicateID},
				{line: 3, record: `framework.controls[1] (id "AC")`, field: "title", err: catalog.ErrEmptyField},
				{line: 3, record: `framework.controls[1] (id "AC")`, field: "parent", value: "XX", err: catalog.ErrDanglingParent},
			},
		},
		{
			name: "parent cycle",
			in: `{"id": "acme:1", "name": "A", "version": "1", "controls": [
  {"id": "A", "title": "A", "kind": "control", "parent": "C"},
  {"id": "B", "title": "B", "kind": "control", "parent": "A"},
  {"id": "C", "title": "C", "kind": "control", "parent": "B"},
  {"id": "D", "title": "D", "kind": "control", "parent": "D"},
  {"id": "E", "title": "E", "kind": "control", "parent": "A"}
]}`,
			wants: []want{
				{line: 5, record: `framework.controls[3] (id "D")`, field: "parent", value: "D", err: catalog.ErrParentCycle},
				{line: 2, record: `framework.controls[0] (id "A")`, field: "parent", value: "C", err: catalog.ErrParentCycle},
				{line: 3, record: `framework.controls[1] (id "B")`, field: "parent", value: "A", err: catalog.ErrParentCycle},
				{line: 4, record: `framework.controls[2] (id "C")`, field: "parent", value: "B", err: catalog.ErrParentCycle},
			},
		},
		{
			name: "bad framework ID, missing name, bad kind, empty ID and attribute value",
			in: `{"id": "ACME 1", "name": "", "version": "1", "controls": [
  {"id": "", "title": "A", "kind": "control"},
  {"id": "x", "title": "X", "kind": "Big Kind", "attributes": {"level": ["basic", " "]}}
]}`,
			wants: []want{
				{line: 1, record: "framework", field: "id", value: "ACME 1", err: catalog.ErrInvalidValue},
				{line: 1, record: "framework", field: "name", err: catalog.ErrEmptyField},
				{line: 2, record: "framework.controls[0]", field: "id", err: catalog.ErrEmptyField},
				{line: 3, record: `framework.controls[1] (id "x")`, field: "kind", value: "Big Kind", err: catalog.ErrInvalidValue},
				{line: 3, record: `framework.controls[1] (id "x")`, field: "attributes.level", value: " ", err: catalog.ErrInvalidValue},
			},
		},
		{
			name:  "ID with a slash",
			in:    `{"id": "acme:1", "name": "A", "version": "1", "controls": [{"id": "a/b", "title": "A", "kind": "control"}]}`,
			wants: []want{{line: 1, record: `framework.controls[0] (id "a/b")`, field: "id", value: "a/b", err: catalog.ErrInvalidValue}},
		},
		{
			name:  "duplicate framework in a document",
			in:    `{"frameworks": [` + goodJSON + `, ` + goodJSON + `]}`,
			wants: []want{{line: 10, record: "frameworks[1]", field: "id", value: "acme:1", err: catalog.ErrDuplicateFramework}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fws, err := catalog.ReadJSON("in.json", []byte(tt.in))
			assert.Nil(t, fws)
			checkErrors(t, "in.json", err, tt.wants...)
		})
	}
}

func TestReadJSONErrorText(t *testing.T) {
	_, err := catalog.ReadJSON("in.json", []byte("{\"id\": \"acme:1\",\n \"name\": \"A\",\n \"vers\": \"1\", \"controls\": []}"))
	assert.EqualError(t, err, `in.json:3: framework: field "vers": unknown field (column 9)`)
	_, err = catalog.ReadJSON("in.json", []byte(`{"id": "acme:1", "name": "A", "version": "1", "controls": [{"id": "AC", "title": "", "kind": "control"}]}`))
	assert.EqualError(t, err, `in.json:1: framework.controls[0] (id "AC"): field "title": required field is empty`)
}

const goodCSV = "id,title,kind,parent,level,tags\n" +
	"AC,Access control,domain,,,\n" +
	"AC-1,Access policy,control,AC,basic,a;b\n" +
	"AC-2,\"Account review, yearly\",,AC,advanced,\n"

func TestReadCSV(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1", Aliases: []string{"acme"}}
	f, err := catalog.ReadCSV("acme.csv", strings.NewReader(goodCSV), meta)
	require.NoError(t, err)
	assert.Equal(t, meta.ID, f.ID)
	assert.Equal(t, []string{"acme"}, f.Aliases)
	assert.Equal(t, []catalog.ControlSpec{
		{ID: "AC", Title: "Access control", Kind: "domain"},
		{ID: "AC-1", Title: "Access policy", Kind: "control", Parent: "AC", Attributes: map[string][]string{"level": {"basic"}, "tags": {"a", "b"}}},
		{ID: "AC-2", Title: "Account review, yearly", Parent: "AC", Attributes: map[string][]string{"level": {"advanced"}}},
	}, f.Controls)

	// Header case, spaces and a byte order mark do not matter; blank lines are skipped.
	f, err = catalog.ReadCSV("acme.csv", strings.NewReader("\ufeff ID , Title \n\nX-1, First \n\n"), meta)
	require.NoError(t, err)
	assert.Equal(t, []catalog.ControlSpec{{ID: "X-1", Title: "First"}}, f.Controls)

	// The result can be built into a catalog.
	c, err := catalog.New(meta)
	require.NoError(t, err)
	assert.Equal(t, 0, c.Len("acme:1"))
}

func TestReadCSVErrors(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"}
	tests := []struct {
		name  string
		in    string
		meta  *catalog.Framework
		wants []want
	}{
		{name: "empty", in: "", wants: []want{{line: 1, err: catalog.ErrMalformed}}},
		{
			name:  "no id or title column",
			in:    "name,kind\nx,control\n",
			wants: []want{{line: 1, field: "id", err: catalog.ErrEmptyField}, {line: 1, field: "title", err: catalog.ErrEmptyField}},
		},
		{
			name:  "column twice, empty column name",
			in:    "id,title,Title,\nx,X,Y,z\n",
			wants: []want{{line: 1, field: "title", err: catalog.ErrDuplicateID}, {line: 1, field: "column 4", err: catalog.ErrEmptyField}},
		},
		{
			name:  "header after blank lines",
			in:    "\n\nid,name\nx,X\n",
			wants: []want{{line: 3, field: "title", err: catalog.ErrEmptyField}},
		},
		{
			name:  "ragged row",
			in:    "id,title,parent\nA,Alpha,\nB,Beta\n",
			wants: []want{{line: 3, err: catalog.ErrMalformed}},
		},
		{
			name:  "bare quote",
			in:    "id,title\nA,Al\"pha\n",
			wants: []want{{line: 2, field: "column 5", err: catalog.ErrMalformed}},
		},
		{
			name:  "unterminated quote",
			in:    "id,title\nA,\"Alpha\nB,Beta\n",
			wants: []want{{line: 3, field: "column 8", err: catalog.ErrMalformed}},
		},
		{
			name: "duplicate ID, empty title, dangling parent",
			in:   "id,title,parent\nA,Alpha,\nB,,\n\nA,Again,Z\n",
			wants: []want{
				{line: 3, record: `row 2 (id "B")`, field: "title", err: catalog.ErrEmptyField},
				{line: 5, record: `row 3 (id "A")`, field: "id", value: "A", err: catalog.ErrDuplicateID},
				{line: 5, record: `row 3 (id "A")`, field: "parent", value: "Z", err: catalog.ErrDanglingParent},
			},
		},
		{
			name: "parent cycle",
			in:   "id,title,parent\nA,Alpha,B\nB,Beta,A\n",
			wants: []want{
				{line: 2, record: `row 1 (id "A")`, field: "parent", value: "B", err: catalog.ErrParentCycle},
				{line: 3, record: `row 2 (id "B")`, field: "parent", value: "A", err: catalog.ErrParentCycle},
			},
		},
		{
			name:  "bad kind",
			in:    "id,title,kind\nA,Alpha,sub kind\n",
			wants: []want{{line: 2, record: `row 1 (id "A")`, field: "kind", value: "sub kind", err: catalog.ErrInvalidValue}},
		},
		{
			name:  "empty ID",
			in:    "id,title\n,Alpha\n",
			wants: []want{{line: 2, record: "row 1", field: "id", err: catalog.ErrEmptyField}},
		},
		{
			name: "bad framework ID in meta",
			in:   "id,title\nA,Alpha\n",
			meta: &catalog.Framework{ID: "Acme One", Name: ""},
			wants: []want{
				{field: "id", value: "Acme One", err: catalog.ErrInvalidValue},
				{field: "name", err: catalog.ErrEmptyField},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meta
			if tt.meta != nil {
				m = *tt.meta
			}
			f, err := catalog.ReadCSV("in.csv", strings.NewReader(tt.in), m)
			assert.Empty(t, f.Controls)
			checkErrors(t, "in.csv", err, tt.wants...)
		})
	}
	_, err := catalog.ReadCSV("in.csv", strings.NewReader("id,title,parent\nA,Alpha,\nB,Beta\n"), meta)
	assert.EqualError(t, err, `in.csv:3: malformed input: the header has 3 columns, this row 2`)
	_, err = catalog.ReadCSV("in.csv", strings.NewReader("id,title\nA,\n"), meta)
	assert.EqualError(t, err, `in.csv:2: row 1 (id "A"): field "title": required field is empty`)
}

func TestReadCSVTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title\n")
	for range 150 {
		b.WriteString("A,\n")
	}
	_, err := catalog.ReadCSV("in.csv", strings.NewReader(b.String()), catalog.Framework{ID: "acme:1", Name: "A"})
	require.Error(t, err)
	// 150 empty titles and 149 duplicates: 100 reported, the rest counted.
	assert.Len(t, dataErrors(t, err), 100)
	assert.Contains(t, err.Error(), "... and 199 more problems")
}

func TestNewErrors(t *testing.T) {
	good := tinyFramework()
	annex := catalog.Framework{ID: "annex:1", Name: "Annex", AnnexOf: "missing:1"}
	self := catalog.Framework{ID: "self:1", Name: "Self", AnnexOf: "self:1"}
	bad := catalog.Framework{ID: "Bad", Name: "Bad"}
	_, err := catalog.New(good, good, annex, self, bad)
	errs := dataErrors(t, err)
	require.Len(t, errs, 4, "%v", err)
	assert.ErrorIs(t, errs[0], catalog.ErrDuplicateFramework)
	assert.Equal(t, `framework "acme:1"`, errs[0].Record)
	assert.ErrorIs(t, errs[1], catalog.ErrInvalidValue)
	assert.Equal(t, "framework #5", errs[1].Record)
	assert.Equal(t, "Bad", errs[1].Value)
	assert.ErrorIs(t, errs[2], catalog.ErrUnknownAnnex)
	assert.Equal(t, "missing:1", errs[2].Value)
	assert.ErrorIs(t, errs[3], catalog.ErrUnknownAnnex)
	assert.Equal(t, "self:1", errs[3].Value)

	dup := tinyFramework()
	dup.Controls = append(dup.Controls, catalog.ControlSpec{ID: "AC-1", Title: "Again", Parent: "AC"})
	_, err = catalog.New(dup)
	errs = dataErrors(t, err)
	require.Len(t, errs, 1)
	assert.Equal(t, `framework "acme:1" control #4 "AC-1"`, errs[0].Record)
	assert.Equal(t, "id", errs[0].Field)
	assert.ErrorIs(t, err, catalog.ErrDuplicateID)
	assert.EqualError(t, err, `framework "acme:1" control #4 "AC-1": field "id" = "AC-1": duplicate ID`)

	// An empty catalog is fine.
	c, err := catalog.New()
	require.NoError(t, err)
	assert.Empty(t, collectInfos(c))
}

func collectInfos(c *catalog.Catalog) []catalog.Info {
	var out []catalog.Info
	for in := range c.Frameworks() {
		out = append(out, in)
	}
	return out
}

func TestNewOwnFramework(t *testing.T) {
	f := tinyFramework()
	c, err := catalog.New(append(catalog.Embedded(), f)...)
	require.NoError(t, err)
	// SP 800-53 has an AC-1 too: a bare ID is not guessed.
	_, err = c.ParseRef("ac-1")
	require.ErrorIs(t, err, catalog.ErrAmbiguous)
	assert.Contains(t, err.Error(), "sp800-53:5/AC-1 or acme:1/AC-1")
	r, err := c.ParseRef("ac-1", "acme:1")
	require.NoError(t, err)
	assert.Equal(t, catalog.NewRef("acme:1", "AC-1"), r)
	r, err = c.ParseRef("acme-controls:AC-2")
	require.NoError(t, err)
	assert.Equal(t, catalog.NewRef("acme:1", "AC-2"), r)
	r, err = c.ParseRef("acme AC")
	require.NoError(t, err)
	assert.Equal(t, catalog.NewRef("acme:1", "AC"), r)
	assert.Equal(t, []string{"AC-1", "AC-2"}, ids(c.Children(catalog.NewRef("acme:1", "AC"))))
	assert.Equal(t, []string{"AC-2"}, ids(c.Controls("acme:1", catalog.Where("level", "Advanced"))))
	in, ok := c.Framework("acme:1")
	require.True(t, ok)
	assert.Equal(t, []catalog.KindCount{{"domain", 1}, {catalog.KindControl, 2}}, in.Counts)
	// The embedded frameworks keep their order, the caller's come after.
	assert.Negative(t, c.Compare(catalog.NewRef(catalog.CSF11, "RC.CO-3"), catalog.NewRef("acme:1", "AC")))
	spec, ok := c.Spec("acme:1")
	require.True(t, ok)
	assert.Equal(t, catalog.KindControl, spec.Controls[1].Kind, "an empty kind is stored as control")
}

func TestJSONRoundTrip(t *testing.T) {
	for _, f := range catalog.Embedded() {
		t.Run(string(f.ID), func(t *testing.T) {
			var first bytes.Buffer
			require.NoError(t, catalog.WriteJSON(&first, f))
			back, err := catalog.ReadJSON("export.json", first.Bytes())
			require.NoError(t, err)
			require.Len(t, back, 1)
			assert.Equal(t, f, back[0])
			var second bytes.Buffer
			require.NoError(t, catalog.WriteJSON(&second, back...))
			assert.Equal(t, first.String(), second.String())

			// One framework object, as in catalog/data, reads back the same.
			b, err := f.MarshalJSON()
			require.NoError(t, err)
			one, err := catalog.ReadJSON("one.json", b)
			require.NoError(t, err)
			assert.Equal(t, []catalog.Framework{f}, one)
		})
	}
	// All frameworks in one document.
	all := catalog.Embedded()
	var b bytes.Buffer
	require.NoError(t, catalog.WriteJSON(&b, all...))
	back, err := catalog.ReadJSON("all.json", b.Bytes())
	require.NoError(t, err)
	assert.Equal(t, all, back)
	c, err := catalog.New(back...)
	require.NoError(t, err)
	assert.Equal(t, collectInfos(catalog.Default()), collectInfos(c))
}

func TestCSVRoundTrip(t *testing.T) {
	for _, f := range append(catalog.Embedded(), tinyFramework()) {
		t.Run(string(f.ID), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, catalog.WriteCSV(&b, f))
			meta := f
			meta.Controls = nil
			back, err := catalog.ReadCSV("export.csv", &b, meta)
			require.NoError(t, err)
			want := f
			for i, s := range want.Controls {
				if s.Kind == "" {
					want.Controls[i].Kind = catalog.KindControl
				}
			}
			assert.Equal(t, want, back)
			var again bytes.Buffer
			require.NoError(t, catalog.WriteCSV(&again, back))
			var first bytes.Buffer
			require.NoError(t, catalog.WriteCSV(&first, f))
			assert.Equal(t, first.String(), again.String())
		})
	}
}

func TestWriteCSV(t *testing.T) {
	f := catalog.Framework{ID: "acme:1", Name: "A", Controls: []catalog.ControlSpec{
		{ID: "X", Title: "Semi; colon", Attributes: map[string][]string{"note": {`a;b`, `c\d`}, "level": {"1"}}},
		{ID: "Y", Title: "Plain", Parent: "X", Summary: "Own words"},
	}}
	var b bytes.Buffer
	require.NoError(t, catalog.WriteCSV(&b, f))
	assert.Equal(t, "id,title,kind,parent,summary,level,note\n"+
		"X,Semi; colon,control,,,1,a\\;b;c\\\\d\n"+
		"Y,Plain,control,X,Own words,,\n", b.String())

	for _, name := range []string{"Level", "id", " x", ""} {
		bad := catalog.Framework{ID: "acme:1", Name: "A", Controls: []catalog.ControlSpec{{ID: "X", Title: "X", Attributes: map[string][]string{name: {"v"}}}}}
		var out bytes.Buffer
		err := catalog.WriteCSV(&out, bad)
		assert.ErrorIs(t, err, catalog.ErrInvalidValue, name)
		assert.Empty(t, out.String(), name)
	}

	// Of several names CSV cannot hold, the error names the first in sorted order,
	// every time (not whichever the map gives first).
	bad := catalog.Framework{ID: "acme:1", Name: "A", Controls: []catalog.ControlSpec{{ID: "X", Title: "X",
		Attributes: map[string][]string{"D": {"v"}, "B": {"v"}, "title": {"v"}, "C": {"v"}, "E": {"v"}}}}}
	for range 50 {
		var de *catalog.DataError
		require.ErrorAs(t, catalog.WriteCSV(&bytes.Buffer{}, bad), &de)
		require.Equal(t, "B", de.Value)
	}
}

func TestDataErrorText(t *testing.T) {
	for _, tt := range []struct {
		e    catalog.DataError
		want string
	}{
		{catalog.DataError{File: "f.csv", Line: 3, Record: "row 2", Field: "id", Value: "x", Err: catalog.ErrDuplicateID}, `f.csv:3: row 2: field "id" = "x": duplicate ID`},
		{catalog.DataError{Line: 3, Err: catalog.ErrMalformed}, `line 3: malformed input`},
		{catalog.DataError{File: "f.json", Field: "title", Err: catalog.ErrEmptyField}, `f.json: field "title": required field is empty`},
		{catalog.DataError{Err: fmt.Errorf("%w: x", catalog.ErrInvalidValue)}, `invalid value: x`},
		// Nothing known but the kind, or not even that.
		{catalog.DataError{}, `problem`},
		{catalog.DataError{File: "f.csv"}, `f.csv: problem`},
		// A spreadsheet: the sheet, and Line is its row.
		{catalog.DataError{File: "a.xlsx", Sheet: "SoA", Line: 7, Field: "status", Value: "maybe", Err: catalog.ErrInvalidValue},
			`a.xlsx: sheet "SoA" row 7: field "status" = "maybe": invalid value`},
		{catalog.DataError{File: "a.xlsx", Sheet: "SoA", Err: catalog.ErrMalformed}, `a.xlsx: sheet "SoA": malformed input`},
		{catalog.DataError{Sheet: "S", Line: 2, Err: catalog.ErrMalformed}, `sheet "S" row 2: malformed input`},
		// A record with a value and no field: the value follows the record (a JSON path).
		{catalog.DataError{File: "c.json", Record: "catalog.groups[0].controls[1].id", Value: "c-1", Err: catalog.ErrDuplicateID},
			`c.json: catalog.groups[0].controls[1].id = "c-1": duplicate ID`},
		// A value alone.
		{catalog.DataError{File: "c.json", Value: "a, b", Err: catalog.ErrMalformed}, `c.json: value "a, b": malformed input`},
		// Detail follows the kind; a warning says so first.
		{catalog.DataError{File: "a.csv", Line: 4, Field: "control", Value: "5.1", Err: catalog.ErrDuplicateID, Detail: "first on line 2"},
			`a.csv:4: field "control" = "5.1": duplicate ID: first on line 2`},
		{catalog.DataError{Warning: true, Record: `set "s": edge #3 (a → b)`, Value: "5.l", Err: catalog.ErrInvalidValue, Detail: "read as 5.1"},
			`warning: set "s": edge #3 (a → b) = "5.l": invalid value: read as 5.1`},
		// Control characters are escaped wherever they come from; line breaks of a
		// wrapped text become spaces; long values are clipped.
		{catalog.DataError{File: "f\x1b[31m.csv", Field: "to", Value: "a\tb", Err: errors.New("bad\nthing"), Detail: "x\u202ey"},
			`f\x1b[31m.csv: field "to" = "a\tb": bad thing: x\u202ey`},
		{catalog.DataError{Record: "r", Value: strings.Repeat("é", 81), Err: catalog.ErrInvalidValue},
			`r = "` + strings.Repeat("é", 80) + `"… (162 bytes): invalid value`},
	} {
		assert.Equal(t, tt.want, tt.e.Error())
	}
}

// A CSV as a spreadsheet saves it: byte order mark, CRLF, a cell over two lines
// (encoding/csv reads its CRLF as "\n").
func TestReadCSVFile(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"}
	file, err := os.Open(filepath.Join("testdata", "acme-excel.csv"))
	require.NoError(t, err)
	defer file.Close()
	f, err := catalog.ReadCSV("acme-excel.csv", file, meta)
	require.NoError(t, err)
	assert.Equal(t, []catalog.ControlSpec{
		{ID: "AC", Title: "Access control", Kind: "domain"},
		{ID: "AC-1", Title: "Access policy,\nreviewed yearly", Parent: "AC", Attributes: map[string][]string{"tier": {"1"}, "owner": {"CISO"}}},
		{ID: "AC-2", Title: "Quarterly access review", Parent: "AC", Attributes: map[string][]string{"tier": {"2", "3"}, "owner": {"IT"}}},
		{ID: "AC-3", Title: "Privileged access", Parent: "AC", Attributes: map[string][]string{"tier": {"3"}, "owner": {"IT", "Security"}}},
	}, f.Controls)
	c, err := catalog.New(f)
	require.NoError(t, err)
	assert.Equal(t, []string{"AC-2", "AC-3"}, ids(c.Controls("acme:1", catalog.Where("tier", "3"))))

	// Line numbers count the physical lines, past a cell that spans two.
	b, err := os.ReadFile(filepath.Join("testdata", "acme-bad.csv"))
	require.NoError(t, err)
	_, err = catalog.ReadCSV("acme-bad.csv", bytes.NewReader(b), meta)
	checkErrors(t, "acme-bad.csv", err,
		want{line: 5, record: `row 3 (id "AC-2")`, field: "title", err: catalog.ErrEmptyField},
		want{line: 6, record: `row 4 (id "AC-3")`, field: "parent", value: "AX", err: catalog.ErrDanglingParent},
	)
}

// Found by FuzzReadJSON: an empty document must write back as an empty document.
func TestJSONRoundTripEmpty(t *testing.T) {
	fws, err := catalog.ReadJSON("empty.json", []byte(`{"frameworks":[]}`))
	require.NoError(t, err)
	assert.Empty(t, fws)
	var b bytes.Buffer
	require.NoError(t, catalog.WriteJSON(&b))
	assert.Equal(t, "{\n  \"frameworks\": []\n}\n", b.String())
	back, err := catalog.ReadJSON("again.json", b.Bytes())
	require.NoError(t, err)
	assert.Empty(t, back)
}
