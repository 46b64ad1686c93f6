package report

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/internal/csvsafe"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Grid is rows of text cells under a header, written as aligned text for a
// terminal ([Grid.WriteText]), as CSV ([Grid.WriteCSV]) or as a GitHub-flavoured
// Markdown table ([Grid.WriteMarkdown]). It is the one table engine of the package
// and of the command line: every tabular result goes through it.
//
// As text, the header is upper-cased and every cell is made safe for a terminal:
// line breaks and tabs become spaces and other control characters show escaped
// ("\x1b"), so text from a user's catalog cannot move the cursor or recolour the
// terminal. The columns marked with [Grid.Wrap] break their long cells at spaces
// so that the table fits the width; nothing is cut. A column marked with
// [Grid.List] holds a list, one entry a line: its cells are split at line breaks
// and an entry that wraps continues indented by two spaces.
//
// A Grid is not safe for concurrent use while rows are added; once built it may
// be written any number of times.
type Grid struct {
	header  []string
	rows    [][]string
	wrap    []int // columns that may wrap
	list    []int // columns holding a list, one entry a line
	minWrap int   // the narrowest a wrapping column gets
	// fill keeps a wrapping column as wide as its cap even when no wrapped line
	// reaches it: the layout of the gap and SoA tables, whose bytes predate the
	// one engine. Other tables are as wide as their widest line.
	fill bool
}

// tablePad is the space between columns; DefaultMinWrap the narrowest a wrapping
// column gets, however narrow the terminal, unless [Grid.MinWrap] says otherwise.
const (
	tablePad = 2
	// DefaultMinWrap is the narrowest a wrapping column of a [Grid] gets, however
	// narrow the width it is written to.
	DefaultMinWrap = 10
)

// NewGrid returns an empty table with the given header. The header's cells are
// written as given in CSV and Markdown, upper-cased in text.
func NewGrid(header ...string) *Grid {
	return &Grid{header: slices.Clone(header), minWrap: DefaultMinWrap}
}

// Wrap lets the columns cols (indexes into the header) wrap in text; the width the
// other columns leave is shared among the wrapping ones, a column that needs less
// than an equal share keeping its width. An index outside the header is ignored.
// It returns t.
func (t *Grid) Wrap(cols ...int) *Grid {
	for _, i := range cols {
		if i >= 0 && i < len(t.header) && !slices.Contains(t.wrap, i) {
			t.wrap = append(t.wrap, i)
		}
	}
	return t
}

// List makes the columns cols list columns: a cell holds one entry a line, and
// in text each entry starts a line and wraps with a hanging indent. A list column
// wraps. It returns t.
func (t *Grid) List(cols ...int) *Grid {
	t.Wrap(cols...)
	for _, i := range cols {
		if i >= 0 && i < len(t.header) && !slices.Contains(t.list, i) {
			t.list = append(t.list, i)
		}
	}
	return t
}

// MinWrap sets the narrowest a wrapping column gets (at least 1; the default is
// [DefaultMinWrap]): below it the table is wider than the width rather than
// unreadable. It returns t.
func (t *Grid) MinWrap(n int) *Grid {
	t.minWrap = max(n, 1)
	return t
}

// Add appends a row. A row shorter than the header is padded with empty cells;
// cells past the header are ignored.
func (t *Grid) Add(cells ...string) {
	row := make([]string, len(t.header))
	copy(row, cells)
	t.rows = append(t.rows, row)
}

// Len returns the number of rows.
func (t *Grid) Len() int { return len(t.rows) }

// WriteCSV writes the header and rows as CSV, every cell escaped against formula
// injection (a cell starting with '=', '+', '-' or '@' is prefixed with a quote).
func (t *Grid) WriteCSV(w io.Writer) error {
	csvw := csvsafe.NewWriter(w)
	if err := csvw.Write(t.header); err != nil {
		return err
	}
	if err := csvw.WriteAll(t.rows); err != nil {
		return err
	}
	return csvw.Error()
}

// WriteMarkdown writes a GitHub-flavoured Markdown table: a header row, a
// separator and one row per row. In a cell a backslash and '|' are escaped, control
// characters show escaped and runs of white space (line breaks too) become one
// space, so no cell can break the table.
func (t *Grid) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.header)
	b.WriteString("|")
	for range t.header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes what would break a Markdown table cell, and shows control
// characters escaped.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = safetext.Escape(s)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

