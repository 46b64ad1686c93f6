package codec

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"

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

type doc struct {
	ID       string `json:"id"`
	Controls []struct {
		ID    string              `json:"id"`
		Attrs map[string][]string `json:"attributes,omitempty"`
	} `json:"controls"`
}

func TestDecodeStrictPositions(t *testing.T) {
	tests := []struct {
		name, in         string
		line, col        int
		path, field, msg string
		unknown          bool
	}{
		{
			name: "unknown field in an array element",
			in:   "{\"id\":\"a\",\n\"controls\":[\n{\"id\":\"1\"},\n{\"id\":\"2\",\n\"bogus\":1},\n{\"id\":\"3\"}\n]}",
			line: 5, col: 9, path: "controls[1].bogus", field: "bogus", unknown: true,
		},
		{
			name: "unknown field at the top",
			in:   "{\"id\":\"a\",\n\"zzz\":[]}",
			line: 2, col: 7, path: "zzz", field: "zzz", unknown: true,
		},
		{
			// go-json names the known field "version" for an unknown prefix of it.
			name: "unknown field that is a prefix of a known one",
			in:   "{\"id\":\"a\",\n\"contr\":[]}",
			line: 2, col: 9, path: "contr", field: "contr", unknown: true,
		},
		{
			name: "wrong type",
			in:   "{\"id\":\"a\",\n\"controls\":[\n{\"id\":\"1\"},\n{\"id\":2}\n]}",
			line: 4, col: 7, path: "controls[1].id",
		},
		{
			name: "wrong type deep",
			in:   "{\"id\":\"a\",\"controls\":[{\"id\":\"2\", \"attributes\": {\"x\": [1]}}]}",
			line: 1, col: 55, path: "controls[0].attributes.x[0]",
		},
		{
			name: "syntax",
			in:   "{\"id\":\"a\",\n\"controls\":[\n{\"id\":\"1\" \"x\"}]}",
			line: 3, col: 11, path: "controls[0].id", msg: "expected comma",
		},
		{
			name: "escaped quote in a key",
			in:   "{\"id\":\"a\\\"b\",\n\"c\\\"d\":1}",
			// Just after the ':', as for the other unknown fields.
			line: 2, col: 8, path: `c"d`, field: `c"d`, unknown: true,
		},
		{
			name: "truncated",
			in:   "{\"id\":\"a\",\n\"controls\":[",
			line: 2, path: "controls[0]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := DecodeStrict([]byte(tt.in), &d)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.line, se.Line, "line")
			if tt.col > 0 {
				assert.Equal(t, tt.col, se.Column, "column")
			}
			assert.Equal(t, tt.path, se.Path, "path")
			assert.Equal(t, tt.field, se.Field, "field")
			assert.Equal(t, tt.unknown, errors.Is(err, ErrUnknownField))
			if tt.msg != "" {
				assert.Contains(t, err.Error(), tt.msg)
			}
			assert.Contains(t, err.Error(), "line ")
		})
	}
}

