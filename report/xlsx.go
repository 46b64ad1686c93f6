package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// The fixed document properties of every workbook, so that the same result gives the
// same file.
const xlsxTimestamp = "2000-01-01T00:00:00Z"

// statusFills are the fill and font colours of status cells (the HTML page's
// colour-blind-safe palette), keyed by the status word.
var statusFills = map[string][2]string{
	"covered": {"0072B2", "FFFFFF"}, "implemented": {"0072B2", "FFFFFF"},
	"partial": {"E69F00", "000000"},
	"gap":     {"D55E00", "000000"}, "not-implemented": {"D55E00", "000000"},
	"unreached": {"CC79A7", "000000"}, "planned": {"CC79A7", "000000"},
	"not-applicable": {"D9D9D9", "000000"}, "not-assessed": {"D9D9D9", "000000"},
}

// percentFormat is the number format of percentages: the cell holds the fraction
// (0.876) and shows "87.6%".
const percentFormat = "0.0%"

// percent is a cell value given in percent (87.6): written as the fraction 0.876 in
// the % format, so that a spreadsheet computes with it as a number.
type percent float64

// percentCell is a percentage cell, or the text "n/a" when it measures nothing (no
// item applicable), as every report shows such a share.
func percentCell(measurable bool, v float64) any {
	if !measurable {
		return na
	}
	return percent(v)
}

// fraction is the percentage as the fraction a cell in a % format holds: 23.8 is
// 0.238, shifted in decimal so that the cell holds the double nearest 0.238 and not
// 23.8/100 = 0.23800000000000002, which a formula or a script reading the cell sees.
func (p percent) fraction() float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(float64(p), 'g', -1, 64)+"e-2", 64)
	if err != nil { // not a finite number
		return float64(p) / 100
	}
	return f
}

// column is one column of a sheet: the key it has in the JSON and CSV forms, the
// readable header the sheet shows, its width, and how its cells are formatted.
type column struct {
	key, header string
	width       float64
	wrap        bool // text wraps
	status      bool // status words, coloured by conditional formats
}

// sheet is one worksheet: its columns and rows of cells (string, int, bool,
// float64 or percent; every cell of a column has the same type).
type sheet struct {
	name string
	cols []column
	rows [][]any
}

type workbook struct {
	f       *xlsx.Workbook
	header  xlsx.StyleID
	wrap    xlsx.StyleID
	percent xlsx.StyleID
	status  map[string]xlsx.DiffStyleID // conditional (dxf) styles by status word
}

func newWorkbook(title, subject string) (*workbook, error) {
	ts, err := time.Parse(time.RFC3339, xlsxTimestamp)
	if err != nil {
		return nil, err
	}
	f := xlsx.New(xlsx.Properties{
		Title: title, Subject: subject, Creator: "controlgraph", LastModifiedBy: "controlgraph",
		Created: ts, Modified: ts, Language: "en",
	})
	wb := &workbook{f: f, status: map[string]xlsx.DiffStyleID{}}
	if wb.header, err = f.AddStyle(xlsx.Style{Bold: true, Fill: "E7ECF2", BottomBorder: xlsx.BorderMedium, BorderColor: "8C959F",
		VerticalTop: true, Wrap: true}); err != nil {
		return nil, err
	}
	if wb.wrap, err = f.AddStyle(xlsx.Style{Wrap: true, VerticalTop: true}); err != nil {
		return nil, err
	}
	if wb.percent, err = f.AddStyle(xlsx.Style{NumFmt: percentFormat, VerticalTop: true}); err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(statusFills)) {
		c := statusFills[k]
		id, err := f.AddDiffStyle(xlsx.Style{Bold: true, FontColor: c[1], Fill: c[0]})
		if err != nil {
			return nil, err
		}
		wb.status[k] = id
	}
	return wb, nil
}

// statusRules are the conditional formats of a status column: one rule per status
// word, so that a cell's colour follows its text when the reader edits it.
func (wb *workbook) statusRules() []xlsx.TextRule {
	var out []xlsx.TextRule
	for _, k := range slices.Sorted(maps.Keys(wb.status)) {
		out = append(out, xlsx.TextRule{Text: k, Style: wb.status[k]})
	}
	return out
}

