package crosswalk

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Input says how an assessment file was read; see [Assessment.Input].
type Input struct {
	Format     string   // "csv", "xlsx" or "json"
	Encoding   string   // CSV: "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", ...
	Delimiter  rune     // CSV: ',', ';' or '\t'
	Sheet      string   // XLSX: the sheet read
	HeaderLine int      // CSV: the line of the header row; XLSX: its row number
	Columns    []Column // the columns read, in file order
	Ignored    []string // the headers of the columns ignored, in file order
}

// Column is a column of a spreadsheet read as a field of an assessment.
type Column struct {
	Header string // as written in the header row
	Field  string // "control", "status", "justification", "owner", "evidence" or "notes"
	Index  int    // 0-based position in the row
}

func (in Input) clone() Input {
	in.Columns = slices.Clone(in.Columns)
	in.Ignored = slices.Clone(in.Ignored)
	return in
}

// String describes the input in one line, as "validate" shows it: `CSV (';'-separated,
// UTF-8 with BOM), header on line 3: "Control ID" → control, "Status" → status;
// ignored: "Title"`.
func (in Input) String() string {
	var b strings.Builder
	switch in.Format {
	case "":
		return ""
	case "csv":
		d := map[rune]string{',': "comma", ';': "semicolon", '\t': "tab"}[in.Delimiter]
		fmt.Fprintf(&b, "CSV (%s-separated, %s), header on line %d", d, in.Encoding, in.HeaderLine)
	case "xlsx":
		fmt.Fprintf(&b, "XLSX sheet %q, header on row %d", in.Sheet, in.HeaderLine)
	default:
		return strings.ToUpper(in.Format)
	}
	if len(in.Columns) > 0 {
		b.WriteString(": ")
		for i, c := range in.Columns {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s → %s", safetext.Quote(c.Header), c.Field)
		}
	}
	if len(in.Ignored) > 0 {
		b.WriteString("; ignored: ")
		for i, h := range in.Ignored {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(safetext.Quote(h))
		}
	}
	return b.String()
}

// The fields of an assessment row, in the order WriteCSV writes them.
var csvColumns = []string{"control", "status", "justification", "owner", "evidence", "notes"}

// columnNames are the header names read as each field, compared by [csvdialect.Key] (case,
// spaces and punctuation do not matter: "Control ID", "control_id" and "CONTROL-ID"
// are one name). README's "Assessment files" lists them; keep the two in step.
var columnNames = map[string][]string{
	"control": {"control", "control id", "id", "ref", "reference", "control ref", "annex a", "annex a control", "annex a ref"},
	"status":  {"status", "implementation status", "implementation", "implemented"},
	"justification": {"justification", "justification for inclusion", "justification for exclusion", "justification for inclusion/exclusion", "reason", "rationale",
		"inclusion reason", "exclusion justification", "reason for inclusion", "reason for exclusion"},
	"owner":      {"owner", "control owner", "responsible"},
	"applicable": {"applicable", "applicability"},
	"evidence":   {"evidence"},
	"notes":      {"notes", "note", "comments", "comment", "remarks"},
}

var fieldByHeader = func() map[string]string {
	m := map[string]string{}
	for f, names := range columnNames {
		for _, n := range names {
			m[csvdialect.Key(n)] = f
		}
	}
	return m
}()

// AssessmentColumn returns the field of an assessment row a spreadsheet's header
// cell names — "control", "status", "justification", "owner", "evidence",
// "notes" or "applicable" — as the assessment readers read it ("Control ID" and
// "Annex A" are the control, "Implementation status" the status; case, spaces and
// punctuation do not matter), "" for a header they ignore.
func AssessmentColumn(header string) string { return fieldOf(header) }

// fieldOf returns the field a header cell names, "" for none.
func fieldOf(h string) string {
	if len(h) > 100 {
		return ""
	}
	return fieldByHeader[csvdialect.Key(h)]
}

