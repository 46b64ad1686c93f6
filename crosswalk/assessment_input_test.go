package crosswalk

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// entries returns the entries of a without their lines, in document order.
func entries(a *Assessment) map[string]Status {
	m := map[string]Status{}
	for e := range a.All() {
		m[e.Control.ID] = e.Status
	}
	return m
}

// warningsOf returns the messages of a's warnings.
func warningsOf(a *Assessment) []string {
	var out []string
	for _, w := range a.Warnings() {
		out = append(out, w.Error())
	}
	return out
}

func TestParseStatusTable(t *testing.T) {
	// The table of README "Assessment files" and ParseStatus's doc comment.
	for want, words := range map[Status][]string{
		Implemented:    {"Implemented", "implemented", "YES", "Yes", "Done", "Complete", "In place", "in-place", "In\u00a0place"},
		Partial:        {"Partial", "Partially implemented", "partially-implemented", "In progress", "IN PROGRESS", "partly"},
		Planned:        {"Planned", "PLANNED"},
		NotImplemented: {"No", "Not implemented", "not_implemented", "Missing", "MISSING"},
		NotApplicable:  {"N/A", "n/a", "NA", "Not applicable", "Excluded", "excluded"},
	} {
		for _, w := range words {
			got, err := ParseStatus(w)
			require.NoError(t, err, w)
			assert.Equal(t, want, got, w)
		}
	}
	for _, bad := range []string{"", "maybe", "in", "not", "yes please", "not-assessed", "Implemented?"} {
		_, err := ParseStatus(bad)
		assert.ErrorIs(t, err, ErrUnknownStatus, bad)
	}

	// A file's error names the file, the line, the value and the accepted words.
	_, err := ReadAssessmentCSV("s.csv", strings.NewReader("Control,Status\n5.1,Yes\n5.2,Sort of\n"), nil)
	require.Error(t, err)
	assert.Equal(t, `s.csv:3: field "status" = "Sort of": unknown status "Sort of" (accepted, in any case: `+
		`implemented (also yes, done, complete, in place); partial (also partially implemented, in progress, partly, partly implemented); `+
		`planned; not-implemented (also no, missing); not-applicable (also n/a, na, excluded))`, err.Error())
}

func TestControlSpellings(t *testing.T) {
	for in, want := range map[string]string{
		"5.1":                    "5.1",
		"A.5.1":                  "5.1",
		"A5.1":                   "5.1",
		"a5.1":                   "5.1",
		"A 5.1":                  "5.1",
		"Annex A 5.1":            "5.1",
		"Annex A.5.1":            "5.1",
		"annex a 5.1":            "5.1",
		"5.01":                   "5.1",
		"5.10":                   "5.10",
		"A.05.10":                "5.10",
		"iso27001:2022/A.5.1":    "5.1",
		"ISO27001:A.8.16":        "8.16",
		"ISO/IEC 27002:2022 5.1": "5.1",
		"A.5.1 Policies for information security": "5.1",
		"5.1 Policies for information security":   "5.1",
		"5.1 - Policies for information security": "5.1",
		"5.1: policies for information security.": "5.1",
		"Annex A 8.16 Monitoring activities":      "8.16",
		"A.8.16\u00a0Monitoring activities":       "8.16",
		"  8.16  ":                                "8.16",
	} {
		csv := "control,status\n\"" + in + "\",implemented\n"
		a, err := ReadAssessmentCSV("c.csv", strings.NewReader(csv), nil)
		if !assert.NoError(t, err, in) {
			continue
		}
		assert.Equal(t, map[string]Status{want: Implemented}, entries(a), in)
		for _, w := range warningsOf(a) {
			assert.NotContains(t, w, "title", in)
		}
	}

	// An ID followed by a text that is not its title reads by the ID, with a warning.
	a, err := ReadAssessmentCSV("t.csv", strings.NewReader("control,status\n5.1 Access rules,implemented\n5.2 Roles,planned\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Implemented, "5.2": Planned}, entries(a))
	assert.Contains(t, warningsOf(a), `warning: t.csv:2: field "control" = "5.1 Access rules": 2 rows (lines 2, 3): the text after the control ID is not the control's title; read by the ID (here 5.1 "Policies for information security")`)

	// Errors stay precise: a control of another framework, a theme, no such control.
	_, err = ReadAssessmentCSV("e.csv", strings.NewReader("control,status\nGV.OC-01,implemented\n5,implemented\n5.99,implemented\nA 5.99 Something,implemented\n"), nil)
	require.Error(t, err)
	msgs := strings.Split(err.Error(), "\n")
	require.Len(t, msgs, 4, err.Error())
	assert.Contains(t, msgs[0], `e.csv:2: field "control" = "GV.OC-01": control is not of the assessment's baseline framework: nist-csf:2.0/GV.OC-01 is a control of nist-csf:2.0`)
	assert.Contains(t, msgs[1], `e.csv:3: field "control" = "5": not rated as a whole: iso27002:2022/5 is a theme; rate its parts: 5.1, 5.2`)
	assert.Contains(t, msgs[2], `e.csv:4: field "control" = "5.99": unknown control`)
	assert.Contains(t, msgs[3], `e.csv:5: field "control" = "A 5.99 Something": unknown control`)

	// The 2013 edition: "A5.1.1", "Annex A 12.4.1 Event logging".
	a, err = ReadAssessmentCSV("o.csv", strings.NewReader("control,status\nA5.1.1,implemented\nAnnex A 12.4.1 Event logging,partial\n"), nil,
		WithBaseline(catalog.ISO27002v2013))
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"A.5.1.1": Implemented, "A.12.4.1": Partial}, entries(a))
}

