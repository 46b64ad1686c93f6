package oscal

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// referenceDir returns <module root>/../shared/reference/oscal, or skips the test when
// it is absent.
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
			t.Skip("module root not found")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference", "oscal")
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("reference data not available at %s (the OSCAL reference files live beside the module, in ../shared/reference/oscal)", ref)
	}
	return ref
}

// readReference reads one file of the OSCAL reference directory, or skips.
func readReference(t testing.TB, name string) []byte {
	t.Helper()
	path := filepath.Join(referenceDir(t), name)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("reference file %s not available", path)
	}
	require.NoError(t, err)
	return b
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// oscalSchema compiles NIST's OSCAL 1.2.2 complete JSON schema once.
func oscalSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	raw := readReference(t, "oscal_complete_schema-1.2.2.json")
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		const url = "https://example.invalid/oscal_complete_schema-1.2.2.json"
		if err := c.AddResource(url, doc); err != nil {
			schemaErr = err
			return
		}
		schema, schemaErr = c.Compile(url)
	})
	require.NoError(t, schemaErr)
	return schema
}

// validate checks doc against the OSCAL 1.2.2 schema.
func validate(t testing.TB, doc []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	require.NoError(t, err)
	if err := oscalSchema(t).Validate(inst); err != nil {
		t.Fatalf("schema validation failed: %v", err)
	}
}
