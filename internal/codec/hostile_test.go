package codec

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeErr decodes in into a doc and returns the *SyntaxError it must give.
func decodeErr(t *testing.T, in []byte) *SyntaxError {
	t.Helper()
	var d doc
	var se *SyntaxError
	err := DecodeStrict(in, &d)
	require.ErrorAs(t, err, &se, "%v", err)
	return se
}

// Issue 15, point 1: a file of 512 bytes or more with one Latin-1 'é' crashed the
// decoder (it replaced the byte and then sliced at an inflated offset), and about 500
// such bytes crashed go-json itself. Invalid UTF-8 is refused, at its byte offset.
func TestInvalidUTF8Refused(t *testing.T) {
	pad := strings.Repeat("x", 600)
	in := []byte(`{"id":"` + pad + "caf\xe9" + `","controls":[]}`)
	se := decodeErr(t, in)
	assert.ErrorIs(t, se, ErrInvalidUTF8)
	assert.Equal(t, int64(7+600+3), se.Offset)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, 611, se.Column)
	assert.Equal(t, "id", se.Path)
	assert.Equal(t, "line 1, column 611: invalid UTF-8: byte 0xe9 (the file must be UTF-8; re-save it as UTF-8)", se.Error())

	// 500 bad bytes, in a value and in a key.
	many := []byte(`{"id":"` + strings.Repeat("\xe9", 500) + `"}`)
	assert.ErrorIs(t, decodeErr(t, many), ErrInvalidUTF8)
	key := []byte(`{"id":"a","controls":[{"` + strings.Repeat("\xff", 500) + `":1}]}`)
	assert.ErrorIs(t, decodeErr(t, key), ErrInvalidUTF8)
	// Into plain values too (the OSCAL import decodes into any).
	var v any
	assert.ErrorIs(t, DecodeStrict(many, &v), ErrInvalidUTF8)
	// Truncated and overlong sequences, and an encoded surrogate.
	for _, bad := range []string{"\xc3", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80"} {
		assert.ErrorIs(t, DecodeStrict([]byte(`{"id":"`+bad+`"}`), &v), ErrInvalidUTF8, "%q", bad)
	}
	// Valid non-ASCII text of every length is fine.
	var d doc
	require.NoError(t, DecodeStrict([]byte(`{"id":"Zugriffsrechte für Benutzerkonten — 情報セキュリティ 🔒"}`), &d))
	assert.Equal(t, "Zugriffsrechte für Benutzerkonten — 情報セキュリティ 🔒", d.ID)
}

// Issue 15, point 8: bytes after a NUL that follows the document were accepted (the
// decoder took the NUL for the end of the buffer).
func TestTrailingDataAfterNUL(t *testing.T) {
	se := decodeErr(t, []byte("{\"id\":\"a\"}\x00{\"id\":\"evil\"}"))
	assert.ErrorIs(t, se, ErrTrailingData)
	assert.Equal(t, int64(10), se.Offset)
	assert.Contains(t, se.Error(), "a NUL byte, then 13 more bytes")
	assert.ErrorIs(t, decodeErr(t, []byte("{\"id\":\"a\"}\x00")), ErrTrailingData)
	assert.ErrorIs(t, decodeErr(t, []byte("{\"id\":\"a\"} x")), ErrTrailingData)
}

// Issue 15, point 9: a raw NUL inside a string was reported as "unexpected end of
// JSON input"; other raw control characters are named too.
func TestRawControlInString(t *testing.T) {
	se := decodeErr(t, []byte("{\"id\":\"a\x00b\"}"))
	assert.ErrorIs(t, se, ErrControlChar)
	assert.Equal(t, int64(8), se.Offset)
	assert.Equal(t, `line 1, column 9: control character in a string: a raw NUL byte (write it as \u0000)`, se.Error())
	se = decodeErr(t, []byte("{\"id\":\"a\x1bb\"}"))
	assert.ErrorIs(t, se, ErrControlChar)
	assert.Contains(t, se.Error(), `raw U+001B (write it escaped, as \n or \u001b)`)
	// Escaped, they are strings like any other (the loaders judge the IDs).
	var d doc
	require.NoError(t, DecodeStrict([]byte(`{"id":"a\u0000b"}`), &d))
	assert.Equal(t, "a\x00b", d.ID)
}

// Issue 15, point 9: JSON nested deeper than the decoder's limit was reported as an
// "unknown field".
func TestDeepNesting(t *testing.T) {
	for _, n := range []int{MaxDepth + 1, 20000} {
		// Where the type takes any value (OSCAL is decoded into plain values).
		in := []byte(`{"catalog":{"x":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}}`)
		var v any
		err := DecodeStrict(in, &v)
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		assert.ErrorIs(t, se, ErrTooDeep, "depth %d", n)
		assert.NotErrorIs(t, se, ErrUnknownField)
		assert.Equal(t, fmt.Sprintf("line 1, column %d: nested deeper than %d levels", 16+MaxDepth-1, MaxDepth), se.Error())
		assert.Equal(t, "catalog.x"+strings.Repeat("[0]", MaxDepth-2), se.Path)
	}
	// Just within the limit is a syntax matter only: [[...]] into any.
	var v any
	require.NoError(t, DecodeStrict([]byte(strings.Repeat("[", MaxDepth)+strings.Repeat("]", MaxDepth)), &v))
}

