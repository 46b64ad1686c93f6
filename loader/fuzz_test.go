package loader_test

import (
	"bytes"
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

// FuzzCheck feeds any bytes to Check, guessed or read as each kind: it never
// panics; an error is one of the option or stream sentinels; a result is
// consistent (Valid exactly when no problem is an error, every problem an error
// value with a message).
func FuzzCheck(f *testing.F) {
	f.Add([]byte("\uFEFFFrom;To;Relationship\r\n5.1;GV.PO-01;related\r\n"), uint8(0))
	f.Add([]byte("id\ttitle\nA\tAlpha\n"), uint8(2))
	f.Add([]byte("Title\n\nControl ID;Status\n5.1;Yes\n"), uint8(4))
	f.Add([]byte(`{"frameworks":[],"mappings":[]}`), uint8(1))
	f.Add([]byte(`{"id":"a","name":"A","controls":[]}`), uint8(0))
	f.Add([]byte(`{"catalog":{"uuid":"x","metadata":{"title":"t"}}}`), uint8(5))
	f.Add([]byte("PK\x03\x04"), uint8(0))
	kinds := append([]loader.Kind{""}, loader.Kinds()...)
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		opts := loader.CheckOptions{Kind: kinds[int(k)%len(kinds)], Framework: "x:1", From: "iso27002", To: "csf"}
		c, err := loader.Check("in", bytes.NewReader(data), opts)
		if err != nil {
			if !errors.Is(err, loader.ErrUnsupported) && !errors.Is(err, loader.ErrRead) && !errors.Is(err, loader.ErrBind) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		errs := 0
		for _, p := range c.Problems {
			if p.Err == nil || p.Message() == "" {
				t.Fatalf("empty problem: %#v", p)
			}
			if !p.Warning {
				errs++
			}
		}
		if c.Valid() != (errs == 0) {
			t.Fatalf("Valid %v with %d errors", c.Valid(), errs)
		}
	})
}
