package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// sampleWorkbook builds a workbook of two sheets using every feature of the writer.
func sampleWorkbook(t testing.TB) *Workbook {
	t.Helper()
	w := New(Properties{Title: "Gap <&> title", Subject: "tests", Creator: "controlgraph", LastModifiedBy: "controlgraph",
		Language: "en", Created: fixedTime, Modified: fixedTime})
	header, err := w.AddStyle(Style{Bold: true, Fill: "e7ecf2", BottomBorder: BorderMedium, BorderColor: "8C959F", Wrap: true, VerticalTop: true})
	require.NoError(t, err)
	wrap, err := w.AddStyle(Style{Wrap: true, VerticalTop: true})
	require.NoError(t, err)
	pct, err := w.AddStyle(Style{NumFmt: "0.0%", VerticalTop: true})
	require.NoError(t, err)
	blue, err := w.AddDiffStyle(Style{Bold: true, FontColor: "FFFFFF", Fill: "0072B2"})
	require.NoError(t, err)
	orange, err := w.AddDiffStyle(Style{Bold: true, FontColor: "000000", Fill: "E69F00"})
	require.NoError(t, err)

	s, err := w.AddSheet("Items")
	require.NoError(t, err)
	require.NoError(t, s.AppendRow(Cell{"ID", header}, Cell{"Title", header}, Cell{"Status", header}, Cell{"Share", header}, Cell{"Derived", header}))
	require.NoError(t, s.AppendRow(Cell{Value: "5.1"}, Cell{"Policies\nsecond line", wrap}, Cell{Value: "covered"}, Cell{0.876, pct}, Cell{Value: false}))
	require.NoError(t, s.AppendRow(Cell{Value: "5.2"}, Cell{"", wrap}, Cell{Value: "partial"}, Cell{0.5, pct}, Cell{Value: true}))
	require.NoError(t, s.SetColWidth(1, 12))
	require.NoError(t, s.SetColWidth(2, 60))
	require.NoError(t, s.FreezeRows(1))
	require.NoError(t, s.AutoFilter(Area{1, 1, 3, 5}))
	require.NoError(t, s.ColourByText(Area{2, 3, MaxRows, 3}, TextRule{"covered", blue}, TextRule{"partial", orange}))
	require.NoError(t, s.SetPageSetup(PageSetup{Landscape: true, Fit: true, FitToWidth: 1, FitToHeight: 0}))
	require.NoError(t, s.PrintTitleRows(1, 1))

	s2, err := w.AddSheet("It's numbers")
	require.NoError(t, err)
	require.NoError(t, s2.AppendRow(Cell{Value: 7}, Cell{Value: int64(-3)}, Cell{Value: uint8(255)}, Cell{Value: 0.1}, Cell{Value: 1e-7},
		Cell{Value: 1e21}, Cell{Value: math.NaN()}, Cell{Value: nil}, Cell{Value: uint64(math.MaxUint64)}))
	require.NoError(t, s2.AutoFilter(Area{1, 1, 1, 9}))
	require.NoError(t, s2.PrintTitleRows(1, 2))
	require.NoError(t, w.SetActive(1))
	return w
}

func writeBytes(t testing.TB, w *Workbook) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, w.Write(&b))
	return b.Bytes()
}

func openBook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// An independent reader (excelize) reads back every value as written, with its type.
func TestWriteValuesReadBack(t *testing.T) {
	f := openBook(t, writeBytes(t, sampleWorkbook(t)))
	assert.Equal(t, []string{"Items", "It's numbers"}, f.GetSheetList())
	rows, err := f.GetRows("Items", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"ID", "Title", "Status", "Share", "Derived"},
		{"5.1", "Policies\nsecond line", "covered", "0.876", "0"},
		{"5.2", "", "partial", "0.5", "1"},
	}, rows)
	rows, err = f.GetRows("It's numbers", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"7", "-3", "255", "0.1", "1e-07", "1e+21", "#NUM!", "", "18446744073709551615"}}, rows)
	for ref, want := range map[string]excelize.CellType{"A1": excelize.CellTypeSharedString, "E2": excelize.CellTypeBool,
		"D2": excelize.CellTypeUnset, "B3": excelize.CellTypeUnset} {
		got, err := f.GetCellType("Items", ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}
	typ, err := f.GetCellType("It's numbers", "G1")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeError, typ, "a NaN is an error value, never a number")
	shown, err := f.GetCellValue("Items", "D2")
	require.NoError(t, err)
	assert.Equal(t, "87.6%", shown, "the % format applies")
}