// maxHeaderSearch is how many non-blank rows a reader looks through for the header row
// (the row with a control column), past a title block.
const maxHeaderSearch = 50

// tableRow is one row of a spreadsheet.
type tableRow struct {
	cells  []string
	line   int    // CSV line, XLSX row number
	merged bool   // XLSX: a cell of the row is merged across columns
	fills  []fill // XLSX: the values of cells merged down from a row above
}

// filled returns the cells of tr with the values merged down into them, and whether
// the cell of column col is one of them.
func (tr tableRow) filled(col int) ([]string, bool) {
	if len(tr.fills) == 0 {
		return tr.cells, false
	}
	cells := slices.Clone(tr.cells)
	covered := false
	for _, f := range tr.fills {
		for len(cells) <= f.col {
			cells = append(cells, "")
		}
		if cells[f.col] == "" {
			cells[f.col] = f.value
		}
		covered = covered || f.col == col
	}
	return cells, covered
}

// tableSource yields the rows of a spreadsheet, io.EOF after the last. An error other
// than io.EOF ends the reading; an *catalog.DataError is reported as it is.
type tableSource interface {
	next() (tableRow, error)
}

// readTable reads the rows of an assessment from src: it finds the header row, maps
// its columns and returns one row per data row. Problems go to p; in (the format,
// encoding, ... already set) gets the header line and the columns. strictWidth says
// that a non-empty cell to the right of the header is an error (CSV, where it is
// likely a comma that should have been quoted) rather than ignored (XLSX).
func readTable(name string, src tableSource, in *Input, p *problemList, strictWidth bool) []row {
	t := &tableReader{name: name, src: src, in: in, p: p, strictWidth: strictWidth, col: map[string]int{}, alt: map[string]int{}}
	if !t.findHeader() {
		return nil
	}
	t.mapColumns()
	if len(p.list) > 0 {
		return nil
	}
	t.warnIgnored()
	return t.readRows()
}

// tableReader reads the rows of one spreadsheet, as [readTable] does.
type tableReader struct {
	name        string
	src         tableSource
	in          *Input
	p           *problemList
	strictWidth bool
	header      tableRow
	col         map[string]int // field → 1-based column; 0: none
	// alt is a second column of the control or the justification (→ 1-based
	// column): the control's is checked against the first (a statement of
	// applicability has "control" and "annex_a"); the justification's is joined to
	// the first (its "inclusion_reason" and "exclusion_justification", one of which a
	// row fills).
	alt map[string]int
}

// where is the error at line (a CSV line, an XLSX row) of the file.
func (t *tableReader) where(line int, field, value string, err error) *catalog.DataError {
	return &catalog.DataError{File: t.name, Sheet: t.in.Sheet, Line: line, Field: field, Value: value, Err: err}
}

// next returns the next non-blank row; false at the end or after a problem (a row
// that cannot be read, a field past [MaxFieldChars]), which goes to p.
func (t *tableReader) next() (tableRow, bool) {
	for {
		tr, err := t.src.next()
		if err == io.EOF {
			return tr, false
		}
		if err != nil {
			var ae *catalog.DataError
			if errors.As(err, &ae) {
				t.p.add(ae)
			} else {
				t.p.add(t.where(tr.line, "", "", err))
			}
			return tr, false
		}
		for i, c := range tr.cells {
			if n := utf8.RuneCountInString(c); n > MaxFieldChars {
				t.p.add(t.where(tr.line, fmt.Sprintf("column %d", i+1), c,
					fmt.Errorf("%w: %d characters in one field, the limit is %d", ErrTooLarge, n, MaxFieldChars)))
				return tr, false
			}
		}
		if !csvdialect.Blank(tr.cells) {
			return tr, true
		}
	}
}

