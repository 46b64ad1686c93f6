package main

import (
	"flag"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "posture",
		args:    "--assessment FILE [--target FRAMEWORK ...] [flags]",
		summary: "one assessment against every framework at once, and what to implement for all",
		detail: `Reads an assessment as gap does and measures it against every target framework:
by default the newest version of every framework family but the baseline's (NIST CSF
2.0, CIS v8.1, NIS2, SP 800-53 Rev. 5, and frameworks loaded with --catalog); --target
(repeatable) names others. One row per target, then one per CIS implementation group
(IG1, IG2, IG3) and per SP 800-53B baseline (LOW, MODERATE, HIGH); every row is what
gap gives for that target alone with the same --policy and --derived. Then the three
baseline controls whose implementation moves the items of every target together
furthest up, chosen greedily (each assumes the ones before it implemented). Their
GAIN counts levels (gap → partial 1, partial → covered 1, gap → covered 2), each
framework once and every item weighing 1: unlike gap and recommend, which weigh a CIS
safeguard by its implementation group, so the two gains differ for CIS.

--fail-under PCT, or --fail-under TARGET=PCT (repeatable; the target as its ID or an
alias, with :IG1 or :MODERATE for a row of a limit), exits 1 when a row's coverage is
below PCT percent, compared exactly (covered of applicable items, not the rounded
share: 27 of 48 is 56.25%, shown as 56.3%, and fails 56.3). A row with nothing
applicable has no coverage to compare: --fail-under PCT skips it with a warning;
TARGET=PCT naming it, or naming a target the posture has no row for, exits 2.`,
		examples: []string{
			"posture --assessment examples/assessments/small-company.csv",
			"posture --assessment assessment.csv --fail-under nis2=70 --fail-under csf=60",
			"posture --assessment assessment.csv --target csf --target cis --format json",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD, formatHTML, formatXLSX},
		maxArgs: 0,
		data:    true,
		setup:   setupPosture,
	})
	register(&command{
		name:    "overlap",
		args:    "[--framework FRAMEWORK ...] [--derived] [flags]",
		summary: "how much of each framework the published mappings reach from each other",
		detail: `For every ordered pair of frameworks (FROM, TO): how many of TO's items an item of
FROM reaches by a published edge (or one carried across an identity succession, CIS v8
to v8.1), out of how many, and with --derived also counting derived paths (labelled).
No assessment is needed: this is how far the published mappings let one framework
stand in for another, with the denominator stated. --framework (repeatable) limits the
frameworks; by default every framework of the catalog. The csv and json forms list
the items of TO that nothing in FROM reaches.`,
		examples: []string{
			"overlap --framework iso27002 --framework csf --framework cis --framework nis2",
			"overlap --framework iso27002 --framework cis:8 --derived --format json",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupOverlap,
	})
}

// postureFlags are the flags of "posture".
type postureFlags struct {
	file, sheet, baseline, policy *string
	targets, fails                listFlag
	derived                       *bool
	maxHops                       *int
}

func (pf *postureFlags) declare(fs *flag.FlagSet) {
	pf.file = fs.String("assessment", "", "the assessment `FILE` (CSV, XLSX or JSON; - for standard input); required")
	pf.sheet = sheetFlag(fs)
	fs.Var(&pf.targets, "target", "a target `FRAMEWORK` (repeatable; default: the newest of every family but the baseline's)")
	fs.Var(&pf.fails, "fail-under", "exit 1 when a row's coverage is below `[TARGET=]PCT` (repeatable)")
	pf.baseline = fs.String("baseline", "", "the baseline `FRAMEWORK` a CSV rates (default iso27002:2022)")
	pf.policy = fs.String("policy", string(crosswalk.Auto), "coverage `POLICY`: auto, strict or referenced (as for gap)")
	pf.derived = fs.Bool("derived", false, "let derived mappings reach items no published edge reaches (as for gap)")
	pf.maxHops = fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
}

