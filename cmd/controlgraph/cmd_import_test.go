package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImportFixtures(t *testing.T) {
	acme := importFrameworkJSON{ID: "acme:1", Name: "ACME in-house controls (fictional test fixture)", Controls: 8,
		Kinds: []kindCountJSON{{Kind: "domain", Count: 2}, {Kind: "control", Count: 6}}}
	for _, file := range []string{"testdata/acme.json", "testdata/acme.oscal-catalog.json"} {
		doc := decodeJSON[importJSON](t, cliOK(t, "import", file, "--format", "json"))
		assert.Equal(t, []importFrameworkJSON{acme}, doc.Frameworks, file)
		assert.Empty(t, doc.Sets)
	}
	set := importSetJSON{ID: "acme-1_to_iso27002-2022", From: "acme:1", To: "iso27002:2022", Kind: "crosswalk", Source: "acme-fictional", Edges: 6, Statements: 1}
	for _, file := range []string{"testdata/acme-map.json", "testdata/acme-map.oscal-mapping.json"} {
		doc := decodeJSON[importJSON](t, cliOK(t, "import", file, "--catalog", "testdata/acme.json", "--format", "json"))
		assert.Equal(t, []importSetJSON{set}, doc.Sets, file)
		assert.Empty(t, doc.Frameworks)
	}
	doc := decodeJSON[importJSON](t, cliOK(t, "import", "testdata/acme.csv", "--framework-id", "acme:1", "--name", "ACME", "--format", "json"))
	require.Len(t, doc.Frameworks, 1)
	assert.Equal(t, "framework (CSV)", doc.Kind)
	assert.Equal(t, 8, doc.Frameworks[0].Controls)

	out := cliOK(t, "import", "testdata/acme.json", "--format", "table")
	assert.Contains(t, out, "acme:1     ACME in-house controls (fictional test fixture)  8         2 domain, 6 control  0\n")
}

func TestImportErrors(t *testing.T) {
	// A set whose framework is not known: every problem, and a hint.
	_, errs, code := cli(t, "import", "testdata/acme-map.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "8 problems")
	assert.Contains(t, errs, `edge #6 (acme:1/OP-4 → iso27002:2022/7.14)`)
	assert.Contains(t, errs, "hint: give the file of a framework that is not embedded with --catalog FILE")

	msg := cliBad(t, "import", "testdata/acme.csv")
	assert.Contains(t, msg, "--framework-id")
	msg = cliBad(t, "import", "testdata/acme-assessment.csv")
	assert.Contains(t, msg, "looks like an assessment")
	msg = cliBad(t, "import", "testdata/missing.json")
	assert.Contains(t, msg, "cannot read")
}

// NIST's own OSCAL catalog of CSF 2.0: 6 functions, 22 categories, 106 subcategories
// (the reference counts); the 91 withdrawn elements are kept, marked, with a warning,
// and every OSCAL control (categories and subcategories) is an item.
func TestImportNISTCatalog(t *testing.T) {
	file := filepath.Join(referenceDir(t), "oscal", "NIST_CSF_v2.0_catalog.json")
	out, errs, code := cli(t, "import", file, "--framework-id", "csf-oscal:2.0", "--format", "json")
	require.Equal(t, 0, code, errs)
	doc := decodeJSON[importJSON](t, out)
	require.Len(t, doc.Frameworks, 1)
	f := doc.Frameworks[0]
	assert.Equal(t, "csf-oscal:2.0", f.ID)
	assert.Equal(t, []kindCountJSON{{Kind: "function", Count: 6}, {Kind: "category", Count: 22}, {Kind: "subcategory", Count: 106}}, f.Kinds)
	assert.Equal(t, 91, f.Withdrawn)
	assert.Equal(t, []string{"category", "subcategory"}, f.ItemKinds)
	assert.Contains(t, errs, "controlgraph import: warning: 79 withdrawn subcategory node(s) kept and marked withdrawn (never gap items)\n")
}
