package mappings_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func ExampleParseRelationship() {
	for _, word := range []string{"subset-of", "equivalent-to", "intersect", "NOT_RELATED", "kinda"} {
		r, err := mappings.ParseRelationship(word)
		if err != nil {
			fmt.Println(err)
			continue
		}
		token, exact := r.OSCAL()
		fmt.Printf("%s: %s, inverse %s, OSCAL %s (exact %t)\n", word, r, r.Inverse(), token, exact)
	}
	// Output:
	// subset-of: subset-of, inverse superset-of, OSCAL subset-of (exact true)
	// equivalent-to: equal, inverse equal, OSCAL equal-to (exact true)
	// intersect: intersects-with, inverse intersects-with, OSCAL intersects-with (exact true)
	// NOT_RELATED: not-related-to, inverse not-related-to, OSCAL no-relationship (exact true)
	// unknown relationship "kinda" (want equal, subset-of, superset-of, intersects-with, not-related-to or related)
}

func ExampleCompose() {
	// CIS 1.1 subset-of ISO 5.9 and, read backwards, ISO 5.9 superset-of CIS 1.1: a path
	// A ⊃ B ⊂ C says only that A and C overlap (A may even contain C): not IR 8477's
	// intersects-with, so the composition says related.
	r, ok := mappings.Compose(mappings.SupersetOf, mappings.SubsetOf)
	fmt.Println(r, ok)
	r, ok = mappings.Compose(mappings.Equal, mappings.SubsetOf)
	fmt.Println(r, ok)
	r, ok = mappings.Compose(mappings.SubsetOf, mappings.Related)
	fmt.Println(r, ok)
	_, ok = mappings.Compose(mappings.NotRelatedTo, mappings.Equal)
	fmt.Println(ok)
	// Output:
	// related true
	// subset-of true
	// related true
	// false
}

func ExampleEmbedded() {
	for _, s := range mappings.Embedded() {
		if s.From == catalog.ISO27002v2013 {
			fmt.Println(s.ID, s.Kind, len(s.Edges), "edges, source:", s.Source.ID)
		}
	}
	// Output:
	// iso27002-2013_to_iso27002-2022 succession 115 edges, source: iso27002-2022-annex-b
}

func ExampleSet_EdgesFrom() {
	s, _ := mappings.EmbeddedSet(mappings.SetCSF20ToISO27001)
	for e := range s.EdgesFrom(catalog.NewRef(catalog.CSF20, "DE.CM-01")) {
		fmt.Println(e.From, e.Relationship, e.To)
	}
	for _, st := range s.StatementsAbout(catalog.NewRef(catalog.CSF20, "DE.CM-01")) {
		fmt.Printf("%s: %s for the %s (%q)\n", st.Ref, st.Kind, st.Target, st.Note)
	}
	// Output:
	// nist-csf:2.0/DE.CM-01 related iso27002:2022/8.16
	// nist-csf:2.0/DE.CM-01: no-reference for the clauses ("2022: Mandatory Clause: None")
}

func ExampleSet_Inverse() {
	s, _ := mappings.EmbeddedSet(mappings.SetISO2013ToISO2022)
	for e := range s.Inverse().EdgesFrom(catalog.NewRef(catalog.ISO27002v2022, "8.8")) {
		fmt.Println(e.From, e.Relationship, e.To)
	}
	// Output:
	// iso27002:2022/8.8 related iso27002:2013/A.12.6.1
	// iso27002:2022/8.8 related iso27002:2013/A.18.2.3
}

func ExampleValidate() {
	s := mappings.Set{
		ID: "mine", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "my-notes"},
		Edges: []mappings.Edge{
			{From: catalog.NewRef(catalog.CSF20, "PR.AA-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.16"), Relationship: mappings.Equal, Source: "my-notes"},
			{From: catalog.NewRef(catalog.CSF20, "PR.AA-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.16"), Relationship: mappings.SubsetOf, Source: "my-notes"},
			{From: catalog.NewRef(catalog.CSF20, "PR.AA-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.17"), Relationship: mappings.Related, Source: "my-notes"},
		},
	}
	for _, p := range mappings.Validate(s, nil) {
		fmt.Println(p)
	}
	// Output:
	// set "mine": edge #2 (nist-csf:2.0/PR.AA-01 → iso27002:2022/5.16): field "relationship" = "subset-of": contradictory edges: edge #1 says nist-csf:2.0/PR.AA-01 equal iso27002:2022/5.16 from the same source "my-notes"
	// set "mine": edge #3 (nist-csf:2.0/PR.AA-1 → iso27002:2022/5.17): field "from" = "nist-csf:2.0/PR.AA-1": no such control in the catalog: did you mean nist-csf:2.0/PR.AA-01?
}

func ExampleCheckCSV() {
	const file = `from,to,relationship,strength
GV.OC-01,5.1,intersects-with,6
GV.OC-01,5.99,related,
GV.OC-02,5.2,sort-of,
`
	meta := mappings.Set{ID: "acme", From: catalog.CSF20, To: catalog.ISO27002v2022, Source: mappings.Source{ID: "acme-review-2025"}}
	s, problems := mappings.CheckCSV("acme.csv", strings.NewReader(file), meta, nil)
	for _, p := range problems {
		fmt.Println(p)
	}
	fmt.Println(len(s.Edges), "edges read")
	// Output:
	// acme.csv:3: set "acme": edge (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.99): field "to" = "iso27002:2022/5.99": no such control in the catalog: iso27002:2022 has no control "5.99"
	// acme.csv:4: set "acme": field "relationship" = "sort-of": unknown relationship: want equal, subset-of, superset-of, intersects-with, not-related-to or related
	// 2 edges read
}

func ExampleWriteCSV() {
	s := mappings.Set{ID: "x", Edges: []mappings.Edge{
		{From: catalog.NewRef(catalog.CSF20, "GV.OC-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.IntersectsWith, Strength: 6, HasStrength: true, Source: "acme"},
	}}
	_ = mappings.WriteCSV(os.Stdout, s)
	// Output:
	// from,to,relationship,strength,rationale,source,label,note
	// nist-csf:2.0/GV.OC-01,iso27002:2022/5.1,intersects-with,6,,acme,,
}
