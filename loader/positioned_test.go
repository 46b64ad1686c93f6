package loader_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// dataError is the first *catalog.DataError in err, read with one errors.As as a
// caller reads it, whatever layer found the problem.
func dataError(t *testing.T, err error) *catalog.DataError {
	t.Helper()
	require.Error(t, err)
	var de *catalog.DataError
	require.True(t, errors.As(err, &de), "%T does not say where: %v", err, err)
	return de
}

// Every public reader of the library reports a problem in its input as a
// *catalog.DataError: one errors.As gives the file, line or sheet and row, record,
// field and value, and errors.Is the kind, for each layer. The expected positions
// are counted by hand from the inputs.
func TestDataErrorAcrossLayers(t *testing.T) {
	t.Run("framework CSV", func(t *testing.T) {
		_, err := catalog.ReadCSV("f.csv", strings.NewReader("id,title,parent\nA,Alpha,\nB,Beta,Z\n"), catalog.Framework{ID: "acme:1", Name: "Acme"})
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "f.csv", Line: 3, Record: `row 2 (id "B")`, Field: "parent", Value: "Z", Err: catalog.ErrDanglingParent}, *de)
		assert.Equal(t, `f.csv:3: row 2 (id "B"): field "parent" = "Z": parent is not a control of the framework`, de.Error())
	})
	t.Run("framework JSON", func(t *testing.T) {
		_, err := catalog.ReadJSON("f.json", []byte("{\"frameworks\": [\n  {\"id\": \"acme:1\",,}\n]}"))
		de := dataError(t, err)
		assert.Equal(t, "f.json", de.File)
		assert.Equal(t, 2, de.Line, "the line of the stray comma")
		assert.ErrorIs(t, de, catalog.ErrMalformed)
	})
	t.Run("mapping CSV", func(t *testing.T) {
		_, err := mappings.ReadCSV("m.csv", strings.NewReader("from,to,relationship\nnist-csf:2.0/GV.OC-01,iso27002:2022/5.1,sort-of\n"),
			mappings.Set{ID: "m", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk})
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "m.csv", Line: 2, Record: `set "m"`, Field: "relationship", Value: "sort-of", Err: mappings.ErrUnknownRelationship,
			Detail: "want equal, subset-of, superset-of, intersects-with, not-related-to or related"}, *de)
	})
	t.Run("mapping JSON", func(t *testing.T) {
		_, err := mappings.ReadJSON("m.json", []byte(`{"id": "s", "from": "nist-csf:2.0", "to": "iso27002:2022", "kind": "crosswalk", "source": "d",
			"edges": [{"from": "nist-csf:2.0/GV.OC-01", "to": "iso27002:2022/5.1", "relationship": "kinda"}]}`))
		de := dataError(t, err)
		assert.Equal(t, "m.json", de.File)
		assert.Equal(t, `set "s": edges[0]`, de.Record)
		assert.Equal(t, "relationship", de.Field)
		assert.Equal(t, "kinda", de.Value)
		assert.ErrorIs(t, de, mappings.ErrUnknownRelationship)
	})
	t.Run("mapping check and validation", func(t *testing.T) {
		_, ps := mappings.CheckCSV("c.csv", strings.NewReader("from,to,relationship,source\nnist-csf:2.0/GV.OC-01,iso27002:2022/9.99,related,d\n"),
			mappings.Set{ID: "c", From: catalog.CSF20, To: catalog.ISO27002v2022, Source: mappings.Source{ID: "d"}}, nil)
		require.Len(t, ps, 1)
		assert.Equal(t, "c.csv", ps[0].File)
		assert.Equal(t, 2, ps[0].Line)
		assert.Equal(t, `set "c": edge (nist-csf:2.0/GV.OC-01 → iso27002:2022/9.99)`, ps[0].Record)
		assert.Equal(t, "to", ps[0].Field)
		assert.ErrorIs(t, ps[0], mappings.ErrDanglingRef)
		assert.False(t, ps[0].Warning)

		s := mappings.Set{ID: "v", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "d"},
			Edges: []mappings.Edge{{From: catalog.NewRef(catalog.CSF20, "GV.OC-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"),
				Relationship: mappings.Related, Source: "d", Misprint: "5,1"}}}
		ps = mappings.Validate(s, nil)
		require.Len(t, ps, 1)
		assert.Equal(t, catalog.DataError{Record: `set "v": edge #1 (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1)`, Field: "misprint", Value: "5,1",
			Err: mappings.ErrSourceQuirk, Detail: "read as nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1", Warning: true}, *ps[0])
		assert.False(t, mappings.HasErrors(ps), "a warning is not an error")
	})
	t.Run("assessment CSV", func(t *testing.T) {
		_, err := crosswalk.ReadAssessment("a.csv", strings.NewReader("control,status\n5.1,implemented\n5.2,maybe\n"), nil)
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "a.csv", Line: 3, Field: "status", Value: "maybe", Err: de.Err}, *de)
		assert.ErrorIs(t, de, crosswalk.ErrUnknownStatus)
	})
	t.Run("assessment JSON", func(t *testing.T) {
		_, err := crosswalk.ReadAssessmentJSON("a.json", []byte(`{"baseline": "iso27002:2022", "controls": [{"control": "5.1", "status": "implemented"}, {"control": "5.1", "status": "planned"}]}`), nil)
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "a.json", Record: "controls[1]", Field: "control", Value: "5.1", Err: crosswalk.ErrDuplicate, Detail: "first at controls[0]"}, *de)
		assert.Equal(t, `a.json: controls[1]: field "control" = "5.1": control assessed twice: first at controls[0]`, de.Error())
	})
	t.Run("assessment XLSX", func(t *testing.T) {
		f := excelize.NewFile()
		require.NoError(t, f.SetSheetName("Sheet1", "SoA"))
		require.NoError(t, f.SetSheetRow("SoA", "A1", &[]any{"Control", "Status"}))
		require.NoError(t, f.SetSheetRow("SoA", "A2", &[]any{"5.1", "yes"}))
		require.NoError(t, f.SetSheetRow("SoA", "A3", &[]any{"5.2", "perhaps"}))
		var buf bytes.Buffer
		require.NoError(t, f.Write(&buf))
		_, err := crosswalk.ReadAssessment("a.xlsx", &buf, nil)
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "a.xlsx", Sheet: "SoA", Line: 3, Field: "status", Value: "perhaps", Err: de.Err}, *de)
		assert.ErrorIs(t, de, crosswalk.ErrUnknownStatus)
		assert.True(t, strings.HasPrefix(de.Error(), `a.xlsx: sheet "SoA" row 3: field "status" = "perhaps": unknown status`), de.Error())
	})
	t.Run("assessment warning", func(t *testing.T) {
		a, err := crosswalk.ReadAssessment("w.csv", strings.NewReader("control,status\n5.1,yes\n"), nil)
		require.NoError(t, err)
		w := a.Warnings()
		require.Len(t, w, 1)
		assert.Equal(t, catalog.DataError{File: "w.csv", Err: w[0].Err, Warning: true}, *w[0])
		assert.ErrorIs(t, w[0], crosswalk.ErrIncomplete)
	})
	t.Run("assessment in code", func(t *testing.T) {
		_, err := crosswalk.NewAssessment(nil, "", crosswalk.Entry{Control: catalog.NewRef(catalog.ISO27002v2022, "9.99"), Status: crosswalk.Implemented})
		de := dataError(t, err)
		assert.Equal(t, "controls[0]", de.Record)
		assert.Equal(t, "control", de.Field)
		assert.ErrorIs(t, de, crosswalk.ErrUnknownControl)
	})
	t.Run("crosswalk edge", func(t *testing.T) {
		_, err := crosswalk.New(catalog.Default(), mappings.Set{ID: "s", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
			Edges: []mappings.Edge{{From: catalog.NewRef(catalog.CSF20, "GV.OC-01"), To: catalog.NewRef(catalog.ISO27002v2022, "9.99"), Relationship: mappings.Related}}})
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{Record: `set "s": edge #1 (nist-csf:2.0/GV.OC-01 → iso27002:2022/9.99)`, Field: "to", Value: "iso27002:2022/9.99", Err: crosswalk.ErrDanglingRef}, *de)
	})
	t.Run("OSCAL import", func(t *testing.T) {
		_, _, err := oscal.ImportCatalog("c.json", []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
		  "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"},
		  "groups": [{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C"}, {"id": "c-1", "title": "D"}]}]}}`))
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "c.json", Record: "catalog.groups[0].controls[1].id", Value: "c-1", Err: de.Err}, *de)
		assert.ErrorIs(t, de, oscal.ErrDuplicate)
		assert.Equal(t, `c.json: catalog.groups[0].controls[1].id = "c-1": duplicate identifier: also at catalog.groups[0].controls[0].id`, de.Error())

		_, _, err = oscal.ImportMappings("m.json", []byte("{\n\"mapping-collection\": ,\n}"))
		de = dataError(t, err)
		assert.Equal(t, "m.json", de.File)
		assert.Equal(t, 2, de.Line)
		assert.ErrorIs(t, de, oscal.ErrSyntax)
	})
	t.Run("OSCAL export", func(t *testing.T) {
		_, err := oscal.ExportCatalog(catalog.Framework{ID: "acme:1", Name: "two\nlines", Controls: []catalog.ControlSpec{{ID: "A", Title: "A"}}})
		de := dataError(t, err)
		assert.Equal(t, catalog.DataError{Record: "name", Value: "two\nlines", Err: de.Err}, *de)
		assert.ErrorIs(t, de, oscal.ErrNotExpressible)
	})
	t.Run("loader", func(t *testing.T) {
		bad := writeFile(t, "bad.json", `{"id": "bad", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk", "source": "x",
 "edges": [{"from": "acme:1/ZZ-9", "to": "iso27002:2022/5.15", "relationship": "equal"}]}`)
		_, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{bad}})
		var le *loader.Error
		require.ErrorAs(t, err, &le, "a step of loading wraps the problems")
		de := dataError(t, err)
		assert.Equal(t, `set "bad": edge #1 (acme:1/ZZ-9 → iso27002:2022/5.15)`, de.Record)
		assert.Equal(t, "from", de.Field)
		assert.ErrorIs(t, de, mappings.ErrDanglingRef)

		// A file past the size limit is the user's input at fault too.
		big := func(string) (string, []byte, error) {
			return "big.json", nil, &limits.Error{What: "file", Limit: limits.File}
		}
		_, err = loader.Load(loader.Options{Catalogs: []string{"big.json"}, ReadFile: big})
		de = dataError(t, err)
		assert.Equal(t, "big.json", de.File)
		assert.ErrorIs(t, de, limits.ErrTooLarge)

		_, err = loader.CSVSetMeta("s.csv", "s.csv", []byte("from,to,relationship\nAC-1,iso27002:2022/5.15,equal\n"))
		de = dataError(t, err)
		assert.Equal(t, catalog.DataError{File: "s.csv", Line: 2, Field: "from", Value: "AC-1", Err: loader.ErrCSVSet, Detail: de.Detail}, *de)
	})
}

