package main

import (
	"flag"
	"io"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "recommend",
		args:    "--assessment FILE --target FRAMEWORK [-n 10] [flags]",
		summary: "the baseline controls to implement next for the most coverage of a target",
		detail: `Reads an assessment as gap does and ranks the baseline controls not yet implemented
(planned, not-implemented, partial or not assessed; never not-applicable) by how far
their implementation would move the target items up (gap → partial → covered),
chosen greedily: each pick assumes the ones before it implemented. A CIS safeguard
of IG1 weighs 3, of IG2 only 2, of IG3 only 1; every other item 1. A control that
would move nothing is not listed, so fewer than -n may come back.

--policy, --ig, --scope, --derived and --baseline work as for gap.`,
		examples: []string{
			"recommend --assessment examples/assessments/small-company.csv --target nist-csf:2.0 -n 5",
			"recommend --assessment assessment.csv --target cis:8 --ig IG1 --format json",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupRecommend,
	})
}

func setupRecommend(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` (CSV, XLSX or JSON; - for standard input); required")
	sheet := sheetFlag(fs)
	var tf targetFlags
	tf.declare(fs, true)
	n := fs.Int("n", crosswalk.DefaultRecommendations, "how many controls to recommend at most")
	return func(x *invocation, _ []string) error {
		if *file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		if *n < 1 {
			return badInput("invalid value %d for -n; accepted: 1 or more", *n)
		}
		r, err := tf.resolve(x)
		if err != nil {
			return err
		}
		a, err := x.readAssessment(*file, *sheet, r.readOpts)
		if err != nil {
			return err
		}
		recs, err := x.crosswalk().Recommend(a, r.target, *n, r.opts...)
		if err != nil {
			return badInput("%v", err)
		}
		pol := tf.policy
		if p, err := crosswalk.ParsePolicy(pol); err == nil {
			pol = string(p)
		}
		res := &report.RecommendResult{Baseline: string(a.Baseline()), Target: string(r.target), Policy: pol, Recommendations: recs}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderRecommend(w, res, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}
