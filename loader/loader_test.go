package loader_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
)

// The fixtures in testdata are the fictional ACME framework (8 controls) and its
// crosswalk to ISO/IEC 27002:2022 (6 edges, one statement), in each form the loader
// reads: JSON, CSV and OSCAL.
const (
	acmeJSON       = "testdata/acme.json"
	acmeCSV        = "testdata/acme.csv"
	acmeMapJSON    = "testdata/acme-map.json"
	acmeMapCSV     = "testdata/acme-map.csv"
	acmeOSCAL      = "testdata/acme.oscal-catalog.json"
	acmeMapOSCAL   = "testdata/acme-map.oscal-mapping.json"
	acme           = catalog.FrameworkID("acme:1")
	acmeSetID      = "acme-1_to_iso27002-2022"
	acmeOSCALUUID  = "a463a3dc-d06c-5485-97da-dfd52dc74b09"
	acmeEdgeCount  = 6
	acmeControlCnt = 8
)

func ExampleLoad() {
	d, err := loader.Load(loader.Options{
		Catalogs: []string{"testdata/acme.json"},
		Mappings: []string{"testdata/acme-map.json"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	user := d.Sets[len(d.Sets)-1]
	fmt.Println(d.Catalog.Has("acme:1"), user.ID, len(user.Edges), "edges")
	ms, _ := d.Crosswalk.Map(catalog.NewRef("acme:1", "AC-1"), catalog.ISO27002v2022)
	fmt.Println(ms[0].Relationship, ms[0].To)

	_, err = loader.Load(loader.Options{Catalogs: []string{"testdata/acme.csv"}})
	fmt.Println(err)
	// Output:
	// true acme-1_to_iso27002-2022 6 edges
	// subset-of iso27002:2022/5.15
	// cannot read --catalog: testdata/acme.csv is CSV: name its framework with --catalog-id ID
}

// Without files, the embedded data.
func TestLoadNothing(t *testing.T) {
	d, err := loader.Load(loader.Options{})
	require.NoError(t, err)
	assert.Equal(t, mappings.Embedded(), d.Sets)
	n := 0
	for range d.Catalog.Frameworks() {
		n++
	}
	assert.Equal(t, len(catalog.Embedded()), n)
	require.NotNil(t, d.Crosswalk)
	assert.Empty(t, d.Imports)
	assert.Empty(t, d.Warnings)
	assert.Empty(t, d.CatalogFiles)
}

// checkAcme asserts that d holds the ACME framework and, read from file, its set.
func checkAcme(t *testing.T, d *loader.Data, setID string) {
	t.Helper()
	in, ok := d.Catalog.Framework(acme)
	require.True(t, ok)
	assert.Equal(t, acmeControlCnt, in.Controls)
	require.Len(t, d.Sets, len(mappings.Embedded())+1)
	user := d.Sets[len(d.Sets)-1]
	assert.Equal(t, setID, user.ID)
	assert.Equal(t, acme, user.From)
	assert.Equal(t, catalog.ISO27002v2022, user.To)
	assert.Len(t, user.Edges, acmeEdgeCount)
	ms, err := d.Crosswalk.Map(catalog.NewRef(acme, "OP-1"), catalog.ISO27002v2022)
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "8.16"), ms[0].To)
	assert.Equal(t, mappings.Equal, ms[0].Relationship)
}

func TestLoadJSON(t *testing.T) {
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{acmeMapJSON}})
	require.NoError(t, err)
	checkAcme(t, d, acmeSetID)
	assert.Equal(t, []loader.CatalogFile{{File: acmeJSON, Framework: acme}}, d.CatalogFiles)
	assert.Empty(t, d.Imports)
	assert.Empty(t, d.Warnings)
	// The statement about OP-3 came along.
	user := d.Sets[len(d.Sets)-1]
	require.Len(t, user.Statements, 1)
	assert.Equal(t, catalog.NewRef(acme, "OP-3"), user.Statements[0].Ref)
}

