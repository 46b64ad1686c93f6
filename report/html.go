package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

//go:embed assets/page.html.tmpl assets/style.css assets/script.js
var assets embed.FS

func mustAsset(name string) string {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic("report: embedded asset missing: " + name) // a build defect, caught by every test
	}
	return string(b)
}

var (
	pageCSS = template.CSS(mustAsset("style.css"))
	pageJS  = template.JS(mustAsset("script.js"))
	// pageTmpl is parsed on first use, not at start-up: parsing costs about half a
	// millisecond that every process of the CLI would pay, HTML or not.
	pageTmpl = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("page").Parse(mustAsset("page.html.tmpl")))
	})
)

// statusOrder is the order of the coverage statuses on the page, best first.
var statusOrder = []crosswalk.Coverage{crosswalk.ItemCovered, crosswalk.ItemPartial, crosswalk.ItemGap,
	crosswalk.ItemUnreached, crosswalk.ItemNotApplicable}

// glyph gives each coverage status a shape, so that the status reads without colour.
func glyph(s crosswalk.Coverage) string {
	switch s {
	case crosswalk.ItemCovered:
		return "●"
	case crosswalk.ItemPartial:
		return "◐"
	case crosswalk.ItemGap:
		return "○"
	case crosswalk.ItemUnreached:
		return "⊘"
	}
	return "–"
}

func rank(s crosswalk.Coverage) int {
	for i, o := range statusOrder {
		if o == s {
			return i
		}
	}
	return len(statusOrder)
}

type barPart struct {
	Status crosswalk.Coverage
	N      int
	Width  string
}

type barView struct {
	Big   bool
	Label string
	Parts []barPart
}

// newBar splits 100 % of a bar among the statuses with items, in page order.
func newBar(c counts, big bool) barView {
	ns := []int{c.Covered, c.Partial, c.Gap, c.Unreached, c.NotApplicable}
	b := barView{Big: big, Label: countsText(c)}
	if c.Total == 0 {
		return b
	}
	for i, n := range ns {
		if n > 0 {
			b.Parts = append(b.Parts, barPart{Status: statusOrder[i], N: n,
				Width: fmt.Sprintf("%.2f", float64(n)*100/float64(c.Total))})
		}
	}
	return b
}

// countsText lists the non-zero counts in words: "3 partial, 2 unreached".
func countsText(c counts) string {
	ns := []int{c.Covered, c.Partial, c.Gap, c.Unreached, c.NotApplicable}
	var parts []string
	for i, n := range ns {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, statusOrder[i]))
		}
	}
	if len(parts) == 0 {
		return "no items"
	}
	return strings.Join(parts, ", ")
}

type kpiView struct {
	Status string
	Glyph  string
	Label  string
	N      int
	Pct    string
}

type cellView struct {
	heatCell
	Class string
	Frac  string // "3/5": covered of applicable, or "n/a" when nothing is applicable
	Text  string
	Bar   barView
}

type rowView struct {
	heatRow
	Pct   string
	Cells []cellView
}

type heatView struct {
	Columns []string
	Rows    []rowView
}

type itemView struct {
	ID, Title         string
	Status            crosswalk.Coverage
	Glyph             string
	Rank              int
	Counting, Context []string
	Statements        []string
	Outside           string // the controls outside the baseline its source maps it to: not assessed
}

type unreachedView struct {
	ID, Title  string
	Statements []string
	Context    string
	Outside    string // controls outside the baseline mapped to the item (ISO/IEC 27001 clauses)
}

type idTitle struct{ ID, Title string }

type gapPage struct {
	Title, Generated, Assessment string
	BaselineName, TargetName     string
	Baseline, Target             catalog.FrameworkID
	Policy                       crosswalk.Policy
	PolicyNote                   string
	Notes                        []string
	Derived                      bool
	Scope                        string
	S                            crosswalk.Summary
	CoveragePercent              string // "63.8%", or "n/a" when nothing is applicable
	CoverageLabel                string // what the headline figure is: "coverage (67 of 105 applicable items covered)"
	KPIs                         []kpiView
	SummaryBar                   barView
	HeatLabel                    string
	Heat                         heatView
	Items                        []itemView
	ItemsCount                   string // what the list of every item holds: "106: 105 applicable, 1 not applicable"
	NotAssessedLine              string // "92 of 93 baseline controls not assessed (counted as not implemented)", or ""
	Unreached                    []unreachedView
	UnreachedReason              string
	UnreachedMeaning             string // what the unreached items are for the baseline; "" when nothing published joins it to the target
	Unmeasured                   string // the line by the headline when nothing published joins baseline and target
	NotAssessed                  []idTitle
	Recs                         []crosswalk.Recommendation
	RecLegend                    string       // how to read Recs: cumulative, and what the gain counts
	PageCSS                      template.CSS // the @page rule of Options.Paper and Landscape
	MovesOf                      string       // the framework of the moved items
	Sources                      []sourceRef
	CSS                          template.CSS
	JS                           template.JS
}

