package crosswalk

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/xlsx"
)

// ReadAssessmentXLSX reads an assessment from a sheet of an Excel workbook (.xlsx):
// the first sheet, or the one named by [WithSheet]. The sheet is read as
// [ReadAssessmentCSV] reads a CSV file (a title block above the header row, the
// column names and the spellings of controls and statuses people use), with the
// values the cells show, not their formulas (a number in the General format to 15
// significant digits, a date as 2025-01-31, a percentage as 50%, TRUE and FALSE, a
// formula's last computed value). A value merged down several rows applies
// to each of them; a row merged across the columns with no status (a heading) is
// skipped; cells right of the header's last column are ignored with a warning. Errors
// name the sheet and the row. A workbook larger than [MaxAssessmentBytes], unpacking
// to more than 256 MiB, or with a cell longer than [MaxFieldChars] is refused.
func ReadAssessmentXLSX(name string, r io.Reader, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	cat, cfg := readSetup(cat, opts)
	p := problemList{strict: cfg.strict}
	fw, ok := baselineOf(name, cat, cfg.baseline, &p)
	if !ok {
		return nil, p.err()
	}
	data, err := readCapped(r)
	if err != nil {
		return nil, readError(name, err)
	}
	f, err := xlsx.Open(data, xlsx.ReadLimits{MaxUnzipped: maxXLSXUnzipped})
	if errors.Is(err, xlsx.ErrTooLarge) {
		return nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: the workbook unpacks to more than %d bytes, the limit for an assessment", ErrTooLarge, maxXLSXUnzipped)}
	}
	if err != nil {
		return nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: not a readable XLSX workbook: %v", ErrMalformed, err)}
	}
	sheets := f.Sheets()
	if len(sheets) == 0 {
		return nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: the workbook has no sheet", ErrMalformed)}
	}
	sheet := sheets[0]
	if cfg.sheet != "" {
		sheet = ""
		for _, s := range sheets {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(cfg.sheet)) {
				sheet = s
				break
			}
		}
		if sheet == "" {
			q := make([]string, len(sheets))
			for i, s := range sheets {
				q[i] = fmt.Sprintf("%q", s)
			}
			return nil, &catalog.DataError{File: name, Field: "sheet", Value: cfg.sheet,
				Err: fmt.Errorf("%w: no such sheet; the workbook has %s", ErrMalformed, strings.Join(q, ", "))}
		}
	}
	src, err := newSheetSource(f, sheet)
	if err == errMerges {
		return nil, &catalog.DataError{File: name, Sheet: sheet, Err: err}
	}
	if err != nil {
		return nil, &catalog.DataError{File: name, Sheet: sheet, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	defer src.rows.Close()
	in := &Input{Format: "xlsx", Sheet: sheet}
	return tableAssessment(name, src, cat, fw, in, &p, false)
}

// sheetSource yields the rows of a sheet, with the values of cells merged down.
type sheetSource struct {
	rows   *xlsx.RowReader
	starts map[int][]xlsx.Range // first row → merges down from it
	down   map[int][]fill       // row → values of merges from above
	across map[int]bool         // rows with a cell merged across columns
}

// fill is the value a merged range gives a cell below its first row.
type fill struct {
	col   int // 0-based
	value string
}

// maxMergedRows bounds the rows that merged cells of a sheet may cover in all (the
// reader keeps a note per covered row).
const maxMergedRows = 200_000

// errMerges is the error of a sheet whose merged cells cover too many rows.
var errMerges = fmt.Errorf("%w: the merged cells of the sheet cover more than %d rows in all, the limit for an assessment", ErrTooLarge, maxMergedRows)

// newSheetSource prepares the reading of sheet of f: it notes the merged cells of the
// sheet (at most maxMergedRows of them, covering as many rows in all), then opens its
// rows.
func newSheetSource(f *xlsx.Book, sheet string) (*sheetSource, error) {
	s := &sheetSource{starts: map[int][]xlsx.Range{}, down: map[int][]fill{}, across: map[int]bool{}}
	budget, n := maxMergedRows, 0
	for m, err := range f.MergedRanges(sheet) {
		if err != nil {
			return nil, err
		}
		if n++; n > maxMergedRows {
			return nil, errMerges
		}
		if m.Col2 > m.Col1 {
			if budget -= m.Row2 - m.Row1 + 1; budget < 0 {
				return nil, errMerges
			}
			for r := m.Row1; r <= m.Row2; r++ {
				s.across[r] = true
			}
		}
		if m.Row2 > m.Row1 {
			if budget -= m.Row2 - m.Row1; budget < 0 {
				return nil, errMerges
			}
			s.starts[m.Row1] = append(s.starts[m.Row1], m)
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	s.rows = rows
	return s, nil
}

func (s *sheetSource) next() (tableRow, error) {
	r, err := s.rows.Next()
	if err == io.EOF { // the reader refuses a row past Excel's last (xlsx.MaxRows)
		return tableRow{}, io.EOF
	}
	if err != nil {
		return tableRow{line: r.Num}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	// The merges down from this row give their value to the rows below; the rows
	// skipped (blank, absent from the sheet) drop theirs.
	for _, m := range s.starts[r.Num] {
		v := ""
		if m.Col1-1 < len(r.Cells) {
			v = r.Cells[m.Col1-1]
		}
		for row := m.Row1 + 1; row <= m.Row2; row++ {
			s.down[row] = append(s.down[row], fill{m.Col1 - 1, v})
		}
	}
	fills := s.down[r.Num]
	delete(s.down, r.Num) // (the fills of blank rows, never read, stay: the merge budget bounds them)
	return tableRow{cells: r.Cells, line: r.Num, merged: s.across[r.Num], fills: fills}, nil
}
