package wire

import (
	stdjson "encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// TestSummariesWireMatchesEncodingJSON: the summaries file encodes byte for byte as
// encoding/json encodes it, empty and full, compact and indented.
func TestSummariesWireMatchesEncodingJSON(t *testing.T) {
	full := Summaries{Framework: "a:1", Summaries: []Summary{{ID: "X-1(2)", Text: "a. Do [Assignment: <&> \"x\"];\nb. ’"}, {}}}
	for _, v := range []any{Summaries{}, full, Summary{}, full.Summaries[0]} {
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
	var back Summaries
	b, err := codec.Marshal(full)
	require.NoError(t, err)
	require.NoError(t, codec.DecodeStrict(b, &back))
	assert.Equal(t, full, back)
}
