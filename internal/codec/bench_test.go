package codec

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// escapedDoc is a framework-shaped document of n controls whose text is full of
// escape sequences and non-ASCII letters, as Python's json.dumps writes it
// (ensure_ascii: every é is \u00e9) mixed with raw UTF-8.
func escapedDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"bench:1","controls":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"C-%d","attributes":{"note":["Contr\u00f4le d\u2019acc\u00e8s \"%d\"\n\tligne 2 \\ fin","Zugriffsrechte für Benutzer — 情報 🔒 %d"]}}`, i, i, i)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// BenchmarkDecodeStrictEscapes shows that decoding time grows linearly with the
// input, escapes included (the stream decoder it replaced copied the rest of the
// buffer at each escape: quadratic). Compare ns/op across 1x, 2x, 4x: it doubles.
func BenchmarkDecodeStrictEscapes(b *testing.B) {
	for _, scale := range []int{1, 2, 4} {
		data := escapedDoc(20000 * scale)
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var d doc
				if err := DecodeStrict(data, &d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkChecker runs the checker alone, typed, over the escaped document: the
// strict pass every typed DecodeStrict makes before go-json decodes.
func BenchmarkChecker(b *testing.B) {
	data := escapedDoc(20000)
	t := reflect.TypeFor[*doc]()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c := checker{data: data}
		if !c.document(t) {
			b.Fatal(c.err)
		}
	}
}
