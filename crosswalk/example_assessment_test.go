package crosswalk_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// An assessment as European Excel saves it: ';', a title row, the analyst's column
// names and words. Input says how it was read; Warnings what was skipped or left out.
func ExampleReadAssessment() {
	file := "\uFEFFAcme Ltd SoA;;\r\n" +
		"Control ID;Title;Implementation status\r\n" +
		"A.5.1;Policies for information security;Yes\r\n" +
		"A5.15;Access control;In progress\r\n"
	a, err := crosswalk.ReadAssessment("soa.csv", strings.NewReader(file), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for e := range a.All() {
		fmt.Println(e.Control, e.Status)
	}
	fmt.Println(a.Input())
	for _, w := range a.Warnings() {
		fmt.Println(w)
	}
	fmt.Println(a.NotAssessedCount(), "controls not assessed")
	// Output:
	// iso27002:2022/5.1 implemented
	// iso27002:2022/5.15 partial
	// CSV (semicolon-separated, UTF-8 with BOM), header on line 2: "Control ID" → control, "Implementation status" → status; ignored: "Title"
	// warning: soa.csv:2: field "header": unknown column, ignored: "Title" (the columns read are control, status)
	// warning: soa.csv: controls not assessed: 91 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)
	// 91 controls not assessed
}

// A sheet of a workbook, named with WithSheet (the default is the first sheet).
func ExampleReadAssessmentXLSX() {
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "SoA")
	_ = f.SetSheetRow("SoA", "A1", &[]any{"Statement of Applicability"})
	_ = f.SetSheetRow("SoA", "A3", &[]any{"Ref", "Status", "Owner"})
	_ = f.SetSheetRow("SoA", "A4", &[]any{"Annex A 8.16", "Done", "SOC"})
	var buf bytes.Buffer
	_ = f.Write(&buf)

	a, err := crosswalk.ReadAssessmentXLSX("soa.xlsx", &buf, nil, crosswalk.WithSheet("SoA"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for e := range a.All() {
		fmt.Println(e.Control, e.Status, e.Owner, "row", e.Line)
	}
	fmt.Println(a.Input())
	// Output:
	// iso27002:2022/8.16 implemented SOC row 4
	// XLSX sheet "SoA", header on row 3: "Ref" → control, "Status" → status, "Owner" → owner
}

// ParseStatus reads the words of spreadsheets; anything else is an error listing them.
func ExampleParseStatus() {
	for _, w := range []string{"In place", "partially implemented", "N/A", "Missing"} {
		s, _ := crosswalk.ParseStatus(w)
		fmt.Printf("%s → %s\n", w, s)
	}
	_, err := crosswalk.ParseStatus("sort of")
	fmt.Println(err)
	// Output:
	// In place → implemented
	// partially implemented → partial
	// N/A → not-applicable
	// Missing → not-implemented
	// unknown status "sort of" (accepted, in any case: implemented (also yes, done, complete, in place); partial (also partially implemented, in progress, partly, partly implemented); planned; not-implemented (also no, missing); not-applicable (also n/a, na, excluded))
}

// Which field of an assessment row a spreadsheet's header cell names, as the
// readers read it.
func ExampleAssessmentColumn() {
	for _, h := range []string{"Control ID", "Annex A", "Implementation status", "Reason for exclusion", "Title"} {
		fmt.Printf("%q → %q\n", h, crosswalk.AssessmentColumn(h))
	}
	// Output:
	// "Control ID" → "control"
	// "Annex A" → "control"
	// "Implementation status" → "status"
	// "Reason for exclusion" → "justification"
	// "Title" → ""
}
