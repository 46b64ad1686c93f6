package catalog

import "testing"

// BenchmarkLoadEmbedded measures what the first call of [Default] does (make the
// catalog of the generated tables: their name indexes only) and, as /indexed, that
// plus indexing every framework, as a crosswalk of them all needs.
func BenchmarkLoadEmbedded(b *testing.B) {
	ts := embeddedTables()
	b.Run("default", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fromTables(ts)
		}
	})
	b.Run("indexed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := fromTables(ts)
			for _, d := range c.fws {
				d.index()
			}
		}
	})
}
