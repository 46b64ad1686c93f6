package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// Format is an output format of the package.
type Format string

// The formats. Not every result has every format: pictures ([RenderMap],
// [RenderSet]) are Mermaid or DOT; gap and SoA results are everything else.
const (
	Table    Format = "table"   // aligned plain text for a terminal
	JSON     Format = "json"    // the CLI's JSON contract
	CSV      Format = "csv"     // one row per item or control
	Markdown Format = "md"      // GitHub-flavoured Markdown
	HTML     Format = "html"    // one self-contained page
	XLSX     Format = "xlsx"    // an Excel workbook, one sheet per view
	Mermaid  Format = "mermaid" // a Mermaid flowchart
	DOT      Format = "dot"     // a Graphviz digraph
)

// ErrUnknownFormat is wrapped by the error of [ParseFormat] (and of the dispatchers)
// for a format name the package does not know.
var ErrUnknownFormat = errors.New("unknown format")

// ErrUnsupported is returned by the dispatchers for a format the kind of result
// cannot be written in (a gap result as Mermaid, say).
var ErrUnsupported = errors.New("format not supported for this result")

// ParseFormat reads a format name, in any case: table, json, csv, md (or
// markdown), html (or htm), xlsx, mermaid (or mmd), dot (or gv).
func ParseFormat(s string) (Format, error) {
	switch f := strings.ToLower(strings.TrimSpace(s)); f {
	case "table", "json", "csv", "md", "html", "xlsx", "mermaid", "dot":
		return Format(f), nil
	case "markdown":
		return Markdown, nil
	case "htm":
		return HTML, nil
	case "mmd":
		return Mermaid, nil
	case "gv":
		return DOT, nil
	}
	return "", fmt.Errorf("report: %w %q (want table, json, csv, md, html, xlsx, mermaid or dot)", ErrUnknownFormat, s)
}

// String returns the format's name.
func (f Format) String() string { return string(f) }

// Ext returns the usual file extension of the format, with its dot (".md", ".mmd").
func (f Format) Ext() string {
	switch f {
	case Table:
		return ".txt"
	case Mermaid:
		return ".mmd"
	}
	return "." + string(f)
}

// Binary reports whether the format is not text (XLSX), so a command line can refuse
// to write it to a terminal.
func (f Format) Binary() bool { return f == XLSX }

// GapFormats are the formats [RenderGap] and [RenderSoA] write.
func GapFormats() []Format { return []Format{Table, JSON, CSV, Markdown, HTML, XLSX} }

// PictureFormats are the formats [RenderMap] and [RenderSet] write.
func PictureFormats() []Format { return []Format{Mermaid, DOT} }

// Options change how a result is rendered. The zero value is ready to use.
type Options struct {
	// Catalog gives titles and the framework hierarchy (which categories belong to
	// which function, the implementation groups of CIS safeguards) for the heat map
	// and the pictures; catalog.Default() when nil. Pass the crosswalk's catalog
	// (crosswalk.Crosswalk.Catalog) when the result comes from one built with New.
	Catalog *catalog.Catalog
	// Title replaces the document's default title (HTML, Markdown, XLSX).
	Title string
	// Generated is shown as the time the report was made, as given; nothing is
	// shown when it is empty, so that output is reproducible by default.
	Generated string
	// Assessment names the assessment file a gap result came from (a SoA carries its
	// own); shown when not empty.
	Assessment string
	// Crosswalk names the source documents a result cites: a report shows a source's
	// title where the result has its ID. When nil, the embedded mapping sets name
	// them; an ID neither knows is shown as it is. Pass the crosswalk the result came
	// from when it was built with crosswalk.New over sets of your own.
	Crosswalk *crosswalk.Crosswalk
	// Paper sets the paper size the HTML pages print on: "A4" or "Letter" (any
	// case); "" leaves it to the browser and the reader's printer settings. Landscape
	// prints across the long side. Either way the print layout is compact: the gap
	// report of the 106 NIST CSF 2.0 items prints on at most 8 pages, its heat map
	// on page 1.
	Paper     string
	Landscape bool
	// Width is the width terminal tables ([GapTable], [SoATable]) fit, in
	// characters (a command line passes $COLUMNS): long titles and lists wrap onto
	// more lines, nothing is cut. 0 or less: no limit, every line as long as it
	// needs.
	Width int
}

