package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "validate",
		args:    "FILE [flags]",
		summary: "check a framework, mapping set, export document, assessment or OSCAL file",
		detail: `Reads FILE (- for standard input) as what it looks like and lists every problem
with its place: an export document {"frameworks", "mappings"}, one framework, one
mapping set or several, an assessment, an OSCAL catalog or mapping-collection (JSON);
an assessment as an XLSX workbook (--sheet NAME, else the first sheet); or CSV: an
assessment (a "status" column, in its first rows), a mapping set (a "relationship"
column; name its frameworks with --from and --to) or a framework (a "title" column;
name it with --framework), separated by ',', ';' or tabs, in UTF-8 or UTF-16. The
file is read as a stream, each kind up to its size limit. --kind says what FILE is
when the guess is wrong. For a CSV file it says the separator and encoding it found;
for an assessment also the sheet of an XLSX workbook, the header row, and which
column it read as what.

Mapping references are checked against the embedded catalog (with the frameworks
of --catalog), the frameworks of the same document in place of ones of the same ID. Warnings (known quirks of
a source, kept as published) do not fail; errors exit 2 after the report.`,
		examples: []string{
			"validate export.json",
			"validate my-mapping.csv --from iso27002:2022 --to acme:1",
			"validate assessment.csv",
			"validate soa.xlsx --sheet SoA",
			"validate controls.csv --framework acme:1 --format json",
		},
		formats: []string{formatTable, formatJSON, formatMD},
		minArgs: 1, maxArgs: 1,
		setup: setupValidate,
		data:  true,
	})
}

// The kinds of file validate knows.
var validateKinds = []string{"document", "framework", "mappings", "assessment", "oscal"}

// validateJSON is the output of "validate": its contract and renderers are report's.
type validateJSON = report.Validation

type problemJSON = report.ValidationProblem

func setupValidate(fs *flag.FlagSet) action {
	kind := fs.String("kind", "", "what FILE is: "+strings.Join(validateKinds, ", ")+" (default: guessed)")
	fwID := fs.String("framework", "", "the `ID` of the framework a framework CSV holds")
	from := fs.String("from", "", "the `FRAMEWORK` a mapping CSV maps from")
	to := fs.String("to", "", "the `FRAMEWORK` a mapping CSV maps to")
	baseline := fs.String("baseline", "", "the `FRAMEWORK` an assessment CSV or XLSX rates (default iso27002:2022)")
	sheet := sheetFlag(fs)
	return func(x *invocation, args []string) error {
		if *kind != "" && !slices.Contains(validateKinds, *kind) {
			return badInput("unknown value %q for --kind; accepted: %s", *kind, strings.Join(validateKinds, ", "))
		}
		file := args[0]
		v, err := openValidated(x, file)
		if err != nil {
			return err
		}
		defer v.close()
		v.fwID, v.from, v.to, v.baseline, v.sheet = *fwID, *from, *to, *baseline, *sheet
		v.csvName = strings.EqualFold(filepath.Ext(file), ".csv")
		k := *kind
		if k == "" {
			k = v.guess(v.csvName)
		}
		rep := validateJSON{File: v.name, Kind: k, Problems: []problemJSON{}}
		if err := v.run(k, &rep); err != nil {
			return err
		}
		rep.Count()
		if err := x.writeValidation(&rep); err != nil {
			return err
		}
		if !rep.Valid {
			return &findingError{msg: fmt.Sprintf("%s is not valid: %s, %s", v.name, plural(rep.Errors, "error"), plural(rep.Warnings, "warning")), code: exitInput}
		}
		return nil
	}
}

// validator reads one file for validate. The file is streamed: its first
// [headSize] bytes are looked at to guess what it is, the CSV and assessment readers
// read it through their own size limits (so an oversized file is refused having read
// no more than the limit), and only the kinds read whole (JSON) are read into memory,
// through [limits.ReadAll].
type validator struct {
	x                        *invocation
	name                     string
	src                      *bufio.Reader // the file, from its start
	closer                   io.Closer     // the file, nil for standard input
	head                     []byte        // the first bytes of src
	data                     []byte        // the whole file, once [validator.all] read it
	readErr                  error         // why [validator.all] could not
	fwID, from, to, baseline string
	sheet                    string // of an XLSX assessment
	csvName                  bool   // the file's name ends in .csv: it is CSV
}