func TestPathAtToleratesGarbage(t *testing.T) {
	for _, in := range []string{"", "]]]}}", "{\"a", "[[[", "{\"a\\", `{"a":"\`, "\"unterminated"} {
		for off := int64(0); off <= int64(len(in))+1; off++ {
			assert.NotPanics(t, func() { pathAt([]byte(in), off) }, "%q at %d", in, off)
		}
	}
	path, key := pathAt([]byte(`{"a":[1,2,3]}`), 10)
	assert.Equal(t, "a[2]", path)
	assert.Equal(t, "", key)
	path, key = pathAt([]byte(`{"a":{"b":1}}`), 10)
	assert.Equal(t, "a.b", path)
	assert.Equal(t, "b", key)
	path, _ = pathAt([]byte(`{"a":[1,2,3]}`), 13)
	assert.Equal(t, "", path)
}

func FuzzDecodeStrict(f *testing.F) {
	f.Add([]byte(`{"id":"a","controls":[{"id":"1","attributes":{"x":["y"]}}]}`))
	f.Add([]byte("{\"id\":\"a\",\n\"bogus\":1}"))
	f.Add([]byte(`{"id":"a"} {}`))
	f.Add([]byte(`[`))
	f.Add([]byte(`{"id":"Zugriffsrechte für Benutzer — 情報 🔒","controls":[{"id":"\u00e9\n\"x\""}]}`))
	f.Add([]byte("{\"id\":\"caf\xe9\"}"))
	f.Add([]byte("{\"id\":\"a\x00b\"}"))
	f.Add([]byte("{\"id\":\"a\"}\x00{}"))
	f.Add([]byte(`{"ID":"a"}`))
	for _, c := range crashers() {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Into plain values: what is accepted is valid UTF-8 and valid JSON, and
		// decodes as encoding/json decodes it.
		var v any
		if err := DecodeStrict(data, &v); err == nil {
			var want any
			if !utf8.Valid(data) || stdjson.Unmarshal(data, &want) != nil {
				t.Fatalf("accepted %q, which encoding/json refuses or is not UTF-8", data)
			}
			if !reflect.DeepEqual(v, want) {
				t.Fatalf("%q decodes as %#v, encoding/json says %#v", data, v, want)
			}
		} else if !errors.As(err, new(*SyntaxError)) {
			t.Fatalf("error is not a *SyntaxError: %v", err)
		}
		var d doc
		err := DecodeStrict(data, &d)
		if err == nil {
			return
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("error is not a *SyntaxError: %v", err)
		}
		if se.Line < 1 || se.Column < 1 || se.Offset < 0 || se.Offset > int64(len(data)) {
			t.Fatalf("bad position %+v for %q", se, data)
		}
		if l := LineOf(data, se.Path); l < 0 || l > bytes.Count(data, []byte{'\n'})+1 {
			t.Fatalf("LineOf(%q) = %d for %q", se.Path, l, data)
		}
	})
}

func TestTrailingDataPosition(t *testing.T) {
	var w wire
	err := DecodeStrict([]byte("{\"id\":\"a\"}\n\n  {}"), &w)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrTrailingData)
	assert.Equal(t, 3, se.Line)
	assert.Equal(t, 3, se.Column)
	require.NoError(t, DecodeStrict([]byte("{\"id\":\"a\"}\n\n  "), &w))
}

func TestLineOf(t *testing.T) {
	doc := []byte(`{
  "id": "a",
  "note": "a [ { \" string",
  "controls": [
    {"id": "1"},
    {
      "id": "2",
      "attributes": {"x": ["y"]}
    }
  ],
  "frameworks": [{"controls": [{}, {}]}]
}`)
	for path, want := range map[string]int{
		"":                          1,
		"controls":                  4,
		"controls[0]":               5,
		"controls[1]":               6,
		"controls[1].attributes":    8,
		"controls[1].attributes.x":  8,
		"frameworks[0].controls[1]": 11,
		"controls[2]":               0,
		"id":                        0, // a string, not an object or array
		"nope":                      0,
	} {
		assert.Equal(t, want, LineOf(doc, path), path)
	}
	assert.Equal(t, 0, LineOf(nil, ""))
	assert.Equal(t, 1, LineOf([]byte(`[`), ""))
}

// An object that names a member twice is refused: the decoder would keep the last
// value and drop the first without a word. The error points at the second one.
func TestDuplicateFieldRefused(t *testing.T) {
	var d doc
	err := DecodeStrict([]byte("{\"id\":\"a\",\n \"controls\":[{\"id\":\"1\",\n  \"id\":\"2\"}]}"), &d)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrDuplicateField)
	assert.Equal(t, 3, se.Line)
	assert.Equal(t, 3, se.Column)
	assert.Equal(t, "controls[0]", se.Path)
	assert.Equal(t, "id", se.Field)
	assert.EqualError(t, err, `line 3, column 3: duplicate field "id"`)

	// The same key spelt with an escape is the same key.
	require.ErrorIs(t, DecodeStrict([]byte(`{"id":"a","\u0069d":"b"}`), &d), ErrDuplicateField)
	// Equal keys in different objects, and keys that differ in case (attribute names),
	// are fine.
	require.NoError(t, DecodeStrict([]byte(`{"id":"a","controls":[{"id":"1","attributes":{"x":["y"],"X":["z"]}},{"id":"2"}]}`), &d))
}

// Lines gives every path the line LineOf gives, from one pass.
func TestLinesAgreesWithLineOf(t *testing.T) {
	doc := []byte("{\n \"id\": \"a\",\n \"controls\": [\n  {\"id\": \"1\"},\n  {\n   \"id\": \"2\", \"attributes\": {\"x\": [\"y\"]}\n  }\n ],\n \"frameworks\": [{\"controls\": [{}, {}]}]\n}")
	l := NewLines(doc)
	for _, path := range []string{"", "controls", "controls[0]", "controls[1]", "controls[1].attributes",
		"controls[1].attributes.x", "frameworks[0].controls[1]", "controls[2]", "id", "nope"} {
		assert.Equal(t, LineOf(doc, path), l.Of(path), path)
	}
	assert.Equal(t, 5, l.Of("controls[1]"))
	assert.Equal(t, 0, NewLines(nil).Of(""))
}
