package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/internal/safetext"
	"github.com/controlgraph/controlgraph/internal/wire"
)

// ReadJSON reads frameworks from a JSON document: either one framework object, as in
// the files under catalog/data, or the export document {"frameworks": [...]} that
// `controlgraph export --format json` writes (its "mappings" are ignored here; see
// package mappings). Decoding is strict: unknown fields, a field given twice in one
// object, missing IDs or titles, duplicate IDs and dangling parents are errors. Every problem is reported as a
// [*DataError] naming file (name), line, record ("framework.controls[3]"), field and
// value; the line of a problem with a control is where its object begins.
func ReadJSON(name string, data []byte) ([]Framework, error) {
	return readJSON(name, data, false)
}

// readJSON decodes frameworks; trusted input (the embedded data, which the tests
// check in full) skips the checks that [New] repeats anyway.
func readJSON(name string, data []byte, trusted bool) ([]Framework, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if trusted {
		var wf wire.Framework
		if err := codec.DecodeTrusted(data, &wf); err != nil {
			return nil, jsonError(name, err)
		}
		return []Framework{fromWire(wf)}, nil
	}
	wfs, isDoc, err := decodeFrameworks(name, data)
	if err != nil {
		return nil, err
	}
	fws := make([]Framework, len(wfs))
	for i, wf := range wfs {
		fws[i] = fromWire(wf)
	}
	if err := checkFrameworks(name, data, fws, isDoc); err != nil {
		return nil, err
	}
	return fws, nil
}

// decodeFrameworks decodes data strictly as one framework object, unless its top
// level has "frameworks": then as the export document (isDoc). Trying the framework
// first spares decoding everything twice.
func decodeFrameworks(name string, data []byte) (wfs []wire.Framework, isDoc bool, err error) {
	var wf wire.Framework
	err = codec.DecodeStrict(data, &wf)
	var se *codec.SyntaxError
	switch {
	case err == nil:
		return []wire.Framework{wf}, false, nil
	case errors.As(err, &se) && errors.Is(err, codec.ErrUnknownField) && se.Path == "frameworks":
		var doc wire.Document
		if err := codec.DecodeStrict(data, &doc); err != nil {
			return nil, true, jsonError(name, err)
		}
		return doc.Frameworks, true, nil
	}
	return nil, false, jsonError(name, err)
}

// checkFrameworks reports the problems of the decoded frameworks of data, each
// framework on its own and IDs given twice, with the line of the record at fault.
func checkFrameworks(name string, data []byte, fws []Framework, isDoc bool) error {
	var p problems
	seen := map[FrameworkID]bool{}
	// Lines are looked up only for problems, so valid input costs nothing; the
	// index is built once, on the first problem.
	lines := codec.NewLines(data)
	for i, f := range fws {
		rec, path := fmt.Sprintf("frameworks[%d]", i), fmt.Sprintf("frameworks[%d]", i)
		if !isDoc {
			rec, path = "framework", ""
		}
		lineOf := lines.Of
		if seen[f.ID] {
			p.add(&DataError{File: name, Line: lineOf(path), Record: rec, Field: "id", Value: string(f.ID), Err: ErrDuplicateFramework})
		}
		seen[f.ID] = true
		checkFramework(f, &p, func(ci int) (string, int, string) {
			if ci < 0 {
				return name, lineOf(path), rec
			}
			cp := fmt.Sprintf("controls[%d]", ci)
			if path != "" {
				cp = path + "." + cp
			}
			return name, lineOf(cp), fmt.Sprintf("%s.controls[%d]", rec, ci)
		})
	}
	return p.err()
}

func jsonError(name string, err error) error {
	de := &DataError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	var se *codec.SyntaxError
	if errors.As(err, &se) {
		de.Line = se.Line
		de.Record, de.Field = splitJSONPath(se.Path)
		if se.Field != "" {
			de.Field = se.Field
		}
		if errors.Is(se.Err, codec.ErrUnknownField) {
			de.Err = fmt.Errorf("%w (column %d)", ErrUnknownField, se.Column)
		} else {
			de.Err = fmt.Errorf("%w: column %d: %v", ErrMalformed, se.Column, se.Err)
		}
	}
	return de
}

