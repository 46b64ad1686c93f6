package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// csfToISO is "mappings --from csf --to iso27002:2022".
func csfToISO(t *testing.T) *crosswalk.Pair {
	t.Helper()
	p := crosswalk.Default().Edges(catalog.CSF20, catalog.ISO27002v2022, mappings.Embedded())
	require.NotEmpty(t, p.Edges)
	require.NotEmpty(t, p.Statements)
	return &p
}

func TestEdgesFormats(t *testing.T) {
	p := csfToISO(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "edges-csf-iso"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderEdges(b, p, f, Options{Width: 120}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderEdges(&b, p, Mermaid, Options{}), ErrUnsupported, "RenderSet draws a pair")
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderEdges(&b, nil, f, Options{}), "no framework pair", f)
	}
}

func TestEdgesTable(t *testing.T) {
	p := csfToISO(t)
	s := string(render(t, func(b *bytes.Buffer) error { return EdgesTable(b, p, Options{Width: 120}) }))
	assertFits(t, s, 120)
	// NIST's CSF 2.0 reference tool publishes its ISO/IEC 27001:2022 references
	// from CSF: none is read backwards.
	assert.True(t, strings.HasPrefix(s, "Edges nist-csf:2.0 → iso27002:2022: "+itoa(len(p.Edges))+" (0 read backwards from sets published iso27002:2022 → nist-csf:2.0)\n"+
		"FROM      TO    RELATIONSHIP  SET                            SOURCE                           NOTE\n"+
		"GV        5.1   related       nist-csf-2.0_to_iso27001-2022  nist-cprt-csf-2.0-iso27001-2022\n"), s)
	// GV.OC-01 has no reference of its own: the source's empty Annex A cell.
	assert.Contains(t, s, "\n\nStatements about nist-csf:2.0 elements instead of edges: "+itoa(len(p.Statements))+"\n")
	assert.Contains(t, s, "\nGV.OC-01  empty         Annex A controls  2022: Annex A Controls:")
}

func TestEdgesInverseAndSuccession(t *testing.T) {
	// Read the other way, every edge is read backwards and marked so.
	p := crosswalk.Default().Edges(catalog.ISO27002v2022, catalog.CSF20, mappings.Embedded())
	require.NotEmpty(t, p.Edges)
	s := string(render(t, func(b *bytes.Buffer) error { return EdgesTable(b, &p, Options{Width: 200}) }))
	n := itoa(len(p.Edges))
	assert.True(t, strings.HasPrefix(s, "Edges iso27002:2022 → nist-csf:2.0: "+n+" ("+n+" read backwards from sets published nist-csf:2.0 → iso27002:2022)\n"), s)
	assert.Equal(t, len(p.Edges), strings.Count(s, "  inverse\n"))

	// An edge carried across an identity succession (a fictional pair).
	carried := &crosswalk.Pair{From: "a:2", To: "b:1", Edges: []crosswalk.PairEdge{{
		Hop:        crosswalk.Hop{From: catalog.NewRef("a:2", "X"), To: catalog.NewRef("b:1", "Y"), Relationship: mappings.SubsetOf, Set: "s", Source: "src"},
		Succession: "a:1", Misprint: "Y.", Strength: 7, HasStrength: true,
	}}}
	s = string(render(t, func(b *bytes.Buffer) error { return EdgesTable(b, carried, Options{}) }))
	assert.Equal(t, "Edges a:2 → b:1: 1, none published between them: the edges of a:1, carried across the identity succession (same IDs, every edge equal) and labelled so\n"+
		"FROM  TO  RELATIONSHIP  SET  SOURCE  NOTE\n"+
		"X     Y   subset-of     s    src     via a:1 (succession); printed Y.\n", s)
	var b bytes.Buffer
	require.NoError(t, EdgesJSON(&b, carried))
	var doc EdgesDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	require.Len(t, doc.Edges, 1)
	require.NotNil(t, doc.Edges[0].Strength)
	assert.Equal(t, 7, *doc.Edges[0].Strength)
	assert.Equal(t, "a:1", doc.Edges[0].Succession)
	assert.Equal(t, []EdgeStatementDoc{}, doc.Statements, "no statement: an empty list, not null")
}

func TestEdgesCSV(t *testing.T) {
	p := csfToISO(t)
	var b bytes.Buffer
	require.NoError(t, EdgesCSV(&b, p))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+len(p.Edges)+len(p.Statements))
	assert.Equal(t, []string{"record", "from", "to", "relationship", "inverse", "set", "source", "label", "note", "misprint", "succession"}, rows[0])
	assert.Equal(t, "edge", rows[1][0])
	assert.Equal(t, "nist-csf:2.0/GV", rows[1][1], "full refs, not shortened")
	st := rows[1+len(p.Edges)]
	assert.Equal(t, []string{"statement", "nist-csf:2.0/GV.OC-01", "Annex A controls", "empty"}, st[:4])
}

func TestEdgeNote(t *testing.T) {
	assert.Equal(t, "", EdgeDoc{}.note())
	assert.Equal(t, "inverse; label informative_reference_of; a note", EdgeDoc{Inverse: true, Label: "informative_reference_of", Note: "a note"}.note())
	assert.Equal(t, "5.1", shortRef("iso27002:2022/5.1", "iso27002:2022"))
	assert.Equal(t, "iso27001:2022/A.5.1", shortRef("iso27001:2022/A.5.1", "iso27002:2022"))
}
