package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/crosswalk"
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

// sheet is one worksheet: a header row, column widths and rows of cells; the
// column statusCol (0-based; -1 for none) holds status words to colour.
type sheet struct {
	name      string
	header    []string
	widths    []float64
	rows      [][]any
	statusCol int
	wrapCols  []int // columns whose text wraps
}

type workbook struct {
	f      *excelize.File
	header int
	status map[string]int
	wrap   int
}

func newWorkbook(title, subject string) (*workbook, error) {
	f := excelize.NewFile()
	err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Creator: "controlgraph", LastModifiedBy: "controlgraph",
		Created: xlsxTimestamp, Modified: xlsxTimestamp, Language: "en",
	})
	if err != nil {
		return nil, err
	}
	wb := &workbook{f: f, status: map[string]int{}}
	if wb.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8C959F", Style: 2}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	}); err != nil {
		return nil, err
	}
	if wb.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(statusFills)) {
		c := statusFills[k]
		id, err := f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: c[1]},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}},
			Alignment: &excelize.Alignment{Vertical: "top"},
		})
		if err != nil {
			return nil, err
		}
		wb.status[k] = id
	}
	return wb, nil
}

func (wb *workbook) add(s sheet, first bool) error {
	f := wb.f
	if first {
		if err := f.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(s.name); err != nil {
		return err
	}
	if err := f.SetSheetRow(s.name, "A1", &s.header); err != nil {
		return err
	}
	for i, r := range s.rows {
		cellRef, _ := excelize.CoordinatesToCellName(1, i+2)
		row := r
		if err := f.SetSheetRow(s.name, cellRef, &row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(s.header), len(s.rows)+1)
	lastCol, _ := excelize.ColumnNumberToName(len(s.header))
	if err := f.SetCellStyle(s.name, "A1", lastCol+"1", wb.header); err != nil {
		return err
	}
	for _, c := range s.wrapCols {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if len(s.rows) > 0 {
			if err := f.SetCellStyle(s.name, col+"2", fmt.Sprintf("%s%d", col, len(s.rows)+1), wb.wrap); err != nil {
				return err
			}
		}
	}
	if s.statusCol >= 0 {
		col, _ := excelize.ColumnNumberToName(s.statusCol + 1)
		for i, r := range s.rows {
			if id, ok := wb.status[fmt.Sprint(r[s.statusCol])]; ok {
				cellRef := fmt.Sprintf("%s%d", col, i+2)
				if err := f.SetCellStyle(s.name, cellRef, cellRef, id); err != nil {
					return err
				}
			}
		}
	}
	for i, w := range s.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return f.AutoFilter(s.name, "A1:"+last, nil)
}

func (wb *workbook) write(w io.Writer, sheets []sheet) error {
	for i, s := range sheets {
		if err := wb.add(s, i == 0); err != nil {
			return err
		}
	}
	wb.f.SetActiveSheet(0)
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

// GapXLSX writes the gap result as an XLSX workbook with the sheets Summary (the
// fields of the JSON's header and summary: field, value, meaning), Items (one row
// per item: ID, title, status, reached by, mapped at a higher level, sources,
// statements), Groups (the roll-ups) and Recommendations (one row per moved item).
// Every sheet has its header row frozen, a filter on and column widths set; status
// cells are coloured. The document properties are fixed, so the same result gives
// the same workbook.
func GapXLSX(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	s := res.Summary
	summary := sheet{name: SheetSummary, header: []string{"field", "value", "meaning"}, widths: []float64{20, 40, 70}, statusCol: -1,
		rows: [][]any{
			{"title", gapTitle(res, cat, opts), ""},
			{"baseline", string(res.Baseline), frameworkName(cat, res.Baseline)},
			{"target", string(res.Target), frameworkName(cat, res.Target)},
			{"policy", string(res.Policy), policyNote(res.Policy)},
			{"derived", res.Derived, "whether paths through other frameworks count"},
			{"limited_to", scopeLabel(res), "implementation groups and scopes the target was limited to"},
			{"assessment", opts.Assessment, "the assessment file"},
			{"generated", opts.Generated, ""},
			{"total", s.Total, "target items"},
			{"covered", s.Covered, "items covered"},
			{"partial", s.Partial, "items partly covered"},
			{"gap", s.Gap, "items reached by controls not (enough) implemented"},
			{"unreached", s.Unreached, unreachedReason(cat, res.Baseline)},
			{"not_applicable", s.NotApplicable, "items every reaching control of which is not applicable"},
			{"applicable", s.Applicable, "total − not applicable"},
			{"covered_percent", s.CoveredPercent, "% of applicable items"},
			{"partial_percent", s.PartialPercent, "% of applicable items"},
			{"gap_percent", s.GapPercent, "% of applicable items"},
			{"unreached_percent", s.UnreachedPercent, "% of applicable items"},
			{"coverage_percent", s.CoveragePercent, "the covered share"},
			{"not_assessed", strings.Join(res.NotAssessed, ", "), "baseline controls the assessment does not rate (count as not implemented)"},
		}}
	items := sheet{name: SheetItems, statusCol: 2, wrapCols: []int{1, 3, 4, 6},
		header: gapCSVHeader,
		widths: []float64{12, 60, 15, 45, 40, 30, 40, 30, 10, 8}}
	for _, it := range res.Items {
		counting, context := splitVia(it.Via)
		items.rows = append(items.rows, []any{it.ID, it.Title, string(it.Status), strings.Join(counting, "\n"),
			strings.Join(context, "\n"), strings.Join(sources(it.Via), "; "), strings.Join(it.Statements, "\n"),
			strings.Join(it.Outside, "\n"), string(res.Policy), strconv.FormatBool(res.Derived)})
	}
	groups := sheet{name: SheetGroups, statusCol: -1,
		header: []string{"id", "title", "kind", "total", "covered", "partial", "gap", "unreached", "not_applicable", "coverage_percent"},
		widths: []float64{10, 45, 22, 8, 10, 10, 8, 11, 15, 17}}
	for _, g := range res.Groups {
		groups.rows = append(groups.rows, []any{g.ID, g.Title, g.Kind, g.Total, g.Covered, g.Partial, g.Gap, g.Unreached,
			g.NotApplicable, g.CoveragePercent})
	}
	recs := sheet{name: SheetRecommendations, statusCol: 3,
		header: []string{"rank", "control", "title", "status", "gain", "item", "from", "to", "weight"},
		widths: []float64{7, 10, 50, 16, 7, 12, 10, 10, 8}}
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

// SoAXLSX writes the Statement of Applicability as an XLSX workbook with the sheets
// SoA (one row per Annex A control: control, Annex A ID, title, theme, applicable,
// justification, status, owner, evidence, notes, and one column of related items
// per related framework), Summary (the counts) and Problems. Header rows are frozen,
// filters on, widths set and status cells coloured.
func SoAXLSX(w io.Writer, soa *crosswalk.SoA, opts Options) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	cat := opts.catalog()
	main := sheet{name: SheetSoA, statusCol: 7, wrapCols: []int{2, 5, 6, 9, 10},
		header: []string{"control", "annex_a", "title", "theme", "applicable", "inclusion_reason", "exclusion_justification",
			"status", "owner", "evidence", "notes"},
		widths: []float64{9, 9, 45, 15, 11, 35, 35, 16, 16, 30, 30}}
	for _, fw := range soa.Related {
		main.header = append(main.header, "related "+string(fw))
		main.widths = append(main.widths, 35)
		main.wrapCols = append(main.wrapCols, len(main.header)-1)
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
	summary := sheet{name: SheetSummary, header: []string{"field", "value"}, widths: []float64{20, 50}, statusCol: -1,
		rows: [][]any{
			{"title", soaTitle(opts)},
			{"organization", soa.Document.Organization},
			{"scope", soa.Document.Scope},
			{"version", soa.Document.Version},
			{"date", soa.Document.Date},
			{"approved_by", soa.Document.ApprovedBy},
			{"standard", string(soa.Standard) + " (" + frameworkName(cat, soa.Standard) + ")"},
			{"baseline", string(soa.Baseline) + " (" + frameworkName(cat, soa.Baseline) + ")"},
			{"assessment", soa.Assessment},
			{"generated", opts.Generated},
			{"total", s.Total}, {"applicable", s.Applicable}, {"excluded", s.Excluded},
			{"implemented", s.Implemented}, {"partial", s.Partial}, {"planned", s.Planned},
			{"not_implemented", s.NotImplemented}, {"not_assessed", s.NotAssessed},
		}}
	problems := sheet{name: SheetProblems, header: []string{"control", "kind", "message"}, widths: []float64{10, 24, 80},
		statusCol: -1, wrapCols: []int{2}}
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
