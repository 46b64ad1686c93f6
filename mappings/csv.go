package mappings

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// CSV columns of [ReadCSV] and [WriteCSV], in the order WriteCSV writes them.
var csvColumns = []string{"from", "to", "relationship", "strength", "rationale", "source", "label", "note"}

// ReadCSV reads the edges of one mapping set from CSV and returns meta with those
// edges (meta's own edges and statements are replaced; a meta without Kind becomes a
// [Crosswalk]).
//
// The file is read as spreadsheets write it: UTF-8 with or without a byte-order
// mark, or UTF-16 (Excel's "Unicode Text"); fields separated by ',', ';' (Excel in
// much of Europe) or a tab, whichever reads the first row as a header with the most
// known columns; lines ending in LF or CRLF. Text in another encoding (Latin-1,
// Windows-1252) is refused with a problem saying how to save the file.
//
// The header row names the columns, in any order, their names compared without
// regard to case, spaces and punctuation ("From", "RELATIONSHIP"): "from", "to" and
// "relationship" are required; "strength" (an integer 0–10, or empty), "rationale"
// (syntactic, semantic, functional, or empty), "source" (the source document's ID;
// empty means meta.Source.ID), "label" and "note" are optional. Any other column is an
// error. Cells are read trimmed of surrounding white space. A ref is written
// "framework/id" ("iso27002:2022/5.1") or as a bare ID, which
// belongs to meta.From in the "from" column and to meta.To in the "to" column. Refs are
// taken as written; [Validate] checks them against a catalog.
//
// Problems are [*catalog.DataError] values naming the file (name), the line, the field and the
// value, all returned together ([errors.Join]). Input past the limits (a file of
// 256 MiB, a line of 1 MiB, a cell of 64 KiB) stops the reading with a problem.
func ReadCSV(name string, r io.Reader, meta Set) (Set, error) {
	res := readCSV(name, r, meta)
	if err := res.problems.err(); err != nil {
		return Set{}, err
	}
	return res.set, nil
}

// csvResult is what readCSV found: the set with every row read as far as it could be,
// the line of each edge, which edges had a problem, and the problems.
type csvResult struct {
	set      Set
	lines    []int
	bad      map[int]bool
	problems problemList
	read     bool // the header was good and the rows were read
}

// csvColumn returns the column of [csvColumns] a header cell names, compared without
// regard to case, spaces and punctuation ("From", " RELATIONSHIP "), or "".
func csvColumn(h string) string {
	k := csvdialect.Key(h)
	if slices.Contains(csvColumns, k) {
		return k
	}
	return ""
}

