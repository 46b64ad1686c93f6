package oscal_test

import (
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
