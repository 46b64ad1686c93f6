package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An export document's mapping sets are checked against the catalog in use: with
// --catalog, its frameworks count (as the help says), the document's own in place
// of ones of the same ID.
func TestValidateDocumentWithCatalog(t *testing.T) {
	set, err := os.ReadFile(filepath.Join("testdata", "acme-map.json"))
	require.NoError(t, err)
	doc := filepath.Join(t.TempDir(), "doc.json")
	require.NoError(t, os.WriteFile(doc, append(append([]byte(`{"frameworks": [], "mappings": [`), set...), "]}"...), 0o644))

	out, _, code := cli(t, "validate", doc, "--format", "json")
	assert.Equal(t, exitInput, code)
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, 8, rep.Errors, "without acme:1: the set, its 6 edges and its statement")

	out = cliOK(t, "validate", doc, "--catalog", filepath.Join("testdata", "acme.json"), "--format", "json")
	rep = decodeJSON[validateJSON](t, out)
	assert.True(t, rep.Valid)
	assert.Equal(t, "0 frameworks with 0 nodes; 1 mapping set", rep.Summary)
}
