package main

import (
	"os"
	"path/filepath"
	"testing"
)

// testModuleRoot returns the module root (the directory holding go.mod) above the
// test's working directory.
func testModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// testReferenceDir returns ../shared/reference relative to the module root, and skips
// the test when it is absent: the generator's inputs are not part of the module.
func testReferenceDir(t testing.TB) string {
	t.Helper()
	ref := filepath.Join(testModuleRoot(t), "..", "shared", "reference")
	if _, err := os.Stat(filepath.Join(ref, "frameworks")); err != nil {
		t.Skipf("reference data not found at %s (the generator reads ../shared/reference beside the module): %v", ref, err)
	}
	return ref
}
