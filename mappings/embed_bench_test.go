package mappings

import (
	"io/fs"
	"testing"
)

// BenchmarkLoadEmbedded measures what the first call of [Embedded] does: decode every
// embedded set file.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, ef := range embeddedFiles {
			d, err := fs.ReadFile(ef.fsys, ef.name)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := readTrusted(ef.name, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
