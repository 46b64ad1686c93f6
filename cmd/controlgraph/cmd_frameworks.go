package main

import (
	"flag"
	"io"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "frameworks",
		args:    "[flags]",
		summary: "list the frameworks with their versions, publishers, licences and node counts",
		detail: `Lists every framework of the catalog in catalog order: ID, name, version, publisher,
the number of nodes of each kind, and the licence note of its data. CSV and JSON also
carry the source document, the aliases and, for ISO/IEC 27001:2022, the framework whose
controls are its Annex A.`,
		examples: []string{
			"frameworks",
			"frameworks --format json",
			"frameworks --format csv -o frameworks.csv",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		setup:   func(*flag.FlagSet) action { return runFrameworks },
		data:    true,
	})
}

func runFrameworks(x *invocation, _ []string) error {
	var infos []catalog.Info
	for in := range x.cat.Frameworks() {
		infos = append(infos, in)
	}
	return x.render(func(w io.Writer, f report.Format) error {
		return report.RenderFrameworks(w, infos, f, report.Options{Catalog: x.cat, Width: x.width})
	})
}
