package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// RequirementsResult is the answer to "which baseline controls does this target
// need": the result of [crosswalk.Crosswalk.Requirements] with its two frameworks.
type RequirementsResult struct {
	Baseline, Target catalog.FrameworkID
	Requirements     []crosswalk.Requirement // in document order of the controls
}

// RequirementsDoc is the JSON contract of a [RequirementsResult]
// ([RequirementsJSON]); a program reading the CLI's output may decode into it.
type RequirementsDoc struct {
	Baseline string           `json:"baseline"`
	Target   string           `json:"target"`
	Controls []RequirementDoc `json:"controls"`
}

// RequirementDoc is one baseline control of a [RequirementsDoc] with the target
// items it reaches.
type RequirementDoc struct {
	Control string        `json:"control"` // its ID in the baseline
	Title   string        `json:"title"`
	Items   []ItemLinkDoc `json:"items"`
}

// ItemLinkDoc is how a control reaches one target item.
type ItemLinkDoc struct {
	Item         string `json:"item"` // its ID in the target
	Relationship string `json:"relationship"`
	// ViaParent is the ancestor of the item the edge is published for (context,
	// never coverage).
	ViaParent string `json:"via_parent,omitempty"`
	// Derived: an inference along Path (the refs from the control to the item).
	Derived bool     `json:"derived,omitempty"`
	Path    []string `json:"path,omitempty"`
	Sources []string `json:"sources,omitempty"`
}

// NewRequirementsDoc returns the JSON contract of r.
func NewRequirementsDoc(r *RequirementsResult) RequirementsDoc {
	doc := RequirementsDoc{Baseline: string(r.Baseline), Target: string(r.Target), Controls: []RequirementDoc{}}
	for _, q := range r.Requirements {
		rd := RequirementDoc{Control: q.Control.ID, Title: q.Title, Items: []ItemLinkDoc{}}
		for _, l := range q.Links {
			ld := ItemLinkDoc{Item: l.To.ID, Relationship: l.Relationship.String(), Derived: l.Derived(), Sources: l.Sources, ViaParent: l.Ancestor.ID}
			for _, p := range l.Controls() {
				ld.Path = append(ld.Path, p.String())
			}
			rd.Items = append(rd.Items, ld)
		}
		doc.Controls = append(doc.Controls, rd)
	}
	return doc
}

// RequirementsJSON writes the result as the CLI's JSON contract, a
// [RequirementsDoc], indented, ending with a newline.
func RequirementsJSON(w io.Writer, r *RequirementsResult) error {
	if r == nil {
		return errNil("requirements result")
	}
	if err := codec.Encode(w, NewRequirementsDoc(r)); err != nil {
		return fmt.Errorf("report: requirements as JSON: %w", err)
	}
	return nil
}

// RequirementsCSV writes one row per control and item it reaches under the header
// control,title,item,relationship,via_parent,derived,path,sources; derived is "yes"
// or empty, the path's refs are joined by " → ", the sources by ';'.
func RequirementsCSV(w io.Writer, r *RequirementsResult) error {
	if r == nil {
		return errNil("requirements result")
	}
	g := NewGrid("control", "title", "item", "relationship", "via_parent", "derived", "path", "sources")
	for _, q := range NewRequirementsDoc(r).Controls {
		for _, l := range q.Items {
			der := ""
			if l.Derived {
				der = "yes"
			}
			g.Add(q.Control, q.Title, l.Item, l.Relationship, l.ViaParent, der, strings.Join(l.Path, " → "), strings.Join(l.Sources, ";"))
		}
	}
	return g.WriteCSV(w)
}

// RequirementsTable writes the result as text fitting opts.Width: a heading
// counting the controls and the items they serve, then one row per control with
// its items ("DE.CM-01 (related)", "GV.OC-01 (related, via GV.OC)", "... derived").
func RequirementsTable(w io.Writer, r *RequirementsResult, opts Options) error {
	return writeRequirements(w, r, opts, false)
}

// RequirementsMarkdown writes the result of [RequirementsTable] as Markdown: the
// heading as a level-2 heading, the rows as a table.
func RequirementsMarkdown(w io.Writer, r *RequirementsResult) error {
	return writeRequirements(w, r, Options{}, true)
}

// RenderRequirements writes the result in format f: [RequirementsTable],
// [RequirementsJSON], [RequirementsCSV] or [RequirementsMarkdown].
func RenderRequirements(w io.Writer, r *RequirementsResult, f Format, opts Options) error {
	switch f {
	case Table:
		return RequirementsTable(w, r, opts)
	case JSON:
		return RequirementsJSON(w, r)
	case CSV:
		return RequirementsCSV(w, r)
	case Markdown:
		return RequirementsMarkdown(w, r)
	}
	return unsupported("requirements result", f)
}

func writeRequirements(w io.Writer, r *RequirementsResult, opts Options, md bool) error {
	if r == nil {
		return errNil("requirements result")
	}
	doc := NewRequirementsDoc(r)
	items := map[string]bool{}
	for _, q := range doc.Controls {
		for _, l := range q.Items {
			items[l.Item] = true
		}
	}
	heading := fmt.Sprintf("%s controls that %s needs: %d, serving %d items", doc.Baseline, doc.Target, len(doc.Controls), len(items))
	if md {
		heading = "## " + heading + "\n"
	}
	if _, err := fmt.Fprintln(w, heading); err != nil || len(doc.Controls) == 0 {
		return err
	}
	g := cliGrid(1, "control", "title", "items", "reached").Wrap(3)
	for _, q := range doc.Controls {
		links := make([]string, 0, len(q.Items))
		for _, l := range q.Items {
			links = append(links, l.label())
		}
		g.Add(q.Control, q.Title, strconv.Itoa(len(q.Items)), strings.Join(links, "; "))
	}
	if md {
		return g.WriteMarkdown(w)
	}
	return g.WriteText(w, opts.Width)
}

// label writes the link as the table lists it: "DE.CM-01 (related)", with ", via
// PARENT" or ", derived".
func (l ItemLinkDoc) label() string {
	s := l.Item + " (" + l.Relationship
	switch {
	case l.ViaParent != "":
		s += ", via " + l.ViaParent
	case l.Derived:
		s += ", derived"
	}
	return s + ")"
}
