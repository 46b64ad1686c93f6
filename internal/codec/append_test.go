package codec

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every byte, alone and between letters, and the strings that need care, are
// written as Marshal writes them.
func TestAppendStringAsMarshal(t *testing.T) {
	cases := []string{"", "plain", "\u2028\u2029", "a\xffb", "\xed\xa0\x80", "\ufffd", "é€😀",
		"<script>&amp;</script>", `"quoted" \back\`, "tab\tnew\nret\r", "\x7f", "\xf0\x9f\x98", "x\xc3"}
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"bcdefghij")
	}
	for r := rune(0x80); r < 0x3000; r += 7 {
		cases = append(cases, string(r))
	}
	for _, s := range cases {
		want, err := Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(AppendString(nil, s)), "%q", s)
	}
	// Appends, leaving what is there.
	assert.Equal(t, `x"a\u003cb"`, string(AppendString([]byte("x"), "a<b")))
}

func TestAppendStringsAsMarshal(t *testing.T) {
	for _, list := range [][]string{nil, {}, {"a"}, {"a", "<b>", ""}} {
		want, err := Marshal(list)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(AppendStrings(nil, list)), "%q", list)
	}
}

func TestAppendFloatAsMarshal(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 8.5, 100, 33.3, 66.7, 12.25, -4.1, 1e-6, 9.99e-7,
		1e-7, 1e20, 1e21, 123456789012345678901234.0, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3} {
		want, err := Marshal(f)
		require.NoError(t, err)
		got, err := AppendFloat(nil, f)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%v", f)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := Marshal(f)
		require.Error(t, err, "Marshal refuses %v", f)
		_, err = AppendFloat(nil, f)
		assert.Error(t, err, "%v", f)
	}
}

// FuzzAppendString: any string is written as Marshal writes it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "\u2028x\xff", "\"\\\n\x00", "é😀\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := Marshal(s)
		require.NoError(t, err)
		got := AppendString(nil, s)
		assert.Equal(t, string(want), string(got), "%q", s)
		assert.True(t, utf8.Valid(got))
	})
}
