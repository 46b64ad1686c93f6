package oscal_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

func ExampleExportCatalog() {
	f, _ := catalog.Default().Spec(catalog.ISO27002v2022)
	b, err := oscal.ExportCatalog(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Control 5.1 has the OSCAL id "_5.1" (ids are tokens) and keeps "5.1" as label.
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, `"_5.1"`) || strings.Contains(line, `"oscal-version"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "oscal-version": "1.2.2",
	// "id": "_5.1",
}

func ExampleImportCatalog() {
	doc := `{"catalog": {
	  "uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
	  "metadata": {"title": "Acme Controls", "version": "3", "oscal-version": "1.1.2",
	               "last-modified": "2024-01-01T00:00:00Z"},
	  "groups": [{"id": "ac", "class": "family", "title": "Access",
	    "controls": [
	      {"id": "ac-1", "title": "Policy", "parts": [{"name": "statement", "prose": "Have a policy."}]},
	      {"id": "ac-9", "title": "Old", "props": [{"name": "status", "value": "withdrawn"}]}
	    ]}]}}`
	f, rep, err := oscal.ImportCatalog("acme.json", []byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.ID, "-", f.Name)
	for _, c := range f.Controls {
		fmt.Printf("%s %s %q parent=%q summary=%q\n", c.Kind, c.ID, c.Title, c.Parent, c.Summary)
	}
	fmt.Println("items:", f.ItemKinds)
	fmt.Println(rep.Warnings())
	// Output:
	// acme-controls:3 - Acme Controls
	// family ac "Access" parent="" summary=""
	// control ac-1 "Policy" parent="ac" summary="Have a policy."
	// control ac-9 "Old" parent="ac" summary=""
	// items: [control]
	// [1 withdrawn control node(s) kept and marked withdrawn (never gap items)]
}

func ExampleEncodeID() {
	for _, id := range []string{"GV.OC-01", "5.1", "AC-2(1)"} {
		tok := oscal.EncodeID(id)
		back, _ := oscal.DecodeID(tok)
		fmt.Println(id, "→", tok, "→", back)
	}
	// Output:
	// GV.OC-01 → GV.OC-01 → GV.OC-01
	// 5.1 → _5.1 → 5.1
	// AC-2(1) → _AC-2_281_29 → AC-2(1)
}

func ExampleExportMappings() {
	s, _ := mappings.EmbeddedSet(mappings.SetISO2013ToISO2022)
	b, err := oscal.ExportMappings([]mappings.Set{s}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	sets, rep, err := oscal.ImportMappings("iso.json", b)
	if err != nil {
		fmt.Println(err)
		return
	}
	e := sets[0].Edges[0]
	fmt.Println(rep.Sets, "set,", rep.Edges, "edges")
	fmt.Println(e.From, e.Relationship, e.To)
	// Output:
	// 1 set, 115 edges
	// iso27002:2013/A.5.1.1 related iso27002:2022/5.1
}

// A third party's mapping-collection: its target is a catalog of "ISO/IEC 27001
// Annex A" that nobody has, and one map cites a control ISO/IEC 27002:2022 does not
// hold. Bound to the embedded iso27002:2022 and checked against the catalog, the
// sound maps are imported and the other is listed; WithStrict would refuse it.
func ExampleImportMappings_bind() {
	doc := `{"mapping-collection": {
	  "uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	  "metadata": {"title": "CSF to Annex A", "version": "1", "oscal-version": "1.2.0",
	               "last-modified": "2025-01-01T00:00:00Z", "x-tool": "spreadsheet"},
	  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "draft", "mapping-description": "x"},
	  "mappings": [{
	    "uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	    "source-resource": {"type": "catalog", "href": "https://example.com/csf-2.0.json"},
	    "target-resource": {"type": "catalog", "href": "annex-a.json"},
	    "maps": [
	      {"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "intersects-with",
	       "sources": [{"type": "control", "id-ref": "GV.PO-01"}], "targets": [{"type": "control", "id-ref": "A.5.1"}]},
	      {"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "intersects-with",
	       "sources": [{"type": "control", "id-ref": "GV.PO-01"}], "targets": [{"type": "control", "id-ref": "A.5.99"}]}
	    ]}]}}`
	sets, rep, err := oscal.ImportMappings("vendor.json", []byte(doc),
		oscal.WithCatalog(catalog.Default()),
		oscal.WithResource("csf-2.0.json", catalog.CSF20),
		oscal.WithResource("annex-a.json", catalog.ISO27002v2022))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range sets[0].Edges {
		fmt.Println(e.From, e.Relationship, e.To)
	}
	fmt.Println(rep.Summary())
	for _, d := range rep.Details() {
		fmt.Println(d)
	}
	_, _, err = oscal.ImportMappings("vendor.json", []byte(doc), oscal.WithCatalog(catalog.Default()))
	fmt.Println(errors.Is(err, oscal.ErrUnbound))
	// Output:
	// nist-csf:2.0/GV.PO-01 intersects-with iso27002:2022/5.1
	// vendor.json: OSCAL mapping-collection, 1 mapping set(s) with 1 edge(s), 1 map(s) skipped, 1 field(s) outside the OSCAL model ignored; 2 warning(s)
	// field outside the OSCAL model ignored: mapping-collection.metadata.x-tool
	// map skipped: mapping-collection.mappings[0].maps[1] (GV.PO-01 → A.5.99): iso27002:2022 has no control "A.5.99"
	// true
}

// WithStrict refuses what a lenient import lists: here a field outside the OSCAL
// model.
func ExampleWithStrict() {
	doc := `{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
	  "metadata": {"title": "Acme", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"},
	  "controls": [{"id": "c-1", "title": "One", "owner": "IT"}]}}`
	_, rep, _ := oscal.ImportCatalog("acme.json", []byte(doc))
	fmt.Println(rep.Unknown)
	_, _, err := oscal.ImportCatalog("acme.json", []byte(doc), oscal.WithStrict())
	fmt.Println(err)
	// Output:
	// [catalog.controls[0].owner]
	// acme.json: catalog.controls[0].owner: field is not part of the OSCAL model here
}

// A mapping-collection names its source catalog by a relative file name. The
// catalog read from a file of that name binds to it, whatever its directory.
func ExampleWithCatalogFile() {
	acme := catalog.Framework{ID: "acme:1", Name: "Acme", Controls: []catalog.ControlSpec{{ID: "ac-1", Title: "Policy"}}}
	cat, err := catalog.New(append(catalog.Embedded(), acme)...)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := `{"mapping-collection": {
	  "uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	  "metadata": {"title": "Acme to ISO", "version": "1", "oscal-version": "1.2.0", "last-modified": "2025-01-01T00:00:00Z"},
	  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "complete", "mapping-description": "x"},
	  "mappings": [{
	    "uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	    "source-resource": {"type": "catalog", "href": "../catalogs/acme.oscal.json"},
	    "target-resource": {"type": "catalog", "href": "iso27002.json"},
	    "maps": [{"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "subset-of",
	      "sources": [{"type": "control", "id-ref": "ac-1"}], "targets": [{"type": "control", "id-ref": "a.5.1"}]}]}]}}`
	sets, _, err := oscal.ImportMappings("acme-map.json", []byte(doc),
		oscal.WithCatalog(cat),
		oscal.WithCatalogFile("/data/acme.oscal.json", "", "acme:1"),
		oscal.WithResource("iso27002.json", catalog.ISO27002v2022))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sets[0].ID, sets[0].Edges[0].From, sets[0].Edges[0].Relationship, sets[0].Edges[0].To)
	// Output:
	// acme-1_to_iso27002-2022 acme:1/ac-1 subset-of iso27002:2022/5.1
}
