package mappings

import (
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Kinds of problems in mapping data; test with [errors.Is] on a [*Problem] (or on an
// error returned by a loader, which joins them). [ErrUnknownRelationship] is one too.
// The kinds every layer shares are the catalog's values (ErrEmptyField,
// ErrInvalidValue, ErrUnknownField, ErrMalformed): errors.Is(err,
// catalog.ErrMalformed) holds for malformed mapping data as for a malformed
// framework.
var (
	ErrDanglingRef         = errors.New("no such control in the catalog")
	ErrDuplicateEdge       = errors.New("duplicate edge")
	ErrContradiction       = errors.New("contradictory edges")
	ErrSelfLoop            = errors.New("edge leads to itself")
	ErrFrameworkMismatch   = errors.New("framework differs from the set's")
	ErrSourceQuirk         = errors.New("source quirk")
	ErrEmptyField          = catalog.ErrEmptyField
	ErrInvalidValue        = catalog.ErrInvalidValue
	ErrUnknownField        = catalog.ErrUnknownField
	ErrMalformed           = catalog.ErrMalformed
	ErrUnknownSetFramework = errors.New("framework of the set is not in the catalog")
)

// Severity says whether a [Problem] makes the data wrong (Error) or is worth knowing
// (Warning: a known quirk of a source, kept as published).
type Severity uint8

// Severities.
const (
	Error   Severity = iota + 1 // the data is wrong; loaders fail, validate exits 2
	Warning                     // a known quirk kept as published; the data loads
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// Problem is one thing wrong with (or worth knowing about) mapping data, with where
// it is. It is an error; [errors.Is] matches its kind (Err).
type Problem struct {
	Severity Severity // [Error] or [Warning]
	File     string   // the file the data came from, "" when unknown
	Line     int      // line in File (CSV), 0 when unknown
	Set      string   // ID of the set, "" when unknown
	// Record names the element: "edge #3 (nist-csf:2.0/GV.OC-01 → iso27002:2022/5.1)",
	// "statement #2 (...)" or "record 5"; "" for the set itself.
	Record string
	Field  string // the field at fault ("to", "relationship"), "" when none
	Value  string // the offending value, "" when none
	Err    error  // the kind: one of the Err... values of this package
	Detail string // what exactly, and the suggested reading for a quirk
}

// Error prints the problem on one line:
//
//	file:line: set "id": record: field "f" = "v": kind: detail
//
// leaving out the parts that are unknown; warnings start with "warning: ".
func (p *Problem) Error() string {
	var b strings.Builder
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	} else if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Set != "" {
		b.WriteString("set " + safetext.Quote(p.Set) + ": ")
	}
	if p.Record != "" {
		b.WriteString(p.Record)
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString("field " + safetext.Quote(p.Field))
		if p.Value != "" {
			b.WriteString(" = " + safetext.Quote(p.Value))
		}
		b.WriteString(": ")
	}
	if p.Err != nil {
		b.WriteString(p.Err.Error())
	} else {
		b.WriteString("problem")
	}
	if p.Detail != "" {
		b.WriteString(": ")
		b.WriteString(p.Detail)
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// Where returns the position of the problem; the set, when known, leads the record
// (`set "id": edge #3 (...)`).
func (p *Problem) Where() catalog.Position {
	rec := p.Record
	if p.Set != "" {
		rec = strings.TrimSuffix("set "+safetext.Quote(p.Set)+": "+rec, ": ")
	}
	return catalog.Position{File: p.File, Line: p.Line, Record: rec, Field: p.Field, Value: p.Value}
}

// Unwrap returns the kind of the problem.
func (p *Problem) Unwrap() error { return p.Err }

// maxProblems bounds the problems a loader reports for one input.
const maxProblems = 100

type problemList struct {
	list []*Problem
	more int
}

func (l *problemList) add(p *Problem) {
	if p.Severity == 0 {
		p.Severity = Error
	}
	if len(l.list) >= maxProblems {
		l.more++
		return
	}
	l.list = append(l.list, p)
}

func (l *problemList) err() error {
	if len(l.list) == 0 {
		return nil
	}
	errs := make([]error, 0, len(l.list)+1)
	for _, p := range l.list {
		errs = append(errs, p)
	}
	if l.more > 0 {
		errs = append(errs, fmt.Errorf("... and %d more problems", l.more))
	}
	return errors.Join(errs...)
}
