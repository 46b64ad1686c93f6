package report

import (
	"io"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func BenchmarkGap(b *testing.B) {
	res := smallGap(b, catalog.CSF20)
	for _, f := range GapFormats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := RenderGap(io.Discard, res, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSoAHTML(b *testing.B) {
	soa := smallSoA(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := SoAHTML(io.Discard, soa, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetMermaid(b *testing.B) {
	sets := mappings.Embedded()
	b.ReportAllocs()
	for b.Loop() {
		if err := SetMermaid(io.Discard, catalog.ISO27002v2022, catalog.CSF20, sets, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
