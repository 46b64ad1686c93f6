package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/loader"
)

// Validation is what checking one input file found (controlgraph validate): the
// file, the kind it was read as, the verdict, the counts and the problems, each
// one line. Its JSON form is the validate command's contract.
type Validation struct {
	File     string              `json:"file"`
	Kind     string              `json:"kind"`  // "document", "framework", "mappings", "assessment" or "oscal"
	Valid    bool                `json:"valid"` // no errors (warnings allowed)
	Errors   int                 `json:"errors"`
	Warnings int                 `json:"warnings"`
	Summary  string              `json:"summary,omitempty"` // what was read, in words ("106 controls; read as CSV ...")
	Problems []ValidationProblem `json:"problems"`          // never nil in the contract
}

// ValidationProblem is one problem of a [Validation].
type ValidationProblem struct {
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`  // one line, with the position in the file
}

// NewValidation returns the validation of what [loader.Check] found: the file, the
// kind, each problem on one line with its severity, the counts and the verdict
// ([Validation.Count]), and the summary of what the file holds when it was read
// through.
func NewValidation(c *loader.Checked) Validation {
	v := Validation{File: c.Name, Kind: string(c.Kind), Summary: validationSummary(c), Problems: []ValidationProblem{}}
	for _, p := range c.Problems {
		sev, n := "error", 1
		if p.Warning {
			sev = "warning"
		}
		var more catalog.MoreProblems
		if errors.As(p.Err, &more) {
			n = int(more) // the problems a capped list did not show
		}
		if sev == "error" {
			v.Errors += n
		} else {
			v.Warnings += n
		}
		v.Problems = append(v.Problems, ValidationProblem{Severity: sev, Message: p.Message()})
	}
	v.Valid = v.Errors == 0
	return v
}

// validationSummary says what a checked file holds, in words: "2 frameworks with
// 40 nodes; 1 mapping set", "12 edges; read as CSV (semicolon-separated, UTF-8)",
// "93 controls of iso27002:2022 rated; read as ...", `OSCAL catalog "T" (OSCAL
// 1.1.2)`; "" when the file was not read through.
func validationSummary(c *loader.Checked) string {
	if !c.Read {
		return ""
	}
	csv := ""
	if c.Input.Format == "csv" {
		csv = "; read as " + csvDialect(c.Input)
	}
	switch c.Kind {
	case loader.KindDocument:
		return fmt.Sprintf("%s with %s; %s", nouns(len(c.Frameworks), "framework"), nouns(c.Nodes(), "node"), nouns(len(c.Sets), "mapping set"))
	case loader.KindFramework:
		return fmt.Sprintf("%s with %s", nouns(len(c.Frameworks), "framework"), nouns(c.Nodes(), "node")) + csv
	case loader.KindMappingSet:
		if csv != "" {
			return nouns(c.Edges(), "edge") + csv
		}
		return nouns(len(c.Sets), "mapping set")
	case loader.KindAssessment:
		s := fmt.Sprintf("%s of %s rated", nouns(c.Assessment.Len(), "control"), c.Assessment.Baseline())
		if c.Input.Format != "json" {
			s += "; read as " + c.Input.String()
		}
		return s
	case loader.KindOSCAL:
		return fmt.Sprintf("OSCAL %s %q (OSCAL %s)", c.OSCAL.Model, c.OSCAL.Title, c.OSCAL.OSCALVersion)
	}
	return ""
}

// csvDialect names the dialect of a CSV file: "CSV (semicolon-separated, UTF-8
// with BOM)".
func csvDialect(in crosswalk.Input) string {
	sep := map[rune]string{';': "semicolon", '\t': "tab"}[in.Delimiter]
	if sep == "" {
		sep = "comma"
	}
	return fmt.Sprintf("CSV (%s-separated, %s)", sep, in.Encoding)
}

// Count sets the counts of errors and warnings and the verdict from the problems of
// a Validation built by hand ([NewValidation] counts from the errors themselves). A
// problem "... and N more problems" ([catalog.MoreProblems]'s text) stands for N
// problems of its severity, not one.
func (v *Validation) Count() {
	v.Errors, v.Warnings = 0, 0
	for _, p := range v.Problems {
		n := 1
		var more int
		if k, err := fmt.Sscanf(p.Message, "... and %d more problems", &more); err == nil && k == 1 {
			n = more
		}
		if p.Severity == "error" {
			v.Errors += n
		} else {
			v.Warnings += n
		}
	}
	v.Valid = v.Errors == 0
}

// ValidationJSON writes the validation as the validate command's JSON contract,
// indented, ending with a newline.
func ValidationJSON(w io.Writer, v *Validation) error {
	if v == nil {
		return errNil("validation")
	}
	if err := codec.Encode(w, v); err != nil {
		return fmt.Errorf("report: validation as JSON: %w", err)
	}
	return nil
}

// ValidationTable writes the validation as text: a line with the file, the kind,
// the verdict, the counts and the summary, then each problem with its severity,
// wrapped to opts.Width.
func ValidationTable(w io.Writer, v *Validation, opts Options) error {
	if v == nil {
		return errNil("validation")
	}
	var b strings.Builder
	b.WriteString(v.head() + "\n")
	for _, p := range v.Problems {
		lines := WrapText(p.Message, max(opts.Width-11, cliMinWrap))
		fmt.Fprintf(&b, "  %-8s %s\n", p.Severity, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "  %-8s %s\n", "", l)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ValidationMarkdown writes the validation as a Markdown document: a heading, the
// line of [ValidationTable], and the problems as a table.
func ValidationMarkdown(w io.Writer, v *Validation) error {
	if v == nil {
		return errNil("validation")
	}
	if _, err := fmt.Fprintf(w, "# Validation of %s\n\n%s\n", v.File, mdCell(v.head())); err != nil {
		return err
	}
	if len(v.Problems) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w); err != nil {
		return err
	}
	g := cliGrid(-1, "severity", "problem")
	for _, p := range v.Problems {
		g.Add(p.Severity, p.Message)
	}
	return g.WriteMarkdown(w)
}

// RenderValidation writes the validation in format f: [ValidationTable],
// [ValidationJSON] or [ValidationMarkdown].
func RenderValidation(w io.Writer, v *Validation, f Format, opts Options) error {
	switch f {
	case Table:
		return ValidationTable(w, v, opts)
	case JSON:
		return ValidationJSON(w, v)
	case Markdown:
		return ValidationMarkdown(w, v)
	}
	return unsupported("validation", f)
}

// head is the validation's one-line verdict.
func (v *Validation) head() string {
	verdict := "valid"
	if !v.Valid {
		verdict = "NOT valid"
	}
	head := fmt.Sprintf("%s (%s): %s; %s, %s", v.File, v.Kind, verdict, nouns(v.Errors, "error"), nouns(v.Warnings, "warning"))
	if v.Summary != "" {
		head += "; " + v.Summary
	}
	return head
}
