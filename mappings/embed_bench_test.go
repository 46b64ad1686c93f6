package mappings

import "testing"

// BenchmarkLoadEmbedded measures what the first call of [Embedded] does: decode every
// embedded set file.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, ef := range embeddedFiles {
			d := ef.data
			if _, err := readTrusted(ef.name, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
