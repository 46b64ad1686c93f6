package crosswalk

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{
		"implemented": Implemented, " Implemented ": Implemented, "PARTIAL": Partial, "planned": Planned,
		"not-implemented": NotImplemented, "Not Implemented": NotImplemented, "not_implemented": NotImplemented,
		"not-applicable": NotApplicable, "NOT_APPLICABLE": NotApplicable, "n/a": NotApplicable,
	} {
		got, err := ParseStatus(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseStatus("maybe")
	assert.ErrorIs(t, err, ErrUnknownStatus)
	_, err = ParseStatus("not-assessed")
	assert.ErrorIs(t, err, ErrUnknownStatus, "a file never states not-assessed")
	assert.Equal(t, "not-applicable", NotApplicable.String())
}

func synthAssessment(t testing.TB, cat *catalog.Catalog) *Assessment {
	t.Helper()
	b := func(id string) catalog.Ref { return ref(fwBase, id) }
	a, err := NewAssessment(cat, fwBase,
		Entry{Control: b("B1"), Status: Implemented},
		Entry{Control: b("B2"), Status: Implemented},
		Entry{Control: b("B3"), Status: NotImplemented},
		Entry{Control: b("B4"), Status: Partial, Owner: "ops"},
		Entry{Control: b("B5"), Status: Implemented},
		Entry{Control: b("B6"), Status: NotApplicable, Justification: "no such systems"},
	)
	require.NoError(t, err)
	return a
}

func TestNewAssessment(t *testing.T) {
	cat := synthCatalog(t)
	a := synthAssessment(t, cat)
	assert.Equal(t, fwBase, a.Baseline())
	assert.Equal(t, 6, a.Len())
	assert.Equal(t, []catalog.Ref{ref(fwBase, "B7")}, a.NotAssessed())
	assert.Equal(t, Partial, a.Status(ref(fwBase, "B4")))
	assert.Equal(t, NotAssessed, a.Status(ref(fwBase, "B7")))
	e, ok := a.Entry(ref(fwBase, "B6"))
	require.True(t, ok)
	assert.Equal(t, "no such systems", e.Justification)

	_, err := NewAssessment(cat, fwBase,
		Entry{Control: ref(fwBase, "B1"), Status: Implemented},
		Entry{Control: ref(fwBase, "B1"), Status: Planned},
		Entry{Control: ref(fwTgt, "F.A-1"), Status: Planned},
		Entry{Control: ref(fwBase, "B9"), Status: Planned},
		Entry{Control: ref(fwBase, "B2")},
	)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDuplicate)
	assert.ErrorIs(t, err, ErrWrongFramework)
	assert.ErrorIs(t, err, ErrUnknownControl)
	assert.ErrorIs(t, err, ErrUnknownStatus)
	var ae *catalog.DataError
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "controls[1]", ae.Record)
	assert.Equal(t, "first at controls[0]", ae.Detail)
}

func TestReadAssessmentCSV(t *testing.T) {
	in := "\uFEFFControl,Status,Owner,Justification\n" +
		"A.5.1,Implemented,ciso,\n" +
		"5.2, partial ,ciso,\n" +
		"iso27002:8.16,not implemented,,\n" +
		"7.4,Not_Applicable,,no premises\n"
	a, err := ReadAssessmentCSV("a.csv", strings.NewReader(in), nil)
	require.NoError(t, err)
	assert.Equal(t, catalog.ISO27002v2022, a.Baseline())
	var got []Entry
	for e := range a.All() {
		got = append(got, e)
	}
	iso := func(id string) catalog.Ref { return ref(catalog.ISO27002v2022, id) }
	assert.Equal(t, []Entry{
		{Control: iso("5.1"), Status: Implemented, Owner: "ciso", Line: 2},
		{Control: iso("5.2"), Status: Partial, Owner: "ciso", Line: 3},
		{Control: iso("7.4"), Status: NotApplicable, Justification: "no premises", Line: 5},
		{Control: iso("8.16"), Status: NotImplemented, Line: 4},
	}, got)
	assert.Len(t, a.NotAssessed(), 89)
	assert.Equal(t, iso("5.3"), a.NotAssessed()[0])

	// Round trip: write, read, write gives the same bytes and entries.
	var buf bytes.Buffer
	require.NoError(t, a.WriteCSV(&buf))
	assert.Equal(t, "control,status,justification,owner,evidence,notes\n5.1,implemented,,ciso,,\n5.2,partial,,ciso,,\n7.4,not-applicable,no premises,,,\n8.16,not-implemented,,,,\n", buf.String())
	b, err := ReadAssessmentCSV("b.csv", bytes.NewReader(buf.Bytes()), nil)
	require.NoError(t, err)
	var buf2 bytes.Buffer
	require.NoError(t, b.WriteCSV(&buf2))
	assert.Equal(t, buf.String(), buf2.String())
}

