package loader_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
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
			var de *catalog.DataError
			if !errors.As(err, &de) || de.File != "fuzz.csv" {
				t.Fatalf("%q: error %v is not a *catalog.DataError naming the file", data, err)
			}
			return
		}
		if s.From == "" || s.To == "" || s.ID != "fuzz" {
			t.Fatalf("accepted %q as %+v", data, s)
		}
	})
}

// FuzzSniff feeds arbitrary bytes to SniffCSV and SniffJSON: they must not panic and
// must name one of the kinds each can return.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("control,status\n5.1,implemented\n"))
	f.Add([]byte("Title\n\nRef;Implementation status\n"))
	f.Add([]byte("\xff\xfef\x00r\x00o\x00m\x00"))
	f.Add([]byte(`{"edges": []}`))
	f.Add([]byte(`{"catalog": {"uuid": "x"}}`))
	f.Add([]byte(`{"name": 1, "controls": [}`))
	csvKinds := []loader.Kind{loader.KindAssessment, loader.KindMappingSet, loader.KindFramework}
	jsonKinds := []loader.Kind{loader.KindAssessment, loader.KindMappingSet, loader.KindFramework, loader.KindOSCAL, loader.KindDocument}
	f.Fuzz(func(t *testing.T, data []byte) {
		if k := loader.SniffCSV(data); !slices.Contains(csvKinds, k) {
			t.Fatalf("SniffCSV(%q) = %q", data, k)
		}
		if k := loader.SniffJSON(data); !slices.Contains(jsonKinds, k) {
			t.Fatalf("SniffJSON(%q) = %q", data, k)
		}
	})
}
