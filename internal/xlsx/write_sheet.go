package xlsx

import (
	"fmt"
	"strconv"
	"strings"
)

// xml writes the sheet's part, xl/worksheets/sheetN.xml, its elements in the order
// the schema (CT_Worksheet) sets.
func (s *Sheet) xml(b *strings.Builder, t *sst, active bool) {
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsSheet + `" xmlns:r="` + nsRel + `">`)
	if s.page.Fit {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	dim := "A1"
	if len(s.rows) > 0 && s.maxCols > 0 {
		dim = Area{1, 1, len(s.rows), s.maxCols}.String()
	}
	b.WriteString(`<dimension ref="` + dim + `"/>`)
	s.viewXML(b, active)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)
	s.colsXML(b)
	b.WriteString(`<sheetData>`)
	for r, row := range s.rows {
		s.rowXML(b, t, r+1, row)
	}
	b.WriteString(`</sheetData>`)
	if s.filter != nil {
		b.WriteString(`<autoFilter ref="` + s.filter.String() + `"/>`)
	}
	s.condXML(b)
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	s.pageXML(b)
	b.WriteString(`</worksheet>`)
}

func (s *Sheet) viewXML(b *strings.Builder, active bool) {
	b.WriteString(`<sheetViews><sheetView`)
	if active {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(` workbookViewId="0"`)
	if s.freeze == 0 {
		b.WriteString(`/></sheetViews>`)
		return
	}
	top := cellRef(s.freeze+1, 1)
	fmt.Fprintf(b, `><pane ySplit="%d" topLeftCell="%s" activePane="bottomLeft" state="frozen"/>`, s.freeze, top)
	fmt.Fprintf(b, `<selection pane="bottomLeft" activeCell="%s" sqref="%s"/></sheetView></sheetViews>`, top, top)
}

func (s *Sheet) colsXML(b *strings.Builder) {
	if len(s.widths) == 0 {
		return
	}
	b.WriteString(`<cols>`)
	for c := 1; c <= MaxColumns && c <= s.maxWidthCol(); c++ {
		if w, ok := s.widths[c]; ok {
			fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, c, c, strconvFloat(w))
		}
	}
	b.WriteString(`</cols>`)
}

func (s *Sheet) maxWidthCol() int {
	m := 0
	for c := range s.widths {
		m = max(m, c)
	}
	return m
}

func (s *Sheet) rowXML(b *strings.Builder, t *sst, r int, row []Cell) {
	fmt.Fprintf(b, `<row r="%d">`, r)
	for i, c := range row {
		ref := cellRef(r, i+1)
		style := ""
		if c.Style != 0 {
			style = ` s="` + strconv.Itoa(int(c.Style)) + `"`
		}
		typ, v := cellValue(c.Value, t)
		switch {
		case v != "":
			b.WriteString(`<c r="` + ref + `"` + style + typ + `><v>` + v + `</v></c>`)
		case style != "":
			b.WriteString(`<c r="` + ref + `"` + style + `/>`)
		}
	}
	b.WriteString(`</row>`)
}

// cellValue is a cell's type attribute and the content of its <v> element ("" for
// an empty cell).
func cellValue(v any, t *sst) (typ, val string) {
	switch v := v.(type) {
	case string:
		if v == "" {
			return "", ""
		}
		return ` t="s"`, strconv.Itoa(t.index[v])
	case bool:
		if v {
			return ` t="b"`, "1"
		}
		return ` t="b"`, "0"
	case int64:
		return "", strconv.FormatInt(v, 10)
	case uint64:
		return "", strconv.FormatUint(v, 10)
	case float64:
		if n, ok := formatNumber(v); ok {
			return "", n
		}
		return ` t="e"`, "#NUM!"
	}
	return "", ""
}

// condXML writes the conditional formats; each rule has its own priority, the
// first added first.
func (s *Sheet) condXML(b *strings.Builder) {
	p := 0
	for _, cf := range s.cond {
		if len(cf.rules) == 0 {
			continue
		}
		b.WriteString(`<conditionalFormatting sqref="` + cf.ref.String() + `">`)
		for _, r := range cf.rules {
			p++
			lit := `"` + strings.ReplaceAll(r.Text, `"`, `""`) + `"`
			fmt.Fprintf(b, `<cfRule type="cellIs" dxfId="%d" priority="%d" operator="equal"><formula>%s</formula></cfRule>`,
				r.Style, p, escText(lit, false))
		}
		b.WriteString(`</conditionalFormatting>`)
	}
}

func (s *Sheet) pageXML(b *strings.Builder) {
	if !s.page.Landscape && !s.page.Fit {
		return
	}
	b.WriteString(`<pageSetup`)
	if s.page.Landscape {
		b.WriteString(` orientation="landscape"`)
	}
	if s.page.Fit {
		fmt.Fprintf(b, ` fitToWidth="%d" fitToHeight="%d"`, s.page.FitToWidth, s.page.FitToHeight)
	}
	b.WriteString(`/>`)
}