// Styles, widths, the frozen pane, filters, conditional formats, print setup and
// document properties read back as set.
func TestWriteSetupReadBack(t *testing.T) {
	f := openBook(t, writeBytes(t, sampleWorkbook(t)))
	id, err := f.GetCellStyle("Items", "B1")
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	require.NotNil(t, st.Font)
	assert.True(t, st.Font.Bold)
	assert.Equal(t, []string{"E7ECF2"}, st.Fill.Color)
	assert.Equal(t, []excelize.Border{{Type: "bottom", Color: "8C959F", Style: 2}}, st.Border)
	require.NotNil(t, st.Alignment)
	assert.True(t, st.Alignment.WrapText)
	assert.Equal(t, "top", st.Alignment.Vertical)
	id, err = f.GetCellStyle("Items", "B3")
	require.NoError(t, err)
	assert.NotZero(t, id, "an empty cell keeps its style")

	w, err := f.GetColWidth("Items", "B")
	require.NoError(t, err)
	assert.Equal(t, 60.0, w)
	panes, err := f.GetPanes("Items")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	assert.Equal(t, "A2", panes.TopLeftCell)
	panes, err = f.GetPanes("It's numbers")
	require.NoError(t, err)
	assert.False(t, panes.Freeze)

	cfs, err := f.GetConditionalFormats("Items")
	require.NoError(t, err)
	rules := cfs["C2:C1048576"]
	require.Len(t, rules, 2)
	assert.Equal(t, `"covered"`, rules[0].Value)
	assert.Equal(t, "equal to", rules[1].Criteria)
	dxf, err := f.GetConditionalStyle(*rules[1].Format)
	require.NoError(t, err)
	assert.Equal(t, []string{"E69F00"}, dxf.Fill.Color)
	assert.Equal(t, "000000", dxf.Font.Color)
	assert.True(t, dxf.Font.Bold)

	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	assert.Equal(t, map[string]string{
		"Items _xlnm._FilterDatabase":        "'Items'!$A$1:$E$3",
		"Items _xlnm.Print_Titles":           "'Items'!$1:$1",
		"It's numbers _xlnm._FilterDatabase": "'It''s numbers'!$A$1:$I$1",
		"It's numbers _xlnm.Print_Titles":    "'It''s numbers'!$1:$2",
	}, names)

	pl, err := f.GetPageLayout("Items")
	require.NoError(t, err)
	require.NotNil(t, pl.Orientation)
	assert.Equal(t, "landscape", *pl.Orientation)
	require.NotNil(t, pl.FitToWidth)
	assert.Equal(t, 1, *pl.FitToWidth)
	require.NotNil(t, pl.FitToHeight)
	assert.Equal(t, 0, *pl.FitToHeight)
	props, err := f.GetSheetProps("Items")
	require.NoError(t, err)
	require.NotNil(t, props.FitToPage)
	assert.True(t, *props.FitToPage)

	dp, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "Gap <&> title", dp.Title)
	assert.Equal(t, "2000-01-01T00:00:00Z", dp.Created)
	assert.Equal(t, "2000-01-01T00:00:00Z", dp.Modified)
	assert.Equal(t, "en", dp.Language)
	assert.Equal(t, 1, f.GetActiveSheetIndex())
}

// The same calls give the same bytes, and every part is well-formed XML.
func TestWriteDeterministicAndWellFormed(t *testing.T) {
	a := writeBytes(t, sampleWorkbook(t))
	b := writeBytes(t, sampleWorkbook(t))
	assert.Equal(t, a, b)
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	require.NoError(t, err)
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
		assert.Equal(t, zipTime, f.Modified.UTC(), f.Name)
		rc, err := f.Open()
		require.NoError(t, err)
		d := xml.NewDecoder(rc)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, f.Name)
		}
		_ = rc.Close()
	}
	assert.Equal(t, []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
		"xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml", "xl/sharedStrings.xml",
		"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}, names)
}

// Texts XML cannot carry as they are come back whole: control characters, a
// carriage return, text that looks like an escape, spaces at either end, markup.
func TestWriteTextRoundTrip(t *testing.T) {
	texts := []string{"  leading and trailing  ", "a\x01b\x1fc", "line\r\nbreak", "_x0041_ stays", "_X0041_ too", "<b>&amp;</b> \"q\" 'a'",
		"\ttab", "emoji 🙂 and é", "\uFFFE\uFFFF", "=SUM(A1)", "_x", "_x00"}
	w := New(Properties{})
	s, err := w.AddSheet("T")
	require.NoError(t, err)
	for _, x := range texts {
		require.NoError(t, s.AppendRow(Cell{Value: x}))
	}
	f := openBook(t, writeBytes(t, w))
	for i, x := range texts {
		got, err := f.GetCellValue("T", cellRef(i+1, 1))
		require.NoError(t, err)
		assert.Equal(t, x, got, "%q", x)
	}
}

