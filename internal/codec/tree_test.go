package codec

import (
	stdjson "encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Decoding into *any builds the value in the checker's pass; the value is the one
// encoding/json gives, for every shape of document.
func TestTreeMatchesEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `""`, `0`, `-0`, `1.5e3`, `-12.25E-2`, `true`, `false`, `null`,
		`{"a":[],"b":{},"c":[{}],"d":[[]]}`,
		`{"n":[1,2.5,-3,4e2],"t":true,"f":false,"z":null}`,
		`[1,"two",{"three":[3]},null,[true,false]]`,
		`{"esc":"a\"b\\c\/d\b\f\n\r\t","u":"\u00e9\u2019\ud83d\udd12","lone":"\ud83d!"}`,
		`{"\u0069d":"escaped key","id2":"x"}`,
		`{"ключ":"non-ASCII key","情報":1}`,
		" \n\t{ \"a\" : [ 1 , 2 ] , \"b\" : \"c\" } \r\n",
		`{"deep":[[[[[[[[[[{"x":[[[["y"]]]]}]]]]]]]]]]}`,
	} {
		var got, want any
		require.NoError(t, DecodeStrict([]byte(in), &got), in)
		require.NoError(t, stdjson.Unmarshal([]byte(in), &want), in)
		assert.Equal(t, want, got, in)
	}
}

// Keys longer than the interning limit, and more distinct keys than the table
// holds, decode as they are written.
func TestTreeKeysBeyondInterning(t *testing.T) {
	var b strings.Builder
	b.WriteString(`[`)
	for i := range maxInterned + 50 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"k%d":%d,%q:"long"}`, i, i, strings.Repeat("x", maxInternedLen+i%3))
	}
	b.WriteString(`]`)
	var got, want any
	require.NoError(t, DecodeStrict([]byte(b.String()), &got))
	require.NoError(t, stdjson.Unmarshal([]byte(b.String()), &want))
	assert.Equal(t, want, got)
}

// A key named twice is refused at its second place, in small objects (compared one
// by one) and in large ones (looked up in a set), escaped spellings included.
func TestTreeDuplicateKeys(t *testing.T) {
	var members []string
	for i := range 40 {
		members = append(members, fmt.Sprintf(`"m%d":%d`, i, i))
	}
	large := "{" + strings.Join(members, ",") + `,"m7":0}`
	tests := []struct {
		name, in, field string
		offset          int64
	}{
		{"small", `{"a":1,"b":2,"a":3}`, "a", 13},
		{"escaped spelling", `{"id":1,"\u0069d":2}`, "id", 8},
		{"nested", `{"x":[{"y":1,"y":1}]}`, "y", 13},
		{"large", large, "m7", int64(len(large) - 7)},
		{"at the set's threshold", "{" + strings.Join(members[:manyMembers], ",") + `,"m0":1}`, "m0", int64(len("{" + strings.Join(members[:manyMembers], ",") + ","))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			err := DecodeStrict([]byte(tt.in), &v)
			require.ErrorIs(t, err, ErrDuplicateField)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.field, se.Field)
			assert.Equal(t, tt.offset, se.Offset)
			assert.Nil(t, v, "nothing is stored on an error")
		})
	}
	var v any
	require.NoError(t, DecodeStrict([]byte("{"+strings.Join(members, ",")+"}"), &v))
	assert.Len(t, v, 40)
}

// The tree path refuses what the typed checker refuses, with the same message at
// the same place: the typed checker with an interface target checks the same
// grammar without building anything.
func TestTreeErrorsMatchChecker(t *testing.T) {
	for _, in := range []string{
		``, ` `, `{`, `[`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, `[1,`, `[1 2]`, `{"a":1 "b":2}`,
		`{"a" 1}`, `{1:2}`, `{"a":tru}`, `{"a":nul}`, `[fals]`, `[-]`, `[01]`, `[1.]`, `[1e]`, `[+1]`,
		`"abc`, "\"a\x01b\"", "\"a\x00\"", "\"\xff\"", `"\x"`, `"\u12g4"`, `"\u12`,
		`{"a":1}}`, `[] x`, "{}\x00{}", `{"a":1,"a":2}`, `{"a":[1,2,}`, `@`,
		strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	} {
		var v any
		var s fmt.Stringer
		got := DecodeStrict([]byte(in), &v)
		want := DecodeStrict([]byte(in), &s)
		require.Error(t, got, "%q", in)
		require.Error(t, want, "%q", in)
		assert.Equal(t, want.Error(), got.Error(), "%q", in)
		var g, w *SyntaxError
		require.ErrorAs(t, got, &g)
		require.ErrorAs(t, want, &w)
		assert.Equal(t, w.Offset, g.Offset, "%q", in)
		assert.Equal(t, w.Path, g.Path, "%q", in)
		assert.Equal(t, w.Field, g.Field, "%q", in)
	}
}

// A number that no float64 holds is an error, where encoding/json also refuses it.
func TestTreeNumberOutOfRange(t *testing.T) {
	var v any
	err := DecodeStrict([]byte(`{"n":1e999}`), &v)
	require.ErrorIs(t, err, ErrWrongType)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, int64(5), se.Offset)
	assert.Contains(t, err.Error(), "1e999")
	var want any
	assert.Error(t, stdjson.Unmarshal([]byte(`{"n":1e999}`), &want))
}

