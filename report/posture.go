package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// PostureHTML writes one self-contained HTML page of a posture: a card per row (a
// target, or a CIS implementation group or SP 800-53B baseline of it) with its
// coverage bar and counts, the recommendations for every target together, and, when
// o is not nil, the overlap matrix as a grid with the counts in every cell (readable
// without colour, printable on one landscape page).
//
// gaps are the gap results of the posture's targets without limits (nil leaves them
// out): each gets a detailed section below the cards — its roll-ups per group
// (function and category, CIS control, NIS2 section, SP 800-53 family) coloured by
// coverage, with the counts — and its card links there.
func PostureHTML(w io.Writer, p *crosswalk.Posture, o *crosswalk.Overlap, opts Options, gaps ...*crosswalk.GapResult) error {
	if p == nil {
		return errNil("posture")
	}
	cat := opts.catalog()
	data := posturePage{
		Title: "Posture of " + frameworkName(cat, p.Baseline), Baseline: string(p.Baseline), BaselineName: frameworkName(cat, p.Baseline),
		Policy: string(p.Policy), Derived: p.Derived, Generated: opts.Generated, Linked: map[string]string{},
		NotAssessed: notAssessedText(len(p.NotAssessed), p.BaselineControls),
	}
	data.Details = postureDetails(cat, gaps)
	for _, d := range data.Details {
		data.Linked[d.ID] = d.Anchor
	}
	data.Cards, data.Notes = postureCards(p)
	data.Recs, data.RecLegend = postureRecs(p), postureRecLegend
	if o != nil {
		for _, f := range o.Frameworks {
			data.Frameworks = append(data.Frameworks, string(f))
		}
		data.Matrix, data.OverlapCarried = overlapRows(o), overlapCarried(o)
	}
	return postureTemplate().Execute(w, data)
}

// posturePage is what the posture page's template shows.
type posturePage struct {
	Title, Baseline, BaselineName, Policy, Generated string
	NotAssessed                                      string // "92 of 93 baseline controls not assessed (counted as not implemented)", or ""
	Derived                                          bool
	Cards                                            []postureCard
	Notes                                            []string
	Recs                                             []postureRec
	RecLegend                                        string // how to read Recs
	OverlapCarried                                   string // the cells edges carried across an identity succession reach
	Frameworks                                       []string
	Matrix                                           []matrixRow
	Details                                          []postureDetail
	Linked                                           map[string]string // target → anchor of its section
}

// postureCard is one row of the posture as a card: counts, coverage, the widths of
// its bar's segments and its colour band.
type postureCard struct {
	ID, Name, Limit                   string
	Total, Covered, Partial, Gap, Unr int
	NA                                int
	Pct                               string // "63.8%", or "n/a" when nothing is applicable
	NAWhy                             string // why Pct is "n/a"; empty otherwise
	CovW, PartW, GapW, UnrW           string
	Band                              int
}

// matrixCell is a cell of the overlap matrix; Band -1 is uncoloured.
type matrixCell struct {
	Text, Title string
	Band        int
	Self        bool
}

// matrixRow is a row of the overlap matrix: what From reaches of every framework.
type matrixRow struct {
	From  string
	Cells []matrixCell
}

// postureRec is a recommendation for every target together.
type postureRec struct {
	Rank                   int
	Control, Title, Status string
	Gain                   int
	Moves                  string
}

// postureGroup is a roll-up row of a target's detailed section.
type postureGroup struct {
	ID, Title, Kind, Pct              string
	Total, Covered, Partial, Gap, Unr int
	NA, Band                          int
}

// postureDetail is the detailed section of one target: its roll-ups per group.
type postureDetail struct {
	ID, Name, Anchor string
	Groups           []postureGroup
}

// postureAnchor is the fragment of a target's section, without ':' (which
// html/template would escape in a fragment).
func postureAnchor(id string) string {
	return "fw-" + strings.NewReplacer(":", "-", ".", "-", "/", "-").Replace(id)
}

// postureDetails are the detailed sections of the gap results (nil ones skipped).
func postureDetails(cat *catalog.Catalog, gaps []*crosswalk.GapResult) []postureDetail {
	var out []postureDetail
	for _, g := range gaps {
		if g == nil {
			continue
		}
		d := postureDetail{ID: string(g.Target), Name: frameworkName(cat, g.Target), Anchor: postureAnchor(string(g.Target))}
		for _, r := range g.Groups {
			d.Groups = append(d.Groups, postureGroup{ID: r.ID, Title: r.Title, Kind: r.Kind, Pct: share(r.Measurable(), r.CoveragePercent, "%"), Total: r.Total,
				Covered: r.Covered, Partial: r.Partial, Gap: r.Gap, Unr: r.Unreached, NA: r.NotApplicable,
				Band: band(rollupCounts(r), r.CoveragePercent)})
		}
		out = append(out, d)
	}
	return out
}

