package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "migrate",
		args:    "--from FRAMEWORK FILE [--to FRAMEWORK] [flags]",
		summary: "carry an assessment to the next edition (ISO 27002 2013 → 2022, CSF 1.1 → 2.0)",
		detail: `Reads an assessment of the controls of --from (CSV or JSON, as for "gap"; FILE -
reads standard input) and carries every status along the published succession
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
		switch x.format {
		case formatJSON:
			return x.writeJSON(m.Assessment)
		case formatCSV:
			return m.Assessment.WriteCSV(x.out)
		}
		return x.writeMigration(m, a.Name())
	}
}

func (x *invocation) writeMigration(m *crosswalk.Migration, name string) error {
	md := x.format == formatMD
	var b strings.Builder
	title := fmt.Sprintf("Migration of %s from %s to %s", name, m.From, m.To)
	if md {
		fmt.Fprintf(&b, "# %s\n\n", title)
	} else {
		fmt.Fprintf(&b, "%s\n\n", title)
	}
	fmt.Fprintf(&b, "%s rated from the old assessment; %s to assess afresh; %s of the old edition lead nowhere.\n",
		plural(len(m.Steps), "control"), plural(len(m.New), "control"), plural(len(m.Dropped), "control"))
	heading := func(s string) {
		if md {
			fmt.Fprintf(&b, "\n## %s\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n%s\n", strings.ToUpper(s))
		}
	}
	emit := func(t *report.Grid) error {
		if md {
			return t.WriteMarkdown(&b)
		}
		return t.WriteText(&b, x.width)
	}
	title2 := func(r catalog.Ref) string {
		if c, ok := x.cat.Control(r); ok {
			return c.Title
		}
		return ""
	}
	heading("Migrated")
	t := newTable(1, "id", "title", "status", "from").Wrap(3)
	for _, s := range m.Steps {
		var from []string
		for _, src := range s.From {
			f := src.Control.ID + " " + src.Status.String()
			if src.Label != "" {
				f += " (" + src.Label + ")"
			}
			from = append(from, f)
		}
		f := strings.Join(from, "; ")
		if s.Merged {
			f += "; the weakest status is kept"
		}
		t.Add(s.Control.ID, title2(s.Control), s.Status.String(), f)
	}
	if err := emit(t); err != nil {
		return err
	}
	heading(fmt.Sprintf("To assess afresh (%d)", len(m.New)))
	if len(m.New) > 0 {
		t := newTable(1, "id", "title")
		for _, r := range m.New {
			t.Add(r.ID, title2(r))
		}
		if err := emit(t); err != nil {
			return err
		}
	}
	heading(fmt.Sprintf("Leading nowhere (%d)", len(m.Dropped)))
	if len(m.Dropped) > 0 {
		t := newTable(1, "id", "title")
		for _, r := range m.Dropped {
			t.Add(r.ID, title2(r))
		}
		if err := emit(t); err != nil {
			return err
		}
	}
	_, err := io.WriteString(x.out, b.String())
	return err
}