// excelSemicolon is an assessment as European Excel saves "CSV (semicolon)" in UTF-8:
// a byte-order mark, CRLF, ';', a title block, the column names people use.
const excelSemicolon = "\uFEFFAcme Ltd - Statement of Applicability;;;;;\r\n" +
	"Version 3, approved 2024-05-01;;;;;\r\n" +
	";;;;;\r\n" +
	"Control ID;Control title;Implementation Status;Justification;Control owner;Comments\r\n" +
	"5 Organizational controls;;;;;\r\n" +
	"A.5.1;Policies for information security;Implemented;Required by ISO 27001;CISO;\"reviewed; approved\"\r\n" +
	"A.5.2;Information security roles and responsibilities;In progress;;CISO;\r\n" +
	"A.7.4;Physical security monitoring;N/A;No premises;;\r\n" +
	";;;;;\r\n" +
	"Approved by the board;;;;;\r\n"

func TestReadAssessmentCSVSemicolonBOM(t *testing.T) {
	a, err := ReadAssessmentCSV("soa.csv", strings.NewReader(excelSemicolon), nil)
	require.NoError(t, err)
	var got []Entry
	for e := range a.All() {
		got = append(got, e)
	}
	assert.Equal(t, []Entry{
		{Control: iso("5.1"), Status: Implemented, Justification: "Required by ISO 27001", Owner: "CISO", Notes: "reviewed; approved", Line: 6},
		{Control: iso("5.2"), Status: Partial, Owner: "CISO", Line: 7},
		{Control: iso("7.4"), Status: NotApplicable, Justification: "No premises", Line: 8},
	}, got)
	assert.Equal(t, Input{Format: "csv", Encoding: "UTF-8 with BOM", Delimiter: ';', HeaderLine: 4,
		Columns: []Column{{"Control ID", "control", 0}, {"Implementation Status", "status", 2}, {"Justification", "justification", 3},
			{"Control owner", "owner", 4}, {"Comments", "notes", 5}},
		Ignored: []string{"Control title"}}, a.Input())
	assert.Equal(t, `CSV (semicolon-separated, UTF-8 with BOM), header on line 4: "Control ID" → control, "Implementation Status" → status, `+
		`"Justification" → justification, "Control owner" → owner, "Comments" → notes; ignored: "Control title"`, a.Input().String())
	assert.Equal(t, []string{
		`warning: soa.csv:4: field "header": unknown column, ignored: "Control title" (the columns read are control, status, justification, owner, notes)`,
		`warning: soa.csv:10: a row with neither a status nor a control ID; skipped`,
		`warning: soa.csv: controls not assessed: 90 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)`,
	}, warningsOf(a))
	assert.Equal(t, 90, a.NotAssessedCount())
}

