package oscal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden returns a golden file of testdata as a string.
func goldenText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}

// A document of ours whose encodings were edited by hand is refused where the
// edit is, with the value: an ID, a kind, an attribute name, a strength, a repeat
// count, a statement's reading, a source link.
func TestOursTampered(t *testing.T) {
	cat := goldenText(t, "acme.catalog.json")
	mc := goldenText(t, "acme.mapping-collection.json")
	for _, tc := range []struct {
		name, doc, old, new string
		mappings            bool
		path, value         string
	}{
		{"control id not encoded", cat, `"id": "_1"`, `"id": "_1_"`, false, "catalog.controls[0].id", "_1_"},
		{"attribute name not encoded", cat, `"name": "_risk_20level"`, `"name": "risk level"`, false, "catalog.controls[0].controls[0].props", "risk level"},
		{"strength out of range", mc, `"value": "7"`, `"value": "11"`, true, "mapping-collection.mappings[0].maps[0].props", "11"},
		{"item id not encoded", mc, `"id-ref": "_5.15"`, `"id-ref": "_5_2E15"`, true, "mapping-collection.mappings[0].maps[0].targets[0].id-ref", "_5_2E15"},
		{"reading not a ref", mc, `"value": "iso27001:2022/9"`, `"value": "no slash"`, true, "mapping-collection.mappings[0].props", "no slash"},
		{"source link dangling", mc, `"href": "#40f473e9-6c1d-57c3-9076-cafe830829de",
            "rel": "source"`, `"href": "#00000000-6c1d-57c3-9076-cafe830829de",
            "rel": "source"`, true, "mapping-collection.mappings[0].links[0].href", "#00000000-6c1d-57c3-9076-cafe830829de"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, tc.doc, tc.old, "the golden file has changed")
			doc := []byte(strings.Replace(tc.doc, tc.old, tc.new, 1))
			var err error
			if tc.mappings {
				_, _, err = ImportMappings("ours.json", doc)
			} else {
				_, _, err = ImportCatalog("ours.json", doc)
			}
			require.Error(t, err)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.path, e.Record)
			assert.Equal(t, tc.value, e.Value)
		})
	}
}

// The sort-ids of a document of ours restore the framework's order, whatever the
// nesting; the ID given with WithFrameworkID replaces the one the document names.
func TestOursOrderAndFrameworkID(t *testing.T) {
	f := userFramework()
	b, err := ExportCatalog(f)
	require.NoError(t, err)
	got, rep, err := ImportCatalog("acme.json", b, WithFrameworkID("renamed:1"))
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("renamed:1"), got.ID)
	assert.Equal(t, catalog.FrameworkID("renamed:1"), rep.Framework)
	var want, order []string
	for _, s := range f.Controls {
		want = append(want, s.ID)
	}
	for _, s := range got.Controls {
		order = append(order, s.ID)
	}
	assert.Equal(t, want, order, "the list order, not the tree's pre-order")
}

// The export's timestamp: from the data version by default, from the option when
// given, refused when the schema cannot hold its year.
func TestTimestamp(t *testing.T) {
	ts, err := newConfig(nil).timestamp()
	require.NoError(t, err)
	assert.Equal(t, dataVersionTime(catalog.DataVersion).Format(time.RFC3339), ts)
	ts, err = newConfig([]Option{WithLastModified(time.Date(2030, 5, 6, 7, 8, 9, 999, time.FixedZone("x", 3600)))}).timestamp()
	require.NoError(t, err)
	assert.Equal(t, "2030-05-06T06:08:09Z", ts, "UTC, to the second")
	_, err = newConfig([]Option{WithLastModified(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))}).timestamp()
	require.ErrorIs(t, err, ErrNotExpressible)
	_, err = ExportCatalog(userFramework(), WithLastModified(time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)))
	require.ErrorIs(t, err, ErrNotExpressible)
	assert.Contains(t, err.Error(), "metadata.last-modified")
}

func TestDataVersionTime(t *testing.T) {
	for v, want := range map[string]string{
		"2026.1": "2026-01-01", "2026.12": "2026-12-01", "2026.13": "2026-12-01", "2026.0": "2026-01-01",
		"2026": "2026-01-01", "2026.x": "2026-01-01", "dev": "2000-01-01", "1800.1": "2000-01-01",
	} {
		assert.Equal(t, want, dataVersionTime(v).Format(time.DateOnly), v)
	}
}

// A nil option is ignored; options that do not apply to a call are too.
func TestNilAndForeignOptions(t *testing.T) {
	b, err := ExportCatalog(userFramework(), nil, WithStrict(), WithCatalog(nil))
	require.NoError(t, err)
	plainExport, err := ExportCatalog(userFramework())
	require.NoError(t, err)
	assert.Equal(t, plainExport, b)
}

// The message of an error leaves out what it does not know.
func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		e    catalog.DataError
		want string
	}{
		{catalog.DataError{File: "f.json", Line: 3, Record: "a.b", Value: "v", Err: ErrInvalid}, `f.json:3: a.b = "v": invalid value`},
		{catalog.DataError{File: "f.json", Err: ErrSyntax}, "f.json: not a JSON document"},
		{catalog.DataError{Line: 7, Err: ErrSyntax}, "line 7: not a JSON document"},
		{catalog.DataError{Record: "controls[1].title", Err: ErrMissing}, "controls[1].title: required field is missing or empty"},
		{catalog.DataError{Value: "x\ny", Err: ErrInvalid}, `value "x\ny": invalid value`},
	} {
		assert.Equal(t, tc.want, tc.e.Error())
		assert.ErrorIs(t, &tc.e, tc.e.Err)
	}
}

// One problem is itself; several are joined; beyond the bound a last line counts
// the rest.
func TestProblems(t *testing.T) {
	var p problems
	assert.NoError(t, p.err())
	p.file = "f"
	p.add("a", "", ErrMissing)
	var e *catalog.DataError
	require.True(t, errors.As(p.err(), &e))
	assert.Equal(t, "f: a: required field is missing or empty", p.err().Error())
	p.add("b", "v", ErrInvalid)
	assert.Len(t, errorsOf(p.err()), 2)
	for range maxErrors {
		p.add("c", "", ErrInvalid)
	}
	assert.True(t, p.full())
	assert.Equal(t, 2, p.more)
	assert.Len(t, errorsOf(p.err()), maxErrors+1)
}
