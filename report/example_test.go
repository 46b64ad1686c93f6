package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/report"
)

// A command line reads --format once and renders any gap result with one call.
func ExampleRenderGap() {
	a, err := crosswalk.ReadAssessmentCSV("mini.csv", strings.NewReader(
		"control,status\n8.16,implemented\n8.15,partial\n"), nil)
	if err != nil {
		panic(err)
	}
	res, err := crosswalk.Default().Gap(a, catalog.CSF20, crosswalk.WithScope(catalog.NewRef(catalog.CSF20, "DE.CM")))
	if err != nil {
		panic(err)
	}
	f, err := report.ParseFormat("csv")
	if err != nil {
		panic(err)
	}
	if err := report.RenderGap(os.Stdout, res, f, report.Options{}); err != nil {
		panic(err)
	}
	// Output:
	// id,title,status,reached_by,category_level,sources,statements,outside_baseline,policy,derived,baseline,target,limited_to
	// DE.CM-01,Networks and network services are monitored to find potentially adverse events,covered,"8.16 Monitoring activities (related, implemented)",,"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022",no-reference (clauses): 2022: Mandatory Clause: None,,auto: referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM
	// DE.CM-02,The physical environment is monitored to find potentially adverse events,gap,"7.4 Physical security monitoring (related, not-assessed)",,"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022",no-reference (clauses): 2022: Mandatory Clause: None,,auto: referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM
	// DE.CM-03,Personnel activity and technology usage are monitored to find potentially adverse events,partial,"7.4 Physical security monitoring (related, not-assessed); 8.16 Monitoring activities (related, implemented)",,"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022",,"iso27001:2022/9.1 Monitoring, measurement, analysis and evaluation",auto: referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM
	// DE.CM-06,External service provider activities and services are monitored to find potentially adverse events,partial,"5.22 Monitoring, review and change management of supplier services (related, not-assessed); 8.16 Monitoring activities (related, implemented)",,"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022",no-reference (clauses): 2022: Mandatory Clause: None,,auto: referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM
	// DE.CM-09,"Computing hardware and software, runtime environments, and their data are monitored to find potentially adverse events",covered,"8.16 Monitoring activities (related, implemented)",,"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022",no-reference (clauses): 2022: Mandatory Clause: None,,auto: referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM
}

func ExampleParseFormat() {
	for _, s := range []string{"HTML", "markdown", "gv", "pdf"} {
		f, err := report.ParseFormat(s)
		fmt.Println(f, f.Ext(), err)
	}
	// Output:
	// html .html <nil>
	// md .md <nil>
	// dot .dot <nil>
	//  . report: unknown format "pdf" (want table, json, csv, md, html, xlsx, mermaid or dot)
}

// A picture of what one control maps to, for a wiki page or a pull request.
func ExampleMapMermaid() {
	ref := catalog.NewRef(catalog.ISO27002v2022, "5.7")
	ms, err := crosswalk.Default().Map(ref, catalog.CSF20)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := report.MapMermaid(&b, ref, ms, report.Options{}); err != nil {
		panic(err)
	}
	// The first lines: the title, the graph and the source control's box.
	for _, line := range strings.SplitN(b.String(), "\n", 7)[:6] {
		fmt.Println(line)
	}
	// Output:
	// ---
	// title: "What iso27002:2022 5.7 maps to"
	// ---
	// flowchart LR
	//   subgraph c0["ISO/IEC 27002:2022"]
	//     n0["5.7<br/>Threat intelligence"]
}

// Which ISO/IEC 27002 controls feed which CSF categories, from the embedded sets.
func ExampleSetDOT() {
	var b strings.Builder
	err := report.SetDOT(&b, catalog.ISO27002v2022, catalog.CSF20, mappings.Embedded(), report.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.SplitN(b.String(), "\n", 2)[0])
	// Output:
	// digraph controlgraph {
}