func setupPosture(fs *flag.FlagSet) action {
	var pf postureFlags
	pf.declare(fs)
	return func(x *invocation, _ []string) error {
		if *pf.file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		pol, err := crosswalk.ParsePolicy(*pf.policy)
		if err != nil {
			return badInput("unknown value %q for --policy; accepted: auto, strict, referenced", *pf.policy)
		}
		if *pf.maxHops < 2 || *pf.maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *pf.maxHops, crosswalk.MaxHops)
		}
		if err := checkMaxHops(fs, *pf.derived, *pf.maxHops); err != nil {
			return err
		}
		opts, readOpts, err := pf.queryOptions(x, pol)
		if err != nil {
			return err
		}
		gates, err := x.parseGates(pf.fails)
		if err != nil {
			return err
		}
		a, err := x.readAssessment(*pf.file, *pf.sheet, readOpts)
		if err != nil {
			return err
		}
		p, err := x.crosswalk().Posture(a, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		for _, g := range gates {
			if _, _, err := gateRows(g, p); err != nil {
				return err // before any output: bad input writes none
			}
		}
		if err := x.writePosture(p, a, pf.gapOptions(pol)); err != nil {
			return err
		}
		return checkGates(gates, p, x.stderr)
	}
}

// queryOptions are the options of the posture query (policy, derived paths,
// targets) and of reading the assessment (its baseline).
func (pf *postureFlags) queryOptions(x *invocation, pol crosswalk.Policy) ([]crosswalk.PostureOption, []crosswalk.ReadOption, error) {
	opts := []crosswalk.PostureOption{pol}
	if *pf.derived {
		opts = append(opts, crosswalk.WithDerived(*pf.maxHops))
	}
	var ids []catalog.FrameworkID
	for _, t := range pf.targets {
		id, err := x.resolveFramework(t)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	if len(ids) > 0 {
		opts = append(opts, crosswalk.WithTargets(ids...))
	}
	var readOpts []crosswalk.ReadOption
	if *pf.baseline != "" {
		b, err := x.resolveFramework(*pf.baseline)
		if err != nil {
			return nil, nil, err
		}
		readOpts = append(readOpts, crosswalk.WithBaseline(b))
	}
	return opts, readOpts, nil
}

// gapOptions are the options of the per-target gap analyses the page and the
// workbook add: the posture's policy and derived paths, no recommendations.
func (pf *postureFlags) gapOptions(pol crosswalk.Policy) []crosswalk.GapOption {
	gopts := []crosswalk.GapOption{pol, crosswalk.WithRecommendations(0)}
	if *pf.derived {
		gopts = append(gopts, crosswalk.WithDerived(*pf.maxHops))
	}
	return gopts
}

// gate is one --fail-under: rows of target (every row when empty) with limit
// whose coverage is below pct are a finding.
type gate struct {
	target catalog.FrameworkID
	limit  string
	pct    *big.Rat
	text   string // as given
}

// parseGates reads the --fail-under values: PCT, or TARGET=PCT where TARGET may
// carry a limit (cis:8:IG1, sp800-53:5:MODERATE).
func (x *invocation) parseGates(fails []string) ([]gate, error) {
	var gates []gate
	for _, f := range fails {
		g := gate{text: f}
		pct := f
		if name, p, ok := strings.Cut(f, "="); ok {
			pct = p
			fw, limit := gateTarget(name)
			id, err := x.resolveFramework(fw)
			if err != nil {
				return nil, err
			}
			g.target, g.limit = id, limit
		}
		v, ok := parsePercent(pct)
		if !ok {
			return nil, badInput("invalid value %q for --fail-under; accepted: PCT or TARGET=PCT, PCT from 0 to 100", f)
		}
		g.pct = v
		gates = append(gates, g)
	}
	return gates, nil
}

// gateTarget splits a --fail-under target into the framework and its limit: an
// implementation group ("cis:8:IG1") or an SP 800-53B baseline
// ("sp800-53:5:moderate" → MODERATE).
func gateTarget(name string) (fw, limit string) {
	fw, limit, _ = strings.Cut(name, ":IG")
	if limit != "" {
		return fw, "IG" + limit
	}
	if i := strings.LastIndex(name, ":"); i > 0 && isProfile(name[i+1:]) {
		return name[:i], strings.ToUpper(name[i+1:])
	}
	return name, ""
}

// gateRows returns the rows gate g applies to: of its target and limit, or every
// row with nothing applicable left out (each named in skipped). A gate naming a
// target without a row, or a row with nothing applicable, or one left with no row,
// is bad input: there is no coverage to compare.
func gateRows(g gate, p *crosswalk.Posture) (rows []crosswalk.PostureRow, skipped []string, err error) {
	for _, r := range p.Rows {
		if g.target != "" && (r.Target != g.target || r.Limit != g.limit) {
			continue
		}
		if !r.Summary.Measurable() {
			if g.target != "" {
				return nil, nil, badInput("--fail-under %s: %s has no coverage to compare (%s)", g.text, rowName(r), report.NotMeasurable(r.Summary))
			}
			skipped = append(skipped, rowName(r))
			continue
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		if g.target != "" {
			name := string(g.target)
			if g.limit != "" {
				name += " " + g.limit
			}
			return nil, nil, badInput("--fail-under %s: the posture has no row %s (add --target, or name a row it has)", g.text, name)
		}
		return nil, nil, badInput("--fail-under %s: no row has coverage to compare (nothing applicable in any)", g.text)
	}
	return rows, skipped, nil
}

// checkGates checks every --fail-under against the rows it applies to ([gateRows]),
// comparing the exact share ([below]); a finding names every row under its limit.
// A gate for every row skips those with nothing applicable, saying so on warn.
func checkGates(gates []gate, p *crosswalk.Posture, warn io.Writer) error {
	var failed []string
	for _, g := range gates {
		rows, skipped, err := gateRows(g, p)
		if err != nil {
			return err
		}
		if len(skipped) > 0 {
			fmt.Fprintf(warn, "controlgraph posture: --fail-under %s skips %s: nothing applicable, no coverage to compare\n", g.text, strings.Join(skipped, ", "))
		}
		for _, r := range rows {
			if s := r.Summary; below(s.Covered, s.Applicable, g.pct) {
				failed = append(failed, fmt.Sprintf("%s %s (%d of %d) < %s", rowName(r), exactShare(s.Covered, s.Applicable), s.Covered, s.Applicable, g.text))
			}
		}
	}
	if len(failed) > 0 {
		return &findingError{msg: "coverage under --fail-under: " + strings.Join(failed, "; ")}
	}
	return nil
}

// writePosture renders the posture; the page and the workbook add the overlap of
// the baseline and the targets and a gap analysis per target (gopts).
func (x *invocation) writePosture(p *crosswalk.Posture, a *crosswalk.Assessment, gopts []crosswalk.GapOption) error {
	if x.format != formatHTML && x.format != formatXLSX {
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderPosture(w, p, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
	fws := []catalog.FrameworkID{p.Baseline}
	for _, r := range p.Rows {
		if !slices.Contains(fws, r.Target) {
			fws = append(fws, r.Target)
		}
	}
	o, err := x.crosswalk().Overlap(fws)
	if err != nil {
		return badInput("%v", err)
	}
	var gaps []*crosswalk.GapResult
	for _, tf := range fws[1:] {
		g, err := x.crosswalk().Gap(a, tf, gopts...)
		if err != nil {
			return badInput("%v", err)
		}
		gaps = append(gaps, g)
	}
	return x.render(func(w io.Writer, f report.Format) error {
		if f == report.XLSX {
			return report.PostureXLSX(w, p, gaps, o, report.Options{Catalog: x.cat, Crosswalk: x.crosswalk()})
		}
		return report.PostureHTML(w, p, o, report.Options{Catalog: x.cat}, gaps...)
	})
}

func isProfile(s string) bool {
	switch strings.ToUpper(s) {
	case "LOW", "MODERATE", "HIGH", "PRIVACY":
		return true
	}
	return false
}

func rowName(r crosswalk.PostureRow) string {
	if r.Limit != "" {
		return string(r.Target) + " " + r.Limit
	}
	return string(r.Target)
}

func setupOverlap(fs *flag.FlagSet) action {
	var fws listFlag
	fs.Var(&fws, "framework", "a `FRAMEWORK` of the matrix (repeatable; default: every framework)")
	derived := fs.Bool("derived", false, "also count the items derived paths reach (labelled)")
	maxHops := fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
	return func(x *invocation, _ []string) error {
		if *maxHops < 2 || *maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *maxHops, crosswalk.MaxHops)
		}
		if err := checkMaxHops(fs, *derived, *maxHops); err != nil {
			return err
		}
		var ids []catalog.FrameworkID
		for _, f := range fws {
			id, err := x.resolveFramework(f)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		var opts []crosswalk.DerivedOption
		if *derived {
			opts = append(opts, crosswalk.WithDerived(*maxHops))
		}
		o, err := x.crosswalk().Overlap(ids, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderOverlap(w, o, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}
