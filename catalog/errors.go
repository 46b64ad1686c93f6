package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Problems found in framework data; test with [errors.Is]. The error itself is a
// [*DataError] saying where.
var (
	ErrDuplicateID        = errors.New("duplicate ID")
	ErrDanglingParent     = errors.New("parent is not a control of the framework")
	ErrParentCycle        = errors.New("parent chain loops")
	ErrEmptyField         = errors.New("required field is empty")
	ErrInvalidValue       = errors.New("invalid value")
	ErrUnknownField       = errors.New("unknown field")
	ErrMalformed          = errors.New("malformed input")
	ErrUnknownAnnex       = errors.New("annex_of names a framework that is not in the catalog")
	ErrDuplicateFramework = errors.New("framework given twice")
)

// DataError is one problem at a place in data a user handed over — a framework, a
// mapping set, an assessment, an OSCAL document — whatever layer of the library found
// it: every reader and builder that points into its input reports a *DataError, so
// one [errors.As] reads where a problem is, and [errors.Is] on it (or on the joined
// error a reader returns) tests its kind, the sentinel in Err.
//
// A zero field is unknown and left out of the message. Two errors of the library
// are other concepts and not DataErrors: [*RefError] (a reference string a caller
// passes, not a place in a file) and loader.Error (a step of loading, which wraps a
// list of DataErrors and other problems).
type DataError struct {
	// File is the name the data was read under; "" when it did not come from a
	// file (data built in code, or an export).
	File string
	// Sheet is the spreadsheet sheet (XLSX) the problem is in; Line is then its
	// row. "" for any other input.
	Sheet string
	// Line is the 1-based line (CSV, a JSON syntax error) or, with Sheet, the row;
	// 0 when unknown.
	Line int
	// Record names the element at fault, in the words of its format:
	// `framework "acme:1" control #12 "AC-3"`, `set "s": edge #3 (a → b)`,
	// `controls[4]`, a JSON path such as `catalog.groups[2].controls[5].id`.
	Record string
	// Field is the field or column at fault ("parent", "status", "column 3").
	Field string
	// Value is the offending value, whole; Error quotes it, escapes control
	// characters and shows at most its first 80 characters.
	Value string
	// Err is the kind of problem: a sentinel of the layer that found it
	// ([ErrDuplicateID], mappings.ErrDanglingRef, crosswalk.ErrUnknownStatus, ...),
	// possibly wrapped with detail. Unwrap returns it, for [errors.Is].
	Err error
	// Detail says more about this occurrence: where a duplicate was first seen
	// ("first on line 3"), how a known quirk of a source is read.
	Detail string
	// Warning marks a problem that is worth knowing but does not make the data
	// wrong (a known quirk of a source, a column ignored): readers accept the data
	// and list it. The zero value, false, is an error: the data is refused.
	Warning bool
}

// Error returns the problem on one line, leaving out the parts that are unknown:
//
//	warning: file:line: record: field "f" = "v": kind: detail
//
// "warning: " leads only a warning; the place is "file:line", "file" or "line n",
// and for a spreadsheet `file: sheet "S" row n`. A value without a field follows
// the record (`record = "v"`), or stands as `value "v"`. Control characters are
// escaped and line breaks made spaces, so a message is one printable line.
func (e *DataError) Error() string {
	var b strings.Builder
	if e.Warning {
		b.WriteString("warning: ")
	}
	if w := e.place(); w != "" {
		b.WriteString(w)
		b.WriteString(": ")
	}
	if e.Record != "" {
		b.WriteString(e.Record)
		if e.Field == "" && e.Value != "" {
			b.WriteString(" = " + safetext.Quote(e.Value))
		}
		b.WriteString(": ")
	}
	switch {
	case e.Field != "":
		b.WriteString("field " + safetext.Quote(e.Field))
		if e.Value != "" {
			b.WriteString(" = " + safetext.Quote(e.Value))
		}
		b.WriteString(": ")
	case e.Record == "" && e.Value != "":
		b.WriteString("value " + safetext.Quote(e.Value) + ": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("problem")
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return safetext.Escape(lineBreaks.Replace(b.String()))
}

// lineBreaks makes the line breaks of wrapped texts spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// place returns the file and line (or sheet and row) part of a message.
func (e *DataError) place() string {
	var parts []string
	if e.File != "" {
		parts = append(parts, e.File)
	}
	switch {
	case e.Sheet != "" && e.Line > 0:
		parts = append(parts, fmt.Sprintf("sheet %s row %d", safetext.Quote(e.Sheet), e.Line))
	case e.Sheet != "":
		parts = append(parts, "sheet "+safetext.Quote(e.Sheet))
	case e.Line > 0 && e.File != "":
		parts[0] += fmt.Sprintf(":%d", e.Line)
	case e.Line > 0:
		parts = append(parts, fmt.Sprintf("line %d", e.Line))
	}
	return strings.Join(parts, ": ")
}

// Unwrap returns the kind of the problem, Err, for [errors.Is].
func (e *DataError) Unwrap() error { return e.Err }

// MoreProblems is the last entry of a list of problems that had to stop: the number
// of problems found beyond those listed. Every reader of the module ends a capped
// list with it, so a caller counts them with [errors.As] whatever layer found them.
type MoreProblems int

// Error returns "... and N more problems".
func (m MoreProblems) Error() string { return fmt.Sprintf("... and %d more problems", int(m)) }

// maxErrors bounds the problems reported for one input.
const maxErrors = 100

type problems struct {
	list []error
	more int
}

func (p *problems) add(e *DataError) {
	if len(p.list) >= maxErrors {
		p.more++
		return
	}
	p.list = append(p.list, e)
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	if p.more > 0 {
		p.list = append(p.list, MoreProblems(p.more))
	}
	return errors.Join(p.list...)
}
