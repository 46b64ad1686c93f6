package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
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
baseline controls whose implementation moves the most items over every target
together (each framework counted once).

--fail-under PCT, or --fail-under TARGET=PCT (repeatable; the target as its ID or an
alias, with :IG1 or :MODERATE for a row of a limit), exits 1 when a row's coverage is
below PCT percent.`,
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

func setupPosture(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` (CSV, XLSX or JSON; - for standard input); required")
	sheet := sheetFlag(fs)
	var targets, fails listFlag
	fs.Var(&targets, "target", "a target `FRAMEWORK` (repeatable; default: the newest of every family but the baseline's)")
	fs.Var(&fails, "fail-under", "exit 1 when a row's coverage is below `[TARGET=]PCT` (repeatable)")
	baseline := fs.String("baseline", "", "the baseline `FRAMEWORK` a CSV rates (default iso27002:2022)")
	policy := fs.String("policy", string(crosswalk.Auto), "coverage `POLICY`: auto, strict or referenced (as for gap)")
	derived := fs.Bool("derived", false, "let derived mappings reach items no published edge reaches (as for gap)")
	maxHops := fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
	return func(x *invocation, _ []string) error {
		if *file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		pol, err := crosswalk.ParsePolicy(*policy)
		if err != nil {
			return badInput("unknown value %q for --policy; accepted: auto, strict, referenced", *policy)
		}
		if *maxHops < 2 || *maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *maxHops, crosswalk.MaxHops)
		}
		if err := checkMaxHops(fs, *derived, *maxHops); err != nil {
			return err
		}
		opts := []crosswalk.PostureOption{pol}
		if *derived {
			opts = append(opts, crosswalk.WithDerived(*maxHops))
		}
		var ids []catalog.FrameworkID
		for _, t := range targets {
			id, err := x.resolveFramework(t)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		if len(ids) > 0 {
			opts = append(opts, crosswalk.WithTargets(ids...))
		}
		var readOpts []crosswalk.ReadOption
		if *baseline != "" {
			b, err := x.resolveFramework(*baseline)
			if err != nil {
				return err
			}
			readOpts = append(readOpts, crosswalk.WithBaseline(b))
		}
		type gate struct {
			target catalog.FrameworkID
			limit  string
			pct    float64
			text   string
		}
		var gates []gate
		for _, f := range fails {
			g := gate{text: f}
			pct := f
			if name, p, ok := strings.Cut(f, "="); ok {
				pct = p
				fw, limit, _ := strings.Cut(name, ":IG")
				if limit != "" {
					limit = "IG" + limit
				} else if i := strings.LastIndex(name, ":"); i > 0 && isProfile(name[i+1:]) {
					fw, limit = name[:i], strings.ToUpper(name[i+1:])
				}
				id, err := x.resolveFramework(fw)
				if err != nil {
					return err
				}
				g.target, g.limit = id, limit
			}
			v, err := strconv.ParseFloat(pct, 64)
			if err != nil || v < 0 || v > 100 {
				return badInput("invalid value %q for --fail-under; accepted: PCT or TARGET=PCT, PCT from 0 to 100", f)
			}
			g.pct = v
			gates = append(gates, g)
		}
		a, err := x.readAssessment(*file, *sheet, readOpts)
		if err != nil {
			return err
		}
		p, err := x.crosswalk().Posture(a, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		if x.format == formatHTML || x.format == formatXLSX {
			// The page adds the overlap of the baseline and the targets.
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
			{
				for _, tf := range fws[1:] {
					gopts := []crosswalk.GapOption{pol, crosswalk.WithRecommendations(0)}
					if *derived {
						gopts = append(gopts, crosswalk.WithDerived(*maxHops))
					}
					g, err := x.crosswalk().Gap(a, tf, gopts...)
					if err != nil {
						return badInput("%v", err)
					}
					gaps = append(gaps, g)
				}
			}
			if err := x.render(func(w io.Writer, f report.Format) error {
				if f == report.XLSX {
					return report.PostureXLSX(w, p, gaps, o, report.Options{Catalog: x.cat, Crosswalk: x.crosswalk()})
				}
				return report.PostureHTML(w, p, o, report.Options{Catalog: x.cat}, gaps...)
			}); err != nil {
				return err
			}
		} else if err := x.writePosture(p); err != nil {
			return err
		}
		var failed []string
		for _, g := range gates {
			for _, r := range p.Rows {
				if (g.target == "" || (r.Target == g.target && r.Limit == g.limit)) && r.Summary.CoveragePercent < g.pct {
					failed = append(failed, fmt.Sprintf("%s %.1f%% < %s", rowName(r), r.Summary.CoveragePercent, g.text))
				}
			}
		}
		if len(failed) > 0 {
			return &findingError{msg: "coverage under --fail-under: " + strings.Join(failed, "; ")}
		}
		return nil
	}
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

func (x *invocation) writePosture(p *crosswalk.Posture) error {
	if x.format == formatJSON {
		return x.writeJSON(p)
	}
	t := newTable(1, "target", "name", "limit", "items", "covered", "partial", "gap", "unreached", "n/a", "coverage", "policy")
	for _, r := range p.Rows {
		s := r.Summary
		t.Add(string(r.Target), r.Name, r.Limit, strconv.Itoa(s.Total), strconv.Itoa(s.Covered), strconv.Itoa(s.Partial),
			strconv.Itoa(s.Gap), strconv.Itoa(s.Unreached), strconv.Itoa(s.NotApplicable), fmt.Sprintf("%.1f%%", s.CoveragePercent), string(p.Policy))
	}
	if x.format == formatCSV {
		return x.writeTable(t)
	}
	heading := fmt.Sprintf("Posture of %s (policy %s, derived %s): %d rows", p.Baseline, p.Policy, onOffText(p.Derived), len(p.Rows))
	if x.format == formatMD {
		heading = "## " + heading + "\n"
	}
	fmt.Fprintln(x.out, heading)
	if err := x.writeTable(t); err != nil {
		return err
	}
	var notes []string
	for _, r := range p.Rows {
		for _, n := range r.Notes {
			if !contains(notes, n) {
				notes = append(notes, n)
			}
		}
	}
	for _, n := range notes {
		fmt.Fprintln(x.out, "\nNote: "+n)
	}
	fmt.Fprintln(x.out)
	if x.format == formatMD {
		fmt.Fprintln(x.out, "## Implement next, for every target together")
		fmt.Fprintln(x.out)
	} else {
		fmt.Fprintln(x.out, "Implement next, for every target together:")
	}
	r := newTable(4, "rank", "control", "status", "gain", "title", "moves").Wrap(5)
	for i, rec := range p.Recommendations {
		var moves []string
		for _, m := range rec.Moves {
			moves = append(moves, fmt.Sprintf("%s %d", m.Target, m.Items))
		}
		r.Add(strconv.Itoa(i+1), rec.Control, rec.Status.String(), strconv.Itoa(rec.Gain), rec.Title, strings.Join(moves, ", "))
	}
	return x.writeTable(r)
}

func onOffText(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
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
		if x.format == formatJSON {
			return x.writeJSON(o)
		}
		if x.format == formatCSV {
			t := newTable(-1, "from", "to", "items", "published", "published_percent", "derived", "derived_percent", "unreached")
			for _, p := range o.Pairs {
				d, dp := "", ""
				if *derived {
					d, dp = strconv.Itoa(p.Derived), fmt.Sprintf("%.1f", p.DerivedPercent)
				}
				t.Add(string(p.From), string(p.To), strconv.Itoa(p.Items), strconv.Itoa(p.Published), fmt.Sprintf("%.1f", p.PublishedPercent), d, dp, strings.Join(p.Unreached, ";"))
			}
			return x.writeTable(t)
		}
		// A matrix: rows FROM, columns TO, each cell "published/items (pct)".
		header := []string{"from \\ to"}
		for _, f := range o.Frameworks {
			header = append(header, string(f))
		}
		t := newTable(-1, header...)
		cell := map[[2]catalog.FrameworkID]crosswalk.OverlapPair{}
		for _, p := range o.Pairs {
			cell[[2]catalog.FrameworkID{p.From, p.To}] = p
		}
		for _, from := range o.Frameworks {
			row := []string{string(from)}
			for _, to := range o.Frameworks {
				p, ok := cell[[2]catalog.FrameworkID{from, to}]
				switch {
				case !ok:
					row = append(row, "—")
				case *derived:
					row = append(row, fmt.Sprintf("%d/%d %.1f%% (with derived %.1f%%)", p.Published, p.Items, p.PublishedPercent, p.DerivedPercent))
				default:
					row = append(row, fmt.Sprintf("%d/%d %.1f%%", p.Published, p.Items, p.PublishedPercent))
				}
			}
			t.Add(row...)
		}
		heading := "Items of TO (column) that a published mapping reaches from FROM (row), of all TO's items (0 means no published mapping joins them, not that they share nothing)"
		if x.format == formatMD {
			heading = "## " + heading + "\n"
		}
		fmt.Fprintln(x.out, heading)
		return x.writeTable(t)
	}
}
