package oscal

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/cputime"
	"github.com/controlgraph/controlgraph/mappings"
)

func BenchmarkImportNISTCSF(b *testing.B) {
	data := readReference(b, "NIST_CSF_v2.0_catalog.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ImportCatalog("NIST_CSF_v2.0_catalog.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportCatalogISO27002(b *testing.B) {
	f, _ := catalog.Default().Spec(catalog.ISO27002v2022)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportCatalog(f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportMappingsAll(b *testing.B) {
	sets := mappings.Embedded()
	cat := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportMappings(sets, cat); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportMappingsAll(b *testing.B) {
	data, err := ExportMappings(mappings.Embedded(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ImportMappings("all.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// scaledCatalog returns NIST's SP 800-53 rev. 5 catalog with its groups repeated n
// times (the copies' group and control ids suffixed, so that they stay unique): the
// same document shape at n times the size.
func scaledCatalog(b *testing.B, n int) []byte {
	b.Helper()
	data := readReference(b, "NIST_SP-800-53_rev5_catalog-5.0.1.json")
	if n == 1 {
		return data
	}
	var doc map[string]any
	if err := codec.DecodeStrict(data, &doc); err != nil {
		b.Fatal(err)
	}
	cat := doc["catalog"].(map[string]any)
	groups := cat["groups"].([]any)
	var rename func(v any, suffix string) any
	rename = func(v any, suffix string) any {
		m := v.(map[string]any)
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[k] = x
		}
		out["id"] = m["id"].(string) + suffix
		for _, key := range []string{"groups", "controls"} {
			if list, ok := m[key].([]any); ok {
				copied := make([]any, len(list))
				for i, c := range list {
					copied[i] = rename(c, suffix)
				}
				out[key] = copied
			}
		}
		return out
	}
	all := append([]any(nil), groups...)
	for i := 2; i <= n; i++ {
		for _, g := range groups {
			all = append(all, rename(g, fmt.Sprintf("-copy%d", i)))
		}
	}
	cat["groups"] = all
	out, err := codec.MarshalIndent(doc)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkImportScaling imports the SP 800-53 rev. 5 catalog at 1, 2 and 4 times
// its size: with a linear import the MB/s stay the same. cpu-MB/s counts the CPU
// time the process used (garbage collection included), which a busy machine
// disturbs less than the wall clock.
func BenchmarkImportScaling(b *testing.B) {
	for _, n := range []int{1, 2, 4} {
		data := scaledCatalog(b, n)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			runtime.GC()
			start, runs := cputime.Process(), 0
			for b.Loop() {
				if _, _, err := ImportCatalog("800-53.json", data); err != nil {
					b.Fatal(err)
				}
				runs++
			}
			if cpu := cputime.Process() - start; cpu > 0 {
				b.ReportMetric(float64(len(data))*float64(runs)/cpu.Seconds()/1e6, "cpu-MB/s")
			}
		})
	}
}
