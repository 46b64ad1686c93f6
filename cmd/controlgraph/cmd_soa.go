package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "soa",
		args:    "--assessment FILE [--related FRAMEWORK] [--org NAME --scope TEXT --version V --date YYYY-MM-DD --approved-by NAME] [flags]",
		summary: "Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) from an assessment",
		detail: `Lists all 93 Annex A controls of ISO/IEC 27001:2022 with applicability,
justification, implementation status, owner and evidence, taken from an assessment of
the ISO/IEC 27002:2022 controls (CSV, XLSX or JSON, as for "gap"; - reads standard
input),
and the items of related frameworks each control maps to (published mappings only;
NIST CSF 2.0 and, in builds with CIS data, the CIS Controls v8 unless --related says
otherwise). The assessment's justification is the reason for including an applicable
control and the justification for excluding another: both columns are shown, as
6.1.3 d) asks for both. It ends with what an auditor would ask about: excluded
controls without a justification, included controls without a reason, and controls
the assessment does not rate.

--org, --scope, --version, --date and --approved-by name the organisation, the
scope of its ISMS, the document's version and date (YYYY-MM-DD) and who approved it;
every format shows them ("not given" when left out; the CSV repeats them on every
row).

--fail-on-problems exits 1 when there is any such problem.`,
		examples: []string{
			"soa --assessment examples/assessments/small-company.csv",
			"soa --assessment assessment.csv --format csv -o soa.csv",
			"soa --assessment assessment.json --related csf --format md",
			"soa --assessment assessment.csv --format xlsx -o soa.xlsx",
			`soa --assessment assessment.csv --org "Example Ltd" --scope "All services from the Leeds office" --version 1.2 --date 2026-11-28 --approved-by "J. Smith, CEO" --format html -o soa.html`,
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
	failOnProblems := fs.Bool("fail-on-problems", false, "exit 1 when a control is excluded without justification, included without a reason or not assessed")
	var doc crosswalk.SoADocument
	fs.StringVar(&doc.Organization, "org", "", "the `NAME` of the organisation whose statement this is")
	fs.StringVar(&doc.Scope, "scope", "", "the scope of the ISMS the statement covers (`TEXT`)")
	fs.StringVar(&doc.Version, "version", "", "the document's `VERSION` (\"1.2\")")
	fs.StringVar(&doc.Date, "date", "", "the document's date, `YYYY-MM-DD`")
	fs.StringVar(&doc.ApprovedBy, "approved-by", "", "who approved the statement (`NAME`)")
	var pf printFlags
	pf.declare(fs)
	return func(x *invocation, _ []string) error {
		if err := pf.check(); err != nil {
			return err
		}
		if *file == "" {
			return badInput("missing --assessment FILE (CSV, XLSX or JSON; - for standard input)")
		}
		if doc.Date != "" {
			if _, err := time.Parse(time.DateOnly, doc.Date); err != nil {
				return badInput("--date %q: want a date as YYYY-MM-DD (2026-11-28)", doc.Date)
			}
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
		soa.Document = doc
		if err := x.render(func(w io.Writer, f report.Format) error {
			return report.RenderSoA(w, soa, f, report.Options{Catalog: x.cat, Crosswalk: x.crosswalk(), Width: x.width,
				Paper: pf.paper, Landscape: pf.landscape})
		}); err != nil {
			return err
		}
		if *failOnProblems && len(soa.Problems) > 0 {
			return &findingError{msg: fmt.Sprintf("the statement of applicability has %s", plural(len(soa.Problems), "problem"))}
		}
		return nil
	}
}