// WriteText writes the table as aligned columns, two spaces apart, fitting width
// (≤ 0: no limit): the wrapping columns are narrowed, the widest first, down to
// the table's minimum wrap width. Each column is as wide as its widest line once
// wrapped; trailing spaces are trimmed.
func (t *Grid) WriteText(w io.Writer, width int) error {
	bw := bufio.NewWriter(w)
	for _, l := range t.textLines(width) {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// textLines returns the lines WriteText writes, without their line breaks.
func (t *Grid) textLines(width int) []string {
	header := make([]string, len(t.header))
	for i, h := range t.header {
		header[i] = strings.ToUpper(h)
	}
	limits := t.limits(header, width)
	blocks := make([][][]string, 0, len(t.rows)+1) // row → column → lines
	blocks = append(blocks, t.cellBlock(header, limits))
	for _, r := range t.rows {
		blocks = append(blocks, t.cellBlock(r, limits))
	}
	cols := make([]int, len(t.header))
	if t.fill {
		copy(cols, limits)
	}
	for _, b := range blocks {
		for i, lines := range b {
			for _, l := range lines {
				cols[i] = max(cols[i], runes(l))
			}
		}
	}
	var out []string
	for _, b := range blocks {
		out = append(out, alignBlock(b, cols)...)
	}
	return out
}

// cellLines returns the lines of one cell of column i as the text shows them: a
// list column's entries one a line, any other cell one line; each made safe for a
// terminal.
func (t *Grid) cellLines(i int, s string) []string {
	if !slices.Contains(t.list, i) {
		return []string{cell(s, 0)}
	}
	parts := strings.Split(s, "\n")
	for k, p := range parts {
		parts[k] = cell(p, 0)
	}
	return parts
}

// naturalWidths returns the width of each column unwrapped: its widest line, the
// header's included.
func (t *Grid) naturalWidths(header []string) []int {
	w := make([]int, len(header))
	for i, h := range header {
		w[i] = runes(cell(h, 0))
	}
	for _, r := range t.rows {
		for i, c := range r {
			for _, l := range t.cellLines(i, c) {
				w[i] = max(w[i], runes(l))
			}
		}
	}
	return w
}

// limits returns the widest each column's lines may be: its natural width, with
// the wrapping columns capped at one level, the highest at which the table fits
// width (≤ 0: no limit). A column narrower than the level keeps its width; none is
// capped below the minimum wrap width.
func (t *Grid) limits(header []string, width int) []int {
	w := t.naturalWidths(header)
	if width <= 0 || len(t.wrap) == 0 {
		return w
	}
	capped := func(i, level int) int {
		if slices.Contains(t.wrap, i) {
			return min(w[i], max(level, t.minWrap))
		}
		return w[i]
	}
	total := func(level int) int {
		sum := tablePad * (len(w) - 1)
		for i := range w {
			sum += capped(i, level)
		}
		return sum
	}
	lo, hi := 0, 0
	for _, i := range t.wrap {
		hi = max(hi, w[i])
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if total(mid) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := make([]int, len(w))
	for i := range w {
		out[i] = capped(i, lo)
	}
	return out
}

// cellBlock returns the lines of each cell of one row, wrapped to the limits.
func (t *Grid) cellBlock(row []string, limits []int) [][]string {
	block := make([][]string, len(t.header))
	for i := range t.header {
		var c string
		if i < len(row) {
			c = row[i]
		}
		for _, l := range t.cellLines(i, c) {
			if !slices.Contains(t.wrap, i) {
				block[i] = append(block[i], l)
				continue
			}
			block[i] = append(block[i], t.wrapEntry(i, l, limits[i])...)
		}
	}
	return block
}

// wrapEntry wraps one line of a cell of wrapping column i to width; in a list
// column an entry's later lines are indented by two spaces, so a reader tells a
// wrapped entry from the next one.
func (t *Grid) wrapEntry(i int, l string, width int) []string {
	ls := wrapWords(l, width)
	if len(ls) <= 1 || width <= t.minWrap || !slices.Contains(t.list, i) {
		return ls
	}
	ls = append(ls[:1], wrapWords(strings.Join(ls[1:], " "), width-2)...)
	for k := 1; k < len(ls); k++ {
		ls[k] = "  " + ls[k]
	}
	return ls
}

// alignBlock lays the cells' lines of one row side by side, each column padded to
// its width and two spaces apart, trailing spaces trimmed.
func alignBlock(block [][]string, cols []int) []string {
	height := 1
	for _, lines := range block {
		height = max(height, len(lines))
	}
	out := make([]string, height)
	for l := range height {
		var b strings.Builder
		for i, lines := range block {
			s := ""
			if l < len(lines) {
				s = lines[l]
			}
			b.WriteString(s)
			if i < len(block)-1 {
				b.WriteString(strings.Repeat(" ", cols[i]-runes(s)+tablePad))
			}
		}
		out[l] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// para writes text wrapped to width (≤ 0: one line), the first line after first and
// the others after rest.
func (t *tableWriter) para(width int, first, rest, text string) {
	text = cell(text, 0)
	if width <= 0 {
		t.f("%s%s\n", first, text)
		return
	}
	prefix, line := first, ""
	limit := func() int { return max(width-runes(prefix), DefaultMinWrap) }
	for _, wd := range strings.Fields(text) {
		if line != "" && runes(line)+1+runes(wd) > limit() {
			t.f("%s%s\n", prefix, line)
			prefix, line = rest, ""
		}
		if line == "" {
			line = wd
		} else {
			line += " " + wd
		}
	}
	t.f("%s%s\n", prefix, line)
}

// writeTable writes tb in t as text fitting width.
func (t *tableWriter) writeTable(tb *Grid, width int) {
	for _, l := range tb.textLines(width) {
		t.f("%s\n", l)
	}
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// WrapText breaks s into lines of at most width runes at spaces (runs of white
// space become one space), breaking a word only when it alone is longer than
// width. Text without words is one empty line; width ≤ 0 leaves the words on one
// line.
func WrapText(s string, width int) []string { return wrapWords(s, width) }

// wrapWords is [WrapText].
func wrapWords(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	if width <= 0 {
		return []string{strings.Join(words, " ")}
	}
	var lines []string
	cur := ""
	for _, wd := range words {
		if rs := []rune(wd); len(rs) > width {
			// A word longer than the width is cut into pieces of the width (its runes
			// read once: a long word costs its length, not its square).
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			for len(rs) > width {
				lines = append(lines, string(rs[:width]))
				rs = rs[width:]
			}
			wd = string(rs)
		}
		switch {
		case cur == "":
			cur = wd
		case runes(cur)+1+runes(wd) <= width:
			cur += " " + wd
		default:
			lines = append(lines, cur)
			cur = wd
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// filled sets fill (see [Grid]) and returns t.
func (t *Grid) filled() *Grid {
	t.fill = true
	return t
}
