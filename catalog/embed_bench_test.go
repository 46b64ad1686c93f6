package catalog

import "testing"

// BenchmarkLoadEmbedded measures what the first call of [Default] does: decode every
// embedded framework file and build the catalog.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var fws []Framework
		for _, ef := range embeddedFiles {
			d := ef.data
			got, err := readJSON(ef.name, d, true)
			if err != nil {
				b.Fatal(err)
			}
			fws = append(fws, got...)
		}
		if _, err := build(fws, nil, true); err != nil {
			b.Fatal(err)
		}
	}
}
