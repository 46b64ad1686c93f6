package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// These tests read the package with encoding/xml alone, against the rules of
// ECMA-376 a strict reader (Excel) applies and a lenient one (excelize) may not:
// element order, counts, references between parts.

// parts returns the parts of a written workbook by name.
func parts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		_ = rc.Close()
		out[f.Name] = b
	}
	return out
}

// node is an XML element with its attributes and children, for checks of structure.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n node) child(local string) (node, bool) {
	for _, c := range n.Children {
		if c.XMLName.Local == local {
			return c, true
		}
	}
	return node{}, false
}

func (n node) names() []string {
	var out []string
	for _, c := range n.Children {
		out = append(out, c.XMLName.Local)
	}
	return out
}

func parse(t *testing.T, data []byte) node {
	t.Helper()
	var n node
	require.NoError(t, xml.Unmarshal(data, &n))
	return n
}

// worksheetOrder is the order of the children of <worksheet> (CT_Worksheet), as far
// as the writer uses them.
var worksheetOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter",
	"conditionalFormatting", "pageMargins", "pageSetup"}

// A sheet's elements come in the schema's order; Excel refuses a file otherwise.
func TestSheetElementOrder(t *testing.T) {
	p := parts(t, writeBytes(t, sampleWorkbook(t)))
	for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		got := parse(t, p[name]).names()
		last := -1
		for _, el := range got {
			i := slices.Index(worksheetOrder, el)
			require.GreaterOrEqual(t, i, 0, "%s: unexpected element %s", name, el)
			assert.Greater(t, i, last, "%s: %s out of order in %v", name, el, got)
			last = i
		}
	}
	sheet1 := parse(t, p["xl/worksheets/sheet1.xml"])
	assert.Equal(t, worksheetOrder, sheet1.names(), "the first sheet uses every element")
	dim, _ := sheet1.child("dimension")
	assert.Equal(t, "A1:E3", dim.attr("ref"))
}

// Every count attribute of styles.xml equals its children, the two reserved fills
// come first, and every cell style refers to a font, fill, border and number
// format that exists.
func TestStylesCountsAndReferences(t *testing.T) {
	st := parse(t, parts(t, writeBytes(t, sampleWorkbook(t)))["xl/styles.xml"])
	assert.Equal(t, []string{"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles"}, st.names())
	lens := map[string]int{}
	for _, c := range st.Children {
		n, err := strconv.Atoi(c.attr("count"))
		require.NoError(t, err, c.XMLName.Local)
		assert.Len(t, c.Children, n, c.XMLName.Local)
		lens[c.XMLName.Local] = n
	}
	fills, _ := st.child("fills")
	assert.Equal(t, "none", fills.Children[0].Children[0].attr("patternType"))
	assert.Equal(t, "gray125", fills.Children[1].Children[0].attr("patternType"))
	numFmts, _ := st.child("numFmts")
	ids := map[string]bool{"0": true}
	for _, f := range numFmts.Children {
		ids[f.attr("numFmtId")] = true
	}
	xfs, _ := st.child("cellXfs")
	for i, xf := range xfs.Children {
		for attr, list := range map[string]string{"fontId": "fonts", "fillId": "fills", "borderId": "borders"} {
			n, err := strconv.Atoi(xf.attr(attr))
			require.NoError(t, err)
			assert.Less(t, n, lens[list], "xf %d %s", i, attr)
		}
		assert.True(t, ids[xf.attr("numFmtId")], "xf %d numFmtId %s", i, xf.attr("numFmtId"))
	}
	assert.Equal(t, 4, lens["cellXfs"], "default, header, wrap, percent")
	assert.Equal(t, 2, lens["dxfs"])
}

