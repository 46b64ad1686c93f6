package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func gridMarkdown(t *testing.T, g *Grid) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, g.WriteMarkdown(&b))
	return b.String()
}

func gridCSV(t *testing.T, g *Grid) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, g.WriteCSV(&b))
	return b.String()
}

func TestGridWrapIgnoresBadAndRepeatedColumns(t *testing.T) {
	g := NewGrid("a", "b").Wrap(-1, 2, 1, 1, 7)
	assert.Equal(t, []int{1}, g.wrap)
	g.List(1, 5, -2)
	assert.Equal(t, []int{1}, g.list)
	assert.Equal(t, []int{1}, g.wrap, "a list column wraps, once")
	g2 := NewGrid("a", "b").List(0)
	assert.Equal(t, []int{0}, g2.wrap, "List implies Wrap")
}

// A table of a header only, in every form.
func TestGridHeaderOnly(t *testing.T) {
	g := NewGrid("id", "title").Wrap(1)
	assert.Equal(t, 0, g.Len())
	assert.Equal(t, "ID  TITLE\n", gridText(t, g, 5))
	assert.Equal(t, "| id | title |\n| --- | --- |\n", gridMarkdown(t, g))
	assert.Equal(t, "id,title\n", gridCSV(t, g))
}

// Every start that a spreadsheet reads as a formula or a control is prefixed with
// an apostrophe, in the header too; the same characters later in a cell are not.
func TestGridCSVInjectionPrefixes(t *testing.T) {
	g := NewGrid("=h", "ok")
	cells := []string{"=1+1", "+1", "-1", "@x", "\tx", "\rx", "'x", "a=b", "", " =1"}
	for _, c := range cells {
		g.Add(c, "plain")
	}
	rows, err := csv.NewReader(strings.NewReader(gridCSV(t, g))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(cells)+1)
	assert.Equal(t, []string{"'=h", "ok"}, rows[0])
	want := []string{"'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "''x", "a=b", "", " =1"}
	for i, w := range want {
		assert.Equal(t, w, rows[i+1][0], "cell %q", cells[i])
		assert.Equal(t, "plain", rows[i+1][1])
	}
}

// CSV keeps user text as it is (line breaks, quotes, commas, HTML): only the
// spreadsheet's formula starts are touched.
func TestGridCSVKeepsText(t *testing.T) {
	g := NewGrid("note")
	g.Add("a, \"b\"\nc <i>d</i>")
	rows, err := csv.NewReader(strings.NewReader(gridCSV(t, g))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"note"}, {"a, \"b\"\nc <i>d</i>"}}, rows)
}

func TestGridMarkdownCells(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a|b", `a\|b`},
		{`a\|b`, `a\\\|b`},
		{"line1\r\nline2\n\nline3", "line1 line2 line3"},
		{"  padded\t ", "padded"},
		{"", ""},
		{"bell\a", `bell\x07`},
		{"rtl\u202eevil", `rtl\u202eevil`},
		{"émoji ✓", "émoji ✓"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, mdCell(tt.in), "%q", tt.in)
	}
	g := NewGrid("a|b")
	g.Add("")
	assert.Equal(t, "| a\\|b |\n| --- |\n|  |\n", gridMarkdown(t, g), "an empty cell keeps its column")
}

// Widths count runes: a column of accented titles lines up as one of ASCII ones.
func TestGridAlignsRunes(t *testing.T) {
	g := NewGrid("name", "n")
	g.Add("Größe", "1")
	g.Add("ab", "2")
	assert.Equal(t, "NAME   N\nGröße  1\nab     2\n", gridText(t, g, 0))
}

// A list column without a width: one entry a line, nothing wrapped; an empty cell
// is one empty line, and the row below starts right after.
func TestGridListWithoutWidth(t *testing.T) {
	g := NewGrid("id", "links").List(1)
	g.Add("A", "first entry\nsecond entry")
	g.Add("B", "")
	g.Add("C", "only")
	assert.Equal(t, "ID  LINKS\nA   first entry\n    second entry\nB\nC   only\n", gridText(t, g, 0))
}

// At the minimum width a list entry wraps without the hanging indent (it would
// leave too little room); above it, with.
func TestGridListIndentNeedsRoom(t *testing.T) {
	g := NewGrid("i", "l").List(1).MinWrap(6)
	g.Add("1", "aaa bbb ccc")
	// width 1: the column is capped at the minimum, 6: no indent.
	assert.Equal(t, "I  L\n1  aaa\n   bbb\n   ccc\n", gridText(t, g, 1))
	// width 10: the column gets 10 − 1 − 2 = 7, above the minimum: the entry's
	// first line takes 7 ("aaa bbb"), its continuation 5 after an indent of two.
	assert.Equal(t, "I  L\n1  aaa bbb\n     ccc\n", gridText(t, g, 10))
}

// A Grid once built may be written many times, with the same bytes, and one
// width does not change the next.
func TestGridWritesRepeatably(t *testing.T) {
	g := NewGrid("id", "title").Wrap(1)
	g.Add("1", "one two three four five six seven")
	wide := gridText(t, g, 0)
	narrow := gridText(t, g, 20)
	assert.NotEqual(t, wide, narrow)
	assert.Equal(t, wide, gridText(t, g, 0))
	assert.Equal(t, narrow, gridText(t, g, 20))
	assert.Equal(t, gridMarkdown(t, g), gridMarkdown(t, g))
}

// When the columns that do not wrap are wider than the width, the table is as
// narrow as it can be: the wrapping column at its minimum, no cell cut.
func TestGridWiderThanWidth(t *testing.T) {
	g := NewGrid("identifier", "t").Wrap(1)
	g.Add("a-very-long-identifier", "alpha beta gamma delta")
	got := gridText(t, g, 10)
	assert.Equal(t, ""+
		"IDENTIFIER              T\n"+
		"a-very-long-identifier  alpha beta\n"+
		"                        gamma\n"+
		"                        delta\n", got)
}

func TestCellCutsLongText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"abcdef", 4, "abc…"},
		{"abcd", 4, "abcd"},
		{"äöüß", 3, "äö…"},
		{"a\nb\tc", 0, "a b c"},
		{"a\r\nb", 0, "a b"},
		{"x\x1by", 0, `x\x1by`},
		{"\xff", 0, `\xff`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cell(tt.in, tt.max), "%q max %d", tt.in, tt.max)
	}
}

// para wraps a paragraph after a first prefix, the rest after another, never
// narrower than the default minimum.
func TestParaWraps(t *testing.T) {
	var b bytes.Buffer
	tw := newTableWriter(&b)
	tw.para(20, "Note: ", "  ", "one two three four five six")
	tw.para(0, "> ", "", "all\non one line")
	tw.para(8, "Long prefix: ", "  ", "aa bb cc dd ee ff gg")
	require.NoError(t, tw.flush())
	assert.Equal(t, ""+
		"Note: one two three\n"+
		"  four five six\n"+
		"> all on one line\n"+
		// 8 − 13 and 8 − 2 are below 10: every line gets 10 runes after its prefix.
		"Long prefix: aa bb cc\n"+
		"  dd ee ff\n"+
		"  gg\n", b.String())
}