// A Grid is the table engine behind every tabular format: the same rows as text
// that fits a terminal, as CSV or as Markdown.
func ExampleGrid() {
	g := report.NewGrid("id", "title").Wrap(1)
	g.Add("5.25", "Assessment and decision on information security events")
	g.Add("8.15", "Logging")
	if err := g.WriteText(os.Stdout, 30); err != nil {
		panic(err)
	}
	if err := g.WriteMarkdown(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// ID    TITLE
	// 5.25  Assessment and decision
	//       on information security
	//       events
	// 8.15  Logging
	// | id | title |
	// | --- | --- |
	// | 5.25 | Assessment and decision on information security events |
	// | 8.15 | Logging |
}

// The controls command's listing: the ISO/IEC 27002:2022 controls new in the 2022
// edition that are detective, as a terminal table.
func ExampleControlsTable() {
	cat := catalog.Default()
	l := &report.ControlList{Framework: catalog.ISO27002v2022, Shown: []string{catalog.AttrControlType}}
	for c := range cat.Controls(catalog.ISO27002v2022, catalog.Where(catalog.AttrNewIn2022, "true"), catalog.Where(catalog.AttrControlType, "Detective")) {
		l.Controls = append(l.Controls, c)
	}
	if err := report.ControlsTable(os.Stdout, l, report.Options{Width: 80}); err != nil {
		panic(err)
	}
	// Output:
	// ID    TITLE                    KIND     PARENT  CONTROL_TYPE
	// 5.7   Threat intelligence      control  5       Preventive, Detective, Corrective
	// 7.4   Physical security        control  7       Preventive, Detective
	//       monitoring
	// 8.12  Data leakage prevention  control  8       Preventive, Detective
	// 8.16  Monitoring activities    control  8       Detective, Corrective
	//
	// 4 nodes of iso27002:2022
}

// What one control maps to, with the ground of each link.
func ExampleMapTable() {
	from := catalog.NewRef(catalog.ISO27002v2013, "A.12.4.1")
	links, err := crosswalk.Default().Map(from, catalog.ISO27002v2022)
	if err != nil {
		panic(err)
	}
	r := &report.MapResult{From: from, Title: "Event logging", To: catalog.ISO27002v2022, Links: links}
	if err := report.MapTable(os.Stdout, r, report.Options{Width: 80}); err != nil {
		panic(err)
	}
	// Output:
	// iso27002:2013/A.12.4.1  Event logging
	// → iso27002:2022, read "source RELATIONSHIP target"
	//
	// RELATIONSHIP  ID    TITLE    BASIS
	// related       8.15  Logging  iso27002-2022-annex-b
}

// Which baseline controls a part of a target needs, as Markdown.
func ExampleRequirementsMarkdown() {
	reqs, err := crosswalk.Default().Requirements(catalog.CSF20, crosswalk.WithScope(catalog.NewRef(catalog.CSF20, "DE.CM")))
	if err != nil {
		panic(err)
	}
	r := &report.RequirementsResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Requirements: reqs}
	if err := report.RequirementsMarkdown(os.Stdout, r); err != nil {
		panic(err)
	}
	// Output:
	// ## iso27002:2022 controls that nist-csf:2.0 needs: 3, serving 5 items
	//
	// | control | title | items | reached |
	// | --- | --- | --- | --- |
	// | 5.22 | Monitoring, review and change management of supplier services | 1 | DE.CM-06 (related) |
	// | 7.4 | Physical security monitoring | 2 | DE.CM-02 (related); DE.CM-03 (related) |
	// | 8.16 | Monitoring activities | 4 | DE.CM-01 (related); DE.CM-03 (related); DE.CM-06 (related); DE.CM-09 (related) |
}

// A migration report: an assessment of the 2013 edition carried to 2022.
func ExampleMigrationTable() {
	a, err := crosswalk.ReadAssessmentCSV("old.csv", strings.NewReader(
		"control,status\nA.12.4.1,implemented\nA.12.4.2,partial\nA.12.4.3,implemented\n"), nil, crosswalk.WithBaseline(catalog.ISO27002v2013))
	if err != nil {
		panic(err)
	}
	m, err := crosswalk.Default().Migrate(a, catalog.ISO27002v2022)
	if err != nil {
		panic(err)
	}
	opts := report.Options{Assessment: "old.csv", Width: 80}
	var b strings.Builder
	if err := report.MigrationTable(&b, m, opts); err != nil {
		panic(err)
	}
	// The start of the report: the controls rated from the old assessment.
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:8], "\n"))
	// Output:
	// Migration of old.csv from iso27002:2013 to iso27002:2022
	//
	// 1 control rated from the old assessment; 92 controls to assess afresh; 0 controls of the old edition lead nowhere.
	//
	// MIGRATED
	// ID    TITLE    STATUS   FROM
	// 8.15  Logging  partial  A.12.4.1 implemented; A.12.4.2 partial; A.12.4.3
	//                         implemented; the weakest status is kept
}

// The show command's view of a control, built by hand.
func ExampleControlViewTable() {
	v := &report.ControlView{
		Ref: "iso27002:2022/8.15", Framework: "iso27002:2022", FrameworkName: "ISO/IEC 27002:2022",
		ID: "8.15", Title: "Logging", Kind: "control",
		Ancestors: []report.NodeView{{Ref: "iso27002:2022/8", ID: "8", Title: "Technological controls", Kind: "theme"}},
		Mappings: []report.RelationView{{Ref: "iso27002:2013/A.12.4.1", Framework: "iso27002:2013", ID: "A.12.4.1",
			Title: "Event logging", Relationship: "related", Source: "iso27002-2022-annex-b", Inverse: true}},
	}
	if err := report.ControlViewTable(os.Stdout, v, report.Options{Width: 80}); err != nil {
		panic(err)
	}
	// Output:
	// iso27002:2022/8.15  Logging
	//
	// Framework:   ISO/IEC 27002:2022 (iso27002:2022)
	// ID:          8.15
	// Kind:        control
	// Parents:     8 Technological controls
	//
	// Mappings (1), read "8.15 RELATIONSHIP target":
	//
	//   ISO/IEC 27002:2013 (iso27002:2013), source iso27002-2022-annex-b:
	//   RELATIONSHIP  ID        TITLE
	//   related       A.12.4.1  Event logging
}

