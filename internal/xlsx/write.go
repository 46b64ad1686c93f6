package xlsx

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The limits of a worksheet (ECMA-376 and every spreadsheet application).
const (
	// MaxCellChars is the most characters of a text cell.
	MaxCellChars = 32767
	// MaxSheetName is the most characters of a sheet name.
	MaxSheetName = 31
)

// ErrInvalid is wrapped by every error of the writer: a call it cannot turn into a
// valid workbook (a bad sheet name, a value of an unsupported type, a cell past the
// limits, a bad colour).
var ErrInvalid = errors.New("xlsx: invalid")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

// Properties are a workbook's document properties (docProps/core.xml). Created and
// Modified are written as given, so fixed values give a reproducible file; a zero
// time leaves the property out.
type Properties struct {
	Title          string    // dc:title
	Subject        string    // dc:subject
	Creator        string    // dc:creator, who made the document
	LastModifiedBy string    // cp:lastModifiedBy
	Language       string    // dc:language, such as "en"
	Created        time.Time // dcterms:created, written in UTC to the second
	Modified       time.Time // dcterms:modified, written in UTC to the second
}

// Workbook is a workbook being built: create it with [New], add sheets and styles,
// then [Workbook.Write] it. It is not safe for concurrent use.
type Workbook struct {
	props  Properties
	sheets []*Sheet
	active int
	styles styleTable
}

// New returns an empty workbook with the given document properties.
func New(p Properties) *Workbook {
	return &Workbook{props: p, styles: newStyleTable()}
}

// Cell is one cell: a value and its style (0, the zero StyleID, is the default
// style). The value is a string, a bool, an integer or a float of any size, or nil
// (an empty cell, kept when it has a style). A float that is not finite (NaN, ±Inf)
// is written as the error value #NUM!, which a spreadsheet shows, never as a number.
type Cell struct {
	Value any     // the value: a string, bool, integer, float or nil
	Style StyleID // the cell's style, 0 for the default
}

// Area is a rectangle of cells by 1-based row and column numbers, both ends
// included: the cells of a filter or a conditional format.
type Area struct {
	FirstRow int // the top row, from 1
	FirstCol int // the left column, from 1 (A)
	LastRow  int // the bottom row, at least FirstRow
	LastCol  int // the right column, at least FirstCol
}

// ColumnDown is column col from row fromRow down to the last row a sheet has
// (1,048,576): the area of a format that covers the rows a reader adds too.
func ColumnDown(col, fromRow int) Area {
	return Area{FirstRow: fromRow, FirstCol: col, LastRow: MaxRows, LastCol: col}
}

// String is the range in A1 notation: "C2:C1048576", or "A1" for a single cell.
func (r Area) String() string {
	a := cellRef(r.FirstRow, r.FirstCol)
	if r.FirstRow == r.LastRow && r.FirstCol == r.LastCol {
		return a
	}
	return a + ":" + cellRef(r.LastRow, r.LastCol)
}

// absolute is the range with fixed rows and columns: "$A$1:$M$23".
func (r Area) absolute() string {
	return "$" + ColumnName(r.FirstCol) + "$" + fmt.Sprint(r.FirstRow) + ":$" + ColumnName(r.LastCol) + "$" + fmt.Sprint(r.LastRow)
}

func (r Area) check() error {
	if r.FirstRow < 1 || r.FirstCol < 1 || r.LastRow < r.FirstRow || r.LastCol < r.FirstCol || r.LastRow > MaxRows || r.LastCol > MaxColumns {
		return invalid("range rows %d–%d, columns %d–%d (want 1 ≤ first ≤ last, at most %d rows and %d columns)",
			r.FirstRow, r.LastRow, r.FirstCol, r.LastCol, MaxRows, MaxColumns)
	}
	return nil
}

// cellRef is the A1 reference of a cell by 1-based row and column: (2, 3) is
// "C2"; "" outside the limits of a sheet.
func cellRef(row, col int) string {
	c := ColumnName(col)
	if c == "" || row < 1 || row > MaxRows {
		return ""
	}
	return c + fmt.Sprint(row)
}

