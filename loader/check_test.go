package loader_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
)

// check runs loader.Check on the bytes of a file named name, failing the test on
// an error of the options or the stream.
func check(t *testing.T, name string, data []byte, opts loader.CheckOptions) *loader.Checked {
	t.Helper()
	c, err := loader.Check(name, bytes.NewReader(data), opts)
	require.NoError(t, err)
	require.NotNil(t, c)
	return c
}

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

// place is where a problem is, as the tests compare it (the set or sheet it names
// aside).
type place struct {
	File                 string
	Line                 int
	Record, Field, Value string
}

// where returns the place of p; a record naming only its set or sheet is left out.
func where(p loader.Problem) place {
	w := p.Where()
	rec := w.Record
	if strings.HasPrefix(rec, "set ") && !strings.Contains(rec, ": ") || strings.HasPrefix(rec, "sheet ") {
		rec = ""
	}
	return place{File: w.File, Line: w.Line, Record: rec, Field: w.Field, Value: w.Value}
}

// acmeCatalog is the embedded catalog with the ACME framework, as --catalog
// testdata/acme.json builds it.
func acmeCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}})
	require.NoError(t, err)
	return d.Catalog
}

// An export document of the ACME framework and its crosswalk: one framework of 8
// nodes, one set of 6 edges, nothing wrong. Its sets are checked against the
// catalog with the document's frameworks.
func TestCheckDocument(t *testing.T) {
	doc := []byte(`{"frameworks": [` + string(readFixture(t, acmeJSON)) + `], "mappings": [` + string(readFixture(t, acmeMapJSON)) + `]}`)
	c := check(t, "export.json", doc, loader.CheckOptions{})
	assert.Equal(t, loader.KindDocument, c.Kind)
	assert.Equal(t, "export.json", c.Name)
	assert.Empty(t, c.Problems)
	assert.True(t, c.Valid())
	assert.True(t, c.Read)
	require.Len(t, c.Frameworks, 1)
	assert.Equal(t, acme, c.Frameworks[0].ID)
	assert.Equal(t, acmeControlCnt, c.Nodes())
	require.Len(t, c.Sets, 1)
	assert.Equal(t, acmeSetID, c.Sets[0].ID)
	assert.Equal(t, acmeEdgeCount, c.Edges())
	assert.Zero(t, c.Input, "JSON: no spreadsheet dialect")

	// Without its framework, the set names a framework the catalog does not hold:
	// the set itself, its 6 edges and its statement, 8 errors; with the framework in
	// the catalog given, none.
	noFw := []byte(`{"frameworks": [], "mappings": [` + string(readFixture(t, acmeMapJSON)) + `]}`)
	c = check(t, "m.json", noFw, loader.CheckOptions{})
	assert.Len(t, c.Problems, 8)
	assert.False(t, c.Valid())
	assert.True(t, c.Read, "a document's sets are read through")
	assert.ErrorIs(t, c.Problems[0], mappings.ErrUnknownSetFramework)
	assert.Equal(t, place{File: "m.json", Field: "from", Value: "acme:1"}, where(c.Problems[0]))
	c = check(t, "m.json", noFw, loader.CheckOptions{Catalog: acmeCatalog(t)})
	assert.Empty(t, c.Problems)

	// A framework the catalog refuses: the reading stops, nothing read.
	c = check(t, "bad.json", []byte(`{"frameworks": [{"id": "x:1", "name": "X", "controls": [{"id": "A", "title": "A", "parent": "Z"}]}]}`), loader.CheckOptions{Kind: loader.KindDocument})
	require.Len(t, c.Problems, 1)
	assert.ErrorIs(t, c.Problems[0], catalog.ErrDanglingParent)
	assert.False(t, c.Read)
	assert.Nil(t, c.Frameworks)
}

