package main

import (
	"flag"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
)

func init() {
	register(&command{
		name:    "export",
		args:    "[--framework ID] [--format json|csv] [-o FILE]",
		summary: "export frameworks and their controls as JSON or CSV",
		detail: `JSON (the default) is the document {"frameworks": [...]} with every control of
the chosen frameworks (all of them without --framework) in document order: id, title,
kind, parent and attributes. It is the form catalog.ReadJSON reads, so an export can be
edited and loaded again; exporting what was read gives the same bytes.

CSV holds one framework per file, the form catalog.ReadCSV reads: columns id, title,
kind, parent, summary, then one column per attribute, multiple values separated by ';'.
So --format csv needs exactly one --framework.`,
		examples: []string{
			"export --format json -o controlgraph.json",
			"export --framework iso27002:2022 --format csv -o iso27002.csv",
			"export --framework csf,iso27002",
		},
		formats: []string{formatJSON, formatCSV},
		maxArgs: 0,
		setup:   setupExport,
	})
}

func setupExport(fs *flag.FlagSet) action {
	var names listFlag
	fs.Var(&names, "framework", "export only framework `ID` (an ID or alias; repeat or use a comma list for several)")
	return func(x *invocation, _ []string) error {
		var chosen []catalog.FrameworkID
		for _, n := range names {
			id, err := x.resolveFramework(n)
			if err != nil {
				return err
			}
			chosen = append(chosen, id)
		}
		var specs []catalog.Framework
		for in := range x.cat.Frameworks() {
			if len(chosen) > 0 && !slices.Contains(chosen, in.ID) {
				continue
			}
			spec, _ := x.cat.Spec(in.ID)
			specs = append(specs, spec)
		}
		if x.format == formatCSV {
			if len(specs) != 1 {
				return badInput("--format csv writes one framework per file: name it with --framework (one of %s)", strings.Join(x.frameworkIDs(), ", "))
			}
			return catalog.WriteCSV(x.out, specs[0])
		}
		return catalog.WriteJSON(x.out, specs...)
	}
}
