package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "soa",
		args:    "--assessment FILE [--related FRAMEWORK] [flags]",
		summary: "Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) from an assessment",
		detail: `Lists all 93 Annex A controls of ISO/IEC 27001:2022 with applicability,
justification, implementation status, owner and evidence, taken from an assessment of
the ISO/IEC 27002:2022 controls (CSV or JSON, as for "gap"; - reads standard input),
and the items of related frameworks each control maps to (published mappings only;
NIST CSF 2.0 and, in builds with CIS data, the CIS Controls v8 unless --related says
otherwise). It ends with what an auditor would ask about: excluded controls without a
justification and controls the assessment does not rate.

--fail-on-problems exits 1 when there is any such problem.`,
		examples: []string{
			"soa --assessment examples/assessments/small-company.csv",
			"soa --assessment assessment.csv --format csv -o soa.csv",
			"soa --assessment assessment.json --related csf --format md",
			"soa --assessment assessment.csv --format xlsx -o soa.xlsx",
		},
		formats: reportFormats,
		maxArgs: 0,
		setup:   setupSoA,
		data:    true,
	})
}

func setupSoA(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` of the ISO/IEC 27002:2022 controls (CSV, XLSX or JSON; - for standard input); required")
	sheet := sheetFlag(fs)
	var related listFlag
	fs.Var(&related, "related", "show the items of `FRAMEWORK` each control maps to (repeat or comma list)")
	failOnProblems := fs.Bool("fail-on-problems", false, "exit 1 when a control is excluded without justification or not assessed")
	return func(x *invocation, _ []string) error {
		if *file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		var fws []catalog.FrameworkID
		for _, r := range related {
			fw, err := x.resolveFramework(r)
			if err != nil {
				return err
			}
			fws = append(fws, fw)
		}
		a, err := x.readAssessment(*file, *sheet, nil)
		if err != nil {
			return err
		}
		soa, err := x.crosswalk().SoA(a, fws...)
		if err != nil {
			return badInput("%v", err)
		}
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderSoA(w, soa, f, report.Options{Catalog: x.cat})
		}); err != nil {
			return err
		}
		if *failOnProblems && len(soa.Problems) > 0 {
			return &findingError{msg: fmt.Sprintf("the statement of applicability has %s", plural(len(soa.Problems), "problem"))}
		}
		return nil
	}
}
