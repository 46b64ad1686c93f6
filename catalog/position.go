package catalog

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Position is where in a user's input a problem sits, as every error of the
// library that points into an input reports it ([Positioned]): the file, the line
// (of a CSV file, a JSON syntax error, or a spreadsheet row), the record (which
// element: `framework "acme:1" control #12 "AC-3"`, `mapping set "s" edge #3`,
// `controls[4]`, a JSON path such as `catalog.groups[2].controls[5]`), the field and
// the offending value. A zero field is unknown.
type Position struct {
	File   string
	Line   int
	Record string
	Field  string
	Value  string
}

// String returns the position in the form the errors print it:
// `file:line: record: field "f" = "v"`, leaving out what is unknown.
func (p Position) String() string {
	var parts []string
	switch {
	case p.File != "" && p.Line > 0:
		parts = append(parts, fmt.Sprintf("%s:%d", p.File, p.Line))
	case p.File != "":
		parts = append(parts, p.File)
	case p.Line > 0:
		parts = append(parts, fmt.Sprintf("line %d", p.Line))
	}
	if p.Record != "" {
		parts = append(parts, p.Record)
	}
	switch {
	case p.Field != "" && p.Value != "":
		parts = append(parts, "field "+safetext.Quote(p.Field)+" = "+safetext.Quote(p.Value))
	case p.Field != "":
		parts = append(parts, "field "+safetext.Quote(p.Field))
	case p.Value != "":
		parts = append(parts, safetext.Quote(p.Value))
	}
	return strings.Join(parts, ": ")
}

// Positioned is implemented by every error of the library that points into a
// user's input — [*DataError], which mappings, crosswalk and oscal report too
// — so that a caller reads where a problem is the
// same way whatever layer found it:
//
//	var p catalog.Positioned
//	if errors.As(err, &p) {
//		fmt.Println(p.Where().File, p.Where().Line)
//	}
type Positioned interface {
	error
	Where() Position
}

// Where returns the position of the problem.
func (e *DataError) Where() Position {
	return Position{File: e.File, Line: e.Line, Record: e.Record, Field: e.Field, Value: e.Value}
}
