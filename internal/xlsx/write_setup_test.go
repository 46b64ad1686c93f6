package xlsx

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sheetXML returns the part of the first sheet of a workbook of one sheet set up
// by setup.
func sheetXML(t *testing.T, setup func(w *Workbook, s *Sheet)) string {
	t.Helper()
	w := New(Properties{})
	s, err := w.AddSheet("S")
	require.NoError(t, err)
	setup(w, s)
	return string(parts(t, writeBytes(t, w))["xl/worksheets/sheet1.xml"])
}

// Each setting gives the element ECMA-376 defines for it, and nothing when unset.
func TestSheetSettingsXML(t *testing.T) {
	for _, c := range []struct {
		name        string
		setup       func(w *Workbook, s *Sheet)
		want, avoid []string
	}{
		{"nothing set", func(*Workbook, *Sheet) {},
			[]string{`<dimension ref="A1"/>`, `<sheetView tabSelected="1" workbookViewId="0"/>`, `<sheetData></sheetData>`},
			[]string{"<sheetPr", "<pane", "<cols", "<autoFilter", "<pageSetup", "<conditionalFormatting"}},
		{"three frozen rows", func(_ *Workbook, s *Sheet) { require.NoError(t, s.FreezeRows(3)) },
			[]string{`<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>`, `<selection pane="bottomLeft" activeCell="A4" sqref="A4"/>`},
			nil},
		{"portrait, fit", func(_ *Workbook, s *Sheet) {
			require.NoError(t, s.SetPageSetup(PageSetup{Fit: true, FitToWidth: 2, FitToHeight: 3}))
		}, []string{`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`, `<pageSetup fitToWidth="2" fitToHeight="3"/>`}, []string{"landscape"}},
		{"landscape, no fit", func(_ *Workbook, s *Sheet) {
			require.NoError(t, s.SetPageSetup(PageSetup{Landscape: true, FitToWidth: 1}))
		},
			[]string{`<pageSetup orientation="landscape"/>`}, []string{"<sheetPr", "fitTo"}},
		{"widths in column order", func(_ *Workbook, s *Sheet) {
			require.NoError(t, s.SetColWidth(3, 7.5))
			require.NoError(t, s.SetColWidth(1, 12))
			require.NoError(t, s.SetColWidth(3, 9))
		}, []string{`<cols><col min="1" max="1" width="12" customWidth="1"/><col min="3" max="3" width="9" customWidth="1"/></cols>`}, nil},
		{"a styled empty cell is kept, an unstyled one left out", func(w *Workbook, s *Sheet) {
			st, err := w.AddStyle(Style{Wrap: true})
			require.NoError(t, err)
			require.NoError(t, s.AppendRow(Cell{}, Cell{Value: "", Style: st}, Cell{Value: nil}, Cell{Value: 1}))
		}, []string{`<row r="1"><c r="B1" s="1"/><c r="D1"><v>1</v></c></row>`, `<dimension ref="A1:D1"/>`}, []string{`r="A1"`, `r="C1"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := sheetXML(t, c.setup)
			for _, w := range c.want {
				assert.Contains(t, x, w)
			}
			for _, a := range c.avoid {
				assert.NotContains(t, x, a)
			}
		})
	}
}

// Writing twice gives the same bytes, and a sheet added after a write is in the
// next one.
func TestWriteTwice(t *testing.T) {
	w := sampleWorkbook(t)
	a, b := writeBytes(t, w), writeBytes(t, w)
	assert.Equal(t, a, b)
	_, err := w.AddSheet("Later")
	require.NoError(t, err)
	assert.Equal(t, []string{"Items", "It's numbers", "Later"}, openBook(t, writeBytes(t, w)).GetSheetList())
}

// A differential style keeps only what a conditional format may change (font
// weight and colour, fill); each call is its own style.
func TestAddDiffStyle(t *testing.T) {
	w := New(Properties{})
	a, err := w.AddDiffStyle(Style{Bold: true, Fill: "00ff00", Wrap: true, NumFmt: "0%", BottomBorder: BorderThick})
	require.NoError(t, err)
	b, err := w.AddDiffStyle(Style{Bold: true, Fill: "00FF00"})
	require.NoError(t, err)
	assert.NotEqual(t, a, b)
	assert.Equal(t, Style{Bold: true, Fill: "00FF00"}, w.styles.dxfs[a])
	var x strings.Builder
	w.styles.stylesXML(&x)
	assert.Contains(t, x.String(), `<dxfs count="2"><dxf><font><b/></font><fill><patternFill patternType="solid"><fgColor rgb="FF00FF00"/><bgColor rgb="FF00FF00"/></patternFill></fill></dxf>`)
	assert.NotContains(t, x.String(), "<numFmts", "a differential style's number format is not kept")
}

// Number formats get IDs from 164 in the order first used, once each.
func TestNumberFormatIDs(t *testing.T) {
	w := New(Properties{})
	for _, code := range []string{"0.0%", "0.00", "0.0%"} {
		_, err := w.AddStyle(Style{NumFmt: code})
		require.NoError(t, err)
	}
	_, err := w.AddStyle(Style{NumFmt: "0.0%", Bold: true})
	require.NoError(t, err)
	var x strings.Builder
	w.styles.stylesXML(&x)
	s := x.String()
	assert.Contains(t, s, `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>`)
	assert.Equal(t, 2, strings.Count(s, `numFmtId="164" fontId`), "two cell styles use 0.0%")
	assert.Contains(t, s, `<fonts count="2">`, "the default and the bold font")
}

// Document properties: text escaped, empty ones left out, times in UTC.
func TestCoreProperties(t *testing.T) {
	w := New(Properties{Title: "A & B\r", Created: fixedTime})
	_, err := w.AddSheet("S")
	require.NoError(t, err)
	core := string(parts(t, writeBytes(t, w))["docProps/core.xml"])
	assert.Contains(t, core, `<dc:title>A &amp; B&#xD;</dc:title>`)
	assert.Contains(t, core, `<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>`)
	for _, absent := range []string{"dc:subject", "dc:creator", "dcterms:modified", "dc:language"} {
		assert.NotContains(t, core, absent)
	}
	dp, err := openBook(t, writeBytes(t, w)).GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "A & B\r", dp.Title)
}
