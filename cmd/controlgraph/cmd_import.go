package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "import",
		args:    "FILE [--framework-id ID] [flags]",
		summary: "read a framework or mapping file (OSCAL or ours) and say what it holds",
		detail: `Reads FILE (- for standard input) as what it is: an OSCAL catalog or mapping-collection
(JSON, OSCAL 1.x); our export document {"frameworks", "mappings"}, one framework or
one mapping set (JSON); or CSV: a framework (name it with --framework-id and
--name) or a mapping set (a "relationship" column, refs written framework/id).

It prints what it read: each framework with its controls per kind, each mapping set
with its frameworks and the number of edges and statements. What an OSCAL import
leaves out or ignores (links, prose other than the statement, fields outside the
OSCAL model, maps citing controls the catalog does not hold or holds as withdrawn)
is reported on standard error, lists cut to their first entries (all with
--verbose); --strict makes each of these an error. Withdrawn controls are kept,
marked, and are never items of a gap analysis; every control of an OSCAL catalog,
at every depth, is one.

A mapping-collection's source-resource and target-resource must name frameworks:
an href naming the file (or the uuid) of a --catalog binds to its framework, and
--bind HREF=FRAMEWORK binds an href as written (or a file name) to any framework,
embedded ones included. The frameworks are checked as the catalog checks
them and the mapping sets against the catalog (the embedded frameworks, those of
--catalog, and those of FILE itself): errors exit 2 with every problem listed;
warnings (a source's known quirks) go to standard error.

The same files can then be given to any command with --catalog and --mappings.`,
		examples: []string{
			"import nist-800-53.oscal.json --framework-id sp800-53:5",
			"import acme.csv --framework-id acme:1 --name \"ACME controls\"",
			"import acme-to-iso.oscal.json --catalog acme.json",
			"import vendor-map.json --catalog NIST_SP-800-53_rev5_catalog.json --bind iso27001-annex-a.json=iso27002:2022",
		},
		formats: []string{formatTable, formatJSON},
		minArgs: 1, maxArgs: 1,
		data:  true,
		setup: setupImport,
	})
}

// importJSON is the output of "import": its contract and renderer are report's.
type (
	importJSON          = report.ImportDoc
	importFrameworkJSON = report.ImportedFramework
	importSetJSON       = report.ImportedSet
	kindCountJSON       = report.KindCountDoc
)

func setupImport(fs *flag.FlagSet) action {
	fwID := fs.String("framework-id", "", "the `ID` of the framework (required for CSV; for an OSCAL catalog, instead of the derived one)")
	name := fs.String("name", "", "the `NAME` of a CSV framework (default its ID)")
	return func(x *invocation, args []string) error {
		file := args[0]
		fname, data, err := x.readInput(file)
		if err != nil {
			return badInput("cannot read %s: %v", fname, err)
		}
		if bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), []byte("[")) {
			return badInput("%s holds a JSON array at the top level; import reads one JSON object: a framework, a mapping set, an export document {\"frameworks\": [...], \"mappings\": [...]} or an OSCAL catalog or mapping-collection", fname)
		}
		in := importInput{file: file, name: fname, data: data, fwID: *fwID, fwName: *name}
		var got imported
		switch kind := loader.Guess(fname, data); kind {
		case loader.KindOSCAL:
			got, err = x.importOSCAL(in)
		case loader.KindDocument, loader.KindFramework, loader.KindMappingSet:
			got, err = importOurs(in, string(kind))
		default:
			return badInput("%s looks like an assessment; import reads frameworks and mapping sets (see 'controlgraph validate')", fname)
		}
		if err != nil {
			return err
		}
		doc := report.NewImportDoc(fname, got.kind, got.fws, got.sets, nil)
		if got.rep != nil {
			doc.Warnings = append(doc.Warnings, got.rep.Warnings()...)
			if x.data != nil && x.data.verbose {
				doc.Warnings = append(doc.Warnings, got.rep.Details()...)
			}
		}
		if err := x.checkImport(got.fws, got.sets, &doc); err != nil {
			return err
		}
		for _, w := range doc.Warnings {
			fmt.Fprintf(x.stderr, "controlgraph import: warning: %s\n", w)
		}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderImport(w, &doc, f, report.Options{Width: x.width})
		})
	}
}

// importInput is the file import reads and the flags that name what it holds.
type importInput struct {
	file, name   string // the argument, and the name used in messages
	data         []byte
	fwID, fwName string // --framework-id, --name
}

// imported is what import read: frameworks, mapping sets, the OSCAL import's
// report (nil for our formats) and what kind of file it was, as printed.
type imported struct {
	fws  []catalog.Framework
	sets []mappings.Set
	rep  *oscal.ImportReport
	kind string
}