// AddSheet adds a sheet after the others. A name is refused when empty, longer
// than [MaxSheetName] characters, holding a character Excel forbids (: \ / ? * [ ]
// or a control character), beginning or ending with an apostrophe, "History"
// (Excel's reserved name) or equal to another sheet's name ignoring case.
func (w *Workbook) AddSheet(name string) (*Sheet, error) {
	if err := checkSheetName(name); err != nil {
		return nil, err
	}
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			return nil, invalid("sheet name %q: the workbook has a sheet %q (names are compared ignoring case)", name, s.name)
		}
	}
	s := &Sheet{wb: w, name: name, widths: map[int]float64{}}
	w.sheets = append(w.sheets, s)
	return s, nil
}

func checkSheetName(name string) error {
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name):
		return invalid("sheet name %q is not valid UTF-8", name)
	case n == 0:
		return invalid("empty sheet name")
	case n > MaxSheetName:
		return invalid("sheet name %q has %d characters (at most %d)", name, n, MaxSheetName)
	case strings.ContainsAny(name, `:\/?*[]`) || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return invalid(`sheet name %q holds a forbidden character (: \ / ? * [ ] or a control character)`, name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return invalid("sheet name %q begins or ends with an apostrophe", name)
	case strings.EqualFold(name, "History"):
		return invalid("sheet name %q is reserved by Excel", name)
	}
	return nil
}

// SetActive makes the sheet of 0-based index i the one shown when the workbook
// opens (the first by default).
func (w *Workbook) SetActive(i int) error {
	if i < 0 || i >= len(w.sheets) {
		return invalid("active sheet %d: the workbook has %d sheets", i, len(w.sheets))
	}
	w.active = i
	return nil
}

// Sheet is one worksheet of a [Workbook]: rows of cells added in order, and how
// the sheet is shown and printed.
type Sheet struct {
	wb      *Workbook
	name    string
	rows    [][]Cell
	widths  map[int]float64
	freeze  int
	filter  *Area
	cond    []condFormat
	page    PageSetup
	titles  [2]int // first and last row repeated on every printed page; 0 for none
	maxCols int
}

// Name is the sheet's name.
func (s *Sheet) Name() string { return s.name }

// AppendRow adds a row of cells below the rows added before (the first is row 1).
// A cell is refused, and the row not added, when its value has another type than
// [Cell] lists, when a text is longer than [MaxCellChars] characters or not valid
// UTF-8, or when the row is past the 1,048,576 rows or 16,384 columns of a sheet.
func (s *Sheet) AppendRow(cells ...Cell) error {
	row := len(s.rows) + 1
	if row > MaxRows {
		return invalid("sheet %q: more than %d rows", s.name, MaxRows)
	}
	if len(cells) > MaxColumns {
		return invalid("sheet %q row %d: %d cells (at most %d)", s.name, row, len(cells), MaxColumns)
	}
	out := make([]Cell, len(cells))
	for i, c := range cells {
		v, err := normalise(c.Value)
		if err == nil && (c.Style < 0 || int(c.Style) >= len(s.wb.styles.xfs)) {
			err = invalid("style %d: not a style of this workbook", c.Style)
		}
		if err != nil {
			return fmt.Errorf("sheet %q cell %s: %w", s.name, cellRef(row, i+1), err)
		}
		out[i] = Cell{Value: v, Style: c.Style}
	}
	s.rows = append(s.rows, out)
	s.maxCols = max(s.maxCols, len(out))
	return nil
}

// normalise returns a cell value as a string, bool, int64, uint64 or float64, or
// nil (a named type by its kind: a string type is a string); an error for another
// type or a text a cell cannot hold.
func normalise(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.String:
		return checkText(rv.String())
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint(), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	}
	return nil, invalid("a value of type %T (want a string, a bool, an integer, a float or nil)", v)
}

