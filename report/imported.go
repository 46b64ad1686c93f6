package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// ImportDoc is what reading one file of frameworks or mapping sets gave
// (controlgraph import): the frameworks and sets it holds, counted, and the
// warnings. Its JSON form is the import command's contract.
type ImportDoc struct {
	File       string              `json:"file"`
	Kind       string              `json:"kind"`       // what the file was read as ("framework (CSV)", "oscal catalog", ...)
	Frameworks []ImportedFramework `json:"frameworks"` // never nil in the contract
	Sets       []ImportedSet       `json:"sets"`       // never nil in the contract
	Warnings   []string            `json:"warnings"`   // never nil in the contract
}

// ImportedFramework counts one framework of an [ImportDoc].
type ImportedFramework struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Controls int            `json:"controls"` // not withdrawn
	Kinds    []KindCountDoc `json:"kinds"`    // of the controls not withdrawn, in order of first appearance
	// Withdrawn controls are kept (references to them resolve), never gap items.
	Withdrawn int `json:"withdrawn,omitempty"`
	// ItemKinds are the kinds that are gap items; empty means the leaves.
	ItemKinds []string `json:"item_kinds,omitempty"`
}

// ImportedSet counts one mapping set of an [ImportDoc].
type ImportedSet struct {
	ID         string `json:"id"`
	From       string `json:"from"`
	To         string `json:"to"`
	Kind       string `json:"kind"`   // "crosswalk" or "succession"
	Source     string `json:"source"` // the ID of the source document
	Edges      int    `json:"edges"`
	Statements int    `json:"statements"`
}

// NewImportDoc returns the import contract of file, read as kind, holding fws and
// sets, with warnings (never nil lists).
func NewImportDoc(file, kind string, fws []catalog.Framework, sets []mappings.Set, warnings []string) ImportDoc {
	doc := ImportDoc{File: file, Kind: kind, Frameworks: []ImportedFramework{}, Sets: []ImportedSet{}, Warnings: append([]string{}, warnings...)}
	for _, fw := range fws {
		doc.Frameworks = append(doc.Frameworks, importedFramework(fw))
	}
	for _, s := range sets {
		doc.Sets = append(doc.Sets, ImportedSet{ID: s.ID, From: string(s.From), To: string(s.To), Kind: string(s.Kind), Source: s.Source.ID,
			Edges: len(s.Edges), Statements: len(s.Statements)})
	}
	return doc
}

// importedFramework counts fw's controls, per kind, withdrawn apart.
func importedFramework(fw catalog.Framework) ImportedFramework {
	fj := ImportedFramework{ID: string(fw.ID), Name: fw.Name, Kinds: []KindCountDoc{}}
	idx := map[catalog.Kind]int{}
	for _, c := range fw.Controls {
		if st := c.Attributes[catalog.AttrStatus]; len(st) == 1 && st[0] == catalog.StatusWithdrawn {
			fj.Withdrawn++
			continue
		}
		fj.Controls++
		i, ok := idx[c.Kind]
		if !ok {
			i = len(fj.Kinds)
			idx[c.Kind] = i
			fj.Kinds = append(fj.Kinds, KindCountDoc{Kind: string(c.Kind)})
		}
		fj.Kinds[i].Count++
	}
	for _, k := range fw.ItemKinds {
		fj.ItemKinds = append(fj.ItemKinds, string(k))
	}
	return fj
}

// ImportJSON writes doc as the import command's JSON contract, indented.
func ImportJSON(w io.Writer, doc *ImportDoc) error {
	if doc == nil {
		return errNil("import")
	}
	if err := codec.Encode(w, doc); err != nil {
		return fmt.Errorf("report: import as JSON: %w", err)
	}
	return nil
}

// ImportTable writes doc as text fitting opts.Width: the file and its kind, the
// frameworks (controls per kind, withdrawn, which kinds are gap items), the sets,
// and the count of warnings.
func ImportTable(w io.Writer, doc *ImportDoc, opts Options) error {
	if doc == nil {
		return errNil("import")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", doc.File, doc.Kind)
	if len(doc.Frameworks) > 0 {
		b.WriteString("\n")
		g := cliGrid(1, "framework", "name", "controls", "per kind", "withdrawn").Wrap(3)
		for _, f := range doc.Frameworks {
			var kinds []string
			for _, k := range f.Kinds {
				kinds = append(kinds, fmt.Sprintf("%d %s", k.Count, k.Kind))
			}
			g.Add(f.ID, f.Name, strconv.Itoa(f.Controls), strings.Join(kinds, ", "), strconv.Itoa(f.Withdrawn))
		}
		if err := g.WriteText(&b, opts.Width); err != nil {
			return err
		}
		for _, f := range doc.Frameworks {
			if len(f.ItemKinds) > 0 {
				fmt.Fprintf(&b, "%s: the items of a gap analysis are its controls of kind %s (not withdrawn)\n", f.ID, strings.Join(f.ItemKinds, ", "))
			}
		}
	}
	if len(doc.Sets) > 0 {
		b.WriteString("\n")
		g := cliGrid(-1, "set", "from", "to", "kind", "source", "edges", "statements")
		for _, s := range doc.Sets {
			g.Add(s.ID, s.From, s.To, s.Kind, s.Source, strconv.Itoa(s.Edges), strconv.Itoa(s.Statements))
		}
		if err := g.WriteText(&b, opts.Width); err != nil {
			return err
		}
	}
	if len(doc.Warnings) > 0 {
		fmt.Fprintf(&b, "\n%d warnings (also on standard error)\n", len(doc.Warnings))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RenderImport writes doc in format f: [ImportTable] or [ImportJSON].
func RenderImport(w io.Writer, doc *ImportDoc, f Format, opts Options) error {
	switch f {
	case Table:
		return ImportTable(w, doc, opts)
	case JSON:
		return ImportJSON(w, doc)
	}
	return unsupported("import", f)
}
