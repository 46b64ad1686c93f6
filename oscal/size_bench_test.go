package oscal

import (
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// scaledCatalog returns the NIST SP 800-53 rev5 catalog with its groups given n
// times: copy k > 1 has every ID, parameter insertion and fragment link prefixed with
// "kK-", so that the copies are distinct controls. It is written as the codec writes
// JSON, which escapes <, > and & in the prose (more escape sequences than the file
// has).
func scaledCatalog(tb testing.TB, n int) []byte {
	tb.Helper()
	data := readReference(tb, "NIST_SP-800-53_rev5_catalog-5.0.1.json")
	var doc map[string]any
	if err := codec.DecodeStrict(data, &doc); err != nil {
		tb.Fatal(err)
	}
	cat := doc["catalog"].(map[string]any)
	groups := cat["groups"].([]any)
	all := append([]any(nil), groups...)
	for k := 2; k <= n; k++ {
		p := fmt.Sprintf("k%d-", k)
		for _, g := range groups {
			all = append(all, prefixIDs(g, p))
		}
	}
	cat["groups"] = all
	out, err := codec.MarshalIndent(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// prefixIDs copies a JSON value, prefixing every "id" member, parameter insertion
// and "#fragment" href with p.
func prefixIDs(v any, p string) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			switch s, ok := x.(string); {
			case ok && (k == "id" || k == "param-id"):
				m[k] = p + s
			case ok && k == "href" && strings.HasPrefix(s, "#"):
				m[k] = "#" + p + s[1:]
			default:
				m[k] = prefixIDs(x, p)
			}
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = prefixIDs(x, p)
		}
		return out
	case string:
		return strings.ReplaceAll(v, "{{ insert: param, ", "{{ insert: param, "+p)
	}
	return v
}

// BenchmarkImportCatalogScaled imports the NIST SP 800-53 rev5 catalog at 1x, 2x and
// 4x its size (issue 11: 3.9, 7.8 and 15.5 MB took 1.4, 7.6 and 34 s through the
// stream decoder, quadratic in escapes). Compare ns/op: it doubles with the size.
func BenchmarkImportCatalogScaled(b *testing.B) {
	for _, n := range []int{1, 2, 4} {
		data := scaledCatalog(b, n)
		if _, _, err := ImportCatalog("nist.json", data); err != nil {
			b.Fatalf("%dx: %v", n, err)
		}
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ImportCatalog("nist.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