// A framework in CSV (named by Framework) and in JSON: what was read and how; a
// dangling parent is one error at its line, field and value.
func TestCheckFramework(t *testing.T) {
	c := check(t, "acme.csv", readFixture(t, acmeCSV), loader.CheckOptions{Framework: acme})
	assert.Equal(t, loader.KindFramework, c.Kind)
	assert.True(t, c.Valid())
	require.Len(t, c.Frameworks, 1)
	assert.Equal(t, acme, c.Frameworks[0].ID)
	assert.Equal(t, "acme:1", c.Frameworks[0].Name, "the ID is the name")
	assert.Equal(t, acmeControlCnt, c.Nodes())
	assert.Equal(t, crosswalk.Input{Format: "csv", Encoding: "UTF-8", Delimiter: ','}, c.Input)

	c = check(t, "acme.json", readFixture(t, acmeJSON), loader.CheckOptions{})
	assert.Equal(t, loader.KindFramework, c.Kind)
	assert.True(t, c.Valid())
	assert.Equal(t, acmeControlCnt, c.Nodes())
	assert.Zero(t, c.Input)

	c = check(t, "f.csv", []byte("\uFEFFID;Title;Parent\r\nA;Alpha;\r\nA-1;Beta;A\r\nA-2;Gamma;Z\r\n"), loader.CheckOptions{Framework: "x:1"})
	require.Len(t, c.Problems, 1)
	assert.False(t, c.Problems[0].Warning)
	assert.ErrorIs(t, c.Problems[0], catalog.ErrDanglingParent)
	where := c.Problems[0].Where()
	assert.Equal(t, "f.csv", where.File)
	assert.Equal(t, 4, where.Line)
	assert.Equal(t, "parent", where.Field)
	assert.Equal(t, "Z", where.Value)
	assert.False(t, c.Read)
	assert.Empty(t, c.Frameworks)
}

// A mapping set in CSV: its frameworks from From and To (aliases resolved), its ID
// from the file's name, its dialect; every row's problem at its line.
func TestCheckMappings(t *testing.T) {
	c := check(t, "acme-map.csv", readFixture(t, acmeMapCSV), loader.CheckOptions{From: "acme", To: "iso27002", Catalog: acmeCatalog(t)})
	assert.Equal(t, loader.KindMappingSet, c.Kind)
	assert.Empty(t, c.Problems)
	require.Len(t, c.Sets, 1)
	assert.Equal(t, "acme-map", c.Sets[0].ID)
	assert.Equal(t, acme, c.Sets[0].From)
	assert.Equal(t, catalog.ISO27002v2022, c.Sets[0].To)
	assert.Equal(t, acmeEdgeCount, c.Edges())

	c = check(t, "semi.csv", []byte("\uFEFFFrom;To;Relationship\r\n5.1;GV.PO-01;related\r\n9.9;GV.PO-01;equalish\r\n5.2;GV.PO-09;related\r\n"),
		loader.CheckOptions{From: "iso27002", To: "csf"})
	assert.Equal(t, crosswalk.Input{Format: "csv", Encoding: "UTF-8 with BOM", Delimiter: ';'}, c.Input)
	require.Len(t, c.Problems, 2)
	assert.ErrorIs(t, c.Problems[0], mappings.ErrUnknownRelationship)
	assert.Equal(t, place{File: "semi.csv", Line: 3, Field: "relationship", Value: "equalish"}, where(c.Problems[0]))
	assert.ErrorIs(t, c.Problems[1], mappings.ErrDanglingRef)
	assert.Equal(t, 4, c.Problems[1].Where().Line)
	assert.True(t, c.Read, "a mapping set is read through")
	assert.Equal(t, 2, c.Edges(), "the rows read, the wrong ones too but the unreadable one")

	c = check(t, "set.json", readFixture(t, acmeMapJSON), loader.CheckOptions{Catalog: acmeCatalog(t)})
	assert.Equal(t, loader.KindMappingSet, c.Kind)
	assert.Empty(t, c.Problems)
	assert.Zero(t, c.Input)
	assert.Equal(t, acmeEdgeCount, c.Edges())
}