func checkText(v string) (any, error) {
	if !utf8.ValidString(v) {
		return nil, invalid("text is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(v); n > MaxCellChars {
		return nil, invalid("text of %d characters (a cell holds at most %d)", n, MaxCellChars)
	}
	return v, nil
}

// SetColWidth sets the width of the 1-based column col, in characters of the
// default font (Excel's unit), 0 < width ≤ 255.
func (s *Sheet) SetColWidth(col int, width float64) error {
	if col < 1 || col > MaxColumns {
		return invalid("sheet %q: column %d (want 1..%d)", s.name, col, MaxColumns)
	}
	if !(width > 0 && width <= 255) {
		return invalid("sheet %q column %s: width %v (want more than 0, at most 255)", s.name, ColumnName(col), width)
	}
	s.widths[col] = width
	return nil
}

// FreezeRows keeps the top n rows in view while the rest scrolls (0 unfreezes).
func (s *Sheet) FreezeRows(n int) error {
	if n < 0 || n >= MaxRows {
		return invalid("sheet %q: freeze %d rows (want 0..%d)", s.name, n, MaxRows-1)
	}
	s.freeze = n
	return nil
}

// AutoFilter puts a filter on the range r, whose first row is the header row.
func (s *Sheet) AutoFilter(r Area) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("sheet %q autofilter: %w", s.name, err)
	}
	s.filter = &r
	return nil
}

// TextRule is a conditional format: a cell whose value equals Text takes the
// differential style Style (made with [Workbook.AddDiffStyle]).
type TextRule struct {
	Text  string      // the text a cell equals (at most 255 characters, no control characters)
	Style DiffStyleID // the look such a cell takes
}

type condFormat struct {
	ref   Area
	rules []TextRule
}

// maxFormulaText is the longest text literal of a formula (Excel's limit).
const maxFormulaText = 255

// ColourByText adds conditional formats over r: each rule colours the cells equal
// to its text (compared as Excel compares, ignoring case). The formats follow the
// cells, so a cell edited later takes the colour of its new text.
func (s *Sheet) ColourByText(r Area, rules ...TextRule) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("sheet %q conditional format: %w", s.name, err)
	}
	for _, rule := range rules {
		if rule.Style < 0 || int(rule.Style) >= len(s.wb.styles.dxfs) {
			return invalid("sheet %q conditional format: differential style %d is not one of this workbook", s.name, rule.Style)
		}
		if !utf8.ValidString(rule.Text) || strings.IndexFunc(rule.Text, unicode.IsControl) >= 0 || utf8.RuneCountInString(rule.Text) > maxFormulaText {
			return invalid("sheet %q conditional format: text %q (want valid UTF-8 without control characters, at most %d characters)",
				s.name, rule.Text, maxFormulaText)
		}
	}
	s.cond = append(s.cond, condFormat{ref: r, rules: append([]TextRule(nil), rules...)})
	return nil
}

// PageSetup is how a sheet prints. FitToWidth and FitToHeight are the pages the
// sheet is shrunk to, across and down (0: as many as it takes); they apply when Fit
// is set.
type PageSetup struct {
	Landscape   bool // landscape, not portrait
	Fit         bool // shrink the sheet to FitToWidth × FitToHeight pages
	FitToWidth  int  // pages across (0: as many as it takes)
	FitToHeight int  // pages down (0: as many as it takes)
}

// SetPageSetup sets how the sheet prints.
func (s *Sheet) SetPageSetup(p PageSetup) error {
	if p.FitToWidth < 0 || p.FitToHeight < 0 || p.FitToWidth > 32767 || p.FitToHeight > 32767 {
		return invalid("sheet %q: fit to %d×%d pages (want 0..32767)", s.name, p.FitToWidth, p.FitToHeight)
	}
	s.page = p
	return nil
}

// PrintTitleRows repeats rows first..last (1-based) at the top of every printed
// page.
func (s *Sheet) PrintTitleRows(first, last int) error {
	if first < 1 || last < first || last > MaxRows {
		return invalid("sheet %q: print title rows %d–%d", s.name, first, last)
	}
	s.titles = [2]int{first, last}
	return nil
}

// formatNumber is a finite number as the shortest decimal that reads back to it.
func formatNumber(f float64) (string, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", false
	}
	return strconvFloat(f), true
}
