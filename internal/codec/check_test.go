package codec

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Numbers: what the JSON grammar allows, and where a bad one fails.
func TestNumberGrammar(t *testing.T) {
	for _, ok := range []string{"0", "-0", "7", "-12", "0.5", "-0.0e-0", "1E9", "1e+2", "123456789012345678901234567890"} {
		var v any
		require.NoError(t, DecodeStrict([]byte(ok), &v), ok)
		var want any
		require.NoError(t, stdjson.Unmarshal([]byte(ok), &want), ok)
		assert.Equal(t, want, v, ok)
	}
	for _, tc := range []struct {
		in     string
		offset int64
		msg    string
	}{
		{"-", 1, "invalid JSON: unexpected end of input in a number"},
		{"-x", 1, `invalid JSON: character 'x' in a number`},
		{"1.", 2, "invalid JSON: unexpected end of input in a number"},
		{"1.e5", 2, `invalid JSON: character 'e' in a number`},
		{"1e", 2, "invalid JSON: unexpected end of input in a number"},
		{"1e+", 3, "invalid JSON: unexpected end of input in a number"},
		{"[1e-]", 4, `invalid JSON: character ']' in a number`},
		{"01", 1, "unexpected data after the JSON document"},
	} {
		var v any
		err := DecodeStrict([]byte(tc.in), &v)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, tc.in)
		assert.Equal(t, tc.offset, se.Offset, tc.in)
		assert.Equal(t, tc.msg, se.Err.Error(), tc.in)
	}
}

// Every one-letter escape and \u escape decodes to its character, in keys (which
// the checker decodes itself) as in values.
func TestEscapesInKeys(t *testing.T) {
	in := `{"q\"b\\s\/b\bf\fn\nr\rt\t":1,"\u00e9\u4e2d":2,"\ud83d\udd12":3}`
	var v any
	require.NoError(t, DecodeStrict([]byte(in), &v))
	assert.Equal(t, map[string]any{"q\"b\\s/b\bf\fn\nr\rt\t": 1.0, "é中": 2.0, "🔒": 3.0}, v)
	var m map[string]int
	require.NoError(t, DecodeStrict([]byte(in), &m))
	assert.Equal(t, map[string]int{"q\"b\\s/b\bf\fn\nr\rt\t": 1, "é中": 2, "🔒": 3}, m)
}

// A surrogate escape followed by a bad \u escape is an error at the bad digit; a
// high surrogate followed by a non-surrogate reads as U+FFFD and the next escape.
func TestSurrogateEdges(t *testing.T) {
	var v any
	err := DecodeStrict([]byte(`"\ud83d\uzzzz"`), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, int64(9), se.Offset)
	require.NoError(t, DecodeStrict([]byte(`"\ud83d\u0041"`), &v))
	var want any
	require.NoError(t, stdjson.Unmarshal([]byte(`"\ud83d\u0041"`), &want))
	assert.Equal(t, want, v)
}

