package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// exampleBook returns a small workbook: sheets "Cover" and "SoA", the second with a
// header, two rows (a shared string, an inline string, a number, a date) and a
// merged range.
func exampleBook() []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	parts := [][2]string{
		{"xl/workbook.xml", `<workbook ` + ns + `><sheets><sheet name="Cover" sheetId="1" r:id="rId1"/><sheet name="SoA" sheetId="2" r:id="rId2"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `worksheet" Target="worksheets/sheet2.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst ` + ns + `><si><t>Control</t></si><si><t>Reviewed</t></si></sst>`},
		{"xl/styles.xml", `<styleSheet ` + ns + `><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`},
		{"xl/worksheets/sheet1.xml", `<worksheet ` + ns + `><sheetData/></worksheet>`},
		{"xl/worksheets/sheet2.xml", `<worksheet ` + ns + `><sheetData>` +
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>5.1</t></is></c><c r="B2" s="1"><v>45688</v></c></row>` +
			`<row r="4"><c r="A4"><v>8.16</v></c><c r="C4"><v>0.30000000000000004</v></c></row>` +
			`</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.Create(p[0])
		_, _ = io.WriteString(w, p[1])
	}
	_ = zw.Close()
	return buf.Bytes()
}

func ExampleOpen() {
	b, err := xlsx.Open(exampleBook(), xlsx.ReadLimits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Sheets())
	// Output: [Cover SoA]
}

func ExampleBook_Rows() {
	b, _ := xlsx.Open(exampleBook(), xlsx.ReadLimits{})
	r, err := b.Rows("SoA")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d %q\n", row.Num, row.Cells)
	}
	// Output:
	// 1 ["Control" "Reviewed"]
	// 2 ["5.1" "2025-01-31"]
	// 4 ["8.16" "" "0.3"]
}

func ExampleBook_MergedRanges() {
	b, _ := xlsx.Open(exampleBook(), xlsx.ReadLimits{})
	for m, err := range b.MergedRanges("SoA") {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s%d:%s%d\n", xlsx.ColumnName(m.Col1), m.Row1, xlsx.ColumnName(m.Col2), m.Row2)
	}
	// Output: B2:B3
}

func ExampleGeneral() {
	fmt.Println(xlsx.General(0.1+0.2), xlsx.General(5.10), xlsx.General(1e20))
	// Output: 0.3 5.1 1E+20
}

func ExampleParseCellRef() {
	col, row, ok := xlsx.ParseCellRef("$AB$12")
	fmt.Println(col, row, ok)
	// Output: 28 12 true
}

func ExampleParseRange() {
	r, ok := xlsx.ParseRange("C4:A1")
	fmt.Println(r, ok)
	// Output: {1 1 3 4} true
}

func ExampleColumnName() {
	fmt.Println(xlsx.ColumnName(1), xlsx.ColumnName(28), xlsx.ColumnName(16384))
	// Output: A AB XFD
}
