package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func generateMappings(t *testing.T) map[string][]byte {
	t.Helper()
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	require.NoError(t, genMappings(ref, files))
	for name := range files {
		if !strings.HasPrefix(name, "mappings/") {
			delete(files, name)
		}
	}
	return files
}

// TestMappingsUpToDate regenerates the mapping set files from the reference data and
// compares them byte for byte with the committed ones, so that a hand edit of
// mappings/data, or a generator change without regenerating, fails.
func TestMappingsUpToDate(t *testing.T) {
	root := testModuleRoot(t)
	files := generateMappings(t)
	var generated []string
	for name, want := range files {
		generated = append(generated, name)
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if !assert.NoError(t, err, "%s is generated but not committed; run go run ./internal/gen", name) {
			continue
		}
		assert.True(t, string(want) == string(got), "%s differs from what go run ./internal/gen -ref ../shared/reference writes; do not edit it by hand", name)
	}
	slices.Sort(generated)
	assert.Equal(t, []string{
		"mappings/data/cis/LICENSE",
		"mappings/data/cis/cis-controls-v8_to_cis-controls-v8.1.json",
		"mappings/data/cis/cis-controls-v8_to_iso27002-2022.json",
		"mappings/data/cis/cis-controls-v8_to_nist-csf-1.1.json",
		"mappings/data/cis/nist-csf-2.0_to_cis-controls-v8.1.json",
		"mappings/data/cis/nist-csf-2.0_to_cis-controls-v8.json",
		"mappings/data/iso27002-2013_to_iso27002-2022.json",
		"mappings/data/nis2-ir-2024-2690_to_iso27002-2022.json",
		"mappings/data/nis2-ir-2024-2690_to_nist-csf-2.0.json",
		"mappings/data/nist-csf-1.1_to_iso27001-2013.json",
		"mappings/data/nist-csf-1.1_to_nist-csf-2.0.json",
		"mappings/data/nist-csf-2.0_to_iso27001-2022.json",
		"mappings/data/nist-csf-2.0_to_nist-sp800-53-r5.json",
		"mappings/data/nist-sp800-53-r5_to_iso27001-2022.json",
		"mappings/embed_tables.go",
		"mappings/embed_tables_cis.go",
	}, generated)

	var committed []string
	require.NoError(t, filepath.WalkDir(filepath.Join(root, "mappings", "data"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		committed = append(committed, filepath.ToSlash(rel))
		return err
	}))
	slices.Sort(committed)
	data := slices.DeleteFunc(slices.Clone(generated), func(n string) bool { return !strings.HasPrefix(n, "mappings/data/") })
	assert.Equal(t, data, committed, "stale files under mappings/data")
}

// TestMappingsDeterministic: two runs give the same bytes.
func TestMappingsDeterministic(t *testing.T) {
	assert.Equal(t, generateMappings(t), generateMappings(t))
}

// TestMappingsErrorPaths: a reference row naming a control the catalog lacks, or a
// relationship word nobody knows, stops the generator with file and line.
func TestMappingsErrorPaths(t *testing.T) {
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	cat, err := generatedCatalog(files)
	require.NoError(t, err)

	bad := writeRef(t, map[string]string{
		"mappings/iso27002-2013_to_iso27002-2022.csv":   "iso27002_2013,iso27002_2022,source\nA.5.1.1,5.1,S\nA.5.1.2,9.9,S\n",
		"mappings/cis-controls-v8_to_iso27002-2022.csv": "cis_id,iso27002_2022,relationship,source\n1.1,5.9,kinda,S\n",
		"mappings/nist-csf-2.0_to_iso27001-2022.csv":    "csf_id,csf_level,iso_kind,iso_id,as_printed,source\nGV,function,clause,4.9,2022: Mandatory Clause: 4.9,S\n",
	})
	_, err = genISO2013to2022(bad, cat)
	assert.ErrorContains(t, err, `mappings/iso27002-2013_to_iso27002-2022.csv:3: iso27002:2022 has no control "9.9"`)
	_, err = genCISSetTheory(bad, cat, "mappings/cis-controls-v8_to_iso27002-2022.csv", "iso27002_2022", "x", "iso27002:2022", "s")
	assert.ErrorContains(t, err, `mappings/cis-controls-v8_to_iso27002-2022.csv:2: unknown relationship "kinda"`)
	_, err = genCSF20toISO27001(bad, cat)
	assert.ErrorContains(t, err, `mappings/nist-csf-2.0_to_iso27001-2022.csv:2: iso27001:2022 has no control "4.9"`)
}

// An element that cites a clause and a list item of it ("4.2" and "4.2(a)") has one
// edge to the clause that names the item; it is not a repeat of the source's.
func TestCSF20ClauseAndItsItem(t *testing.T) {
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	cat, err := generatedCatalog(files)
	require.NoError(t, err)
	dir := writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_iso27001-2022.csv": "csf_id,csf_level,iso_kind,iso_id,as_printed,source\n" +
		"GV.OC-02,subcategory,clause,4.2,2022: Mandatory Clause: 4.2,S\n" +
		"GV.OC-02,subcategory,clause,4.2(a),2022: Mandatory Clause: 4.2(a),S\n"})
	sets, err := genCSF20toISO27001(dir, cat)
	require.NoError(t, err)
	require.Len(t, sets[0].Edges, 1)
	e := sets[0].Edges[0]
	assert.Equal(t, "iso27001:2022/4.2", e.To.String())
	assert.Equal(t, 0, e.Repeats)
	assert.Equal(t, `list item a) of clause 4.2 (printed "4.2(a)")`, e.Note)
}
