package main

import (
	"bytes"
	"flag"
	"io"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
	"github.com/controlgraph/controlgraph/mappings"
)

func init() {
	register(&command{
		name:    "export",
		args:    "[--framework ID] [--format json|csv] [-o FILE]",
		summary: "export frameworks and their controls as JSON or CSV",
		detail: `JSON (the default) is the document {"frameworks": [...], "mappings": [...]}:
every control of the chosen frameworks (all of them without --framework) in document
order with id, title, kind, parent and attributes, and every embedded mapping set whose
edges stay within those frameworks, with each edge's relationship and source
(--mappings=false leaves them out). catalog.ReadJSON reads the frameworks and
mappings.ReadJSON the mapping sets, so an export can be edited and loaded again;
exporting what was read gives the same bytes.

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
	withMappings := fs.Bool("mappings", true, "include the mapping sets between the exported frameworks (JSON only)")
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
		var ids []catalog.FrameworkID
		for in := range x.cat.Frameworks() {
			if len(chosen) > 0 && !slices.Contains(chosen, in.ID) {
				continue
			}
			spec, _ := x.cat.Spec(in.ID)
			specs = append(specs, spec)
			ids = append(ids, in.ID)
		}
		if x.format == formatCSV {
			if len(specs) != 1 {
				return badInput("--format csv writes one framework per file: name it with --framework (one of %s)", strings.Join(x.frameworkIDs(), ", "))
			}
			return catalog.WriteCSV(x.out, specs[0])
		}
		var sets []mappings.Set
		if *withMappings {
			for _, s := range mappings.Embedded() {
				if within(s, ids) {
					sets = append(sets, s)
				}
			}
		}
		return writeExportJSON(x.out, specs, sets)
	}
}

// within reports whether every control set s names belongs to one of fws.
func within(s mappings.Set, fws []catalog.FrameworkID) bool {
	if !slices.Contains(fws, s.From) || !slices.Contains(fws, s.To) {
		return false
	}
	for _, e := range s.Edges {
		if !slices.Contains(fws, e.From.Framework) || !slices.Contains(fws, e.To.Framework) {
			return false
		}
	}
	return true
}

// writeExportJSON writes the export document: the frameworks as catalog.WriteJSON
// writes them and the mapping sets as mappings.WriteJSON does, in one document.
func writeExportJSON(w io.Writer, fws []catalog.Framework, sets []mappings.Set) error {
	var fb, mb bytes.Buffer
	if err := catalog.WriteJSON(&fb, fws...); err != nil {
		return err
	}
	if err := mappings.WriteJSON(&mb, sets...); err != nil {
		return err
	}
	var doc, md wire.Document
	if err := codec.DecodeStrict(fb.Bytes(), &doc); err != nil {
		return err
	}
	if err := codec.DecodeStrict(mb.Bytes(), &md); err != nil {
		return err
	}
	doc.Mappings = md.Mappings
	return codec.Encode(w, doc)
}
