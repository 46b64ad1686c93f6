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

// DataError is one problem in framework data, with its position: the file (when read
// from one), the line (CSV, or JSON syntax errors), the record (which framework and
// control), the field and the offending value.
type DataError struct {
	File   string // "" when the data did not come from a file
	Line   int    // 0 when unknown
	Record string // e.g. `framework "acme:1" control #12 "AC-3"`
	Field  string // e.g. "parent"
	Value  string // the offending value, whole; Error shows at most its first 80 characters
	Err    error  // one of the Err... values above, or a decoding error
}

// Error returns the problem in the form "file:line: record: field "f" = "v": what".
func (e *DataError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Record != "" {
		b.WriteString(e.Record)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString("field " + safetext.Quote(e.Field))
		if e.Value != "" {
			b.WriteString(" = " + safetext.Quote(e.Value))
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error, one of the Err... values, for [errors.Is].
func (e *DataError) Unwrap() error { return e.Err }

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
		p.list = append(p.list, fmt.Errorf("... and %d more problems", p.more))
	}
	return errors.Join(p.list...)
}