// An assessment in CSV and XLSX: the controls rated, the baseline, how it was read,
// its warnings (the controls not assessed listed by ID), strict making errors of
// them.
func TestCheckAssessment(t *testing.T) {
	c := check(t, "a.csv", []byte("control,status,colour\n5.1,implemented,red\n5.2,partial,\n"), loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	require.NotNil(t, c.Assessment)
	assert.Equal(t, 2, c.Assessment.Len())
	assert.Equal(t, catalog.ISO27002v2022, c.Assessment.Baseline())
	assert.Equal(t, "csv", c.Input.Format)
	assert.Equal(t, 1, c.Input.HeaderLine)
	assert.Equal(t, []string{"colour"}, c.Input.Ignored)
	require.Len(t, c.Problems, 2)
	assert.True(t, c.Valid(), "warnings only")
	assert.True(t, c.Problems[0].Warning)
	assert.ErrorIs(t, c.Problems[0], crosswalk.ErrUnknownColumn)
	assert.True(t, c.Problems[1].Warning)
	assert.ErrorIs(t, c.Problems[1], crosswalk.ErrIncomplete)
	assert.Equal(t, "a.csv", c.Problems[1].Where().File)
	msg := c.Problems[1].Message()
	assert.True(t, strings.HasPrefix(msg, "a.csv: controls not assessed: 91 of the 93 controls of iso27002:2022"), msg)
	assert.True(t, strings.HasSuffix(msg, "(gap and soa count them as not implemented): 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9, 5.10, 5.11, 5.12, 5.13, 5.14, 5.15, 5.16, 5.17, 5.18, 5.19, 5.20, 5.21, 5.22, 5.23, 5.24, 5.25, 5.26, 5.27, 5.28, 5.29, 5.30, 5.31, 5.32, 5.33, 5.34, 5.35, 5.36, 5.37, 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 7.1, 7.2, 7.3, 7.4, 7.5, 7.6, 7.7, 7.8, 7.9, 7.10, 7.11, 7.12, 7.13, 7.14, 8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8, 8.9, 8.10, 8.11, 8.12, 8.13, 8.14, 8.15, 8.16, 8.17, 8.18, 8.19, 8.20, 8.21, 8.22, 8.23, 8.24, 8.25, 8.26, 8.27, 8.28, 8.29, 8.30, 8.31, 8.32, 8.33, 8.34"), msg)

	c = check(t, "a.csv", []byte("control,status,colour\n5.1,implemented,red\n"), loader.CheckOptions{Strict: true})
	require.Len(t, c.Problems, 1)
	assert.False(t, c.Problems[0].Warning)
	assert.ErrorIs(t, c.Problems[0], crosswalk.ErrUnknownColumn)
	assert.False(t, c.Read)
	assert.Nil(t, c.Assessment)

	c = check(t, "old.csv", []byte("control,status\nA.5.1.1,implemented\n"), loader.CheckOptions{Baseline: "iso27002:2013"})
	assert.Equal(t, catalog.FrameworkID("iso27002:2013"), c.Assessment.Baseline())
	assert.Equal(t, 1, c.Assessment.Len())

	c = check(t, "a.json", []byte(`{"controls":[{"control":"5.1","status":"yes"}]}`), loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	assert.Equal(t, "json", c.Input.Format)

	// An ISO/IEC 27001:2022 assessment lists the controls it does not rate as that
	// standard writes them: clause 5.2 and Annex A control A.5.2 are two entries.
	c = check(t, "isms.csv", []byte("control,status\nA.5.1,implemented\n4.1,implemented\n"), loader.CheckOptions{Baseline: "iso27001:2022"})
	require.NotNil(t, c.Assessment)
	msg = c.Problems[len(c.Problems)-1].Message()
	assert.Contains(t, msg, ": 4.2, 4.3, 4.4, 5.1, 5.2, 5.3, 6.1.1,")
	assert.Contains(t, msg, ", 10.2, A.5.2, A.5.3, A.5.4,")
	assert.NotContains(t, msg, "A.5.1,")
}

// xlsx returns a workbook of two sheets: "SoA", a title block above the header, and
// "Other".
func xlsx(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "SoA"))
	for i, row := range [][]any{{"Our SoA"}, {}, {"Control ID", "Implementation status"}, {"5.1", "Yes"}, {"5.2", "x"}} {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("SoA", cell, &row))
	}
	_, err := f.NewSheet("Other")
	require.NoError(t, err)
	require.NoError(t, f.SetSheetRow("Other", "A1", &[]any{"control", "status"}))
	require.NoError(t, f.SetSheetRow("Other", "A2", &[]any{"8.16", "implemented"}))
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func TestCheckAssessmentXLSX(t *testing.T) {
	book := xlsx(t)
	c := check(t, "soa.xlsx", book, loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	require.Len(t, c.Problems, 1)
	assert.ErrorIs(t, c.Problems[0], crosswalk.ErrUnknownStatus)
	assert.Equal(t, place{File: "soa.xlsx", Line: 5, Field: "status", Value: "x"}, where(c.Problems[0]))

	c = check(t, "soa.xlsx", book, loader.CheckOptions{Sheet: "Other"})
	assert.True(t, c.Valid())
	assert.Equal(t, 1, c.Assessment.Len())
	assert.Equal(t, "xlsx", c.Input.Format)
	assert.Equal(t, "Other", c.Input.Sheet)
	assert.Equal(t, 1, c.Input.HeaderLine)
	require.Len(t, c.Problems, 1)
	assert.ErrorIs(t, c.Problems[0], crosswalk.ErrIncomplete)
}

// An OSCAL catalog is a framework of the catalog; a mapping-collection's sets are
// checked against the catalog, its resources bound to the catalog files read;
// fields outside the model are warnings.
func TestCheckOSCAL(t *testing.T) {
	c := check(t, "acme.oscal-catalog.json", readFixture(t, acmeOSCAL), loader.CheckOptions{})
	assert.Equal(t, loader.KindOSCAL, c.Kind)
	assert.True(t, c.Valid())
	require.NotNil(t, c.OSCAL)
	assert.Equal(t, "catalog", c.OSCAL.Model)
	assert.Equal(t, "ACME in-house controls (fictional test fixture)", c.OSCAL.Title)
	assert.Equal(t, "1.2.2", c.OSCAL.OSCALVersion)
	require.Len(t, c.Frameworks, 1)
	assert.Equal(t, acme, c.Frameworks[0].ID)
	assert.Equal(t, acmeControlCnt, c.Nodes())

	extra := bytes.Replace(readFixture(t, acmeOSCAL), []byte("{"), []byte(`{"extra": 1,`), 1)
	c = check(t, "x.json", extra, loader.CheckOptions{})
	require.Len(t, c.Problems, 1)
	assert.True(t, c.Problems[0].Warning)
	assert.Equal(t, "x.json: field outside the OSCAL model ignored: extra", c.Problems[0].Message())
	assert.Equal(t, "x.json", c.Problems[0].Where().File)
	c = check(t, "x.json", extra, loader.CheckOptions{Strict: true})
	require.Len(t, c.Problems, 1)
	assert.False(t, c.Problems[0].Warning)
	assert.False(t, c.Read)

	d, err := loader.Load(loader.Options{Catalogs: []string{acmeOSCAL}})
	require.NoError(t, err)
	mc := readFixture(t, acmeMapOSCAL)
	c = check(t, "map.json", mc, loader.CheckOptions{Catalog: d.Catalog, CatalogFiles: d.CatalogFiles})
	assert.Empty(t, c.Problems)
	assert.Equal(t, "mapping-collection", c.OSCAL.Model)
	assert.Equal(t, acmeEdgeCount, c.Edges())

	// Against the embedded catalog only, its source names no framework the catalog
	// holds: the set, its 6 edges and its statement, 8 errors, each naming the file.
	c = check(t, "map.json", mc, loader.CheckOptions{})
	require.Len(t, c.Problems, 8)
	for _, p := range c.Problems {
		assert.Equal(t, "map.json", p.Where().File)
		assert.False(t, p.Warning)
	}
	assert.ErrorIs(t, c.Problems[0], mappings.ErrUnknownSetFramework)

	// Its source bound to a framework without those controls: each map skipped is
	// a warning of the import, the statement on a control that is not there an
	// error.
	c = check(t, "map.json", mc, loader.CheckOptions{Binds: []string{"#" + acmeOSCALUUID + "=iso27001:2022"}})
	require.Len(t, c.Problems, 7)
	assert.False(t, c.Problems[0].Warning)
	assert.ErrorIs(t, c.Problems[0], mappings.ErrDanglingRef)
	for _, p := range c.Problems[1:] {
		assert.True(t, p.Warning)
		assert.Contains(t, p.Message(), "map.json: map skipped: mapping-collection.mappings[0].maps[")
	}
	assert.Equal(t, 0, c.Edges())
}

// What keeps Check from reading a file is an error, not a problem of the file.
func TestCheckOptionErrors(t *testing.T) {
	for _, c := range []struct {
		name, file, data string
		opts             loader.CheckOptions
		want             error
		msg              string
	}{
		{"kind", "f", "", loader.CheckOptions{Kind: "spreadsheet"}, loader.ErrKind,
			`unknown value "spreadsheet" for --kind; accepted: document, framework, mappings, assessment, oscal`},
		{"framework CSV", "f.csv", "id,title\nA,B\n", loader.CheckOptions{}, loader.ErrMissingOption,
			"a framework CSV needs --framework ID (the ID of the framework it holds, such as acme:1)"},
		{"mapping CSV", "m.csv", "from,to,relationship\n", loader.CheckOptions{From: "iso27002"}, loader.ErrMissingOption,
			"a mapping CSV needs --from FRAMEWORK and --to FRAMEWORK (the frameworks of its from and to columns)"},
		{"from", "m.csv", "from,to,relationship\n", loader.CheckOptions{From: "nope", To: "csf"}, catalog.ErrUnknownFramework, `unknown framework "nope"`},
		{"baseline", "a.csv", "control,status\n", loader.CheckOptions{Baseline: "nope"}, catalog.ErrUnknownFramework, `unknown framework "nope"`},
		{"bind", "m.json", `{"mapping-collection": {}}`, loader.CheckOptions{Binds: []string{"bad"}}, loader.ErrBind, `--bind "bad": want HREF=FRAMEWORK`},
		{"profile", "p.json", `{"profile": {}}`, loader.CheckOptions{Kind: loader.KindOSCAL}, loader.ErrUnsupported,
			"p.json is an OSCAL profile; validate reads OSCAL catalogs and mapping-collections"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := loader.Check(c.file, strings.NewReader(c.data), c.opts)
			assert.Nil(t, got)
			require.ErrorIs(t, err, c.want)
			assert.True(t, strings.HasPrefix(err.Error(), c.msg), err.Error())
		})
	}

	// A stream that fails: at once, or past the head of a JSON file read whole.
	_, err := loader.Check("in", iotest.ErrReader(errors.New("disk gone")), loader.CheckOptions{})
	require.ErrorIs(t, err, loader.ErrRead)
	assert.EqualError(t, err, "cannot read in: disk gone")
	big := io.MultiReader(strings.NewReader(`{"frameworks": [`+strings.Repeat(" ", 70<<10)), iotest.ErrReader(errors.New("disk gone")))
	_, err = loader.Check("in", big, loader.CheckOptions{})
	require.ErrorIs(t, err, loader.ErrRead)
	assert.EqualError(t, err, "cannot read in: disk gone")
}

