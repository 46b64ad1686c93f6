package codec

import (
	stdjson "encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wire struct {
	ID    string              `json:"id"`
	Title string              `json:"title,omitempty"`
	N     int                 `json:"n,omitempty"`
	Attrs map[string][]string `json:"attributes,omitempty"`
	List  []string            `json:"list,omitempty"`
	HTML  string              `json:"html"`
}

func TestMarshalMatchesEncodingJSON(t *testing.T) {
	for _, v := range []wire{
		{},
		{ID: "5.1", Title: "Policies", N: 3, HTML: "<a & b>"},
		{ID: "x", Attrs: map[string][]string{"b": {"2"}, "a": {"1", "ü"}}, List: []string{"z", "y"}},
	} {
		got, err := MarshalIndent(v)
		require.NoError(t, err)
		want, err := stdjson.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(want)+"\n", string(got))
	}
}

func TestDecodeStrict(t *testing.T) {
	var w wire
	require.NoError(t, DecodeStrict([]byte(`{"id":"a","html":""}`), &w))
	assert.Equal(t, "a", w.ID)

	err := DecodeStrict([]byte("{\"id\":\"a\",\n\"bogus\":1}"), &w)
	require.Error(t, err)
	var se *SyntaxError
	require.True(t, errors.As(err, &se))
	assert.Contains(t, err.Error(), "bogus")

	err = DecodeStrict([]byte(`{"id":"a"} {}`), &w)
	assert.ErrorIs(t, err, ErrTrailingData)

	err = DecodeStrict([]byte("{\n\"id\": 5}"), &w)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
}