func TestReadAssessmentCSVTab(t *testing.T) {
	tab := "ref\tstatus\tevidence\tnotes\n5.1\tdone\tpolicy v2\t\n8.16\tpartial\t\tSIEM, pilot\n"
	a, err := ReadAssessmentCSV("t.tsv", strings.NewReader(tab), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Implemented, "8.16": Partial}, entries(a))
	e, _ := a.Entry(iso("8.16"))
	assert.Equal(t, "SIEM, pilot", e.Notes)
	assert.Equal(t, '\t', a.Input().Delimiter)
	assert.Equal(t, "UTF-8", a.Input().Encoding)

	// Excel's "Unicode Text": UTF-16LE with a byte-order mark, tab-separated, CRLF.
	u := utf16.Encode([]rune("\uFEFFControl\tStatus\tNotes\r\n5.1\tYes\tRévisé\r\n5.2\tNo\t\r\n"))
	var buf bytes.Buffer
	require.NoError(t, binary.Write(&buf, binary.LittleEndian, u))
	a, err = ReadAssessmentCSV("u.txt", &buf, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Implemented, "5.2": NotImplemented}, entries(a))
	e, _ = a.Entry(iso("5.1"))
	assert.Equal(t, "Révisé", e.Notes)
	assert.Equal(t, Input{Format: "csv", Encoding: "UTF-16LE with BOM", Delimiter: '\t', HeaderLine: 1,
		Columns: []Column{{"Control", "control", 0}, {"Status", "status", 1}, {"Notes", "notes", 2}}}, a.Input())

	// UTF-16BE without a byte-order mark.
	buf.Reset()
	require.NoError(t, binary.Write(&buf, binary.BigEndian, utf16.Encode([]rune("control,status\n5.1,planned\n"))))
	a, err = ReadAssessmentCSV("b.csv", &buf, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Planned}, entries(a))
	assert.Equal(t, "UTF-16BE", a.Input().Encoding)

	// Latin-1 text (Excel's plain "CSV" on Windows) is refused, saying how to save it.
	_, err = ReadAssessmentCSV("l.csv", strings.NewReader("control;status;notes\n5.1;implemented;r\xe9vis\xe9\n"), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	assert.EqualError(t, err, `l.csv:2: field "column 3": malformed input: not UTF-8 text (byte 0xE9); save the file as "CSV UTF-8" or as UTF-16 "Unicode Text"`)
}

