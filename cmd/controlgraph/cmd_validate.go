package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
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
name it with --framework). --kind says what FILE is when the guess is wrong. For an
assessment it says how it read the file: the CSV separator and encoding or the sheet,
the header row, and which column it read as what.

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

// validateJSON is the output of "validate --format json".
type validateJSON struct {
	File     string        `json:"file"`
	Kind     string        `json:"kind"`
	Valid    bool          `json:"valid"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Summary  string        `json:"summary,omitempty"`
	Problems []problemJSON `json:"problems"`
}

type problemJSON struct {
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

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
		name, data, err := x.readInput(file)
		if err != nil {
			return badInput("cannot read %s: %v", name, err)
		}
		v := &validator{x: x, name: name, data: data, fwID: *fwID, from: *from, to: *to, baseline: *baseline, sheet: *sheet}
		k := *kind
		if k == "" {
			k = v.guess(strings.EqualFold(filepath.Ext(file), ".csv"))
		}
		rep := validateJSON{File: name, Kind: k, Problems: []problemJSON{}}
		if err := v.run(k, &rep); err != nil {
			return err
		}
		for _, p := range rep.Problems {
			// "... and N more problems" stands for N errors not listed, not for one.
			var more int
			if n, err := fmt.Sscanf(p.Message, "... and %d more problems", &more); err == nil && n == 1 {
				if p.Severity == "error" {
					rep.Errors += more
				} else {
					rep.Warnings += more
				}
				continue
			}
			if p.Severity == "error" {
				rep.Errors++
			} else {
				rep.Warnings++
			}
		}
		rep.Valid = rep.Errors == 0
		if err := x.writeValidation(rep); err != nil {
			return err
		}
		if !rep.Valid {
			return &findingError{msg: fmt.Sprintf("%s is not valid: %s, %s", name, plural(rep.Errors, "error"), plural(rep.Warnings, "warning")), code: exitInput}
		}
		return nil
	}
}

type validator struct {
	x                        *invocation
	name                     string
	data                     []byte
	fwID, from, to, baseline string
	sheet                    string // of an XLSX assessment
}

// guess says what the data looks like.
func (v *validator) guess(csvName bool) string {
	if bytes.HasPrefix(v.data, []byte("PK\x03\x04")) {
		return "assessment" // an XLSX workbook: validate reads only assessments so
	}
	if looksAssessmentCSV(v.data) {
		return "assessment"
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(v.data, []byte("\uFEFF")), " \t\r\n")
	if !csvName && looksJSON(v.data) {
		var m map[string]any
		if codec.DecodeStrict(trimmed, &m) != nil {
			return "document" // let the reader report the syntax error
		}
		switch {
		case m["catalog"] != nil || m["mapping-collection"] != nil:
			return "oscal"
		case m["frameworks"] != nil || m["mappings"] != nil:
			return "document"
		case m["edges"] != nil:
			return "mappings"
		case m["name"] != nil:
			return "framework"
		case m["controls"] != nil:
			return "assessment"
		}
		return "document"
	}
	header, _, _ := bytes.Cut(trimmed, []byte("\n"))
	cols := strings.Split(strings.ToLower(string(header)), ",")
	for i := range cols {
		cols[i] = strings.Trim(strings.TrimSpace(cols[i]), `"`)
	}
	switch {
	case slices.Contains(cols, "status"):
		return "assessment"
	case slices.Contains(cols, "relationship"):
		return "mappings"
	}
	return "framework"
}

func (v *validator) isJSON() bool { return looksJSON(v.data) }

// looksAssessmentCSV reports whether one of the first lines of data, split at ',',
// ';' or tabs, has a status column ("Status", "Implementation status") next to a
// control column, as an assessment's header row below a title block does. Text in
// UTF-16 is read as such.
func looksAssessmentCSV(data []byte) bool {
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) ||
		(len(data) > 3 && (data[1] == 0) != (data[0] == 0)) {
		data = bytes.ReplaceAll(data, []byte{0}, nil)
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	for i, line := range strings.SplitN(string(data), "\n", 51) {
		if i == 50 {
			break
		}
		cells := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == '\t' })
		status, control := false, false
		for _, c := range cells {
			switch key(c) {
			case "status", "implementationstatus":
				status = true
			case "control", "controlid", "id", "ref", "annexa":
				control = true
			}
		}
		if status && control {
			return true
		}
	}
	return false
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