// add writes sheet s into the workbook: its header row, its cells, the column
// widths and colours, and the view and print setup.
func (wb *workbook) add(s sheet) error {
	sh, err := wb.f.AddSheet(s.name)
	if err != nil {
		return err
	}
	header := make([]xlsx.Cell, len(s.cols))
	for i, c := range s.cols {
		header[i] = xlsx.Cell{Value: c.header, Style: wb.header}
	}
	if err := sh.AppendRow(header...); err != nil {
		return err
	}
	if err := wb.writeCells(sh, s); err != nil {
		return err
	}
	if err := wb.styleColumns(sh, s); err != nil {
		return err
	}
	return setupView(sh, s)
}

// writeCells writes the rows below the header: text as text, a percent as a
// fraction styled as a percentage, anything else as its value; the cells of a
// wrapping column wrap.
func (wb *workbook) writeCells(sh *xlsx.Sheet, s sheet) error {
	for _, row := range s.rows {
		cells := make([]xlsx.Cell, 0, len(row))
		for c, v := range fitCells(row) {
			cell := xlsx.Cell{Value: v}
			if c < len(s.cols) && s.cols[c].wrap {
				cell.Style = wb.wrap
			}
			if p, ok := v.(percent); ok {
				cell = xlsx.Cell{Value: p.fraction(), Style: wb.percent}
			}
			cells = append(cells, cell)
		}
		if err := sh.AppendRow(cells...); err != nil {
			return err
		}
	}
	return nil
}

// styleColumns sets each column's width; a status column is coloured by its words
// over the whole column below the header, so that rows the reader adds are
// coloured too.
func (wb *workbook) styleColumns(sh *xlsx.Sheet, s sheet) error {
	for i, c := range s.cols {
		if err := sh.SetColWidth(i+1, c.width); err != nil {
			return err
		}
		if c.status {
			if err := sh.ColourByText(xlsx.ColumnDown(i+1, 2), wb.statusRules()...); err != nil {
				return err
			}
		}
	}
	return nil
}

// setupView freezes the header row, sets the page up (landscape, every column on
// one page width, the header row repeated on every printed page) and adds a
// filter over the table.
func setupView(sh *xlsx.Sheet, s sheet) error {
	if err := sh.FreezeRows(1); err != nil {
		return err
	}
	if err := sh.SetPageSetup(xlsx.PageSetup{Landscape: true, Fit: true, FitToWidth: 1, FitToHeight: 0}); err != nil {
		return err
	}
	if err := sh.PrintTitleRows(1, 1); err != nil {
		return err
	}
	return sh.AutoFilter(xlsx.Area{FirstRow: 1, FirstCol: 1, LastRow: len(s.rows) + 1, LastCol: max(len(s.cols), 1)})
}

// maxCellChars is the most characters an XLSX cell holds (Excel's limit); the
// writer refuses a longer text, so fitCells cuts it first, saying so.
const maxCellChars = xlsx.MaxCellChars

