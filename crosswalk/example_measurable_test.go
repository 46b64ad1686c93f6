package crosswalk_test

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// A company without premises marks the physical controls not applicable: NIS2
// section 13 (environmental and physical security) then has no applicable item, so
// its share measures nothing — not 0 %.
func ExampleRollup_Measurable() {
	var rows strings.Builder
	rows.WriteString("control,status\n5.1,implemented\n")
	for _, id := range []string{"7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.8", "7.11", "7.12", "7.13"} {
		rows.WriteString(id + ",not-applicable\n")
	}
	a, err := crosswalk.ReadAssessmentCSV("remote.csv", strings.NewReader(rows.String()), nil)
	if err != nil {
		panic(err)
	}
	r, err := crosswalk.Default().Gap(a, catalog.NIS2v2024, crosswalk.WithScope(catalog.NewRef(catalog.NIS2v2024, "13")))
	if err != nil {
		panic(err)
	}
	for _, g := range r.Groups {
		fmt.Printf("%s %s: %d items, %d not applicable, measurable %t\n", g.ID, g.Title, g.Total, g.NotApplicable, g.Measurable())
	}
	fmt.Println("summary measurable:", r.Summary.Measurable())
	data, _ := r.Summary.MarshalJSON()
	fmt.Println(strings.Contains(string(data), `"coverage_percent":null`))
	// Output:
	// 13 Environmental and physical security: 3 items, 3 not applicable, measurable false
	// summary measurable: false
	// true
}
