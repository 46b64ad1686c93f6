package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// PostureJSON writes the posture as the CLI's JSON contract: the JSON form of
// [crosswalk.Posture], indented, ending with a newline.
func PostureJSON(w io.Writer, p *crosswalk.Posture) error {
	if p == nil {
		return errNil("posture")
	}
	if err := codec.Encode(w, p); err != nil {
		return fmt.Errorf("report: posture as JSON: %w", err)
	}
	return nil
}

// postureRowsGrid is the coverage table: one row per target (or limit of one),
// with its counts, its coverage and the policy.
func postureRowsGrid(p *crosswalk.Posture) *Grid {
	g := cliGrid(1, "target", "name", "limit", "items", "covered", "partial", "gap", "unreached", "n/a", "coverage", "policy")
	for _, r := range p.Rows {
		s := r.Summary
		g.Add(string(r.Target), r.Name, r.Limit, strconv.Itoa(s.Total), strconv.Itoa(s.Covered), strconv.Itoa(s.Partial),
			strconv.Itoa(s.Gap), strconv.Itoa(s.Unreached), strconv.Itoa(s.NotApplicable), share(s.Measurable(), s.CoveragePercent, "%"), string(p.Policy))
	}
	return g
}

// PostureCSV writes one row per target (or limit of one) under the header
// target,name,limit,items,covered,partial,gap,unreached,n/a,coverage,policy;
// coverage reads "63.8%", or "n/a" when nothing in the row is applicable.
func PostureCSV(w io.Writer, p *crosswalk.Posture) error {
	if p == nil {
		return errNil("posture")
	}
	return postureRowsGrid(p).WriteCSV(w)
}

// PostureTable writes the posture as text fitting opts.Width: a heading, the
// coverage table, the rows' notes (each once) and the controls to implement next
// for every target together, with the items each moves per target.
func PostureTable(w io.Writer, p *crosswalk.Posture, opts Options) error {
	return writePostureText(w, p, opts, false)
}

// PostureMarkdown writes the posture of [PostureTable] as Markdown: headings and
// two tables.
func PostureMarkdown(w io.Writer, p *crosswalk.Posture) error {
	return writePostureText(w, p, Options{}, true)
}

// RenderPosture writes the posture in format f: [PostureTable], [PostureJSON],
// [PostureCSV] or [PostureMarkdown]. The page and the workbook ([PostureHTML],
// [PostureXLSX]) take the overlap and the gap results too.
func RenderPosture(w io.Writer, p *crosswalk.Posture, f Format, opts Options) error {
	switch f {
	case Table:
		return PostureTable(w, p, opts)
	case JSON:
		return PostureJSON(w, p)
	case CSV:
		return PostureCSV(w, p)
	case Markdown:
		return PostureMarkdown(w, p)
	}
	return unsupported("posture", f)
}

// textDoc writes a text or Markdown document of headings and tables, keeping the
// first error.
type textDoc struct {
	w     io.Writer
	md    bool
	width int
	err   error
}

func (d *textDoc) line(s string) {
	if d.err == nil {
		_, d.err = fmt.Fprintln(d.w, s)
	}
}

// heading writes s as a level-2 Markdown heading, or as a line ending in suffix.
func (d *textDoc) heading(s, suffix string) {
	if d.md {
		d.line("## " + s + "\n")
	} else {
		d.line(s + suffix)
	}
}

// note writes "Note: " and n after a blank line, wrapped to the width as text (under
// the note's first word), escaped as Markdown.
func (d *textDoc) note(n string) { d.paragraph("Note: ", "      ", n) }

// para writes s after a blank line: wrapped to the width as text, escaped as
// Markdown.
func (d *textDoc) para(s string) { d.paragraph("", "", s) }

// paragraph writes first and s after a blank line: as text wrapped to the width, the
// lines after the first under rest; as Markdown escaped, on one line.
func (d *textDoc) paragraph(first, rest, s string) {
	if d.err != nil {
		return
	}
	if d.md {
		d.line("\n" + first + md(s))
		return
	}
	t := newTableWriter(d.w)
	t.f("\n")
	t.para(d.width, first, rest, s)
	d.err = t.flush()
}

func (d *textDoc) table(g *Grid) {
	if d.err != nil {
		return
	}
	if d.md {
		d.err = g.WriteMarkdown(d.w)
	} else {
		d.err = g.WriteText(d.w, d.width)
	}
}

func writePostureText(w io.Writer, p *crosswalk.Posture, opts Options, md bool) error {
	if p == nil {
		return errNil("posture")
	}
	d := &textDoc{w: w, md: md, width: opts.Width}
	d.heading(fmt.Sprintf("Posture of %s (policy %s, derived %s): %d rows", p.Baseline, p.Policy, onOff(p.Derived), len(p.Rows)), "")
	if l := notAssessedText(len(p.NotAssessed), p.BaselineControls); l != "" {
		if md {
			d.line("**" + mdText(l) + "**\n")
		} else {
			d.line(l)
		}
	}
	d.table(postureRowsGrid(p))
	for _, n := range postureNotes(p) {
		d.note(n)
	}
	d.line("")
	d.heading("Implement next, for every target together", ":")
	g := cliGrid(4, "rank", "control", "status", "gain", "title", "moves").Wrap(5)
	for i, rec := range p.Recommendations {
		moves := make([]string, 0, len(rec.Moves))
		for _, m := range rec.Moves {
			moves = append(moves, fmt.Sprintf("%s %d", m.Target, m.Items))
		}
		g.Add(strconv.Itoa(i+1), rec.Control, rec.Status.String(), strconv.Itoa(rec.Gain), rec.Title, strings.Join(moves, ", "))
	}
	d.table(g)
	if len(p.Recommendations) > 0 {
		d.para(postureRecLegend)
	}
	return d.err
}