// headSize is how much of the file validate looks at to guess what it is.
const headSize = 64 << 10

// openValidated opens file (standard input for "-") for validate.
func openValidated(x *invocation, file string) (*validator, error) {
	v := &validator{x: x, name: file}
	var r io.Reader = x.stdin
	if file == "-" {
		v.name = "standard input"
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, badInput("cannot read %s: %v", file, err)
		}
		r, v.closer = f, f
	}
	v.src = bufio.NewReaderSize(r, headSize)
	head, err := v.src.Peek(headSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		v.close()
		return nil, badInput("cannot read %s: %v", v.name, err)
	}
	v.head = head
	return v, nil
}

func (v *validator) close() {
	if v.closer != nil {
		v.closer.Close()
	}
}

// all returns the whole file, read once, refusing one past [limits.File].
func (v *validator) all() ([]byte, error) {
	if v.data == nil && v.readErr == nil {
		data, err := limits.ReadAll(v.src)
		if err != nil {
			v.readErr = badInput("cannot read %s: %v", v.name, err)
		} else {
			v.data = data
		}
	}
	return v.data, v.readErr
}

// start returns the first bytes of the file.
func (v *validator) start() []byte {
	if v.head == nil {
		return v.data[:min(len(v.data), headSize)]
	}
	return v.head
}

// reader returns the file to read as a stream.
func (v *validator) reader() io.Reader {
	if v.data != nil {
		return bytes.NewReader(v.data)
	}
	return v.src
}

// guess says what the file looks like (loader.IsXLSX, SniffCSV, SniffJSON): an XLSX
// workbook is an assessment; JSON (unless the name ends in .csv) is told apart by its
// top-level fields; CSV by its header row. A validator made with only data
// (import's) guesses from it.
func (v *validator) guess(csvName bool) string {
	v.csvName = csvName
	if loader.IsXLSX(v.start()) {
		return string(loader.KindAssessment) // validate reads only assessments so
	}
	if !v.isJSON() {
		return string(loader.SniffCSV(v.start()))
	}
	data, err := v.all()
	if err != nil {
		return string(loader.KindDocument) // the reading fails again, and says why
	}
	return string(loader.SniffJSON(data))
}

// isJSON reports whether the file is read as JSON: it looks like JSON, and its name
// does not end in .csv.
func (v *validator) isJSON() bool { return !v.csvName && looksJSON(v.start()) }

// csvDialect describes the dialect of a CSV file whose header names columns (the
// columns its reader knows, as README lists them), as the reader finds it: `CSV
// (semicolon-separated, UTF-8 with BOM)`.
func (v *validator) csvDialect(columns ...string) string {
	_, d := csvdialect.Open(bytes.NewReader(v.start()), csvdialect.Config{Header: csvdialect.ColumnsHeader(columns...)})
	return fmt.Sprintf("CSV (%s-separated, %s)", d.DelimiterName(), d.Encoding)
}

// addErr lists the problems of err (an errors.Join of several or one) as errors.
func addErr(rep *validateJSON, err error) {
	if err == nil {
		return
	}
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		rep.Problems = append(rep.Problems, problemJSON{Severity: "error", Message: err.Error()})
	}
	walk(err)
}

func addMappingProblems(rep *validateJSON, ps []*catalog.DataError) {
	for _, p := range ps {
		sev := "error"
		if p.Warning {
			sev = "warning"
		}
		rep.Problems = append(rep.Problems, problemJSON{Severity: sev, Message: strings.TrimPrefix(p.Error(), "warning: ")})
	}
}

// addWarnings lists messages as warnings, each after the file's name.
func (v *validator) addWarnings(rep *validateJSON, msgs []string) {
	for _, m := range msgs {
		rep.Problems = append(rep.Problems, problemJSON{Severity: "warning", Message: v.name + ": " + m})
	}
}

// catalogWith returns the embedded catalog with fws added, each replacing an embedded
// framework of the same ID.
func catalogWith(fws []catalog.Framework) (*catalog.Catalog, error) {
	all := catalog.Embedded()
	for _, f := range fws {
		if i := slices.IndexFunc(all, func(e catalog.Framework) bool { return e.ID == f.ID }); i >= 0 {
			all[i] = f
		} else {
			all = append(all, f)
		}
	}
	return catalog.New(all...)
}

