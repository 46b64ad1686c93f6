package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Limits of a sheet (Excel's own).
const (
	// MaxRows is the most rows a sheet has.
	MaxRows = 1 << 20
	// MaxColumns is the most columns a sheet has (A to XFD).
	MaxColumns = 1 << 14
)

// Row is a row of a sheet.
type Row struct {
	// Num is the row's number, from 1.
	Num int
	// Cells are the values the cells of the row show, from column A to the last
	// cell that shows something; a cell with nothing is "".
	Cells []string
}

// RowReader reads the rows of a sheet, in order. Close it after use.
type RowReader struct {
	b      *Book
	rc     io.ReadCloser
	d      *xml.Decoder
	last   int // the number of the last row read
	err    error
	errNum int // the row number Next returns with err, the same on every call
}

// Rows returns a reader of the rows of the sheet named name (as [Book.Sheets]
// names it). It returns the rows the sheet's XML holds, each with its number: a
// row the sheet leaves out (a blank one) is not returned.
func (b *Book) Rows(name string) (*RowReader, error) {
	part, err := b.partOf(name)
	if err != nil {
		return nil, err
	}
	rc, err := b.open(part)
	if err != nil {
		return nil, err
	}
	return &RowReader{b: b, rc: rc, d: xml.NewDecoder(rc)}, nil
}

// Close releases the sheet's part.
func (r *RowReader) Close() error {
	return r.rc.Close()
}

// Next returns the next row; io.EOF after the last. Any other error ends the
// reading; the Row returned with it, on this call and every later one, has no cells
// and the number of the row the error is in (the last row begun, 1 before any).
func (r *RowReader) Next() (Row, error) {
	if r.err != nil {
		return Row{Num: r.errNum}, r.err
	}
	row, err := r.next()
	if err != nil {
		r.err = err
		if err != io.EOF {
			r.errNum = max(r.last, 1)
			return Row{Num: r.errNum}, err
		}
	}
	return row, err
}

// next finds the next row element and reads it.
func (r *RowReader) next() (Row, error) {
	for {
		tok, err := r.d.Token()
		if err != nil {
			return Row{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" {
				return r.row(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return Row{}, io.EOF
			}
		}
	}
}

// row reads the row whose start element is se.
func (r *RowReader) row(se xml.StartElement) (Row, error) {
	num := r.last + 1
	if v := attr(se, "r"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxRows {
			return Row{}, fmt.Errorf("row number %q: not a number from 1 to %d", v, MaxRows)
		}
		if n <= r.last {
			return Row{}, fmt.Errorf("row %d after row %d: rows out of order", n, r.last)
		}
		num = n
	}
	if num > MaxRows {
		return Row{}, fmt.Errorf("more than %d rows", MaxRows)
	}
	r.last = num
	cells, err := r.cells(num)
	if err != nil {
		return Row{}, err
	}
	return Row{Num: num, Cells: trimBlank(cells)}, nil
}

// cells reads the cells of row num, up to the end of its row element.
func (r *RowReader) cells(num int) ([]string, error) {
	var cells []string
	col := 0
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := r.d.Skip(); err != nil {
					return nil, unexpectedEOF(err)
				}
				continue
			}
			if col, err = cellColumn(t, col); err != nil {
				return nil, err
			}
			v, err := r.cell(t)
			if err != nil {
				return nil, fmt.Errorf("cell %s%d: %w", ColumnName(col), num, err)
			}
			if v == "" {
				continue
			}
			if col > len(cells) {
				cells = slices.Grow(cells, col-len(cells))[:col]
			}
			cells[col-1] = v
		case xml.EndElement:
			return cells, nil
		}
	}
}

// cellColumn returns the column (from 1) of the cell element se, the one after prev
// when it names none (the row its reference names is not checked).
func cellColumn(se xml.StartElement, prev int) (int, error) {
	ref := attr(se, "r")
	if ref == "" {
		if prev >= MaxColumns {
			return 0, fmt.Errorf("more than %d columns", MaxColumns)
		}
		return prev + 1, nil
	}
	col, _, ok := ParseCellRef(ref)
	if !ok {
		return 0, fmt.Errorf("cell reference %q: not a cell from A1 to XFD%d", ref, MaxRows)
	}
	return col, nil
}