// postureNotes are the notes of the rows, each once, in row order.
func postureNotes(p *crosswalk.Posture) []string {
	var notes []string
	for _, r := range p.Rows {
		for _, n := range r.Notes {
			if !slices.Contains(notes, n) {
				notes = append(notes, n)
			}
		}
	}
	return notes
}

// OverlapJSON writes the overlap as the CLI's JSON contract: the JSON form of
// [crosswalk.Overlap], indented, ending with a newline.
func OverlapJSON(w io.Writer, o *crosswalk.Overlap) error {
	if o == nil {
		return errNil("overlap")
	}
	if err := codec.Encode(w, o); err != nil {
		return fmt.Errorf("report: overlap as JSON: %w", err)
	}
	return nil
}

// OverlapCSV writes one row per ordered pair under the header from,to,items,
// published,published_percent,derived,derived_percent,unreached (the derived
// columns empty unless derived paths were counted; unreached joined by ';').
func OverlapCSV(w io.Writer, o *crosswalk.Overlap) error {
	if o == nil {
		return errNil("overlap")
	}
	g := NewGrid("from", "to", "items", "published", "published_percent", "derived", "derived_percent", "unreached")
	for _, p := range o.Pairs {
		d, dp := "", ""
		if o.Derived {
			d, dp = strconv.Itoa(p.Derived), fmt.Sprintf("%.1f", p.DerivedPercent)
		}
		g.Add(string(p.From), string(p.To), strconv.Itoa(p.Items), strconv.Itoa(p.Published), fmt.Sprintf("%.1f", p.PublishedPercent), d, dp, strings.Join(p.Unreached, ";"))
	}
	return g.WriteCSV(w)
}

// overlapHeading says how to read the matrix.
const overlapHeading = "Items of TO (column) that a published mapping reaches from FROM (row), of all TO's items (0 means no published mapping joins them, not that they share nothing)"

// overlapCarried says, under the matrix, that an edge carried across an identity
// succession counts, and lists the cells some of whose items only such edges
// reach; "" when there is none.
func overlapCarried(o *crosswalk.Overlap) string {
	var cells []string
	for _, p := range o.Pairs {
		if p.Carried > 0 {
			cells = append(cells, fmt.Sprintf("%s → %s %d of %d", p.From, p.To, p.Carried, p.Published))
		}
	}
	if len(cells) == 0 {
		return ""
	}
	return "As gap and map do, a cell counts an edge published for another edition with the same IDs and carried across " +
		"the identity succession between them (CIS v8 and v8.1). Items reached only by such edges: " + strings.Join(cells, ", ") + "."
}

// overlapMatrix is the matrix of the text and Markdown forms: rows FROM, columns
// TO, each cell "published/items pct" ("—" on the diagonal and for no pair).
func overlapMatrix(o *crosswalk.Overlap) *Grid {
	header := []string{"from \\ to"}
	for _, f := range o.Frameworks {
		header = append(header, string(f))
	}
	g := cliGrid(-1, header...)
	cell := map[[2]catalog.FrameworkID]crosswalk.OverlapPair{}
	for _, p := range o.Pairs {
		cell[[2]catalog.FrameworkID{p.From, p.To}] = p
	}
	for _, from := range o.Frameworks {
		row := []string{string(from)}
		for _, to := range o.Frameworks {
			p, ok := cell[[2]catalog.FrameworkID{from, to}]
			switch {
			case !ok:
				row = append(row, "—")
			case o.Derived:
				row = append(row, fmt.Sprintf("%d/%d %.1f%% (with derived %.1f%%)", p.Published, p.Items, p.PublishedPercent, p.DerivedPercent))
			default:
				row = append(row, fmt.Sprintf("%d/%d %.1f%%", p.Published, p.Items, p.PublishedPercent))
			}
		}
		g.Add(row...)
	}
	return g
}

// OverlapTable writes the overlap as a matrix for a terminal under a line saying
// how to read it.
func OverlapTable(w io.Writer, o *crosswalk.Overlap, opts Options) error {
	return writeOverlapText(&textDoc{w: w, width: opts.Width}, o)
}

// OverlapMarkdown writes the matrix of [OverlapTable] as Markdown.
func OverlapMarkdown(w io.Writer, o *crosswalk.Overlap) error {
	return writeOverlapText(&textDoc{w: w, md: true}, o)
}

// writeOverlapText writes the overlap's heading, matrix and the note on carried
// edges to d, as text or as Markdown.
func writeOverlapText(d *textDoc, o *crosswalk.Overlap) error {
	if o == nil {
		return errNil("overlap")
	}
	d.heading(overlapHeading, "")
	d.table(overlapMatrix(o))
	if c := overlapCarried(o); c != "" {
		d.para(c)
	}
	return d.err
}

// RenderOverlap writes the overlap in format f: [OverlapTable], [OverlapJSON],
// [OverlapCSV] or [OverlapMarkdown].
func RenderOverlap(w io.Writer, o *crosswalk.Overlap, f Format, opts Options) error {
	switch f {
	case Table:
		return OverlapTable(w, o, opts)
	case JSON:
		return OverlapJSON(w, o)
	case CSV:
		return OverlapCSV(w, o)
	case Markdown:
		return OverlapMarkdown(w, o)
	}
	return unsupported("overlap", f)
}

// mdText is md, for functions whose flag of the same name shadows it.
var mdText = md
