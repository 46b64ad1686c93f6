package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// cell makes user text fit one table cell: control characters (newlines, tabs,
// escape sequences) become spaces, and text longer than max runes is cut with "…"
// (max ≤ 0: no limit).
func cell(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if max > 0 {
		if rs := []rune(s); len(rs) > max {
			return string(rs[:max-1]) + "…"
		}
	}
	return s
}

const titleWidth = 60

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

// GapTable writes the gap result as aligned text for a terminal: the header, the
// summary, the roll-ups, the items that are not covered (gaps first is the
// reader's job: they come in document order), the unreached items, the controls
// not assessed and the recommendations. Covered items are counted, not listed.
func GapTable(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	t := newTableWriter(w)
	t.f("%s\n", cell(gapTitle(res, cat, opts), 0))
	t.f("Baseline: %s (%s)\nTarget:   %s (%s)\nPolicy:   %s\nDerived:  %s\n",
		frameworkName(cat, res.Baseline), res.Baseline, frameworkName(cat, res.Target), res.Target, res.Policy, onOff(res.Derived))
	if s := scopeLabel(res); s != "" {
		t.f("Limited:  %s\n", s)
	}
	if opts.Assessment != "" {
		t.f("Assessed: %s\n", cell(opts.Assessment, 0))
	}
	s := res.Summary
	t.f("\nCoverage %s%% (%d of %d applicable items covered)\n\n", pct(s.CoveragePercent), s.Covered, s.Applicable)
	t.start("STATUS", "ITEMS", "SHARE")
	t.row("covered", itoa(s.Covered), pct(s.CoveredPercent)+"%")
	t.row("partial", itoa(s.Partial), pct(s.PartialPercent)+"%")
	t.row("gap", itoa(s.Gap), pct(s.GapPercent)+"%")
	t.row("unreached", itoa(s.Unreached), pct(s.UnreachedPercent)+"%")
	t.row("not-applicable", itoa(s.NotApplicable), "")
	t.row("total", itoa(s.Total), "")
	t.end()
	if len(res.Groups) > 0 {
		t.f("\n")
		t.start("GROUP", "TITLE", "ITEMS", "COVERED", "PARTIAL", "GAP", "UNREACHED", "N/A", "COVERAGE")
		for _, g := range res.Groups {
			t.row(cell(g.ID, 0), cell(g.Title, 40), itoa(g.Total), itoa(g.Covered), itoa(g.Partial), itoa(g.Gap),
				itoa(g.Unreached), itoa(g.NotApplicable), pct(g.CoveragePercent)+"%")
		}
		t.end()
	}
	t.f("\nItems not covered (%d of %d):\n", s.Total-s.Covered, s.Total)
	t.start("ID", "STATUS", "TITLE", "REACHED BY")
	for _, it := range res.Items {
		if it.Status == crosswalk.Covered {
			continue
		}
		counting, _ := splitVia(it.Via)
		t.row(cell(it.ID, 0), string(it.Status), cell(it.Title, titleWidth), cell(strings.Join(counting, "; "), 80))
	}
	t.end()
	if len(res.Unreached) > 0 {
		t.f("\nUnreached: %s\n", unreachedReason(cat, res.Baseline))
		t.f("  %s\n", strings.Join(res.Unreached, ", "))
	}
	if len(res.NotAssessed) > 0 {
		t.f("\nNot assessed (count as not implemented): %s\n", strings.Join(res.NotAssessed, ", "))
	}
	if len(res.Recommendations) > 0 {
		t.f("\nRecommendations:\n")
		t.start("#", "CONTROL", "STATUS", "GAIN", "TITLE", "MOVES")
		for i, r := range res.Recommendations {
			t.row(itoa(i+1), cell(r.Control, 0), r.Status.String(), itoa(r.Gain), cell(r.Title, 50),
				cell(strings.Join(moveLabels(r.Moves), ", "), 80))
		}
		t.end()
	}
	return t.flush()
}

// SoATable writes the Statement of Applicability as aligned text for a terminal:
// the document fields, the summary, the problems and one row per Annex A control
// (its reason for inclusion or justification for exclusion in one column, as the
// APPLICABLE column says which it is).
func SoATable(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	t := newTableWriter(w)
	t.f("%s: %s, Annex A\n", cell(soaTitle(opts), 0), frameworkName(cat, soa.Standard))
	for _, f := range docFields(soa.Document) {
		t.f("%-13s %s\n", f.Label+":", cell(f.Shown(), 0))
	}
	if soa.Assessment != "" {
		t.f("%-13s %s\n", "Assessment:", cell(soa.Assessment, 0))
	}
	s := soa.Summary
	t.f("%d controls: %d applicable, %d excluded; %d implemented, %d partial, %d planned, %d not implemented, %d not assessed\n\n",
		s.Total, s.Applicable, s.Excluded, s.Implemented, s.Partial, s.Planned, s.NotImplemented, s.NotAssessed)
	t.start("CONTROL", "APPLICABLE", "STATUS", "OWNER", "TITLE", "REASON / JUSTIFICATION")
	for _, e := range soa.Controls {
		t.row(cell(e.AnnexA, 0), yesNo(e.Applicable), e.Status.String(), cell(e.Owner, 20), cell(e.Title, 50), cell(e.Justification, 60))
	}
	t.end()
	if len(soa.Problems) > 0 {
		t.f("\nProblems:\n")
		for _, p := range soa.Problems {
			t.f("  %s (%s): %s\n", cell(p.Control, 0), p.Kind, cell(p.Message, 0))
		}
	}
	return t.flush()
}
