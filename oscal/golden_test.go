package oscal

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./oscal -run Golden -update to create it")
	assert.Equal(t, string(want), string(got), "output differs from %s (review, then -update)", path)
}

// The golden files pin the exact output for a fictional framework and mapping set that
// use every encoding (IDs that are not tokens, escaped kinds and attribute names,
// values kept in remarks, statements, strengths, labels, misprints); they are also
// fixtures for the import command.
func TestGoldenCatalog(t *testing.T) {
	b, err := ExportCatalog(userFramework())
	require.NoError(t, err)
	golden(t, "acme.catalog.json", b)
	f, _, err := ImportCatalog("acme.catalog.json", b)
	require.NoError(t, err)
	assert.Equal(t, normalised(userFramework()), normalised(f))
}

func TestGoldenMappings(t *testing.T) {
	acme := userFramework()
	acme.Controls = append(acme.Controls, catalog.ControlSpec{ID: "3", Title: "Third root"})
	cat, err := catalog.New(append(catalog.Embedded(), acme)...)
	require.NoError(t, err)
	b, err := ExportMappings([]mappings.Set{detailedSet()}, cat)
	require.NoError(t, err)
	validate(t, b)
	golden(t, "acme.mapping-collection.json", b)
	sets, _, err := ImportMappings("acme.mapping-collection.json", b)
	require.NoError(t, err)
	assert.Equal(t, []mappings.Set{detailedSet()}, sets)
}
