// Package csvsafe is the project's one rule against CSV (formula) injection: a cell
// that a spreadsheet would read as a formula or a command is written with an
// apostrophe in front, and the project's CSV readers take that apostrophe off again.
//
// # The rule
//
// Every CSV file controlgraph writes — reports (gap, SoA, the CLI's tables) and data
// files (frameworks, mapping sets, assessments) alike — passes each cell through
// [Escape]: a cell that starts with '=', '+', '-', '@', a tab or a carriage return
// (OWASP's list of characters a spreadsheet may start a formula with), or with an
// apostrophe, gets one apostrophe in front. A spreadsheet then shows the cell as text
// ("'=1+1" is the text "=1+1" to Excel, which hides the apostrophe when it is typed
// and shows it when it comes from a file), and never evaluates it.
//
// Every CSV reader of the project passes each cell, after trimming, through
// [Unescape], which takes off exactly one apostrophe when the next character is one of
// the same characters. So the data files still round-trip without loss: a mapping
// note "-see above" is written as "'-see above" and read back as "-see above", and a
// value that itself starts with an apostrophe ("'quoted'") gets a second one so that
// it too comes back as written. A hand-made file with "'=x" reads as "=x", as Excel
// means it.
package csvsafe

import (
	"encoding/csv"
	"io"
)

// needs reports whether a cell starting with byte c gets an apostrophe.
func needs(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return true
	}
	return false
}

// Escape returns s as it is written into a CSV cell: with an apostrophe in front
// when s starts with '=', '+', '-', '@', a tab, a carriage return or an apostrophe;
// otherwise s itself.
func Escape(s string) string {
	if s != "" && needs(s[0]) {
		return "'" + s
	}
	return s
}

// Unescape undoes [Escape]: it removes one leading apostrophe when the character
// after it is one [Escape] puts an apostrophe before. Unescape(Escape(s)) == s for
// every s.
func Unescape(s string) string {
	if len(s) >= 2 && s[0] == '\'' && needs(s[1]) {
		return s[1:]
	}
	return s
}

// EscapeAll returns the record with every cell escaped, in a new slice.
func EscapeAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = Escape(s)
	}
	return out
}

// Writer is a csv.Writer that escapes every cell it writes.
type Writer struct{ *csv.Writer }

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{csv.NewWriter(w)} }

// Write writes one record, every cell escaped.
func (w *Writer) Write(rec []string) error { return w.Writer.Write(EscapeAll(rec)) }

// WriteAll writes the records, every cell escaped, and flushes.
func (w *Writer) WriteAll(recs [][]string) error {
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
