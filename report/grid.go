package report

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// grid is an aligned text table whose long cells wrap to fit a width: nothing is cut.
// A cell may hold several lines (a list, one entry a line); the columns in wrap
// break their lines at spaces when the table would be wider than the width.
type grid struct {
	header []string
	rows   [][]string
	wrap   []int // columns that may wrap
	list   []int // columns holding a list, one entry a line: a wrapped entry's lines are indented
}

// gridPad is the space between columns; minWrapWidth the narrowest a wrapping
// column gets, however narrow the terminal.
const (
	gridPad      = 2
	minWrapWidth = 10
)

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// para writes text wrapped to width (≤ 0: one line), the first line after first and
// the others after rest.
func (t *tableWriter) para(width int, first, rest, text string) {
	text = cell(text, 0)
	if width <= 0 {
		t.f("%s%s\n", first, text)
		return
	}
	prefix, line := first, ""
	limit := func() int { return max(width-runes(prefix), minWrapWidth) }
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

// lines splits a cell into its lines, control characters other than the newline
// made spaces.
func cellLines(s string) []string {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = cell(p, 0)
	}
	return parts
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// widths returns the width of each column: its widest line, with the wrapping
// columns narrowed, the widest first, until the table fits width (≤ 0: no limit).
func (g *grid) widths(width int) []int {
	n := len(g.header)
	w := make([]int, n)
	for i, h := range g.header {
		w[i] = runes(h)
	}
	for _, r := range g.rows {
		for i := 0; i < n && i < len(r); i++ {
			for _, l := range cellLines(r[i]) {
				w[i] = max(w[i], runes(l))
			}
		}
	}
	if width <= 0 || len(g.wrap) == 0 {
		return w
	}
	// The wrapping columns are capped at one level, the highest at which the table
	// fits; a column narrower than the level keeps its width, none gets narrower
	// than its floor.
	floor := func(int) int { return minWrapWidth } // headers wrap too
	total := func(level int) int {
		t := gridPad * (n - 1)
		for i, x := range w {
			if slices.Contains(g.wrap, i) {
				x = min(x, max(level, floor(i)))
			}
			t += x
		}
		return t
	}
	lo, hi := 0, 0
	for _, i := range g.wrap {
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
	for _, i := range g.wrap {
		w[i] = min(w[i], max(lo, floor(i)))
	}
	return w
}

// write writes the grid in t, fitting width.
func (g *grid) write(t *tableWriter, width int) {
	w := g.widths(width)
	row := func(cells []string) {
		cols := make([][]string, len(g.header))
		height := 1
		for i := range g.header {
			var c string
			if i < len(cells) {
				c = cells[i]
			}
			for _, l := range cellLines(c) {
				if slices.Contains(g.wrap, i) {
					// a hanging indent tells a wrapped line from the next entry
					ls := wrapWords(l, w[i])
					if len(ls) > 1 && w[i] > minWrapWidth && slices.Contains(g.list, i) {
						ls = append(ls[:1], wrapWords(strings.Join(ls[1:], " "), w[i]-2)...)
						for k := 1; k < len(ls); k++ {
							ls[k] = "  " + ls[k]
						}
					}
					cols[i] = append(cols[i], ls...)
				} else {
					cols[i] = append(cols[i], l)
				}
			}
			height = max(height, len(cols[i]))
		}
		for l := 0; l < height; l++ {
			var b strings.Builder
			for i := range cols {
				s := ""
				if l < len(cols[i]) {
					s = cols[i][l]
				}
				b.WriteString(s)
				if i < len(cols)-1 {
					b.WriteString(strings.Repeat(" ", w[i]-runes(s)+gridPad))
				}
			}
			t.f("%s\n", strings.TrimRight(b.String(), " "))
		}
	}
	row(g.header)
	for _, r := range g.rows {
		row(r)
	}
}

// wrapWords breaks s into lines of at most width runes at spaces, breaking a word
// only when it alone is longer than width.
func wrapWords(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 || width <= 0 {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, wd := range words {
		for runes(wd) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(wd)
			lines = append(lines, string(r[:width]))
			wd = string(r[width:])
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