// splitJSONPath splits the path of a decoding error ("controls[3].attributes.x[0]")
// into the record, named as [ReadJSON] names records ("framework.controls[3]"), and the
// field within it ("attributes.x[0]").
func splitJSONPath(path string) (record, field string) {
	if path == "" {
		return "", ""
	}
	record = "framework"
	if strings.HasPrefix(path, "frameworks[") {
		record = ""
	}
	cut := 0
	for _, p := range []string{"frameworks[", "controls["} {
		if i := strings.LastIndex(path, p); i >= 0 {
			if j := strings.IndexByte(path[i:], ']'); j >= 0 && i+j+1 > cut {
				cut = i + j + 1
			}
		}
	}
	if cut > 0 {
		if record != "" {
			record += "."
		}
		record += path[:cut]
	}
	return record, strings.TrimPrefix(path[cut:], ".")
}

// checkFramework reports the problems of one framework on its own (everything but
// AnnexOf, which needs the whole catalog).
func checkFramework(f Framework, p *problems, where func(ci int) (file string, line int, record string)) {
	// where is asked only for problems.
	if !validFrameworkID(f.ID) {
		file, line, rec := where(-1)
		p.add(&DataError{File: file, Line: line, Record: rec, Field: "id", Value: string(f.ID),
			Err: fmt.Errorf("%w: a framework ID is lower-case letters, digits, '-', '_' and '.', with one optional ':' before the version", ErrInvalidValue)})
	}
	if strings.TrimSpace(f.Name) == "" {
		file, line, rec := where(-1)
		p.add(&DataError{File: file, Line: line, Record: rec, Field: "name", Err: ErrEmptyField})
	}
	newFwData(f, 0, true, func(ci int, field, value string, err error) {
		file, line, rec := where(ci)
		if ci >= 0 && f.Controls[ci].ID != "" && !strings.Contains(rec, f.Controls[ci].ID) {
			rec += " (id " + safetext.Quote(f.Controls[ci].ID) + ")"
		}
		p.add(&DataError{File: file, Line: line, Record: rec, Field: field, Value: value, Err: err})
	})
}

func fromWire(wf wire.Framework) Framework {
	f := Framework{
		ID: FrameworkID(wf.ID), Name: wf.Name, Version: wf.Version, Publisher: wf.Publisher,
		Source: wf.Source, Licence: wf.Licence, Aliases: slices.Clone(wf.Aliases),
		AnnexOf: FrameworkID(wf.AnnexOf), QualifiedOnly: wf.QualifiedOnly,
		Controls: make([]ControlSpec, len(wf.Controls)),
	}
	for _, k := range wf.ItemKinds {
		f.ItemKinds = append(f.ItemKinds, Kind(k))
	}
	for i, wc := range wf.Controls {
		f.Controls[i] = ControlSpec{ID: wc.ID, Title: wc.Title, Kind: Kind(wc.Kind), Parent: wc.Parent, Summary: wc.Summary, Attributes: wc.Attributes}
	}
	return f
}

func toWire(f Framework) wire.Framework {
	wf := wire.Framework{
		ID: string(f.ID), Name: f.Name, Version: f.Version, Publisher: f.Publisher,
		Source: f.Source, Licence: f.Licence, Aliases: slices.Clone(f.Aliases),
		AnnexOf: string(f.AnnexOf), QualifiedOnly: f.QualifiedOnly,
		Controls: make([]wire.Control, len(f.Controls)),
	}
	for _, k := range f.ItemKinds {
		wf.ItemKinds = append(wf.ItemKinds, string(k))
	}
	for i, s := range f.Controls {
		k := s.Kind
		if k == "" {
			k = KindControl
		}
		var attrs map[string][]string
		if len(s.Attributes) > 0 {
			attrs = make(map[string][]string, len(s.Attributes))
			for n, v := range s.Attributes {
				attrs[n] = slices.Clone(v)
			}
		}
		wf.Controls[i] = wire.Control{ID: s.ID, Title: s.Title, Kind: string(k), Parent: s.Parent, Summary: s.Summary, Attributes: attrs}
	}
	return wf
}

