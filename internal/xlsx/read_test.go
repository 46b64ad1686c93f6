package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// readAll returns the rows of sheet of the workbook data.
func readAll(t testing.TB, data []byte, sheet string) []Row {
	t.Helper()
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	r, err := b.Rows(sheet)
	require.NoError(t, err)
	defer r.Close()
	var out []Row
	for {
		row, err := r.Next()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, row)
	}
}

// excelizeBook returns the bytes of the workbook excelize builds with build.
func excelizeBook(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

// style returns a cell style of f with the custom number format code.
func style(t testing.TB, f *excelize.File, code string) int {
	t.Helper()
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	require.NoError(t, err)
	return id
}

// builtin returns a cell style of f with the built-in number format id.
func builtin(t testing.TB, f *excelize.File, id int) int {
	t.Helper()
	s, err := f.NewStyle(&excelize.Style{NumFmt: id})
	require.NoError(t, err)
	return s
}

func TestReadWhatExcelizeWrites(t *testing.T) {
	data := excelizeBook(t, func(f *excelize.File) {
		set := func(cell string, v any, style int) {
			require.NoError(t, f.SetCellValue("Sheet1", cell, v))
			if style != 0 {
				require.NoError(t, f.SetCellStyle("Sheet1", cell, cell, style))
			}
		}
		set("A1", "text", 0)
		set("B1", 0.1+0.2, 0)
		set("C1", 5.10, 0)
		set("D1", true, 0)
		set("E1", false, 0)
		set("F1", 45688, builtin(t, f, 14))                  // 2025-01-31
		set("G1", 45688.75, style(t, f, "dd/mm/yyyy hh:mm")) // a date and a time
		set("H1", 0.5, builtin(t, f, 9))
		set("I1", 0.125, style(t, f, "0.0%"))
		set("J1", 1234567.891, builtin(t, f, 4))
		set("K1", -42, 0)
		set("M1", 1e20, 0)
		require.NoError(t, f.SetCellStr("Sheet1", "N1", "  spaced  "))
		require.NoError(t, f.SetCellRichText("Sheet1", "O1", []excelize.RichTextRun{{Text: "bold "}, {Text: "plain"}}))
		require.NoError(t, f.SetCellValue("Sheet1", "B3", "row three"))
		_, err := f.NewSheet("Second")
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue("Second", "A1", "x"))
		require.NoError(t, f.MergeCell("Second", "A1", "B3"))
		require.NoError(t, f.MergeCell("Second", "D5", "C4"))
		_, err = f.NewSheet("Hidden")
		require.NoError(t, err)
		require.NoError(t, f.SetSheetVisible("Hidden", false))
	})
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	assert.Equal(t, []string{"Sheet1", "Second", "Hidden"}, b.Sheets())
	assert.Equal(t, []Row{
		{Num: 1, Cells: []string{"text", "0.3", "5.1", "TRUE", "FALSE", "2025-01-31", "2025-01-31 18:00:00", "50%", "12.5%",
			"1,234,567.89", "-42", "", "1E+20", "  spaced  ", "bold plain"}},
		{Num: 2}, // (excelize writes an empty row element between)
		{Num: 3, Cells: []string{"", "row three"}},
	}, readAll(t, data, "Sheet1"))
	var merged []Range
	for m, err := range b.MergedRanges("Second") {
		require.NoError(t, err)
		merged = append(merged, m)
	}
	assert.Equal(t, []Range{{1, 1, 2, 3}, {3, 4, 4, 5}}, merged)
	assert.Empty(t, readAll(t, data, "Hidden"))

	_, err = b.Rows("Nope")
	assert.EqualError(t, err, `no sheet "Nope"`)
	for _, err := range b.MergedRanges("Nope") {
		assert.EqualError(t, err, `no sheet "Nope"`)
	}
}

// TestReadAgreesWithExcelize reads back the cells excelize shows alike: text and
// numbers in the General format, booleans.
func TestReadAgreesWithExcelize(t *testing.T) {
	values := []any{"a", "5.1", 5.1, 8.16, 12, -3.5, 0.25, 1.0 / 3, 123456789012345.0, true, false, "=not a formula", "x\ny"}
	data := excelizeBook(t, func(f *excelize.File) {
		require.NoError(t, f.SetSheetRow("Sheet1", "A1", &values))
		require.NoError(t, f.SetSheetRow("Sheet1", "B4", &values))
	})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	want, err := f.GetRows("Sheet1")
	require.NoError(t, err)
	got := readAll(t, data, "Sheet1")
	require.Len(t, got, 4)
	assert.Equal(t, want[0], got[0].Cells)
	assert.Equal(t, want[3], got[3].Cells)
	assert.Equal(t, 4, got[3].Num)
}

