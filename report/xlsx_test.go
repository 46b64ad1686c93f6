package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestGapXLSXEqualsJSON(t *testing.T) {
	for _, target := range []catalog.FrameworkID{catalog.CSF20, catalog.CIS8} {
		if target == catalog.CIS8 && !catalog.HasCIS() {
			continue
		}
		t.Run(string(target), func(t *testing.T) {
			res := smallGap(t, target)
			data := render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, XLSX, Options{}) })
			// compare with the JSON contract, decoded generically
			var js map[string]any
			require.NoError(t, codec.DecodeStrict(render(t, func(b *bytes.Buffer) error { return GapJSON(b, res) }), &js))
			f := openXLSX(t, data)
			assert.Equal(t, []string{SheetSummary, SheetItems, SheetGroups, SheetRecommendations}, f.GetSheetList())
			assertSummarySheet(t, f, js)
			assertItemsSheet(t, f, js)
			assertGroupsSheet(t, f, js)
			assertRecommendationsSheet(t, f, res)
			assertSheetSetup(t, f)
		})
	}
}

// assertSummarySheet: the Summary sheet's fields equal the JSON's, a percentage as
// a fraction in percent format, derived as a boolean.
func assertSummarySheet(t *testing.T, f *excelize.File, js map[string]any) {
	t.Helper()
	rows, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	fields := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > 2 {
			fields[r[0]] = r[2]
		}
	}
	assert.Equal(t, js["baseline"], fields["baseline"])
	assert.Equal(t, js["target"], fields["target"])
	assert.Equal(t, js["policy"], fields["policy"])
	summary := js["summary"].(map[string]any)
	require.NotEmpty(t, summary)
	for k, v := range summary {
		got, err := strconv.ParseFloat(fields[k], 64)
		require.NoError(t, err, k)
		if strings.HasSuffix(k, "_percent") {
			// a number in % format: the fraction
			assert.InDelta(t, v.(float64)/100, got, 1e-12, k)
			assert.Equal(t, percentFormat, numFmt(t, f, SheetSummary, cellOf(t, f, SheetSummary, k)), k)
		} else {
			assert.Equal(t, v, got, k)
		}
	}
	typ, err := f.GetCellType(SheetSummary, cellOf(t, f, SheetSummary, "derived"))
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeBool, typ, "derived is a boolean, as in the Items sheet")
	assert.Equal(t, "0", fields["derived"])
}

// assertItemsSheet: one row per JSON item with its ID, title and status, under
// the CSV's columns with readable headers.
func assertItemsSheet(t *testing.T, f *excelize.File, js map[string]any) {
	t.Helper()
	rows, err := f.GetRows(SheetItems)
	require.NoError(t, err)
	items := js["items"].([]any)
	require.Len(t, rows, len(items)+1)
	assert.Equal(t, gapCSVHeader, colKeys(gapItemCols), "the Items sheet has the CSV's columns")
	assert.Equal(t, []string{"ID", "Title", "Status", "Reached by", "Mapped at a higher level (context)", "Sources",
		"What the source states", "Mapped outside the baseline", "Policy", "Derived paths used", "Baseline", "Target", "Limited to"}, rows[0], "readable headers")
	for i, it := range items {
		m := it.(map[string]any)
		assert.Equal(t, m["id"], rows[i+1][0])
		assert.Equal(t, m["title"], rows[i+1][1])
		assert.Equal(t, m["status"], rows[i+1][2])
	}
	// one type per column: "derived" is a boolean here as in the Summary
	typ, err := f.GetCellType(SheetItems, "J2")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeBool, typ)
}

