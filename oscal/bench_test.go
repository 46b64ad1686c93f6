package oscal

import (
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
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
