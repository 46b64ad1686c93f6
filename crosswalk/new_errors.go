package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
	"github.com/controlgraph/controlgraph/mappings"
)

// setProblem is the error of [New] about set s itself (the record `set "s"`).
func setProblem(s *mappings.Set, field, value string, err error) *catalog.DataError {
	return &catalog.DataError{Record: "set " + safetext.Quote(s.ID), Field: field, Value: value, Err: err}
}

// edgeProblem is the error of [New] about edge ei of set s, named as package
// mappings names it: `set "s": edge #3 (a → b)`.
func edgeProblem(s *mappings.Set, ei int, field, value string, err error) *catalog.DataError {
	e := &s.Edges[ei]
	rec := fmt.Sprintf("set %s: edge #%d (%s → %s)", safetext.Quote(s.ID), ei+1, e.From, e.To)
	return &catalog.DataError{Record: rec, Field: field, Value: value, Err: err}
}

// statementProblem is the error of [New] about statement i of set s:
// `set "s": statement #2 (ref kind)`.
func statementProblem(s *mappings.Set, i int, field, value string, err error) *catalog.DataError {
	st := &s.Statements[i]
	rec := fmt.Sprintf("set %s: statement #%d (%s %s)", safetext.Quote(s.ID), i+1, st.Ref, st.Kind)
	return &catalog.DataError{Record: rec, Field: field, Value: value, Err: err}
}
