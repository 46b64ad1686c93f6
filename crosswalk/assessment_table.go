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
	"control":       {"control", "control id", "id", "ref", "reference", "control ref", "annex a", "annex a control", "annex a ref"},
	"status":        {"status", "implementation status", "implementation", "implemented"},
	"justification": {"justification", "justification for inclusion", "justification for exclusion", "justification for inclusion/exclusion", "reason", "rationale"},
	"owner":         {"owner", "control owner", "responsible"},
	"evidence":      {"evidence"},
	"notes":         {"notes", "note", "comments", "comment", "remarks"},
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
// than io.EOF ends the reading; an *AssessmentError is reported as it is.
type tableSource interface {
	next() (tableRow, error)
}

// readTable reads the rows of an assessment from src: it finds the header row, maps
// its columns and returns one row per data row. Problems go to p; in (the format,
// encoding, ... already set) gets the header line and the columns. strictWidth says
// that a non-empty cell to the right of the header is an error (CSV, where it is
// likely a comma that should have been quoted) rather than ignored (XLSX).
func readTable(name string, src tableSource, in *Input, p *problemList, strictWidth bool) []row {
	where := func(line int, field, value string, err error) *AssessmentError {
		return &AssessmentError{File: name, Sheet: in.Sheet, Line: line, Field: field, Value: value, Err: err}
	}
	next := func() (tableRow, bool) {
		for {
			tr, err := src.next()
			if err == io.EOF {
				return tr, false
			}
			if err != nil {
				var ae *AssessmentError
				if errors.As(err, &ae) {
					p.add(ae)
				} else {
					p.add(where(tr.line, "", "", err))
				}
				return tr, false
			}
			for i, c := range tr.cells {
				if n := utf8.RuneCountInString(c); n > MaxFieldChars {
					p.add(where(tr.line, fmt.Sprintf("column %d", i+1), c,
						fmt.Errorf("%w: %d characters in one field, the limit is %d", ErrTooLarge, n, MaxFieldChars)))
					return tr, false
				}
			}
			if !csvdialect.Blank(tr.cells) {
				return tr, true
			}
		}
	}
	// The header: the first row with a control column.
	var header tableRow
	found := false
	for i := 0; i < maxHeaderSearch; i++ {
		tr, ok := next()
		if !ok {
			if len(p.list) > 0 {
				return nil
			}
			break
		}
		if i == 0 {
			header = tr
		}
		if slices.ContainsFunc(tr.cells, func(c string) bool { return fieldOf(c) == "control" }) {
			header, found = tr, true
			break
		}
	}
	if !found {
		if header.line == 0 {
			what := "file"
			if in.Sheet != "" {
				what = "sheet"
			}
			p.add(where(1, "", "", fmt.Errorf("%w: empty %s, want a header row with the columns control and status", ErrMissingColumn, what)))
		} else {
			p.add(where(header.line, "control", "", fmt.Errorf("%w: no header row with a control column (named %s) in the first %d rows; the first row is %s",
				ErrMissingColumn, orList(columnNames["control"]), maxHeaderSearch, quoteCells(header.cells))))
		}
		return nil
	}
	in.HeaderLine = header.line
	col := map[string]int{}
	for i, h := range header.cells {
		f := fieldOf(h)
		switch {
		case strings.TrimSpace(h) == "":
		case f == "":
			in.Ignored = append(in.Ignored, strings.TrimSpace(h))
		case col[f] != 0 && (f == "control" || f == "status"):
			first := header.cells[col[f]-1]
			p.add(where(header.line, "header", h, fmt.Errorf("%w: columns %s and %s both name the %s", ErrDuplicate, safetext.Quote(first), safetext.Quote(h), f)))
		case col[f] != 0:
			in.Ignored = append(in.Ignored, strings.TrimSpace(h))
		default:
			col[f] = i + 1
			in.Columns = append(in.Columns, Column{Header: strings.TrimSpace(h), Field: f, Index: i})
		}
	}
	if col["status"] == 0 {
		p.add(where(header.line, "status", "", fmt.Errorf("%w: want a column named %s; the header row is %s",
			ErrMissingColumn, orList(columnNames["status"]), quoteCells(header.cells))))
	}
	if len(p.list) > 0 {
		return nil
	}
	if len(in.Ignored) > 0 {
		q := make([]string, len(in.Ignored))
		for i, h := range in.Ignored {
			q[i] = safetext.Quote(h)
		}
		p.warn(where(header.line, "header", "", fmt.Errorf("%w, ignored: %s (the columns read are %s)",
			ErrUnknownColumn, strings.Join(q, ", "), strings.Join(fieldsOf(in.Columns), ", "))))
	}
	cell := func(rec []string, k string) string {
		if i := col[k]; i > 0 && i <= len(rec) {
			// the apostrophe WriteCSV puts before a formula-like cell comes off
			return csvsafe.Unescape(strings.TrimSpace(rec[i-1]))
		}
		return ""
	}
	var rows []row
	var wide, cont []int
	for {
		tr, ok := next()
		if !ok {
			break
		}
		// A value merged down several rows applies to each; a control merged down
		// makes the rows below it continuations of its row, which are not read.
		cells, continued := tr.filled(col["control"] - 1)
		if continued {
			if !csvdialect.Blank(tr.cells) {
				cont = append(cont, tr.line)
			}
			continue
		}
		tr.cells = cells
		if extra := tr.cells[min(len(tr.cells), len(header.cells)):]; !csvdialect.Blank(extra) {
			if strictWidth {
				p.add(where(tr.line, "row", strings.Join(extra, string(in.Delimiter)),
					fmt.Errorf("%w: %d fields, the header has %d (quote a field that holds the separator)", ErrMalformed, len(tr.cells), len(header.cells))))
				continue
			}
			wide = append(wide, tr.line)
		}
		if len(rows) == MaxAssessmentRows {
			p.add(where(tr.line, "", "", fmt.Errorf("%w: more than %d rows, the limit for an assessment (one row per control)", ErrTooLarge, MaxAssessmentRows)))
			return nil
		}
		if tr.merged && cell(tr.cells, "status") == "" {
			continue // a heading merged across the columns
		}
		rows = append(rows, row{
			Entry: Entry{
				Justification: cell(tr.cells, "justification"),
				Owner:         cell(tr.cells, "owner"),
				Evidence:      cell(tr.cells, "evidence"),
				Notes:         cell(tr.cells, "notes"),
				Line:          tr.line,
			},
			control: cell(tr.cells, "control"),
			status:  cell(tr.cells, "status"),
			table:   true,
		})
	}
	if len(cont) > 0 {
		rs := make([]row, len(cont))
		for i, l := range cont {
			rs[i].Line = l
		}
		p.warn(where(cont[0], "", "", fmt.Errorf("%sa row below a control cell merged over several rows; its cells are not read (unmerge the control cells to read them)", rowsPrefix(rs, in.Sheet != ""))))
	}
	if len(wide) > 0 {
		rs := make([]row, len(wide))
		for i, l := range wide {
			rs[i].Line = l
		}
		p.warn(where(wide[0], "", "", fmt.Errorf("%scells to the right of the header's last column; ignored", rowsPrefix(rs, in.Sheet != ""))))
	}
	return rows
}

func fieldsOf(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Field
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