// endless is a reader of head and then the byte fill without end, which counts what
// was read of it.
type endless struct {
	head []byte
	fill byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = e.fill
	}
	e.read += int64(len(p))
	return len(p), nil
}

// Check streams: a CSV line without end stops at the line limit, one problem,
// having read little more than the limit.
func TestCheckStreams(t *testing.T) {
	in := &endless{head: []byte("id\ttitle\nA\t"), fill: 'c'}
	c, err := loader.Check("in", in, loader.CheckOptions{Framework: "x:1"})
	require.NoError(t, err)
	require.Len(t, c.Problems, 1)
	assert.ErrorIs(t, c.Problems[0], catalog.ErrMalformed)
	assert.Equal(t, 2, c.Problems[0].Where().Line)
	assert.LessOrEqual(t, in.read, int64(limits.Line+256<<10))
}

// Guess tells every kind apart, by content and by a name ending in .csv.
func TestGuess(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       loader.Kind
	}{
		{"export.json", `{"frameworks": [], "mappings": []}`, loader.KindDocument},
		{"f.json", `{"id": "x:1", "name": "X", "controls": []}`, loader.KindFramework},
		{"f.csv", "id,title\nA,B\n", loader.KindFramework},
		{"m.json", `{"id": "m", "edges": []}`, loader.KindMappingSet},
		{"m.csv", "from;to;relationship\n", loader.KindMappingSet},
		{"a.json", `{"controls": []}`, loader.KindAssessment},
		{"a.csv", "Our SoA\n\nControl;Status\n5.1;yes\n", loader.KindAssessment},
		{"a.xlsx", string(xlsx(t)), loader.KindAssessment},
		{"o.json", `{"catalog": {}}`, loader.KindOSCAL},
		{"odd.csv", `{"catalog": {}}`, loader.KindAssessment},
		{"odd2.csv", "{id,title\nA,B\n", loader.KindFramework},
		{"x.json", `{"id": `, loader.KindDocument},
		{"empty", "", loader.KindAssessment},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, loader.Guess(c.name, []byte(c.data)))
			// Check guesses the same, reading the file as a stream.
			got, err := loader.Check(c.name, strings.NewReader(c.data), loader.CheckOptions{Framework: "x:1", From: "iso27002", To: "csf"})
			require.NoError(t, err)
			assert.Equal(t, c.want, got.Kind)
		})
	}
}