// assertGroupsSheet: every cell of every roll-up equals the JSON field its column
// names.
func assertGroupsSheet(t *testing.T, f *excelize.File, js map[string]any) {
	t.Helper()
	groups, err := f.GetRows(SheetGroups, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	jgroups := js["groups"].([]any)
	require.Len(t, groups, len(jgroups)+1)
	for i, g := range jgroups {
		m := g.(map[string]any)
		for c, col := range gapGroupCols {
			assert.Equal(t, col.header, groups[0][c])
			want, ok := m[col.key]
			require.True(t, ok, "column %q is a JSON field of a roll-up", col.key)
			assertCellEquals(t, col.key, want, groups[i+1][c], m["id"])
		}
	}
}

// assertCellEquals compares a roll-up cell with its JSON value: numbers as
// numbers, coverage_percent as a fraction.
func assertCellEquals(t *testing.T, name string, want any, got string, id any) {
	t.Helper()
	n, isNum := want.(float64)
	if !isNum {
		assert.Equal(t, want, got, "%s of %v", name, id)
		return
	}
	v, err := strconv.ParseFloat(got, 64)
	require.NoError(t, err, "%s of %v", name, id)
	if name == "coverage_percent" {
		assert.InDelta(t, n/100, v, 1e-12, "%s of %v", name, id)
	} else {
		assert.Equal(t, n, v, "%s of %v", name, id)
	}
}

// assertRecommendationsSheet: one row per move, the first naming the first
// recommendation.
func assertRecommendationsSheet(t *testing.T, f *excelize.File, res *crosswalk.GapResult) {
	t.Helper()
	recs, err := f.GetRows(SheetRecommendations)
	require.NoError(t, err)
	moves := 0
	for _, r := range res.Recommendations {
		moves += len(r.Moves)
	}
	assert.Len(t, recs, moves+1)
	if moves > 0 {
		r := res.Recommendations[0]
		assert.Equal(t, []string{"1", r.Control, r.Title, r.Status.String(), strconv.Itoa(r.Gain), r.Moves[0].ID},
			recs[1][:6])
	}
}

// assertSheetSetup: a frozen header, status colours as conditional formats, the
// print setup, a filter on every sheet, the title column's width.
func assertSheetSetup(t *testing.T, f *excelize.File) {
	t.Helper()
	panes, err := f.GetPanes(SheetItems)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	assertStatusRules(t, f, SheetItems, "C")
	assertStatusRules(t, f, SheetRecommendations, "D", "G", "H")
	assertPrintSetup(t, f, f.GetSheetList()...)
	filters := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	assert.Equal(t, 4, filters, "a filter on every sheet")
	w, err := f.GetColWidth(SheetItems, "B")
	require.NoError(t, err)
	assert.Equal(t, 60.0, w)
}

func TestGapXLSXDeterministic(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	a := render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })
	b := render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })
	assert.Equal(t, a, b)
	props, err := openXLSX(t, a).GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, xlsxTimestamp, props.Created)
}

func TestSoAXLSX(t *testing.T) {
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	data := render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, XLSX, Options{}) })
	f := openXLSX(t, data)
	assert.Equal(t, []string{SheetSoA, SheetSummary, SheetProblems}, f.GetSheetList())
	rows, err := f.GetRows(SheetSoA)
	require.NoError(t, err)
	require.Len(t, rows, 94)
	for i, e := range soa.Controls {
		assert.Equal(t, e.Control, rows[i+1][0])
		assert.Equal(t, e.Status.String(), rows[i+1][7])
		assert.Equal(t, yesNo(e.Applicable), rows[i+1][4])
	}
	assert.Equal(t, hostileNote, rows[1][10], "notes kept verbatim")
	sum, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	values := map[string]string{}
	for _, r := range sum[1:] {
		values[r[0]] = cellAt(r, 2)
	}
	assert.Equal(t, "93", values["total"])
	assert.Equal(t, "1", values["excluded"])
	// every count of the JSON summary, under its JSON name
	var js map[string]any
	require.NoError(t, codec.DecodeStrict(render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, JSON, Options{}) }), &js))
	summary := js["summary"].(map[string]any)
	require.NotEmpty(t, summary)
	for k, v := range summary {
		assert.Equal(t, strconv.Itoa(int(v.(float64))), values[k], k)
	}
	panes, err := f.GetPanes(SheetSoA)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assertStatusRules(t, f, SheetSoA, "H")
	assertPrintSetup(t, f, f.GetSheetList()...)
	assert.Equal(t, []string{"Control", "Annex A", "Title", "Theme", "Applicable", "Reason for inclusion", "Justification for exclusion",
		"Implementation status", "Owner", "Evidence", "Notes", "Related: NIST Cybersecurity Framework 2.0 (nist-csf:2.0)"}, rows[0][:12])
}

