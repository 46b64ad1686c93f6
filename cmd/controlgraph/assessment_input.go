package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// sheetFlag declares --sheet, the sheet of an XLSX assessment to read.
func sheetFlag(fs *flag.FlagSet) *string {
	return fs.String("sheet", "", "the `NAME` of the sheet of an XLSX assessment to read (default: the first sheet)")
}

// readAssessment reads FILE (or standard input for "-"): an XLSX workbook (its
// sheet named by sheet, else the first), JSON (a name ending in .json or content
// starting with '{') or CSV (',', ';' or tab). It reads no more than the size limit of
// an assessment. All problems of the file go into the one-line error; the reader's
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
		return nil, badInput("%s", oneLine(err))
	}
	x.warnAssessment(a)
	return a, nil
}

// warnAssessment writes the warnings of a to standard error, one a line.
func (x *invocation) warnAssessment(a *crosswalk.Assessment) {
	for _, w := range a.Warnings() {
		fmt.Fprintf(x.stderr, "controlgraph %s: %v\n", x.cmd.name, w) // "warning: ..."
	}
}