// A CSV framework takes its ID (and name) from CatalogID; a CSV set its ID from the
// file name and its frameworks from its first row.
func TestLoadCSV(t *testing.T) {
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeCSV}, CatalogID: string(acme), Mappings: []string{acmeMapCSV}})
	require.NoError(t, err)
	checkAcme(t, d, "acme-map")
	in, _ := d.Catalog.Framework(acme)
	assert.Equal(t, "acme:1", in.Name)
	user := d.Sets[len(d.Sets)-1]
	assert.Equal(t, mappings.Source{ID: "acme-map", Title: "acme-map.csv"}, user.Source)
}

// OSCAL documents: the mapping-collection's resources bind to the catalog file read
// before it (by file name or uuid); each import's report comes back.
func TestLoadOSCAL(t *testing.T) {
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeOSCAL}, Mappings: []string{acmeMapOSCAL}})
	require.NoError(t, err)
	checkAcme(t, d, acmeSetID)
	assert.Equal(t, []loader.CatalogFile{{File: acmeOSCAL, UUID: acmeOSCALUUID, Framework: acme}}, d.CatalogFiles)
	require.Len(t, d.Imports, 2)
	assert.Equal(t, acmeOSCAL, d.Imports[0].File)
	assert.Equal(t, acmeMapOSCAL, d.Imports[1].File)

	// CatalogID names the framework of an OSCAL catalog instead of its own.
	d, err = loader.Load(loader.Options{Catalogs: []string{acmeOSCAL}, CatalogID: "mine:2"})
	require.NoError(t, err)
	assert.True(t, d.Catalog.Has("mine:2"))
	assert.False(t, d.Catalog.Has(acme))
}

// A member outside the OSCAL model is reported and skipped, or refused when strict.
func TestLoadOSCALStrict(t *testing.T) {
	data, err := os.ReadFile(acmeOSCAL)
	require.NoError(t, err)
	odd := strings.Replace(string(data), `"title": "ACME in-house controls (fictional test fixture)",`,
		`"title": "ACME in-house controls (fictional test fixture)", "x-extra": 1,`, 1)
	require.NotEqual(t, string(data), odd)
	file := filepath.Join(t.TempDir(), "odd.json")
	require.NoError(t, os.WriteFile(file, []byte(odd), 0o600))

	d, err := loader.Load(loader.Options{Catalogs: []string{file}})
	require.NoError(t, err)
	require.Len(t, d.Imports, 1)
	assert.NotEmpty(t, d.Imports[0].Warnings())

	d, err = loader.Load(loader.Options{Catalogs: []string{file}, Strict: true})
	var le *loader.Error
	require.ErrorAs(t, err, &le)
	assert.Equal(t, loader.StepReadCatalogs, le.Step)
	assert.Nil(t, d.Catalog)
}

// ReadFile decides how files are read and what messages call them.
func TestLoadReadFile(t *testing.T) {
	files := map[string]string{"-": acmeMapJSON}
	read := func(file string) (string, []byte, error) {
		if f, ok := files[file]; ok {
			data, err := os.ReadFile(f)
			return "standard input", data, err
		}
		data, err := os.ReadFile(file)
		return file, data, err
	}
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{"-"}, ReadFile: read})
	require.NoError(t, err)
	checkAcme(t, d, acmeSetID)

	files["-"] = "testdata/does-not-exist.json"
	_, err = loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{"-"}, ReadFile: read})
	require.Error(t, err)
	assert.True(t, errors.Is(err, fs.ErrNotExist), err)
	assert.Contains(t, err.Error(), "cannot read --mappings: cannot read standard input: open testdata/does-not-exist.json")
}

// writeFile writes a fixture of the test's own.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(file, []byte(content), 0o600))
	return file
}

