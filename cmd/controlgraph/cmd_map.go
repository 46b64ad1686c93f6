package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "map",
		args:    "REF --to FRAMEWORK [--derived] [--max-hops N] [flags]",
		summary: "map a control to another framework: published mappings, then derived paths",
		detail: `Lists the controls of FRAMEWORK that REF maps to, read "REF RELATIONSHIP target",
strongest relationship first: the published mappings (an edge published the other way
is read backwards), or, when REF has none, those of its nearest ancestor (marked "via
parent", e.g. a CSF subcategory mapped at category level). With --derived, also the
targets no source links to REF but a path of published edges through a third framework
does, labelled derived with the path and the relationship composed along it.

REF is any spelling "show" accepts; --in FRAMEWORK restricts where REF is looked up.`,
		examples: []string{
			"map 8.16 --to csf",
			"map 8.16 --to cis --derived",
			"map GV.OC-01 --to iso27002:2022 --format json",
			"map A.12.4.1 --to iso27002:2022",
			"map 8.16 --to cis --derived --format mermaid",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD, formatMermaid, formatDOT},
		minArgs: 1, maxArgs: 1,
		setup: setupMap,
		data:  true,
	})
}

func setupMap(fs *flag.FlagSet) action {
	to := fs.String("to", "", "the target `FRAMEWORK` (an ID or an alias such as csf, cis); required")
	in := fs.String("in", "", "look REF up in `FRAMEWORK` only")
	derived := fs.Bool("derived", false, "add derived mappings: paths through a third framework")
	maxHops := fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path, in published edges (2 to %d)", crosswalk.MaxHops))
	minRoutes := fs.Int("min-routes", 1, "keep only derived mappings that at least `N` distinct paths support")
	return func(x *invocation, args []string) error {
		if *minRoutes < 1 {
			return badInput("invalid value %d for --min-routes; accepted: 1 or more", *minRoutes)
		}
		if *to == "" {
			return badInput("missing --to FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
		}
		if *maxHops < 2 || *maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *maxHops, crosswalk.MaxHops)
		}
		if err := checkMaxHops(fs, *derived, *maxHops); err != nil {
			return err
		}
		target, err := x.resolveFramework(*to)
		if err != nil {
			return err
		}
		c, err := x.resolveRefIn(args[0], *in)
		if err != nil {
			return err
		}
		var opts []crosswalk.MapOption
		if *derived {
			opts = append(opts, crosswalk.WithDerived(*maxHops), crosswalk.WithMinRoutes(*minRoutes))
		}
		ms, err := x.crosswalk().Map(c.Ref, target, opts...)
		if err != nil {
			return err
		}
		r := &report.MapResult{From: c.Ref, Title: c.Title, To: target, Derived: *derived, MaxHops: *maxHops, Links: ms}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderMap(w, r, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}
