package loader

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// CheckOptions say how [Check] reads a file and what it checks it against. Only
// the options of the kind read matter: a framework CSV needs Framework, a mapping
// CSV From and To.
type CheckOptions struct {
	// Kind is what the file is; "" guesses it from the file's name and content
	// ([Guess]).
	Kind Kind
	// Framework is the ID of the framework a framework CSV holds, which is also its
	// name (--framework).
	Framework catalog.FrameworkID
	// From and To name the frameworks of a mapping CSV's from and to columns, as
	// any ID or alias of Catalog (--from, --to).
	From, To string
	// Baseline names the framework an assessment rates, as any ID or alias of
	// Catalog; "" is the assessment reader's default, ISO/IEC 27002:2022
	// (--baseline).
	Baseline string
	// Sheet is the sheet of an XLSX assessment to read; "" reads the first (--sheet).
	Sheet string
	// Strict makes an error of what the readers otherwise read through with a
	// warning: an assessment's unknown columns and skipped rows, an OSCAL
	// document's fields outside the model (--strict).
	Strict bool
	// Catalog holds the frameworks the file's references are checked against; nil
	// is the embedded catalog. The frameworks a file holds take the place of
	// Catalog's of the same ID.
	Catalog *catalog.Catalog
	// CatalogFiles and Binds bind the source-resource and target-resource of an
	// OSCAL mapping-collection to frameworks of Catalog, as for [OSCALOptions]
	// (--catalog files read, --bind).
	CatalogFiles []CatalogFile
	Binds        []string
}

// Checked is what [Check] found in a file: the kind it read it as, every problem,
// and what the file holds.
type Checked struct {
	// Name is the file's name, as given to Check.
	Name string
	// Kind is what the file was read as: given, or guessed.
	Kind Kind
	// Problems are every problem found, in the order found: errors (the file is
	// not valid) and warnings (read through).
	Problems []Problem
	// Read is true when the reader got through the file: the fields below hold what
	// it read. A mapping set is always read through, its problems listed; other
	// kinds stop at their first error (whose problems are all listed; an
	// assessment's with the warnings found with them).
	Read bool
	// Frameworks are the frameworks read: of an export document, a framework file
	// or an OSCAL catalog.
	Frameworks []catalog.Framework
	// Sets are the mapping sets read: of an export document, a mapping set file
	// (one set for CSV, with the edges read even when some rows are wrong) or an
	// OSCAL mapping-collection.
	Sets []mappings.Set
	// Assessment is the assessment read.
	Assessment *crosswalk.Assessment
	// Input says how a spreadsheet was read: Format "csv" (Encoding and Delimiter
	// for every kind; for an assessment also HeaderLine and Columns), "xlsx" (an
	// assessment: Sheet, HeaderLine, Columns), or "json" for an assessment in
	// JSON. It is zero for the other JSON files.
	Input crosswalk.Input
	// OSCAL is the report of an OSCAL import: the model, title and versions of the
	// document, what it left out.
	OSCAL *oscal.ImportReport
}

// Problem is one thing [Check] found wrong with a file, or worth knowing about it.
type Problem struct {
	// Err says what and where: a [*catalog.DataError] for a problem at a place in
	// the file (every reader's), read with [Problem.Where]; another error for one of
	// the whole file ("... and 3 more problems").
	Err error
	// Warning is true for what the readers read through (a source's quirk kept as
	// published, a column ignored, a control not assessed); false for an error,
	// which makes the file not valid.
	Warning bool
}

// Error returns the problem's message.
func (p Problem) Error() string { return p.Err.Error() }

// Unwrap returns Err, for [errors.Is] and [errors.As].
func (p Problem) Unwrap() error { return p.Err }

// Message returns the problem on one line, without the "warning: " a warning's
// message starts with (Warning says it).
func (p Problem) Message() string {
	var de *catalog.DataError
	if p.Warning && errors.As(p.Err, &de) && de.Warning {
		return strings.TrimPrefix(p.Err.Error(), "warning: ")
	}
	return p.Err.Error()
}

// Where returns where the problem is in the file — File, Sheet, Line, Record,
// Field and Value of a copy of its [*catalog.DataError] — or the zero DataError
// for a problem without a place ("... and 3 more problems").
func (p Problem) Where() catalog.DataError {
	var de *catalog.DataError
	if errors.As(p.Err, &de) {
		return *de
	}
	return catalog.DataError{}
}

// Valid reports whether the file has no errors (warnings allowed).
func (c *Checked) Valid() bool {
	return !slices.ContainsFunc(c.Problems, func(p Problem) bool { return !p.Warning })
}

// Nodes returns the number of controls and other nodes of the frameworks read.
func (c *Checked) Nodes() int {
	n := 0
	for _, f := range c.Frameworks {
		n += len(f.Controls)
	}
	return n
}

