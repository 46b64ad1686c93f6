package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// oneLine turns line breaks and tabs into spaces.
var oneLine = strings.NewReplacer("\r\n", " ", "\t", " ", "\n", " ", "\r", " ")

// cell makes user text fit one table cell and safe for a terminal: line breaks and
// tabs become spaces, other control characters (an escape sequence, a right-to-left
// override, a byte that is not UTF-8) are shown escaped ("\x1b", "\u202e", "\xff";
// see [safetext.Escape]), and text longer than max runes is cut with "…" (max ≤ 0:
// no limit).
func cell(s string, max int) string {
	s = safetext.Escape(oneLine.Replace(s))
	if max > 0 {
		if rs := []rune(s); len(rs) > max {
			return string(rs[:max-1]) + "…"
		}
	}
	return s
}

type tableWriter struct {
	bw  *bufio.Writer
	tw  *tabwriter.Writer
	err error
}

func newTableWriter(w io.Writer) *tableWriter {
	bw := bufio.NewWriter(w)
	return &tableWriter{bw: bw}
}

func (t *tableWriter) f(format string, args ...any) {
	if t.err != nil {
		return
	}
	var w io.Writer = t.bw
	if t.tw != nil {
		w = t.tw
	}
	_, t.err = fmt.Fprintf(w, format, args...)
}

// start begins an aligned block with a header row.
func (t *tableWriter) start(cols ...string) {
	t.tw = tabwriter.NewWriter(t.bw, 0, 0, 2, ' ', 0)
	t.row(cols...)
}

func (t *tableWriter) row(cols ...string) { t.f("%s\n", strings.Join(cols, "\t")) }

func (t *tableWriter) end() {
	if t.tw != nil && t.err == nil {
		t.err = t.tw.Flush()
	}
	t.tw = nil
}

func (t *tableWriter) flush() error {
	t.end()
	if t.err == nil {
		t.err = t.bw.Flush()
	}
	return t.err
}

// GapTable writes the gap result as aligned text for a terminal, fitting opts.Width
// (long titles and lists wrap onto more lines; nothing is cut): the header, the
// summary, the roll-ups, the items that are not covered (gaps first is the
// reader's job: they come in document order), the unreached items, the controls
// not assessed and the recommendations. Covered items are counted, not listed.
func GapTable(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	t := newTableWriter(w)
	t.para(opts.Width, "", "", gapTitle(res, cat, opts))
	const indent = "          " // under the values of the header lines
	t.para(opts.Width, "Baseline: ", indent, frameworkName(cat, res.Baseline)+" ("+string(res.Baseline)+")")
	t.para(opts.Width, "Target:   ", indent, frameworkName(cat, res.Target)+" ("+string(res.Target)+")")
	t.para(opts.Width, "Policy:   ", indent, string(res.Policy)+" — "+policyNote(res.Policy))
	t.f("Derived:  %s\n", onOff(res.Derived))
	if s := scopeLabel(res); s != "" {
		t.para(opts.Width, "Limited:  ", indent, s)
	}
	if opts.Assessment != "" {
		t.para(opts.Width, "Assessed: ", indent, opts.Assessment)
	}
	for _, n := range res.Notes {
		t.para(opts.Width, "Note:     ", indent, n)
	}
	t.gapSummary(res, cat, opts.Width)
	s := res.Summary
	if len(res.Groups) > 0 {
		t.f("\n")
		g := NewGrid("GROUP", "TITLE", "ITEMS", "COVERED", "PARTIAL", "GAP", "UNREACHED", "N/A", "COVERAGE").Wrap(1).filled()
		for _, r := range res.Groups {
			g.Add(r.ID, r.Title, itoa(r.Total), itoa(r.Covered), itoa(r.Partial), itoa(r.Gap),
				itoa(r.Unreached), itoa(r.NotApplicable), share(r.Measurable(), r.CoveragePercent, "%"))
		}
		t.writeTable(g, opts.Width)
	}
	t.f("\n%s:\n", notCoveredHeading(s))
	items := NewGrid("ID", "STATUS", "TITLE", "REACHED BY").Wrap(2).List(3).filled()
	for _, it := range res.Items {
		if it.Status == crosswalk.ItemCovered {
			continue
		}
		counting, _ := splitViaTitled(res, it.Via())
		items.Add(it.ID, string(it.Status), it.Title, strings.Join(counting, "\n"))
	}
	t.writeTable(items, opts.Width)
	t.coveredOutside(res, cat, opts.Width)
	if len(res.Unreached) > 0 {
		t.f("\n")
		t.para(opts.Width, "Unreached: ", "  ", unreachedReason(cat, res))
		t.para(opts.Width, "  ", "  ", strings.Join(res.Unreached, ", "))
	}
	if len(res.NotAssessed) > 0 {
		t.f("\n")
		t.para(opts.Width, "Not assessed (count as not implemented): ", "  ", strings.Join(res.NotAssessed, ", "))
	}
	t.recommendations(res, cat, opts.Width)
	return t.flush()
}