// How much of each framework the other reaches by published mappings.
func ExampleOverlapTable() {
	o, err := crosswalk.Default().Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CSF20})
	if err != nil {
		panic(err)
	}
	if err := report.OverlapTable(os.Stdout, o, report.Options{Width: 100}); err != nil {
		panic(err)
	}
	// Output:
	// Items of TO (column) that a published mapping reaches from FROM (row), of all TO's items (0 means no published mapping joins them, not that they share nothing)
	// FROM \ TO      ISO27002:2022  NIST-CSF:2.0
	// iso27002:2022  —              97/106 91.5%
	// nist-csf:2.0   67/93 72.0%    —
}

// The next controls to implement for a target, best first.
func ExampleRecommendTable() {
	a, err := crosswalk.ReadAssessmentCSV("mini.csv", strings.NewReader("control,status\n8.16,planned\n8.15,partial\n"), nil)
	if err != nil {
		panic(err)
	}
	recs, err := crosswalk.Default().Recommend(a, catalog.CSF20, 2, crosswalk.WithScope(catalog.NewRef(catalog.CSF20, "DE.CM")))
	if err != nil {
		panic(err)
	}
	r := &report.RecommendResult{Baseline: "iso27002:2022", Target: "nist-csf:2.0", Policy: "auto", Recommendations: recs}
	if err := report.RecommendTable(os.Stdout, r, report.Options{Width: 100}); err != nil {
		panic(err)
	}
	// Output:
	// Next controls of iso27002:2022 for nist-csf:2.0 (policy auto): 2
	// RANK  CONTROL  STATUS        GAIN  TITLE                         MOVES
	// 1     8.16     planned       6     Monitoring activities         DE.CM-01 gap → covered; DE.CM-03
	//                                                                  gap → partial; DE.CM-06 gap →
	//                                                                  partial; DE.CM-09 gap → covered
	// 2     7.4      not-assessed  3     Physical security monitoring  DE.CM-02 gap → covered; DE.CM-03
	//                                                                  partial → covered
	//
	// Cumulative: each row assumes the controls of the rows above it are implemented. Gain: the levels its
	// items move (gap → partial 1, partial → covered 1, gap → covered 2).
}

// A framework list, here of one framework of a user's catalog.
func ExampleFrameworksTable() {
	infos := []catalog.Info{{ID: "acme:1", Name: "ACME controls", Version: "1", Publisher: "ACME",
		Licence: "Internal use only.", Controls: 3, Counts: []catalog.KindCount{{Kind: "domain", Count: 1}, {Kind: "control", Count: 2}}}}
	if err := report.FrameworksTable(os.Stdout, infos, report.Options{Width: 80}); err != nil {
		panic(err)
	}
	// Output:
	// ID      NAME           VERSION  PUBLISHER  NODES
	// acme:1  ACME controls  1        ACME       1 domain, 2 control
	//
	// Licences:
	//   acme:1: Internal use only.
}

func ExampleNewValidation() {
	csv := "from;to;relationship\n5.1;GV.PO-01;related\n9.9;GV.PO-01;related\n"
	c, err := loader.Check("upload.csv", strings.NewReader(csv), loader.CheckOptions{From: "iso27002", To: "csf"})
	if err != nil {
		fmt.Println(err)
		return
	}
	v := report.NewValidation(c)
	if err := report.ValidationTable(os.Stdout, &v, report.Options{Width: 100}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// upload.csv (mappings): NOT valid; 1 error, 0 warnings; 2 edges; read as CSV (semicolon-separated, UTF-8)
	//   error    upload.csv:3: set "upload": edge (iso27002:2022/9.9 → nist-csf:2.0/GV.PO-01): field
	//            "from" = "iso27002:2022/9.9": no such control in the catalog: iso27002:2022 has no
	//            control "9.9"
}

// A scope with nothing applicable has no coverage: the reports show "n/a" and say
// why.
func ExampleNotMeasurable() {
	fmt.Println(report.NotMeasurable(crosswalk.Summary{Total: 3, NotApplicable: 3}))
	fmt.Println(report.NotMeasurable(crosswalk.Summary{}))
	fmt.Printf("%q\n", report.NotMeasurable(crosswalk.Summary{Total: 2, Covered: 1, Applicable: 2}))
	// Output:
	// nothing applicable: all 3 items are not applicable
	// nothing applicable: no item is within the limits
	// ""
}