// findHeader finds the header, the first row with a control column within
// [maxHeaderSearch] non-blank rows, and reports whether it did; when it did not, a
// problem says what the first row was.
func (t *tableReader) findHeader() bool {
	var first tableRow
	for i := 0; i < maxHeaderSearch; i++ {
		tr, ok := t.next()
		if !ok {
			if len(t.p.list) > 0 {
				return false
			}
			break
		}
		if i == 0 {
			first = tr
		}
		if slices.ContainsFunc(tr.cells, func(c string) bool { return fieldOf(c) == "control" }) {
			t.header = tr
			t.in.HeaderLine = tr.line
			return true
		}
	}
	if first.line == 0 {
		what := "file"
		if t.in.Sheet != "" {
			what = "sheet"
		}
		t.p.add(t.where(1, "", "", fmt.Errorf("%w: empty %s, want a header row with the columns control and status", ErrMissingColumn, what)))
	} else {
		t.p.add(t.where(first.line, "control", "", fmt.Errorf("%w: no header row with a control column (named %s) in the first %d rows; the first row is %s",
			ErrMissingColumn, orList(columnNames["control"]), maxHeaderSearch, quoteCells(first.cells))))
	}
	return false
}

// mapColumns maps the header's columns to fields: the first column of each field
// is read, a second one ignored, except a second control column (checked against the
// first) and a second justification column (joined to the first), and a second
// status column, an error; a column of no field is ignored. A missing status column
// is a problem.
func (t *tableReader) mapColumns() {
	in, header := t.in, t.header
	for i, h := range header.cells {
		f := fieldOf(h)
		switch {
		case strings.TrimSpace(h) == "":
		case f == "":
			in.Ignored = append(in.Ignored, strings.TrimSpace(h))
		case t.col[f] != 0 && f == "status":
			first := header.cells[t.col[f]-1]
			t.p.add(t.where(header.line, "header", h, fmt.Errorf("%w: columns %s and %s both name the %s; keep one", ErrMalformed, safetext.Quote(first), safetext.Quote(h), f)))
		case t.col[f] != 0 && t.alt[f] == 0 && (f == "control" || f == "justification"):
			t.alt[f] = i + 1
			in.Columns = append(in.Columns, Column{Header: strings.TrimSpace(h), Field: f, Index: i})
		case t.col[f] != 0:
			in.Ignored = append(in.Ignored, strings.TrimSpace(h))
		default:
			t.col[f] = i + 1
			in.Columns = append(in.Columns, Column{Header: strings.TrimSpace(h), Field: f, Index: i})
		}
	}
	if t.col["status"] == 0 {
		t.p.add(t.where(header.line, "status", "", fmt.Errorf("%w: want a column named %s; the header row is %s",
			ErrMissingColumn, orList(columnNames["status"]), quoteCells(header.cells))))
	}
}

// warnIgnored warns, once, of the columns ignored.
func (t *tableReader) warnIgnored() {
	if len(t.in.Ignored) == 0 {
		return
	}
	q := make([]string, len(t.in.Ignored))
	for i, h := range t.in.Ignored {
		q[i] = safetext.Quote(h)
	}
	t.p.warn(t.where(t.header.line, "header", "", fmt.Errorf("%w, ignored: %s (the columns read are %s)",
		ErrUnknownColumn, strings.Join(q, ", "), strings.Join(fieldsOf(t.in.Columns), ", "))))
}

// cell returns the value of field k in rec, trimmed, "" when there is none; the
// justification of a file with two justification columns is both values, joined by
// "; " when both are given and differ.
func (t *tableReader) cell(rec []string, k string) string {
	v := cellAt(rec, t.col[k])
	if k != "justification" {
		return v
	}
	switch w := cellAt(rec, t.alt[k]); {
	case w == "" || w == v:
		return v
	case v == "":
		return w
	default:
		return v + "; " + w
	}
}

// cellAt returns the value of the 1-based column i of rec, trimmed, "" when there is
// none.
func cellAt(rec []string, i int) string {
	if i > 0 && i <= len(rec) {
		// the apostrophe WriteCSV puts before a formula-like cell comes off
		return csvsafe.Unescape(strings.TrimSpace(rec[i-1]))
	}
	return ""
}

