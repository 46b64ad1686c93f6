package catalog_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/require"
)

// referenceDir returns ../shared/reference relative to the module root, or skips the
// test when it is absent (the module is usable without it; only these checks need it).
func referenceDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root (go.mod) not found above the test directory")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference")
	if _, err := os.Stat(filepath.Join(ref, "frameworks")); err != nil {
		t.Skipf("reference data not found at %s (the facts check needs ../shared/reference beside the module): %v", ref, err)
	}
	return ref
}

// readReference reads one reference CSV file as rows keyed by column name.
func readReference(t testing.TB, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(referenceDir(t), "frameworks", name))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs, name)
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// ids collects the IDs of a sequence of controls.
func ids(seq func(func(catalog.Control) bool)) []string {
	var out []string
	for c := range seq {
		out = append(out, c.Ref.ID)
	}
	return out
}

// refStrings collects the canonical Refs of a sequence of controls.
func refStrings(seq func(func(catalog.Control) bool)) []string {
	var out []string
	for c := range seq {
		out = append(out, c.Ref.String())
	}
	return out
}
