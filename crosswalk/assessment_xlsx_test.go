package crosswalk

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
)

// titledWorkbook builds the workbook an analyst keeps: a cover sheet first, then the
// SoA sheet with a title block above the header row, a heading row merged across the
// columns, an owner merged down three rows, a status computed by a formula, a number
// cell for a control and a note beyond the last column.
func titledWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "Cover"))
	require.NoError(t, f.SetCellValue("Cover", "A1", "Information security programme"))
	_, err := f.NewSheet("SoA")
	require.NoError(t, err)
	set := func(cell string, v any) { require.NoError(t, f.SetCellValue("SoA", cell, v)) }
	set("A1", "Acme Ltd — Statement of Applicability")
	require.NoError(t, f.MergeCell("SoA", "A1", "F1"))
	set("A2", "Version 3")
	set("A4", "Annex A")
	set("B4", "Title")
	set("C4", "Implementation status")
	set("D4", "Owner")
	set("E4", "Evidence")
	set("F4", "Notes")
	set("A5", "Organizational controls")
	require.NoError(t, f.MergeCell("SoA", "A5", "F5"))
	rows := [][]any{
		{"A.5.1", "Policies for information security", "Implemented", "CISO", "ISMS manual", ""},
		{"A 5.2", "Information security roles and responsibilities", "Partially implemented", nil, "", ""},
		{"Annex A 5.3", "Segregation of duties", nil, nil, "", "checked quarterly"},
		{8.16, "Monitoring activities", "No", "SOC lead", "", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 6+i)
		require.NoError(t, f.SetSheetRow("SoA", cell, &r))
	}
	require.NoError(t, f.MergeCell("SoA", "D6", "D8")) // CISO owns 5.1 to 5.3
	// 5.3's status is a formula; the reader takes the value it shows.
	require.NoError(t, f.SetCellFormula("SoA", "C8", `IF(1=1,"Planned","No")`))
	set("H9", "ask the SOC")
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	// excelize writes no cached value for a formula; Excel does: add it.
	return rewriteZip(t, buf.Bytes(), "xl/worksheets/sheet2.xml", func(s string) string {
		const f = `<f>IF(1=1,&#34;Planned&#34;,&#34;No&#34;)</f>`
		require.Contains(t, s, f)
		return strings.Replace(s, f, f+`<v>Planned</v>`, 1)
	})
}

// rewriteZip returns the zip archive data with the file name changed by edit.
func rewriteZip(t testing.TB, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		if f.Name == name {
			b, found = []byte(edit(string(b))), true
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.True(t, found, name)
	require.NoError(t, zw.Close())
	return out.Bytes()
}

func TestReadAssessmentXLSX(t *testing.T) {
	data := titledWorkbook(t)
	a, err := ReadAssessmentXLSX("soa.xlsx", bytes.NewReader(data), nil, WithSheet("soa"))
	require.NoError(t, err)
	var got []Entry
	for e := range a.All() {
		got = append(got, e)
	}
	assert.Equal(t, []Entry{
		{Control: iso("5.1"), Status: Implemented, Owner: "CISO", Evidence: "ISMS manual", Line: 6},
		{Control: iso("5.2"), Status: Partial, Owner: "CISO", Line: 7},
		{Control: iso("5.3"), Status: Planned, Owner: "CISO", Notes: "checked quarterly", Line: 8},
		{Control: iso("8.16"), Status: NotImplemented, Owner: "SOC lead", Line: 9},
	}, got)
	assert.Equal(t, Input{Format: "xlsx", Sheet: "SoA", HeaderLine: 4,
		Columns: []Column{{"Annex A", "control", 0}, {"Implementation status", "status", 2}, {"Owner", "owner", 3},
			{"Evidence", "evidence", 4}, {"Notes", "notes", 5}},
		Ignored: []string{"Title"}}, a.Input())
	assert.Equal(t, `XLSX sheet "SoA", header on row 4: "Annex A" → control, "Implementation status" → status, "Owner" → owner, `+
		`"Evidence" → evidence, "Notes" → notes; ignored: "Title"`, a.Input().String())
	assert.Equal(t, []string{
		`warning: soa.xlsx: sheet "SoA" row 4: field "header": unknown column, ignored: "Title" (the columns read are control, status, owner, evidence, notes)`,
		`warning: soa.xlsx: sheet "SoA" row 9: cells to the right of the header's last column; ignored`,
		`warning: soa.xlsx: controls not assessed: 89 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)`,
	}, warningsOf(a))

	// Without --sheet, the first sheet: the cover, which has no header row.
	_, err = ReadAssessmentXLSX("soa.xlsx", bytes.NewReader(data), nil)
	require.ErrorIs(t, err, ErrMissingColumn)
	assert.Contains(t, err.Error(), `soa.xlsx: sheet "Cover" row 1: field "control": missing column: no header row with a control column`)

	// An unknown sheet names those there are.
	_, err = ReadAssessmentXLSX("soa.xlsx", bytes.NewReader(data), nil, WithSheet("Risks"))
	assert.EqualError(t, err, `soa.xlsx: field "sheet" = "Risks": malformed input: no such sheet; the workbook has "Cover", "SoA"`)

	// ReadAssessment knows a workbook by its content, whatever its name.
	a, err = ReadAssessment("soa.csv", bytes.NewReader(data), nil, WithSheet("SoA"))
	require.NoError(t, err)
	assert.Equal(t, 4, a.Len())

	// Errors name the sheet and the row.
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Control", "Status"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"5.1", "Maybe"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = ReadAssessment("bad.xlsx", &buf, nil)
	require.ErrorIs(t, err, ErrUnknownStatus)
	assert.True(t, strings.HasPrefix(err.Error(), `bad.xlsx: sheet "Sheet1" row 2: field "status" = "Maybe": unknown status`), err.Error())

	// Not a workbook: a zip of something else, a truncated file.
	_, err = ReadAssessment("t.xlsx", bytes.NewReader(data[:len(data)/2]), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	assert.Contains(t, err.Error(), "t.xlsx: malformed input: not a readable XLSX workbook")
}

func TestReadAssessmentXLSX2013(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Status"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"A.12.4.1 Event logging", "yes"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	a, err := ReadAssessment("old.xlsx", &buf, nil, WithBaseline(catalog.ISO27002v2013))
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"A.12.4.1": Implemented}, entries(a))
}

