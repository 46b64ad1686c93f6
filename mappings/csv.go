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
// The header row names the columns, in any order and case: "from", "to" and
// "relationship" are required; "strength" (an integer 0–10, or empty), "rationale"
// (syntactic, semantic, functional, or empty), "source" (the source document's ID;
// empty means meta.Source.ID), "label" and "note" are optional. Any other column is an
// error. Cells are read trimmed of surrounding white space. A ref is written
// "framework/id" ("iso27002:2022/5.1") or as a bare ID, which
// belongs to meta.From in the "from" column and to meta.To in the "to" column. Refs are
// taken as written; [Validate] checks them against a catalog.
//
// Problems are [*Problem] values naming the file (name), the line, the field and the
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

func readCSV(name string, r io.Reader, meta Set) *csvResult {
	res := &csvResult{bad: map[int]bool{}}
	pl := &res.problems
	cr := csv.NewReader(limits.NewReader(r))
	header, err := cr.Read()
	if err == io.EOF {
		pl.add(&Problem{Severity: Error, File: name, Line: 1, Set: meta.ID, Err: ErrMalformed, Detail: "no header row"})
		return res
	}
	if err != nil {
		pl.add(csvProblem(name, meta.ID, err))
		return res
	}
	// The header's own line: the reader skips blank lines before it.
	hline, _ := cr.FieldPos(0)
	cols := make([]string, len(header))
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.ToLower(strings.TrimSpace(h))
		cols[i] = h
		switch {
		case h == "":
			pl.add(&Problem{File: name, Line: hline, Set: meta.ID, Field: fmt.Sprintf("column %d", i+1), Err: ErrEmptyField, Detail: "empty column name"})
		case !slices.Contains(csvColumns, h):
			pl.add(&Problem{File: name, Line: hline, Set: meta.ID, Field: fmt.Sprintf("column %d", i+1), Value: h, Err: ErrUnknownField,
				Detail: "want from, to, relationship, strength, rationale, source, label or note"})
		case slices.Index(cols[:i], h) >= 0:
			pl.add(&Problem{File: name, Line: hline, Set: meta.ID, Field: h, Err: ErrInvalidValue, Detail: "column given twice"})
		}
	}
	for _, req := range []string{"from", "to", "relationship"} {
		if !slices.Contains(cols, req) {
			pl.add(&Problem{File: name, Line: hline, Set: meta.ID, Field: req, Err: ErrEmptyField, Detail: fmt.Sprintf("the header has no %q column", req)})
		}
	}
	if len(pl.list) > 0 {
		return res
	}
	s := meta.Clone()
	s.Edges, s.Statements = nil, nil
	if s.Kind == "" {
		s.Kind = Crosswalk
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			pl.add(csvProblem(name, meta.ID, err))
			break
		}
		line, _ := cr.FieldPos(0)
		if i := slices.IndexFunc(rec, func(v string) bool { return len(v) > limits.Field }); i >= 0 {
			line, _ := cr.FieldPos(i)
			pl.add(&Problem{Severity: Error, File: name, Line: line, Set: meta.ID, Field: cols[i], Value: rec[i],
				Err: ErrInvalidValue, Detail: fmt.Sprintf("%v, this one %d", &limits.Error{What: "cell", Limit: limits.Field}, len(rec[i]))})
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		idx := len(s.Edges)
		bad := func(field, value string, err error, detail string) {
			res.bad[idx] = true
			pl.add(&Problem{File: name, Line: line, Set: meta.ID, Field: field, Value: value, Err: err, Detail: detail})
		}
		e := Edge{Source: meta.Source.ID}
		for i, v := range rec {
			v = csvsafe.Unescape(strings.TrimSpace(v))
			switch cols[i] {
			case "from", "to":
				fw := meta.From
				if cols[i] == "to" {
					fw = meta.To
				}
				ref, ok := csvRef(v, fw, cols[i], bad)
				if !ok {
					continue
				}
				if cols[i] == "from" {
					e.From = ref
				} else {
					e.To = ref
				}
			case "relationship":
				if v == "" {
					bad("relationship", "", ErrEmptyField, "")
				} else if rel, err := ParseRelationship(v); err != nil {
					bad("relationship", v, ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
				} else {
					e.Relationship = rel
				}
			case "strength":
				if v == "" {
					continue
				}
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || n > 10 {
					bad("strength", v, ErrInvalidValue, "a strength is an integer from 0 to 10")
					continue
				}
				e.Strength, e.HasStrength = n, true
			case "rationale":
				ra := Rationale(strings.ToLower(v))
				if !ra.Valid() {
					bad("rationale", v, ErrInvalidValue, "want syntactic, semantic or functional")
					continue
				}
				e.Rationale = ra
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
		s.Edges = append(s.Edges, e)
		res.lines = append(res.lines, line)
	}
	res.set, res.read = s, true
	return res
}

// csvRef reads a ref cell: "framework/id", or a bare ID of framework fw.
func csvRef(v string, fw catalog.FrameworkID, field string, bad func(field, value string, err error, detail string)) (catalog.Ref, bool) {
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

func csvProblem(name, set string, err error) *Problem {
	var le *limits.Error
	if errors.As(err, &le) {
		return &Problem{Severity: Error, File: name, Line: le.Line, Set: set, Err: ErrMalformed, Detail: le.Error()}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Problem{Severity: Error, File: name, Line: pe.Line, Set: set, Field: fmt.Sprintf("column %d", pe.Column), Err: ErrMalformed, Detail: pe.Err.Error()}
	}
	return &Problem{Severity: Error, File: name, Set: set, Err: ErrMalformed, Detail: err.Error()}
}

// WriteCSV writes the edges of s in the form [ReadCSV] reads: the columns from, to,
// relationship, strength, rationale, source, label and note, refs written in full
// ("framework/id"). Statements, misprints and repeats have no column, and white space
// at either end of a label or note is lost on reading back: use JSON to keep them.
// A cell that starts with '=', '+', '-', '@', a tab, a carriage return or an
// apostrophe gets an apostrophe in front, so that a spreadsheet shows it as text;
// [ReadCSV] takes it off again.
func WriteCSV(w io.Writer, s Set) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for i, e := range s.Edges {
		if !e.Relationship.Valid() {
			return &Problem{Severity: Error, Set: s.ID, Record: edgeRecord(i, e), Field: "relationship", Value: e.Relationship.String(), Err: ErrUnknownRelationship}
		}
		strength := ""
		if e.HasStrength {
			strength = strconv.Itoa(e.Strength)
		}
		if err := cw.Write([]string{e.From.String(), e.To.String(), e.Relationship.String(), strength, string(e.Rationale), e.Source, e.Label, e.Note}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
