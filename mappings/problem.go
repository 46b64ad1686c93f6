package mappings

import (
	"errors"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Kinds of problems in mapping data; test with [errors.Is] on a
// [*catalog.DataError] (or on an error returned by a loader, which joins them).
// [ErrUnknownRelationship] is one too.
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

// setRecord names an element of the set whose ID is set, for
// [catalog.DataError.Record]: `set "s": edge #3 (a → b)`, `set "s"` for the set
// itself (rec ""), or rec alone when the set's ID is unknown.
func setRecord(set, rec string) string {
	switch {
	case set == "":
		return rec
	case rec == "":
		return "set " + safetext.Quote(set)
	}
	return "set " + safetext.Quote(set) + ": " + rec
}

// jsonPath joins two parts of a JSON path ("mappings[0]" and "edges[2]"), either
// of which may be "".
func jsonPath(prefix, rest string) string {
	if prefix == "" || rest == "" {
		return prefix + rest
	}
	return prefix + "." + rest
}

// maxProblems bounds the problems a loader reports for one input.
const maxProblems = 100

type problemList struct {
	list []*catalog.DataError
	more int
}

func (l *problemList) add(p *catalog.DataError) {
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
		errs = append(errs, catalog.MoreProblems(l.more))
	}
	return errors.Join(errs...)
}