// The NIST catalogs of the reference data decode as encoding/json decodes them.
func TestTreeReferenceCatalogs(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "reference", "oscal")
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(names) == 0 {
		t.Skipf("no reference OSCAL files in %s (the reference data is beside the repository)", dir)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		var got, want any
		require.NoError(t, DecodeStrict(data, &got), name)
		require.NoError(t, stdjson.Unmarshal(data, &want), name)
		assert.Equal(t, want, got, name)
	}
}

// BenchmarkDecodeTree decodes NIST's SP 800-53 rev. 5 catalog into plain values,
// as the OSCAL import does.
func BenchmarkDecodeTree(b *testing.B) {
	path := filepath.Join("..", "..", "..", "shared", "reference", "oscal", "NIST_SP-800-53_rev5_catalog-5.0.1.json")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("reference catalog %s not available", path)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := DecodeStrict(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// The decoded value owns its strings: changing the input afterwards changes
// nothing in it.
func TestTreeDoesNotAliasInput(t *testing.T) {
	data := []byte(`{"key":"value","list":["abc"]}`)
	var v any
	require.NoError(t, DecodeStrict(data, &v))
	for i := range data {
		data[i] = 'x'
	}
	assert.Equal(t, map[string]any{"key": "value", "list": []any{"abc"}}, v)
}

// Object keys written the same way share one string.
func TestTreeSharesKeys(t *testing.T) {
	var v any
	require.NoError(t, DecodeStrict([]byte(`[{"name":1},{"name":2},{"n\u0061me":3}]`), &v))
	var keys []string
	for _, o := range v.([]any) {
		for k := range o.(map[string]any) {
			keys = append(keys, k)
		}
	}
	require.Len(t, keys, 3)
	assert.Same(t, unsafe.StringData(keys[0]), unsafe.StringData(keys[1]), "the same spelling is one string")
	assert.Equal(t, "name", keys[2], "an escaped spelling is decoded")
}

// An object of many members is checked for duplicates in linear time, and the
// duplicate is found wherever it is.
func TestTreeManyMembers(t *testing.T) {
	const n = 200000
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, `"k%d":%d,`, i, i)
	}
	doc := b.String()
	var v any
	require.NoError(t, DecodeStrict([]byte(strings.TrimSuffix(doc, ",")+"}"), &v))
	assert.Len(t, v, n)
	err := DecodeStrict([]byte(doc+`"k123456":0}`), &v)
	require.ErrorIs(t, err, ErrDuplicateField)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "k123456", se.Field)
}

// A problem inside a deep array of objects is named by its full path, as on the
// typed path.
func TestTreeErrorPath(t *testing.T) {
	var v any
	err := DecodeStrict([]byte(`{"catalog":{"groups":[{"id":"a"},{"id":"b","controls":[{"id":x}]}]}}`), &v)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "catalog.groups[1].controls[0].id", se.Path)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, int64(61), se.Offset)
}

// The causes are reachable through a *SyntaxError with errors.Is.
func TestTreeCausesWrapped(t *testing.T) {
	var v any
	for in, want := range map[string]error{
		`{"a":1,"a":2}`: ErrDuplicateField,
		"\"\xff\"":      ErrInvalidUTF8,
		"\"\x01\"":      ErrControlChar,
		`[1] [2]`:       ErrTrailingData,
		`[1,]`:          ErrSyntax,
		`1e400`:         ErrWrongType,
	} {
		err := DecodeStrict([]byte(in), &v)
		assert.ErrorIs(t, err, want, "%q", in)
		assert.True(t, errors.As(err, new(*SyntaxError)), "%q", in)
	}
}
