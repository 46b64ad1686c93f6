package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// An import is counted by hand: two domains and three controls, one withdrawn.
func TestImportDoc(t *testing.T) {
	fw := catalog.Framework{ID: "acme:1", Name: "Acme", ItemKinds: []catalog.Kind{catalog.KindControl}, Controls: []catalog.ControlSpec{
		{ID: "D1", Title: "d", Kind: catalog.Kind("domain")},
		{ID: "C1", Title: "c", Kind: catalog.KindControl, Parent: "D1"},
		{ID: "C2", Title: "c", Kind: catalog.KindControl, Parent: "D1"},
		{ID: "C3", Title: "c", Kind: catalog.KindControl, Parent: "D1", Attributes: map[string][]string{catalog.AttrStatus: {catalog.StatusWithdrawn}}},
		{ID: "D2", Title: "d", Kind: catalog.Kind("domain")},
	}}
	set := mappings.Set{ID: "s", From: "acme:1", To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "src"},
		Edges: []mappings.Edge{{}, {}}, Statements: []mappings.Statement{{}}}
	doc := NewImportDoc("acme.json", "export document", []catalog.Framework{fw}, []mappings.Set{set}, []string{"w1"})
	require.Len(t, doc.Frameworks, 1)
	assert.Equal(t, ImportedFramework{ID: "acme:1", Name: "Acme", Controls: 4, Withdrawn: 1, ItemKinds: []string{"control"},
		Kinds: []KindCountDoc{{Kind: "domain", Count: 2}, {Kind: "control", Count: 2}}}, doc.Frameworks[0])
	assert.Equal(t, []ImportedSet{{ID: "s", From: "acme:1", To: "iso27002:2022", Kind: "crosswalk", Source: "src", Edges: 2, Statements: 1}}, doc.Sets)

	var b bytes.Buffer
	require.NoError(t, ImportTable(&b, &doc, Options{Width: 100}))
	out := b.String()
	assert.Contains(t, out, "acme.json: export document\n\nFRAMEWORK  NAME  CONTROLS  PER KIND")
	assert.Contains(t, out, "2 domain, 2 control")
	assert.Contains(t, out, "acme:1: the items of a gap analysis are its controls of kind control (not withdrawn)\n")
	assert.Contains(t, out, "\n1 warnings (also on standard error)\n")

	b.Reset()
	require.NoError(t, RenderImport(&b, &doc, JSON, Options{}))
	var back ImportDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &back))
	assert.Equal(t, doc, back)
	assert.ErrorIs(t, RenderImport(&b, &doc, CSV, Options{}), ErrUnsupported)

	empty := NewImportDoc("e.json", "mapping set", nil, nil, nil)
	b.Reset()
	require.NoError(t, ImportJSON(&b, &empty))
	assert.Contains(t, b.String(), `"frameworks": []`, "never null lists in the contract")
}