// ErrPaper is wrapped by the error of a renderer given an Options.Paper it does not
// know.
var ErrPaper = errors.New("unknown paper size")

// pageCSS is the @page rule of Paper and Landscape, or "" when neither is set.
func (o Options) pageCSS() (string, error) {
	size := ""
	switch strings.ToLower(strings.TrimSpace(o.Paper)) {
	case "":
	case "a4":
		size = "A4"
	case "letter":
		size = "letter"
	default:
		return "", fmt.Errorf("report: %w %q (want A4 or Letter)", ErrPaper, o.Paper)
	}
	if o.Landscape {
		size = strings.TrimSpace(size + " landscape")
	}
	if size == "" {
		return "", nil
	}
	return "@page{size:" + size + "}", nil
}

func (o Options) catalog() *catalog.Catalog {
	if o.Catalog != nil {
		return o.Catalog
	}
	return catalog.Default()
}

// RenderGap writes a gap result in format f: [GapTable], [GapJSON], [GapCSV],
// [GapMarkdown], [GapHTML] or [GapXLSX].
func RenderGap(w io.Writer, res *crosswalk.GapResult, f Format, opts Options) error {
	switch f {
	case Table:
		return GapTable(w, res, opts)
	case JSON:
		return GapJSON(w, res)
	case CSV:
		return GapCSV(w, res, opts)
	case Markdown:
		return GapMarkdown(w, res, opts)
	case HTML:
		return GapHTML(w, res, opts)
	case XLSX:
		return GapXLSX(w, res, opts)
	}
	return unsupported("gap result", f)
}

// RenderSoA writes a Statement of Applicability in format f: [SoATable],
// [SoAJSON], [SoACSV], [SoAMarkdown], [SoAHTML] or [SoAXLSX].
func RenderSoA(w io.Writer, soa *crosswalk.SoA, f Format, opts Options) error {
	switch f {
	case Table:
		return SoATable(w, soa, opts)
	case JSON:
		return SoAJSON(w, soa)
	case CSV:
		return SoACSV(w, soa)
	case Markdown:
		return SoAMarkdown(w, soa, opts)
	case HTML:
		return SoAHTML(w, soa, opts)
	case XLSX:
		return SoAXLSX(w, soa, opts)
	}
	return unsupported("statement of applicability", f)
}

// RenderMap writes the result of a crosswalk.Crosswalk.Map query in format f:
// [MapTable], [MapJSON], [MapCSV] or [MapMarkdown], or as a picture, [MapMermaid]
// or [MapDOT].
func RenderMap(w io.Writer, r *MapResult, f Format, opts Options) error {
	switch f {
	case Table:
		return MapTable(w, r, opts)
	case JSON:
		return MapJSON(w, r)
	case CSV:
		return MapCSV(w, r)
	case Markdown:
		return MapMarkdown(w, r)
	case Mermaid, DOT:
		if r == nil {
			return errNil("map result")
		}
		if f == Mermaid {
			return MapMermaid(w, r.From, r.Links, opts)
		}
		return MapDOT(w, r.From, r.Links, opts)
	}
	return unsupported("map result", f)
}

// RenderSet draws the published edges between two frameworks, from the sets given,
// in format f: [SetMermaid] or [SetDOT]. See [SetMermaid] for how edges are grouped.
func RenderSet(w io.Writer, from, to catalog.FrameworkID, sets []mappings.Set, f Format, opts Options) error {
	switch f {
	case Mermaid:
		return SetMermaid(w, from, to, sets, opts)
	case DOT:
		return SetDOT(w, from, to, sets, opts)
	}
	return unsupported("framework pair", f)
}

func unsupported(what string, f Format) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	return fmt.Errorf("report: %w: %s as %s", ErrUnsupported, what, f)
}
