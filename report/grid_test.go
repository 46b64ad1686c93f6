package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func gridText(t *testing.T, g *Grid, width int) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, g.WriteText(&b, width))
	return b.String()
}

func TestWrapText(t *testing.T) {
	assert.Equal(t, []string{"Assessment and", "decision on", "information", "security events"}, WrapText("Assessment and decision on information security events", 15))
	assert.Equal(t, []string{"abcdef", "ghij k"}, WrapText("abcdefghij k", 6), "a word longer than the width is broken")
	assert.Equal(t, []string{""}, WrapText("  ", 10), "no words: one empty line")
	assert.Equal(t, []string{"Logging"}, WrapText("Logging", 30))
	assert.Equal(t, []string{"a b c"}, WrapText(" a  b\tc ", 0), "no width: one line, spaces collapsed")
	assert.Equal(t, []string{"ÄÖÜ", "äöü"}, WrapText("ÄÖÜäöü", 3), "widths count runes, not bytes")
}

func TestGridTextFitsWidth(t *testing.T) {
	g := NewGrid("id", "title", "kind").Wrap(1)
	g.Add("5.25", "Assessment and decision on information security events", "control")
	g.Add("8.15", "Logging", "control")
	// 40 columns: id 4, kind 7 and two pads of 2 leave 25 for the title; its
	// widest wrapped line is 23, and the column is as wide as that.
	assert.Equal(t, ""+
		"ID    TITLE                    KIND\n"+
		"5.25  Assessment and decision  control\n"+
		"      on information security\n"+
		"      events\n"+
		"8.15  Logging                  control\n", gridText(t, g, 40))
	// No limit, or a wide terminal: one line a row.
	want := "" +
		"ID    TITLE                                                   KIND\n" +
		"5.25  Assessment and decision on information security events  control\n" +
		"8.15  Logging                                                 control\n"
	assert.Equal(t, want, gridText(t, g, 0))
	assert.Equal(t, want, gridText(t, g, 200))
}

func TestGridMinWrap(t *testing.T) {
	g := NewGrid("id", "title").Wrap(1).MinWrap(12)
	g.Add("1", "one two three four five six")
	// 5 columns leave nothing for the title: it wraps at the minimum, 12.
	assert.Equal(t, "ID  TITLE\n1   one two\n    three four\n    five six\n", gridText(t, g, 5))
	assert.Equal(t, 1, NewGrid("a").MinWrap(-3).minWrap, "the minimum is at least 1")
}

func TestGridSharesWidthAmongWrappingColumns(t *testing.T) {
	g := NewGrid("a", "b", "c").Wrap(0, 1)
	g.Add("short", strings.Repeat("word ", 12), "x")
	// 30 columns: c takes 1 and two pads of 2 → 25 for a and b; a needs only 5,
	// b gets the remaining 20 and its widest line is 19.
	got := gridText(t, g, 30)
	for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		assert.LessOrEqual(t, runes(l), 30, l)
	}
	assert.Equal(t, "A      B                    C\n"+
		"short  word word word word  x\n", strings.Join(strings.SplitAfter(got, "\n")[:2], ""))
}

func TestGridListColumn(t *testing.T) {
	g := NewGrid("id", "reached by").List(1)
	g.Add("X", "8.16 Monitoring activities of networks\n5.1 Policies")
	// An entry starts a line; its continuation is indented by two.
	assert.Equal(t, ""+
		"ID  REACHED BY\n"+
		"X   8.16 Monitoring\n"+
		"      activities of\n"+
		"      networks\n"+
		"    5.1 Policies\n", gridText(t, g, 20))
}

func TestGridFill(t *testing.T) {
	g := NewGrid("a", "b", "c").Wrap(1).filled()
	g.Add("1", "aaaa bbbb cccc", "z")
	// 12 - 1 - 1 - 2*2 leaves 6, below the minimum 10: the lines are 9 wide, the
	// filled column 10.
	assert.Equal(t, "A  B           C\n1  aaaa bbbb   z\n   cccc\n", gridText(t, g, 12))
	g.fill = false
	assert.Equal(t, "A  B          C\n1  aaaa bbbb  z\n   cccc\n", gridText(t, g, 12))
}

func TestGridTextIsSafeForATerminal(t *testing.T) {
	g := NewGrid("id", "title")
	g.Add("E\x1b[2J", "line\nbreak\ttab \u202e")
	got := gridText(t, g, 0)
	assert.NotContains(t, got, "\x1b")
	assert.NotContains(t, got, "\u202e")
	assert.Equal(t, "ID        TITLE\nE\\x1b[2J  line break tab \\u202e\n", got)
}

func TestGridRowsArePadded(t *testing.T) {
	g := NewGrid("a", "b", "c")
	g.Add("1")
	g.Add("1", "2", "3", "4 ignored")
	assert.Equal(t, 2, g.Len())
	assert.Equal(t, "A  B  C\n1\n1  2  3\n", gridText(t, g, 0))
	var b bytes.Buffer
	require.NoError(t, g.WriteCSV(&b))
	assert.Equal(t, "a,b,c\n1,,\n1,2,3\n", b.String())
}

func TestGridCSVEscapesFormulas(t *testing.T) {
	g := NewGrid("id", "note")
	g.Add("=1+1", "@SUM(A1)")
	var b bytes.Buffer
	require.NoError(t, g.WriteCSV(&b))
	assert.Equal(t, "id,note\n'=1+1,'@SUM(A1)\n", b.String())
}

func TestGridMarkdownEscapes(t *testing.T) {
	g := NewGrid("a", "b")
	g.Add(`x|y\`, "line\nbreak \x1b")
	var b bytes.Buffer
	require.NoError(t, g.WriteMarkdown(&b))
	assert.Equal(t, "| a | b |\n| --- | --- |\n| x\\|y\\\\ | line break \\x1b |\n", b.String())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestGridWriteErrors(t *testing.T) {
	g := NewGrid("a")
	g.Add("1")
	assert.EqualError(t, g.WriteText(failWriter{}, 0), "disk full")
	assert.EqualError(t, g.WriteMarkdown(failWriter{}), "disk full")
	assert.Error(t, g.WriteCSV(failWriter{}))
}

func TestGridHeaderIsCopied(t *testing.T) {
	h := []string{"a", "b"}
	g := NewGrid(h...)
	h[0] = "changed"
	assert.Equal(t, "A  B\n", gridText(t, g, 0))
}

func TestWrapTextLongWordIsLinear(t *testing.T) {
	// A 200 000-rune word at width 1 is 200 000 lines, each one rune; cut once per
	// piece, not by copying the rest of the word each time.
	word := strings.Repeat("é", 200_000)
	lines := WrapText(word, 1)
	require.Len(t, lines, 200_000)
	assert.Equal(t, "é", lines[0])
	assert.Equal(t, "é", lines[len(lines)-1])
	lines = WrapText("ab "+strings.Repeat("x", 25)+" cd", 10)
	assert.Equal(t, []string{"ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx cd"}, lines)
}
