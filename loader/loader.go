// Package loader reads the files a user hands over — frameworks and mapping sets in
// any form the project reads — and builds the catalog, the mapping sets and the
// crosswalk over them beside the embedded data.
//
// A framework file is this project's JSON (one framework or an export document), an
// OSCAL catalog, or CSV (with [Options].CatalogID naming its framework). A mapping
// file is this project's JSON (one set or an export document), an OSCAL
// mapping-collection, or CSV whose refs are written in full ("acme:1/AC-1"). What a
// file is comes from its content (a JSON object, the OSCAL model it declares) and
// its extension (".json").
//
// [Check] reads one file of any kind the project reads — an export document, a
// framework, mapping sets, an assessment (CSV, XLSX or JSON), an OSCAL catalog or
// mapping-collection — as what it is ([Guess]) and lists every problem it finds,
// errors and warnings with their positions, with what the file holds: what
// controlgraph validate does, in one call, for a service checking an uploaded file.
//
// [Load] never prints: what it read through but has to say (an OSCAL import that
// left something out, a mapping set's known quirks) comes back in [Data] as values,
// and what it refuses as an [*Error] listing every problem of the step that failed.
// Its messages name the options as the controlgraph command line spells them
// (--catalog for [Options].Catalogs, --catalog-id, --mappings, --bind), the
// interface through which people hand files over.
package loader