// fitCells returns row with every text longer than an XLSX cell holds cut so that
// it ends with a note saying so and where the whole text is (the CSV and JSON
// formats carry it whole). row itself is not changed.
func fitCells(row []any) []any {
	out := row
	for i, v := range row {
		s, ok := v.(string)
		if !ok || len(s) <= maxCellChars || utf8.RuneCountInString(s) <= maxCellChars {
			continue
		}
		if &out[0] == &row[0] {
			out = slices.Clone(row)
		}
		n := utf8.RuneCountInString(s)
		note := fmt.Sprintf(" … [cut: an XLSX cell holds %d characters, this text has %d; the CSV and JSON formats carry it whole]", maxCellChars, n)
		keep := maxCellChars - utf8.RuneCountInString(note)
		end := 0
		for range keep {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		out[i] = s[:end] + note
	}
	return out
}

func (wb *workbook) write(w io.Writer, sheets []sheet) error {
	for _, s := range sheets {
		if err := wb.add(s); err != nil {
			return err
		}
	}
	if err := wb.f.SetActive(0); err != nil {
		return err
	}
	return wb.f.Write(w)
}

// The sheet names of the gap workbook ([GapXLSX]) and the SoA workbook ([SoAXLSX]).
const (
	SheetSummary         = "Summary"
	SheetItems           = "Items"
	SheetGroups          = "Groups"
	SheetRecommendations = "Recommendations"
	SheetSoA             = "SoA"
	SheetProblems        = "Problems"
)

// summaryCols are the columns of a Summary sheet: field (its JSON name), a readable
// label, the value and what it means.
var summaryCols = []column{{key: "field", header: "Field", width: 20}, {key: "label", header: "Label", width: 28},
	{key: "value", header: "Value", width: 40, wrap: true}, {key: "meaning", header: "Meaning", width: 70, wrap: true}}

// summaryRow is one row of a Summary sheet.
func summaryRow(field, label string, value any, meaning string) []any {
	return []any{field, label, value, meaning}
}

// gapItemRows are the rows of an Items sheet: one per item of res, under gapItemCols.
func gapItemRows(cat *catalog.Catalog, res *crosswalk.GapResult, opts Options) [][]any {
	rows := make([][]any, 0, len(res.Items))
	for _, it := range res.Items {
		counting, context := splitViaTitled(res, it.Via())
		rows = append(rows, []any{it.ID, it.Title, string(it.Status), strings.Join(counting, "\n"),
			strings.Join(context, "\n"), strings.Join(opts.sourceNames(sources(it.Via())), "\n"), strings.Join(it.Statements, "\n"),
			strings.Join(outsideLabels(cat, it.Outside), "\n"), policyCell(res, it), res.Derived,
			string(res.Baseline), string(res.Target), scopeLabel(res)})
	}
	return rows
}

// gapItemCols are the columns of the Items sheet of [GapXLSX], keyed as the CSV's.
var gapItemCols = []column{
	{key: "id", header: "ID", width: 12},
	{key: "title", header: "Title", width: 60, wrap: true},
	{key: "status", header: "Status", width: 15, status: true},
	{key: "reached_by", header: "Reached by", width: 45, wrap: true},
	{key: "category_level", header: "Mapped at a higher level (context)", width: 40, wrap: true},
	{key: "sources", header: "Sources", width: 30, wrap: true},
	{key: "statements", header: "What the source states", width: 40, wrap: true},
	{key: "outside_baseline", header: "Mapped outside the baseline", width: 30, wrap: true},
	{key: "policy", header: "Policy", width: 12},
	{key: "derived", header: "Derived paths used", width: 10},
	{key: "baseline", header: "Baseline", width: 14},
	{key: "target", header: "Target", width: 14},
	{key: "limited_to", header: "Limited to", width: 20},
}

// gapGroupCols are the columns of the Groups sheet of [GapXLSX], keyed as the JSON's
// roll-up fields.
var gapGroupCols = []column{
	{key: "id", header: "ID", width: 10}, {key: "title", header: "Title", width: 45, wrap: true},
	{key: "kind", header: "Kind", width: 22}, {key: "total", header: "Items", width: 8},
	{key: "covered", header: "Covered", width: 10}, {key: "partial", header: "Partial", width: 10},
	{key: "gap", header: "Gap", width: 8}, {key: "unreached", header: "Unreached", width: 11},
	{key: "not_applicable", header: "Not applicable", width: 15}, {key: "coverage_percent", header: "Coverage", width: 11},
}

// gapRecCols are the columns of the Recommendations sheet of [GapXLSX].
var gapRecCols = []column{
	{key: "rank", header: "Rank", width: 7}, {key: "control", header: "Control", width: 10},
	{key: "title", header: "Title", width: 50, wrap: true}, {key: "status", header: "Status now", width: 16, status: true},
	{key: "gain", header: "Gain", width: 7}, {key: "item", header: "Item moved", width: 12},
	{key: "from", header: "From", width: 12, status: true}, {key: "to", header: "To", width: 12, status: true},
	{key: "weight", header: "Weight", width: 8},
}

// soaCols are the columns of the SoA sheet of [SoAXLSX] before the related
// frameworks', keyed as the CSV's.
var soaCols = []column{
	{key: "control", header: "Control", width: 9}, {key: "annex_a", header: "Annex A", width: 9},
	{key: "title", header: "Title", width: 40, wrap: true}, {key: "theme", header: "Theme", width: 14},
	{key: "applicable", header: "Applicable", width: 11},
	{key: "inclusion_reason", header: "Reason for inclusion", width: 32, wrap: true},
	{key: "exclusion_justification", header: "Justification for exclusion", width: 32, wrap: true},
	{key: "status", header: "Implementation status", width: 16, status: true},
	{key: "owner", header: "Owner", width: 16, wrap: true}, {key: "evidence", header: "Evidence", width: 28, wrap: true},
	{key: "notes", header: "Notes", width: 28, wrap: true},
}

// GapXLSX writes the gap result as an XLSX workbook with the sheets Summary (the
// fields of the JSON's header and summary: field, label, value, meaning), Items (one
// row per item: ID, title, status, reached by, mapped at a higher level, sources,
// statements, controls outside the baseline, policy, derived), Groups (the roll-ups)
// and Recommendations (one row per moved item). Headers are readable words; every
// column holds one type (counts are numbers, "derived" is a boolean everywhere,
// percentages are numbers in a % format: 87.6 % is the number 0.876; a share of
// nothing, where no item is applicable, is the text "n/a"). Status cells
// are coloured by conditional formats, so the colour follows an edited status. Every
// sheet has its header row frozen and repeated on each printed page, a filter on,
// column widths set, and prints landscape, one page wide. The document properties are
// fixed, so the same result gives the same workbook.
func GapXLSX(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	s := res.Summary
	summary := sheet{name: SheetSummary, cols: summaryCols,
		rows: [][]any{
			summaryRow("title", "Title", gapTitle(res, cat, opts), ""),
			summaryRow("baseline", "Baseline", string(res.Baseline), frameworkName(cat, res.Baseline)),
			summaryRow("target", "Target", string(res.Target), frameworkName(cat, res.Target)),
			summaryRow("policy", "Coverage policy", string(res.Policy), policyNote(res.Policy)),
			summaryRow("notes", "Notes", strings.Join(res.Notes, "\n"), "what a reader must know to read the numbers right"),
			summaryRow("derived", "Derived paths used", res.Derived, "whether paths through other frameworks count"),
			summaryRow("limited_to", "Limited to", scopeLabel(res), "implementation groups and scopes the target was limited to"),
			summaryRow("assessment", "Assessment", opts.Assessment, "the assessment file"),
			summaryRow("generated", "Generated", opts.Generated, ""),
			summaryRow("total", "Target items", s.Total, "target items"),
			summaryRow("covered", "Covered", s.Covered, "items covered"),
			summaryRow("partial", "Partly covered", s.Partial, "items partly covered"),
			summaryRow("gap", "Gaps", s.Gap, "items reached by controls not (enough) implemented"),
			summaryRow("unreached", "Unreached", s.Unreached, unreachedReason(cat, res)),
			summaryRow("not_applicable", "Not applicable", s.NotApplicable, "items every reaching control of which is not applicable"),
			summaryRow("applicable", "Applicable items", s.Applicable, "total − not applicable"),
			summaryRow("covered_percent", "Covered share", percentCell(s.Measurable(), s.CoveredPercent), "of applicable items"),
			summaryRow("partial_percent", "Partly covered share", percentCell(s.Measurable(), s.PartialPercent), "of applicable items"),
			summaryRow("gap_percent", "Gap share", percentCell(s.Measurable(), s.GapPercent), "of applicable items"),
			summaryRow("unreached_percent", "Unreached share", percentCell(s.Measurable(), s.UnreachedPercent), "of applicable items"),
			summaryRow("coverage_percent", "Coverage", percentCell(s.Measurable(), s.CoveragePercent), "the covered share"),
			summaryRow("not_assessed", "Not assessed", strings.Join(res.NotAssessed, ", "), notAssessedMeaning(res)),
			summaryRow("covered_outside_baseline", "Covered, with controls outside not assessed", s.CoveredOutside,
				"covered items their source also maps to controls outside the baseline, which it does not rate (Items: Mapped outside the baseline)"),
		}}
	items := sheet{name: SheetItems, cols: gapItemCols, rows: gapItemRows(cat, res, opts)}
	groups := sheet{name: SheetGroups, cols: gapGroupCols}
	for _, g := range res.Groups {
		groups.rows = append(groups.rows, []any{g.ID, g.Title, g.Kind, g.Total, g.Covered, g.Partial, g.Gap, g.Unreached,
			g.NotApplicable, percentCell(g.Measurable(), g.CoveragePercent)})
	}
	recs := sheet{name: SheetRecommendations, cols: slices.Clone(gapRecCols)}
	recs.cols[5].header = "Item moved: " + movesOf(cat, res.Target)
	for i, r := range res.Recommendations {
		for _, m := range r.Moves {
			recs.rows = append(recs.rows, []any{i + 1, r.Control, r.Title, r.Status.String(), r.Gain, m.ID, string(m.From), string(m.To), m.Weight})
		}
	}
	wb, err := newWorkbook(gapTitle(res, cat, opts), "gap analysis")
	if err == nil {
		err = wb.write(w, []sheet{summary, items, groups, recs})
	}
	if err != nil {
		return fmt.Errorf("report: gap as XLSX: %w", err)
	}
	return nil
}

// notAssessedMeaning is the meaning of the Summary sheet's not_assessed row: what
// [notAssessedLine] says, or what the row lists when every control is assessed.
func notAssessedMeaning(res *crosswalk.GapResult) string {
	if l := notAssessedLine(res); l != "" {
		return l
	}
	return "baseline controls the assessment does not rate (count as not implemented): none"
}

// SoAXLSX writes the Statement of Applicability as an XLSX workbook with the sheets
// SoA (one row per Annex A control: control, Annex A ID, title, theme, applicable,
// reason for inclusion, justification for exclusion, status, owner, evidence, notes,
// and one column of related items per related framework), Summary (the document
// fields — organisation, scope, version, date, approved by — and the counts) and
// Problems. Headers are readable words, status cells coloured by conditional formats,
// header rows frozen and repeated on each printed page, filters on, widths set; every
// sheet prints landscape, one page wide.
func SoAXLSX(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	main := sheet{name: SheetSoA, cols: slices.Clone(soaCols)}
	for _, fw := range soa.Related {
		main.cols = append(main.cols, column{key: "related " + string(fw), header: "Related: " + frameworkName(cat, fw) + " (" + string(fw) + ")",
			width: 35, wrap: true})
	}
	for _, e := range soa.Controls {
		row := []any{e.Control, e.AnnexA, e.Title, e.Theme, yesNo(e.Applicable), e.InclusionReason, e.ExclusionJustification,
			e.Status.String(), e.Owner, e.Evidence, e.Notes}
		for _, fw := range soa.Related {
			var items []string
			for _, r := range e.Related {
				if r.Framework == fw {
					items = r.Items
				}
			}
			row = append(row, strings.Join(items, ", "))
		}
		main.rows = append(main.rows, row)
	}
	s := soa.Summary
	summary := sheet{name: SheetSummary, cols: summaryCols, rows: [][]any{summaryRow("title", "Title", soaTitle(opts), "")}}
	for _, f := range docFields(soa.Document) {
		summary.rows = append(summary.rows, summaryRow(f.Key, f.Label, f.Value, "as given ("+notGiven+" when empty)"))
	}
	summary.rows = append(summary.rows,
		summaryRow("standard", "Standard", string(soa.Standard), frameworkName(cat, soa.Standard)),
		summaryRow("baseline", "Annex A control set", string(soa.Baseline), frameworkName(cat, soa.Baseline)),
		summaryRow("assessment", "Assessment", soa.Assessment, "the assessment file"),
		summaryRow("generated", "Generated", opts.Generated, ""),
		summaryRow("total", "Annex A controls", s.Total, ""),
		summaryRow("applicable", "Applicable", s.Applicable, "included"),
		summaryRow("excluded", "Excluded", s.Excluded, "not applicable"),
		summaryRow("implemented", "Implemented", s.Implemented, ""),
		summaryRow("partial", "Partly implemented", s.Partial, ""),
		summaryRow("planned", "Planned", s.Planned, ""),
		summaryRow("not_implemented", "Not implemented", s.NotImplemented, ""),
		summaryRow("not_assessed", "Not assessed", s.NotAssessed, "listed as applicable"),
	)
	problems := sheet{name: SheetProblems, cols: []column{{key: "control", header: "Control", width: 10},
		{key: "kind", header: "Problem", width: 24}, {key: "message", header: "Message", width: 80, wrap: true}}}
	for _, p := range soa.Problems {
		problems.rows = append(problems.rows, []any{p.Control, string(p.Kind), p.Message})
	}
	wb, err := newWorkbook(soaTitle(opts), "statement of applicability")
	if err == nil {
		err = wb.write(w, []sheet{main, summary, problems})
	}
	if err != nil {
		return fmt.Errorf("report: SoA as XLSX: %w", err)
	}
	return nil
}