// A reader that finds several problems joins them; each is a *catalog.DataError
// (beyond the bound, one last line counts the rest).
func TestEveryProblemIsADataError(t *testing.T) {
	long := strings.Repeat("x", limits.Line+1)
	inputs := []string{"", "{\"a\": ,}", "control,status\n5.1,impl\xe9mented\n", "id,title\nA," + long + "\n",
		"id,title\n\"A,T\n", "[1,2]", "42", "id,title\nA\x00,T\n", "\xff\xfei\x00d\x00", "id,title\nA,T,U\n", strings.Repeat("[", 100000)}
	readers := map[string]func([]byte) error{
		"catalog.ReadJSON": func(b []byte) error { _, err := catalog.ReadJSON("f", b); return err },
		"catalog.ReadCSV": func(b []byte) error {
			_, err := catalog.ReadCSV("f", bytes.NewReader(b), catalog.Framework{ID: "a:1", Name: "A"})
			return err
		},
		"mappings.ReadJSON": func(b []byte) error { _, err := mappings.ReadJSON("f", b); return err },
		"mappings.ReadCSV": func(b []byte) error {
			_, err := mappings.ReadCSV("f", bytes.NewReader(b), mappings.Set{ID: "s"})
			return err
		},
		"crosswalk.ReadAssessment":     func(b []byte) error { _, err := crosswalk.ReadAssessment("f", bytes.NewReader(b), nil); return err },
		"crosswalk.ReadAssessmentJSON": func(b []byte) error { _, err := crosswalk.ReadAssessmentJSON("f", b, nil); return err },
		"crosswalk.ReadAssessmentXLSX": func(b []byte) error {
			_, err := crosswalk.ReadAssessmentXLSX("f", bytes.NewReader(b), nil)
			return err
		},
		"oscal.ImportCatalog":  func(b []byte) error { _, _, err := oscal.ImportCatalog("f", b); return err },
		"oscal.ImportMappings": func(b []byte) error { _, _, err := oscal.ImportMappings("f", b); return err },
		"oscal.DocumentModel":  func(b []byte) error { _, err := oscal.DocumentModel("f", b); return err },
		"loader.CSVSetMeta":    func(b []byte) error { _, err := loader.CSVSetMeta("f", "f", b); return err },
	}
	for name, read := range readers {
		for _, in := range inputs {
			err := read([]byte(in))
			if err == nil {
				continue
			}
			for _, e := range leaves(err) {
				var de *catalog.DataError
				if !errors.As(e, &de) && !strings.HasSuffix(e.Error(), "more problems") {
					t.Errorf("%s, input %.40q: %T is not a *catalog.DataError: %.200v", name, in, e, e)
					continue
				}
				if de != nil {
					assert.Equal(t, "f", de.File, "%s: %v", name, de)
				}
			}
		}
	}
}

// leaves returns the errors err joins, recursively, or err itself.
func leaves(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, leaves(e)...)
	}
	return out
}
