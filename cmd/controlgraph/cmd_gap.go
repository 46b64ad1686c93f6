package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
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

--policy strict (the default) reads relationships as sets: an item is covered by an
implemented control that is equal to it or a superset of it. --policy referenced reads
mappings as informative references: an item is covered when every control that maps
to it is implemented. --fail-under PCT exits 1 when the coverage is below PCT percent.`,
		examples: []string{
			"gap --assessment examples/assessments/small-company.csv --target csf",
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
	target := fs.String("target", "", "the target `FRAMEWORK` (csf, nist-csf:2.0, cis, ...); required")
	baseline := fs.String("baseline", "", "the `FRAMEWORK` a CSV assessment rates (default iso27002:2022)")
	policy := fs.String("policy", string(crosswalk.Strict), "coverage `POLICY`: strict or referenced")
	var igs, scopes listFlag
	fs.Var(&igs, "ig", "limit a CIS target to implementation group `IG` (IG1, IG2, IG3)")
	fs.Var(&scopes, "scope", "limit the target to the items under `REF` (a CSF function or category, a CIS control)")
	derived := fs.Bool("derived", false, "let derived mappings (paths through a third framework) reach items")
	maxHops := fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
	recs := fs.Int("recommendations", crosswalk.DefaultRecommendations, "how many controls to recommend (0 for none)")
	var failUnder percentFlag
	fs.Var(&failUnder, "fail-under", "exit 1 when the coverage is below `PCT` percent")
	return func(x *invocation, _ []string) error {
		if *file == "" {
			return badInput("missing --assessment FILE (CSV or JSON; - for standard input)")
		}
		if *target == "" {
			return badInput("missing --target FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
		}
		pol, err := crosswalk.ParsePolicy(*policy)
		if err != nil {
			return badInput("unknown value %q for --policy; accepted: strict, referenced", *policy)
		}
		if *maxHops < 2 || *maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *maxHops, crosswalk.MaxHops)
		}
		if *recs < 0 {
			return badInput("invalid value %d for --recommendations; accepted: 0 or more", *recs)
		}
		tfw, err := x.resolveFramework(*target)
		if err != nil {
			return err
		}
		opts := []crosswalk.GapOption{pol, crosswalk.WithRecommendations(*recs)}
		var readOpts []crosswalk.ReadOption
		if *baseline != "" {
			bfw, err := x.resolveFramework(*baseline)
			if err != nil {
				return err
			}
			readOpts = append(readOpts, crosswalk.WithBaseline(bfw))
		}
		if len(igs) > 0 {
			canon, err := x.attrValues(tfw, "--ig", catalog.AttrImplementation, igs)
			if err != nil {
				return err
			}
			for _, ig := range canon {
				opts = append(opts, crosswalk.WithGroup(ig))
			}
		}
		for _, s := range scopes {
			c, err := x.resolveRef(s, tfw)
			if err != nil {
				return err
			}
			opts = append(opts, crosswalk.WithScope(c.Ref))
		}
		if *derived {
			opts = append(opts, crosswalk.WithDerived(*maxHops))
		}
		a, err := x.readAssessment(*file, readOpts)
		if err != nil {
			return err
		}
		res, err := x.crosswalk().Gap(a, tfw, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderGap(w, res, f, report.Options{Catalog: x.cat, Assessment: a.Name()})
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