// barWidth is n's share of the bar as a CSS width.
func barWidth(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(n)/float64(of))
}

// postureCards are the posture's rows as cards, and the rows' notes, each once.
func postureCards(p *crosswalk.Posture) ([]postureCard, []string) {
	var cards []postureCard
	for _, r := range p.Rows {
		s := r.Summary
		c := postureCard{ID: string(r.Target), Name: r.Name, Limit: r.Limit, Total: s.Total, Covered: s.Covered, Partial: s.Partial,
			Gap: s.Gap, Unr: s.Unreached, NA: s.NotApplicable, Pct: share(s.Measurable(), s.CoveragePercent, "%")}
		if !s.Measurable() {
			c.NAWhy = NotMeasurable(s)
		}
		c.CovW, c.PartW, c.GapW, c.UnrW = barWidth(s.Covered, s.Applicable), barWidth(s.Partial, s.Applicable), barWidth(s.Gap, s.Applicable), barWidth(s.Unreached, s.Applicable)
		c.Band = band(counts{Total: s.Total, Covered: s.Covered, Partial: s.Partial, Gap: s.Gap, Unreached: s.Unreached, NotApplicable: s.NotApplicable}, s.CoveragePercent)
		cards = append(cards, c)
	}
	return cards, postureNotes(p)
}

// postureRecs are the recommendations with their moves ("12 of nist-csf:2.0, ...").
func postureRecs(p *crosswalk.Posture) []postureRec {
	var out []postureRec
	for i, r := range p.Recommendations {
		moves := make([]string, len(r.Moves))
		for j, m := range r.Moves {
			moves[j] = fmt.Sprintf("%d of %s", m.Items, m.Target)
		}
		out = append(out, postureRec{Rank: i + 1, Control: r.Control, Title: r.Title, Status: r.Status.String(), Gain: r.Gain, Moves: strings.Join(moves, ", ")})
	}
	return out
}

// carriedTitle ends a cell's title with the items only edges carried across an
// identity succession reach, if any.
func carriedTitle(p crosswalk.OverlapPair) string {
	if p.Carried == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d of them only by edges published for another edition with the same IDs)", p.Carried)
}

