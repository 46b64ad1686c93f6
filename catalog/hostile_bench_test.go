package catalog_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
)

// danglingFramework is a framework JSON of n controls, each naming a parent that
// does not exist: n problems.
func danglingFramework(n int) []byte {
	var b strings.Builder
	b.WriteString("{\"id\": \"acme:1\", \"name\": \"Acme\", \"controls\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "  {\"id\": \"C-%d\", \"title\": \"Contrôle \\u00e9 %d\", \"parent\": \"missing-%d\"}", i, i, i)
	}
	b.WriteString("\n]}\n")
	return []byte(b.String())
}

// BenchmarkReadJSONManyProblems shows that reporting n problems costs time linear in
// n (issue 15, point 3: each problem rescanned the file for its line, so 2k, 4k and
// 8k dangling parents took 0.8, 3.3 and 12.8 s). Compare ns/op across 2k, 4k, 8k.
func BenchmarkReadJSONManyProblems(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000} {
		data := danglingFramework(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := catalog.ReadJSON("f.json", data); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}

// BenchmarkReadJSONEscapes reads a framework of 1x, 2x and 4x size whose titles and
// attributes are full of escapes and non-ASCII text: time grows linearly.
func BenchmarkReadJSONEscapes(b *testing.B) {
	for _, scale := range []int{1, 2, 4} {
		var sb strings.Builder
		sb.WriteString(`{"id":"acme:1","name":"Acme","controls":[`)
		for i := range 5000 * scale {
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"id":"C-%d","title":"Contr\u00f4le d\u2019acc\u00e8s \"%d\"","summary":"Zugriffsrechte für Benutzer — 情報 🔒\n\tzweite Zeile \\ Ende","attributes":{"note":["\u00e9\u00e8\u00ea","日本語"]}}`, i, i)
		}
		sb.WriteString("]}")
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := catalog.ReadJSON("f.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
