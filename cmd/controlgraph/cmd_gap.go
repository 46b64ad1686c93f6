package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "gap",
		args:    "--assessment FILE --target FRAMEWORK [flags]",
		summary: "gap analysis: what an assessed ISO/IEC 27002 baseline covers of CSF or CIS",
		detail: `Reads an assessment of the baseline (ISO/IEC 27002:2022 unless --baseline or the
file says otherwise): CSV with the columns control and status (implemented, partial,
planned, not-implemented, not-applicable) and optionally justification, owner, evidence,
notes; or JSON {"baseline": ..., "controls": [{"control", "status", ...}]}. FILE "-"
reads standard input.

For every item of the target framework (CSF subcategories, CIS safeguards) it gives
the coverage: covered, partial, gap, unreached (no baseline control maps to it: a gap
of the baseline itself) or not-applicable, with the controls behind it; roll-ups per
function/category or CIS control and implementation group; and the baseline controls
whose implementation would close the most gaps.

Two policies turn the statuses of the controls that reach an item into its coverage:

  --policy strict (the default) reads relationships as sets: an item is covered by
  an implemented control that is equal to it or a superset of it; a subset,
  an intersection or an uncharacterised link gives at most partial.

  --policy referenced reads mappings as informative references: an item is covered
  when every control that maps to it is implemented.

NIST publishes the CSF's ISO references as informative references without a
relationship ("related"), so under strict no CSF item can be more than partial:
strict coverage of CSF 2.0 by ISO controls is 0% whatever is implemented. --policy referenced is how
informative references are used in practice; strict suits set-theory mappings such
as CIS's (subset-of, superset-of, equal).

--derived lets paths through a third framework reach items no published edge does;
they are labelled derived. When no published mapping joins the baseline and the
target but a related version has one (--target cis names CIS v8.1; CIS published its
ISO mapping for v8), a hint on standard error names --derived and --target cis:8;
the answer is not changed.

--fail-under PCT exits 1 when the coverage is below PCT percent.`,
		examples: []string{
			"gap --assessment examples/assessments/small-company.csv --target nist-csf:2.0 --policy referenced",
			"gap --assessment assessment.csv --target cis --ig IG1 --policy referenced",
			"gap --assessment assessment.json --target nist-csf:2.0 --format json -o gap.json",
			"gap --assessment assessment.csv --target csf --fail-under 60",
			"gap --assessment assessment.csv --target cis --format html -o gap.html",
			"gap --assessment assessment.csv --target csf --format xlsx -o gap.xlsx",
		},
		formats: reportFormats,
		maxArgs: 0,
		setup:   setupGap,
		data:    true,
	})
}

func setupGap(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` (CSV or JSON; - for standard input); required")
	var tf targetFlags
	tf.declare(fs, true)
	recs := fs.Int("recommendations", crosswalk.DefaultRecommendations, "how many controls to recommend (0 for none)")
	var failUnder percentFlag
	fs.Var(&failUnder, "fail-under", "exit 1 when the coverage is below `PCT` percent")
	var pf printFlags
	pf.declare(fs)
	return func(x *invocation, _ []string) error {
		if err := pf.check(); err != nil {
			return err
		}
		if *file == "" {
			return badInput("missing --assessment FILE (CSV or JSON; - for standard input)")
		}
		if *recs < 0 {
			return badInput("invalid value %d for --recommendations; accepted: 0 or more", *recs)
		}
		r, err := tf.resolve(x)
		if err != nil {
			return err
		}
		a, err := x.readAssessment(*file, r.readOpts)
		if err != nil {
			return err
		}
		opts := append(r.opts, crosswalk.WithRecommendations(*recs))
		res, err := x.crosswalk().Gap(a, r.target, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		x.derivedHint(a.Baseline(), r.target, tf.derived)
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderGap(w, res, f, report.Options{Catalog: x.cat, Assessment: a.Name(), Crosswalk: x.crosswalk(), Width: x.width,
				Paper: pf.paper, Landscape: pf.landscape})
		}); err != nil {
			return err
		}
		if failUnder.set && res.Summary.CoveragePercent < failUnder.v {
			return &findingError{msg: fmt.Sprintf("coverage of %s is %.1f%%, under --fail-under %s", res.Target, res.Summary.CoveragePercent, failUnder.String())}
		}
		return nil
	}
}

// readAssessment reads FILE (or standard input for "-") as JSON when its name ends
// in .json or its content starts with '{', else as CSV. All problems of the file go
// into the one-line error.
func (x *invocation) readAssessment(file string, opts []crosswalk.ReadOption) (*crosswalk.Assessment, error) {
	name, data, err := x.readInput(file)
	if err != nil {
		return nil, badInput("cannot read the assessment: %v", err)
	}
	var a *crosswalk.Assessment
	if strings.EqualFold(filepath.Ext(file), ".json") || looksJSON(data) {
		a, err = crosswalk.ReadAssessmentJSON(name, data, x.cat, opts...)
	} else {
		a, err = crosswalk.ReadAssessmentCSV(name, bytes.NewReader(data), x.cat, opts...)
	}
	if err != nil {
		return nil, badInput("%s", oneLine(err))
	}
	return a, nil
}

// oneLine joins the problems of an errors.Join error into one line.
func oneLine(err error) string {
	var list []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			list = append(list, e.Error())
		}
	} else {
		list = []string{err.Error()}
	}
	msg := strings.Join(list, "; ")
	msg = strings.ReplaceAll(msg, "\n", "; ")
	if len(list) > 1 {
		msg = fmt.Sprintf("%d problems: %s", len(list), msg)
	}
	return msg
}