// The document fields of a SoA are in its Summary sheet.
func TestSoAXLSXDocument(t *testing.T) {
	soa := smallSoA(t)
	soa.Document = crosswalk.SoADocument{Organization: "Example Ltd", Scope: "All services", Version: "1.2", Date: "2026-11-28"}
	f := openXLSX(t, render(t, func(b *bytes.Buffer) error { return SoAXLSX(b, soa, Options{}) }))
	sum, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	assert.Equal(t, []string{"Field", "Label", "Value", "Meaning"}, sum[0])
	got := map[string]string{}
	for _, r := range sum[1:] {
		got[r[0]] = cellAt(r, 2)
	}
	assert.Equal(t, "Example Ltd", got["organization"])
	assert.Equal(t, "All services", got["scope"])
	assert.Equal(t, "1.2", got["version"])
	assert.Equal(t, "2026-11-28", got["date"])
	assert.Equal(t, "", got["approved_by"])
	rows, err := f.GetRows(SheetSoA)
	require.NoError(t, err)
	for i, e := range soa.Controls {
		assert.Equal(t, e.InclusionReason, cellAt(rows[i+1], 5), e.Control)
		assert.Equal(t, e.ExclusionJustification, cellAt(rows[i+1], 6), e.Control)
	}
}

func cellAt(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

func colKeys(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.key
	}
	return out
}

// cellOf returns the reference of the value cell of field k in a Summary sheet.
func cellOf(t *testing.T, f *excelize.File, sheet, k string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == k {
			ref, _ := excelize.CoordinatesToCellName(3, i+1)
			return ref
		}
	}
	t.Fatalf("no field %q in %s", k, sheet)
	return ""
}

// numFmt returns the custom number format of a cell.
func numFmt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// assertStatusRules checks that each column's cells below the header carry one
// conditional format per status word, with the palette's fill: the colour follows
// the text, also of rows the reader adds.
func assertStatusRules(t *testing.T, f *excelize.File, sheet string, cols ...string) {
	t.Helper()
	cfs, err := f.GetConditionalFormats(sheet)
	require.NoError(t, err)
	for _, col := range cols {
		rules, ok := cfs[col+"2:"+col+strconv.Itoa(excelize.TotalRows)]
		require.True(t, ok, "%s: no conditional format on column %s (have %v)", sheet, col, cfs)
		got := map[string]string{}
		for _, r := range rules {
			assert.Equal(t, "cell", r.Type)
			assert.Equal(t, "equal to", r.Criteria)
			require.NotNil(t, r.Format)
			dxf, err := f.GetConditionalStyle(*r.Format)
			require.NoError(t, err)
			got[strings.Trim(r.Value, `"`)] = dxf.Fill.Color[0]
		}
		want := map[string]string{}
		for k, c := range statusFills {
			want[k] = c[0]
		}
		assert.Equal(t, want, got, "%s column %s", sheet, col)
		// and no static fill that would hide an edit
		id, err := f.GetCellStyle(sheet, col+"2")
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		assert.Empty(t, st.Fill.Color, "%s %s2 has a fixed fill", sheet, col)
	}
}

// assertPrintSetup checks the page setup of each sheet: landscape, fit to one page
// wide, the header row repeated on every page.
func assertPrintSetup(t *testing.T, f *excelize.File, sheets ...string) {
	t.Helper()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sh := range sheets {
		pl, err := f.GetPageLayout(sh)
		require.NoError(t, err)
		require.NotNil(t, pl.Orientation, sh)
		assert.Equal(t, "landscape", *pl.Orientation, sh)
		require.NotNil(t, pl.FitToWidth, sh)
		assert.Equal(t, 1, *pl.FitToWidth, sh)
		require.NotNil(t, pl.FitToHeight, sh)
		assert.Equal(t, 0, *pl.FitToHeight, sh)
		props, err := f.GetSheetProps(sh)
		require.NoError(t, err)
		require.NotNil(t, props.FitToPage, sh)
		assert.True(t, *props.FitToPage, sh)
		assert.Equal(t, "'"+sh+"'!$1:$1", titles[sh], "%s: header row repeated on each printed page", sh)
	}
}

// A percentage cell holds the fraction as the shortest decimal reads it: 23.8 % is
// 0.238, not 23.8/100 = 0.23800000000000002 (an audit saw the latter in the gap
// workbook's Summary sheet, which a formula or a script reading the cell sees).
func TestPercentFraction(t *testing.T) {
	for in, want := range map[float64]string{23.8: "0.238", 56.3: "0.563", 0.1: "0.001", 99.9: "0.999", 100: "1", 0: "0", 67.9: "0.679", 12.4: "0.124"} {
		assert.Equal(t, want, strconv.FormatFloat(percent(in).fraction(), 'f', -1, 64), "%v", in)
	}
}