// MarshalJSON encodes the framework in the shape [ReadJSON] reads (one framework
// object), so that a write and a read give the same framework back.
func (f Framework) MarshalJSON() ([]byte, error) {
	return codec.Marshal(toWire(f))
}

// WriteJSON writes frameworks as the document {"frameworks": [...]}, indented, in the
// order given. [ReadJSON] reads it back unchanged.
func WriteJSON(w io.Writer, fws ...Framework) error {
	if len(fws) == 0 {
		// The document must still say "frameworks", or it would read back as one
		// framework with nothing in it.
		_, err := io.WriteString(w, "{\n  \"frameworks\": []\n}\n")
		return err
	}
	doc := wire.Document{Frameworks: make([]wire.Framework, len(fws))}
	for i, f := range fws {
		doc.Frameworks[i] = toWire(f)
	}
	return codec.Encode(w, doc)
}

// CSV columns with a fixed meaning in [ReadCSV] and [WriteCSV].
var csvFixed = []string{"id", "title", "kind", "parent", "summary"}

// fixedColumn returns the fixed column a header cell names ("ID", " Title ",
// "SUMMARY" and "sum-mary" all name theirs: case, spaces and punctuation do not
// matter), "" for an attribute column.
func fixedColumn(h string) string {
	k := csvdialect.Key(h)
	if slices.Contains(csvFixed, k) {
		return k
	}
	return ""
}

// ReadCSV reads the controls of one framework from CSV and returns meta with those
// controls.
//
// The file is read as spreadsheets write it: UTF-8 with or without a byte-order
// mark, or UTF-16 (Excel's "Unicode Text"); fields separated by ',', ';' (Excel in
// much of Europe) or a tab, whichever reads the first row as a header with the most
// fixed columns; lines ending in LF or CRLF. Text in another encoding (Latin-1,
// Windows-1252) is refused with an error saying how to save the file.
//
// The header row (the first non-blank row) names the columns: "id" and "title" are
// required; "kind", "parent" and "summary" are optional, their names compared without
// regard to case, spaces and punctuation ("ID", "Title", "SUMMARY"); every other
// column is an attribute, named by its header in lower case and trimmed, whose cell
// holds values separated by ';' (an empty cell means no value; "\;" is a ';' inside a
// value and "\\" a backslash). Cells are trimmed, and one apostrophe before '=', '+',
// '-', '@', a tab, a carriage return or another apostrophe is taken off (what
// [WriteCSV] puts there against formula injection).
//
// Problems are reported as [*DataError] values naming file (name), line, field and
// value; a row with more or fewer cells than the header stops the reading, and so
// does input past the limits (a file of 256 MiB, a line of 1 MiB, a cell of 64 KiB),
// which is refused as soon as it is read.
func ReadCSV(name string, r io.Reader, meta Framework) (Framework, error) {
	cr, _ := csvdialect.Open(limits.NewReaderSize(r, limits.File, 0), csvdialect.Config{Header: csvdialect.ColumnsHeader(csvFixed...), MaxLine: limits.Line})
	cols, err := readCSVHeader(name, cr)
	if err != nil {
		return Framework{}, err
	}
	f := meta
	f.Aliases = slices.Clone(meta.Aliases)
	f.Controls = nil
	lines, err := readCSVControls(name, cr, cols, &f)
	if err != nil {
		return Framework{}, err
	}
	var p problems
	checkFramework(f, &p, func(ci int) (string, int, string) {
		if ci < 0 {
			return name, 0, ""
		}
		return name, lines[ci], fmt.Sprintf("row %d", ci+1)
	})
	if err := p.err(); err != nil {
		return Framework{}, err
	}
	return f, nil
}