// readRows reads the data rows below the header: nil when there are more than
// [MaxAssessmentRows]. Rows continuing a control merged down, and cells right of the
// header (in XLSX), are each warned about once.
func (t *tableReader) readRows() []row {
	var rows []row
	var wide, cont []int
	for {
		tr, ok := t.next()
		if !ok {
			break
		}
		// A value merged down several rows applies to each; a control merged down
		// makes the rows below it continuations of its row, which are not read.
		cells, continued := tr.filled(t.col["control"] - 1)
		if continued {
			if !csvdialect.Blank(tr.cells) {
				cont = append(cont, tr.line)
			}
			continue
		}
		tr.cells = cells
		if extra := tr.cells[min(len(tr.cells), len(t.header.cells)):]; !csvdialect.Blank(extra) {
			if t.strictWidth {
				t.p.add(t.where(tr.line, "row", strings.Join(extra, string(t.in.Delimiter)),
					fmt.Errorf("%w: %d fields, the header has %d (quote a field that holds the separator)", ErrMalformed, len(tr.cells), len(t.header.cells))))
				continue
			}
			wide = append(wide, tr.line)
		}
		if len(rows) == MaxAssessmentRows {
			t.p.add(t.where(tr.line, "", "", fmt.Errorf("%w: more than %d rows, the limit for an assessment (one row per control)", ErrTooLarge, MaxAssessmentRows)))
			return nil
		}
		if tr.merged && t.cell(tr.cells, "status") == "" {
			continue // a heading merged across the columns
		}
		rows = append(rows, t.rowOf(tr))
	}
	t.warnLines(cont, "a row below a control cell merged over several rows; its cells are not read (unmerge the control cells to read them)")
	t.warnLines(wide, "cells to the right of the header's last column; ignored")
	return rows
}

// rowOf reads the fields of a data row.
func (t *tableReader) rowOf(tr tableRow) row {
	return row{
		Entry: Entry{
			Justification: t.cell(tr.cells, "justification"),
			Owner:         t.cell(tr.cells, "owner"),
			Evidence:      t.cell(tr.cells, "evidence"),
			Notes:         t.cell(tr.cells, "notes"),
			Line:          tr.line,
		},
		control:      t.cell(tr.cells, "control"),
		controlCheck: cellAt(tr.cells, t.alt["control"]),
		status:       t.cell(tr.cells, "status"),
		applicable:   t.cell(tr.cells, "applicable"),
		table:        true,
	}
}

// warnLines warns, once, that what happened to the rows of lines.
func (t *tableReader) warnLines(lines []int, what string) {
	if len(lines) == 0 {
		return
	}
	rs := make([]row, len(lines))
	for i, l := range lines {
		rs[i].Line = l
	}
	t.p.warn(t.where(lines[0], "", "", fmt.Errorf("%s%s", rowsPrefix(rs, t.in.Sheet != ""), what)))
}

func fieldsOf(cols []Column) []string {
	out := make([]string, 0, len(cols))
	for _, c := range cols {
		if !slices.Contains(out, c.Field) { // a field read from two columns is named once
			out = append(out, c.Field)
		}
	}
	return out
}

// orList writes names as `"a", "b" or "c"`.
func orList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// quoteCells shows the first cells of a row, each capped.
func quoteCells(cells []string) string {
	const show = 8
	q := make([]string, 0, show)
	for i, c := range cells {
		if i == show {
			q = append(q, "...")
			break
		}
		q = append(q, safetext.Quote(strings.TrimSpace(c)))
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// tableAssessment reads src as an assessment of the baseline of cfg.
func tableAssessment(name string, src tableSource, cat *catalog.Catalog, fw catalog.FrameworkID, in *Input, p *problemList, strictWidth bool) (*Assessment, error) {
	rows := readTable(name, src, in, p, strictWidth)
	if len(p.list) > 0 {
		return nil, p.err()
	}
	return buildAssessment(cat, name, fw, rows, p, in)
}
