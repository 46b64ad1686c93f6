package oscal

import (
	"errors"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Problems found in OSCAL documents, and in data that OSCAL cannot carry; test with
// [errors.Is]. The error itself is a [*catalog.DataError] saying where: the file
// (the name given to the import function, "" on export), the line for a JSON
// syntax error, the JSON path as its Record — in the document
// ("catalog.groups[2].controls[5].id") or, on export, in the input
// ("controls[12].title") — and the offending value.
var (
	ErrSyntax         = errors.New("not a JSON document")
	ErrWrongDocument  = errors.New("not the expected OSCAL document")
	ErrType           = errors.New("wrong JSON type")
	ErrMissing        = errors.New("required field is missing or empty")
	ErrUnknownField   = errors.New("field is not part of the OSCAL model here")
	ErrInvalid        = errors.New("invalid value")
	ErrDuplicate      = errors.New("duplicate identifier")
	ErrTooDeep        = errors.New("nesting too deep")
	ErrUnsupported    = errors.New("unsupported OSCAL version")
	ErrNotExpressible = errors.New("value cannot be written in OSCAL")
	ErrUnknownRef     = errors.New("reference to something the document does not define")
	ErrUnbound        = errors.New("resource bound to no framework")
	ErrCitesUnknown   = errors.New("map cites a control the catalog does not hold or holds as withdrawn")
)

// clip shortens a long value for a message, at a character boundary, as every
// package does (see [safetext.Clip]).
func clip(s string) string { return safetext.Clip(s) }

// maxErrors bounds the problems reported for one document.
const maxErrors = 50

// problems collects errors up to maxErrors.
type problems struct {
	file string
	list []error
	more int
}

func (p *problems) add(path, value string, err error) {
	if len(p.list) >= maxErrors {
		p.more++
		return
	}
	p.list = append(p.list, &catalog.DataError{File: p.file, Record: path, Value: value, Err: err})
}

func (p *problems) full() bool { return len(p.list) >= maxErrors }

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.more > 0 {
		list = append(list, catalog.MoreProblems(p.more))
	}
	if len(list) == 1 {
		return list[0]
	}
	return errors.Join(list...)
}
