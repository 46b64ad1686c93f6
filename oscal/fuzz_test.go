package oscal

import (
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

const minimalCatalog = `{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"}, "groups": [{"id": "g", "class": "family", "title": "G", "parts": [{"name": "overview", "prose": "o"}], "controls": [{"id": "c-1", "title": "c-1", "props": [{"name": "status", "value": "withdrawn"}], "parts": [{"name": "statement", "parts": [{"name": "item", "props": [{"name": "label", "value": "a."}], "prose": "x"}]}]}, {"id": "c-2", "title": "C2", "controls": [{"id": "c-2.1", "class": "X", "title": "E"}]}]}]}}`

func FuzzImportCatalog(f *testing.F) {
	f.Add([]byte(minimalCatalog))
	f.Add([]byte(`{"catalog": {}}`))
	f.Add([]byte(`{"mapping-collection": {}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	if b, err := ExportCatalog(userFramework()); err == nil {
		f.Add(b)
	}
	if fws := catalog.Embedded(); len(fws) > 0 {
		if b, err := ExportCatalog(fws[0]); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, rep, err := ImportCatalog("fuzz.json", data)
		if err != nil {
			return
		}
		if rep == nil {
			t.Fatal("nil report without error")
		}
		// Whatever imports must export again, unless OSCAL cannot carry it.
		_, _ = ExportCatalog(fw)
	})
}

func FuzzImportMappings(f *testing.F) {
	f.Add([]byte(foreignMappings))
	f.Add([]byte(`{"mapping-collection": {"mappings": 3}}`))
	f.Add([]byte(`{"mapping-collection": {"mappings": [{"maps": [{"sources": [{}], "targets": null}]}]}}`))
	f.Add([]byte(minimalCatalog))
	if sets := mappings.Embedded(); len(sets) > 0 {
		s := sets[0]
		s.Edges = s.Edges[:min(3, len(s.Edges))]
		if b, err := ExportMappings([]mappings.Set{s}, nil); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sets, rep, err := ImportMappings("fuzz.json", data)
		if err != nil {
			return
		}
		if rep == nil || rep.Sets != len(sets) {
			t.Fatalf("report does not match: %+v, %d sets", rep, len(sets))
		}
		_, _ = ExportMappings(sets, nil)
	})
}
