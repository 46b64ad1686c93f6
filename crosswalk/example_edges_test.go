package crosswalk_test

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

func ExampleCrosswalk_Edges() {
	cw := crosswalk.Default()
	// ISO/IEC 27002:2022 → CSF 2.0: NIST published CSF 2.0 → ISO/IEC 27001:2022, whose
	// Annex A is ISO/IEC 27002:2022; read backwards, each edge is inverse.
	p := cw.Edges(catalog.ISO27002v2022, catalog.CSF20, mappings.Embedded())
	var from816 []crosswalk.PairEdge
	for _, e := range p.Edges {
		if e.From.ID == "8.16" {
			from816 = append(from816, e)
		}
	}
	e := from816[0]
	fmt.Println(len(from816), "edges from 8.16; the first:")
	fmt.Println(e.From, e.Relationship, e.To, "inverse:", e.Inverse, "set:", e.Set)
	// Output:
	// 10 edges from 8.16; the first:
	// iso27002:2022/8.16 related nist-csf:2.0/ID.RA-02 inverse: true set: nist-csf-2.0_to_iso27001-2022
}

func ExampleCrosswalk_EdgesOf() {
	cw := crosswalk.Default()
	// The published edges at CSF 2.0 GV.OC-01: NIST lists ISO/IEC 27001 clauses for
	// it (and no Annex A control) and SP 800-53 PM-11; CSF 1.1 → 2.0 says where it
	// came from, read backwards.
	for _, e := range cw.EdgesOf(catalog.NewRef(catalog.CSF20, "GV.OC-01"), mappings.Embedded()) {
		fmt.Println(e.From, e.Relationship, e.To, "inverse:", e.Inverse)
		if e.Label != "" {
			fmt.Println("  label:", e.Label)
		}
	}
	// Output:
	// nist-csf:2.0/GV.OC-01 related iso27001:2022/4.1 inverse: false
	// nist-csf:2.0/GV.OC-01 related iso27001:2022/6.1 inverse: false
	// nist-csf:2.0/GV.OC-01 related iso27001:2022/8.1 inverse: false
	// nist-csf:2.0/GV.OC-01 related iso27001:2022/8.2 inverse: false
	// nist-csf:2.0/GV.OC-01 related iso27001:2022/8.3 inverse: false
	// nist-csf:2.0/GV.OC-01 related nist-csf:1.1/ID.BE-2 inverse: true
	//   label: incorporated_into; informative_reference_of
	// nist-csf:2.0/GV.OC-01 related nist-csf:1.1/ID.BE-3 inverse: true
	//   label: incorporated_into; informative_reference_of
	// nist-csf:2.0/GV.OC-01 related sp800-53:5/PM-11 inverse: false
}

func ExampleCrosswalk_MapAll() {
	cw := crosswalk.Default()
	// ISO/IEC 27002:2013 A.9.1.1 towards every other framework: the 2022 edition's
	// Annex B correspondence and NIST's CSF 1.1 reference (read backwards).
	links, err := cw.MapAll(catalog.NewRef(catalog.ISO27002v2013, "A.9.1.1"))
	if err != nil {
		panic(err)
	}
	for _, l := range links {
		fmt.Println(l.Relationship, l.To, l.Basis)
	}
	// Output:
	// related iso27002:2022/5.15 published
	// related nist-csf:1.1/PR.DS-5 published
}