func addMappingProblems(rep *validateJSON, ps []*mappings.Problem) {
	for _, p := range ps {
		rep.Problems = append(rep.Problems, problemJSON{Severity: p.Severity.String(), Message: strings.TrimPrefix(p.Error(), "warning: ")})
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

func (v *validator) run(kind string, rep *validateJSON) error {
	switch kind {
	case "document":
		fws, err := catalog.ReadJSON(v.name, v.data)
		if err != nil {
			addErr(rep, err)
			return nil
		}
		cat, err := catalogWith(fws)
		if err != nil {
			addErr(rep, err)
			return nil
		}
		sets, ps := mappings.CheckJSON(v.name, v.data, cat)
		addMappingProblems(rep, ps)
		n := 0
		for _, f := range fws {
			n += len(f.Controls)
		}
		rep.Summary = fmt.Sprintf("%s with %s; %s", plural(len(fws), "framework"), plural(n, "node"), plural(len(sets), "mapping set"))
	case "framework":
		var fws []catalog.Framework
		var err error
		if v.isJSON() {
			fws, err = catalog.ReadJSON(v.name, v.data)
		} else {
			if v.fwID == "" {
				return badInput("a framework CSV needs --framework ID (the ID of the framework it holds, such as acme:1)")
			}
			var f catalog.Framework
			f, err = catalog.ReadCSV(v.name, bytes.NewReader(v.data), catalog.Framework{ID: catalog.FrameworkID(v.fwID), Name: v.fwID})
			fws = []catalog.Framework{f}
		}
		if err != nil {
			addErr(rep, err)
			return nil
		}
		if _, err := catalogWith(fws); err != nil {
			addErr(rep, err)
			return nil
		}
		n := 0
		for _, f := range fws {
			n += len(f.Controls)
		}
		rep.Summary = fmt.Sprintf("%s with %s", plural(len(fws), "framework"), plural(n, "node"))
	case "mappings":
		if v.isJSON() {
			sets, ps := mappings.CheckJSON(v.name, v.data, v.x.cat)
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
		s, ps := mappings.CheckCSV(v.name, bytes.NewReader(v.data), meta, v.x.cat)
		addMappingProblems(rep, ps)
		rep.Summary = plural(len(s.Edges), "edge")
	case "assessment":
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
		a, err := crosswalk.ReadAssessment(v.name, bytes.NewReader(v.data), v.x.cat, opts...)
		if err != nil {
			addErr(rep, err)
			return nil
		}
		rep.Summary = fmt.Sprintf("%s of %s rated", plural(a.Len(), "control"), a.Baseline())
		if in := a.Input(); in.Format != "json" {
			rep.Summary += "; read as " + in.String()
		}
		for _, w := range a.Warnings() {
			msg := w.Error()
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
	case "oscal":
		model, err := oscal.DocumentModel(v.name, v.data)
		if err != nil {
			addErr(rep, err)
			return nil
		}
		var r *oscal.ImportReport
		switch model {
		case "catalog":
			var f catalog.Framework
			opts, oerr := v.x.oscalOptions(false)
			if oerr != nil {
				return oerr
			}
			f, r, err = oscal.ImportCatalog(v.name, v.data, opts...)
			if err == nil {
				_, err = catalogWith([]catalog.Framework{f})
			}
		case "mapping-collection":
			var sets []mappings.Set
			opts, oerr := v.x.oscalOptions(true)
			if oerr != nil {
				return oerr
			}
			sets, r, err = oscal.ImportMappings(v.name, v.data, opts...)
			if err == nil {
				for _, s := range sets {
					ps := mappings.Validate(s, v.x.cat)
					for _, p := range ps {
						p.File = v.name
					}
					addMappingProblems(rep, ps)
				}
			}
		default:
			return badInput("%s is an OSCAL %s; validate reads OSCAL catalogs and mapping-collections", v.name, model)
		}
		if err != nil {
			addErr(rep, err)
			return nil
		}
		if r != nil {
			rep.Summary = fmt.Sprintf("OSCAL %s %q (OSCAL %s)", r.Model, r.Title, r.OSCALVersion)
			for _, n := range r.Notes {
				rep.Problems = append(rep.Problems, problemJSON{Severity: "warning", Message: v.name + ": " + n})
			}
			// Every field outside the OSCAL model and every skipped map, one each.
			for _, d := range r.Details() {
				rep.Problems = append(rep.Problems, problemJSON{Severity: "warning", Message: v.name + ": " + d})
			}
		}
	}
	return nil
}

func (x *invocation) writeValidation(rep validateJSON) error {
	if x.format == formatJSON {
		return x.writeJSON(rep)
	}
	verdict := "valid"
	if !rep.Valid {
		verdict = "NOT valid"
	}
	head := fmt.Sprintf("%s (%s): %s; %s, %s", rep.File, rep.Kind, verdict, plural(rep.Errors, "error"), plural(rep.Warnings, "warning"))
	if rep.Summary != "" {
		head += "; " + rep.Summary
	}
	if x.format == formatMD {
		fmt.Fprintf(x.out, "# Validation of %s\n\n%s\n", rep.File, mdCell(head))
		if len(rep.Problems) > 0 {
			fmt.Fprintln(x.out)
			t := newTable(-1, "severity", "problem")
			for _, p := range rep.Problems {
				t.Add(p.Severity, p.Message)
			}
			return t.WriteMarkdown(x.out)
		}
		return nil
	}
	fmt.Fprintln(x.out, head)
	for _, p := range rep.Problems {
		lines := wrapText(p.Message, max(x.width-11, minWrap))
		fmt.Fprintf(x.out, "  %-8s %s\n", p.Severity, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(x.out, "  %-8s %s\n", "", l)
		}
	}
	return nil
}
