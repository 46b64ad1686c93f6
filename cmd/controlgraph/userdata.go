package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// dataOptions are the flags that bring the user's own frameworks and mapping sets:
// --catalog FILE, --catalog-id ID and --mappings FILE; and how they are read:
// --bind HREF=FRAMEWORK, --strict and --verbose.
type dataOptions struct {
	catalogs  fileList
	catalogID string
	mappings  fileList
	binds     fileList
	strict    bool
	verbose   bool
	// read are the --catalog files read, for binding the resources of OSCAL
	// mapping-collections to them by file name or uuid.
	read []loader.CatalogFile
}

// fileList collects the values of a repeatable file flag (no comma splitting: a
// file name may hold a comma).
type fileList []string

func (l *fileList) String() string { return strings.Join(*l, " ") }

func (l *fileList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("empty file name")
	}
	*l = append(*l, s)
	return nil
}

func (d *dataOptions) declare(fs *flag.FlagSet) {
	fs.Var(&d.catalogs, "catalog", "add the frameworks of `FILE` to the embedded ones: our JSON (a framework or an export document), an OSCAL catalog, or CSV with --catalog-id (repeatable)")
	fs.StringVar(&d.catalogID, "catalog-id", "", "the framework `ID` of a CSV --catalog (it is also its name); with an OSCAL catalog, the ID to give it")
	fs.Var(&d.mappings, "mappings", "add the mapping sets of `FILE`: our JSON (a set or an export document), an OSCAL mapping-collection, or CSV with refs written framework/id (repeatable)")
	fs.Var(&d.binds, "bind", "bind a source-resource or target-resource of an OSCAL mapping-collection to a framework: `HREF=FRAMEWORK`, HREF as written in the file (or its file name), FRAMEWORK any ID or alias, embedded ones included (repeatable)")
	fs.BoolVar(&d.strict, "strict", false, "refuse what an OSCAL import would otherwise warn about and skip: fields outside the OSCAL model, maps citing controls the catalog does not hold or holds as withdrawn; and what an assessment's reader would: unknown columns, skipped rows, controls without a status or with a text that is not their title")
	fs.BoolVar(&d.verbose, "verbose", false, "print everything an OSCAL import left out, every entry (by default one summary line per file)")
}

// oscalOptions returns the options of an OSCAL import: --strict, and for a
// mapping-collection the catalog, the --catalog files read and the --bind values
// resolved in it (loader.OSCALOptions).
func (x *invocation) oscalOptions(mappingsToo bool) ([]oscal.Option, error) {
	d := x.data
	if d == nil {
		d = &dataOptions{}
	}
	if !mappingsToo {
		if d.strict {
			return []oscal.Option{oscal.WithStrict()}, nil
		}
		return nil, nil
	}
	opts, err := loader.OSCALOptions(x.cat, d.strict, d.read, d.binds)
	if err != nil {
		return nil, badInput("%v", err)
	}
	return opts, nil
}

func (d *dataOptions) given() bool { return len(d.catalogs) > 0 || len(d.mappings) > 0 }

// crosswalk returns the crosswalk the command works on: the embedded one, or the one
// loadData built over the user's data.
func (x *invocation) crosswalk() *crosswalk.Crosswalk {
	if x.cw == nil {
		x.cw = crosswalk.Default()
	}
	return x.cw
}

// allSets returns the mapping sets of the crosswalk: the embedded ones, then the
// user's, each resolved against the catalog.
func (x *invocation) allSets() []mappings.Set {
	if x.sets == nil {
		x.sets = mappings.Embedded()
	}
	return x.sets
}

// findSet returns the set with the given ID, or an input error naming the IDs.
func (x *invocation) findSet(id string) (mappings.Set, error) {
	var ids []string
	for _, s := range x.allSets() {
		if s.ID == id {
			return s, nil
		}
		ids = append(ids, s.ID)
	}
	return mappings.Set{}, badInput("unknown mapping set %q; accepted: %s", id, strings.Join(ids, ", "))
}

// problemsError is bad user data: exit status 2 with every problem, one problem on
// one line ("WHAT: p1"), several as a list (fail writes "WHAT: N problems:" and one
// problem a line).
//
// At most maxProblems problems are listed, then how many more there are
// ('controlgraph validate' lists them all).
func problemsError(what string, problems []string) error {
	if len(problems) == 1 {
		return badInput("%s: %s", what, problems[0])
	}
	list := problems
	if len(list) > maxProblems {
		list = append(list[:maxProblems:maxProblems], fmt.Sprintf("... and %d more (see 'controlgraph validate FILE')", len(problems)-maxProblems))
	}
	return &listError{head: fmt.Sprintf("%s: %d problems", what, len(problems)), items: list}
}

// maxProblems bounds the problems an error lists.
const maxProblems = 20

// errorLines splits an error joined with errors.Join into one line per problem.
func errorLines(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{strings.ReplaceAll(err.Error(), "\n", "; ")}
}

// loadData reads the user's frameworks and mapping sets (package loader) and
// builds the catalog and the crosswalk the command works on. What the loader has to
// say (what an OSCAL import left out, known quirks of a set) goes to standard error,
// even when it refuses the data; an error stops the command with every problem.
func (x *invocation) loadData(d *dataOptions) error {
	data, err := loader.Load(loader.Options{
		Catalogs: d.catalogs, CatalogID: d.catalogID, Mappings: d.mappings, Binds: d.binds, Strict: d.strict,
		ReadFile: x.readInput,
	})
	for _, rep := range data.Imports {
		x.warnImport(rep)
	}
	for _, p := range data.Warnings {
		fmt.Fprintf(x.stderr, "controlgraph %s: %s\n", x.cmd.name, p.Error())
	}
	if err != nil {
		var le *loader.Error
		if !errors.As(err, &le) {
			return badInput("%v", err)
		}
		var lines []string
		for _, p := range le.Problems {
			lines = append(lines, errorLines(p)...)
		}
		return problemsError(le.Step.String(), lines)
	}
	d.read = data.CatalogFiles
	x.cat, x.cw, x.sets, x.userData = data.Catalog, data.Crosswalk, data.Sets, true
	return nil
}

// warnImport says what an OSCAL import left out or changed: one summary line, or
// with --verbose every warning and every entry of its lists.
func (x *invocation) warnImport(rep *oscal.ImportReport) {
	if rep == nil {
		return
	}
	w := rep.Warnings()
	if len(w) == 0 && len(rep.Details()) == 0 {
		return
	}
	if x.data == nil || !x.data.verbose {
		fmt.Fprintf(x.stderr, "controlgraph %s: note: %s (--verbose for details)\n", x.cmd.name, rep.Summary())
		return
	}
	for _, l := range append(w, rep.Details()...) {
		fmt.Fprintf(x.stderr, "controlgraph %s: warning: %s: %s\n", x.cmd.name, rep.File, l)
	}
}
