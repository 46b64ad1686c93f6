package main

import (
	"flag"
	"io"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "requirements",
		args:    "--target FRAMEWORK [--ig IG] [--scope REF] [flags]",
		summary: "which baseline controls a target scope needs, through which edges",
		detail: `The reverse of gap: for the items of the target (limited with --ig and --scope),
the baseline controls (ISO/IEC 27002:2022 unless --baseline) that reach them, each with
the items it serves and how: the relationship read "control R item", the source, and
whether the edge is published at an ancestor of the item ("via" a CSF category; shown
for context, it does not count for coverage) or is a derived path (--derived).
Controls come in document order.`,
		examples: []string{
			"requirements --target cis:8 --ig IG1",
			"requirements --target nist-csf:2.0 --scope PR --format csv",
			"requirements --target cis --ig IG1 --derived --format json",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupRequirements,
	})
}

func setupRequirements(fs *flag.FlagSet) action {
	var tf targetFlags
	tf.declare(fs, false)
	return func(x *invocation, _ []string) error {
		r, err := tf.resolve(x)
		if err != nil {
			return err
		}
		opts := r.opts
		if r.baseline != "" {
			opts = append(opts, crosswalk.WithBaseline(r.baseline))
		}
		reqs, err := x.crosswalk().Requirements(r.target, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		baseline := r.baseline
		if baseline == "" {
			baseline = catalog.ISO27002v2022
		}
		res := &report.RequirementsResult{Baseline: baseline, Target: r.target, Requirements: reqs}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderRequirements(w, res, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}