// countNodes is the number of controls and other nodes of fws.
func countNodes(fws []catalog.Framework) int {
	n := 0
	for _, f := range fws {
		n += len(f.Controls)
	}
	return n
}

// run checks the file as kind and lists what it finds in rep. An error is a bad
// command line (a flag the kind needs), not a problem of the file.
func (v *validator) run(kind string, rep *validateJSON) error {
	switch kind {
	case "document":
		return v.runDocument(rep)
	case "framework":
		return v.runFramework(rep)
	case "mappings":
		return v.runMappings(rep)
	case "assessment":
		return v.runAssessment(rep)
	case "oscal":
		return v.runOSCAL(rep)
	}
	return nil
}

// runDocument checks an export document: its frameworks, then its mapping sets
// against the embedded catalog with those frameworks.
func (v *validator) runDocument(rep *validateJSON) error {
	data, err := v.all()
	if err != nil {
		return err
	}
	fws, err := catalog.ReadJSON(v.name, data)
	if err != nil {
		addErr(rep, err)
		return nil
	}
	cat, err := catalogWith(fws)
	if err != nil {
		addErr(rep, err)
		return nil
	}
	sets, ps := mappings.CheckJSON(v.name, data, cat)
	addMappingProblems(rep, ps)
	rep.Summary = fmt.Sprintf("%s with %s; %s", plural(len(fws), "framework"), plural(countNodes(fws), "node"), plural(len(sets), "mapping set"))
	return nil
}

// runFramework checks a framework, JSON or CSV (streamed; its ID from --framework),
// alone and as part of the embedded catalog.
func (v *validator) runFramework(rep *validateJSON) error {
	var fws []catalog.Framework
	if v.isJSON() {
		data, err := v.all()
		if err != nil {
			return err
		}
		if fws, err = catalog.ReadJSON(v.name, data); err != nil {
			addErr(rep, err)
			return nil
		}
	} else {
		if v.fwID == "" {
			return badInput("a framework CSV needs --framework ID (the ID of the framework it holds, such as acme:1)")
		}
		f, err := catalog.ReadCSV(v.name, v.reader(), catalog.Framework{ID: catalog.FrameworkID(v.fwID), Name: v.fwID})
		if err != nil {
			addErr(rep, err)
			return nil
		}
		fws = []catalog.Framework{f}
	}
	if _, err := catalogWith(fws); err != nil {
		addErr(rep, err)
		return nil
	}
	rep.Summary = fmt.Sprintf("%s with %s", plural(len(fws), "framework"), plural(countNodes(fws), "node"))
	if !v.isJSON() {
		rep.Summary += "; read as " + v.csvDialect("id", "title", "kind", "parent", "summary")
	}
	return nil
}

// runMappings checks mapping sets, JSON or CSV (streamed; its frameworks from --from
// and --to, its ID and source from the file's name), against the catalog in use.
func (v *validator) runMappings(rep *validateJSON) error {
	if v.isJSON() {
		data, err := v.all()
		if err != nil {
			return err
		}
		sets, ps := mappings.CheckJSON(v.name, data, v.x.cat)
		addMappingProblems(rep, ps)
		rep.Summary = plural(len(sets), "mapping set")
		return nil
	}
	if v.from == "" || v.to == "" {
		return badInput("a mapping CSV needs --from FRAMEWORK and --to FRAMEWORK (the frameworks of its from and to columns)")
	}
	from, err := v.x.resolveFramework(v.from)
	if err != nil {
		return err
	}
	to, err := v.x.resolveFramework(v.to)
	if err != nil {
		return err
	}
	id := strings.TrimSuffix(filepath.Base(v.name), filepath.Ext(v.name))
	meta := mappings.Set{ID: id, From: from, To: to, Kind: mappings.Crosswalk, Source: mappings.Source{ID: id}}
	s, ps := mappings.CheckCSV(v.name, v.reader(), meta, v.x.cat)
	addMappingProblems(rep, ps)
	rep.Summary = plural(len(s.Edges), "edge") + "; read as " + v.csvDialect("from", "to", "relationship", "strength", "rationale", "source", "label", "note")
	return nil
}