func cellClass(c heatCell) string {
	if c.Band < 0 {
		return "bna"
	}
	return fmt.Sprintf("b%d", c.Band)
}

func newHeatView(hm heatMap) heatView {
	hv := heatView{Columns: hm.Columns}
	for _, r := range hm.Rows {
		rv := rowView{heatRow: r, Pct: share(r.Applicable() > 0, r.Percent, "%")}
		if r.Applicable() == 0 {
			rv.Pct += " (" + naWhy + ")"
		}
		for _, c := range r.Cells {
			frac := fmt.Sprintf("%d/%d", c.Covered, c.Applicable())
			if c.Applicable() == 0 {
				frac = na
			}
			rv.Cells = append(rv.Cells, cellView{heatCell: c, Class: cellClass(c), Frac: frac, Text: countsText(c.counts), Bar: newBar(c.counts, false)})
		}
		hv.Rows = append(hv.Rows, rv)
	}
	return hv
}

// heatLabel names the heat map's axes: "functions × categories".
func heatLabel(hm heatMap, res *crosswalk.GapResult, cat *catalog.Catalog) string {
	if len(hm.Columns) > 0 {
		return "controls × implementation groups"
	}
	rowKind, cellKind := "", ""
	for _, g := range res.Groups {
		c, ok := cat.Control(catalog.NewRef(res.Target, g.ID))
		if !ok {
			continue
		}
		if c.Parent.IsZero() && rowKind == "" {
			rowKind = g.Kind
		} else if !c.Parent.IsZero() && cellKind == "" {
			cellKind = g.Kind
		}
	}
	switch {
	case rowKind != "" && cellKind != "":
		return plural(rowKind) + " × " + plural(cellKind)
	case rowKind != "":
		return plural(rowKind)
	}
	return "groups"
}

func plural(k string) string {
	switch {
	case strings.HasSuffix(k, "y"):
		return strings.TrimSuffix(k, "y") + "ies"
	case strings.HasSuffix(k, "s"):
		return k
	}
	return k + "s"
}

func newGapPage(res *crosswalk.GapResult, opts Options) gapPage {
	cat := opts.catalog()
	s := res.Summary
	hm := buildHeatMap(res, cat)
	p := gapPage{
		Title: gapTitle(res, cat, opts), Generated: opts.Generated, Assessment: opts.Assessment,
		BaselineName: frameworkName(cat, res.Baseline), TargetName: frameworkName(cat, res.Target),
		Baseline: res.Baseline, Target: res.Target, Policy: res.Policy, PolicyNote: policyNote(res.Policy), Notes: res.Notes,
		Derived: res.Derived, Scope: scopeLabel(res), S: s, CoveragePercent: share(s.Measurable(), s.CoveragePercent, "%"),
		CoverageLabel: fmt.Sprintf("coverage (%d of %d applicable items covered)", s.Covered, s.Applicable),
		KPIs: []kpiView{
			{Status: "covered", Label: "covered", N: s.Covered, Pct: share(s.Measurable(), s.CoveredPercent, "%")},
			{Status: "partial", Label: "partly covered", N: s.Partial, Pct: share(s.Measurable(), s.PartialPercent, "%")},
			{Status: "gap", Label: "gaps", N: s.Gap, Pct: share(s.Measurable(), s.GapPercent, "%")},
			{Status: "unreached", Label: "unreached (no mapping)", N: s.Unreached, Pct: share(s.Measurable(), s.UnreachedPercent, "%")},
			{Status: "not-applicable", Label: "not applicable", N: s.NotApplicable},
		},
		SummaryBar: newBar(counts{Total: s.Total, Covered: s.Covered, Partial: s.Partial, Gap: s.Gap,
			Unreached: s.Unreached, NotApplicable: s.NotApplicable}, true),
		ItemsCount:      itemsCount(s),
		NotAssessedLine: notAssessedLine(res),
		HeatLabel:       heatLabel(hm, res, cat),
		Heat:            newHeatView(hm),
		UnreachedReason: unreachedReason(cat, res),
		Unmeasured:      unmeasured(cat, res),
		Recs:            res.Recommendations,
		RecLegend:       recLegend(res.Recommendations),
		MovesOf:         movesOf(cat, res.Target),
		Sources:         citedSources(res, opts),
		CSS:             pageCSS, JS: pageJS,
	}
	if !s.Measurable() {
		p.CoverageLabel = "coverage (" + NotMeasurable(s) + ")"
	}
	if !res.NoPublishedMapping {
		p.UnreachedMeaning = "These are gaps of the baseline itself: implementing more " + p.BaselineName +
			" controls does not close them; they need measures of their own."
	}
	for i := range p.KPIs {
		p.KPIs[i].Glyph = glyph(crosswalk.Coverage(p.KPIs[i].Status))
	}
	items := make(map[string]crosswalk.GapItem, len(res.Items))
	for _, it := range res.Items {
		items[it.ID] = it
		counting, context := splitViaTitled(res, it.Via())
		p.Items = append(p.Items, itemView{ID: it.ID, Title: it.Title, Status: it.Status, Glyph: glyph(it.Status),
			Rank: rank(it.Status), Counting: counting, Context: context, Statements: it.Statements, Outside: outsideVia(it)})
	}
	for _, id := range res.Unreached {
		it := items[id]
		_, context := splitViaTitled(res, it.Via())
		p.Unreached = append(p.Unreached, unreachedView{ID: id, Title: it.Title, Statements: it.Statements,
			Context: strings.Join(context, "; "), Outside: strings.Join(outsideLabels(cat, it.Outside), "; ")})
	}
	for _, id := range res.NotAssessed {
		p.NotAssessed = append(p.NotAssessed, idTitle{ID: id, Title: controlTitle(cat, res.Baseline, id)})
	}
	return p
}

