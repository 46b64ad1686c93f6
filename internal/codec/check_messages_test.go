package codec

import (
	stdjson "encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckerRefusals: each way the checker refuses a document, with the offset it
// names and its exact message, worked out by hand from the input (offsets count
// bytes from 0; the message's column is the offset + 1 on a one-line input).
func TestCheckerRefusals(t *testing.T) {
	for _, c := range []struct {
		in   string
		off  int64
		kind error
		msg  string
	}{
		// Values.
		{``, 0, ErrSyntax, `invalid JSON: unexpected end of input`},
		{`+1`, 0, ErrSyntax, `invalid JSON: character '+' where a value should begin`},
		{"\xff", 0, ErrSyntax, `invalid JSON: byte 0xff where a value should begin`},
		{"\x01", 0, ErrSyntax, `invalid JSON: character U+0001 where a value should begin`},
		{`tru`, 3, ErrSyntax, `invalid JSON: unexpected end of input in "true"`},
		{`trUe`, 2, ErrSyntax, `invalid JSON: character 'U' in literal true`},
		{`nul`, 3, ErrSyntax, `invalid JSON: unexpected end of input in "null"`},
		{`[fals]`, 5, ErrSyntax, `invalid JSON: character ']' in literal false`},
		// Numbers.
		{`-`, 1, ErrSyntax, `invalid JSON: unexpected end of input in a number`},
		{`-a`, 1, ErrSyntax, `invalid JSON: character 'a' in a number`},
		{`1.`, 2, ErrSyntax, `invalid JSON: unexpected end of input in a number`},
		{`1.e5`, 2, ErrSyntax, `invalid JSON: character 'e' in a number`},
		{`1e+`, 3, ErrSyntax, `invalid JSON: unexpected end of input in a number`},
		{`[1eX]`, 3, ErrSyntax, `invalid JSON: character 'X' in a number`},
		{`01`, 1, ErrTrailingData, `unexpected data after the JSON document`},
		// Strings.
		{`"abc`, 4, ErrSyntax, `invalid JSON: unexpected end of input in a string (it began at byte 0)`},
		{`["a","bc`, 8, ErrSyntax, `invalid JSON: unexpected end of input in a string (it began at byte 5)`},
		{`"\x"`, 1, ErrSyntax, `invalid JSON: invalid escape \'x' in a string`},
		{`"\`, 2, ErrSyntax, `invalid JSON: unexpected end of input in an escape`},
		{`"\u12"`, 5, ErrSyntax, `invalid JSON: character '"' in a \u escape`},
		{`"\u12`, 5, ErrSyntax, `invalid JSON: unexpected end of input in a \u escape`},
		{`"\ud83d\u12x4"`, 11, ErrSyntax, `invalid JSON: character 'x' in a \u escape`},
		{"\"a\tb\"", 2, ErrControlChar, `control character in a string: raw U+0009 (write it escaped, as \n or \u0009)`},
		{"\"\x00\"", 1, ErrControlChar, `control character in a string: a raw NUL byte (write it as \u0000)`},
		{"\"ok\xc3\"", 3, ErrInvalidUTF8, `invalid UTF-8: byte 0xc3 (the file must be UTF-8; re-save it as UTF-8)`},
		// Arrays.
		{`[`, 1, ErrSyntax, `invalid JSON: unexpected end of input`},
		{`[1`, 2, ErrSyntax, `invalid JSON: unexpected end of input in an array`},
		{`[1,`, 3, ErrSyntax, `invalid JSON: unexpected end of input`},
		{`[1 2]`, 3, ErrSyntax, `invalid JSON: expected comma or ']' after an array element, found character '2'`},
		{`[1,]`, 3, ErrSyntax, `invalid JSON: character ']' where a value should begin`},
		// Objects.
		{`{`, 1, ErrSyntax, `invalid JSON: unexpected end of input in an object`},
		{`{1:2}`, 1, ErrSyntax, `invalid JSON: character '1' where an object key (a string) should begin`},
		{`{"a"`, 4, ErrSyntax, `invalid JSON: unexpected end of input after an object key`},
		{`{"a" 1}`, 5, ErrSyntax, `invalid JSON: expected ':' after an object key, found character '1'`},
		{`{"a":1`, 6, ErrSyntax, `invalid JSON: unexpected end of input in an object`},
		{`{"a":1 "b":2}`, 7, ErrSyntax, `invalid JSON: expected comma or '}' after an object member, found character '"'`},
		{`{"a":1,}`, 7, ErrSyntax, `invalid JSON: character '}' where an object key (a string) should begin`},
		{`{"a":1,"a":2}`, 7, ErrDuplicateField, `duplicate field "a"`},
		// After the document.
		{`{"a":1}}`, 7, ErrTrailingData, `unexpected data after the JSON document`},
		{`[1] x`, 4, ErrTrailingData, `unexpected data after the JSON document`},
		{"1 \x00", 2, ErrTrailingData, `unexpected data after the JSON document (a NUL byte, then 0 more bytes)`},
		{"1\x00ab", 1, ErrTrailingData, `unexpected data after the JSON document (a NUL byte, then 2 more bytes)`},
	} {
		t.Run(fmt.Sprintf("%q", c.in), func(t *testing.T) {
			var v any
			err := DecodeStrict([]byte(c.in), &v)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, c.off, se.Offset)
			assert.ErrorIs(t, err, c.kind)
			assert.Equal(t, c.msg, se.Err.Error())
			assert.Equal(t, fmt.Sprintf("line 1, column %d: %s", c.off+1, c.msg), se.Error())
		})
	}
}

// TestCheckerDepth: MaxDepth levels are read; one more is refused at the bracket
// that opens it, whichever kind of bracket.
func TestCheckerDepth(t *testing.T) {
	var v any
	ok := strings.Repeat(`{"a":`, MaxDepth-1) + "[]" + strings.Repeat("}", MaxDepth-1)
	require.NoError(t, DecodeStrict([]byte(ok), &v))
	deep := strings.Repeat(`{"a":`, MaxDepth) + "[]" + strings.Repeat("}", MaxDepth)
	err := DecodeStrict([]byte(deep), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrTooDeep)
	assert.Equal(t, int64(5*MaxDepth), se.Offset, "the '[' after %d objects", MaxDepth)
	assert.Equal(t, strings.TrimSuffix(strings.Repeat("a.", MaxDepth), "."), se.Path)
}

// TestCheckerSurrogates: escaped UTF-16 surrogates read as encoding/json reads them:
// a pair is one character; a lone half, or a high half followed by an escape that
// is not a low half, is U+FFFD, and the following escape is read on its own.
func TestCheckerSurrogates(t *testing.T) {
	for in, want := range map[string]string{
		`"\ud83d\ude00"`:       "😀",
		`"\uD83D\uDE00"`:       "😀",
		`"\ud83d"`:             "\ufffd",
		`"\udc00"`:             "\ufffd",
		`"\ud83d\u0041"`:       "\ufffdA",
		`"\ud83d\ud83d\ude00"`: "\ufffd😀",
		`"x\ud83dy"`:           "x\ufffdy",
		`"\u00e9\u20ac"`:       "é€",
	} {
		var got any
		require.NoError(t, DecodeStrict([]byte(in), &got), in)
		assert.Equal(t, want, got, in)
		var std any
		require.NoError(t, stdjson.Unmarshal([]byte(in), &std))
		assert.Equal(t, std, got, "as encoding/json: %s", in)
		// Into a typed string field too (the decoder's path, not the checker's tree).
		var s struct {
			S string `json:"s"`
		}
		require.NoError(t, DecodeStrict([]byte(`{"s":`+in+`}`), &s), in)
		assert.Equal(t, want, s.S, in)
	}
	// Escaped surrogates in keys compare as the characters they stand for: a key
	// written once escaped and once plain is a duplicate.
	var v any
	err := DecodeStrict([]byte(`{"😀":1,"\ud83d\ude00":2}`), &v)
	assert.ErrorIs(t, err, ErrDuplicateField)
}

// textID decodes itself from a JSON string, as catalog refs do.
type textID string

func (t *textID) UnmarshalText(b []byte) error { *t = textID(b); return nil }

// selfDecoding takes any JSON value.
type selfDecoding struct{ raw string }

func (s *selfDecoding) UnmarshalJSON(b []byte) error { s.raw = string(b); return nil }

type embedded struct {
	Inner string `json:"inner"`
}

type typed struct {
	embedded
	Name   string            `json:"name"`
	Count  int               `json:"count"`
	Ratio  float64           `json:"ratio"`
	On     bool              `json:"on"`
	Data   []byte            `json:"data"`
	Pair   [2]int            `json:"pair"`
	Tags   map[string]int    `json:"tags"`
	ID     textID            `json:"id"`
	Any    selfDecoding      `json:"any"`
	Ptr    *string           `json:"ptr"`
	Nested map[string][]bool `json:"nested"`
	Skip   string            `json:"-"`
	NoTag  string
	//lint:ignore U1000 an unexported field is no member: the test names it in the input
	hidden string
}

// TestCheckerTypes: the checker compares each value's JSON type with the Go type of
// its field before decoding; null suits every type; a type that decodes itself takes
// anything; a text-decoding type takes a string.
func TestCheckerTypes(t *testing.T) {
	var ok typed
	require.NoError(t, DecodeStrict([]byte(`{"inner":"i","name":"n","count":-3,"ratio":0.5,"on":true,"data":"aGk=",
		"pair":[1,2],"tags":{"x":1},"id":"5.1","any":[1,{"z":null}],"ptr":"p","nested":{"k":[true]},"NoTag":"t"}`), &ok))
	assert.Equal(t, "i", ok.Inner, "an embedded struct's fields are members")
	assert.Equal(t, []byte("hi"), ok.Data)
	assert.Equal(t, textID("5.1"), ok.ID)
	assert.Equal(t, `[1,{"z":null}]`, ok.Any.raw)
	assert.Equal(t, "t", ok.NoTag, "an untagged field by its Go name")
	var nulls typed
	require.NoError(t, DecodeStrict([]byte(`{"name":null,"count":null,"on":null,"pair":null,"tags":null,"id":null,"ptr":null}`), &nulls))

	for _, c := range []struct {
		in, msg, path string
		kind          error
	}{
		{`{"name":1}`, "wrong type: want a string, got a number", "name", ErrWrongType},
		{`{"count":"3"}`, "wrong type: want a number, got a string", "count", ErrWrongType},
		{`{"ratio":true}`, "wrong type: want a number, got a boolean", "ratio", ErrWrongType},
		{`{"on":"yes"}`, "wrong type: want a boolean, got a string", "on", ErrWrongType},
		{`{"data":5}`, "wrong type: want a string, got a number", "data", ErrWrongType},
		{`{"pair":{}}`, "wrong type: want an array, got an object", "pair", ErrWrongType},
		{`{"tags":[]}`, "wrong type: want an object, got an array", "tags", ErrWrongType},
		{`{"tags":{"x":"1"}}`, "wrong type: want a number, got a string", "tags.x", ErrWrongType},
		{`{"id":7}`, "wrong type: want a string, got a number", "id", ErrWrongType},
		{`{"ptr":false}`, "wrong type: want a string, got a boolean", "ptr", ErrWrongType},
		{`{"nested":{"k":[true,"no"]}}`, "wrong type: want a boolean, got a string", "nested.k[1]", ErrWrongType},
		// A duplicate is reported at its key, before the member opens: the path names
		// the object that holds it (Field names the key).
		{`{"tags":{"x":1,"x":2}}`, `duplicate field "x"`, "tags", ErrDuplicateField},
		{`{"inner":"a","inner":"b"}`, `duplicate field "inner"`, "", ErrDuplicateField},
		{`{"Skip":"s"}`, `unknown field "Skip"`, "Skip", ErrUnknownField},
		{`{"hidden":"h"}`, `unknown field "hidden"`, "hidden", ErrUnknownField},
		{`{"Name":"n"}`, `unknown field "Name" (did you mean "name"?)`, "Name", ErrUnknownField},
		{`{"notag":"n"}`, `unknown field "notag" (did you mean "NoTag"?)`, "notag", ErrUnknownField},
	} {
		var v typed
		err := DecodeStrict([]byte(c.in), &v)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, c.in)
		assert.ErrorIs(t, err, c.kind, c.in)
		assert.Equal(t, c.msg, se.Err.Error(), c.in)
		assert.Equal(t, c.path, se.Path, c.in)
		var field string // the member at fault, for a duplicate or unknown one
		if c.kind != ErrWrongType {
			field = c.msg[strings.Index(c.msg, `"`)+1:]
			field = field[:strings.Index(field, `"`)]
		}
		assert.Equal(t, field, se.Field, c.in)
	}
}