// A text used twice is stored once in the shared strings.
func TestWriteSharedStringsOnce(t *testing.T) {
	w := New(Properties{})
	s, err := w.AddSheet("A")
	require.NoError(t, err)
	require.NoError(t, s.AppendRow(Cell{Value: "x"}, Cell{Value: "y"}, Cell{Value: "x"}))
	t2, err := w.AddSheet("B")
	require.NoError(t, err)
	require.NoError(t, t2.AppendRow(Cell{Value: "y"}, Cell{Value: ""}))
	tab := w.sharedStrings()
	assert.Equal(t, []string{"x", "y"}, tab.list)
	assert.Equal(t, 4, tab.count)
}

func TestSheetNames(t *testing.T) {
	w := New(Properties{})
	_, err := w.AddSheet("Summary")
	require.NoError(t, err)
	for _, name := range []string{"", strings.Repeat("x", 32), "a:b", `a\b`, "a/b", "a?b", "a*b", "a[b", "a]b", "'a", "a'", "history",
		"SUMMARY", "tab\there", "bad\xffutf8"} {
		_, err := w.AddSheet(name)
		assert.ErrorIs(t, err, ErrInvalid, "%q", name)
	}
	for _, name := range []string{strings.Repeat("é", 31), "a'b", "Items (1)", "nist-csf 2.0"} {
		_, err := w.AddSheet(name)
		assert.NoError(t, err, "%q", name)
	}
}

func TestWriteRefusals(t *testing.T) {
	w := New(Properties{})
	assert.ErrorIs(t, w.Write(io.Discard), ErrInvalid, "no sheet")
	assert.ErrorIs(t, w.SetActive(0), ErrInvalid)
	s, err := w.AddSheet("S")
	require.NoError(t, err)
	for name, c := range map[string]Cell{
		"slice":      {Value: []string{"a"}},
		"struct":     {Value: struct{}{}},
		"long text":  {Value: strings.Repeat("a", MaxCellChars+1)},
		"bad utf-8":  {Value: "\xff"},
		"bad style":  {Value: "a", Style: 99},
		"neg. style": {Value: "a", Style: -1},
	} {
		assert.ErrorIs(t, s.AppendRow(c), ErrInvalid, name)
	}
	assert.NoError(t, s.AppendRow(Cell{Value: strings.Repeat("é", MaxCellChars)}), "the limit is in characters")
	assert.ErrorIs(t, s.AppendRow(make([]Cell, MaxColumns+1)...), ErrInvalid)
	for _, st := range []Style{{Fill: "red"}, {FontColor: "12345"}, {BorderColor: "GGGGGG", BottomBorder: BorderThin},
		{BottomBorder: "wavy"}, {NumFmt: strings.Repeat("0", 256)}, {NumFmt: "0\n0"}} {
		_, err := w.AddStyle(st)
		assert.ErrorIs(t, err, ErrInvalid, "%+v", st)
		_, err = w.AddDiffStyle(Style{Fill: st.Fill, FontColor: st.FontColor})
		if st.Fill != "" || st.FontColor != "" {
			assert.ErrorIs(t, err, ErrInvalid, "%+v", st)
		}
	}
	for _, r := range []Area{{0, 1, 1, 1}, {1, 0, 1, 1}, {2, 1, 1, 1}, {1, 2, 1, 1}, {1, 1, MaxRows + 1, 1}, {1, 1, 1, MaxColumns + 1}} {
		assert.ErrorIs(t, s.AutoFilter(r), ErrInvalid, "%+v", r)
		assert.ErrorIs(t, s.ColourByText(r), ErrInvalid, "%+v", r)
	}
	ok := Area{1, 1, 1, 1}
	fresh, err := New(Properties{}).AddSheet("F")
	require.NoError(t, err)
	assert.ErrorIs(t, fresh.ColourByText(ok, TextRule{Text: "a", Style: 0}), ErrInvalid, "no differential style yet")
	d, err := w.AddDiffStyle(Style{Fill: "000000"})
	require.NoError(t, err)
	assert.ErrorIs(t, s.ColourByText(ok, TextRule{Text: "a\nb", Style: d}), ErrInvalid)
	assert.ErrorIs(t, s.ColourByText(ok, TextRule{Text: strings.Repeat("a", 256), Style: d}), ErrInvalid)
	assert.NoError(t, s.ColourByText(ok, TextRule{Text: `say "hi"`, Style: d}))
	for _, width := range []float64{0, -1, 256, math.NaN()} {
		assert.ErrorIs(t, s.SetColWidth(1, width), ErrInvalid, "%v", width)
	}
	assert.ErrorIs(t, s.SetColWidth(0, 10), ErrInvalid)
	assert.ErrorIs(t, s.FreezeRows(-1), ErrInvalid)
	assert.ErrorIs(t, s.SetPageSetup(PageSetup{FitToWidth: -1}), ErrInvalid)
	assert.ErrorIs(t, s.PrintTitleRows(2, 1), ErrInvalid)
	assert.ErrorIs(t, s.PrintTitleRows(0, 1), ErrInvalid)
	assert.ErrorIs(t, w.SetActive(1), ErrInvalid)
}

