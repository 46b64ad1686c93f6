package main

import (
	"flag"
	"io"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "migrate",
		args:    "--from FRAMEWORK FILE [--to FRAMEWORK] [flags]",
		summary: "carry an assessment to the next edition (ISO 27002 2013 → 2022, CSF 1.1 → 2.0)",
		detail: `Reads an assessment of the controls of --from (CSV, XLSX or JSON, as for "gap";
FILE - reads standard input) and carries every status along the published succession
mappings to --to (by default the newest edition of the same framework): ISO/IEC
27002:2022 Annex B for 2013 → 2022, NIST's CSF 2.0 Reference Tool for CSF 1.1 → 2.0.
A control several predecessors lead to gets the weakest of their statuses, with a note.

--format csv and json write the migrated assessment itself, ready for "gap" and "soa";
table and md write the migration report: where each status came from, the controls
to assess afresh (new in the edition) and the controls that lead nowhere.`,
		examples: []string{
			"migrate --from iso27002:2013 examples/assessments/legacy-2013.csv",
			"migrate --from iso27002:2013 legacy.csv --format csv -o assessment-2022.csv",
			"migrate --from csf:1.1 profile.csv --to csf:2.0 --format md",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		minArgs: 1, maxArgs: 1,
		setup: setupMigrate,
		data:  true,
	})
}

func setupMigrate(fs *flag.FlagSet) action {
	from := fs.String("from", "", "the `FRAMEWORK` the assessment rates (iso27002:2013, nist-csf:1.1, cis:8); required")
	to := fs.String("to", "", "the `FRAMEWORK` to migrate to (default: the newest edition of --from)")
	sheet := sheetFlag(fs)
	return func(x *invocation, args []string) error {
		if *from == "" {
			return badInput("missing --from FRAMEWORK (the framework the assessment rates, e.g. iso27002:2013)")
		}
		ffw, err := x.resolveFramework(*from)
		if err != nil {
			return err
		}
		tname := *to
		if tname == "" {
			tname = ffw.Family()
		}
		tfw, err := x.resolveFramework(tname)
		if err != nil {
			return err
		}
		if tfw == ffw {
			return badInput("nothing to migrate: --from and --to are both %s; name the edition to migrate to with --to", ffw)
		}
		a, err := x.readAssessment(args[0], *sheet, []crosswalk.ReadOption{crosswalk.WithBaseline(ffw)})
		if err != nil {
			return err
		}
		m, err := x.crosswalk().Migrate(a, tfw)
		if err != nil {
			return badInput("%v", err)
		}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderMigration(w, m, f, report.Options{Catalog: x.cat, Assessment: a.Name(), Width: x.width})
		})
	}
}