// TestCheckerManyFields: a struct of more than 64 fields keeps the fields it has
// seen in a slice rather than a 64-bit set; duplicates are found in both halves and
// distinct fields are never taken for duplicates.
func TestCheckerManyFields(t *testing.T) {
	var fields []reflect.StructField
	for i := range 70 {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[int](), Tag: reflect.StructTag(fmt.Sprintf(`json:"f%d"`, i)),
		})
	}
	big := reflect.StructOf(fields)
	var all []string
	for i := range 70 {
		all = append(all, fmt.Sprintf(`"f%d":%d`, i, i))
	}
	v := reflect.New(big)
	require.NoError(t, DecodeStrict([]byte("{"+strings.Join(all, ",")+"}"), v.Interface()))
	assert.Equal(t, int64(69), v.Elem().Field(69).Int())
	for _, in := range []string{`{"f3":1,"f69":2,"f3":3}`, `{"f69":1,"f3":2,"f69":3}`} {
		err := DecodeStrict([]byte(in), reflect.New(big).Interface())
		var se *SyntaxError
		require.ErrorAs(t, err, &se, in)
		assert.ErrorIs(t, err, ErrDuplicateField, in)
		assert.Equal(t, int64(strings.LastIndex(in, `"f`)), se.Offset, in)
	}
	// The same, at exactly 64 fields: the bit set's last bit.
	small := reflect.StructOf(fields[:64])
	err := DecodeStrict([]byte(`{"f63":1,"f0":2,"f63":3}`), reflect.New(small).Interface())
	assert.ErrorIs(t, err, ErrDuplicateField)
	require.NoError(t, DecodeStrict([]byte(`{"f63":1,"f0":2}`), reflect.New(small).Interface()))
}

