// Package testref finds the reference data (../shared/reference beside the module)
// for the project's tests, which compare the embedded data with it. Tests that need it
// skip, saying why, where it is absent: the module itself never needs it.
package testref

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the directory of go.mod above the working directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Dir returns <module root>/../shared/reference joined with elem, or skips the test
// when that does not exist.
func Dir(t testing.TB, elem ...string) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Skipf("reference data not looked for: %v", err)
	}
	dir := filepath.Join(append([]string{root, "..", "shared", "reference"}, elem...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference data not found at %s (it lives beside the module as ../shared/reference; CI has it): %v", dir, err)
	}
	return dir
}

// ReadCSV reads the reference CSV file at elem (under Dir) as rows keyed by column
// name, failing the test on a read error and skipping it without the reference data.
func ReadCSV(t testing.TB, elem ...string) []map[string]string {
	t.Helper()
	path := Dir(t, elem...)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", path)
	}
	rows := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}