func TestReadAssessmentCSVErrors(t *testing.T) {
	in := "control,status\n" +
		"5.1,implemented\n" +
		"5.99,implemented\n" +
		"5.2,sort of\n" +
		"A.5.1,planned\n" +
		"GV.OC-01,implemented\n" +
		"5,implemented\n"
	_, err := ReadAssessmentCSV("bad.csv", strings.NewReader(in), nil)
	require.Error(t, err)
	msgs := strings.Split(err.Error(), "\n")
	require.Len(t, msgs, 5, err.Error())
	assert.Contains(t, msgs[0], `bad.csv:3: field "control" = "5.99": unknown control`)
	assert.Contains(t, msgs[1], `bad.csv:4: field "status" = "sort of": unknown status`)
	assert.Equal(t, `bad.csv:5: field "control" = "A.5.1": control assessed twice: first on line 2, both read as 5.1`, msgs[2], "the value as the file writes it")
	assert.Contains(t, msgs[3], `bad.csv:6: field "control" = "GV.OC-01": control is not of the assessment's baseline framework`)
	assert.Contains(t, msgs[4], `bad.csv:7: field "control" = "5": not rated as a whole: iso27002:2022/5 is a theme; rate its parts: 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, ... (37 in all)`)

	_, err = ReadAssessmentCSV("h.csv", strings.NewReader("control,state\n5.1,implemented\n"), nil)
	assert.ErrorIs(t, err, ErrMissingColumn)
	assert.Equal(t, `h.csv:1: field "status": missing column: want a column named "status", "implementation status", "implementation" or "implemented"; the header row is ["control", "state"]`, err.Error())
	_, err = ReadAssessmentCSV("e.csv", strings.NewReader(""), nil)
	assert.ErrorIs(t, err, ErrMissingColumn)
	_, err = ReadAssessmentCSV("q.csv", strings.NewReader("control,status\n\"5.1,implemented\n"), nil)
	assert.ErrorIs(t, err, ErrMalformed)
}