import (
	"errors"
	"fmt"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// Options say which files [Load] reads and how.
type Options struct {
	// Catalogs are the framework files (--catalog), read in order.
	Catalogs []string
	// CatalogID is the framework ID of a CSV framework file, which is also its name,
	// or the ID to give an OSCAL catalog instead of the one it derives (--catalog-id).
	// One CSV framework file per load.
	CatalogID string
	// Mappings are the mapping set files (--mappings), read in order.
	Mappings []string
	// Binds bind a source-resource or target-resource of an OSCAL mapping-collection
	// to a framework: "HREF=FRAMEWORK", HREF as the document writes it (or its file
	// name), FRAMEWORK any ID or alias of the catalog being built (--bind). They are
	// read when a mapping-collection is.
	Binds []string
	// Strict refuses what an OSCAL import otherwise reports and skips (--strict).
	Strict bool
	// ReadFile reads one file and returns the name to use in messages with its
	// data. Nil reads the file system, refusing a file over the project's size
	// limit; the command line passes one that reads "-" as standard input.
	ReadFile func(file string) (name string, data []byte, err error)
}

// Data is what [Load] built and what it has to say about it.
type Data struct {
	// Catalog holds the embedded frameworks and the user's.
	Catalog *catalog.Catalog
	// Sets are the embedded mapping sets, then the user's, each resolved against
	// Catalog ([mappings.Resolve]).
	Sets []mappings.Set
	// Crosswalk is built over Catalog and Sets.
	Crosswalk *crosswalk.Crosswalk
	// CatalogFiles are the framework files that held one framework, for binding the
	// resources of an OSCAL mapping-collection read later (see [OSCALOptions]).
	CatalogFiles []CatalogFile
	// Imports are the reports of the OSCAL imports, in the order the files were read.
	Imports []*oscal.ImportReport
	// Warnings are what [mappings.Validate] found wrong with the user's sets but
	// reads through (known quirks of a source, such as a misprint kept as printed).
	Warnings []*catalog.DataError
}

// CatalogFile is a framework file that held one framework.
type CatalogFile struct {
	File      string              // as given
	UUID      string              // the OSCAL catalog's uuid; "" for other files
	Framework catalog.FrameworkID // the framework read from it
}

// Step names what [Load] was doing when it refused the data.
type Step int

// The steps of [Load], in order.
const (
	StepReadCatalogs   Step = iota + 1 // reading the framework files
	StepBuildCatalog                   // joining the frameworks to the embedded ones
	StepReadMappings                   // reading the mapping set files
	StepSetIDs                         // checking that every set has an ID of its own
	StepValidateSets                   // checking the sets against the catalog
	StepBuildCrosswalk                 // building the crosswalk
)

var stepText = map[Step]string{
	StepReadCatalogs:   "cannot read --catalog",
	StepBuildCatalog:   "the frameworks of --catalog do not fit the catalog",
	StepReadMappings:   "cannot read --mappings",
	StepSetIDs:         "cannot use --mappings",
	StepValidateSets:   "the mapping sets of --mappings are not valid",
	StepBuildCrosswalk: "cannot build the crosswalk",
}

// String says what went wrong at the step, as the start of a message.
func (s Step) String() string {
	if t, ok := stepText[s]; ok {
		return t
	}
	return fmt.Sprintf("loader step %d", int(s))
}

// Error is the data [Load] refuses: every problem found at the step that failed.
// A problem may itself join several ([errors.Join]), as a reader reports all the
// problems of one file. It is a step, not a place in a file: each problem that
// points into one is a [*catalog.DataError], which [errors.As] finds through it.
type Error struct {
	Step     Step    // the step that failed
	Problems []error // every problem that step found, in the order found; never empty
}

// Error returns what the step could not do, then its problems, one per line.
func (e *Error) Error() string {
	return e.Step.String() + ": " + errors.Join(e.Problems...).Error()
}

// Unwrap returns the problems, for [errors.Is] and [errors.As].
func (e *Error) Unwrap() []error { return e.Problems }

// Errors of the problems [Load] and [OSCALOptions] report; test with [errors.Is].
var (
	// ErrWrongOption: a file was given as the other kind (a mapping-collection as a
	// framework file, say).
	ErrWrongOption = errors.New("file given with the wrong option")
	// ErrCatalogID: a CSV framework file without CatalogID, or a second one.
	ErrCatalogID = errors.New("a CSV framework needs its own --catalog-id")
	// ErrTaken: a framework or mapping set ID that is embedded already or given
	// twice.
	ErrTaken = errors.New("ID taken")
	// ErrBind: a bind that is not HREF=FRAMEWORK or names no framework of the
	// catalog.
	ErrBind = errors.New("invalid bind")
	// ErrCSVSet: a mapping CSV whose first row does not say the set's frameworks.
	ErrCSVSet = errors.New("mapping CSV does not name its frameworks")
)

// problem is an error with its own message that [errors.Is] matches to a sentinel.
type problem struct {
	msg string
	err error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.err }

func newProblem(sentinel error, format string, a ...any) error {
	return &problem{msg: fmt.Sprintf(format, a...), err: sentinel}
}

// Load reads the files opts names and builds the catalog, the mapping sets and the
// crosswalk over the embedded data and the user's. The user's frameworks and sets
// add to the embedded ones: an ID the embedded data has is refused. Each step
// reports every problem it finds before Load stops, as an [*Error].
//
// On error, the Data returned holds only the import reports and warnings gathered
// before the step that failed (Catalog, Sets and Crosswalk are nil), so that a
// caller can still show them.
func Load(opts Options) (*Data, error) {
	l := &load{opts: opts, d: &Data{}}
	if l.opts.ReadFile == nil {
		l.opts.ReadFile = readFile
	}
	steps := []func() error{l.readCatalogs, l.buildCatalog, l.readMappings, l.checkSetIDs, l.validateSets, l.buildCrosswalk}
	for _, step := range steps {
		if err := step(); err != nil {
			l.d.Catalog, l.d.Sets, l.d.Crosswalk = nil, nil, nil
			return l.d, err
		}
	}
	return l.d, nil
}

func readFile(file string) (string, []byte, error) {
	data, err := limits.ReadFile(file)
	return file, data, err
}

// readError is the problem of a file that could not be read: a
// [*catalog.DataError] when the file is past the size limit (it is the user's
// input at fault), the error of the file system otherwise.
func readError(name string, err error) error {
	if errors.Is(err, limits.ErrTooLarge) {
		return &catalog.DataError{File: name, Err: err}
	}
	return fmt.Errorf("cannot read %s: %w", name, err)
}

// load is one run of [Load]: its options, what it built so far, and the frameworks
// and sets read.
type load struct {
	opts     Options
	d        *Data
	fws      []catalog.Framework // the user's frameworks
	user     []mappings.Set      // the user's sets
	embedded []mappings.Set      // the embedded sets, built once (see embeddedSets)
	csvs     int                 // CSV framework files read
}

// embeddedSets returns the embedded mapping sets, built on first use and then
// shared by the steps that need them (checking IDs, building the crosswalk).
func (l *load) embeddedSets() []mappings.Set {
	if l.embedded == nil {
		l.embedded = mappings.Embedded()
	}
	return l.embedded
}

// fail returns the error of step, or nil when there are no problems.
func fail(step Step, problems []error) error {
	if len(problems) == 0 {
		return nil
	}
	return &Error{Step: step, Problems: problems}
}

// readCatalogs reads every framework file, refusing a framework ID the embedded
// catalog holds.
func (l *load) readCatalogs() error {
	var problems []error
	embedded := catalog.Default()
	for _, file := range l.opts.Catalogs {
		name, data, err := l.opts.ReadFile(file)
		if err != nil {
			problems = append(problems, readError(name, err))
			continue
		}
		fws, uuid, err := l.readFramework(name, file, data)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if len(fws) == 1 {
			l.d.CatalogFiles = append(l.d.CatalogFiles, CatalogFile{File: file, UUID: uuid, Framework: fws[0].ID})
		}
		for _, f := range fws {
			if embedded.Has(f.ID) {
				problems = append(problems, newProblem(ErrTaken, "%s: framework %s is embedded already; --catalog adds frameworks: give yours an ID of its own", name, f.ID))
			}
		}
		l.fws = append(l.fws, fws...)
	}
	return fail(StepReadCatalogs, problems)
}

// buildCatalog joins the user's frameworks to the embedded ones.
func (l *load) buildCatalog() error {
	cat, err := catalog.New(append(catalog.Embedded(), l.fws...)...)
	if err != nil {
		return fail(StepBuildCatalog, []error{err})
	}
	l.d.Catalog = cat
	return nil
}

// readMappings reads every mapping set file against the catalog built.
func (l *load) readMappings() error {
	var problems []error
	for _, file := range l.opts.Mappings {
		name, data, err := l.opts.ReadFile(file)
		if err != nil {
			problems = append(problems, readError(name, err))
			continue
		}
		sets, err := l.readSets(name, file, data)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		l.user = append(l.user, sets...)
	}
	return fail(StepReadMappings, problems)
}

// checkSetIDs refuses a set ID that is embedded already or given twice.
func (l *load) checkSetIDs() error {
	var problems []error
	taken := map[string]string{}
	for _, s := range l.embeddedSets() {
		taken[s.ID] = "embedded already"
	}
	for _, s := range l.user {
		if why, dup := taken[s.ID]; dup {
			problems = append(problems, newProblem(ErrTaken, "mapping set %q is %s; --mappings adds sets: give yours an ID of its own", s.ID, why))
		}
		taken[s.ID] = "given twice"
	}
	return fail(StepSetIDs, problems)
}

// validateSets resolves the user's sets against the catalog and validates them:
// warnings go to Data.Warnings, errors refuse the data.
func (l *load) validateSets() error {
	var problems []error
	for i, s := range l.user {
		s = mappings.Resolve(s, l.d.Catalog)
		l.user[i] = s
		for _, p := range mappings.Validate(s, l.d.Catalog) {
			if p.Warning {
				l.d.Warnings = append(l.d.Warnings, p)
				continue
			}
			problems = append(problems, p)
		}
	}
	return fail(StepValidateSets, problems)
}

// buildCrosswalk builds the crosswalk over the catalog and every set.
func (l *load) buildCrosswalk() error {
	sets := append(slices.Clip(l.embeddedSets()), l.user...)
	cw, err := crosswalk.New(l.d.Catalog, sets...)
	if err != nil {
		return fail(StepBuildCrosswalk, []error{err})
	}
	l.d.Sets, l.d.Crosswalk = sets, cw
	return nil
}