// TestSyntaxErrorLinesAndColumns: the line and column count bytes after the last
// line feed; a carriage return is a byte of the line like any other.
func TestSyntaxErrorLinesAndColumns(t *testing.T) {
	for _, c := range []struct {
		in        string
		line, col int
	}{
		{"{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3},
		{"{\r\n\"a\":1,\r\n\"a\":2}", 3, 1},
		{"[\n\n\n  x]", 4, 3},
		{"{\"é\":1,\"é\":2}", 1, 9}, // é is two bytes: the second key is at offset 8
	} {
		var v any
		err := DecodeStrict([]byte(c.in), &v)
		var se *SyntaxError
		require.ErrorAs(t, err, &se, "%q", c.in)
		assert.Equal(t, c.line, se.Line, "%q", c.in)
		assert.Equal(t, c.col, se.Column, "%q", c.in)
	}
}

// TestEncodeForms: Marshal is compact, MarshalIndent and Encode indent by two
// spaces and end with a newline; an unencodable value is an error, and Encode then
// writes nothing.
func TestEncodeForms(t *testing.T) {
	v := map[string]any{"b": []int{1, 2}, "a": "x<y"}
	b, err := Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"a":"x\u003cy","b":[1,2]}`, string(b), "sorted keys and HTML escaping, as encoding/json")
	b, err = MarshalIndent(v)
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"a\": \"x\\u003cy\",\n  \"b\": [\n    1,\n    2\n  ]\n}\n", string(b))
	var w strings.Builder
	require.NoError(t, Encode(&w, v))
	assert.Equal(t, string(b), w.String())

	bad := map[string]any{"f": func() {}}
	_, err = Marshal(bad)
	assert.Error(t, err)
	_, err = MarshalIndent(bad)
	assert.Error(t, err)
	w.Reset()
	assert.Error(t, Encode(&w, bad))
	assert.Empty(t, w.String())
	assert.Error(t, Encode(failingWriter{}, v))
}
