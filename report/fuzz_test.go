package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/controlgraph/controlgraph/crosswalk"
)

func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"html", "MD", " markdown ", "gv", "", "pdf", "x\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFormat(s)
		if err != nil {
			if got != "" {
				t.Fatalf("%q: format %q with error", s, got)
			}
			return
		}
		again, err := ParseFormat(string(got))
		if err != nil || again != got {
			t.Fatalf("%q → %q does not parse back (%v)", s, got, err)
		}
	})
}

// FuzzUserText renders a SoA whose free-text fields hold arbitrary text and checks
// that the text cannot break out: no tag in HTML, no extra cell or line in Markdown.
func FuzzUserText(f *testing.F) {
	for _, s := range []string{hostileNote, "a|b", "x\r\ny", "<img src=x onerror=alert(1)>", "]]>", "&lt;", "`|`\\|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		soa := &crosswalk.SoA{Standard: "iso27001:2022", Baseline: "iso27002:2022",
			Document: crosswalk.SoADocument{Organization: note, Scope: note, Version: note, Date: note, ApprovedBy: note},
			Controls: []crosswalk.SoAEntry{{Control: "5.1", AnnexA: "A.5.1", Title: note, Applicable: true,
				Justification: note, InclusionReason: note, Status: crosswalk.Implemented, Owner: note, Evidence: note, Notes: note}}}
		var h bytes.Buffer
		if err := SoAHTML(&h, soa, Options{}); err != nil {
			t.Fatal(err)
		}
		page := h.String()
		if strings.Count(page, "<script") != 1 || strings.Count(page, "<tr ") != 1 || strings.Count(page, "<td") != 10 ||
			strings.Count(page, "<dd") != 8 {
			t.Fatalf("note %q changed the page's structure", note)
		}
		var m bytes.Buffer
		if err := SoAMarkdown(&m, soa, Options{}); err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, line := range strings.Split(m.String(), "\n") {
			if strings.HasPrefix(line, "| A.5.1 |") {
				rows++
				if n := strings.Count(strings.ReplaceAll(line, `\\`, ""), "|") - strings.Count(strings.ReplaceAll(line, `\\`, ""), `\|`); n != 11 {
					t.Fatalf("note %q: row has %d separators: %s", note, n, line)
				}
			}
		}
		if rows != 1 {
			t.Fatalf("note %q: %d rows for one control", note, rows)
		}
	})
}

// FuzzGrid writes a table of arbitrary cells at an arbitrary width and checks the
// engine's promises: no control character reaches the text, nothing is cut (every
// character of every cell is there), the header comes first, and no cell breaks
// the Markdown table.
func FuzzGrid(f *testing.F) {
	f.Add("5.25", "Assessment and decision on information security events", "entry one\nentry two", 40)
	f.Add("x\x1b[2J", "a\tb\r\nc", "\u202e", 12)
	f.Add("", "", "", 0)
	f.Add("id", strings.Repeat("longword", 10), "a b c", 1)
	f.Fuzz(func(t *testing.T, a, b, c string, width int) {
		width %= 300
		g := NewGrid("id", "title", "list").Wrap(1).List(2).MinWrap(5)
		g.Add(a, b, c)
		g.Add("second", b, c)
		var out bytes.Buffer
		if err := g.WriteText(&out, width); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		checkNoControl(t, s)
		checkNothingCut(t, s, "IDTITLELIST", a, b, c, "second", b, c)
		if !strings.HasPrefix(s, "ID") {
			t.Fatalf("no header first:\n%s", s)
		}
		var csvOut, mdOut bytes.Buffer
		if err := g.WriteCSV(&csvOut); err != nil {
			t.Fatal(err)
		}
		if err := g.WriteMarkdown(&mdOut); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(mdOut.String(), "\n"); n != 4 {
			t.Fatalf("Markdown has %d lines, want 4 (a cell broke the table):\n%s", n, mdOut.String())
		}
	})
}

// checkNoControl fails when a control character (a line break aside) or a
// right-to-left override is in s.
func checkNoControl(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e') {
			t.Fatalf("control character %U in %q", r, s)
		}
	}
}

// checkNothingCut fails when a character of the cells (escaped, white space aside) is
// in s fewer times than the cells hold it.
func checkNothingCut(t *testing.T, s string, cells ...string) {
	t.Helper()
	want := map[rune]int{}
	for _, c := range cells {
		for _, r := range cell(strings.ReplaceAll(c, "\n", " "), 0) {
			if !unicode.IsSpace(r) { // white space is where lines break
				want[r]++
			}
		}
	}
	got := map[rune]int{}
	for _, r := range s {
		got[r]++
	}
	for r, n := range want {
		if got[r] < n {
			t.Fatalf("%q appears %d times, the cells hold it %d times:\n%s", r, got[r], n, s)
		}
	}
}
