package xlsx

import (
	"fmt"
	"strings"
)

// Style is how a cell looks. Colours are six hexadecimal digits, RRGGBB ("" for the
// default). The zero Style is the default look.
type Style struct {
	Bold         bool        // bold font
	FontColor    string      // the font's colour
	Fill         string      // a solid fill
	BottomBorder BorderStyle // a line under the cell ("" none)
	BorderColor  string      // the colour of that line
	Wrap         bool        // text wraps in the cell
	VerticalTop  bool        // content at the top of the cell (the bottom by default)
	NumFmt       string      // a number format code such as "0.0%" ("" for General)
}

// BorderStyle is the line style of a border.
type BorderStyle string

// The border line styles (ECMA-376 ST_BorderStyle) the writer accepts.
const (
	BorderThin   BorderStyle = "thin"
	BorderMedium BorderStyle = "medium"
	BorderThick  BorderStyle = "thick"
	BorderDashed BorderStyle = "dashed"
	BorderDotted BorderStyle = "dotted"
	BorderDouble BorderStyle = "double"
)

// StyleID is a cell style of a workbook, made by [Workbook.AddStyle]; 0 is the
// default style.
type StyleID int

// DiffStyleID is a differential style of a workbook (the look a conditional format
// gives), made by [Workbook.AddDiffStyle].
type DiffStyleID int

// firstCustomNumFmt is the first number format ID free for a workbook's own codes
// (0–163 are built in).
const firstCustomNumFmt = 164

// styleTable is the styles of a workbook, each kept once, in the order first
// added: the cell styles (index 0 the default), the differential styles, and the
// fonts, fills, borders and number formats they use.
type styleTable struct {
	xfs     []Style
	xfIndex map[Style]StyleID
	dxfs    []Style
	fonts   []Style // by Bold and FontColor only
	fills   []string
	borders [][2]string
	numFmts []string
}

func newStyleTable() styleTable {
	return styleTable{xfs: []Style{{}}, xfIndex: map[Style]StyleID{{}: 0}, fonts: []Style{{}}, fills: []string{"", "gray125"},
		borders: [][2]string{{"", ""}}}
}

// AddStyle returns the cell style s, added once however often asked for. A colour
// that is not six hexadecimal digits, an unknown border style or a number format
// code longer than 255 characters is refused.
func (w *Workbook) AddStyle(s Style) (StyleID, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	s = s.canonical()
	if id, ok := w.styles.xfIndex[s]; ok {
		return id, nil
	}
	id := StyleID(len(w.styles.xfs))
	w.styles.xfs = append(w.styles.xfs, s)
	w.styles.xfIndex[s] = id
	w.styles.font(s)
	w.styles.fill(s.Fill)
	w.styles.border(s)
	w.styles.numFmt(s.NumFmt)
	return id, nil
}

// AddDiffStyle returns a differential style: the font (bold, colour) and fill a
// conditional format gives a cell. Only Bold, FontColor and Fill are used.
func (w *Workbook) AddDiffStyle(s Style) (DiffStyleID, error) {
	d := Style{Bold: s.Bold, FontColor: s.FontColor, Fill: s.Fill}
	if err := d.check(); err != nil {
		return 0, err
	}
	d = d.canonical()
	w.styles.dxfs = append(w.styles.dxfs, d)
	return DiffStyleID(len(w.styles.dxfs) - 1), nil
}

func (s Style) check() error {
	for _, c := range []struct{ what, v string }{{"font colour", s.FontColor}, {"fill", s.Fill}, {"border colour", s.BorderColor}} {
		if c.v != "" && !isHexColour(c.v) {
			return invalid("style %s %q (want six hexadecimal digits, RRGGBB)", c.what, c.v)
		}
	}
	switch s.BottomBorder {
	case "", BorderThin, BorderMedium, BorderThick, BorderDashed, BorderDotted, BorderDouble:
	default:
		return invalid("border style %q (want thin, medium, thick, dashed, dotted or double)", s.BottomBorder)
	}
	if len([]rune(s.NumFmt)) > 255 || strings.ContainsFunc(s.NumFmt, func(r rune) bool { return r < ' ' }) {
		return invalid("number format %q (at most 255 characters, no control characters)", s.NumFmt)
	}
	return nil
}

// canonical is the style with its colours in upper case and a border's colour
// dropped when it has no border, so that equal looks are one style.
func (s Style) canonical() Style {
	s.FontColor, s.Fill, s.BorderColor = strings.ToUpper(s.FontColor), strings.ToUpper(s.Fill), strings.ToUpper(s.BorderColor)
	if s.BottomBorder == "" {
		s.BorderColor = ""
	}
	return s
}

