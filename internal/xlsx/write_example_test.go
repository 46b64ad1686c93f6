package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"time"

	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// A workbook of one sheet: a bold header row, a percentage, a frozen header and a
// filter; the file is a zip of SpreadsheetML parts.
func ExampleWorkbook_Write() {
	at := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	w := xlsx.New(xlsx.Properties{Title: "Coverage", Creator: "controlgraph", Created: at, Modified: at})
	bold, _ := w.AddStyle(xlsx.Style{Bold: true})
	pct, _ := w.AddStyle(xlsx.Style{NumFmt: "0.0%"})
	s, err := w.AddSheet("Summary")
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = s.AppendRow(xlsx.Cell{Value: "Framework", Style: bold}, xlsx.Cell{Value: "Coverage", Style: bold})
	_ = s.AppendRow(xlsx.Cell{Value: "nist-csf:2.0"}, xlsx.Cell{Value: 0.876, Style: pct})
	_ = s.FreezeRows(1)
	_ = s.AutoFilter(xlsx.Area{FirstRow: 1, FirstCol: 1, LastRow: 2, LastCol: 2})
	var b bytes.Buffer
	if err := w.Write(&b); err != nil {
		fmt.Println(err)
		return
	}
	z, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	for _, f := range z.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// docProps/app.xml
	// docProps/core.xml
	// xl/workbook.xml
	// xl/_rels/workbook.xml.rels
	// xl/styles.xml
	// xl/theme/theme1.xml
	// xl/sharedStrings.xml
	// xl/worksheets/sheet1.xml
}

// Sheet names refused as Excel refuses them.
func ExampleWorkbook_AddSheet() {
	w := xlsx.New(xlsx.Properties{})
	for _, name := range []string{"Items", "items", "nist-csf:2.0", "A name longer than thirty-one characters"} {
		if _, err := w.AddSheet(name); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println("added", name)
	}
	// Output:
	// added Items
	// xlsx: invalid: sheet name "items": the workbook has a sheet "Items" (names are compared ignoring case)
	// xlsx: invalid: sheet name "nist-csf:2.0" holds a forbidden character (: \ / ? * [ ] or a control character)
	// xlsx: invalid: sheet name "A name longer than thirty-one characters" has 40 characters (at most 31)
}

func ExampleColumnDown() {
	fmt.Println(xlsx.ColumnDown(3, 2))
	// Output: C2:C1048576
}
