package main

import (
	"flag"
	"fmt"
	"io"
	"os"

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

A policy turns the statuses of the controls that reach an item into its coverage:

  --policy auto (the default) reads each edge by what it is: set-theory edges
  (equal, subset-of, superset-of, intersects-with, as CIS publishes them) under the
  strict rule, uncharacterised "related" edges (NIST's and ENISA's informative
  references) under the referenced rule; an item reached by both kinds is covered
  when either rule covers it. Each item says which rule decided it.

  --policy strict reads every relationship as a set: an item is covered by an
  implemented control that is equal to it or a superset of it; a subset, an
  intersection or an uncharacterised link gives at most partial (so strict
  coverage of CSF, whose references NIST publishes as "related", is 0%).

  --policy referenced reads every mapping as an informative reference: an item is
  covered when every applicable control that maps to it is implemented.

--target cis names CIS v8.1: its safeguards are reached through CIS's published v8
mapping, carried across the identity succession v8 -> v8.1 (same IDs, all equal) and
labelled "via cis:8 (succession)": published, not derived.

--derived lets paths through a third framework reach items that no published edge
reaches; they never change an item a published edge reaches, give at most partial
coverage, and are ranked by the number of distinct paths (routes) that support them;
--min-routes N keeps only those with N routes or more.

--fail-under PCT exits 1 when the coverage is below PCT percent, compared exactly
(covered of applicable items, not the rounded share: 27 of 48 is 56.25%, shown as
56.3%, and fails --fail-under 56.3); it exits 2 when nothing in the target's limits
is applicable, as there is no coverage to compare.

--batch FILE runs many assessments: JSON lines {"id", "target", "assessment"} (and
optionally "policy", and "ig" and "profile", each a word, a comma list or an array) in,
one JSON result per line out, in input order, on every core; a bad line gives an
error line with its number and the exit status 1. --brief writes each result as the summary and each item's status (about a
sixteenth of the bytes against CSF 2.0, and no recommendations). With -o OUT the
lines stream to a temporary file beside OUT, which replaces OUT when the batch ends
(and is removed, OUT left as it was, when reading the batch fails).`,
		examples: []string{
			"gap --assessment examples/assessments/small-company.csv --target nist-csf:2.0",
			"gap --assessment assessment.csv --target cis --ig IG1",
			"gap --assessment assessment.json --target nist-csf:2.0 --format json -o gap.json",
			"gap --assessment assessment.csv --target csf --fail-under 60",
			"gap --assessment assessment.csv --target cis --format html -o gap.html",
			"gap --assessment assessment.csv --target csf --format xlsx -o gap.xlsx",
			"gap --batch - --brief --recommendations 0",
		},
		formats: reportFormats,
		maxArgs: 0,
		setup:   setupGap,
		data:    true,
	})
}

func setupGap(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` (CSV, XLSX or JSON; - for standard input); required")
	sheet := sheetFlag(fs)
	var tf targetFlags
	tf.declare(fs, true)
	recs := fs.Int("recommendations", crosswalk.DefaultRecommendations, "how many controls to recommend (0 for none)")
	var failUnder percentFlag
	fs.Var(&failUnder, "fail-under", "exit 1 when the coverage is below `PCT` percent")
	var pf printFlags
	pf.declare(fs)
	batch := fs.String("batch", "", "read JSON lines {\"id\", \"target\", \"assessment\"} from `FILE` (- for standard input) and write one JSON result per line")
	brief := fs.Bool("brief", false, "with --batch: write each result in brief, the summary and each item's status")
	return func(x *invocation, _ []string) error {
		if err := pf.check(); err != nil {
			return err
		}
		if *batch != "" {
			return x.gapBatch(fs, *batch, &tf, *recs, *brief)
		}
		if *brief {
			return badInput("--brief goes with --batch")
		}
		if *file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		if *recs < 0 {
			return badInput("invalid value %d for --recommendations; accepted: 0 or more", *recs)
		}
		r, err := tf.resolve(x)
		if err != nil {
			return err
		}
		a, err := x.readAssessment(*file, *sheet, r.readOpts)
		if err != nil {
			return err
		}
		opts := append(r.opts, crosswalk.WithRecommendations(*recs))
		res, err := x.crosswalk().Gap(a, r.target, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		if failUnder.set && !res.Summary.Measurable() {
			return badInput("--fail-under %s: %s has no coverage to compare (%s); drop --fail-under or widen the limits",
				failUnder.String(), limitsLabel(res), report.NotMeasurable(res.Summary))
		}
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderGap(w, res, f, report.Options{Catalog: x.cat, Assessment: a.Name(), Crosswalk: x.crosswalk(), Width: x.width,
				Paper: pf.paper, Landscape: pf.landscape})
		}); err != nil {
			return err
		}
		if s := res.Summary; failUnder.set && below(s.Covered, s.Applicable, failUnder.v) {
			return &findingError{msg: fmt.Sprintf("coverage of %s is %s (%d of %d applicable items covered), under --fail-under %s",
				limitsLabel(res), exactShare(s.Covered, s.Applicable), s.Covered, s.Applicable, failUnder.String())}
		}
		return nil
	}
}

