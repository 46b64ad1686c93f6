package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
)

// ControlList is the answer to "which nodes of a framework pass these filters":
// what the controls command lists.
type ControlList struct {
	Framework catalog.FrameworkID
	// Filters are the filters applied, by attribute name ("kind" for the node
	// kinds), each with the values accepted; nil when none.
	Filters map[string][]string
	// Shown are the attributes the text and Markdown tables show, one column each
	// (those filtered on, in the order given).
	Shown []string
	// Attributes are the CSV's attribute columns: every attribute the framework
	// uses ([catalog.Catalog.AttributeNames]).
	Attributes []string
	// Controls are the nodes, in document order, each with its Summary as
	// [catalog.Catalog.Summary] reads it.
	Controls []catalog.Control
}

// ControlsDoc is the JSON contract of a [ControlList] ([ControlsJSON]); a program
// reading the CLI's output may decode into it.
type ControlsDoc struct {
	Framework string              `json:"framework"`
	Filters   map[string][]string `json:"filters,omitempty"`
	Count     int                 `json:"count"`
	// Controls are the nodes in the shape of the export document, every
	// attribute included.
	Controls []wire.Control `json:"controls"`
}

// NewControlsDoc returns the JSON contract of l.
func NewControlsDoc(l *ControlList) ControlsDoc {
	doc := ControlsDoc{Framework: string(l.Framework), Filters: l.Filters, Count: len(l.Controls), Controls: []wire.Control{}}
	for _, c := range l.Controls {
		doc.Controls = append(doc.Controls, controlWire(c))
	}
	return doc
}

// controlWire is a control in the wire shape of the export document.
func controlWire(c catalog.Control) wire.Control {
	wc := wire.Control{ID: c.Ref.ID, Title: c.Title, Kind: string(c.Kind), Parent: c.Parent.ID, Summary: c.Summary}
	for name, vs := range c.Attrs() {
		if wc.Attributes == nil {
			wc.Attributes = map[string][]string{}
		}
		wc.Attributes[name] = vs
	}
	return wc
}

// ControlsJSON writes the list as the CLI's JSON contract, a [ControlsDoc],
// indented, ending with a newline.
func ControlsJSON(w io.Writer, l *ControlList) error {
	if l == nil {
		return errNil("control list")
	}
	if err := codec.Encode(w, NewControlsDoc(l)); err != nil {
		return fmt.Errorf("report: controls as JSON: %w", err)
	}
	return nil
}

// ControlsCSV writes one row per node under the header id,title,kind,parent and
// one column per attribute of l.Attributes, a cell's values joined by ';'.
func ControlsCSV(w io.Writer, l *ControlList) error {
	if l == nil {
		return errNil("control list")
	}
	g := NewGrid(append([]string{"id", "title", "kind", "parent"}, l.Attributes...)...)
	for _, c := range l.Controls {
		row := []string{c.Ref.ID, c.Title, string(c.Kind), c.Parent.ID}
		for _, a := range l.Attributes {
			row = append(row, strings.Join(c.Attr(a), ";"))
		}
		g.Add(row...)
	}
	return g.WriteCSV(w)
}

// shownGrid is the table of the text and Markdown forms: id, title, kind, parent
// and the shown attributes, values joined by ", ".
func (l *ControlList) shownGrid() *Grid {
	g := cliGrid(1, append([]string{"id", "title", "kind", "parent"}, l.Shown...)...)
	for _, c := range l.Controls {
		row := []string{c.Ref.ID, c.Title, string(c.Kind), c.Parent.ID}
		for _, a := range l.Shown {
			row = append(row, strings.Join(c.Attr(a), ", "))
		}
		g.Add(row...)
	}
	return g
}

// ControlsMarkdown writes a Markdown table of the nodes: id, title, kind, parent
// and the attributes of l.Shown.
func ControlsMarkdown(w io.Writer, l *ControlList) error {
	if l == nil {
		return errNil("control list")
	}
	return l.shownGrid().WriteMarkdown(w)
}

// ControlsTable writes the nodes as aligned text fitting opts.Width (titles
// wrap), the columns of [ControlsMarkdown], and a closing count ("12 nodes of
// iso27002:2022").
func ControlsTable(w io.Writer, l *ControlList, opts Options) error {
	if l == nil {
		return errNil("control list")
	}
	t := newTableWriter(w)
	t.writeTable(l.shownGrid(), opts.Width)
	t.f("\n%s of %s\n", nouns(len(l.Controls), "node"), l.Framework)
	return t.flush()
}

// RenderControls writes the list in format f: [ControlsTable], [ControlsJSON],
// [ControlsCSV] or [ControlsMarkdown].
func RenderControls(w io.Writer, l *ControlList, f Format, opts Options) error {
	switch f {
	case Table:
		return ControlsTable(w, l, opts)
	case JSON:
		return ControlsJSON(w, l)
	case CSV:
		return ControlsCSV(w, l)
	case Markdown:
		return ControlsMarkdown(w, l)
	}
	return unsupported("control list", f)
}

// nouns writes a count with its noun: "1 node", "12 nodes".
func nouns(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
