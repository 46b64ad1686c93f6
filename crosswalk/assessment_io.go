package crosswalk

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	pathpkg "path"
	"strings"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
)

// ReadOption changes how an assessment is read. Make them with [WithBaseline], [WithSheet] and [WithStrict].
type ReadOption interface {
	applyRead(*readConfig)
}

type readConfig struct {
	baseline catalog.FrameworkID
	sheet    string
	strict   bool
}

type baselineOpt catalog.FrameworkID

func (b baselineOpt) applyRead(c *readConfig) { c.baseline = catalog.FrameworkID(b) }
func (b baselineOpt) applyGap(c *gapConfig)   { c.baseline = catalog.FrameworkID(b) }

// BaselineOption is an option both of the assessment readers and of the gap queries.
type BaselineOption interface {
	ReadOption
	GapOption
}

// WithBaseline names the framework an assessment rates, when a CSV or XLSX file (which
// cannot say) or a JSON file without "baseline" is read, and the baseline of
// [Crosswalk.Requirements]. The default is [DefaultBaseline]. It is both a [ReadOption]
// and a [GapOption].
func WithBaseline(fw catalog.FrameworkID) BaselineOption { return baselineOpt(fw) }

type sheetOpt string

func (s sheetOpt) applyRead(c *readConfig) { c.sheet = string(s) }

// WithSheet names the sheet of an XLSX workbook to read (its case does not matter);
// the default is the first sheet. Other formats ignore it.
func WithSheet(name string) ReadOption { return sheetOpt(name) }

type strictOpt struct{}

func (strictOpt) applyRead(c *readConfig) { c.strict = true }

// WithStrict makes a reader refuse what it otherwise accepts with a warning (see
// [Assessment.Warnings]): a column it does not know, a row it skips, a control
// without a status, a control written with a text that is not its title, cells right
// of the header. Each is then an error. A file that leaves controls of the baseline
// unrated is still read, with its warning ([ErrIncomplete]).
func WithStrict() ReadOption { return strictOpt{} }

// readSetup returns the catalog to read against (catalog.Default for nil) and the
// options applied to the defaults.
func readSetup(cat *catalog.Catalog, opts []ReadOption) (*catalog.Catalog, readConfig) {
	if cat == nil {
		cat = catalog.Default()
	}
	cfg := readConfig{baseline: DefaultBaseline}
	for _, o := range opts {
		if o != nil {
			o.applyRead(&cfg)
		}
	}
	return cat, cfg
}

// baselineOf resolves the baseline of cfg, adding a problem to p when it cannot.
func baselineOf(name string, cat *catalog.Catalog, base catalog.FrameworkID, p *problemList) (catalog.FrameworkID, bool) {
	fw, err := cat.ResolveFramework(string(base))
	if err != nil {
		p.add(&catalog.DataError{File: name, Field: "baseline", Value: string(base), Err: fmt.Errorf("%w: %v", ErrWrongFramework, err)})
		return "", false
	}
	return fw, true
}

// ReadAssessment reads an assessment in any form the package reads, told apart by its
// content: an XLSX workbook ([ReadAssessmentXLSX]), JSON ([ReadAssessmentJSON]: the
// content starts with '{', or name ends in ".json"), else CSV
// ([ReadAssessmentCSV]). An Excel 97–2003 workbook (.xls) is refused with a message
// saying how to save it. It reads at most [MaxAssessmentBytes] of r.
//
// The error of a file with problems (of every reader here) is the errors found,
// joined with [errors.Join], each a [*catalog.DataError] (or "... and n more
// problems"), followed by the warnings found with them, each a [*catalog.DataError]
// with Warning set (its message starts "warning: "), so that no problem is lost;
// with [WithStrict] those warnings are errors, Warning unset.
func ReadAssessment(name string, r io.Reader, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return ReadAssessmentXLSX(name, br, cat, opts...)
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: an Excel 97-2003 workbook (.xls) or another OLE file; save it as an Excel workbook (.xlsx) or as \"CSV UTF-8\"", ErrMalformed)}
	case looksJSON(head) || strings.EqualFold(pathpkg.Ext(name), ".json"):
		data, err := readCapped(br)
		if err != nil {
			return nil, readError(name, err)
		}
		return ReadAssessmentJSON(name, data, cat, opts...)
	}
	return ReadAssessmentCSV(name, br, cat, opts...)
}

