package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
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

// recommendJSON is the output of "recommend --format json".
type recommendJSON struct {
	Baseline        string                     `json:"baseline"`
	Target          string                     `json:"target"`
	Policy          string                     `json:"policy"`
	Recommendations []crosswalk.Recommendation `json:"recommendations"`
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
		if recs == nil {
			recs = []crosswalk.Recommendation{}
		}
		pol := tf.policy
		if p, err := crosswalk.ParsePolicy(pol); err == nil {
			pol = string(p)
		}
		doc := recommendJSON{Baseline: string(a.Baseline()), Target: string(r.target), Policy: pol, Recommendations: recs}
		if x.format == formatJSON {
			return x.writeJSON(doc)
		}
		t := newTable(4, "rank", "control", "status", "gain", "title", "moves").Wrap(5)
		for i, rec := range recs {
			t.Add(strconv.Itoa(i+1), rec.Control, rec.Status.String(), strconv.Itoa(rec.Gain), rec.Title, movesText(rec.Moves))
		}
		if x.format == formatTable || x.format == formatMD {
			heading := fmt.Sprintf("Next controls of %s for %s (policy %s): %d", doc.Baseline, doc.Target, doc.Policy, len(recs))
			if x.format == formatMD {
				heading = "## " + heading + "\n"
			}
			fmt.Fprintln(x.out, heading)
			if len(recs) == 0 {
				fmt.Fprintln(x.out, "No control not yet implemented would move an item up.")
				return nil
			}
		}
		return x.writeTable(t)
	}
}

// movesText writes the items a recommendation moves: "DE.CM-01 gap → covered; ...".
func movesText(moves []crosswalk.Move) string {
	parts := make([]string, len(moves))
	for i, m := range moves {
		parts[i] = fmt.Sprintf("%s %s → %s", m.ID, m.From, m.To)
	}
	return strings.Join(parts, "; ")
}