// Every refusal names the step, wraps what tells it apart and says it in words.
func TestLoadRefused(t *testing.T) {
	embeddedID := writeFile(t, "csf.json", `{"id": "nist-csf:2.0", "name": "mine", "version": "2.0", "controls": [{"id": "X", "title": "x"}]}`)
	dangling := writeFile(t, "dangling.json", `{"id": "dangling", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk", "source": "x",
 "edges": [{"from": "acme:1/ZZ-9", "to": "iso27002:2022/5.15", "relationship": "equal"}]}`)
	embeddedSet := writeFile(t, "embedded-set.json", strings.Replace(mustRead(t, acmeMapJSON), acmeSetID, mappings.SetCSF20ToISO27001, 1))
	shortRefs := writeFile(t, "short.csv", "from,to,relationship\nAC-1,5.15,equal\n")
	for _, tc := range []struct {
		name   string
		opts   loader.Options
		step   loader.Step
		is     error
		saying string
	}{
		{"CSV framework without an ID", loader.Options{Catalogs: []string{acmeCSV}},
			loader.StepReadCatalogs, loader.ErrCatalogID, "testdata/acme.csv is CSV: name its framework with --catalog-id ID"},
		{"two CSV frameworks", loader.Options{Catalogs: []string{acmeCSV, acmeCSV}, CatalogID: "acme:1"},
			loader.StepReadCatalogs, loader.ErrCatalogID, "testdata/acme.csv: only one CSV --catalog per run"},
		{"a mapping-collection as a framework file", loader.Options{Catalogs: []string{acmeMapOSCAL}},
			loader.StepReadCatalogs, loader.ErrWrongOption, "is an OSCAL mapping-collection: give it with --mappings"},
		{"an embedded framework ID", loader.Options{Catalogs: []string{embeddedID}},
			loader.StepReadCatalogs, loader.ErrTaken, "framework nist-csf:2.0 is embedded already"},
		{"no such file", loader.Options{Catalogs: []string{"testdata/nope.json"}},
			loader.StepReadCatalogs, fs.ErrNotExist, "cannot read testdata/nope.json"},
		{"the same framework twice", loader.Options{Catalogs: []string{acmeJSON, acmeJSON}},
			loader.StepBuildCatalog, nil, "framework given twice"},
		{"an OSCAL catalog as a mapping file", loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{acmeOSCAL}},
			loader.StepReadMappings, loader.ErrWrongOption, "is an OSCAL catalog: give it with --catalog"},
		{"a framework as a mapping file", loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{acmeJSON}},
			loader.StepReadMappings, nil, "unknown field"},
		{"a CSV set with short refs", loader.Options{Mappings: []string{shortRefs}},
			loader.StepReadMappings, loader.ErrCSVSet, "write refs in full"},
		{"a bind without '='", loader.Options{Catalogs: []string{acmeOSCAL}, Mappings: []string{acmeMapOSCAL}, Binds: []string{"foo"}},
			loader.StepReadMappings, loader.ErrBind, `--bind "foo": want HREF=FRAMEWORK`},
		{"a bind to no framework", loader.Options{Catalogs: []string{acmeOSCAL}, Mappings: []string{acmeMapOSCAL}, Binds: []string{"x=nope"}},
			loader.StepReadMappings, loader.ErrBind, `unknown framework "nope"; accepted: iso27002:2022,`},
		{"a set given twice", loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{acmeMapJSON, acmeMapJSON}},
			loader.StepSetIDs, loader.ErrTaken, `mapping set "acme-1_to_iso27002-2022" is given twice`},
		{"an embedded set ID", loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{embeddedSet}},
			loader.StepSetIDs, loader.ErrTaken, "is embedded already; --mappings adds sets"},
		{"a dangling ref", loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{dangling}},
			loader.StepValidateSets, mappings.ErrDanglingRef, "acme:1/ZZ-9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := loader.Load(tc.opts)
			require.Error(t, err)
			var le *loader.Error
			require.ErrorAs(t, err, &le)
			assert.Equal(t, tc.step, le.Step)
			assert.NotEmpty(t, le.Problems)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
			assert.Contains(t, err.Error(), tc.saying)
			assert.True(t, strings.HasPrefix(err.Error(), tc.step.String()+": "), err.Error())
			require.NotNil(t, d)
			assert.Nil(t, d.Catalog)
			assert.Nil(t, d.Sets)
			assert.Nil(t, d.Crosswalk)
		})
	}
}

func mustRead(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	return string(b)
}

