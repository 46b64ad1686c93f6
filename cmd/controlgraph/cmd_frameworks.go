package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
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

// frameworkJSON is one framework in the output of "frameworks --format json".
type frameworkJSON struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	Version   string      `json:"version"`
	Publisher string      `json:"publisher,omitempty"`
	Source    string      `json:"source,omitempty"`
	Licence   string      `json:"licence,omitempty"`
	Aliases   []string    `json:"aliases,omitempty"`
	AnnexOf   string      `json:"annex_of,omitempty"`
	Nodes     int         `json:"nodes"`
	Counts    []kindCount `json:"counts"`
}

type kindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

type frameworksJSON struct {
	DataVersion string          `json:"data_version"`
	Frameworks  []frameworkJSON `json:"frameworks"`
}

func runFrameworks(x *invocation, _ []string) error {
	var infos []catalog.Info
	for in := range x.cat.Frameworks() {
		infos = append(infos, in)
	}
	switch x.format {
	case formatJSON:
		doc := frameworksJSON{DataVersion: catalog.DataVersion, Frameworks: []frameworkJSON{}}
		for _, in := range infos {
			fj := frameworkJSON{
				ID: string(in.ID), Name: in.Name, Version: in.Version, Publisher: in.Publisher,
				Source: in.Source, Licence: in.Licence, Aliases: in.Aliases, AnnexOf: string(in.AnnexOf),
				Nodes: in.Controls, Counts: []kindCount{},
			}
			for _, kc := range in.Counts {
				fj.Counts = append(fj.Counts, kindCount{Kind: string(kc.Kind), Count: kc.Count})
			}
			doc.Frameworks = append(doc.Frameworks, fj)
		}
		return x.writeJSON(doc)
	case formatCSV:
		t := newTable(-1, "id", "name", "version", "publisher", "nodes", "counts", "aliases", "annex_of", "source", "licence")
		for _, in := range infos {
			t.Add(string(in.ID), in.Name, in.Version, in.Publisher, strconv.Itoa(in.Controls), countsText(in, ";"),
				strings.Join(in.Aliases, ";"), string(in.AnnexOf), in.Source, in.Licence)
		}
		return x.writeTable(t)
	case formatMD:
		t := newTable(-1, "id", "name", "version", "publisher", "nodes", "licence")
		for _, in := range infos {
			t.Add(string(in.ID), in.Name, in.Version, in.Publisher, countsText(in, ", "), in.Licence)
		}
		return x.writeTable(t)
	}
	t := newTable(-1, "id", "name", "version", "publisher", "nodes")
	for _, in := range infos {
		t.Add(string(in.ID), in.Name, in.Version, in.Publisher, countsText(in, ", "))
	}
	if err := x.writeTable(t); err != nil {
		return err
	}
	return writeLicenceNotes(x.out, infos, x.width)
}

// countsText writes the node counts of a framework: "4 theme, 93 control".
func countsText(in catalog.Info, sep string) string {
	parts := make([]string, len(in.Counts))
	for i, kc := range in.Counts {
		parts[i] = fmt.Sprintf("%d %s", kc.Count, kc.Kind)
	}
	return strings.Join(parts, sep)
}

// writeLicenceNotes follows the frameworks table with each framework's licence note,
// wrapped to the width.
func writeLicenceNotes(w io.Writer, infos []catalog.Info, width int) error {
	var b strings.Builder
	b.WriteString("\nLicences:\n")
	for _, in := range infos {
		if in.Licence == "" {
			continue
		}
		prefix := "  " + string(in.ID) + ": "
		indent := strings.Repeat(" ", 4)
		for i, l := range wrapText(in.Licence, max(width-len(prefix), minWrap)) {
			if i == 0 {
				b.WriteString(prefix + l + "\n")
			} else {
				b.WriteString(indent + l + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
