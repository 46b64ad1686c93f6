package codec

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPathAtByHand: the path of the value open at an offset, read off the input by hand:
// keys unescaped, array indexes counted by commas outside strings, brackets and
// commas inside strings ignored, and the key of the innermost member.
func TestPathAtByHand(t *testing.T) {
	in := `{"a":[1,{"b\"c":[0,[7,8]]}],"d\u0069":{"e":"x,[y]"},"f":2}`
	for _, c := range []struct {
		at        string // the offset is that of the first occurrence of at
		path, key string
	}{
		{`1,`, "a[0]", ""},
		{`{"b`, "a[1]", ""},
		{`7,`, `a[1].b"c[1][0]`, ""},
		{`8]`, `a[1].b"c[1][1]`, ""},
		{`"x,`, "di.e", "e"},
		{`2}`, "f", "f"},
	} {
		i := strings.Index(in, c.at)
		require.GreaterOrEqual(t, i, 0, c.at)
		off := int64(i)
		path, key := pathAt([]byte(in), off)
		assert.Equal(t, c.path, path, c.at)
		assert.Equal(t, c.key, key, c.at)
	}
	path, key := pathAt([]byte(in), 0)
	assert.Empty(t, path, "before the document")
	assert.Empty(t, key)
}

// TestLinesFirstOccurrence: a path named by two values (a key given twice in a
// document that is not valid, read for an error message anyway) maps to the first,
// for LineOf and Lines alike; keys written with escapes are found by their value.
func TestLinesFirstOccurrence(t *testing.T) {
	doc := []byte("{\n\"a\": {},\n\"a\": [],\n\"b\\u0069\": [\n{}\n]\n}")
	for path, want := range map[string]int{"a": 2, "bi": 4, "bi[0]": 5, "": 1} {
		assert.Equal(t, want, LineOf(doc, path), path)
		assert.Equal(t, want, NewLines(doc).Of(path), path)
	}
	// A line feed inside a string counts as a line (the document stays readable to
	// a person counting lines in an editor).
	doc = []byte("{\"note\": \"two\\nlines\nreally\",\n\"x\": {}}")
	assert.Equal(t, 3, LineOf(doc, "x"))
	assert.Equal(t, 3, NewLines(doc).Of("x"))
}

// TestDecodeTrustedByHand: the project's own data decodes without the strict checks: an
// unknown field is ignored (strict decoding refuses it); invalid JSON is still an
// error, and escaped surrogates read as characters.
func TestDecodeTrustedByHand(t *testing.T) {
	var w struct {
		ID string `json:"id"`
	}
	in := []byte(`{"id":"a\ud83d\udd12","extra":[1,2]}`)
	require.NoError(t, DecodeTrusted(in, &w))
	assert.Equal(t, "a🔒", w.ID)
	assert.ErrorIs(t, DecodeStrict(in, &w), ErrUnknownField)
	assert.Error(t, DecodeTrusted([]byte(`{"id":`), &w))
	var v any
	require.NoError(t, DecodeTrusted([]byte(`[1,"x",null]`), &v))
	assert.Equal(t, []any{1.0, "x", nil}, v)
}

// TestDecoderErrorsPositioned: what only the decoder finds (a number out of the
// field's range) comes back as a *SyntaxError too, on its line, at its member.
func TestDecoderErrorsPositioned(t *testing.T) {
	var v struct {
		Small int8 `json:"small"`
	}
	err := DecodeStrict([]byte("{\n\"small\": 300}"), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
	assert.Equal(t, "small", se.Path)
	assert.Contains(t, err.Error(), "int8")
}
