package codec_test

import (
	"bytes"
	stdjson "encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameAsStdlib encodes v with the codec and with encoding/json and compares the bytes.
func sameAsStdlib(t *testing.T, name string, v any) {
	t.Helper()
	got, err := codec.MarshalIndent(v)
	require.NoError(t, err, name)
	want, err := stdjson.MarshalIndent(v, "", "  ")
	require.NoError(t, err, name)
	assert.Equal(t, string(want)+"\n", string(got), name)
	compact, err := codec.Marshal(v)
	require.NoError(t, err, name)
	wantCompact, err := stdjson.Marshal(v)
	require.NoError(t, err, name)
	assert.Equal(t, string(wantCompact), string(compact), name)
}

// Every wire type, with every field set and with every field empty, encodes as
// encoding/json encodes it (go-json has had bugs with omitempty).
func TestWireTypesMatchEncodingJSON(t *testing.T) {
	five := 5
	zero := 0
	full := wire.Document{
		Frameworks: []wire.Framework{{
			ID: "acme:1", Name: "ACME <&>", Version: "1", Publisher: "P", Source: "S \u2028", Licence: "L",
			Aliases: []string{"acme"}, AnnexOf: "iso27002:2022", QualifiedOnly: true,
			Controls: []wire.Control{{ID: "A", Title: "T \"q\"", Kind: "control", Parent: "P", Summary: "Sü",
				Attributes: map[string][]string{"z": {"1"}, "a": {"x", "y"}, "m": {}}}},
		}},
		Mappings: []wire.MappingSet{{
			ID: "s", From: "a:1", To: "b:1", Kind: "crosswalk", Source: "src",
			SourceDocument: &wire.SourceDocument{Title: "T", Publisher: "P", Licence: "L", URL: "https://example.org/?a=1&b=2"},
			Edges: []wire.Edge{
				{From: "a:1/x", To: "b:1/y", Relationship: "equal", Strength: &five, Rationale: "R", Source: "S", Label: "L", Note: "N", Misprint: "M", Repeats: 2},
				{From: "a:1/x", To: "b:1/z", Relationship: "related", Strength: &zero},
			},
			Statements: []wire.Statement{{Ref: "a:1/x", Kind: "k", Target: "t", Note: "n", Misprint: "m", Reading: "r"}},
		}},
	}
	sameAsStdlib(t, "full document", full)
	sameAsStdlib(t, "empty document", wire.Document{})
	sameAsStdlib(t, "empty framework", wire.Framework{})
	sameAsStdlib(t, "empty control", wire.Control{})
	sameAsStdlib(t, "empty set", wire.MappingSet{})
	sameAsStdlib(t, "empty source document", wire.SourceDocument{})
	sameAsStdlib(t, "empty edge", wire.Edge{})
	sameAsStdlib(t, "empty statement", wire.Statement{})
	sameAsStdlib(t, "nil slices in a set", wire.MappingSet{Edges: nil, Statements: []wire.Statement{}})
}

// The committed data files decode strictly into their wire types and encode back to
// the same bytes with either encoder.
func TestDataFilesMatchEncodingJSON(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	n := 0
	for _, dir := range []string{"catalog/data", "mappings/data"} {
		base := filepath.Join(root, filepath.FromSlash(dir))
		if _, err := os.Stat(base); err != nil {
			continue
		}
		require.NoError(t, filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
				return err
			}
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			var v any
			switch {
			case strings.HasSuffix(path, ".summaries.json"):
				v = &wire.Summaries{}
			case strings.HasPrefix(dir, "catalog"):
				v = &wire.Framework{}
			default:
				v = &wire.MappingSet{}
			}
			dec := stdjson.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			require.NoError(t, dec.Decode(v), path)
			sameAsStdlib(t, path, v)
			out, err := codec.MarshalIndent(v)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(out), "%s is not in the codec's indented form", path)
			n++
			return nil
		}))
	}
	assert.GreaterOrEqual(t, n, 5, "the data files were not found")
}