// overlapRows are the rows of the overlap matrix: "published/items (pct%)" per
// pair, coloured by coverage, a dash on the diagonal and "n/a" for a framework and
// its own annex.
func overlapRows(o *crosswalk.Overlap) []matrixRow {
	pairs := map[[2]catalog.FrameworkID]crosswalk.OverlapPair{}
	for _, pr := range o.Pairs {
		pairs[[2]catalog.FrameworkID{pr.From, pr.To}] = pr
	}
	var rows []matrixRow
	for _, from := range o.Frameworks {
		r := matrixRow{From: string(from)}
		for _, to := range o.Frameworks {
			pr, ok := pairs[[2]catalog.FrameworkID{from, to}]
			switch {
			case from == to:
				r.Cells = append(r.Cells, matrixCell{Text: "—", Self: true, Band: -1})
			case !ok:
				r.Cells = append(r.Cells, matrixCell{Text: "n/a", Band: -1, Title: "no pair (a framework and its own annex)"})
			default:
				c := matrixCell{Text: fmt.Sprintf("%d/%d (%s%%)", pr.Published, pr.Items, pct(pr.PublishedPercent)),
					Title: fmt.Sprintf("%s reaches %d of the %d items of %s by published mappings", from, pr.Published, pr.Items, to) + carriedTitle(pr),
					Band:  band(counts{Total: pr.Items, Covered: pr.Published, Unreached: pr.Items - pr.Published}, pr.PublishedPercent)}
				if o.Derived {
					c.Text += fmt.Sprintf(" +derived %s%%", pct(pr.DerivedPercent))
				}
				r.Cells = append(r.Cells, c)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// postureTemplate is parsed on first use, not at start-up (see pageTmpl).
var postureTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("posture").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{color:#444;margin:0 0 1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
.card{border:1px solid #bbb;border-radius:.4rem;padding:.7rem;break-inside:avoid}
.card h3{font-size:1rem;margin:0}.card .lim{font-weight:normal;color:#444}
.card .pct{font-size:1.6rem;font-weight:700}
.bar{display:flex;height:.8rem;border:1px solid #777;margin:.3rem 0}
.bar span{display:block;height:100%}
.c{background:#009E73}.p{background:#E69F00;background-image:repeating-linear-gradient(45deg,transparent 0 3px,rgba(255,255,255,.5) 3px 5px)}
.g{background:#D55E00}.u{background:#999;background-image:repeating-linear-gradient(-45deg,transparent 0 3px,rgba(255,255,255,.6) 3px 5px)}
.counts{font-size:.85rem;color:#333}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.b0{background:#fbe3d6}td.b1{background:#fdf0d5}td.b2{background:#fff8dc}td.b3{background:#e1f3ea}td.b4{background:#c8eadb}
td.self{background:#eee;text-align:center}
.note{background:#f6f6f6;border-left:.3rem solid #777;padding:.4rem .6rem;margin:.4rem 0}
.legend span{margin-right:1rem}.legend i{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin-right:.25rem;border:1px solid #777}
.detail{break-before:page}
@media print{@page{size:landscape;margin:1cm}body{margin:0}.cards{grid-template-columns:repeat(4,1fr)}a{color:inherit;text-decoration:none}}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">Baseline {{.BaselineName}} <code>{{.Baseline}}</code> · policy <strong>{{.Policy}}</strong> · derived mappings {{if .Derived}}on (labelled, partial at most){{else}}off{{end}}{{if .Generated}} · generated {{.Generated}}{{end}}</p>
{{if .NotAssessed}}<p class="note" data-caveat="not-assessed"><strong>{{.NotAssessed}}</strong></p>
{{end}}<p class="legend" aria-hidden="true"><span><i class="c"></i>covered</span><span><i class="p"></i>partial</span><span><i class="g"></i>gap</span><span><i class="u"></i>unreached (no mapping)</span></p>
<section id="cards">
<h2>Coverage per framework</h2>
<div class="cards">
{{range .Cards}}{{$c := .}}<div class="card" data-target="{{.ID}}" data-limit="{{.Limit}}">
<h3>{{with index $.Linked $c.ID}}<a href="#{{.}}">{{$c.Name}}</a>{{else}}{{$c.Name}}{{end}}{{if .Limit}} <span class="lim">{{.Limit}}</span>{{end}}</h3>
<div><span class="pct">{{.Pct}}</span> {{if .NAWhy}}({{.NAWhy}}){{else}}covered{{end}}</div>
<div class="bar" role="img" aria-label="{{.Covered}} covered, {{.Partial}} partial, {{.Gap}} gap, {{.Unr}} unreached"><span class="c" style="width:{{.CovW}}"></span><span class="p" style="width:{{.PartW}}"></span><span class="g" style="width:{{.GapW}}"></span><span class="u" style="width:{{.UnrW}}"></span></div>
<div class="counts">{{.Total}} items: {{.Covered}} covered, {{.Partial}} partial, {{.Gap}} gap, {{.Unr}} unreached{{if .NA}}, {{.NA}} not applicable{{end}} · <code>{{.ID}}</code></div>
</div>
{{end}}</div>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}</section>
{{if .Recs}}<section id="recommendations">
<h2>Implement next, for every framework together</h2>
<table><thead><tr><th>#</th><th>Control</th><th>Title</th><th>Status now</th><th>Gain</th><th>Items it moves up</th></tr></thead><tbody>
{{range .Recs}}<tr><td>{{.Rank}}</td><td>{{.Control}}</td><td>{{.Title}}</td><td>{{.Status}}</td><td>{{.Gain}}</td><td>{{.Moves}}</td></tr>
{{end}}</tbody></table>
<p class="meta">{{.RecLegend}}</p>
</section>{{end}}
{{range .Details}}<section id="{{.Anchor}}" class="detail">
<h2>{{.Name}} <code>{{.ID}}</code>: coverage per group</h2>
<table><thead><tr><th>Group</th><th>Title</th><th>Items</th><th>Covered</th><th>Partial</th><th>Gap</th><th>Unreached</th><th>N/A</th><th>Coverage</th></tr></thead><tbody>
{{range .Groups}}<tr><td>{{.ID}}</td><td>{{.Title}}</td><td>{{.Total}}</td><td>{{.Covered}}</td><td>{{.Partial}}</td><td>{{.Gap}}</td><td>{{.Unr}}</td><td>{{.NA}}</td><td class="{{if ge .Band 0}}b{{.Band}}{{end}}">{{.Pct}}</td></tr>
{{end}}</tbody></table>
</section>
{{end}}{{if .Matrix}}<section id="overlap">
<h2>Overlap: items of the column that published mappings reach from the row</h2>
<table><thead><tr><th>from \ to</th>{{range .Frameworks}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Matrix}}<tr><th>{{.From}}</th>{{range .Cells}}<td class="{{if .Self}}self{{else if ge .Band 0}}b{{.Band}}{{end}}" title="{{.Title}}">{{.Text}}</td>{{end}}</tr>
{{end}}</tbody></table>
<p class="meta">Each cell: items reached / all items of the column's framework (share). Computed from the published mappings only, with the denominator stated.{{if .OverlapCarried}} {{.OverlapCarried}}{{end}}</p>
</section>{{end}}
</body>
</html>
`))
})

// postureRowCols are the columns of the Posture sheet of [PostureXLSX].
var postureRowCols = []column{
	{key: "target", header: "Target", width: 14}, {key: "name", header: "Framework", width: 40, wrap: true},
	{key: "limit", header: "Limited to", width: 12}, {key: "items", header: "Items", width: 8},
	{key: "covered", header: "Covered", width: 9}, {key: "partial", header: "Partial", width: 9},
	{key: "gap", header: "Gap", width: 7}, {key: "unreached", header: "Unreached", width: 11},
	{key: "not_applicable", header: "Not applicable", width: 15}, {key: "coverage_percent", header: "Coverage", width: 11},
	{key: "policy", header: "Policy", width: 10},
}

// PostureXLSX writes a posture as a workbook: a Posture sheet (a row per target or
// limit, as [PostureHTML] shows them, percentages as numbers, "n/a" where nothing is applicable), a sheet of the
// recommendations for every target together, the overlap matrix when o is not nil,
// and one sheet per framework with its items as [GapXLSX] lists them, from gaps (the
// gap results of the posture's targets, without limits; nil leaves them out).
func PostureXLSX(w io.Writer, p *crosswalk.Posture, gaps []*crosswalk.GapResult, o *crosswalk.Overlap, opts Options) error {
	if p == nil {
		return errNil("posture")
	}
	cat := opts.catalog()
	wb, err := newWorkbook("Posture of "+frameworkName(cat, p.Baseline), "controlgraph posture")
	if err != nil {
		return err
	}
	rows := sheet{name: "Posture", cols: postureRowCols}
	for _, r := range p.Rows {
		s := r.Summary
		rows.rows = append(rows.rows, []any{string(r.Target), r.Name, r.Limit, s.Total, s.Covered, s.Partial, s.Gap, s.Unreached,
			s.NotApplicable, percentCell(s.Measurable(), s.CoveragePercent), string(p.Policy)})
	}
	recs := sheet{name: "Recommendations", cols: []column{{key: "rank", header: "#", width: 5}, {key: "control", header: "Control", width: 10},
		{key: "title", header: "Title", width: 45, wrap: true}, {key: "status", header: "Status now", width: 16, status: true},
		{key: "gain", header: "Gain", width: 7}, {key: "target", header: "Target", width: 14}, {key: "items", header: "Items it moves up", width: 18}}}
	for i, r := range p.Recommendations {
		for _, m := range r.Moves {
			recs.rows = append(recs.rows, []any{i + 1, r.Control, r.Title, r.Status.String(), r.Gain, string(m.Target), m.Items})
		}
	}
	sheets := []sheet{rows, recs}
	if o != nil {
		ov := sheet{name: "Overlap", cols: []column{{key: "from", header: "From", width: 16}, {key: "to", header: "To", width: 16},
			{key: "items", header: "Items of To", width: 12}, {key: "published", header: "Reached (published)", width: 20},
			{key: "published_percent", header: "Share", width: 10}, {key: "unreached", header: "Not reached", width: 60, wrap: true}}}
		for _, pr := range o.Pairs {
			ov.rows = append(ov.rows, []any{string(pr.From), string(pr.To), pr.Items, pr.Published, percent(pr.PublishedPercent), strings.Join(pr.Unreached, ", ")})
		}
		sheets = append(sheets, ov)
	}
	for _, g := range gaps {
		if g == nil {
			continue
		}
		sheets = append(sheets, sheet{name: sheetName(string(g.Target)), cols: gapItemCols, rows: gapItemRows(cat, g, opts)})
	}
	return wb.write(w, sheets)
}

// sheetName makes a framework ID a valid sheet name (no ':' or '/'; at most 31
// characters).
func sheetName(id string) string {
	r := strings.NewReplacer(":", " ", "/", " ", "\\", " ", "?", " ", "*", " ", "[", "(", "]", ")")
	s := r.Replace(id)
	// Excel allows xlsx.MaxSheetName characters; cut at a character, never inside one.
	if rs := []rune(s); len(rs) > xlsx.MaxSheetName {
		s = string(rs[:xlsx.MaxSheetName])
	}
	return s
}