func TestReadAssessmentCSVColumns(t *testing.T) {
	for _, header := range []string{
		"Control,Status", "Control ID,Implementation status", "control_id,STATUS", "ID,Status", "Ref,status",
		"Annex A,Status", "  annex a  ,  implementation  status ", "Control-ID,Implementation-Status",
	} {
		a, err := ReadAssessmentCSV("h.csv", strings.NewReader(header+"\n5.1,implemented\n"), nil)
		require.NoError(t, err, header)
		assert.Equal(t, map[string]Status{"5.1": Implemented}, entries(a), header)
		for _, w := range a.Warnings() {
			assert.NotErrorIs(t, w, ErrUnknownColumn, header)
		}
	}
	// Every optional column under its names; unknown ones ignored with one warning.
	in := "Annex A,Title,Status,Justification,Owner,Evidence,Comments,Applicable,Last review\n" +
		"5.1,Policies,Yes,why,CISO,doc 7,fine,Yes,2024\n"
	a, err := ReadAssessmentCSV("o.csv", strings.NewReader(in), nil)
	require.NoError(t, err)
	e, _ := a.Entry(iso("5.1"))
	assert.Equal(t, Entry{Control: iso("5.1"), Status: Implemented, Justification: "why", Owner: "CISO", Evidence: "doc 7", Notes: "fine", Line: 2}, e)
	var unknown []*catalog.DataError
	for _, w := range a.Warnings() {
		if errors.Is(w, ErrUnknownColumn) {
			unknown = append(unknown, w)
		}
	}
	require.Len(t, unknown, 1)
	assert.Equal(t, `warning: o.csv:1: field "header": unknown column, ignored: "Title", "Last review" (the columns read are control, status, justification, owner, evidence, notes, applicable)`, unknown[0].Error())

	// Notes and Comments both: the second is ignored, said in the same warning.
	a, err = ReadAssessmentCSV("n.csv", strings.NewReader("control,status,notes,comments\n5.1,yes,a,b\n"), nil)
	require.NoError(t, err)
	e, _ = a.Entry(iso("5.1"))
	assert.Equal(t, "a", e.Notes)
	assert.Equal(t, []string{"comments"}, a.Input().Ignored)

	// Two control columns: both are read and must agree (which one is meant is not
	// guessed); two status columns: refused.
	_, err = ReadAssessmentCSV("d.csv", strings.NewReader("control,ref,status\n5.1,5.2,yes\n"), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	assert.EqualError(t, err, `d.csv:2: field "control" = "5.2": malformed input: the two control columns disagree: the first names 5.1, the second names 5.2`)
	_, err = ReadAssessmentCSV("d.csv", strings.NewReader("control,status,implementation status\n5.1,yes,no\n"), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	assert.EqualError(t, err, `d.csv:1: field "header" = "implementation status": malformed input: columns "status" and "implementation status" both name the status; keep one`)

	// Two justification columns: joined, each row's given values kept.
	a, err = ReadAssessmentCSV("j.csv", strings.NewReader("control,status,reason for inclusion,reason for exclusion\n5.1,yes,risk R1,\n5.2,n/a,,no staff\n5.3,yes,a,b\n"), nil)
	require.NoError(t, err)
	for id, want := range map[string]string{"5.1": "risk R1", "5.2": "no staff", "5.3": "a; b"} {
		e, _ := a.Entry(iso(id))
		assert.Equal(t, want, e.Justification, id)
	}

	// No control column in the first rows.
	_, err = ReadAssessmentCSV("x.csv", strings.NewReader("Name,Status\nfoo,bar\n"), nil)
	assert.ErrorIs(t, err, ErrMissingColumn)
	assert.Contains(t, err.Error(), `x.csv:1: field "control": missing column: no header row with a control column (named "control", "control id", "id"`)
}

func TestReadAssessmentRows(t *testing.T) {
	// Headings, blank rows, a control with no status (not assessed, warned), a footer.
	in := "control,status\n" +
		"5,\n" +
		"Organizational controls,,\n" +
		",,\n" +
		"5.1,implemented\n" +
		"5.2,\n" +
		"5.3,   \n" +
		"Signed: CISO,\n" +
		"8 Technological controls,\n" +
		"8.1,no,\n"
	a, err := ReadAssessmentCSV("r.csv", strings.NewReader(in), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Implemented, "8.1": NotImplemented}, entries(a))
	assert.Equal(t, []string{
		`warning: r.csv:6: field "status": 2 rows (lines 6, 7): a control with no status (or "not assessed"); counted as not assessed`,
		`warning: r.csv:8: a row with neither a status nor a control ID; skipped`,
		`warning: r.csv: controls not assessed: 91 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)`,
	}, warningsOf(a))

	// Cells right of the header in CSV: a comma that should have been quoted.
	_, err = ReadAssessmentCSV("w.csv", strings.NewReader("control,status,notes\n5.1,yes,reviewed, approved\n5.2,yes,,\n"), nil)
	assert.EqualError(t, err, `w.csv:2: field "row" = "approved": malformed input: 4 fields, the header has 3 (quote a field that holds the separator)`)
}

func TestAssessmentHeaderOnly(t *testing.T) {
	for _, in := range []string{"control,status\n", "Control;Status\r\n;\r\n", "\uFEFFTitle\n\nControl\tStatus\n"} {
		a, err := ReadAssessmentCSV("h.csv", strings.NewReader(in), nil)
		require.NoError(t, err, in)
		assert.Equal(t, 0, a.Len())
		assert.Equal(t, 93, a.NotAssessedCount())
		w := a.Warnings()
		require.NotEmpty(t, w)
		last := w[len(w)-1]
		assert.ErrorIs(t, last, ErrIncomplete)
		assert.Equal(t, "warning: h.csv: controls not assessed: 93 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)", last.Error())
	}
	// A complete assessment has no such warning; one built in code has no warnings.
	a, err := ReadAssessment("full.csv", strings.NewReader(fullAssessmentCSV(t)), nil)
	require.NoError(t, err)
	assert.Empty(t, a.Warnings())
	assert.Equal(t, 0, a.NotAssessedCount())
	b, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented})
	require.NoError(t, err)
	assert.Nil(t, b.Warnings())
	assert.Equal(t, 92, b.NotAssessedCount())
}

