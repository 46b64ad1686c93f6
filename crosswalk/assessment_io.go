package crosswalk

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
)

// ReadOption changes how an assessment is read. Make them with [WithBaseline].
type ReadOption interface {
	applyRead(*readConfig)
}

type readConfig struct {
	baseline catalog.FrameworkID
}

type baselineOpt catalog.FrameworkID

func (b baselineOpt) applyRead(c *readConfig) { c.baseline = catalog.FrameworkID(b) }
func (b baselineOpt) applyGap(c *gapConfig)   { c.baseline = catalog.FrameworkID(b) }

// WithBaseline names the framework an assessment rates, when a CSV file (which cannot
// say) or a JSON file without "baseline" is read, and the baseline of
// [Crosswalk.Requirements]. The default is [DefaultBaseline]. It is both a [ReadOption]
// and a [GapOption].
func WithBaseline(fw catalog.FrameworkID) interface {
	ReadOption
	GapOption
} {
	return baselineOpt(fw)
}

var csvColumns = []string{"control", "status", "justification", "owner", "evidence", "notes"}

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

// ReadAssessmentCSV reads an assessment from CSV: a header row naming the columns
// control and status (required) and any of justification, owner, evidence, notes, in
// any order and case; then one row per control. A UTF-8 byte-order mark is skipped.
// Controls may be written in any spelling cat resolves within the baseline ("5.1",
// "A.5.1", "ISO27002:5.1"). name is the file name used in errors. Every problem is
// reported, as [*AssessmentError] values joined with [errors.Join], with its line,
// field and value.
func ReadAssessmentCSV(name string, r io.Reader, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	cat, cfg := readSetup(cat, opts)
	var p problemList
	fw, err := cat.ResolveFramework(string(cfg.baseline))
	if err != nil {
		p.add(&AssessmentError{File: name, Field: "baseline", Value: string(cfg.baseline), Err: fmt.Errorf("%w: %v", ErrWrongFramework, err)})
		return nil, p.err()
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		p.add(&AssessmentError{File: name, Line: 1, Err: fmt.Errorf("%w: empty file, want a header row", ErrMissingColumn)})
		return nil, p.err()
	}
	if err != nil {
		p.add(csvError(name, err))
		return nil, p.err()
	}
	col := map[string]int{}
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(h))
		switch {
		case !contains(csvColumns, k):
			p.add(&AssessmentError{File: name, Line: 1, Field: "header", Value: h, Err: fmt.Errorf("%w (want %s)", ErrUnknownColumn, strings.Join(csvColumns, ", "))})
		case col[k] != 0:
			p.add(&AssessmentError{File: name, Line: 1, Field: "header", Value: h, Err: fmt.Errorf("%w: column given twice", ErrDuplicate)})
		default:
			col[k] = i + 1
		}
	}
	for _, req := range csvColumns[:2] {
		if col[req] == 0 {
			p.add(&AssessmentError{File: name, Line: 1, Field: req, Err: ErrMissingColumn})
		}
	}
	if len(p.list) > 0 {
		return nil, p.err()
	}
	cell := func(rec []string, k string) string {
		if i := col[k]; i > 0 && i <= len(rec) {
			return csvsafe.Unescape(strings.TrimSpace(rec[i-1]))
		}
		return ""
	}
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.add(csvError(name, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		if len(rec) > len(header) {
			p.add(&AssessmentError{File: name, Line: line, Field: "row", Value: strings.Join(rec[len(header):], ","),
				Err: fmt.Errorf("%w: %d fields, the header has %d", ErrMalformed, len(rec), len(header))})
			continue
		}
		rows = append(rows, row{
			Entry: Entry{
				Justification: cell(rec, "justification"),
				Owner:         cell(rec, "owner"),
				Evidence:      cell(rec, "evidence"),
				Notes:         cell(rec, "notes"),
				Line:          line,
			},
			control: cell(rec, "control"),
			status:  cell(rec, "status"),
		})
	}
	return buildAssessment(cat, name, fw, rows, &p, true)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func csvError(name string, err error) *AssessmentError {
	e := &AssessmentError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e.Line = pe.Line
		e.Err = fmt.Errorf("%w: column %d: %v", ErrMalformed, pe.Column, pe.Err)
	}
	return e
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
// name the record (controls[i]) instead of a line.
func ReadAssessmentJSON(name string, data []byte, cat *catalog.Catalog, opts ...ReadOption) (*Assessment, error) {
	cat, cfg := readSetup(cat, opts)
	var p problemList
	var doc assessmentJSON
	if err := codec.DecodeStrict(bytes.TrimPrefix(data, []byte("\uFEFF")), &doc); err != nil {
		e := &AssessmentError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		var se *codec.SyntaxError
		if errors.As(err, &se) {
			e.Line = se.Line
		}
		p.add(e)
		return nil, p.err()
	}
	base := cfg.baseline
	if doc.Baseline != "" {
		base = catalog.FrameworkID(doc.Baseline)
	}
	fw, err := cat.ResolveFramework(string(base))
	if err != nil {
		p.add(&AssessmentError{File: name, Field: "baseline", Value: string(base), Err: fmt.Errorf("%w: %v", ErrWrongFramework, err)})
		return nil, p.err()
	}
	rows := make([]row, len(doc.Controls))
	for i, c := range doc.Controls {
		rows[i] = row{
			Entry:   Entry{Justification: c.Justification, Owner: c.Owner, Evidence: c.Evidence, Notes: c.Notes},
			rec:     i + 1,
			control: c.Control,
			status:  c.Status,
		}
	}
	return buildAssessment(cat, name, fw, rows, &p, true)
}

// WriteCSV writes the assessment as CSV with the header
// control,status,justification,owner,evidence,notes and one row per entry in
// document order, the control by its ID in the baseline. [ReadAssessmentCSV] reads it
// back to the same entries (lines aside). A cell that starts with '=', '+', '-', '@',
// a tab, a carriage return or an apostrophe gets an apostrophe in front, so that a
// spreadsheet shows it as text; the reader takes it off again.
func (a *Assessment) WriteCSV(w io.Writer) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, e := range a.entries {
		if err := cw.Write([]string{e.Control.ID, e.Status.String(), e.Justification, e.Owner, e.Evidence, e.Notes}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
