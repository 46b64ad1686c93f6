package oscal

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// referenceDir returns <module root>/../shared/reference/oscal, or skips the test.
func referenceDir(t testing.TB) string {
	t.Helper()
	return testref.Dir(t, "oscal")
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