// gapSummary writes the summary block of [GapTable]: the coverage (or why there is
// none), the controls not assessed, the items reached only by derived paths and the
// counts and shares per status.
func (t *tableWriter) gapSummary(res *crosswalk.GapResult, cat *catalog.Catalog, width int) {
	s := res.Summary
	if s.Measurable() {
		t.f("\nCoverage %s%% (%d of %d applicable items covered)\n", pct(s.CoveragePercent), s.Covered, s.Applicable)
	} else {
		t.f("\nCoverage %s (%s)\n", na, NotMeasurable(s))
	}
	if u := unmeasured(cat, res); u != "" {
		t.para(width, "", "", u)
	}
	if l := notAssessedLine(res); l != "" {
		t.para(width, "", "", l)
	}
	if s.DerivedOnly > 0 {
		t.f("Of the items not covered, %d are reached only by derived paths (inference, at most partial)\n", s.DerivedOnly)
	}
	t.f("\n")
	t.start("STATUS", "ITEMS", "SHARE")
	ok := s.Measurable()
	t.row("covered", itoa(s.Covered), share(ok, s.CoveredPercent, "%"))
	t.row("partial", itoa(s.Partial), share(ok, s.PartialPercent, "%"))
	t.row("gap", itoa(s.Gap), share(ok, s.GapPercent, "%"))
	t.row("unreached", itoa(s.Unreached), share(ok, s.UnreachedPercent, "%"))
	t.row("not-applicable", itoa(s.NotApplicable), "")
	t.row("total", itoa(s.Total), "")
	t.end()
}

// coveredOutside writes the short list of the covered items whose source also maps
// them to controls outside the baseline, with those controls, when there are any.
func (t *tableWriter) coveredOutside(res *crosswalk.GapResult, cat *catalog.Catalog, width int) {
	co, host := coveredOutside(res)
	if len(co) == 0 {
		return
	}
	of := "controls outside the baseline"
	if host != "" {
		of = frameworkName(cat, catalog.FrameworkID(host)) + " controls outside the baseline"
	}
	t.f("\n")
	t.para(width, "", "  ", fmt.Sprintf("Covered, but also mapped to %s, not assessed (%d of %d covered items):", of, len(co), res.Summary.Covered))
	t.para(width, "  ", "  ", strings.Join(co, ", "))
}

// recommendations writes the recommendations of a gap result, with the line that
// says how to read them, when there are any.
func (t *tableWriter) recommendations(res *crosswalk.GapResult, cat *catalog.Catalog, width int) {
	if len(res.Recommendations) == 0 {
		return
	}
	t.f("\n")
	t.para(width, "", "", fmt.Sprintf("Recommendations (MOVES lists items of %s, %s):", frameworkName(cat, res.Target), res.Target))
	g := NewGrid("#", "CONTROL", "STATUS", "GAIN", "TITLE", "MOVES").Wrap(4, 5).filled()
	for i, r := range res.Recommendations {
		g.Add(itoa(i+1), r.Control, r.Status.String(), itoa(r.Gain), r.Title, strings.Join(moveLabels(r.Moves), ", "))
	}
	t.writeTable(g, width)
	t.f("\n")
	t.para(width, "", "", recLegend(res.Recommendations))
}

// SoATable writes the Statement of Applicability as aligned text for a terminal,
// fitting opts.Width as [GapTable] does:
// the document fields, the summary, the problems and one row per Annex A control
// (its reason for inclusion or justification for exclusion in one column, as the
// APPLICABLE column says which it is).
func SoATable(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	t := newTableWriter(w)
	t.f("%s: %s, Annex A\n", cell(soaTitle(opts), 0), cell(frameworkName(cat, soa.Standard), 0))
	for _, f := range docFields(soa.Document) {
		t.f("%-13s %s\n", f.Label+":", cell(f.Shown(), 0))
	}
	if soa.Assessment != "" {
		t.f("%-13s %s\n", "Assessment:", cell(soa.Assessment, 0))
	}
	s := soa.Summary
	t.para(opts.Width, "", "", fmt.Sprintf("%d controls: %d applicable, %d excluded; %d implemented, %d partial, %d planned, %d not implemented, %d not assessed",
		s.Total, s.Applicable, s.Excluded, s.Implemented, s.Partial, s.Planned, s.NotImplemented, s.NotAssessed))
	t.f("\n")
	g := NewGrid("CONTROL", "APPLICABLE", "STATUS", "OWNER", "TITLE", "REASON / JUSTIFICATION").Wrap(3, 4, 5).filled()
	for _, e := range soa.Controls {
		g.Add(e.AnnexA, yesNo(e.Applicable), e.Status.String(), e.Owner, e.Title, e.Justification)
	}
	t.writeTable(g, opts.Width)
	if len(soa.Problems) > 0 {
		t.f("\nProblems:\n")
		for _, p := range soa.Problems {
			t.para(opts.Width, "  ", "    ", fmt.Sprintf("%s (%s): %s", p.Control, p.Kind, p.Message))
		}
	}
	return t.flush()
}