// looksJSON reports whether data starts, after a UTF-8 byte-order mark and white
// space, with '{'.
func looksJSON(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), []byte("{"))
}

// readError is the error of a failed read of the file itself.
func readError(name string, err error) error {
	if errors.Is(err, ErrTooLarge) {
		return &catalog.DataError{File: name, Err: err}
	}
	return fmt.Errorf("%s: %w", name, err)
}

// ReadAssessmentCSV reads an assessment from CSV as spreadsheets write it:
//
//   - the separator is ',', ';' (Excel in much of Europe) or a tab, found from the
//     file; the text UTF-8, with or without a byte-order mark, or UTF-16 with a
//     byte-order mark (Excel's "Unicode Text"); lines end in LF or CRLF;
//   - the header row is the first row with a control column, so a title block above
//     it is skipped; it must have a status column, and may have justification, owner,
//     evidence and notes columns, in any order, under the names people use (see
//     README, "Assessment files": "Control ID", "Ref", "Annex A", "Implementation
//     status", "Comments", ...; case, spaces and punctuation do not matter). Other
//     columns are ignored, with one warning ([Assessment.Warnings]);
//   - then one row per control, the control in any spelling cat resolves within the
//     baseline ("5.1", "A.5.1", "ISO27002:5.1", "iso27001:2022/A.5.1") or that
//     spreadsheets use ("A5.1", "Annex A 5.1", "A.5.1 Policies for information
//     security"), the status in a word [ParseStatus] reads. Blank rows, section
//     headings (a theme, by ID or title, with no status) and rows with neither a
//     control nor a status are skipped; a control with an empty status is left not
//     assessed, with a warning.
//
// name is the file name used in errors. Every problem is reported, as
// [*catalog.DataError] values joined with [errors.Join], with its line, field and value.
// The warnings found are joined after the errors (see [ReadAssessment]). A file
// larger than [MaxAssessmentBytes] or a field longer than [MaxFieldChars] is
// refused; reading stops at the limit.
func ReadAssessmentCSV(name string, r io.Reader, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	cat, cfg := readSetup(cat, opts)
	p := problemList{strict: cfg.strict}
	fw, ok := baselineOf(name, cat, cfg.baseline, &p)
	if !ok {
		return nil, p.err()
	}
	cr, d := csvdialect.Open(newCapReader(r), csvdialect.Config{Header: csvHeader, Search: maxHeaderSearch})
	cr.FieldsPerRecord = -1
	in := &Input{Format: "csv", Encoding: d.Encoding, Delimiter: d.Delimiter}
	return tableAssessment(name, &csvSource{cr: cr, name: name}, cat, fw, in, &p, true)
}

// assessmentJSON is the wire shape of an assessment file.
type assessmentJSON struct {
	Baseline string          `json:"baseline,omitempty"`
	Controls []assessmentRow `json:"controls"`
}