// A problem reads as its error; its position is the reader's, or none for a
// problem of the whole file.
func TestCheckProblem(t *testing.T) {
	dangling := &catalog.DataError{File: "m.csv", Line: 3, Record: "edge #2", Field: "from", Value: "5.99", Err: mappings.ErrDanglingRef}
	p := loader.Problem{Err: dangling}
	assert.Equal(t, dangling.Error(), p.Error())
	assert.Equal(t, dangling.Error(), p.Message(), "an error keeps its whole message")
	assert.Equal(t, place{File: "m.csv", Line: 3, Record: "edge #2", Field: "from", Value: "5.99"}, where(p))
	assert.ErrorIs(t, p, mappings.ErrDanglingRef)

	more := loader.Problem{Err: errors.New("... and 3 more problems")}
	assert.Equal(t, "... and 3 more problems", more.Message())
	assert.Zero(t, where(more))

	// A syntax error of a document: one error, at its line, nothing read.
	c := check(t, "d.json", []byte("{\n\"frameworks\": [,]}"), loader.CheckOptions{Kind: loader.KindDocument})
	require.Len(t, c.Problems, 1)
	assert.ErrorIs(t, c.Problems[0], catalog.ErrMalformed)
	assert.Equal(t, 2, c.Problems[0].Where().Line)
	assert.False(t, c.Read)
}

