package catalog_test

import (
	"bytes"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
)

// BenchmarkDefault measures building the catalog of the embedded frameworks (Default
// caches its result, so this builds with New from copies of the embedded data).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.New(catalog.Embedded()...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadJSONEmbedded measures decoding every embedded framework from JSON.
func BenchmarkReadJSONEmbedded(b *testing.B) {
	var buf bytes.Buffer
	if err := catalog.WriteJSON(&buf, catalog.Embedded()...); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.ReadJSON("all.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRef(b *testing.B) {
	c := catalog.Default()
	for _, in := range []string{"A.5.1", "iso27001:2022/A.8.16", "gv.oc-1", "ID.AM-1", "A.12.4.1", "5.1"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.ParseRef(in)
			}
		})
	}
}

func BenchmarkControlsFilter(b *testing.B) {
	c := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range c.Controls(catalog.ISO27002v2022, catalog.Where(catalog.AttrControlType, "Detective"), catalog.Where(catalog.AttrNewIn2022, "true")) {
			n++
		}
		if n != 4 {
			b.Fatal(n)
		}
	}
}