// GapHTML writes the gap result as one self-contained HTML page (inline CSS and a
// few lines of script; no external resources): the baseline, target and policy,
// the headline numbers, a heat map of the target's hierarchy (CSF functions ×
// categories; CIS controls × implementation groups, counted from the items and
// opts.Catalog), every item in a table that sorts and filters with script and reads
// without, the unreached items with the reason, the controls not assessed and the
// recommendations. Colours come from a colour-blind-safe palette and every status
// is also written out (and drawn with a pattern in the bars). A print stylesheet
// lays the page out compactly (opts.Paper and opts.Landscape set the paper): the 106
// items of NIST CSF 2.0 print on at most 8 pages, the heat map on page 1. A status
// filter or search set on the page is kept in print, and the printout says so ("30 of
// 106 items shown"); without one it says every item is shown.
//
// Every item is a table row with the attribute data-item="ID" and data-status;
// every headline number is in an element with data-kpi="covered" (partial, gap,
// unreached, not-applicable, total, coverage), for tests and scrapers.
func GapHTML(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	page, err := opts.pageCSS()
	if err != nil {
		return err
	}
	p := newGapPage(res, opts)
	p.PageCSS = template.CSS(page) // one of a few fixed rules
	return execute(w, "gap", p)
}

func execute(w io.Writer, name string, data any) error {
	bw := bufio.NewWriter(w)
	if err := pageTmpl().ExecuteTemplate(bw, name, data); err != nil {
		return fmt.Errorf("report: %s as HTML: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: %s as HTML: %w", name, err)
	}
	return nil
}

type soaPage struct {
	Title, Generated, Assessment string
	Doc                          []docField
	StandardName, BaselineName   string
	Standard, Baseline           catalog.FrameworkID
	Related                      string
	KPIs                         []kpiView
	Problems                     []crosswalk.SoAProblem
	Statuses                     []string
	Controls                     []crosswalk.SoAEntry
	PageCSS                      template.CSS
	CSS                          template.CSS
	JS                           template.JS
}

// SoAHTML writes the Statement of Applicability as one self-contained HTML page:
// the document fields (organisation, scope, version, date, approved by; "not given"
// when empty), the summary, the problems an auditor would ask about, and every Annex
// A control (control, title, applicable, reason for inclusion, justification for
// exclusion, status, owner, evidence, notes, related items) in a table that sorts and filters with script and reads without.
// User text (justifications, owners, evidence, notes) is escaped. Each control's
// row has data-control="ID" and data-status.
func SoAHTML(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	page, err := opts.pageCSS()
	if err != nil {
		return err
	}
	s := soa.Summary
	p := soaPage{PageCSS: template.CSS(page),
		Title: soaTitle(opts), Generated: opts.Generated, Assessment: soa.Assessment, Doc: docFields(soa.Document),
		StandardName: frameworkName(cat, soa.Standard), BaselineName: frameworkName(cat, soa.Baseline),
		Standard: soa.Standard, Baseline: soa.Baseline, Related: joinIDs(soa.Related),
		KPIs: []kpiView{
			{Status: "total", Label: "Annex A controls", N: s.Total},
			{Status: "applicable", Label: "applicable", N: s.Applicable},
			{Status: "not-applicable", Label: "excluded", N: s.Excluded},
			{Status: "implemented", Label: "implemented", N: s.Implemented},
			{Status: "partial", Label: "partly implemented", N: s.Partial},
			{Status: "planned", Label: "planned", N: s.Planned},
			{Status: "not-implemented", Label: "not implemented", N: s.NotImplemented},
			{Status: "not-assessed", Label: "not assessed", N: s.NotAssessed},
		},
		Problems: soa.Problems, Controls: soa.Controls, CSS: pageCSS, JS: pageJS,
	}
	seen := map[string]bool{}
	for _, st := range []crosswalk.Status{crosswalk.Implemented, crosswalk.Partial, crosswalk.Planned,
		crosswalk.NotImplemented, crosswalk.NotApplicable, crosswalk.NotAssessed} {
		for _, e := range soa.Controls {
			if e.Status == st && !seen[st.String()] {
				seen[st.String()] = true
				p.Statuses = append(p.Statuses, st.String())
			}
		}
	}
	return execute(w, "soa", p)
}
