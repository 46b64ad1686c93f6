package csvsafe

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"":             "",
		"=1+1":         "'=1+1",
		"+1":           "'+1",
		"-see above":   "'-see above",
		"@SUM(A1)":     "'@SUM(A1)",
		"\tx":          "'\tx",
		"\rx":          "'\rx",
		"'quoted'":     "''quoted'",
		"'":            "''",
		"plain":        "plain",
		"a=b":          "a=b",
		" =1":          " =1",
		"8.16":         "8.16",
		"GV.OC-01":     "GV.OC-01",
		"\u00a0=x":     "\u00a0=x",
		"=HYPERLINK()": "'=HYPERLINK()",
	}
	for in, want := range cases {
		assert.Equal(t, want, Escape(in), "Escape(%q)", in)
		assert.Equal(t, in, Unescape(Escape(in)), "round trip of %q", in)
	}
	// Unescape leaves alone what Escape would not have written.
	for _, s := range []string{"'", "'a", "a'=", "'\u00e9"} {
		assert.Equal(t, s, Unescape(s), "Unescape(%q)", s)
	}
	assert.Equal(t, "=x", Unescape("'=x"), "a hand-made \"'=x\" means the text =x, as in Excel")
	assert.Equal(t, "'x", Unescape("''x"))
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	require.NoError(t, w.Write([]string{"id", "note"}))
	require.NoError(t, w.WriteAll([][]string{{"1", "=cmd|' /C calc'!A0"}, {"2", "-2"}, {"3", "ok"}}))
	assert.Equal(t, "id,note\n1,'=cmd|' /C calc'!A0\n2,'-2\n3,ok\n", b.String())
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	for _, r := range rows {
		for i := range r {
			r[i] = Unescape(r[i])
		}
	}
	assert.Equal(t, [][]string{{"id", "note"}, {"1", "=cmd|' /C calc'!A0"}, {"2", "-2"}, {"3", "ok"}}, rows)
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "=", "'", "''=", "-1", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if Unescape(e) != s {
			t.Fatalf("Unescape(Escape(%q)) = %q", s, Unescape(e))
		}
		if e != "" && e[0] != '\'' && needs(e[0]) {
			t.Fatalf("Escape(%q) = %q starts with a formula character", s, e)
		}
	})
}