// readCSVHeader reads the header row and returns the name of each column: a fixed
// column's, or the attribute's. A missing "id" or "title" column, an empty name and a
// name given twice are problems, all returned together.
func readCSVHeader(name string, cr *csv.Reader) ([]string, error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &DataError{File: name, Line: 1, Err: fmt.Errorf("%w: no header row", ErrMalformed)}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	// The header's own line: the reader skips blank lines before it.
	hline, _ := cr.FieldPos(0)
	if err := badText(name, hline, header); err != nil {
		return nil, err
	}
	cols := make([]string, len(header))
	var p problems
	for i, h := range header {
		h = strings.ToLower(csvsafe.Unescape(strings.TrimSpace(h))) // an attribute name may be escaped too
		if c := fixedColumn(h); c != "" {
			h = c
		}
		cols[i] = h
		if h == "" {
			p.add(&DataError{File: name, Line: hline, Field: fmt.Sprintf("column %d", i+1), Err: fmt.Errorf("%w: empty column name", ErrEmptyField)})
		} else if slices.Index(cols[:i], h) >= 0 {
			p.add(&DataError{File: name, Line: hline, Field: h, Err: fmt.Errorf("%w: column given twice", ErrDuplicateID)})
		}
	}
	for _, req := range []string{"id", "title"} {
		if !slices.Contains(cols, req) {
			p.add(&DataError{File: name, Line: hline, Field: req, Err: fmt.Errorf("%w: the header has no %q column", ErrEmptyField, req)})
		}
	}
	return cols, p.err()
}

// readCSVControls reads the rows below the header into f.Controls and returns the
// line of each. It stops at the first row it cannot read (a wrong number of cells,
// broken quoting, a cell past its limit, text not in UTF-8).
func readCSVControls(name string, cr *csv.Reader, cols []string, f *Framework) ([]int, error) {
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return lines, nil
		}
		if errors.Is(err, csv.ErrFieldCount) {
			line, _ := cr.FieldPos(0)
			return nil, &DataError{File: name, Line: line,
				Err: fmt.Errorf("%w: the header has %d columns, this row %d", ErrMalformed, len(cols), len(rec))}
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if err := bigCell(name, cr, cols, rec); err != nil {
			return nil, err
		}
		if err := badText(name, line, rec); err != nil {
			return nil, err
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		f.Controls = append(f.Controls, controlOfRow(cols, rec))
		lines = append(lines, line)
	}
}

// controlOfRow reads one row of cells, under the columns cols, as a control.
func controlOfRow(cols, rec []string) ControlSpec {
	var s ControlSpec
	for i, v := range rec {
		v = csvsafe.Unescape(strings.TrimSpace(v))
		switch cols[i] {
		case "id":
			s.ID = v
		case "title":
			s.Title = v
		case "kind":
			s.Kind = Kind(strings.ToLower(v))
		case "parent":
			s.Parent = v
		case "summary":
			s.Summary = v
		default:
			vals := splitValues(v)
			if len(vals) > 0 {
				if s.Attributes == nil {
					s.Attributes = map[string][]string{}
				}
				s.Attributes[cols[i]] = vals
			}
		}
	}
	return s
}

// badText refuses a row with a cell that is not UTF-8 text: a file saved in another
// encoding.
func badText(name string, line int, rec []string) error {
	if be := csvdialect.BadUTF8(rec); be != nil {
		return &DataError{File: name, Line: line, Field: fmt.Sprintf("column %d", be.Column), Value: rec[be.Column-1],
			Err: fmt.Errorf("%w: %w", ErrMalformed, be)}
	}
	return nil
}