// Field names match exactly: the decoder would fill "id" from "ID" (and from "Id" and
// "iD" given together, keeping the last), so strict decoding refuses another case.
func TestFieldNamesMatchExactly(t *testing.T) {
	se := decodeErr(t, []byte(`{"ID":"a"}`))
	assert.ErrorIs(t, se, ErrUnknownField)
	assert.Equal(t, "ID", se.Field)
	assert.Equal(t, `line 1, column 7: unknown field "ID" (did you mean "id"?)`, se.Error())
}

// A value of the wrong JSON type is reported where it is, before decoding.
func TestWrongType(t *testing.T) {
	se := decodeErr(t, []byte(`{"id":"a","controls":{"id":"1"}}`))
	assert.ErrorIs(t, se, ErrWrongType)
	assert.Equal(t, "line 1, column 22: wrong type: want an array, got an object", se.Error())
	se = decodeErr(t, []byte(`{"id":"a","controls":[{"id":"1","attributes":{"x":"y"}}]}`))
	assert.ErrorIs(t, se, ErrWrongType)
	assert.Equal(t, "controls[0].attributes.x", se.Path)
	var d doc
	require.NoError(t, DecodeStrict([]byte(`{"id":null,"controls":null}`), &d))
}

// An unknown field's name is echoed cut, whatever its length.
func TestLongKeyClipped(t *testing.T) {
	key := strings.Repeat("k", 1<<20)
	se := decodeErr(t, []byte(`{"`+key+`":1}`))
	assert.ErrorIs(t, se, ErrUnknownField)
	assert.Less(t, len(se.Error()), 200)
	assert.Contains(t, se.Error(), "… (1048576 bytes)")
}

// The grammar is checked in full: what RFC 8259 does not allow is refused.
func TestGrammar(t *testing.T) {
	var v any
	for _, in := range []string{
		``, ` `, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{'a':1}`, `01`, `1.`, `.5`, `-`, `1e`,
		`+1`, `tru`, `nul`, `"\x"`, `"\u12"`, `"\u12g4"`, `{"a":1}}`, `NaN`, "\"a\tb\"", `{"a" 1}`, `[`, `"`,
	} {
		err := DecodeStrict([]byte(in), &v)
		var se *SyntaxError
		assert.ErrorAs(t, err, &se, "%q", in)
	}
	for in, want := range map[string]any{
		`"\ud83d\udd12"`:      "🔒",
		`"\ud83d"`:            "\ufffd", // a lone surrogate, as encoding/json reads it
		`-0.5e+3`:             -500.0,
		` [true,false,null] `: []any{true, false, nil},
		`{"a":{"b":[]}}`:      map[string]any{"a": map[string]any{"b": []any{}}},
	} {
		var got any
		require.NoError(t, DecodeStrict([]byte(in), &got), in)
		assert.Equal(t, want, got, in)
	}
}

// A duplicate in an untyped object (OSCAL is decoded into plain values) is found too.
func TestDuplicateInPlainValues(t *testing.T) {
	var v any
	err := DecodeStrict([]byte(`{"catalog":{"uuid":"a","uuid":"b"}}`), &v)
	assert.ErrorIs(t, err, ErrDuplicateField)
}

// The crash inputs of the reliability soak, as the fuzzers found them.
func TestCrashers(t *testing.T) {
	for _, in := range crashers() {
		var d doc
		var v any
		assert.NotPanics(t, func() { _ = DecodeStrict(in, &d) })
		assert.NotPanics(t, func() { _ = DecodeStrict(in, &v) })
		assert.Error(t, DecodeStrict(in, &d))
	}
}

func crashers() [][]byte {
	return [][]byte{
		[]byte(`{"id":"` + strings.Repeat("a", 520) + "\xe9\"}"),
		[]byte(`{"id":"` + strings.Repeat("\xe9", 500) + `"}`),
		[]byte(`["` + strings.Repeat("\xe9a", 300) + `"]`),
		append(bytes.Repeat([]byte{' '}, 600), "\"\xff\""...),
	}
}

// errors.Is still finds the causes through a *SyntaxError.
func TestCausesWrapped(t *testing.T) {
	var d doc
	err := DecodeStrict([]byte("{\"id\":\"\xff\"}"), &d)
	assert.True(t, errors.Is(err, ErrInvalidUTF8))
}