func TestReadAssessmentXLSXNumberCells(t *testing.T) {
	// 5.1 and 5.10 typed as numbers: Excel keeps 5.1 twice. The duplicate's error says
	// why.
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Control", "Status"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{5.1, "yes"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{5.10, "no"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err := ReadAssessment("n.xlsx", &buf, nil)
	require.ErrorIs(t, err, ErrDuplicate)
	assert.EqualError(t, err, `n.xlsx: sheet "Sheet1" row 3: field "control" = "5.1": control assessed twice (a cell holding a number shows 5.10 as 5.1: format the control column as text): first on row 2`)
}

func TestReadAssessmentXLSXControlMergedDown(t *testing.T) {
	// 5.1 merged over rows 2 and 3 (two evidence lines), the status merged over rows
	// 2 to 4 (5.1 and 5.2 are both implemented): row 3 continues 5.1 and is not read,
	// with a warning; 5.2 gets the merged status.
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Control", "Status", "Evidence"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"5.1", "Implemented", "policy"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{nil, nil, "minutes"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A4", &[]any{"5.2", nil, "RACI"}))
	require.NoError(t, f.MergeCell("Sheet1", "A2", "A3"))
	require.NoError(t, f.MergeCell("Sheet1", "B2", "B4"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	a, err := ReadAssessment("m.xlsx", &buf, nil)
	require.NoError(t, err)
	var got []Entry
	for e := range a.All() {
		got = append(got, e)
	}
	assert.Equal(t, []Entry{
		{Control: iso("5.1"), Status: Implemented, Evidence: "policy", Line: 2},
		{Control: iso("5.2"), Status: Implemented, Evidence: "RACI", Line: 4},
	}, got)
	assert.Contains(t, warningsOf(a), `warning: m.xlsx: sheet "Sheet1" row 3: a row below a control cell merged over several rows; its cells are not read (unmerge the control cells to read them)`)
}

func TestReadAssessmentXLSXHostile(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Control", "Status"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"5.1", "yes"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	small := buf.Bytes()
	// (Written into the XML: excelize itself takes minutes to make these.)

	// A merge over the whole sheet is refused, quickly, instead of noting a million
	// rows.
	data := rewriteZip(t, small, "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>`, 1)
	})
	start := time.Now()
	_, err := ReadAssessment("m.xlsx", bytes.NewReader(data), nil)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, `m.xlsx: sheet "Sheet1": over the size limit: the merged cells of the sheet cover more than 200000 rows in all, the limit for an assessment`)
	assert.Less(t, time.Since(start), 5*time.Second)

	// A cell in the last row and column: the rows between are blank, read in bounded
	// time.
	data = rewriteZip(t, small, "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row></sheetData>`, 1)
	})
	start = time.Now()
	a, err := ReadAssessment("far.xlsx", bytes.NewReader(data), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, a.Len())
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Contains(t, warningsOf(a), `warning: far.xlsx: sheet "Sheet1" row 1048576: cells to the right of the header's last column; ignored`)
}
