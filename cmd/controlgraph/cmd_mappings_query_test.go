package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With --catalog, the statements about the user's framework come in its document
// order. mappings used to sort them by refs re-parsed against the embedded catalog,
// which does not hold acme:1: every ref parsed as nothing and the set's order stayed
// (OP-3 before AC-2).
func TestMappingsUserStatementsInDocumentOrder(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "acme-statements.json")
	require.NoError(t, os.WriteFile(set, []byte(`{
  "id": "acme-statements", "from": "acme:1", "to": "iso27002:2022", "kind": "crosswalk",
  "source": "acme-fictional", "source_document": {"title": "fictional"},
  "edges": [{"from": "acme:1/OP-1", "to": "iso27002:2022/8.16", "relationship": "equal"}],
  "statements": [
    {"ref": "acme:1/OP-3", "kind": "no-reference", "target": "ISO/IEC 27002:2022"},
    {"ref": "acme:1/AC-2", "kind": "no-reference", "target": "ISO/IEC 27002:2022"},
    {"ref": "acme:1/OP-2", "kind": "no-reference", "target": "ISO/IEC 27002:2022"}
  ]
}`), 0o600))
	doc := mappingsOut(t, "--from", "acme", "--to", "iso27002:2022", "--catalog", "testdata/acme.json", "--mappings", set)
	var refs []string
	for _, s := range doc.Statements {
		refs = append(refs, s.Ref)
	}
	assert.Equal(t, []string{"acme:1/AC-2", "acme:1/OP-2", "acme:1/OP-3"}, refs)
	require.Len(t, doc.Edges, 1)
	assert.Equal(t, "acme-statements", doc.Edges[0].Set)
}