// fullAssessmentCSV rates every control of ISO/IEC 27002:2022 as implemented.
func fullAssessmentCSV(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("control,status\n")
	cat := catalog.Default()
	for c := range cat.Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		b.WriteString(c.Ref.ID + ",implemented\n")
	}
	return b.String()
}

func TestAssessmentLimits(t *testing.T) {
	// A field over the limit is refused, the value capped in the message.
	long := strings.Repeat("x", MaxFieldChars+1)
	_, err := ReadAssessmentCSV("f.csv", strings.NewReader("control,status,notes\n5.1,yes,"+long+"\n"), nil)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, `f.csv:2: field "column 3" = "`+strings.Repeat("x", 80)+`"… (32768 bytes): over the size limit: 32768 characters in one field, the limit is 32767`, err.Error())

	// Echoed values are capped everywhere: a long control and a long status.
	_, err = ReadAssessmentCSV("v.csv", strings.NewReader("control,status\n"+strings.Repeat("5", 5000)+","+strings.Repeat("y", 5000)+"\n"), nil)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 2000, err.Error())
	assert.Contains(t, err.Error(), "… (5000 bytes)")

	// JSON: the same field limit.
	_, err = ReadAssessmentJSON("f.json", []byte(`{"controls":[{"control":"5.1","status":"yes","notes":"`+long+`"}]}`), nil)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), `f.json: controls[0]: field "notes" = "xxxx`)
}

// endless yields the header and then the same row for ever.
type endless struct {
	row  []byte
	sent int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], e.row[int(e.sent%int64(len(e.row))):])
		n += k
		e.sent += int64(k)
	}
	return n, nil
}

func TestAssessmentFileLimitStreams(t *testing.T) {
	// A file larger than the limit ends in ErrTooLarge after reading the limit and no
	// more, without holding the file: a 5 kB line repeated (few rows, long lines).
	line := "5.1,implemented," + strings.Repeat("n", 5000) + "\n"
	for _, tc := range []struct {
		name string
		r    io.Reader
	}{
		{"lines", io.MultiReader(strings.NewReader("control,status,notes\n"), &endless{row: []byte(line)})},
		{"one line", io.MultiReader(strings.NewReader("control,status,notes\n5.1,yes,\""), &endless{row: []byte("n")})},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		src := &countingReader{r: tc.r}
		_, err := ReadAssessment(tc.name+".csv", src, nil)
		runtime.ReadMemStats(&after)
		require.ErrorIs(t, err, ErrTooLarge, tc.name)
		assert.Contains(t, err.Error(), "larger than 32 MiB", tc.name)
		assert.LessOrEqual(t, src.n, int64(MaxAssessmentBytes+64<<10), tc.name)
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(400<<20), "%s: allocated %d MiB", tc.name, (after.TotalAlloc-before.TotalAlloc)>>20)
	}
	// Too many rows.
	_, err := ReadAssessmentCSV("r.csv", io.MultiReader(strings.NewReader("control,status\n"), &endless{row: []byte("5.1,yes\n")}), nil)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "more than 100000 rows")
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestReadAssessmentJSONInvalidUTF8(t *testing.T) {
	// Latin-1 text in a JSON file, long enough to have crashed the decoder (issue 15):
	// an error with the offset, no panic.
	data := []byte(`{"controls":[{"control":"5.1","status":"yes","notes":"` + strings.Repeat("caf\xe9 ", 200) + `"}]}`)
	_, err := ReadAssessmentJSON("l.json", data, nil)
	require.ErrorIs(t, err, ErrMalformed)
	assert.EqualError(t, err, "l.json: malformed input: not UTF-8 text (byte 0xE9 at offset 57); save the file as UTF-8")
	_, err = ReadAssessment("l.json", bytes.NewReader(data), nil)
	assert.ErrorIs(t, err, ErrMalformed)
}

