package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// sheetFlag declares --sheet, the sheet of an XLSX assessment to read.
func sheetFlag(fs *flag.FlagSet) *string {
	return fs.String("sheet", "", "the `NAME` of the sheet of an XLSX assessment to read (default: the first sheet)")
}

// readAssessment reads FILE (or standard input for "-"): an XLSX workbook (its
// sheet named by sheet, else the first), JSON (a name ending in .json or content
// starting with '{') or CSV (',', ';' or tab). It reads no more than the size limit of
// an assessment. All problems of the file go into the error (assessmentError); the reader's
// warnings (columns ignored, controls not assessed, ...) go to standard error, or with
// --strict are errors (but for the count of controls not assessed).
func (x *invocation) readAssessment(file, sheet string, opts []crosswalk.ReadOption) (*crosswalk.Assessment, error) {
	name := file
	var r io.Reader = x.stdin
	if file == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, badInput("cannot read the assessment: %v", err)
		}
		defer f.Close()
		r = f
	}
	if sheet != "" {
		opts = append(opts, crosswalk.WithSheet(sheet))
	}
	if x.data != nil && x.data.strict {
		opts = append(opts, crosswalk.WithStrict())
	}
	a, err := crosswalk.ReadAssessment(name, r, x.cat, opts...)
	if err != nil {
		return nil, x.assessmentError(name, err)
	}
	x.warnAssessment(a)
	return a, nil
}

// assessmentError is the error of an assessment the reader refused: one problem on
// one line as before, several as a list (fail writes one problem a line), and, when
// a control is of another framework than the baseline, one hint that fits the
// command.
func (x *invocation) assessmentError(name string, err error) error {
	lines := errorLines(err)
	hint := ""
	if errors.Is(err, crosswalk.ErrWrongFramework) {
		hint = x.cmd.baselineHint()
	}
	if len(lines) == 1 {
		if hint != "" {
			return badInput("%s; %s", lines[0], hint)
		}
		return badInput("%s", lines[0])
	}
	warnings := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "warning: ") {
			warnings++
		}
	}
	head := fmt.Sprintf("%d problems in %s", len(lines), name)
	if warnings > 0 {
		// the reader lists the warnings it found beside the errors that refused the file
		head = fmt.Sprintf("%s and %s in %s", plural(len(lines)-warnings, "error"), plural(warnings, "warning"), name)
	}
	return &listError{head: head, items: lines, hint: hint}
}

// baselineHint says how this command is told the framework an assessment rates.
func (c *command) baselineHint() string {
	fs, _, _, _ := c.flagSet()
	switch {
	case fs.Lookup("baseline") != nil:
		return `hint: give the framework the file rates with --baseline FRAMEWORK (or "baseline" in a JSON file)`
	case fs.Lookup("from") != nil:
		return "hint: give the framework the file rates with --from FRAMEWORK"
	case c.name == "soa":
		return "hint: a Statement of Applicability rates the controls of ISO/IEC 27001:2022 Annex A " +
			"(iso27002:2022) only: leave the other rows out of the file (the clauses are rated with " +
			"'controlgraph gap --baseline iso27001:2022')"
	}
	return `hint: give the framework the file rates as "baseline" in a JSON file`
}

// warnAssessment writes the warnings of a to standard error, one a line.
func (x *invocation) warnAssessment(a *crosswalk.Assessment) {
	for _, w := range a.Warnings() {
		fmt.Fprintf(x.stderr, "controlgraph %s: %v\n", x.cmd.name, w) // "warning: ..."
	}
}
