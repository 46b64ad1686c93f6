package crosswalk_test

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func ExampleCrosswalk_Map() {
	cw := crosswalk.Default()
	ctl, err := cw.Lookup("DE.CM-01")
	if err != nil {
		panic(err)
	}
	ms, err := cw.Map(ctl.Ref, catalog.ISO27002v2022)
	if err != nil {
		panic(err)
	}
	for _, m := range ms {
		fmt.Println(m, "from", m.Sources)
	}
	// A subcategory NIST maps only at category level says so.
	ms, _ = cw.Map(catalog.NewRef(catalog.CSF20, "GV.OC-01"), catalog.ISO27002v2022)
	fmt.Println(ms[0])
	// Output:
	// nist-csf:2.0/DE.CM-01 related iso27002:2022/8.16 from [nist-cprt-csf-2.0-iso27001-2022]
	// nist-csf:2.0/GV.OC-01 related iso27002:2022/5.20 (mapped at nist-csf:2.0/GV.OC level)
}

func ExampleCrosswalk_Gap() {
	cw := crosswalk.Default()
	a, err := crosswalk.ReadAssessmentCSV("assessment.csv", strings.NewReader(
		"control,status\n5.1,implemented\n8.16,implemented\n8.15,partial\n5.24,planned\n"), nil)
	if err != nil {
		panic(err)
	}
	r, err := cw.Gap(a, catalog.CSF20)
	if err != nil {
		panic(err)
	}
	s := r.Summary
	fmt.Printf("%s against %s (%s): %d items, %d covered, %d partial, %d gap, %d unreached\n",
		r.Baseline, r.Target, r.Policy, s.Total, s.Covered, s.Partial, s.Gap, s.Unreached)
	for _, it := range r.Items {
		if it.ID == "DE.CM-01" {
			fmt.Println(it.ID, it.Status, it.Via()[0].From.ID, it.Via()[0].Relationship)
		}
	}
	for _, rec := range r.Recommendations[:3] {
		fmt.Println("next:", rec.Control, rec.Title, "moves", len(rec.Moves))
	}
	// NIST publishes CSF 2.0 references as "related", so the default policy (auto)
	// reads them as informative references; the strict policy reads every link as a
	// set, and an uncharacterised link can make an item partial at best.
	r, _ = cw.Gap(a, catalog.CSF20, crosswalk.Strict)
	fmt.Println(r.Policy, r.Summary.Covered, "covered,", r.Summary.CoveragePercent, "%")
	// Output:
	// iso27002:2022 against nist-csf:2.0 (auto): 106 items, 9 covered, 14 partial, 74 gap, 9 unreached
	// DE.CM-01 covered 8.16 related
	// next: 5.26 Response to information security incidents moves 14
	// next: 5.19 Information security in supplier relationships moves 13
	// next: 5.9 Inventory of information and other associated assets moves 6
	// strict 0 covered, 0 %
}

// One assessment against several frameworks at once; every row is the gap of its
// target alone.
func ExampleCrosswalk_Posture() {
	cw := crosswalk.Default()
	a, err := crosswalk.ReadAssessmentCSV("assessment.csv", strings.NewReader(
		"control,status\n5.1,implemented\n5.24,implemented\n5.26,implemented\n8.16,partial\n"), nil)
	if err != nil {
		panic(err)
	}
	p, err := cw.Posture(a, crosswalk.WithTargets(catalog.CSF20, catalog.NIS2v2024))
	if err != nil {
		panic(err)
	}
	for _, r := range p.Rows {
		fmt.Printf("%s: %d of %d items covered (%.1f%%)\n", r.Target, r.Summary.Covered, r.Summary.Applicable, r.Summary.CoveragePercent)
	}
	rec := p.Recommendations[0]
	fmt.Println("next:", rec.Control, rec.Title, "gain", rec.Gain)
	// Output:
	// nist-csf:2.0: 17 of 106 items covered (16.0%)
	// nis2:2024: 2 of 49 items covered (4.1%)
	// next: 5.9 Inventory of information and other associated assets gain 16
}

// How much of CSF 2.0 the published mappings reach from ISO/IEC 27002:2022, and which
// subcategories they do not reach.
func ExampleCrosswalk_Overlap() {
	o, err := crosswalk.Default().Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CSF20})
	if err != nil {
		panic(err)
	}
	p := o.Pairs[0]
	fmt.Printf("%s reaches %d of %d items of %s (%.1f%%); not %v\n", p.From, p.Published, p.Items, p.To, p.PublishedPercent, p.Unreached[:3])
	// Output:
	// iso27002:2022 reaches 97 of 106 items of nist-csf:2.0 (91.5%); not [GV.OC-01 GV.OC-02 GV.RM-07]
}

// A gap against the MODERATE baseline of NIST SP 800-53B.
func ExampleWithProfile() {
	a, err := crosswalk.ReadAssessmentCSV("assessment.csv", strings.NewReader("control,status\n5.15,implemented\n"), nil)
	if err != nil {
		panic(err)
	}
	r, err := crosswalk.Default().Gap(a, catalog.SP80053v5, crosswalk.WithProfile("moderate"))
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Profiles, r.Summary.Total, "items,", r.Summary.Covered, "covered")
	// Output:
	// [MODERATE] 287 items, 0 covered
}