// An invalid escape names the letter.
func TestInvalidEscape(t *testing.T) {
	var v any
	err := DecodeStrict([]byte(`{"a":"x\qy"}`), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, `invalid JSON: invalid escape \'q' in a string`, se.Err.Error())
	assert.Equal(t, int64(7), se.Offset)
	err = DecodeStrict([]byte(`"\`), &v)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "invalid JSON: unexpected end of input in an escape", se.Err.Error())
}

func TestDescribe(t *testing.T) {
	assert.Equal(t, "character 'x'", describe([]byte("x"), 0))
	assert.Equal(t, "character U+0007", describe([]byte("\a"), 0))
	assert.Equal(t, "byte 0xff", describe([]byte("\xff"), 0))
	assert.Equal(t, "character 'é'", describe([]byte("é"), 0))
}

func TestJSONKind(t *testing.T) {
	for b, want := range map[byte]string{'{': "an object", '[': "an array", '"': "a string", 't': "a boolean", 'f': "a boolean", 'n': "null", '-': "a number", '7': "a number"} {
		assert.Equal(t, want, jsonKind(b), string(b))
	}
}

// big has more than 64 fields, so that its members are tracked in a slice.
type big struct {
	F00, F01, F02, F03, F04, F05, F06, F07, F08, F09 int
	F10, F11, F12, F13, F14, F15, F16, F17, F18, F19 int
	F20, F21, F22, F23, F24, F25, F26, F27, F28, F29 int
	F30, F31, F32, F33, F34, F35, F36, F37, F38, F39 int
	F40, F41, F42, F43, F44, F45, F46, F47, F48, F49 int
	F50, F51, F52, F53, F54, F55, F56, F57, F58, F59 int
	F60, F61, F62, F63, F64, F65, F66, F67, F68, F69 int
}

// Members named twice are refused in a struct of more than 64 fields as in a small
// one, at the second name.
func TestDuplicateInLargeStruct(t *testing.T) {
	var b big
	require.NoError(t, DecodeStrict([]byte(`{"F00":1,"F69":2,"F64":3}`), &b))
	assert.Equal(t, 2, b.F69)
	err := DecodeStrict([]byte(`{"F00":1,"F69":2,"F69":3}`), &b)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrDuplicateField)
	assert.Equal(t, "F69", se.Field)
	assert.Equal(t, int64(17), se.Offset)
}

type inner struct {
	In string `json:"in"`
}

// level decodes from text.
type level int

func (l *level) UnmarshalText(b []byte) error {
	if string(b) != "high" {
		return fmt.Errorf("unknown level %q", b)
	}
	*l = 3
	return nil
}

type shapes struct {
	inner                          // embedded: its fields are the struct's own
	Named   string                 `json:"named,omitempty"`
	Default int                    // no tag: the field name
	Skipped string                 `json:"-"`
	Bytes   []byte                 `json:"bytes"`
	Pair    [2]int                 `json:"pair"`
	When    time.Time              `json:"when"`
	Level   level                  `json:"level"`
	Raw     stdjson.RawMessage     `json:"raw"`
	Any     any                    `json:"any"`
	Flag    bool                   `json:"flag"`
	Ptr     *float64               `json:"ptr"`
	Nested  map[string][]inner     `json:"nested"`
	Loose   map[string]interface{} `json:"loose"`
}

// The checker follows the Go types the decoder fills: embedded structs, tags, '-',
// byte slices (a string or an array), arrays, types that decode
// themselves (any JSON) or decode from text (a string), pointers, maps of slices of
// structs.
func TestCheckerFollowsGoTypes(t *testing.T) {
	in := `{"in":"x","named":"n","Default":3,"bytes":"aGk=","pair":[1,2],"when":"2024-01-02T03:04:05Z","level":"high",
	  "raw":{"any":["thing"]},"any":[1,{"k":null}],"flag":true,"ptr":2.5,"nested":{"a":[{"in":"y"}]},"loose":{"x":[1]}}`
	var s shapes
	require.NoError(t, DecodeStrict([]byte(in), &s))
	assert.Equal(t, "x", s.In)
	assert.Equal(t, 3, s.Default)
	assert.Equal(t, []byte("hi"), s.Bytes)
	assert.Equal(t, [2]int{1, 2}, s.Pair)
	assert.Equal(t, 2024, s.When.Year())
	assert.Equal(t, level(3), s.Level)
	assert.JSONEq(t, `{"any":["thing"]}`, string(s.Raw))
	assert.Equal(t, 2.5, *s.Ptr)
	assert.Equal(t, "y", s.Nested["a"][0].In)
	require.NoError(t, DecodeStrict([]byte(`{"bytes":[104,105]}`), &s))

	for _, tc := range []struct{ in, msg string }{
		{`{"Skipped":"x"}`, `unknown field "Skipped"`},
		{`{"default":1}`, `unknown field "default" (did you mean "Default"?)`},
		{`{"level":5}`, "wrong type: want a string, got a number"},
		{`{"flag":"yes"}`, "wrong type: want a boolean, got a string"},
		{`{"pair":{}}`, "wrong type: want an array, got an object"},
		{`{"ptr":"1"}`, "wrong type: want a number, got a string"},
		{`{"nested":{"a":[{"in":1}]}}`, "wrong type: want a string, got a number"},
		{`{"nested":{"a":[{"out":1}]}}`, `unknown field "out"`},
		{`{"loose":{"x":1,"x":2}}`, `duplicate field "x"`},
		{`{"bytes":{}}`, "wrong type: want a string, got an object"},
	} {
		var s shapes
		err := DecodeStrict([]byte(tc.in), &s)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, tc.in)
		assert.Equal(t, tc.msg, se.Err.Error(), tc.in)
	}
}

// A syntax error's line and column count from 1, columns in bytes; the path names
// where it is.
func TestPositions(t *testing.T) {
	in := "{\n  \"controls\": [\n    {\"id\": \"a\"},\n    {\"id\": tru}\n  ]\n}"
	var v any
	err := DecodeStrict([]byte(in), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 4, se.Line)
	assert.Equal(t, 15, se.Column)
	assert.Equal(t, "controls[1].id", se.Path)
	assert.Equal(t, "line 4, column 15: invalid JSON: character '}' in literal true", se.Error())
	assert.True(t, errors.Is(err, ErrSyntax))
	// Into a struct whose field takes a string, the type is checked first.
	var d doc
	err = DecodeStrict([]byte(in), &d)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "line 4, column 12: wrong type: want a string, got a boolean", se.Error())
}

// positioned clamps an offset outside the data.
func TestPositionedClamps(t *testing.T) {
	data := []byte("ab\ncd")
	se := positioned(data, -5, ErrSyntax).(*SyntaxError)
	assert.Equal(t, int64(0), se.Offset)
	assert.Equal(t, 1, se.Line)
	se = positioned(data, 99, ErrSyntax).(*SyntaxError)
	assert.Equal(t, int64(5), se.Offset)
	assert.Equal(t, 2, se.Line)
	assert.Equal(t, 3, se.Column)
}

// Paths through keys with escapes, arrays of arrays and nested objects.
func TestPathAt(t *testing.T) {
	data := []byte(`{"a\"b":[[1,2],[3,{"c":[4,5]}]],"d":{"e":6}}`)
	for _, tc := range []struct {
		at        string
		path, key string
	}{
		{"2]", "a\"b[0][1]", ""},
		{"5]", "a\"b[1][1].c[1]", ""},
		{"6}", "d.e", "e"},
	} {
		off := bytes.Index(data, []byte(tc.at))
		require.GreaterOrEqual(t, off, 0)
		path, key := pathAt(data, int64(off))
		assert.Equal(t, tc.path, path, tc.at)
		assert.Equal(t, tc.key, key, tc.at)
	}
}

// DecodeTrusted ignores unknown fields and trailing data, and decodes surrogate
// escapes right (through encoding/json).
func TestDecodeTrusted(t *testing.T) {
	var w wire
	require.NoError(t, DecodeTrusted([]byte(`{"id":"a","bogus":1}`), &w))
	assert.Equal(t, "a", w.ID)
	require.NoError(t, DecodeTrusted([]byte(`{"id":"\ud83d\udd12","html":""}`), &w))
	assert.Equal(t, "🔒", w.ID)
	require.NoError(t, DecodeStrict([]byte(`{"id":"\ud83d\udd12 x","html":""}`), &w))
	assert.Equal(t, "🔒 x", w.ID)
}

func TestHasSurrogateEscape(t *testing.T) {
	for in, want := range map[string]bool{
		`"\ud83d"`: true, `"\uD800"`: true, `"\uDFFF"`: true, `"\udbff"`: true,
		`"\u00e9"`: false, `"\ud7ff"`: false, `"\ue000"`: false, `"\u"`: false, `"no escapes"`: false,
	} {
		assert.Equal(t, want, hasSurrogateEscape([]byte(in)), in)
	}
}

// Encode writes indented JSON and a newline; what cannot be encoded is an error.
func TestEncode(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Encode(&b, map[string]int{"b": 2, "a": 1}))
	assert.Equal(t, "{\n  \"a\": 1,\n  \"b\": 2\n}\n", b.String())
	assert.Error(t, Encode(&b, make(chan int)))
	_, err := MarshalIndent(func() {})
	assert.Error(t, err)
	assert.Error(t, Encode(failingWriter{}, 1))
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// Depth: MaxDepth levels are read, one more is refused, on both paths.
func TestDepthBoundBothPaths(t *testing.T) {
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	deep := "[" + ok + "]"
	var v any
	require.NoError(t, DecodeStrict([]byte(ok), &v))
	assert.ErrorIs(t, DecodeStrict([]byte(deep), &v), ErrTooDeep)
	var s fmt.Stringer
	assert.ErrorIs(t, DecodeStrict([]byte(deep), &s), ErrTooDeep)
	objs := strings.Repeat(`{"a":`, MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1)
	assert.ErrorIs(t, DecodeStrict([]byte(objs), &v), ErrTooDeep)
}

// Lines answers for every object and array of a document, 0 for a path it does not
// have, and the same on every call.
func TestLinesIndex(t *testing.T) {
	data := []byte("{\n\"controls\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\",\n   \"attributes\": {\"x\": [\"y\"]}}\n]}")
	l := NewLines(data)
	for path, want := range map[string]int{
		"": 1, "controls": 2, "controls[0]": 3, "controls[1]": 4, "controls[1].attributes": 5,
		"controls[1].attributes.x": 5, "controls[2]": 0, "nope": 0,
	} {
		assert.Equal(t, want, l.Of(path), path)
		assert.Equal(t, want, l.Of(path), "again: %s", path)
		assert.Equal(t, want, LineOf(data, path), "LineOf: %s", path)
	}
}
