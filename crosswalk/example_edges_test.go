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