// Every problem of a step is reported, not only the first.
func TestLoadAllProblems(t *testing.T) {
	_, err := loader.Load(loader.Options{Catalogs: []string{"testdata/nope.json", acmeCSV, acmeMapOSCAL}})
	var le *loader.Error
	require.ErrorAs(t, err, &le)
	require.Len(t, le.Problems, 3)
	assert.ErrorIs(t, le.Problems[0], fs.ErrNotExist)
	assert.ErrorIs(t, le.Problems[1], loader.ErrCatalogID)
	assert.ErrorIs(t, le.Problems[2], loader.ErrWrongOption)
}

// A set's known quirk is a warning: the data loads, and the warning comes back. With
// an error beside it, the warning still comes back with the refusal.
func TestLoadWarnings(t *testing.T) {
	warn := writeFile(t, "warn.json", `{"id": "warn-set", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk", "source": "x",
 "edges": [{"from": "acme:1/AC-1", "to": "iso27002:2022/5.15", "relationship": "equal", "misprint": "5.l5"}]}`)
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{warn}})
	require.NoError(t, err)
	require.Len(t, d.Warnings, 1)
	assert.True(t, d.Warnings[0].Warning)
	assert.Equal(t, `set "warn-set": edge #1 (acme:1/AC-1 → iso27002:2022/5.15)`, d.Warnings[0].Record)
	assert.Contains(t, d.Warnings[0].Error(), `field "misprint" = "5.l5": source quirk`)

	both := writeFile(t, "both.json", `{"id": "both", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk", "source": "x",
 "edges": [{"from": "acme:1/ZZ-9", "to": "iso27002:2022/5.15", "relationship": "equal"},
           {"from": "acme:1/AC-1", "to": "iso27002:2022/5.15", "relationship": "equal", "misprint": "5.l5"}]}`)
	d, err = loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{both}})
	require.Error(t, err)
	require.Len(t, d.Warnings, 1)
	assert.Equal(t, `set "both": edge #2 (acme:1/AC-1 → iso27002:2022/5.15)`, d.Warnings[0].Record)
}

// The user's sets are resolved against the catalog: an Annex A spelling reads as
// the control it names.
func TestLoadResolves(t *testing.T) {
	set := writeFile(t, "annex.json", `{"id": "annex", "from": "acme:1", "to": "iso27001:2022", "kind": "crosswalk", "source": "x",
 "edges": [{"from": "acme:1/AC-1", "to": "iso27001:2022/A.5.15", "relationship": "equal"}]}`)
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{set}})
	require.NoError(t, err)
	user := d.Sets[len(d.Sets)-1]
	require.Len(t, user.Edges, 1)
	want, _ := d.Catalog.Canonical(catalog.NewRef(catalog.ISO27001v2022, "A.5.15"))
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "5.15"), want)
	ms, err := d.Crosswalk.Map(catalog.NewRef(acme, "AC-1"), catalog.ISO27002v2022)
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, want, ms[0].To)
}

func TestStepAndError(t *testing.T) {
	assert.Equal(t, "cannot read --catalog", loader.StepReadCatalogs.String())
	assert.Equal(t, "cannot build the crosswalk", loader.StepBuildCrosswalk.String())
	assert.Equal(t, "loader step 99", loader.Step(99).String())
	e := &loader.Error{Step: loader.StepSetIDs, Problems: []error{errors.New("a"), errors.New("b")}}
	assert.Equal(t, "cannot use --mappings: a\nb", e.Error())
	assert.Len(t, e.Unwrap(), 2)
}