// Every part has a content type, every relationship's target is a part, and the
// workbook's sheets point at worksheets.
func TestPackageReferences(t *testing.T) {
	p := parts(t, writeBytes(t, sampleWorkbook(t)))
	types := parse(t, p["[Content_Types].xml"])
	overrides, defaults := map[string]string{}, map[string]bool{}
	for _, c := range types.Children {
		switch c.XMLName.Local {
		case "Override":
			overrides[c.attr("PartName")] = c.attr("ContentType")
		case "Default":
			defaults[c.attr("Extension")] = true
		}
	}
	for name := range p {
		if name == "[Content_Types].xml" {
			continue
		}
		_, over := overrides["/"+name]
		assert.True(t, over || defaults[strings.TrimPrefix(path.Ext(name), ".")], "%s has no content type", name)
	}
	for o := range overrides {
		assert.Contains(t, p, strings.TrimPrefix(o, "/"), "content type of a missing part")
	}
	targets := map[string]string{}
	for rels, base := range map[string]string{"_rels/.rels": "", "xl/_rels/workbook.xml.rels": "xl/"} {
		for _, r := range parse(t, p[rels]).Children {
			target := path.Join(base, r.attr("Target"))
			assert.Contains(t, p, target, "%s: %s", rels, r.attr("Id"))
			if base != "" {
				targets[r.attr("Id")] = target
			}
		}
	}
	wb := parse(t, p["xl/workbook.xml"])
	sheets, _ := wb.child("sheets")
	require.Len(t, sheets.Children, 2)
	for i, s := range sheets.Children {
		assert.Equal(t, strconv.Itoa(i+1), s.attr("sheetId"))
		assert.Equal(t, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), targets[s.attr("id")])
	}
	names, _ := wb.child("definedNames")
	for _, dn := range names.Children {
		i, err := strconv.Atoi(dn.attr("localSheetId"))
		require.NoError(t, err)
		assert.Less(t, i, 2)
	}
}

// Only the active sheet is selected, and the workbook view opens it.
func TestActiveSheetSelected(t *testing.T) {
	p := parts(t, writeBytes(t, sampleWorkbook(t)))
	views, _ := parse(t, p["xl/workbook.xml"]).child("bookViews")
	assert.Equal(t, "1", views.Children[0].attr("activeTab"))
	for name, want := range map[string]string{"xl/worksheets/sheet1.xml": "", "xl/worksheets/sheet2.xml": "1"} {
		sv, _ := parse(t, p[name]).child("sheetViews")
		assert.Equal(t, want, sv.Children[0].attr("tabSelected"), name)
	}
}

// The shared string table counts every text cell and each text once.
func TestSharedStringsPart(t *testing.T) {
	sst := parse(t, parts(t, writeBytes(t, sampleWorkbook(t)))["xl/sharedStrings.xml"])
	assert.Equal(t, "10", sst.attr("count"), "5 headers, 2 IDs, 2 statuses, 1 title: the other title is empty, no text")
	assert.Equal(t, "10", sst.attr("uniqueCount"))
	assert.Len(t, sst.Children, 10)
	first, _ := sst.Children[0].child("t")
	assert.Equal(t, "ID", first.Text)
}

// Conditional-format priorities are unique within a sheet and the formula is the
// quoted text, a quote in it doubled.
func TestConditionalFormatXML(t *testing.T) {
	w := New(Properties{})
	d, err := w.AddDiffStyle(Style{Fill: "FF0000"})
	require.NoError(t, err)
	s, err := w.AddSheet("S")
	require.NoError(t, err)
	require.NoError(t, s.ColourByText(ColumnDown(1, 2), TextRule{"a", d}, TextRule{`say "x" & <y>`, d}))
	require.NoError(t, s.ColourByText(ColumnDown(2, 2), TextRule{"b", d}))
	require.NoError(t, s.ColourByText(ColumnDown(3, 2)), "no rules: nothing written")
	sheet := parse(t, parts(t, writeBytes(t, w))["xl/worksheets/sheet1.xml"])
	var prio, formulas, refs []string
	for _, c := range sheet.Children {
		if c.XMLName.Local != "conditionalFormatting" {
			continue
		}
		refs = append(refs, c.attr("sqref"))
		for _, r := range c.Children {
			prio = append(prio, r.attr("priority"))
			f, _ := r.child("formula")
			formulas = append(formulas, f.Text)
		}
	}
	assert.Equal(t, []string{"A2:A1048576", "B2:B1048576"}, refs)
	assert.Equal(t, []string{"1", "2", "3"}, prio)
	assert.Equal(t, []string{`"a"`, `"say ""x"" & <y>"`, `"b"`}, formulas)
}

// Numbers are written as the shortest decimal that reads back to the same double.
func TestNumberText(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 0.1 + 0.2, 1.0 / 3, 5e-324, math.MaxFloat64, -math.SmallestNonzeroFloat64, 123456789012345678, 0.876} {
		s, ok := formatNumber(f)
		require.True(t, ok, "%v", f)
		back, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, s)
		assert.Equal(t, f, back, s)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, ok := formatNumber(f)
		assert.False(t, ok, "%v", f)
	}
	a, b := 0.1, 0.2 // variables: a constant expression would be exact
	n, _ := formatNumber(a + b)
	assert.Equal(t, "0.30000000000000004", n, "the double as it is: a reader shows it rounded")
}