func readCSV(name string, r io.Reader, meta Set) *csvResult {
	res := &csvResult{bad: map[int]bool{}}
	cr, _ := csvdialect.Open(limits.NewReaderSize(r, limits.File, 0), csvdialect.Config{Header: csvdialect.ColumnsHeader(csvColumns...), MaxLine: limits.Line})
	cols, ok := readCSVHeader(name, meta.ID, cr, &res.problems)
	if !ok {
		return res
	}
	s := meta.Clone()
	s.Edges, s.Statements = nil, nil
	if s.Kind == "" {
		s.Kind = Crosswalk
	}
	for {
		rec, line, err := readCSVRow(name, meta.ID, cr, cols)
		if err == io.EOF {
			break
		}
		if err != nil {
			var p *catalog.DataError
			if errors.As(err, &p) {
				res.problems.add(p)
			}
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		idx := len(s.Edges)
		e := edgeOfRow(rec, cols, meta, func(field, value string, err error, detail string) {
			res.bad[idx] = true
			res.problems.add(&catalog.DataError{File: name, Line: line, Record: setRecord(meta.ID, ""), Field: field, Value: value, Err: err, Detail: detail})
		})
		s.Edges = append(s.Edges, e)
		res.lines = append(res.lines, line)
	}
	res.set, res.read = s, true
	return res
}

// readCSVHeader reads the header row into pl's problems or the column of each cell
// (ok): a missing required column, an empty or unknown name, a column given twice
// are problems, all reported.
func readCSVHeader(name, set string, cr *csv.Reader, pl *problemList) (cols []string, ok bool) {
	header, err := cr.Read()
	if err == io.EOF {
		pl.add(&catalog.DataError{File: name, Line: 1, Record: setRecord(set, ""), Err: ErrMalformed, Detail: "no header row"})
		return nil, false
	}
	if err != nil {
		pl.add(csvProblem(name, set, err))
		return nil, false
	}
	// The header's own line: the reader skips blank lines before it.
	hline, _ := cr.FieldPos(0)
	if p := badText(name, set, hline, header); p != nil {
		pl.add(p)
		return nil, false
	}
	n := len(pl.list)
	cols = make([]string, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		col := csvColumn(h)
		cols[i] = col
		switch {
		case h == "":
			pl.add(&catalog.DataError{File: name, Line: hline, Record: setRecord(set, ""), Field: fmt.Sprintf("column %d", i+1), Err: ErrEmptyField, Detail: "empty column name"})
		case col == "":
			pl.add(&catalog.DataError{File: name, Line: hline, Record: setRecord(set, ""), Field: fmt.Sprintf("column %d", i+1), Value: h, Err: ErrUnknownField,
				Detail: "want from, to, relationship, strength, rationale, source, label or note"})
		case slices.Index(cols[:i], col) >= 0:
			pl.add(&catalog.DataError{File: name, Line: hline, Record: setRecord(set, ""), Field: col, Err: ErrInvalidValue, Detail: "column given twice"})
		}
	}
	for _, req := range []string{"from", "to", "relationship"} {
		if !slices.Contains(cols, req) {
			pl.add(&catalog.DataError{File: name, Line: hline, Record: setRecord(set, ""), Field: req, Err: ErrEmptyField, Detail: fmt.Sprintf("the header has no %q column", req)})
		}
	}
	return cols, len(pl.list) == n
}

// readCSVRow reads the next row and its line; io.EOF after the last. A row that
// cannot be read (broken quoting, a wrong number of cells, a cell past its limit,
// text not in UTF-8) is a *catalog.DataError.
func readCSVRow(name, set string, cr *csv.Reader, cols []string) ([]string, int, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, 0, err
	}
	if err != nil {
		return nil, 0, csvProblem(name, set, err)
	}
	line, _ := cr.FieldPos(0)
	if i := slices.IndexFunc(rec, func(v string) bool { return len(v) > limits.Field }); i >= 0 {
		line, _ := cr.FieldPos(i)
		return nil, line, &catalog.DataError{File: name, Line: line, Record: setRecord(set, ""), Field: cols[i], Value: rec[i],
			Err: ErrInvalidValue, Detail: fmt.Sprintf("%v, this one %d", &limits.Error{What: "cell", Limit: limits.Field}, len(rec[i]))}
	}
	if p := badText(name, set, line, rec); p != nil {
		return nil, line, p
	}
	return rec, line, nil
}

// badText is the problem of a row with a cell that is not UTF-8 text (a file saved
// in another encoding), nil when every cell is.
func badText(name, set string, line int, rec []string) *catalog.DataError {
	if be := csvdialect.BadUTF8(rec); be != nil {
		return &catalog.DataError{File: name, Line: line, Record: setRecord(set, ""), Field: fmt.Sprintf("column %d", be.Column), Value: rec[be.Column-1],
			Err: ErrMalformed, Detail: be.Error()}
	}
	return nil
}

// badFunc reports a problem with one field of a row.
type badFunc func(field, value string, err error, detail string)

// edgeOfRow reads one row of cells, under the columns cols, as an edge of the set
// meta; a cell it cannot read goes to bad and leaves its field empty.
func edgeOfRow(rec, cols []string, meta Set, bad badFunc) Edge {
	e := Edge{Source: meta.Source.ID}
	for i, v := range rec {
		v = csvsafe.Unescape(strings.TrimSpace(v))
		switch cols[i] {
		case "from":
			if ref, ok := csvRef(v, meta.From, "from", bad); ok {
				e.From = ref
			}
		case "to":
			if ref, ok := csvRef(v, meta.To, "to", bad); ok {
				e.To = ref
			}
		case "relationship":
			e.Relationship = csvRelationship(v, bad)
		case "strength":
			e.Strength, e.HasStrength = csvStrength(v, bad)
		case "rationale":
			e.Rationale = csvRationale(v, bad)
		case "source":
			if v != "" {
				e.Source = v
			}
		case "label":
			e.Label = v
		case "note":
			e.Note = v
		}
	}
	if e.Source == "" {
		bad("source", "", ErrEmptyField, "name the source in a \"source\" column or in the set's Source.ID")
	}
	return e
}

