package main

import (
	"flag"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "mappings",
		args:    "--from FRAMEWORK --to FRAMEWORK [--set ID] [flags]",
		summary: "the published mapping edges between two frameworks, and what the sources state instead",
		detail: `Lists every published edge between the two frameworks, read "from R to": the edges of
the sets published from --from to --to as they are, and those of sets published the
other way read backwards (the relationship inverted: subset-of becomes superset-of)
and marked inverse. Each edge names its relationship (NIST IR 8477; "related" is a
link its source does not characterise), the source document, the mapping set, the
source's own label and a note where the data reads the source differently (a
misprinted clause number kept as printed). Rows are in document order of the from
control, then the to control.

A framework that carries another as its Annex A answers for both: --to iso27001:2022
lists the edges to its clauses and to its Annex A controls (the ISO/IEC 27002:2022
controls); --to iso27002:2022 lists only the latter.

The statements section lists what the sets published from --from state about its
elements instead of edges: NIST's "none" (no ISO reference for the clauses of
GV.OC-05), "All applicable controls" for function PR, references to documents
that are not frameworks here. --set ID limits both to one mapping set.`,
		examples: []string{
			"mappings --from csf --to iso27002:2022",
			"mappings --from iso27002:2022 --to cis:8 --format csv -o iso-cis.csv",
			"mappings --from nist-csf:1.1 --to nist-csf:2.0 --set nist-csf-1.1_to_nist-csf-2.0 --format md",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupMappings,
	})
}

func setupMappings(fs *flag.FlagSet) action {
	from := fs.String("from", "", "the `FRAMEWORK` the edges are read from (an ID or alias); required")
	to := fs.String("to", "", "the `FRAMEWORK` the edges are read to; required")
	setID := fs.String("set", "", "only the mapping set `ID`")
	return func(x *invocation, _ []string) error {
		if *from == "" || *to == "" {
			return badInput("missing --from FRAMEWORK or --to FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
		}
		a, err := x.resolveFramework(*from)
		if err != nil {
			return err
		}
		b, err := x.resolveFramework(*to)
		if err != nil {
			return err
		}
		if a == b {
			return badInput("--from and --to name the same framework %s; 'controlgraph controls %s' lists its hierarchy", a, a)
		}
		sets := x.allSets()
		if *setID != "" {
			s, err := x.findSet(*setID)
			if err != nil {
				return err
			}
			sets = []mappings.Set{s}
		}
		pair := x.crosswalk().Edges(a, b, sets)
		if *setID != "" && len(pair.Edges) == 0 && len(pair.Statements) == 0 {
			return badInput("mapping set %q links %s and %s, not %s and %s", *setID, sets[0].From, sets[0].To, a, b)
		}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderEdges(w, &pair, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}
