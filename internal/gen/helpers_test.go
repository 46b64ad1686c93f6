package main

import (
	"testing"

	"github.com/controlgraph/controlgraph/internal/testref"
)

// testModuleRoot returns the module root (the directory holding go.mod).
func testModuleRoot(t testing.TB) string {
	t.Helper()
	root, err := testref.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// testReferenceDir returns ../shared/reference beside the module, and skips the test
// when it is absent: the generator's inputs are not part of the module.
func testReferenceDir(t testing.TB) string {
	t.Helper()
	return testref.Dir(t)
}
