package crosswalk

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
)

// maxSheetRows is the most rows of a sheet read: Excel's own limit.
const maxSheetRows = 1 << 20

// ReadAssessmentXLSX reads an assessment from a sheet of an Excel workbook (.xlsx):
// the first sheet, or the one named by [WithSheet]. The sheet is read as
// [ReadAssessmentCSV] reads a CSV file (a title block above the header row, the
// column names and the spellings of controls and statuses people use), with the
// values the cells show, not their formulas. A value merged down several rows applies
// to each of them; a row merged across the columns with no status (a heading) is
// skipped; cells right of the header's last column are ignored with a warning. Errors
// name the sheet and the row. A workbook larger than [MaxAssessmentBytes], unpacking
// to more than 256 MiB, or with a cell longer than [MaxFieldChars] is refused.
func ReadAssessmentXLSX(name string, r io.Reader, cat *catalog.Catalog, opts ...ReadOption) (a *Assessment, err error) {
	cat, cfg := readSetup(cat, opts)
	var p problemList
	fw, ok := baselineOf(name, cat, cfg.baseline, &p)
	if !ok {
		return nil, p.err()
	}
	data, err := readCapped(r)
	if err != nil {
		return nil, readError(name, err)
	}
	defer func() {
		// excelize is not proven against every malformed workbook: a panic in it is
		// the file's fault, reported as such.
		if v := recover(); v != nil {
			a, err = nil, &AssessmentError{File: name, Err: fmt.Errorf("%w: not a readable XLSX workbook (%v)", ErrMalformed, v)}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxXLSXUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, &AssessmentError{File: name, Err: fmt.Errorf("%w: not a readable XLSX workbook: %v", ErrMalformed, err)}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &AssessmentError{File: name, Err: fmt.Errorf("%w: the workbook has no sheet", ErrMalformed)}
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
			return nil, &AssessmentError{File: name, Field: "sheet", Value: cfg.sheet,
				Err: fmt.Errorf("%w: no such sheet; the workbook has %s", ErrMalformed, strings.Join(q, ", "))}
		}
	}
	src, err := newSheetSource(f, sheet)
	if err != nil {
		return nil, &AssessmentError{File: name, Sheet: sheet, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	defer src.rows.Close()
	in := &Input{Format: "xlsx", Sheet: sheet}
	return tableAssessment(name, src, cat, fw, in, &p, false)
}

// sheetSource yields the rows of a sheet, with merged values filled down.
type sheetSource struct {
	rows   *excelize.Rows
	n      int            // the row number of the last row read
	down   map[int][]fill // row → values of merges from above
	across map[int]bool   // rows with a cell merged across columns
}

// fill is the value a merged range gives a cell below its first row.
type fill struct {
	col   int // 0-based
	value string
}

func newSheetSource(f *excelize.File, sheet string) (*sheetSource, error) {
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	s := &sheetSource{down: map[int][]fill{}, across: map[int]bool{}}
	fills := 0
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || r2-r1 > maxSheetRows {
			continue
		}
		if c2 > c1 {
			for r := r1; r <= r2; r++ {
				s.across[r] = true
			}
		}
		if r2 > r1 && fills+r2-r1 <= maxSheetRows {
			fills += r2 - r1
			for r := r1 + 1; r <= r2; r++ {
				s.down[r] = append(s.down[r], fill{c1 - 1, m.GetCellValue()})
			}
		}
	}
	s.rows, err = f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (s *sheetSource) next() (tableRow, error) {
	if s.n >= maxSheetRows || !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return tableRow{line: s.n}, err
		}
		return tableRow{}, io.EOF
	}
	s.n++
	cells, err := s.rows.Columns()
	if err != nil {
		return tableRow{line: s.n}, err
	}
	return tableRow{cells: cells, line: s.n, merged: s.across[s.n], fills: s.down[s.n]}, nil
}
