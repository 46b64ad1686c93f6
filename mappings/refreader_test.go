package mappings

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRefReaderMatchesParseRef checks that the remembered frameworks change no
// answer: every input reads as parseRef reads it, before and after its framework is
// known.
func TestRefReaderMatchesParseRef(t *testing.T) {
	inputs := []string{
		"nist-csf:2.0/GV.OC-01", "nist-csf:2.0/GV", "iso27002:2022/5.1", "nist-csf:2.0/ GV", "nist-csf:2.0/GV ",
		"nist-csf:2.0/", "nist-csf:2.0", "nist-csf:2.0/a/b", "nist-csf:2.0/a\tb", "nist-csf:2.0/a\nb", "/5.1",
		"NIST-CSF:2.0/GV", "nist csf/GV", "", "iso27002:2022/5.1\r", "x/y", "nist-csf:2.0//",
	}
	var rr refReader
	for round := range 2 {
		for _, in := range inputs {
			want, wantErr := parseRef(in)
			got, err := rr.parse(in)
			assert.Equal(t, want, got, "round %d: %q", round, in)
			assert.Equal(t, wantErr, err, "round %d: %q", round, in)
		}
	}
	assert.ElementsMatch(t, []string{"nist-csf:2.0", "iso27002:2022", "x"}, func() []string {
		var s []string
		for _, k := range rr.known {
			s = append(s, string(k))
		}
		return s
	}(), "only valid frameworks are remembered")
}

func FuzzRefReader(f *testing.F) {
	for _, s := range []string{"nist-csf:2.0/GV.OC-01", "iso27002:2022/5.1", "a/ b", "a/b/c", "a/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var rr refReader
		for range 2 { // the second time, the framework may be known
			want, wantErr := parseRef(s)
			got, err := rr.parse(s)
			if want != got || (wantErr == nil) != (err == nil) {
				t.Fatalf("%q: parse = %v, %v; parseRef = %v, %v", s, got, err, want, wantErr)
			}
		}
	})
}