func TestGeneral(t *testing.T) {
	for x, want := range map[float64]string{
		0: "0", 0.1 + 0.2: "0.3", 5.1: "5.1", -2: "-2", 1.0 / 3: "0.333333333333333",
		123456789012345: "123456789012345", 1234567890123456: "1.23456789012346E+15",
		1e20: "1E+20", 1.5e-6: "1.5E-06", 0.00001: "1E-05", 0.0001: "0.0001", 2.5e-300: "2.5E-300", -1e100: "-1E+100",
	} {
		assert.Equal(t, want, General(x), "%v", x)
	}
}

func TestParseFormat(t *testing.T) {
	for code, want := range map[string]numFormat{
		"General":                 {},
		"0.0%":                    {kind: fmtPercent, decimals: 1},
		"0%;[Red]-0%":             {kind: fmtPercent},
		"yyyy-mm-dd":              {kind: fmtDate, date: true},
		"[$-409]mmmm d, yyyy":     {kind: fmtDate, date: true},
		"mmm-yy":                  {kind: fmtDate, date: true},
		"h:mm AM/PM":              {kind: fmtDate, time: true},
		"[h]:mm:ss":               {kind: fmtDate, time: true},
		"mm:ss":                   {kind: fmtDate, time: true},
		"dd/mm/yyyy hh:mm":        {kind: fmtDate, date: true, time: true},
		"@":                       {kind: fmtText},
		`"Ref "@`:                 {kind: fmtText},
		"0.00E+00":                {},
		"# ?/?":                   {},
		"#,##0.000":               {kind: fmtFixed, decimals: 3, thousands: true},
		`0.0 "days"`:              {kind: fmtFixed, decimals: 1},
		`[Blue]\d0`:               {kind: fmtFixed},
		`_(* #,##0_);_(* (#,##0)`: {kind: fmtFixed, thousands: true},
		`"unclosed`:               {},
		`[unclosed`:               {},
		`;;;`:                     {},
	} {
		assert.Equal(t, want, parseFormat(code), "%q", code)
	}
}

func TestShowNumber(t *testing.T) {
	b := &Book{}
	b1904 := &Book{date1904: true}
	date, dateTime, clockOnly := numFormat{kind: fmtDate, date: true}, numFormat{kind: fmtDate, date: true, time: true}, numFormat{kind: fmtDate, time: true}
	cases := []struct {
		b    *Book
		v    string
		f    numFormat
		want string
	}{
		{b, "1", date, "1900-01-01"},
		{b, "59", date, "1900-02-28"},
		{b, "60", date, "1900-02-29"},
		{b, "61", date, "1900-03-01"},
		{b, "45688", date, "2025-01-31"},
		{b, "45688.9999999", date, "2025-01-31"},
		{b, "45688.9999999", dateTime, "2025-02-01 00:00:00"},
		{b, "2958465", date, "9999-12-31"},
		{b, "2958466", date, "2958466"},
		{b, "-1", date, "-1"},
		{b, "0.75", clockOnly, "18:00:00"},
		{b, "45688.5", clockOnly, "12:00:00"},
		{b1904, "0", date, "1904-01-01"},
		{b1904, "44226", date, "2025-01-31"},
		{b, "0.5", numFormat{kind: fmtPercent}, "50%"},
		{b, "0.1234", numFormat{kind: fmtPercent, decimals: 2}, "12.34%"},
		{b, "-0.0001", numFormat{kind: fmtFixed, decimals: 2}, "-0.00"}, // Excel's negative zero
		{b, "-0.4", numFormat{kind: fmtFixed}, "-0"},
		{b, "0", numFormat{kind: fmtFixed, decimals: 2}, "0.00"},
		{b, "0.9055", numFormat{kind: fmtPercent, decimals: 1}, "90.6%"}, // 90.55 to 15 digits, half up
		{b, "2.5", numFormat{kind: fmtFixed}, "3"},
		{b, "-2.5", numFormat{kind: fmtFixed}, "-3"},
		{b, "0.125", numFormat{kind: fmtFixed, decimals: 2}, "0.13"},
		{b, "9.995", numFormat{kind: fmtFixed, decimals: 2}, "10.00"},
		{b, "999.5", numFormat{kind: fmtFixed, thousands: true}, "1,000"},
		{b, "1e-20", numFormat{kind: fmtFixed, decimals: 2}, "0.00"},
		{b, "0.0005", numFormat{kind: fmtFixed, decimals: 3}, "0.001"},
		{b, "0.0004", numFormat{kind: fmtFixed, decimals: 3}, "0.000"},
		{b, "86006003230472.64", numFormat{kind: fmtFixed, decimals: 3, thousands: true}, "86,006,003,230,472.600"},
		{b, "1e20", numFormat{kind: fmtFixed}, "100000000000000000000"},
		{b, "-1234.5", numFormat{kind: fmtFixed, decimals: 1, thousands: true}, "-1,234.5"},
		{b, "999", numFormat{kind: fmtFixed, thousands: true}, "999"},
		{b, "0.30000000000000004", numFormat{kind: fmtText}, "0.30000000000000004"},
		{b, "0.30000000000000004", numFormat{}, "0.3"},
		{b, "abc", numFormat{}, "abc"},
		{b, "NaN", numFormat{}, "NaN"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.b.showNumber(c.v, c.f), "%s %+v", c.v, c.f)
	}
}

