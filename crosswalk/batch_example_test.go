package crosswalk_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// A batch of two assessments, answered in brief: the summary and each item's status.
// The 9 covered items are the CSF 2.0 subcategories whose published references to
// ISO/IEC 27002:2022 are all among 5.1 and 8.16 (the "related" edges, read under the
// referenced rule): DE.CM-01, DE.CM-09, GV.PO-01, GV.PO-02, GV.RM-01 to -04 and
// GV.RM-06.
func ExampleCrosswalk_GapBatchBrief() {
	in := strings.NewReader(`{"id": "shop-1", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "implemented"}, {"control": "8.16", "status": "implemented"}]}}
{"id": "shop-2", "target": "csf", "assessment": {"controls": [{"control": "5.99", "status": "implemented"}]}}
`)
	var out bytes.Buffer
	stats, err := crosswalk.Default().GapBatchBrief(in, &out, crosswalk.WithRecommendations(0))
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r crosswalk.BatchResult
		if err := codec.DecodeTrusted([]byte(line), &r); err != nil {
			panic(err)
		}
		if r.Error != "" {
			fmt.Printf("%s: %s\n", r.ID, r.Error)
			continue
		}
		covered := 0
		for _, it := range r.Brief.Items {
			if it.Status == crosswalk.ItemCovered {
				covered++
			}
		}
		fmt.Printf("%s: %d items of %s, %d covered (%.1f%%)\n", r.ID, len(r.Brief.Items), r.Brief.Target, covered, r.Brief.Summary.CoveragePercent)
	}
	fmt.Printf("%d lines, %d results, %d errors\n", stats.Lines, stats.OK, stats.Failed)
	// Output:
	// shop-1: 106 items of nist-csf:2.0, 9 covered (8.5%)
	// shop-2: line 2 (id "shop-2"): controls[0]: field "control" = "5.99": unknown control: "5.99": no such control in iso27002:2022
	// 2 lines, 1 results, 1 errors
}
