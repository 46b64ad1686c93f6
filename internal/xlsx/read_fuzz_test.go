package xlsx

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// readBook reads every sheet of data as a caller would, checking what the reader
// promises: rows in order, numbers and widths within Excel's limits, no blank cell
// at a row's end, ranges with their first corner first.
func readBook(t *testing.T, data []byte) {
	b, err := Open(data, ReadLimits{MaxUnzipped: 8 << 20})
	if err != nil {
		require.Nil(t, b)
		return
	}
	for _, s := range b.Sheets() {
		for m, err := range b.MergedRanges(s) {
			if err != nil {
				break
			}
			require.True(t, m.Col1 >= 1 && m.Col1 <= m.Col2 && m.Col2 <= MaxColumns, "%+v", m)
			require.True(t, m.Row1 >= 1 && m.Row1 <= m.Row2 && m.Row2 <= MaxRows, "%+v", m)
		}
		r, err := b.Rows(s)
		if err != nil {
			continue
		}
		last := 0
		for {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				require.Empty(t, row.Cells)
				break
			}
			require.Greater(t, row.Num, last)
			require.LessOrEqual(t, row.Num, MaxRows)
			require.LessOrEqual(t, len(row.Cells), MaxColumns)
			if n := len(row.Cells); n > 0 {
				require.NotEmpty(t, row.Cells[n-1])
			}
			last = row.Num
		}
		require.NoError(t, r.Close())
	}
}

// FuzzRead feeds any bytes to the reader as a workbook.
func FuzzRead(f *testing.F) {
	f.Add(book(f, `<row r="1"><c t="s"><v>0</v></c><c s="1"><v>45688</v></c></row>`, `<si><t>a</t></si>`,
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`))
	f.Add(excelizeBook(f, func(x *excelize.File) {
		_ = x.SetSheetRow("Sheet1", "A1", &[]any{"Control", 5.1, true})
		_ = x.MergeCell("Sheet1", "A2", "B3")
	}))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBook(t, data)
	})
}

// FuzzReadParts feeds any XML as the rows of a sheet, its shared strings and its
// styles: the zip around them is sound, so the XML is what gets exercised.
func FuzzReadParts(f *testing.F) {
	f.Add(`<row r="2"><c r="B2" t="s"><v>0</v></c><c s="1"><v>0.5</v></c><c t="inlineStr"><is><r><t>x</t></r></is></c></row><row><c t="b"><v>1</v></c></row>`,
		`<si><r><t>rich</t></r><rPh><t>p</t></rPh></si>`, `<numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs>`)
	f.Add(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, ``, `<cellXfs><xf numFmtId="22"/></cellXfs>`)
	f.Add(`<row r="3"/><row r="2"/>`, `<si><t>a_x000D_</t></si>`, `<numFmts><numFmt numFmtId="164" formatCode="[h]:mm;@"/></numFmts>`)
	f.Fuzz(func(t *testing.T, rows, shared, styles string) {
		readBook(t, book(t, rows, shared, styles))
	})
}