// A refused row names the sheet and the cell.
func TestAppendRowErrorContext(t *testing.T) {
	s, err := New(Properties{}).AddSheet("Items")
	require.NoError(t, err)
	require.NoError(t, s.AppendRow(Cell{Value: "a"}))
	err = s.AppendRow(Cell{Value: "b"}, Cell{Value: map[string]int{}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `sheet "Items" cell B2`)
	assert.Contains(t, err.Error(), "map[string]int")
	assert.Equal(t, "Items", s.Name())
	assert.Len(t, s.rows, 1, "the refused row is not added")
}

// The same look is one style, however often asked for and however its colours
// are written.
func TestAddStyleOnce(t *testing.T) {
	w := New(Properties{})
	a, err := w.AddStyle(Style{Bold: true, Fill: "abcdef"})
	require.NoError(t, err)
	b, err := w.AddStyle(Style{Bold: true, Fill: "ABCDEF"})
	require.NoError(t, err)
	assert.Equal(t, a, b)
	c, err := w.AddStyle(Style{})
	require.NoError(t, err)
	assert.Equal(t, StyleID(0), c, "the zero style is the default")
	d, err := w.AddStyle(Style{BorderColor: "000000"})
	require.NoError(t, err)
	assert.Equal(t, StyleID(0), d, "a border colour without a border is no border")
}

func TestColumnAndCellNames(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD", 0: "", 16385: "", -1: ""} {
		assert.Equal(t, want, ColumnName(col), "%d", col)
	}
	assert.Equal(t, "C2", cellRef(2, 3))
	assert.Equal(t, "XFD1048576", cellRef(MaxRows, MaxColumns))
	assert.Equal(t, "", cellRef(0, 1))
	assert.Equal(t, "", cellRef(MaxRows+1, 1))
	assert.Equal(t, "B3", Area{3, 2, 3, 2}.String())
	assert.Equal(t, "A1:M23", Area{1, 1, 23, 13}.String())
	assert.Equal(t, "$A$1:$M$23", Area{1, 1, 23, 13}.absolute())
}

// A sheet of no rows, no widths and no setup is still a valid workbook.
func TestWriteEmptySheet(t *testing.T) {
	w := New(Properties{})
	_, err := w.AddSheet("Empty")
	require.NoError(t, err)
	f := openBook(t, writeBytes(t, w))
	rows, err := f.GetRows("Empty")
	require.NoError(t, err)
	assert.Empty(t, rows)
	dp, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Empty(t, dp.Created, "a zero time leaves the property out")
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// A failing writer's error comes back, whenever it fails.
func TestWriteError(t *testing.T) {
	w := sampleWorkbook(t)
	size := len(writeBytes(t, w))
	for _, n := range []int{0, 100, size / 2, size - 1} {
		err := w.Write(&failWriter{n: n})
		require.Error(t, err, n)
		assert.Contains(t, err.Error(), "disk full")
	}
}

// LibreOffice, when installed, opens the workbook and reads the values.
func TestWriteLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the check that it opens the workbook is skipped")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	w := sampleWorkbook(t)
	require.NoError(t, w.SetActive(0))
	require.NoError(t, os.WriteFile(in, writeBytes(t, w), 0o600))
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "csv", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	csv, err := os.ReadFile(filepath.Join(dir, "book.csv"))
	require.NoError(t, err, string(out))
	assert.Contains(t, string(csv), "ID,Title,Status,Share,Derived")
	assert.Contains(t, string(csv), "covered,87.6%,FALSE")
}
