package mappings

import "testing"

// BenchmarkLoadEmbedded measures what [Embedded] does: make every embedded set from
// its generated table.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Embedded()
	}
}
