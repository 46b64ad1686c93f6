package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// The layout the gap workbook's other tests do not check: the header style, which
// columns wrap, every column's width, the filter's range, the frozen header on
// every sheet, the first sheet active, a percentage stored as the shortest
// fraction.
func TestHandGapXLSXLayout(t *testing.T) {
	f := openXLSX(t, render(t, func(b *bytes.Buffer) error { return GapXLSX(b, handGap(), Options{}) }))
	assert.Equal(t, 0, f.GetActiveSheetIndex())
	style := func(sheet, ref string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sheet, ref)
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st
	}
	for i, c := range gapItemCols {
		col := excelizeCol(t, i+1)
		h := style(SheetItems, col+"1")
		require.NotNil(t, h.Font, col)
		assert.True(t, h.Font.Bold, col)
		assert.Equal(t, []string{"E7ECF2"}, h.Fill.Color, col)
		assert.Equal(t, []excelize.Border{{Type: "bottom", Color: "8C959F", Style: 2}}, h.Border, col)
		body := style(SheetItems, col+"2")
		assert.Equal(t, c.wrap, body.Alignment != nil && body.Alignment.WrapText, "column %s wraps: %v", c.key, c.wrap)
		w, err := f.GetColWidth(SheetItems, col)
		require.NoError(t, err)
		assert.Equal(t, c.width, w, c.key)
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	summary, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{SheetSummary: "'Summary'!$A$1:$D$" + strconv.Itoa(len(summary)), SheetItems: "'Items'!$A$1:$M$5",
		SheetGroups: "'Groups'!$A$1:$J$1", SheetRecommendations: "'Recommendations'!$A$1:$I$2"}, filters, "the header and every row")
	for _, sh := range f.GetSheetList() {
		panes, err := f.GetPanes(sh)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, sh)
		assert.Equal(t, 1, panes.YSplit, sh)
	}
	raw, err := f.GetCellValue(SheetSummary, cellOf(t, f, SheetSummary, "coverage_percent"), excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "0.333", raw, "33.3 % is the fraction 0.333, not 33.3/100")
	shown, err := f.GetCellValue(SheetSummary, cellOf(t, f, SheetSummary, "coverage_percent"))
	require.NoError(t, err)
	assert.Equal(t, "33.3%", shown)
}

// A text longer than a cell holds is cut with a note in the workbook, never
// refused and never cut without a word.
func TestGapXLSXLongText(t *testing.T) {
	res := handGap()
	long := strings.Repeat("é", maxCellChars+10)
	res.Items[0].Title = long
	f := openXLSX(t, render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) }))
	got, err := f.GetCellValue(SheetItems, "B2")
	require.NoError(t, err)
	assert.Equal(t, maxCellChars, utf8.RuneCountInString(got))
	assert.True(t, strings.HasPrefix(got, "ééé"))
	assert.True(t, strings.HasSuffix(got, "this text has 32777; the CSV and JSON formats carry it whole]"), got[len(got)-120:])
	assert.Equal(t, long, res.Items[0].Title, "the result is not changed")
}

// The SoA workbook too: the same SoA gives the same bytes.
func TestSoAXLSXDeterministic(t *testing.T) {
	soa := smallSoA(t)
	a := render(t, func(b *bytes.Buffer) error { return SoAXLSX(b, soa, Options{}) })
	b := render(t, func(b *bytes.Buffer) error { return SoAXLSX(b, soa, Options{}) })
	assert.Equal(t, a, b)
}

// A sheet name past Excel's rules is an error of the report, never a broken file.
func TestXLSXSheetNameRefused(t *testing.T) {
	wb, err := newWorkbook("t", "s")
	require.NoError(t, err)
	err = wb.write(&bytes.Buffer{}, []sheet{{name: "a:b", cols: summaryCols}})
	assert.ErrorIs(t, err, xlsx.ErrInvalid)
	err = wb.write(&bytes.Buffer{}, []sheet{{name: sheetName(string(catalog.CSF20)), cols: summaryCols}})
	assert.NoError(t, err, "sheetName makes a framework ID a valid sheet name")
}

// LibreOffice, when installed, opens the gap workbook (its first sheet as CSV).
func TestGapXLSXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the check that it opens the workbook is skipped")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "gap.xlsx")
	require.NoError(t, os.WriteFile(in, render(t, func(b *bytes.Buffer) error { return GapXLSX(b, handGap(), Options{}) }), 0o600))
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv", "--outdir", dir, in).CombinedOutput()
	require.NoError(t, err, string(out))
	csv, err := os.ReadFile(filepath.Join(dir, "gap.csv"))
	require.NoError(t, err, string(out))
	assert.Contains(t, string(csv), "Field,Label,Value,Meaning")
	assert.Contains(t, string(csv), "coverage_percent,Coverage,33.3%")
}

func excelizeCol(t *testing.T, n int) string {
	t.Helper()
	c, err := excelize.ColumnNumberToName(n)
	require.NoError(t, err)
	return c
}