// A file's framework takes the place of the catalog's of the same ID: the embedded
// ISO/IEC 27002:2022 replaced by one of one control is a valid framework, and a
// mapping set of the document is checked against that one.
func TestCheckReplacesFrameworks(t *testing.T) {
	doc := `{"frameworks": [{"id": "iso27002:2022", "name": "Mine", "controls": [{"id": "Z", "title": "Zed"}]}],
	"mappings": [{"id": "m", "from": "iso27002:2022", "to": "nist-csf:2.0", "kind": "crosswalk", "source": "s",
	"edges": [{"from": "iso27002:2022/Z", "to": "nist-csf:2.0/GV.OC-01", "relationship": "related"},
	          {"from": "iso27002:2022/5.1", "to": "nist-csf:2.0/GV.OC-01", "relationship": "related"}]}]}`
	for _, cat := range []*catalog.Catalog{nil, acmeCatalog(t)} {
		c := check(t, "d.json", []byte(doc), loader.CheckOptions{Catalog: cat})
		require.Len(t, c.Problems, 1, "5.1 is not a control of the replacement")
		assert.ErrorIs(t, c.Problems[0], mappings.ErrDanglingRef)
		assert.Equal(t, "iso27002:2022/5.1", c.Problems[0].Where().Value)
	}
	// The acme:1 of the catalog given is replaced by the file's, which has no AC-1.
	set := `{"id": "s", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk", "source": "s", "edges": [{"from": "acme:1/AC-1", "to": "iso27002:2022/5.15", "relationship": "equal"}]}`
	c := check(t, "d.json", []byte(`{"frameworks": [{"id": "acme:1", "name": "A", "controls": [{"id": "B", "title": "B"}]}], "mappings": [`+set+`]}`),
		loader.CheckOptions{Catalog: acmeCatalog(t)})
	require.Len(t, c.Problems, 1)
	assert.Equal(t, "acme:1/AC-1", c.Problems[0].Where().Value)
}

