package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/loader"
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
an assessment as an XLSX workbook (--sheet NAME, else the first sheet); or CSV: a
mapping set (a "relationship" column in its first row; name its frameworks with
--from and --to), a framework (a "title" column in its first row; name it with
--framework), else an assessment (a "status" column, below any title block;
an empty, .xls or binary file is read as one too, and its message says what is
wrong), separated by ',', ';' or tabs, in UTF-8 or UTF-16. The
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

// setupValidate reads the flags into the options of loader.Check, which reads and
// checks the file; report renders what it found.
func setupValidate(fs *flag.FlagSet) action {
	kind := fs.String("kind", "", "what FILE is: "+kindNames()+" (default: guessed)")
	fwID := fs.String("framework", "", "the `ID` of the framework a framework CSV holds")
	from := fs.String("from", "", "the `FRAMEWORK` a mapping CSV maps from")
	to := fs.String("to", "", "the `FRAMEWORK` a mapping CSV maps to")
	baseline := fs.String("baseline", "", "the `FRAMEWORK` an assessment CSV or XLSX rates (default iso27002:2022)")
	sheet := sheetFlag(fs)
	return func(x *invocation, args []string) error {
		k, err := loader.ParseKind(*kind)
		if err != nil {
			return badInput("%v", err)
		}
		name, r, closeFile, err := x.openStream(args[0])
		if err != nil {
			return err
		}
		defer closeFile()
		d := x.data
		if d == nil {
			d = &dataOptions{}
		}
		checked, err := loader.Check(name, r, loader.CheckOptions{
			Kind: k, Framework: catalog.FrameworkID(*fwID), From: *from, To: *to, Baseline: *baseline, Sheet: *sheet,
			Strict: d.strict, Catalog: x.cat, CatalogFiles: d.read, Binds: d.binds,
		})
		if err != nil {
			return badInput("%v", err)
		}
		rep := report.NewValidation(checked)
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderValidation(w, &rep, f, report.Options{Width: x.width})
		}); err != nil {
			return err
		}
		if !rep.Valid {
			msg := fmt.Sprintf("%s is not valid: %s, %s", name, plural(rep.Errors, "error"), plural(rep.Warnings, "warning"))
			if wrongBaseline(checked) {
				msg += "; " + x.cmd.baselineHint()
			}
			return &findingError{msg: msg, code: exitInput}
		}
		return nil
	}
}

// wrongBaseline reports whether a problem is a control of another framework than
// the assessment's baseline.
func wrongBaseline(c *loader.Checked) bool {
	return slices.ContainsFunc(c.Problems, func(p loader.Problem) bool { return errors.Is(p, crosswalk.ErrWrongFramework) })
}

// kindNames lists the kinds of file validate reads, as --kind takes them.
func kindNames() string {
	var names []string
	for _, k := range loader.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// openStream opens file for reading as a stream (standard input for "-"), with the
// name messages give it and the function that closes it.
func (x *invocation) openStream(file string) (name string, r io.Reader, closeFile func(), err error) {
	if file == "-" {
		return "standard input", x.stdin, func() {}, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return file, nil, nil, badInput("cannot read %s: %v", file, err)
	}
	return file, f, func() { f.Close() }, nil
}