// An export document holds several frameworks and sets: both options read it. A
// file of several frameworks binds no OSCAL resource, so it is no CatalogFile.
func TestLoadExportDocument(t *testing.T) {
	a := catalog.Framework{ID: "acme:1", Name: "ACME 1", Version: "1", Controls: []catalog.ControlSpec{{ID: "AC-1", Title: "one"}}}
	b := catalog.Framework{ID: "acme:2", Name: "ACME 2", Version: "2", Controls: []catalog.ControlSpec{{ID: "AC-1", Title: "one"}}}
	set := mappings.Set{ID: "acme-1-2", From: "acme:1", To: "acme:2", Kind: mappings.Succession, Source: mappings.Source{ID: "acme"},
		Edges: []mappings.Edge{{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef("acme:2", "AC-1"), Relationship: mappings.Equal, Source: "acme"}}}
	var buf strings.Builder
	require.NoError(t, mappings.WriteExport(&buf, []catalog.Framework{a, b}, []mappings.Set{set}))
	file := writeFile(t, "export.json", buf.String())

	d, err := loader.Load(loader.Options{Catalogs: []string{file}, Mappings: []string{file}})
	require.NoError(t, err)
	assert.True(t, d.Catalog.Has("acme:1"))
	assert.True(t, d.Catalog.Has("acme:2"))
	assert.Empty(t, d.CatalogFiles)
	assert.Equal(t, "acme-1-2", d.Sets[len(d.Sets)-1].ID)
	// The identity succession carries nothing here, but the crosswalk knows the set.
	var ids []string
	for s := range d.Crosswalk.Sets() {
		ids = append(ids, s.ID)
	}
	assert.Contains(t, ids, "acme-1-2")
}

// The extension .json makes a file JSON whatever it holds; content starting with
// '{' makes it JSON whatever its name.
func TestLoadJSONByNameOrContent(t *testing.T) {
	csvNamedJSON := writeFile(t, "frameworks.json", "id,title\nAC-1,one\n")
	_, err := loader.Load(loader.Options{Catalogs: []string{csvNamedJSON}, CatalogID: "acme:1"})
	var le *loader.Error
	require.ErrorAs(t, err, &le)
	assert.Equal(t, loader.StepReadCatalogs, le.Step)
	assert.NotErrorIs(t, err, loader.ErrCatalogID)
	assert.NotContains(t, err.Error(), "is CSV")

	jsonNamedCSV := writeFile(t, "acme.csv", mustRead(t, acmeJSON))
	d, err := loader.Load(loader.Options{Catalogs: []string{jsonNamedCSV}})
	require.NoError(t, err)
	assert.True(t, d.Catalog.Has(acme))
}

// Two loads share nothing: the second does not see the first's frameworks.
func TestLoadIndependent(t *testing.T) {
	_, err := loader.Load(loader.Options{Catalogs: []string{acmeJSON}})
	require.NoError(t, err)
	d, err := loader.Load(loader.Options{})
	require.NoError(t, err)
	assert.False(t, d.Catalog.Has(acme))
	assert.False(t, catalog.Default().Has(acme))
}

// Binds are read when a mapping-collection is: a good one binds, and one no
// mapping-collection needs is not looked at (the options a command line passes
// along are checked only when they matter).
func TestLoadBinds(t *testing.T) {
	d, err := loader.Load(loader.Options{Catalogs: []string{acmeOSCAL}, Mappings: []string{acmeMapOSCAL},
		Binds: []string{"acme.oscal-catalog.json=acme"}})
	require.NoError(t, err)
	checkAcme(t, d, acmeSetID)

	d, err = loader.Load(loader.Options{Catalogs: []string{acmeJSON}, Mappings: []string{acmeMapJSON}, Binds: []string{"not a bind"}})
	require.NoError(t, err)
	checkAcme(t, d, acmeSetID)
}

// A problem that joins several (a reader's report of one file) stays one problem
// of the step, and errors.Is finds what it wraps.
func TestLoadJoinedProblems(t *testing.T) {
	bad := writeFile(t, "bad.json", `{"id": "x:1", "name": "X", "version": "1", "controls": [{"id": "", "title": ""}, {"id": "B", "title": "b", "parent": "nope"}]}`)
	_, err := loader.Load(loader.Options{Catalogs: []string{bad, "testdata/nope.json"}})
	var le *loader.Error
	require.ErrorAs(t, err, &le)
	require.Len(t, le.Problems, 2)
	joined, ok := le.Problems[0].(interface{ Unwrap() []error })
	require.True(t, ok, "the reader's problems come joined: %v", le.Problems[0])
	assert.GreaterOrEqual(t, len(joined.Unwrap()), 2)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