// trimBlank returns cells without the blank cells at its end.
func trimBlank(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}

// cell reads the cell whose start element is se and returns the value it shows.
func (r *RowReader) cell(se xml.StartElement) (string, error) {
	typ := attr(se, "t")
	var v string
	var inline string
	hasInline := false
	for {
		tok, err := r.d.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if v, err = text(r.d); err != nil {
					return "", err
				}
			case "is":
				if inline, err = richText(r.d); err != nil {
					return "", err
				}
				hasInline = true
			default:
				if err := r.d.Skip(); err != nil {
					return "", unexpectedEOF(err)
				}
			}
		case xml.EndElement:
			if hasInline && (typ == "inlineStr" || v == "") {
				return inline, nil
			}
			return r.b.show(typ, v, attr(se, "s"))
		}
	}
}

// text reads the character data of the element whose start element was just read.
func text(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				sb.Write(t)
			}
		}
	}
	return sb.String(), nil
}

// show returns the value a cell of type typ, stored value v and style s shows.
func (b *Book) show(typ, v, s string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(b.shared) {
			return "", fmt.Errorf("shared string %q: not one of the %d of the workbook", v, len(b.shared))
		}
		return b.shared[i], nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
		return v, nil
	case "str", "inlineStr", "e", "d":
		return unescapeX(v), nil
	}
	if v == "" {
		return "", nil
	}
	return b.showNumber(v, b.formatOf(s)), nil
}

// ParseCellRef returns the column and row (from 1) of a cell reference such as
// "B7" or "$B$7"; false for anything else or a cell beyond XFD1048576.
func ParseCellRef(ref string) (col, row int, ok bool) {
	ref = strings.TrimPrefix(strings.ToUpper(ref), "$")
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || col > MaxColumns {
		return 0, 0, false
	}
	digits := strings.TrimPrefix(ref[i:], "$")
	if digits == "" || len(digits) > 7 || strings.Trim(digits, "0123456789") != "" || digits[0] == '0' {
		return 0, 0, false
	}
	row, _ = strconv.Atoi(digits)
	if row > MaxRows {
		return 0, 0, false
	}
	return col, row, true
}

// ColumnName returns the letters of column col (from 1): 1 is "A", 28 is "AB"; ""
// for a number outside 1..MaxColumns. The reader and the writer both name cells so.
func ColumnName(col int) string {
	if col < 1 || col > MaxColumns {
		return ""
	}
	var b [3]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// Range is a range of merged cells: its corners, columns and rows from 1,
// inclusive, the first not after the last.
type Range struct {
	Col1, Row1, Col2, Row2 int
}

// ParseRange reads a range such as "B2:C4" (its corners in any order); false for
// anything else.
func ParseRange(ref string) (Range, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return Range{}, false
	}
	c1, r1, ok1 := ParseCellRef(a)
	c2, r2, ok2 := ParseCellRef(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// MergedRanges yields the merged ranges of the sheet named name, in the order the
// sheet lists them (a reference that is not a range is skipped), then the error
// that ended the reading, if any, with a zero Range. It reads the sheet's part
// apart from [Book.Rows], and stops when the loop does.
func (b *Book) MergedRanges(name string) iter.Seq2[Range, error] {
	return func(yield func(Range, error) bool) {
		part, err := b.partOf(name)
		if err != nil {
			yield(Range{}, err)
			return
		}
		err = b.scan(part, false, func(_ *xml.Decoder, se xml.StartElement) (bool, error) {
			if se.Name.Local != "mergeCell" {
				return true, nil
			}
			m, ok := ParseRange(attr(se, "ref"))
			return !ok || yield(m, nil), nil
		})
		if err != nil {
			yield(Range{}, err)
		}
	}
}