// bigCell refuses a cell larger than [limits.Field].
func bigCell(name string, cr *csv.Reader, cols, rec []string) error {
	for i, v := range rec {
		if len(v) > limits.Field {
			line, _ := cr.FieldPos(i)
			return &DataError{File: name, Line: line, Field: cols[i], Value: v,
				Err: fmt.Errorf("%w: %w, this one %d", ErrInvalidValue, &limits.Error{What: "cell", Limit: limits.Field}, len(v))}
		}
	}
	return nil
}

func csvError(name string, err error) error {
	var le *limits.Error
	if errors.As(err, &le) {
		return &DataError{File: name, Line: le.Line, Err: fmt.Errorf("%w: %w", ErrMalformed, le)}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &DataError{File: name, Line: pe.Line, Field: fmt.Sprintf("column %d", pe.Column), Err: fmt.Errorf("%w: %v", ErrMalformed, pe.Err)}
	}
	return &DataError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
}

// WriteCSV writes the controls of f in the form [ReadCSV] reads: the fixed columns,
// then one column per attribute name in use, sorted. A ';' or '\' inside a value is
// written with a backslash before it. Attribute names that [ReadCSV] could not give
// back (one that reads as a fixed column, such as "title" or "sum-mary"; upper case;
// surrounding spaces) are an error, and
// nothing is written. A cell that starts with '=', '+', '-', '@', a tab, a carriage
// return or an apostrophe gets an apostrophe in front, so that a spreadsheet shows it
// as text, and ReadCSV takes it off again. What CSV cannot hold is lost: an attribute with no values is
// an empty cell (read back as no attribute), and cells are read back trimmed.
func WriteCSV(w io.Writer, f Framework) error {
	seen := map[string]bool{}
	for ci, s := range f.Controls {
		for _, n := range slices.Sorted(maps.Keys(s.Attributes)) {
			if n == "" || n != strings.ToLower(strings.TrimSpace(n)) || fixedColumn(n) != "" {
				return &DataError{Record: fmt.Sprintf("control #%d %s", ci+1, safetext.Quote(s.ID)), Field: "attributes", Value: n,
					Err: fmt.Errorf("%w: CSV cannot hold this attribute name (a lower-case name other than %s)", ErrInvalidValue, strings.Join(csvFixed, ", "))}
			}
			seen[n] = true
		}
	}
	var attrs []string
	for n := range seen {
		attrs = append(attrs, n)
	}
	slices.Sort(attrs)
	csvw := csvsafe.NewWriter(w)
	if err := csvw.Write(append(slices.Clone(csvFixed), attrs...)); err != nil {
		return err
	}
	for _, s := range f.Controls {
		k := s.Kind
		if k == "" {
			k = KindControl
		}
		row := []string{s.ID, s.Title, string(k), s.Parent, s.Summary}
		for _, n := range attrs {
			vs := make([]string, len(s.Attributes[n]))
			for i, v := range s.Attributes[n] {
				vs[i] = escapeValue(v)
			}
			row = append(row, strings.Join(vs, ";"))
		}
		if err := csvw.Write(row); err != nil {
			return err
		}
	}
	csvw.Flush()
	return csvw.Error()
}

// splitValues splits a CSV attribute cell at each ';' not escaped with a backslash,
// trims the values and drops empty ones. "\;" stands for ';' and "\\" for '\'; a
// backslash before any other character is kept as written.
func splitValues(cell string) []string {
	var vals []string
	var b strings.Builder
	flush := func() {
		if v := strings.TrimSpace(b.String()); v != "" {
			vals = append(vals, v)
		}
		b.Reset()
	}
	for i := 0; i < len(cell); i++ {
		switch c := cell[i]; {
		case c == '\\' && i+1 < len(cell) && (cell[i+1] == ';' || cell[i+1] == '\\'):
			b.WriteByte(cell[i+1])
			i++
		case c == ';':
			flush()
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return vals
}

// escapeValue is the inverse of [splitValues] for one value.
func escapeValue(v string) string {
	if !strings.ContainsAny(v, ";\\") {
		return v
	}
	v = strings.ReplaceAll(v, "\\", "\\\\")
	return strings.ReplaceAll(v, ";", "\\;")
}
