package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

var mdReplacer = strings.NewReplacer(
	`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`,
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// md escapes user text for a Markdown table cell or list item: Markdown and HTML
// punctuation is neutralised and line breaks become <br>, so a '|' or a newline in
// a note cannot break the table and a tag shows as text; other control characters
// (an escape sequence, a right-to-left override) are shown escaped, "\x1b" as
// "\\x1b", so that they reach neither a terminal nor a renderer.
func md(s string) string { return mdReplacer.Replace(safetext.Escape(s)) }

// mdWriter collects the first write error.
type mdWriter struct {
	w   *bufio.Writer
	err error
}

func (m *mdWriter) f(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

func (m *mdWriter) row(cells ...string) {
	m.f("| %s |\n", strings.Join(cells, " | "))
}

func (m *mdWriter) header(cells ...string) {
	m.row(cells...)
	seps := make([]string, len(cells))
	for i := range seps {
		seps[i] = "---"
	}
	m.row(seps...)
}

func (m *mdWriter) flush() error {
	if m.err == nil {
		m.err = m.w.Flush()
	}
	return m.err
}

// GapMarkdown writes the gap result as a Markdown document: the baseline, target and
// policy, the summary, the roll-ups, every item, the unreached items with the
// reason, the controls not assessed and the recommendations.
func GapMarkdown(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	m := &mdWriter{w: bufio.NewWriter(w)}
	m.gapHeader(res, cat, opts)
	m.gapSummary(res.Summary)
	if u := unmeasured(cat, res); u != "" {
		m.f("\n**%s**\n", md(u))
	}
	if l := notAssessedLine(res); l != "" {
		m.f("\n**%s**: see [Controls not assessed](#controls-not-assessed).\n", md(l))
	}
	if len(res.Groups) > 0 {
		m.f("\n## Coverage by group\n\n")
		m.header("Group", "Title", "Kind", "Items", "Covered", "Partial", "Gap", "Unreached", "N/A", "Coverage %")
		for _, g := range res.Groups {
			m.row(md(g.ID), md(g.Title), md(g.Kind), itoa(g.Total), itoa(g.Covered), itoa(g.Partial), itoa(g.Gap),
				itoa(g.Unreached), itoa(g.NotApplicable), share(g.Measurable(), g.CoveragePercent, ""))
		}
	}
	m.f("\n## Items (%s)\n\n", itemsCount(res.Summary))
	m.header("ID", "Title", "Status", "Reached by", "Mapped at a higher level")
	for _, it := range res.Items {
		counting, context := splitViaTitled(res, it.Via())
		if o := outsideVia(it); o != "" {
			counting = append(counting, o)
		}
		m.row(md(it.ID), md(it.Title), string(it.Status), md(strings.Join(counting, "; ")), md(strings.Join(context, "; ")))
	}
	m.gapUnreached(res, cat)
	m.gapNotAssessed(res, cat)
	m.gapRecommendations(res, cat)
	m.gapSources(res, opts)
	return m.flush()
}

// gapHeader writes the title and the list of what the analysis is: baseline,
// target, policy, derived paths, limits, assessment, notes, generation time.
func (m *mdWriter) gapHeader(res *crosswalk.GapResult, cat *catalog.Catalog, opts Options) {
	m.f("# %s\n\n", md(gapTitle(res, cat, opts)))
	m.f("- Baseline: %s (`%s`)\n", md(frameworkName(cat, res.Baseline)), res.Baseline)
	m.f("- Target: %s (`%s`)\n", md(frameworkName(cat, res.Target)), res.Target)
	m.f("- Policy: %s — %s\n", res.Policy, md(policyNote(res.Policy)))
	m.f("- Derived mappings: %s\n", onOff(res.Derived))
	if s := scopeLabel(res); s != "" {
		m.f("- Limited to: %s\n", md(s))
	}
	if opts.Assessment != "" {
		m.f("- Assessment: %s\n", md(opts.Assessment))
	}
	for _, n := range res.Notes {
		m.f("- Note: %s\n", md(n))
	}
	if opts.Generated != "" {
		m.f("- Generated: %s\n", md(opts.Generated))
	}
}

// gapSummary writes the counts per status with their shares, and the coverage.
func (m *mdWriter) gapSummary(s crosswalk.Summary) {
	m.f("\n## Summary\n\n")
	m.header("Status", "Items", "Share of applicable")
	ok := s.Measurable()
	m.row("covered", itoa(s.Covered), share(ok, s.CoveredPercent, " %"))
	m.row("partial", itoa(s.Partial), share(ok, s.PartialPercent, " %"))
	m.row("gap", itoa(s.Gap), share(ok, s.GapPercent, " %"))
	m.row("unreached", itoa(s.Unreached), share(ok, s.UnreachedPercent, " %"))
	m.row("not-applicable", itoa(s.NotApplicable), "")
	m.row("**total**", itoa(s.Total), "")
	if ok {
		m.f("\nCoverage: **%s %%** of %d applicable items covered.\n", pct(s.CoveragePercent), s.Applicable)
	} else {
		m.f("\nCoverage: **%s** (%s).\n", na, NotMeasurable(s))
	}
	if s.DerivedOnly > 0 {
		m.f("\nOf the items not covered, %d are reached only by derived paths (inference, at most partial).\n", s.DerivedOnly)
	}
}

// gapUnreached lists the items no baseline control reaches, with why and what the
// sources state about them instead.
func (m *mdWriter) gapUnreached(res *crosswalk.GapResult, cat *catalog.Catalog) {
	m.f("\n## Unreached items\n\n")
	if len(res.Unreached) == 0 {
		m.f("None: every item is reached by some baseline control.\n")
		return
	}
	m.f("%s\n\n", md(unreachedReason(cat, res)))
	items := itemIndex(res)
	for _, id := range res.Unreached {
		it := items[id]
		m.f("- **%s** %s", md(id), md(it.Title))
		if len(it.Statements) > 0 {
			m.f(" — the source states: %s", md(strings.Join(it.Statements, "; ")))
		}
		if len(it.Outside) > 0 {
			m.f(" — mapped only outside the baseline: %s", md(strings.Join(outsideLabels(cat, it.Outside), "; ")))
		}
		m.f("\n")
	}
}

// gapNotAssessed lists the baseline controls the assessment does not rate.
func (m *mdWriter) gapNotAssessed(res *crosswalk.GapResult, cat *catalog.Catalog) {
	m.f("\n## Controls not assessed\n\n")
	if len(res.NotAssessed) == 0 {
		m.f("None: the assessment rates every baseline control.\n")
		return
	}
	m.f("They count as not implemented.\n\n")
	for _, id := range res.NotAssessed {
		m.f("- **%s** %s\n", md(id), md(controlTitle(cat, res.Baseline, id)))
	}
}

// gapRecommendations writes the recommendations as a table.
func (m *mdWriter) gapRecommendations(res *crosswalk.GapResult, cat *catalog.Catalog) {
	m.f("\n## Recommendations\n\n")
	if len(res.Recommendations) == 0 {
		m.f("None.\n")
		return
	}
	m.header("#", "Control", "Title", "Status now", "Gain", md("Items of "+movesOf(cat, res.Target)+" it moves"))
	for i, r := range res.Recommendations {
		m.row(itoa(i+1), md(r.Control), md(r.Title), r.Status.String(), itoa(r.Gain), md(strings.Join(moveLabels(r.Moves), "; ")))
	}
	m.f("\n%s\n", md(recLegend(res.Recommendations)))
}

// gapSources lists the source documents the result cites, by title.
func (m *mdWriter) gapSources(res *crosswalk.GapResult, opts Options) {
	srcs := citedSources(res, opts)
	if len(srcs) == 0 {
		return
	}
	m.f("\n## Sources\n\n")
	for _, s := range srcs {
		m.f("- %s", md(s.Title))
		if s.Publisher != "" {
			m.f(" (%s)", md(s.Publisher))
		}
		m.f(" — %s\n", md(s.ID))
	}
}

// SoAMarkdown writes the Statement of Applicability as a Markdown document: the
// document fields (organisation, scope, version, date, approved by), the summary, the problems an auditor would ask about and one table row per Annex A
// control.
func SoAMarkdown(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	m := &mdWriter{w: bufio.NewWriter(w)}
	m.f("# %s\n\n", md(soaTitle(opts)))
	for _, f := range docFields(soa.Document) {
		m.f("- %s: %s\n", f.Label, md(f.Shown()))
	}
	m.f("- Standard: %s (`%s`), Annex A = %s (`%s`)\n", md(frameworkName(cat, soa.Standard)), soa.Standard,
		md(frameworkName(cat, soa.Baseline)), soa.Baseline)
	if soa.Assessment != "" {
		m.f("- Assessment: %s\n", md(soa.Assessment))
	}
	if len(soa.Related) > 0 {
		m.f("- Related frameworks: %s\n", md(joinIDs(soa.Related)))
	}
	if opts.Generated != "" {
		m.f("- Generated: %s\n", md(opts.Generated))
	}
	s := soa.Summary
	m.f("\n## Summary\n\n")
	m.header("Controls", "Applicable", "Excluded", "Implemented", "Partial", "Planned", "Not implemented", "Not assessed")
	m.row(itoa(s.Total), itoa(s.Applicable), itoa(s.Excluded), itoa(s.Implemented), itoa(s.Partial), itoa(s.Planned),
		itoa(s.NotImplemented), itoa(s.NotAssessed))
	m.f("\n## Problems\n\n")
	if len(soa.Problems) == 0 {
		m.f("None.\n")
	}
	for _, p := range soa.Problems {
		m.f("- **%s** (%s): %s\n", md(p.Control), md(string(p.Kind)), md(p.Message))
	}
	m.f("\n## Controls\n\n")
	m.header("Control", "Title", "Applicable", "Reason for inclusion", "Justification for exclusion", "Status", "Owner",
		"Evidence", "Notes", "Related")
	for _, e := range soa.Controls {
		m.row(md(e.AnnexA), md(e.Title), yesNo(e.Applicable), md(e.InclusionReason), md(e.ExclusionJustification),
			e.Status.String(), md(e.Owner),
			md(e.Evidence), md(e.Notes), md(relatedLabel(e.Related)))
	}
	return m.flush()
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func joinIDs(ids []catalog.FrameworkID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

func itemIndex(res *crosswalk.GapResult) map[string]crosswalk.GapItem {
	m := make(map[string]crosswalk.GapItem, len(res.Items))
	for _, it := range res.Items {
		m[it.ID] = it
	}
	return m
}