func TestReadAssessmentSniffs(t *testing.T) {
	a, err := ReadAssessment("a.json", strings.NewReader(` {"controls":[{"control":"A5.1","status":"Yes"}]}`), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"5.1": Implemented}, entries(a))
	assert.Equal(t, "json", a.Input().Format)
	_, err = ReadAssessment("b.json", strings.NewReader(`[]`), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	_, err = ReadAssessment("old.xls", bytes.NewReader([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest")), nil)
	assert.EqualError(t, err, `old.xls: malformed input: an Excel 97-2003 workbook (.xls) or another OLE file; save it as an Excel workbook (.xlsx) or as "CSV UTF-8"`)
	a, err = ReadAssessment("c.csv", strings.NewReader("control;status\n5.1;yes\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, "csv", a.Input().Format)
}

// BenchmarkReadAssessmentCSVSize reads CSV assessments of growing size (the rows
// beyond the 93 controls are duplicates, each an error, so every row costs its
// check): ns/op and B/op should grow linearly with the rows.
func BenchmarkReadAssessmentCSVSize(b *testing.B) {
	cat := catalog.Default()
	var ids []string
	for c := range cat.Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		ids = append(ids, c.Ref.ID)
	}
	for _, n := range []int{1_000, 8_000, 64_000} {
		var sb strings.Builder
		sb.WriteString("Control ID;Implementation status;Comments\n")
		for i := range n {
			sb.WriteString(ids[i%len(ids)] + ";In progress;notes with some text, and a comma\n")
		}
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, err := ReadAssessmentCSV("b.csv", bytes.NewReader(data), cat)
				if n > len(ids) && !errors.Is(err, ErrDuplicate) {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestControlSpellingsISMS(t *testing.T) {
	// In an ISMS baseline (ISO/IEC 27001:2022: the clauses and Annex A), "5.1" is the
	// clause and every Annex A spelling the control.
	in := "Ref,Status\n5.1,yes\nA5.1,yes\nAnnex A 5.2 Information security roles and responsibilities,partial\nA 8.16,no\niso27001:2022/A.5.3,planned\n"
	a, err := ReadAssessmentCSV("isms.csv", strings.NewReader(in), nil, WithBaseline(catalog.ISO27001v2022))
	require.NoError(t, err)
	got := map[string]Status{}
	for e := range a.All() {
		got[e.Control.String()] = e.Status
	}
	assert.Equal(t, map[string]Status{
		"iso27001:2022/5.1": Implemented, "iso27002:2022/5.1": Implemented, "iso27002:2022/5.2": Partial,
		"iso27002:2022/8.16": NotImplemented, "iso27002:2022/5.3": Planned,
	}, got)
}

func TestReadAssessmentStrict(t *testing.T) {
	// What is a warning by default is an error with WithStrict; controls left unrated
	// stay a warning.
	in := "Control,Title,Status\n5.1 Access rules,x,yes\n5.2,y,\n"
	a, err := ReadAssessmentCSV("s.csv", strings.NewReader(in), nil)
	require.NoError(t, err)
	assert.Len(t, a.Warnings(), 4)
	_, err = ReadAssessmentCSV("s.csv", strings.NewReader(in), nil, WithStrict())
	require.Error(t, err)
	assert.Equal(t, `s.csv:1: field "header": unknown column, ignored: "Title" (the columns read are control, status)`+"\n"+
		`s.csv:2: field "control" = "5.1 Access rules": the text after the control ID is not the control's title; read by the ID (here 5.1 "Policies for information security")`+"\n"+
		`s.csv:3: field "status": a control with no status (or "not assessed"); counted as not assessed`, err.Error())
	a, err = ReadAssessmentCSV("s.csv", strings.NewReader("control,status\n5.1,yes\n"), nil, WithStrict())
	require.NoError(t, err)
	require.Len(t, a.Warnings(), 1)
	assert.ErrorIs(t, a.Warnings()[0], ErrIncomplete)
	assert.True(t, a.Warnings()[0].Warning, "a warning says so")
}
