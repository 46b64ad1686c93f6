package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
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