// csvRelationship reads a relationship cell, which may not be empty.
func csvRelationship(v string, bad badFunc) Relationship {
	if v == "" {
		bad("relationship", "", ErrEmptyField, "")
		return 0
	}
	rel, err := ParseRelationship(v)
	if err != nil {
		bad("relationship", v, ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
		return 0
	}
	return rel
}

// csvStrength reads a strength cell: empty (none) or an integer from 0 to 10.
func csvStrength(v string, bad badFunc) (int, bool) {
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 10 {
		bad("strength", v, ErrInvalidValue, "a strength is an integer from 0 to 10")
		return 0, false
	}
	return n, true
}

// csvRationale reads a rationale cell: empty or a [Rationale] in any case.
func csvRationale(v string, bad badFunc) Rationale {
	ra := Rationale(strings.ToLower(v))
	if !ra.Valid() {
		bad("rationale", v, ErrInvalidValue, "want syntactic, semantic or functional")
		return ""
	}
	return ra
}

// csvRef reads a ref cell: "framework/id", or a bare ID of framework fw.
func csvRef(v string, fw catalog.FrameworkID, field string, bad badFunc) (catalog.Ref, bool) {
	if v == "" {
		bad(field, "", ErrEmptyField, "")
		return catalog.Ref{}, false
	}
	if strings.Contains(v, "/") {
		r, err := parseRef(v)
		if err != nil {
			bad(field, v, ErrInvalidValue, refDetail(v, `a ref is written "framework/id" or as a bare ID`))
			return catalog.Ref{}, false
		}
		return r, true
	}
	if fw == "" {
		bad(field, v, ErrInvalidValue, fmt.Sprintf("a bare ID needs the set's %q framework; write \"framework/id\"", field))
		return catalog.Ref{}, false
	}
	if off, r := safetext.FirstControl(v); off >= 0 {
		bad(field, v, ErrInvalidValue, "a control ID has no control characters: "+safetext.ControlError(off, r))
		return catalog.Ref{}, false
	}
	return catalog.NewRef(fw, v), true
}

func csvProblem(name, set string, err error) *catalog.DataError {
	var le *limits.Error
	if errors.As(err, &le) {
		return &catalog.DataError{File: name, Line: le.Line, Record: setRecord(set, ""), Err: ErrMalformed, Detail: le.Error()}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &catalog.DataError{File: name, Line: pe.Line, Record: setRecord(set, ""), Field: fmt.Sprintf("column %d", pe.Column), Err: ErrMalformed, Detail: pe.Err.Error()}
	}
	return &catalog.DataError{File: name, Record: setRecord(set, ""), Err: ErrMalformed, Detail: err.Error()}
}

// WriteCSV writes the edges of s in the form [ReadCSV] reads: the columns from, to,
// relationship, strength, rationale, source, label and note, refs written in full
// ("framework/id"). Statements, misprints and repeats have no column, and white space
// at either end of a label or note is lost on reading back: use JSON to keep them.
// A cell that starts with '=', '+', '-', '@', a tab, a carriage return or an
// apostrophe gets an apostrophe in front, so that a spreadsheet shows it as text;
// [ReadCSV] takes it off again.
func WriteCSV(w io.Writer, s Set) error {
	csvw := csvsafe.NewWriter(w)
	if err := csvw.Write(csvColumns); err != nil {
		return err
	}
	for i, e := range s.Edges {
		if !e.Relationship.Valid() {
			return &catalog.DataError{Record: setRecord(s.ID, edgeRecord(i, e)), Field: "relationship", Value: e.Relationship.String(), Err: ErrUnknownRelationship}
		}
		strength := ""
		if e.HasStrength {
			strength = strconv.Itoa(e.Strength)
		}
		if err := csvw.Write([]string{e.From.String(), e.To.String(), e.Relationship.String(), strength, string(e.Rationale), e.Source, e.Label, e.Note}); err != nil {
			return err
		}
	}
	csvw.Flush()
	return csvw.Error()
}