func TestCellRefs(t *testing.T) {
	for ref, want := range map[string][2]int{"A1": {1, 1}, "b7": {2, 7}, "$AB$12": {28, 12}, "XFD1048576": {16384, 1048576}} {
		c, r, ok := ParseCellRef(ref)
		assert.True(t, ok, ref)
		assert.Equal(t, want, [2]int{c, r}, ref)
	}
	for _, ref := range []string{"", "A", "1", "A0", "A01", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", "$$A1"} {
		_, _, ok := ParseCellRef(ref)
		assert.False(t, ok, ref)
	}
	for col, name := range map[int]string{1: "A", 26: "Z", 27: "AA", 28: "AB", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		assert.Equal(t, name, ColumnName(col))
		c, _, ok := ParseCellRef(name + "1")
		assert.True(t, ok)
		assert.Equal(t, col, c)
	}
	r, ok := ParseRange("C4:A1")
	assert.True(t, ok)
	assert.Equal(t, Range{1, 1, 3, 4}, r)
	for _, ref := range []string{"A1", "A1:", ":B2", "A1:B0"} {
		_, ok := ParseRange(ref)
		assert.False(t, ok, ref)
	}
}

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             "plain",
		"a_x000D_b":         "a\rb",
		"_x005F_x000D_":     "_x000D_",
		"_x00e9_t_x00E9_":   "été",
		"_xZZZZ_ _x12":      "_xZZZZ_ _x12",
		"tail _x0041":       "tail _x0041",
		"__x0041_":          "_A",
		"_x0041__x0042_end": "ABend",
	} {
		assert.Equal(t, want, unescapeX(in), in)
	}
}

// part is a member of a hand-made archive.
type part struct{ name, body string }

