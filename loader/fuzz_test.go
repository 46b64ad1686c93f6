package loader_test

import (
	"errors"
	"testing"

	"github.com/controlgraph/controlgraph/loader"
)

// FuzzCSVSetMeta feeds arbitrary CSV to the reader that names a CSV mapping set: it
// must not panic, what it accepts names two frameworks and the file's ID, and what
// it refuses wraps ErrCSVSet.
func FuzzCSVSetMeta(f *testing.F) {
	f.Add([]byte("from,to,relationship\nacme:1/AC-1,iso27002:2022/5.15,subset-of\n"))
	f.Add([]byte("\uFEFFFrom,TO,relationship\n\"a/b\",\"c/d\",equal\n"))
	f.Add([]byte("from,to\n5.1,6.1\n"))
	f.Add([]byte("from,to,relationship\n"))
	f.Add([]byte("\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := loader.CSVSetMeta("fuzz.csv", "dir/fuzz.csv", data)
		if err != nil {
			if !errors.Is(err, loader.ErrCSVSet) {
				t.Fatalf("%q: error %v does not wrap ErrCSVSet", data, err)
			}
			return
		}
		if s.From == "" || s.To == "" || s.ID != "fuzz" {
			t.Fatalf("accepted %q as %+v", data, s)
		}
	})
}
