package mappings

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// CheckCSV reads a user's mapping set as [ReadCSV] does and validates it against a
// catalog as [Validate] does, in one pass, so that every problem of the file is listed
// at once with its line: rows that cannot be read (an unknown relationship word, a bad
// strength) are reported and left out, and the rest are validated (dangling refs,
// duplicates, contradictions) after [Resolve], as a set is resolved when it is
// loaded for use, so that a check agrees with loading. It returns the set as read
// (without the unreadable rows, its refs resolved) and the problems in file order;
// the set is usable when [HasErrors] is false.
// cat nil means [catalog.Default].
func CheckCSV(name string, r io.Reader, meta Set, cat *catalog.Catalog) (Set, []*catalog.DataError) {
	res := readCSV(name, r, meta)
	problems := slicesOf(name, res.problems)
	if !res.read {
		return Set{}, problems
	}
	good := res.set
	good.Edges = nil
	var lines []int
	for i, e := range res.set.Edges {
		if !res.bad[i] {
			good.Edges = append(good.Edges, e)
			lines = append(lines, res.lines[i])
		}
	}
	where := func(i int) (string, string, int) { return "edge", fmt.Sprintf("line %d", lines[i]), lines[i] }
	good = Resolve(good, cat) // as a set is read for use, so that a check agrees with loading
	for _, p := range validate(good, cat, where) {
		p.File = name
		problems = append(problems, p)
	}
	sortByLine(problems)
	return good, problems
}

// CheckJSON reads a user's mapping sets as [ReadJSON] does, resolves each as [Resolve]
// does (as loading does) and validates it against a catalog as [Validate] does. When the document cannot be decoded, or a set has
// malformed fields, it returns those problems only (nothing else can be trusted);
// otherwise the sets and every problem [Validate] finds, each with the file name.
// cat nil means [catalog.Default].
func CheckJSON(name string, data []byte, cat *catalog.Catalog) ([]Set, []*catalog.DataError) {
	sets, err := ReadJSON(name, data)
	if err != nil {
		return nil, problemsOf(err)
	}
	var problems []*catalog.DataError
	for i := range sets {
		sets[i] = Resolve(sets[i], cat) // as a set is read for use, so that a check agrees with loading
		for _, p := range Validate(sets[i], cat) {
			p.File = name
			problems = append(problems, p)
		}
	}
	return sets, problems
}

// slicesOf returns the problems of l, the last saying how many more file name has
// when l had to drop some.
func slicesOf(name string, l problemList) []*catalog.DataError {
	out := append([]*catalog.DataError(nil), l.list...)
	if l.more > 0 {
		out = append(out, &catalog.DataError{File: name, Err: tooMany(l.more), Detail: "too many problems; the rest are not listed"})
	}
	return out
}

// tooMany is the kind of the entry that ends a capped list of a CSV file's
// problems: malformed input ([ErrMalformed]) that counts the problems not listed
// ([catalog.MoreProblems], for [errors.As]).
type tooMany int

func (t tooMany) Error() string   { return ErrMalformed.Error() }
func (t tooMany) Unwrap() []error { return []error{ErrMalformed, catalog.MoreProblems(t)} }

// problemsOf unpacks the problems a loader joined into one error.
func problemsOf(err error) []*catalog.DataError {
	var out []*catalog.DataError
	var walk func(error)
	walk = func(err error) {
		if p, ok := err.(*catalog.DataError); ok {
			out = append(out, p)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		out = append(out, &catalog.DataError{Err: ErrMalformed, Detail: err.Error()})
	}
	walk(err)
	return out
}

// sortByLine orders problems by line, stably; problems without a line come first.
func sortByLine(ps []*catalog.DataError) {
	slices.SortStableFunc(ps, func(a, b *catalog.DataError) int { return cmp.Compare(a.Line, b.Line) })
}
