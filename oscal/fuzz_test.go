package oscal

import (
	"errors"
	"strings"
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
		if _, _, serr := ImportCatalog("fuzz.json", data, WithStrict()); serr == nil && err != nil {
			t.Fatalf("strict accepts what lenient refuses: %v", err)
		}
		if err != nil {
			requireDataError(t, err)
			return
		}
		if rep == nil {
			t.Fatal("nil report without error")
		}
		_ = rep.Summary()
		_ = rep.Details()
		if !rep.Ours {
			for _, c := range fw.Controls {
				if strings.Contains(c.Summary, "{{") {
					t.Fatalf("%s: a placeholder is left in the summary: %q", c.ID, c.Summary)
				}
			}
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
	f.Add([]byte(realWorldMappings))
	cat := catalog.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		sets, rep, err := ImportMappings("fuzz.json", data)
		if err == nil {
			if rep == nil || rep.Sets != len(sets) {
				t.Fatalf("report does not match: %+v, %d sets", rep, len(sets))
			}
			_, _ = ExportMappings(sets, nil)
		} else {
			requireDataError(t, err)
		}
		checkMappingsAgainst(t, data, cat)
	})
}

// checkMappingsAgainst imports data against cat, with binds: what is imported cites
// only controls cat holds and not as withdrawn, and strict import refuses what a
// lenient one skipped or ignored.
func checkMappingsAgainst(t *testing.T, data []byte, cat *catalog.Catalog) {
	opts := []Option{WithCatalog(cat), WithResource("csf.json", catalog.CSF20), WithResource("annex-a.json", catalog.ISO27002v2022),
		WithCatalogFile("x/iso.json", "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", catalog.ISO27001v2022)}
	sets, rep, err := ImportMappings("fuzz.json", data, opts...)
	if err != nil {
		return
	}
	_ = rep.Summary()
	for _, s := range sets {
		for _, e := range s.Edges {
			for _, r := range []catalog.Ref{e.From, e.To} {
				if c, ok := cat.Control(r); cat.Has(r.Framework) && (!ok || c.Withdrawn()) {
					t.Fatalf("edge cites %s, which the catalog does not hold or holds as withdrawn", r)
				}
			}
		}
	}
	if _, _, err := ImportMappings("fuzz.json", data, append(opts, WithStrict())...); err == nil && (len(rep.Skipped) > 0 || len(rep.Unknown) > 0) {
		t.Fatal("strict accepts what lenient skipped")
	}
}

// realWorldMappings is a third-party-shaped mapping-collection, a fuzz seed: an
// unknown field, hrefs to bind, an Annex A id, a label spelling, an unknown control.
const realWorldMappings = `{"mapping-collection": {"uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
  "metadata": {"title": "M", "version": "1", "oscal-version": "1.2.0", "last-modified": "2025-01-01T00:00:00Z", "x": 1},
  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "draft", "mapping-description": "x"},
  "mappings": [{"uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
    "source-resource": {"type": "catalog", "href": "../csf.json"},
    "target-resource": {"type": "catalog", "href": "#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10"},
    "maps": [
      {"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "subset-of",
       "sources": [{"type": "control", "id-ref": "gv.po-1"}], "targets": [{"type": "control", "id-ref": "A.5.1"}]},
      {"uuid": "4b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "equivalent-to",
       "sources": [{"type": "control", "id-ref": "GV.PO-01"}], "targets": [{"type": "control", "id-ref": "9.9"}]}]}],
  "back-matter": {"resources": [{"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "title": "Annex A", "rlinks": [{"href": "annex-a.json"}]}]}}}`

// requireDataError fails unless err holds a *catalog.DataError naming the file
// "fuzz.json", as every problem of an import does.
func requireDataError(t *testing.T, err error) {
	t.Helper()
	var de *catalog.DataError
	if !errors.As(err, &de) {
		t.Fatalf("%T does not say where: %v", err, err)
	}
	if de.File != "fuzz.json" {
		t.Fatalf("%v does not name the file", de)
	}
}