// ResolveFramework takes IDs and aliases; an unknown name lists the catalog's
// frameworks.
func TestResolveFramework(t *testing.T) {
	id, err := loader.ResolveFramework(catalog.Default(), "csf")
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("nist-csf:2.0"), id)
	id, err = loader.ResolveFramework(acmeCatalog(t), "acme")
	require.NoError(t, err)
	assert.Equal(t, acme, id)

	_, err = loader.ResolveFramework(catalog.Default(), "nope")
	require.ErrorIs(t, err, catalog.ErrUnknownFramework)
	assert.Contains(t, err.Error(), `unknown framework "nope"; accepted: iso27002:2022, `)
	_, err = loader.ResolveFramework(catalog.Default(), "cis:9")
	require.ErrorIs(t, err, catalog.ErrUnknownFramework)
	if catalog.HasCIS() {
		assert.True(t, strings.HasSuffix(err.Error(), "cis:8, cis:8.1 (or an alias such as iso27002, csf, cis)"), err.Error())
	} else {
		assert.Contains(t, err.Error(), `unknown framework "cis:9": this build has no CIS data (built with -tags nocis); frameworks: iso27002:2022, `)
	}
}

// Check shares nothing between calls: concurrent checks of the same data, against
// the same catalog, find the same (run with -race).
func TestCheckConcurrent(t *testing.T) {
	data := readFixture(t, acmeMapCSV)
	cat := acmeCatalog(t)
	want := check(t, "m.csv", data, loader.CheckOptions{From: "acme", To: "iso27002", Catalog: cat})
	done := make(chan *loader.Checked)
	for range 4 {
		go func() {
			c, _ := loader.Check("m.csv", bytes.NewReader(data), loader.CheckOptions{From: "acme", To: "iso27002", Catalog: cat})
			done <- c
		}()
	}
	for range 4 {
		c := <-done
		require.NotNil(t, c)
		assert.Equal(t, want.Sets, c.Sets)
		assert.Equal(t, want.Problems, c.Problems)
	}
}