// gapBatch runs gap --batch: JSON lines in, JSON lines out (in brief with --brief),
// streamed to standard output or -o's file, in input order; a bad line is an
// error line and the rest goes on. The exit status is 1 when a line failed.
func (x *invocation) gapBatch(fs *flag.FlagSet, file string, tf *targetFlags, recs int, brief bool) error {
	opts, err := x.batchOptions(fs, tf, recs)
	if err != nil {
		return err
	}
	var in io.Reader = x.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return badInput("cannot read the batch: %v", err)
		}
		defer f.Close()
		in = f
	}
	w, done, err := x.streamOutput()
	if err != nil {
		return err
	}
	run := x.crosswalk().GapBatch
	if brief {
		run = x.crosswalk().GapBatchBrief
	}
	stats, err := run(in, w, opts...)
	if derr := done(err == nil); err == nil {
		err = derr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(x.stderr, "controlgraph gap: batch: %d lines, %d results, %d errors\n", stats.Lines, stats.OK, stats.Failed)
	if stats.Failed > 0 {
		return &findingError{msg: fmt.Sprintf("%d of %d lines failed (error lines in the output)", stats.Failed, stats.Lines)}
	}
	return nil
}

// batchOptions checks the flags given with --batch and turns them into the options
// of every line: those that name a target or an assessment belong to each line, and
// the output is JSON lines.
func (x *invocation) batchOptions(fs *flag.FlagSet, tf *targetFlags, recs int) ([]crosswalk.GapOption, error) {
	for _, name := range []string{"assessment", "target", "sheet", "fail-under", "baseline", "ig", "scope", "profile"} {
		if flagGiven(fs, name) {
			return nil, badInput("--%s does not go with --batch: each line names its target and carries its assessment", name)
		}
	}
	if x.format != formatJSON && flagGiven(fs, "format") {
		return nil, badInput("--batch writes JSON lines; --format %s does not apply", x.format)
	}
	if recs < 0 {
		return nil, badInput("invalid value %d for --recommendations; accepted: 0 or more", recs)
	}
	var opts []crosswalk.GapOption
	if tf.policy != "" {
		pol, err := crosswalk.ParsePolicy(tf.policy)
		if err != nil {
			return nil, badInput("unknown value %q for --policy; accepted: auto, strict, referenced", tf.policy)
		}
		opts = append(opts, pol)
	}
	if tf.derived {
		opts = append(opts, crosswalk.WithDerived(tf.maxHops), crosswalk.WithMinRoutes(tf.minRoutes))
	}
	return append(opts, crosswalk.WithRecommendations(recs)), nil
}