type assessmentRow struct {
	Control       string `json:"control"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
	Owner         string `json:"owner,omitempty"`
	Evidence      string `json:"evidence,omitempty"`
	Notes         string `json:"notes,omitempty"`
}

// ReadAssessmentJSON reads an assessment from JSON of the shape
//
//	{"baseline": "iso27002:2022", "controls": [{"control": "5.1", "status": "implemented",
//	  "justification": "...", "owner": "...", "evidence": "...", "notes": "..."}]}
//
// Unknown fields and trailing data are errors. "baseline" is optional ([WithBaseline],
// else [DefaultBaseline]); controls are checked as by [ReadAssessmentCSV], and errors
// name the record (controls[i]) instead of a line; the warnings found are joined
// after the errors (see [ReadAssessment]).
func ReadAssessmentJSON(name string, data []byte, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	cat, cfg := readSetup(cat, opts)
	p := problemList{strict: cfg.strict}
	if len(data) > MaxAssessmentBytes {
		p.add(&catalog.DataError{File: name, Err: errTooLarge})
		return nil, p.err()
	}
	// Refused before decoding: the JSON decoder mangles or panics on invalid UTF-8
	// (issue 15), and a reader should say where the bad byte is anyway.
	if off := invalidUTF8(data); off >= 0 {
		p.add(&catalog.DataError{File: name, Err: fmt.Errorf("%w: not UTF-8 text (byte 0x%X at offset %d); save the file as UTF-8", ErrMalformed, data[off], off)})
		return nil, p.err()
	}
	var doc assessmentJSON
	if err := codec.DecodeStrict(bytes.TrimPrefix(data, []byte("\uFEFF")), &doc); err != nil {
		e := &catalog.DataError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		var se *codec.SyntaxError
		if errors.As(err, &se) {
			e.Line = se.Line
		}
		p.add(e)
		return nil, p.err()
	}
	return assessmentFromDoc(name, doc, cat, cfg, &p)
}

// assessmentFromDoc builds the assessment a decoded JSON document describes.
func assessmentFromDoc(name string, doc assessmentJSON, cat *catalog.Catalog, cfg readConfig, p *problemList) (*Assessment, error) {
	base := cfg.baseline
	if doc.Baseline != "" {
		base = catalog.FrameworkID(doc.Baseline)
	}
	fw, ok := baselineOf(name, cat, base, p)
	if !ok {
		return nil, p.err()
	}
	if len(doc.Controls) > MaxAssessmentRows {
		p.add(&catalog.DataError{File: name, Field: "controls", Err: fmt.Errorf("%w: %d records, the limit is %d (one per control)", ErrTooLarge, len(doc.Controls), MaxAssessmentRows)})
		return nil, p.err()
	}
	rows := make([]row, len(doc.Controls))
	for i, c := range doc.Controls {
		for j, v := range []string{c.Control, c.Status, c.Justification, c.Owner, c.Evidence, c.Notes} {
			field := csvColumns[j]
			if n := utf8.RuneCountInString(v); n > MaxFieldChars {
				p.add(&catalog.DataError{File: name, Record: fmt.Sprintf("controls[%d]", i), Field: field, Value: v,
					Err: fmt.Errorf("%w: %d characters in one field, the limit is %d", ErrTooLarge, n, MaxFieldChars)})
			}
		}
		rows[i] = row{
			Entry:   Entry{Justification: c.Justification, Owner: c.Owner, Evidence: c.Evidence, Notes: c.Notes},
			rec:     i + 1,
			control: c.Control,
			status:  c.Status,
		}
	}
	if len(p.list) > 0 {
		return nil, p.err()
	}
	return buildAssessment(cat, name, fw, rows, p, &Input{Format: "json"})
}

// WriteCSV writes the assessment as CSV with the header
// control,status,justification,owner,evidence,notes and one row per entry in
// document order, the control by its ID in the baseline. [ReadAssessmentCSV] reads it
// back to the same entries (lines aside). A cell that starts with '=', '+', '-', '@',
// a tab, a carriage return or an apostrophe gets an apostrophe in front, so that a
// spreadsheet shows it as text; the reader takes it off again.
func (a *Assessment) WriteCSV(w io.Writer) error {
	csvw := csvsafe.NewWriter(w)
	if err := csvw.Write(csvColumns); err != nil {
		return err
	}
	for _, e := range a.entries {
		if err := csvw.Write([]string{e.Control.ID, e.Status.String(), e.Justification, e.Owner, e.Evidence, e.Notes}); err != nil {
			return err
		}
	}
	csvw.Flush()
	return csvw.Error()
}

// MarshalJSON encodes the assessment in the shape [ReadAssessmentJSON] reads.
func (a *Assessment) MarshalJSON() ([]byte, error) {
	doc := assessmentJSON{Baseline: string(a.baseline), Controls: make([]assessmentRow, len(a.entries))}
	for i, e := range a.entries {
		doc.Controls[i] = assessmentRow{Control: e.Control.ID, Status: e.Status.String(),
			Justification: e.Justification, Owner: e.Owner, Evidence: e.Evidence, Notes: e.Notes}
	}
	return codec.Marshal(doc)
}

// invalidUTF8 returns the offset of the first byte of data that is not valid UTF-8,
// -1 when all of it is.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