// archive returns a zip archive of parts.
func archive(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = io.WriteString(w, p.body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS  = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relT   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
)

// book returns a workbook of one sheet "S" whose sheetData holds rows, with a
// shared string table and styles as given ("" for none), its parts where Excel puts
// them unless wbDir says otherwise.
func book(t testing.TB, rows, shared, styles string) []byte {
	t.Helper()
	parts := []part{
		{"_rels/.rels", `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relT + `/officeDocument" Target="wb/book.xml"/></Relationships>`},
		{"wb/book.xml", `<workbook ` + nsMain + `><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Lost" sheetId="2" r:id="rId9"/></sheets></workbook>`},
		{"wb/_rels/book.xml.rels", `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relT + `/worksheet" Target="/wb/sheets/s.xml"/>` +
			`<Relationship Id="rId2" Type="` + relT + `/sharedStrings" Target="strings.xml"/><Relationship Id="rId3" Type="` + relT + `/styles" Target="st.xml"/>` +
			`<Relationship Id="rId9" Type="` + relT + `/worksheet" Target="http://example.com/x.xml" TargetMode="External"/></Relationships>`},
		{"wb/sheets/s.xml", `<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="bad"/><mergeCell ref="C3:C9"/></mergeCells></worksheet>`},
	}
	if shared != "" {
		parts = append(parts, part{"wb/strings.xml", `<sst ` + nsMain + `>` + shared + `</sst>`})
	}
	if styles != "" {
		parts = append(parts, part{"wb/st.xml", `<styleSheet ` + nsMain + `>` + styles + `</styleSheet>`})
	}
	return archive(t, parts...)
}

func TestReadHandMade(t *testing.T) {
	// The workbook part elsewhere than xl/, the 1904 date system, rich text with a
	// phonetic guide, escapes, cells without references, an error value, a cached
	// formula value, an inline string, a cell style past the table, custom formats
	// in the styles part (cellStyleXfs are not cell styles).
	shared := `<si><t>plain</t></si><si><r><t>ri</t></r><r><t xml:space="preserve">ch </t></r><rPh><t>PHONETIC</t></rPh></si><si><t>line_x000A_two</t></si>`
	styles := `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
		`<cellStyleXfs><xf numFmtId="165"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>` +
		`<cellStyles><cellStyle xfId="0"/></cellStyles><dxfs><dxf><numFmt numFmtId="165" formatCode="0.0%"/></dxf></dxfs>`
	rows := `<row r="2"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c r="E2" t="e"><v>#N/A</v></c></row>` +
		`<row><c r="A3" s="1"><v>44226</v></c><c s="2"><v>0.125</v></c><c s="3"><v>5.10</v></c><c s="99"><v>7</v></c>` +
		`<c t="str"><f>A1&amp;"x"</f><v>plainx</v></c><c t="inlineStr"><is><t>in</t><r><t>line</t></r></is></c><c t="b"><v>1</v></c><c t="d"><v>2025-01-31T00:00:00</v></c><c><v></v></c><c><extLst/></c></row>` +
		`<row r="9" spans="1:2"><c r="B9"><is><t>no type</t></is></c></row>`
	data := book(t, rows, shared, styles)
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	assert.Equal(t, []string{"S", "Lost"}, b.Sheets())
	assert.Equal(t, []Row{
		{Num: 2, Cells: []string{"plain", "rich ", "line\ntwo", "", "#N/A"}},
		{Num: 3, Cells: []string{"2025-01-31", "12.5%", "5.10", "7", "plainx", "inline", "TRUE", "2025-01-31T00:00:00"}},
		{Num: 9, Cells: []string{"", "no type"}},
	}, readAll(t, data, "S"))
	var merged []Range
	for m, err := range b.MergedRanges("S") {
		require.NoError(t, err)
		merged = append(merged, m)
		break // the loop may stop early
	}
	assert.Equal(t, []Range{{1, 1, 2, 1}}, merged)
	_, err = b.Rows("Lost")
	assert.EqualError(t, err, `no part for sheet "Lost"`)

	// Without a shared string table or styles: numbers in General.
	data = book(t, `<row r="1"><c><v>0.30000000000000004</v></c></row>`, "", "")
	assert.Equal(t, []Row{{Num: 1, Cells: []string{"0.3"}}}, readAll(t, data, "S"))
}

func TestReadBadRows(t *testing.T) {
	for rows, want := range map[string]string{
		`<row r="3"/><row r="2"/>`:                         `row 2 after row 3: rows out of order`,
		`<row r="0"/>`:                                     `row number "0": not a number from 1 to 1048576`,
		`<row r="x"/>`:                                     `row number "x": not a number from 1 to 1048576`,
		`<row r="1048577"/>`:                               `row number "1048577": not a number from 1 to 1048576`,
		`<row r="1"><c r="XFE1"><v>1</v></c></row>`:        `cell reference "XFE1": not a cell from A1 to XFD1048576`,
		`<row r="1"><c r="A1" t="s"><v>4</v></c></row>`:    `cell A1: shared string "4": not one of the 0 of the workbook`,
		`<row r="1"><c r="B1" t="s"><v>x</v></c></row>`:    `cell B1: shared string "x": not one of the 0 of the workbook`,
		`<row r="1"><c r="A1"><v>1</c></row>`:              `cell A1: XML syntax error on line 1: element <v> closed by </c>`,
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a</is>`: `cell A1: XML syntax error on line 1: element <t> closed by </is>`,
	} {
		data := book(t, rows, "", "")
		b, err := Open(data, ReadLimits{})
		require.NoError(t, err)
		r, err := b.Rows("S")
		require.NoError(t, err)
		var last error
		var at Row
		for range 5 {
			if at, last = r.Next(); last != nil {
				break
			}
		}
		assert.ErrorContains(t, last, want, rows)
		atAgain, again := r.Next()
		assert.Equal(t, last, again, "the error stays")
		assert.Equal(t, at.Num, atAgain.Num, "with the same row number: %s", rows)
		require.NoError(t, r.Close())
	}
	// A row's number goes with its error.
	b, err := Open(book(t, `<row r="1"/><row r="7"><c r="A7" t="s"><v>1</v></c></row>`, "", ""), ReadLimits{})
	require.NoError(t, err)
	r, err := b.Rows("S")
	require.NoError(t, err)
	defer r.Close()
	row, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, Row{Num: 1}, row)
	row, err = r.Next()
	require.Error(t, err)
	assert.Equal(t, 7, row.Num)
}

func TestOpenRefuses(t *testing.T) {
	wb := func(body string) part {
		return part{"xl/workbook.xml", `<workbook ` + nsMain + `>` + body + `</workbook>`}
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"not a zip":    {[]byte("PK\x03\x04garbage"), "not a zip archive: zip: not a valid zip file"},
		"no workbook":  {archive(t, part{"a.txt", "x"}), "no part xl/workbook.xml"},
		"bad workbook": {archive(t, wb("<sheets>")), "part xl/workbook.xml: XML syntax error on line 1: element <sheets> closed by </workbook>"},
		"bad rels":     {archive(t, part{"_rels/.rels", "<Relationships"}), "no part xl/workbook.xml"},
		"bad wb rels":  {archive(t, wb(""), part{"xl/_rels/workbook.xml.rels", "<<"}), "part xl/_rels/workbook.xml.rels: XML syntax error"},
		"bad shared":   {archive(t, wb(""), part{"xl/sharedStrings.xml", "<sst><si><t>x</t>"}), "part xl/sharedStrings.xml: XML syntax error on line 1: unexpected EOF"},
		"bad styles":   {archive(t, wb(""), part{"xl/styles.xml", "<a></b>"}), "part xl/styles.xml: XML syntax error"},
		"zip bomb":     {bomb(t), "over the size limit: the archive unpacks to more than 1024 bytes"},
	}
	for name, c := range cases {
		_, err := Open(c.data, ReadLimits{MaxUnzipped: 1024})
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), c.want, name)
		assert.Equal(t, name == "zip bomb", errors.Is(err, ErrTooLarge), name)
	}
	// The sheet's part missing from the archive: Open reads, the sheet does not.
	data := archive(t, wb(`<sheets><sheet name="S" r:id="rId1"/></sheets>`),
		part{"xl/_rels/workbook.xml.rels", `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relT + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`})
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	_, err = b.Rows("S")
	assert.EqualError(t, err, `no part for sheet "S"`)
	for _, err := range b.MergedRanges("S") {
		assert.EqualError(t, err, `no part for sheet "S"`)
	}
}

// bomb returns an archive of one part that unpacks to 10 MiB of zeros.
func bomb(t testing.TB) []byte {
	t.Helper()
	return archive(t, part{"xl/workbook.xml", strings.Repeat("\x00", 10<<20)})
}

func TestMergedRangesError(t *testing.T) {
	// The sheet's XML broken before its merged cells: the error ends the ranges.
	b, err := Open(book(t, `<row r="1"><c></row>`, "", ""), ReadLimits{})
	require.NoError(t, err)
	n := 0
	for m, err := range b.MergedRanges("S") {
		n++
		assert.Equal(t, Range{}, m)
		assert.ErrorContains(t, err, "part wb/sheets/s.xml: XML syntax error on line 1: element <c> closed by </row>")
	}
	assert.Equal(t, 1, n)
}

func TestBuiltinFormat(t *testing.T) {
	fixed0, fixed2 := numFormat{kind: fmtFixed}, numFormat{kind: fmtFixed, decimals: 2}
	group0, group2 := numFormat{kind: fmtFixed, thousands: true}, numFormat{kind: fmtFixed, decimals: 2, thousands: true}
	date, clockOnly := numFormat{kind: fmtDate, date: true}, numFormat{kind: fmtDate, time: true}
	for id, want := range map[int]numFormat{
		0: {}, 1: fixed0, 2: fixed2, 3: group0, 4: group2, 9: {kind: fmtPercent}, 10: {kind: fmtPercent, decimals: 2},
		11: {}, 12: {}, 14: date, 17: date, 18: clockOnly, 21: clockOnly, 22: {kind: fmtDate, date: true, time: true},
		27: date, 32: clockOnly, 36: date, 37: group0, 40: group2, 45: clockOnly, 47: clockOnly, 48: {}, 49: {kind: fmtText},
		50: date, 58: date, 59: {}, 163: {},
	} {
		assert.Equal(t, want, builtinFormat(id), "%d", id)
	}
}

func TestResolve(t *testing.T) {
	for _, c := range [][3]string{
		{"xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"xl/workbook.xml", "../book/s.xml", "book/s.xml"},
		{"xl/workbook.xml", "./a/../b.xml", "xl/b.xml"},
		{"", "xl/workbook.xml", "xl/workbook.xml"},
		{"", "/xl/workbook.xml", "xl/workbook.xml"},
	} {
		assert.Equal(t, c[2], resolve(c[0], c[1]), "%q from %q", c[1], c[0])
	}
	assert.Equal(t, "xl/_rels/workbook.xml.rels", relsPart("xl/workbook.xml"))
	assert.Equal(t, "_rels/.rels", relsPart(""))
}

// TestReadStrict reads a workbook in the Strict form of the standard (ISO/IEC
// 29500 Strict: other namespaces and relationship types, the same local names).
func TestReadStrict(t *testing.T) {
	const ns = `xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"`
	const rel = `http://purl.oclc.org/ooxml/officeDocument/relationships/`
	data := archive(t,
		part{"_rels/.rels", `<Relationships ` + relNS + `><Relationship Id="r1" Type="` + rel + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		part{"xl/workbook.xml", `<workbook ` + ns + `><workbookPr date1904="1"/><sheets><sheet name="Strict" sheetId="1" r:id="r1"/><sheet name="Chart" sheetId="2" r:id="r2"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships ` + relNS + `><Relationship Id="r1" Type="` + rel + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="r2" Type="` + rel + `chartsheet" Target="chartsheets/sheet1.xml"/>` +
			`<Relationship Id="r3" Type="` + rel + `sharedStrings" Target="sharedStrings.xml"/><Relationship Id="r4" Type="` + rel + `styles" Target="styles.xml"/></Relationships>`},
		part{"xl/sharedStrings.xml", `<sst ` + ns + `><si><t>Control</t></si></sst>`},
		part{"xl/styles.xml", `<styleSheet ` + ns + `><cellXfs count="2"><xf/><xf numFmtId="14"/></cellXfs></styleSheet>`},
		part{"xl/worksheets/sheet1.xml", `<worksheet ` + ns + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0</v></c></row></sheetData></worksheet>`},
		part{"xl/chartsheets/sheet1.xml", `<chartsheet ` + ns + `><sheetPr/><drawing r:id="x"/></chartsheet>`},
	)
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	assert.Equal(t, []string{"Strict", "Chart"}, b.Sheets())
	assert.Equal(t, []Row{{Num: 1, Cells: []string{"Control", "1904-01-01"}}}, readAll(t, data, "Strict"))
	assert.Empty(t, readAll(t, data, "Chart"))
}

func TestReadCellsWithoutReferences(t *testing.T) {
	// Rows and cells may leave out their references: each is the one after the last.
	data := book(t, `<row><c><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c><c><v>3</v></c><c r="A4"><v>4</v></c></row><row><c/><c><v>5</v></c></row>`, "", "")
	assert.Equal(t, []Row{
		{Num: 1, Cells: []string{"1"}},
		{Num: 4, Cells: []string{"4", "", "2", "3"}},
		{Num: 5, Cells: []string{"", "5"}},
	}, readAll(t, data, "S"))

	// No column after XFD.
	b, err := Open(book(t, `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`, "", ""), ReadLimits{})
	require.NoError(t, err)
	r, err := b.Rows("S")
	require.NoError(t, err)
	defer r.Close()
	row, err := r.Next()
	assert.EqualError(t, err, "more than 16384 columns")
	assert.Equal(t, Row{Num: 1}, row)
}

func TestReadLimitsDefault(t *testing.T) {
	// Without a limit, the default: a part that says it unpacks to 300 MiB is refused.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store, CompressedSize64: 4, UncompressedSize64: 300 << 20})
	require.NoError(t, err)
	_, err = w.Write([]byte("<a/>"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	_, err = Open(buf.Bytes(), ReadLimits{})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "over the size limit: the archive unpacks to more than 268435456 bytes")

	// A part that holds more than it says is caught by the zip reader.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	w, err = zw.CreateRaw(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store, CompressedSize64: 40, UncompressedSize64: 4})
	require.NoError(t, err)
	_, err = w.Write([]byte(`<workbook><sheets></sheets></workbook>  `))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	_, err = Open(buf.Bytes(), ReadLimits{})
	assert.ErrorContains(t, err, "part xl/workbook.xml")
}
