package crosswalk

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	pathpkg "path"
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
	p := problemList{strict: cfg.strict}
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
			a, err = nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: not a readable XLSX workbook (%v)", ErrMalformed, v)}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxXLSXUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: not a readable XLSX workbook: %v", ErrMalformed, err)}
	}
	defer f.Close()
	sheets := f.GetSheetList()
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
	src, err := newSheetSource(f, data, sheet)
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
	rows   *excelize.Rows
	n      int                  // the row number of the last row read
	starts map[int][]mergeRange // first row → merges down from it
	down   map[int][]fill       // row → values of merges from above
	across map[int]bool         // rows with a cell merged across columns
}

// fill is the value a merged range gives a cell below its first row.
type fill struct {
	col   int // 0-based
	value string
}

// mergeRange is a range of merged cells, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// maxMergedRows bounds the rows that merged cells of a sheet may cover in all (the
// reader keeps a note per covered row).
const maxMergedRows = 200_000

// errMerges is the error of a sheet whose merged cells cover too many rows.
var errMerges = fmt.Errorf("%w: the merged cells of the sheet cover more than %d rows in all, the limit for an assessment", ErrTooLarge, maxMergedRows)

// newSheetSource prepares the reading of sheet of f, whose bytes are data. The merged
// cells are read from the sheet's XML directly: excelize's own GetMergeCells lays out
// the whole sheet first, which a hostile merge ("A1:XFD1048576") makes take all memory.
func newSheetSource(f *excelize.File, data []byte, sheet string) (*sheetSource, error) {
	merges, err := sheetMerges(data, sheet)
	if err != nil {
		return nil, err
	}
	s := &sheetSource{starts: map[int][]mergeRange{}, down: map[int][]fill{}, across: map[int]bool{}}
	budget := maxMergedRows
	for _, m := range merges {
		m.r2 = min(m.r2, maxSheetRows)
		if m.r1 > maxSheetRows || m.r2 < m.r1 || m.c2 < m.c1 {
			continue
		}
		if m.c2 > m.c1 {
			if budget -= m.r2 - m.r1 + 1; budget < 0 {
				return nil, errMerges
			}
			for r := m.r1; r <= m.r2; r++ {
				s.across[r] = true
			}
		}
		if m.r2 > m.r1 {
			if budget -= m.r2 - m.r1; budget < 0 {
				return nil, errMerges
			}
			s.starts[m.r1] = append(s.starts[m.r1], m)
		}
	}
	s.rows, err = f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sheetMerges returns the merged ranges of sheet in the XLSX archive data: it finds
// the sheet's part through xl/workbook.xml and its relationships, then streams the
// part for its mergeCell elements (at most maxMergedRows of them).
func sheetMerges(data []byte, sheet string) ([]mergeRange, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	x := xlsxParts{zr}
	part, err := x.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	cells, err := x.attrsOf(part, "mergeCell")
	if err != nil {
		return nil, err
	}
	var out []mergeRange
	for _, c := range cells {
		if m, ok := parseMergeRef(c["ref"]); ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// xlsxParts reads the XML parts of an XLSX archive.
type xlsxParts struct{ zr *zip.Reader }

// open opens the part name, its case ignored.
func (x xlsxParts) open(name string) (io.ReadCloser, error) {
	for _, zf := range x.zr.File {
		if strings.EqualFold(zf.Name, name) {
			return zf.Open()
		}
	}
	return nil, fmt.Errorf("no part %s", name)
}

// attrsOf returns the attributes of the elements named local in part name, in order;
// more than maxMergedRows of them is errMerges.
func (x xlsxParts) attrsOf(name, local string) ([]map[string]string, error) {
	rc, err := x.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []map[string]string
	d := xml.NewDecoder(io.LimitReader(rc, maxXLSXUnzipped))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			m := map[string]string{}
			for _, a := range se.Attr {
				m[a.Name.Local] = a.Value
			}
			out = append(out, m)
			if len(out) > maxMergedRows {
				return nil, errMerges
			}
		}
	}
}

// sheetPart returns the name of the part that holds sheet: the workbook names the
// sheet's relationship, which names the part.
func (x xlsxParts) sheetPart(sheet string) (string, error) {
	sheets, err := x.attrsOf("xl/workbook.xml", "sheet")
	if err != nil {
		return "", err
	}
	id := ""
	for _, sh := range sheets {
		if sh["name"] == sheet {
			id = sh["id"]
		}
	}
	rels, err := x.attrsOf("xl/_rels/workbook.xml.rels", "Relationship")
	if err != nil {
		return "", err
	}
	part := ""
	for _, r := range rels {
		if r["Id"] == id && id != "" {
			part = r["Target"]
		}
	}
	if part == "" {
		return "", fmt.Errorf("no part for sheet %q", sheet)
	}
	if strings.HasPrefix(part, "/") {
		return strings.TrimPrefix(part, "/"), nil
	}
	return pathpkg.Join("xl", part), nil
}

// parseMergeRef reads the ref of a merged range ("B2:C4", corners in any order).
func parseMergeRef(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
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
	// The merges down from this row give their value to the rows below.
	for _, m := range s.starts[s.n] {
		v := ""
		if m.c1-1 < len(cells) {
			v = cells[m.c1-1]
		}
		for r := m.r1 + 1; r <= m.r2; r++ {
			s.down[r] = append(s.down[r], fill{m.c1 - 1, v})
		}
	}
	fills := s.down[s.n]
	delete(s.down, s.n)
	return tableRow{cells: cells, line: s.n, merged: s.across[s.n], fills: fills}, nil
}