// importOSCAL reads an OSCAL catalog or mapping-collection.
func (x *invocation) importOSCAL(in importInput) (imported, error) {
	model, err := oscal.DocumentModel(in.name, in.data)
	if err != nil {
		return imported{}, problemsError("cannot read "+in.name, errorLines(err))
	}
	got := imported{kind: "oscal " + model}
	switch model {
	case "catalog":
		opts, err := x.oscalOptions(false)
		if err != nil {
			return imported{}, err
		}
		if in.fwID != "" {
			opts = append(opts, oscal.WithFrameworkID(catalog.FrameworkID(in.fwID)))
		}
		fw, r, err := oscal.ImportCatalog(in.name, in.data, opts...)
		if err != nil {
			return imported{}, problemsError("cannot import "+in.name, withoutFile(in.name, errorLines(err)))
		}
		got.fws, got.rep = []catalog.Framework{fw}, r
	case "mapping-collection":
		opts, err := x.oscalOptions(true)
		if err != nil {
			return imported{}, err
		}
		sets, r, err := oscal.ImportMappings(in.name, in.data, opts...)
		if err != nil {
			return imported{}, problemsError("cannot import "+in.name, withoutFile(in.name, errorLines(err)))
		}
		got.sets, got.rep = sets, r
	default:
		return imported{}, badInput("%s is an OSCAL %s; import reads catalogs and mapping-collections", in.name, model)
	}
	return got, nil
}

// importOurs reads a file in the project's formats, of the kind the validator
// guessed: an export document, a framework or a mapping set, in JSON, or a
// framework or mapping set in CSV.
func importOurs(in importInput, kind string) (imported, error) {
	switch {
	case kind == "mappings" && !loader.LooksJSON(in.data):
		return importSetCSV(in)
	case kind == "framework" && !loader.LooksJSON(in.data):
		return importFrameworkCSV(in)
	}
	got := imported{kind: map[string]string{"document": "export document", "framework": "framework", "mappings": "mapping set"}[kind]}
	var err error
	if kind != "mappings" {
		if got.fws, err = catalog.ReadJSON(in.name, in.data); err != nil {
			return imported{}, problemsError("cannot read "+in.name, errorLines(err))
		}
	}
	if kind != "framework" {
		if got.sets, err = mappings.ReadJSON(in.name, in.data); err != nil {
			return imported{}, problemsError("cannot read "+in.name, errorLines(err))
		}
	}
	return got, nil
}

// importSetCSV reads a mapping set in CSV, its frameworks named by the file name or
// its refs.
func importSetCSV(in importInput) (imported, error) {
	meta, err := loader.CSVSetMeta(in.name, in.file, in.data)
	if err != nil {
		return imported{}, badInput("%v", err)
	}
	s, err := mappings.ReadCSV(in.name, bytes.NewReader(in.data), meta)
	if err != nil {
		return imported{}, problemsError("cannot read "+in.name, errorLines(err))
	}
	return imported{sets: []mappings.Set{s}, kind: "mapping set (CSV)"}, nil
}

// importFrameworkCSV reads a framework in CSV, named by --framework-id and --name.
func importFrameworkCSV(in importInput) (imported, error) {
	if in.fwID == "" {
		return imported{}, badInput("%s is a CSV framework: name it with --framework-id ID (and --name NAME)", in.name)
	}
	n := in.fwName
	if n == "" {
		n = in.fwID
	}
	fw, err := catalog.ReadCSV(in.name, bytes.NewReader(in.data), catalog.Framework{ID: catalog.FrameworkID(in.fwID), Name: n})
	if err != nil {
		return imported{}, problemsError("cannot read "+in.name, errorLines(err))
	}
	return imported{fws: []catalog.Framework{fw}, kind: "framework (CSV)"}, nil
}

// checkImport checks the frameworks as catalog.New does (beside the catalog's, in
// place of one of the same ID) and the sets against that catalog. Warnings are
// added to doc; errors are returned, every one listed.
func (x *invocation) checkImport(fws []catalog.Framework, sets []mappings.Set, doc *importJSON) error {
	mine := map[catalog.FrameworkID]bool{}
	for _, fw := range fws {
		mine[fw.ID] = true
	}
	all := append([]catalog.Framework(nil), fws...)
	for in := range x.cat.Frameworks() {
		if !mine[in.ID] {
			spec, _ := x.cat.Spec(in.ID)
			all = append(all, spec)
		}
	}
	cat, err := catalog.New(all...)
	if err != nil {
		return problemsError(doc.File+" is not a valid framework", errorLines(err))
	}
	var problems []string
	unknownFramework := false
	for _, s := range sets {
		for _, p := range mappings.Validate(mappings.Resolve(s, cat), cat) {
			if p.Warning {
				doc.Warnings = append(doc.Warnings, strings.TrimPrefix(p.Error(), "warning: "))
				continue
			}
			unknownFramework = unknownFramework || errors.Is(p, mappings.ErrUnknownSetFramework)
			problems = append(problems, p.Error())
		}
	}
	if len(problems) > 0 {
		err := problemsError(doc.File+" has invalid mapping sets", problems)
		if unknownFramework {
			const hint = "hint: give the file of a framework that is not embedded with --catalog FILE"
			switch e := err.(type) {
			case *inputError:
				e.msg += "; " + hint
			case *listError:
				e.hint = hint
			}
		}
		return err
	}
	return nil
}

// withoutFile drops the file name the lines of an error start with, when the
// message names the file already.
func withoutFile(name string, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimPrefix(l, name+": ")
	}
	return out
}
