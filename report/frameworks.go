package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// FrameworksDoc is the JSON contract of a framework list ([FrameworksJSON]); a
// program reading the CLI's output may decode into it.
type FrameworksDoc struct {
	DataVersion string         `json:"data_version"` // [catalog.DataVersion]
	Frameworks  []FrameworkDoc `json:"frameworks"`   // in the order given
}

// FrameworkDoc is one framework of a [FrameworksDoc]: the fields of [catalog.Info]
// the list shows.
type FrameworkDoc struct {
	ID        string         `json:"id"`                  // the framework ID ("iso27002:2022")
	Name      string         `json:"name"`                // its name ("ISO/IEC 27002:2022")
	Version   string         `json:"version"`             // its version ("2022")
	Publisher string         `json:"publisher,omitempty"` // who publishes it; left out when unknown
	Source    string         `json:"source,omitempty"`    // the document the data comes from
	Licence   string         `json:"licence,omitempty"`   // the terms of the data, for attribution
	Aliases   []string       `json:"aliases,omitempty"`   // its other names ([catalog.Framework].Aliases)
	AnnexOf   string         `json:"annex_of,omitempty"`  // the framework whose controls are its Annex A
	Nodes     int            `json:"nodes"`               // nodes of every kind
	Counts    []KindCountDoc `json:"counts"`              // nodes per kind, in order of first appearance
}

// KindCountDoc is the number of nodes of one kind in a [FrameworkDoc].
type KindCountDoc struct {
	Kind  string `json:"kind"`  // the node kind ("control", "subcategory")
	Count int    `json:"count"` // the nodes of that kind, withdrawn ones included
}

// NewFrameworksDoc returns the JSON contract of the frameworks infos.
func NewFrameworksDoc(infos []catalog.Info) FrameworksDoc {
	doc := FrameworksDoc{DataVersion: catalog.DataVersion, Frameworks: []FrameworkDoc{}}
	for _, in := range infos {
		fw := FrameworkDoc{
			ID: string(in.ID), Name: in.Name, Version: in.Version, Publisher: in.Publisher,
			Source: in.Source, Licence: in.Licence, Aliases: in.Aliases, AnnexOf: string(in.AnnexOf),
			Nodes: in.Controls, Counts: []KindCountDoc{},
		}
		for _, kc := range in.Counts {
			fw.Counts = append(fw.Counts, KindCountDoc{Kind: string(kc.Kind), Count: kc.Count})
		}
		doc.Frameworks = append(doc.Frameworks, fw)
	}
	return doc
}

// FrameworksJSON writes the frameworks as the CLI's JSON contract, a
// [FrameworksDoc], indented, ending with a newline.
func FrameworksJSON(w io.Writer, infos []catalog.Info) error {
	if err := codec.Encode(w, NewFrameworksDoc(infos)); err != nil {
		return fmt.Errorf("report: frameworks as JSON: %w", err)
	}
	return nil
}

// FrameworksCSV writes one row per framework under the header id,name,version,
// publisher,nodes,counts,aliases,annex_of,source,licence; counts reads
// "4 theme;93 control", aliases are joined by ';'.
func FrameworksCSV(w io.Writer, infos []catalog.Info) error {
	g := NewGrid("id", "name", "version", "publisher", "nodes", "counts", "aliases", "annex_of", "source", "licence")
	for _, in := range infos {
		g.Add(string(in.ID), in.Name, in.Version, in.Publisher, strconv.Itoa(in.Controls), kindCounts(in, ";"),
			strings.Join(in.Aliases, ";"), string(in.AnnexOf), in.Source, in.Licence)
	}
	return g.WriteCSV(w)
}

// FrameworksMarkdown writes a Markdown table of the frameworks: id, name, version,
// publisher, the nodes per kind and the licence note.
func FrameworksMarkdown(w io.Writer, infos []catalog.Info) error {
	g := NewGrid("id", "name", "version", "publisher", "nodes", "licence")
	for _, in := range infos {
		g.Add(string(in.ID), in.Name, in.Version, in.Publisher, kindCounts(in, ", "), in.Licence)
	}
	return g.WriteMarkdown(w)
}

// FrameworksTable writes the frameworks as aligned text (id, name, version,
// publisher, the nodes per kind), followed by each framework's licence note
// wrapped to opts.Width.
func FrameworksTable(w io.Writer, infos []catalog.Info, opts Options) error {
	g := NewGrid("id", "name", "version", "publisher", "nodes")
	for _, in := range infos {
		g.Add(string(in.ID), in.Name, in.Version, in.Publisher, kindCounts(in, ", "))
	}
	t := newTableWriter(w)
	t.writeTable(g, opts.Width)
	t.f("\nLicences:\n")
	for _, in := range infos {
		if in.Licence == "" {
			continue
		}
		prefix := "  " + cell(string(in.ID), 0) + ": "
		for i, l := range WrapText(cell(in.Licence, 0), max(opts.Width-len(prefix), cliMinWrap)) {
			if i == 0 {
				t.f("%s%s\n", prefix, l)
			} else {
				t.f("    %s\n", l)
			}
		}
	}
	return t.flush()
}

// RenderFrameworks writes the frameworks in format f: [FrameworksTable],
// [FrameworksJSON], [FrameworksCSV] or [FrameworksMarkdown].
func RenderFrameworks(w io.Writer, infos []catalog.Info, f Format, opts Options) error {
	switch f {
	case Table:
		return FrameworksTable(w, infos, opts)
	case JSON:
		return FrameworksJSON(w, infos)
	case CSV:
		return FrameworksCSV(w, infos)
	case Markdown:
		return FrameworksMarkdown(w, infos)
	}
	return unsupported("framework list", f)
}

// kindCounts writes the node counts of a framework: "4 theme, 93 control".
func kindCounts(in catalog.Info, sep string) string {
	parts := make([]string, len(in.Counts))
	for i, kc := range in.Counts {
		parts[i] = fmt.Sprintf("%d %s", kc.Count, kc.Kind)
	}
	return strings.Join(parts, sep)
}

// cliMinWrap is the narrowest a wrapped column or paragraph of the command line's
// listings (frameworks, controls, show, migrate) gets.
const cliMinWrap = 24

// cliGrid returns a grid in the layout of the command line's listings: column wrap
// (-1 for none) wraps, never narrower than [cliMinWrap].
func cliGrid(wrap int, header ...string) *Grid {
	return NewGrid(header...).Wrap(wrap).MinWrap(cliMinWrap)
}