// runAssessment reads an assessment (streamed, through the assessment reader's own
// limit) and says how it read it; its warnings are listed, the controls not assessed
// by ID.
func (v *validator) runAssessment(rep *validateJSON) error {
	var opts []crosswalk.ReadOption
	if v.baseline != "" {
		fw, err := v.x.resolveFramework(v.baseline)
		if err != nil {
			return err
		}
		opts = append(opts, crosswalk.WithBaseline(fw))
	}
	if v.sheet != "" {
		opts = append(opts, crosswalk.WithSheet(v.sheet))
	}
	if v.x.data != nil && v.x.data.strict {
		opts = append(opts, crosswalk.WithStrict())
	}
	a, err := crosswalk.ReadAssessment(v.name, v.reader(), v.x.cat, opts...)
	if err != nil {
		addErr(rep, err)
		return nil
	}
	rep.Summary = fmt.Sprintf("%s of %s rated", plural(a.Len(), "control"), a.Baseline())
	if in := a.Input(); in.Format != "json" {
		rep.Summary += "; read as " + in.String()
	}
	for _, w := range a.Warnings() {
		msg := strings.TrimPrefix(w.Error(), "warning: ")
		if errors.Is(w, crosswalk.ErrIncomplete) {
			missing := a.NotAssessed()
			ids := make([]string, len(missing))
			for i, r := range missing {
				ids[i] = r.ID
			}
			msg += ": " + strings.Join(ids, ", ")
		}
		rep.Problems = append(rep.Problems, problemJSON{Severity: "warning", Message: msg})
	}
	return nil
}

// runOSCAL checks an OSCAL catalog (as a framework of the catalog) or
// mapping-collection (its sets against the catalog in use), with the importer's notes
// as warnings.
func (v *validator) runOSCAL(rep *validateJSON) error {
	data, err := v.all()
	if err != nil {
		return err
	}
	model, err := oscal.DocumentModel(v.name, data)
	if err != nil {
		addErr(rep, err)
		return nil
	}
	var r *oscal.ImportReport
	switch model {
	case "catalog":
		r, err = v.importOSCALCatalog(data)
	case "mapping-collection":
		r, err = v.importOSCALMappings(data, rep)
	default:
		return badInput("%s is an OSCAL %s; validate reads OSCAL catalogs and mapping-collections", v.name, model)
	}
	var flagErr *cmdLineError
	if errors.As(err, &flagErr) {
		return flagErr.err
	}
	if err != nil {
		addErr(rep, err)
		return nil
	}
	if r != nil {
		rep.Summary = fmt.Sprintf("OSCAL %s %q (OSCAL %s)", r.Model, r.Title, r.OSCALVersion)
		v.addWarnings(rep, r.Notes)
		// Every field outside the OSCAL model and every skipped map, one each.
		v.addWarnings(rep, r.Details())
	}
	return nil
}

// cmdLineError carries an error of the command line out of an import, to tell it from
// a problem of the file.
type cmdLineError struct{ err error }

func (e *cmdLineError) Error() string { return e.err.Error() }

// importOSCALCatalog imports an OSCAL catalog and builds it into the embedded catalog.
func (v *validator) importOSCALCatalog(data []byte) (*oscal.ImportReport, error) {
	opts, err := v.x.oscalOptions(false)
	if err != nil {
		return nil, &cmdLineError{err}
	}
	f, r, err := oscal.ImportCatalog(v.name, data, opts...)
	if err == nil {
		_, err = catalogWith([]catalog.Framework{f})
	}
	return r, err
}

// importOSCALMappings imports an OSCAL mapping-collection and lists the problems of
// its sets against the catalog in use.
func (v *validator) importOSCALMappings(data []byte, rep *validateJSON) (*oscal.ImportReport, error) {
	opts, err := v.x.oscalOptions(true)
	if err != nil {
		return nil, &cmdLineError{err}
	}
	sets, r, err := oscal.ImportMappings(v.name, data, opts...)
	if err != nil {
		return r, err
	}
	for _, s := range sets {
		ps := mappings.Validate(s, v.x.cat)
		for _, p := range ps {
			p.File = v.name
		}
		addMappingProblems(rep, ps)
	}
	return r, nil
}

func (x *invocation) writeValidation(rep *validateJSON) error {
	return x.render(func(w io.Writer, f report.Format) error {
		return report.RenderValidation(w, rep, f, report.Options{Width: x.width})
	})
}
