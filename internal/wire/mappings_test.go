package wire

import (
	stdjson "encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// TestMappingWireMatchesEncodingJSON: every mapping wire type encodes byte for byte as
// encoding/json encodes it, empty and full, compact and indented.
func TestMappingWireMatchesEncodingJSON(t *testing.T) {
	zero, seven := 0, 7
	full := MappingSet{
		ID: "a_to_b", From: "a:1", To: "b:2", Kind: "crosswalk", Source: "doc",
		SourceDocument: &SourceDocument{Title: "T <&>", Publisher: "P", Licence: "L ©", URL: "https://example.org/?a=1&b=2"},
		Edges: []Edge{
			{From: "a:1/X", To: "b:2/Y", Relationship: "subset-of", Strength: &zero, Rationale: "semantic", Source: "doc", Label: "l", Note: "printed \"6.11\"", Misprint: "6.11", Repeats: 1},
			{From: "a:1/X", To: "b:2/Z", Relationship: "related", Strength: &seven},
			{},
		},
		Statements: []Statement{{Ref: "a:1/X", Kind: "no-reference", Target: "clauses", Note: "n", Misprint: "m", Reading: "b:2/Y"}, {}},
	}
	values := []any{
		MappingSet{}, full, SourceDocument{}, *full.SourceDocument, Edge{}, full.Edges[0], Statement{}, full.Statements[0],
		Document{Mappings: []MappingSet{full, {}}},
	}
	for _, v := range values {
		got, err := codec.Marshal(v)
		require.NoError(t, err)
		want, err := stdjson.Marshal(v)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%T", v)

		got, err = codec.MarshalIndent(v)
		require.NoError(t, err)
		want, err = stdjson.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(want)+"\n", string(got), "%T", v)
	}
}

func TestMappingWireDecodesStrictly(t *testing.T) {
	var s MappingSet
	require.NoError(t, codec.DecodeStrict([]byte(`{"id":"a","from":"x","to":"y","kind":"crosswalk","source":"s","edges":[{"from":"x/1","to":"y/2","relationship":"equal","strength":0}]}`), &s))
	require.NotNil(t, s.Edges[0].Strength)
	assert.Equal(t, 0, *s.Edges[0].Strength)
	assert.Error(t, codec.DecodeStrict([]byte(`{"id":"a","edges":[{"weight":1}]}`), &s))
}