func TestReadAssessmentJSON(t *testing.T) {
	in := `{"baseline": "iso27002", "controls": [
		{"control": "5.1", "status": "implemented", "evidence": "policy v3"},
		{"control": "A.8.16", "status": "partial", "notes": "SIEM pilot"}]}`
	a, err := ReadAssessmentJSON("a.json", []byte(in), nil)
	require.NoError(t, err)
	assert.Equal(t, catalog.ISO27002v2022, a.Baseline())
	e, ok := a.Entry(ref(catalog.ISO27002v2022, "8.16"))
	require.True(t, ok)
	assert.Equal(t, Entry{Control: ref(catalog.ISO27002v2022, "8.16"), Status: Partial, Notes: "SIEM pilot", Line: 2}, e)
	out, err := a.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"baseline":"iso27002:2022","controls":[{"control":"5.1","status":"implemented","evidence":"policy v3"},{"control":"8.16","status":"partial","notes":"SIEM pilot"}]}`, string(out))
	b, err := ReadAssessmentJSON("b.json", out, nil)
	require.NoError(t, err)
	out2, err := b.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, out, out2)

	_, err = ReadAssessmentJSON("u.json", []byte(`{"controls": [], "extra": 1}`), nil)
	assert.ErrorIs(t, err, ErrMalformed)
	_, err = ReadAssessmentJSON("f.json", []byte(`{"baseline": "nist-csf:2.0", "controls": [{"control": "5.1", "status": "implemented"}]}`), nil)
	assert.ErrorIs(t, err, ErrUnknownControl)
	_, err = ReadAssessmentJSON("d.json", []byte(`{"controls": [{"control": "5.1", "status": "implemented"}, {"control": "5.1", "status": "x"}, {"control": "5.1", "status": "planned"}]}`), nil)
	require.Error(t, err)
	assert.Equal(t, "d.json: controls[1]: field \"status\" = \"x\": unknown status \"x\" (accepted, in any case: implemented (also yes, done, complete, in place); partial (also partially implemented, in progress, partly, partly implemented); planned; not-implemented (also no, missing); not-applicable (also n/a, na, excluded))\n"+
		"d.json: controls[2]: field \"control\" = \"5.1\": control assessed twice: first at controls[0]", err.Error())
}

func FuzzReadAssessmentCSV(f *testing.F) {
	f.Add([]byte("control,status\n5.1,implemented\n"))
	f.Add([]byte("\uFEFFcontrol,status,notes\nA.5.1,partial,\"x,y\"\n5.1,planned,\n"))
	f.Add([]byte("status\n\"unterminated\n"))
	f.Add([]byte(excelSemicolon))
	f.Add([]byte("Title\n\nRef\tImplementation status\tComments\nA5.1 Policies for information security\tIn place\tok\n5.2\t\t\n"))
	f.Add([]byte("\xFF\xFEc\x00o\x00n\x00t\x00r\x00o\x00l\x00,\x00s\x00t\x00a\x00t\x00u\x00s\x00\n\x005\x00.\x001\x00,\x00y\x00e\x00s\x00\n\x00"))
	f.Add([]byte("control;status;notes\n5.1;yes;r\xe9vis\xe9\n"))                    // Latin-1
	f.Add([]byte("control,status\nAnnex A 8.16 Monitoring activities,\u00e9\xff\n")) // invalid UTF-8 in a status
	cat := catalog.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadAssessmentCSV("f.csv", bytes.NewReader(data), cat)
		if err != nil {
			require.Nil(t, a)
			require.Less(t, len(err.Error()), 100_000, "error messages are capped")
			return
		}
		var buf bytes.Buffer
		require.NoError(t, a.WriteCSV(&buf))
		b, err := ReadAssessmentCSV("g.csv", bytes.NewReader(buf.Bytes()), cat)
		require.NoError(t, err)
		require.Equal(t, a.Len(), b.Len())
		for e := range a.All() {
			got, ok := b.Entry(e.Control)
			require.True(t, ok)
			e.Line, got.Line = 0, 0
			require.Equal(t, e, got)
		}
	})
}

// FuzzReadAssessment feeds any bytes to the reader of every form (CSV, JSON, XLSX by
// content), seeded with workbooks: whatever the bytes, an error that says where, or
// an assessment, never a panic.
func FuzzReadAssessment(f *testing.F) {
	f.Add([]byte(excelSemicolon))
	f.Add([]byte(`{"controls":[{"control":"A5.1","status":"Yes"}]}`))
	f.Add([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
	wb := titledWorkbook(f)
	f.Add(wb)
	f.Add(wb[:len(wb)/2])
	f.Add([]byte("PK\x03\x04garbage"))
	cat := catalog.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadAssessment("f", bytes.NewReader(data), cat, WithSheet("SoA"))
		if err != nil {
			require.Nil(t, a)
			require.Less(t, len(err.Error()), 100_000, "error messages are capped")
			var de *catalog.DataError
			require.True(t, errors.As(err, &de), "%T says where: %v", err, err)
			require.Equal(t, "f", de.File, "%v", de)
			return
		}
		require.NotNil(t, a)
		require.LessOrEqual(t, a.Len()+a.NotAssessedCount(), 93)
	})
}

func FuzzReadAssessmentJSON(f *testing.F) {
	f.Add([]byte(`{"controls":[{"control":"5.1","status":"implemented"}]}`))
	f.Add([]byte(`{"baseline":"iso27002:2013","controls":[{"control":"A.5.1.1","status":"planned","notes":"n"}]}`))
	f.Add([]byte(`{"controls":[{"control":5}]}`))
	f.Add([]byte(`{"controls":[{"control":"5.1","status":"implemented","notes":"r\u00e9vis\u00e9 caf\xe9 \xff\xfe"}]}`))
	f.Add([]byte("{\"controls\":[{\"control\":\"5.1\",\"status\":\"yes\",\"notes\":\"" + strings.Repeat("\xe9", 600) + "\"}]}"))
	cat := catalog.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadAssessmentJSON("f.json", data, cat)
		if err != nil {
			require.Nil(t, a)
			return
		}
		out, err := a.MarshalJSON()
		require.NoError(t, err)
		b, err := ReadAssessmentJSON("g.json", out, cat)
		require.NoError(t, err)
		out2, err := b.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}

func TestStatusTextRoundTrip(t *testing.T) {
	for _, s := range []Status{NotAssessed, Implemented, Partial, Planned, NotImplemented, NotApplicable} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var got Status
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, s, got)
	}
	// A spreadsheet row saying "not assessed" (as a statement of applicability of an
	// incomplete assessment writes it) leaves its control unrated, with a warning, as
	// an empty status does; a JSON file may not state it.
	a, err := ReadAssessmentCSV("a.csv", strings.NewReader("control,status\n5.1,not-assessed\n5.2,Not assessed\n5.3,yes\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, a.Len())
	_, rated := a.Entry(catalog.NewRef(catalog.ISO27002v2022, "5.1"))
	assert.False(t, rated)
	assert.Equal(t, `warning: a.csv:2: field "status": 2 rows (lines 2, 3): a control with no status (or "not assessed"); counted as not assessed`, a.Warnings()[0].Error())
	_, err = ReadAssessmentJSON("a.json", []byte(`{"controls":[{"control":"5.1","status":"not-assessed"}]}`), nil)
	assert.ErrorIs(t, err, ErrUnknownStatus)
}