func isHexColour(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

func (t *styleTable) font(s Style) int {
	f := Style{Bold: s.Bold, FontColor: s.FontColor}
	return indexOrAdd(&t.fonts, f)
}

func (t *styleTable) fill(c string) int {
	if c == "" {
		return 0
	}
	return indexOrAdd(&t.fills, c)
}

func (t *styleTable) border(s Style) int {
	return indexOrAdd(&t.borders, [2]string{string(s.BottomBorder), s.BorderColor})
}

// numFmt returns the ID of a number format code: 0 (General) for "".
func (t *styleTable) numFmt(code string) int {
	if code == "" {
		return 0
	}
	return firstCustomNumFmt + indexOrAdd(&t.numFmts, code)
}

func indexOrAdd[T comparable](list *[]T, v T) int {
	for i, x := range *list {
		if x == v {
			return i
		}
	}
	*list = append(*list, v)
	return len(*list) - 1
}

// stylesXML is the part xl/styles.xml.
func (t *styleTable) stylesXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<styleSheet xmlns="` + nsSheet + `">`)
	if len(t.numFmts) > 0 {
		fmt.Fprintf(b, `<numFmts count="%d">`, len(t.numFmts))
		for i, code := range t.numFmts {
			fmt.Fprintf(b, `<numFmt numFmtId="%d" formatCode="%s"/>`, firstCustomNumFmt+i, escAttr(code))
		}
		b.WriteString(`</numFmts>`)
	}
	fmt.Fprintf(b, `<fonts count="%d">`, len(t.fonts))
	for _, f := range t.fonts {
		b.WriteString(`<font>` + fontXML(f) + `<sz val="11"/><name val="Calibri"/><family val="2"/></font>`)
	}
	fmt.Fprintf(b, `</fonts><fills count="%d">`, len(t.fills))
	for i, f := range t.fills {
		switch i {
		case 0:
			b.WriteString(`<fill><patternFill patternType="none"/></fill>`)
		case 1:
			b.WriteString(`<fill><patternFill patternType="gray125"/></fill>`)
		default:
			b.WriteString(`<fill><patternFill patternType="solid"><fgColor rgb="FF` + f + `"/><bgColor indexed="64"/></patternFill></fill>`)
		}
	}
	fmt.Fprintf(b, `</fills><borders count="%d">`, len(t.borders))
	for _, bd := range t.borders {
		b.WriteString(`<border><left/><right/><top/>`)
		if bd[0] == "" {
			b.WriteString(`<bottom/>`)
		} else {
			b.WriteString(`<bottom style="` + bd[0] + `">` + colourXML(bd[1]) + `</bottom>`)
		}
		b.WriteString(`<diagonal/></border>`)
	}
	b.WriteString(`</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	t.cellXfsXML(b)
	b.WriteString(`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	t.dxfsXML(b)
	b.WriteString(`<tableStyles count="0"/></styleSheet>`)
}

func (t *styleTable) cellXfsXML(b *strings.Builder) {
	fmt.Fprintf(b, `<cellXfs count="%d">`, len(t.xfs))
	for _, s := range t.xfs {
		font, fill, border, num := t.font(s), t.fill(s.Fill), t.border(s), t.numFmt(s.NumFmt)
		fmt.Fprintf(b, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, num, font, fill, border)
		for _, a := range []struct {
			name string
			on   bool
		}{{"applyNumberFormat", num != 0}, {"applyFont", font != 0}, {"applyFill", fill != 0}, {"applyBorder", border != 0},
			{"applyAlignment", s.Wrap || s.VerticalTop}} {
			if a.on {
				b.WriteString(` ` + a.name + `="1"`)
			}
		}
		if !s.Wrap && !s.VerticalTop {
			b.WriteString(`/>`)
			continue
		}
		b.WriteString(`><alignment`)
		if s.VerticalTop {
			b.WriteString(` vertical="top"`)
		}
		if s.Wrap {
			b.WriteString(` wrapText="1"`)
		}
		b.WriteString(`/></xf>`)
	}
	b.WriteString(`</cellXfs>`)
}

// dxfsXML writes the differential styles. A solid fill gets both colours: Excel
// takes a differential fill's colour from bgColor, other readers from fgColor.
func (t *styleTable) dxfsXML(b *strings.Builder) {
	fmt.Fprintf(b, `<dxfs count="%d">`, len(t.dxfs))
	for _, d := range t.dxfs {
		b.WriteString(`<dxf>`)
		if d.Bold || d.FontColor != "" {
			b.WriteString(`<font>` + fontXML(d) + `</font>`)
		}
		if d.Fill != "" {
			b.WriteString(`<fill><patternFill patternType="solid"><fgColor rgb="FF` + d.Fill + `"/><bgColor rgb="FF` + d.Fill + `"/></patternFill></fill>`)
		}
		b.WriteString(`</dxf>`)
	}
	b.WriteString(`</dxfs>`)
}

func fontXML(f Style) string {
	s := ""
	if f.Bold {
		s = `<b/>`
	}
	if f.FontColor != "" {
		s += colourXML(f.FontColor)
	}
	return s
}

func colourXML(c string) string {
	if c == "" {
		return `<color auto="1"/>`
	}
	return `<color rgb="FF` + c + `"/>`
}