// Edges returns the number of edges of the mapping sets read.
func (c *Checked) Edges() int {
	n := 0
	for _, s := range c.Sets {
		n += len(s.Edges)
	}
	return n
}

// Errors of what keeps [Check] from reading a file at all: not a problem of the
// file but of the options or the stream. Test with [errors.Is]; an unknown
// framework in an option is [catalog.ErrUnknownFramework], a bad bind [ErrBind].
var (
	// ErrKind: a Kind that is none of the kinds of [Kinds].
	ErrKind = errors.New("unknown kind of file")
	// ErrMissingOption: the kind read needs an option that is not given (a
	// framework CSV its Framework, a mapping CSV its From and To).
	ErrMissingOption = errors.New("missing option")
	// ErrUnsupported: an OSCAL document of a model that is neither a catalog nor a
	// mapping-collection.
	ErrUnsupported = errors.New("unsupported document")
	// ErrRead: the stream could not be read, or is larger than the size limit of
	// what is read whole.
	ErrRead = errors.New("cannot read the file")
)

// Kinds returns the kinds of file [Check] reads, in the order the command line
// lists them.
func Kinds() []Kind {
	return []Kind{KindDocument, KindFramework, KindMappingSet, KindAssessment, KindOSCAL}
}

// ParseKind returns the kind s names: "" (to be guessed) or one of [Kinds]. Any
// other value is an error wrapping [ErrKind].
func ParseKind(s string) (Kind, error) {
	if s == "" || slices.Contains(Kinds(), Kind(s)) {
		return Kind(s), nil
	}
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return "", newProblem(ErrKind, "unknown value %q for --kind; accepted: %s", s, strings.Join(names, ", "))
}

// ResolveFramework returns the ID of the framework of cat that name means (any ID
// or alias, see [catalog.Catalog.ResolveFramework]). An unknown name is an error
// wrapping [catalog.ErrUnknownFramework] that lists the frameworks of cat, and says
// so when the name is CIS's in a build without CIS data.
func ResolveFramework(cat *catalog.Catalog, name string) (catalog.FrameworkID, error) {
	id, err := cat.ResolveFramework(name)
	if err == nil {
		return id, nil
	}
	ids := strings.Join(frameworkIDs(cat), ", ")
	if !catalog.HasCIS() && strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), "cis") {
		return "", newProblem(catalog.ErrUnknownFramework, "unknown framework %q: this build has no CIS data (built with -tags nocis); frameworks: %s", name, ids)
	}
	cis := ""
	if catalog.HasCIS() {
		cis = ", cis"
	}
	return "", newProblem(catalog.ErrUnknownFramework, "unknown framework %q; accepted: %s (or an alias such as iso27002, csf%s)", name, ids, cis)
}

// catalogWith returns cat with fws added, each in the place of a framework of cat
// of the same ID.
func catalogWith(cat *catalog.Catalog, fws []catalog.Framework) (*catalog.Catalog, error) {
	var all []catalog.Framework
	if cat == catalog.Default() {
		all = catalog.Embedded()
	} else {
		for in := range cat.Frameworks() {
			spec, _ := cat.Spec(in.ID)
			all = append(all, spec)
		}
	}
	for _, f := range fws {
		if i := slices.IndexFunc(all, func(e catalog.Framework) bool { return e.ID == f.ID }); i >= 0 {
			all[i] = f
		} else {
			all = append(all, f)
		}
	}
	return catalog.New(all...)
}

// addErr lists the problems of err (an [errors.Join] of several, or one), each a
// warning when it is a [*catalog.DataError] with Warning set (an assessment
// reader's error carries its warnings after its errors), else an error.
func (c *Checked) addErr(err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			c.addErr(e)
		}
		return
	}
	var de *catalog.DataError
	c.Problems = append(c.Problems, Problem{Err: err, Warning: errors.As(err, &de) && de.Warning})
}

// addMapping lists mapping problems, each with its severity.
func (c *Checked) addMapping(ps []*catalog.DataError) {
	for _, p := range ps {
		c.Problems = append(c.Problems, Problem{Err: p, Warning: p.Warning})
	}
}

// addNotes lists what an OSCAL import says as warnings on the file.
func (c *Checked) addNotes(notes []string) {
	for _, n := range notes {
		c.Problems = append(c.Problems, Problem{Err: &catalog.DataError{File: c.Name, Err: errors.New(n), Warning: true}, Warning: true})
	}
}

// fmtErr is an error that says something in its own words about a cause it wraps,
// matching a sentinel as well.
type fmtErr struct {
	msg      string
	sentinel error
	cause    error
}

func (e *fmtErr) Error() string   { return e.msg }
func (e *fmtErr) Unwrap() []error { return []error{e.sentinel, e.cause} }

// readErr is the error of a stream that cannot be read.
func readErr(name string, err error) error {
	return &fmtErr{msg: fmt.Sprintf("cannot read %s: %v", name, err), sentinel: ErrRead, cause: err}
}