func TestCellValueXML(t *testing.T) {
	tab := &sst{index: map[string]int{"x": 0, "y": 1}}
	for _, c := range []struct {
		in        any
		typ, want string
	}{
		{"y", ` t="s"`, "1"}, {"", "", ""}, {true, ` t="b"`, "1"}, {false, ` t="b"`, "0"}, {int64(-5), "", "-5"},
		{uint64(18446744073709551615), "", "18446744073709551615"}, {0.5, "", "0.5"}, {math.Inf(1), ` t="e"`, "#NUM!"}, {nil, "", ""},
	} {
		typ, v := cellValue(c.in, tab)
		assert.Equal(t, c.typ, typ, "%v", c.in)
		assert.Equal(t, c.want, v, "%v", c.in)
	}
}

func TestEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"a&b<c>d":       "a&amp;b&lt;c&gt;d",
		"tab\tnl\n":     "tab\tnl\n",
		"cr\r":          "cr_x000D_",
		"nul\x00":       "nul_x0000_",
		"_x0041_":       "_x005F_x0041_",
		"_xZZZZ_":       "_xZZZZ_",
		"_x004":         "_x004",
		"\uFFFE":        "_xFFFE_",
		`"quotes' ok"`:  `"quotes' ok"`,
		"é🙂":            "é🙂",
		"a_x0041_b_x1F": "a_x005F_x0041_b_x1F",
		"_x0000\x1e":    "_x005F_x0000_x001E_", // the control character's escape would end a look-alike (found by FuzzWriteText)
		"_x0000\x1e_":   "_x005F_x0000_x001E__",
	} {
		assert.Equal(t, want, escText(in, true), "%q", in)
	}
	for in, want := range map[string]string{"cr\r": "cr&#xD;", "nul\x00": "nul\uFFFD", "_x0041_": "_x0041_", "<&>": "&lt;&amp;&gt;"} {
		assert.Equal(t, want, escText(in, false), "%q", in)
	}
	assert.Equal(t, "a&amp;&lt;&gt;&quot;'&#x9;&#xA;&#xD;\uFFFD", escAttr("a&<>\"'\t\n\r\x01"))
	assert.True(t, looksEscaped("_x00aF_"))
	assert.False(t, looksEscaped("_x00aG_"))
	assert.False(t, looksEscaped("_y0041_"))
}

// A sheet name with characters XML escapes is written escaped and read back as it
// was, also in the formulas of its defined names.
func TestSheetNameEscaped(t *testing.T) {
	w := New(Properties{})
	name := `R&D <"it's">`
	s, err := w.AddSheet(name)
	require.NoError(t, err)
	require.NoError(t, s.AppendRow(Cell{Value: "x"}))
	require.NoError(t, s.AutoFilter(Area{1, 1, 1, 1}))
	require.NoError(t, s.PrintTitleRows(1, 1))
	f := openBook(t, writeBytes(t, w))
	assert.Equal(t, []string{name}, f.GetSheetList())
	refs := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		refs[dn.Name] = dn.RefersTo
	}
	assert.Equal(t, `'R&D <"it''s">'!$A$1:$A$1`, refs["_xlnm._FilterDatabase"])
	assert.Equal(t, `'R&D <"it''s">'!$1:$1`, refs["_xlnm.Print_Titles"])
}

// A large sheet (20,000 rows of 13 cells) is written and read back whole.
func TestWriteLargeSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("large workbook: skipped in -short")
	}
	w := New(Properties{})
	s, err := w.AddSheet("Big")
	require.NoError(t, err)
	const rows = 20000
	row := make([]Cell, 13)
	for r := range rows {
		for c := range row {
			row[c] = Cell{Value: fmt.Sprintf("r%dc%d", r, c)}
		}
		row[12] = Cell{Value: r}
		require.NoError(t, s.AppendRow(row...))
	}
	f := openBook(t, writeBytes(t, w))
	got, err := f.GetRows("Big", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Len(t, got, rows)
	assert.Equal(t, "r19999c11", got[rows-1][11])
	assert.Equal(t, "19999", got[rows-1][12])
}

func BenchmarkWrite(b *testing.B) {
	w := sampleWorkbook(b)
	s, err := w.AddSheet("Many")
	require.NoError(b, err)
	for r := range 2000 {
		require.NoError(b, s.AppendRow(Cell{Value: fmt.Sprint("ID-", r)}, Cell{Value: "a title of some length, wrapped"}, Cell{Value: r}, Cell{Value: 0.5}))
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
