package crosswalk

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestAssessmentErrorText: the position part of the message for each kind of
// input (CSV line, XLSX sheet and row, JSON record, none), the field and value, and
// where a duplicate was first seen, in the words of each kind.
func TestAssessmentErrorText(t *testing.T) {
	for _, c := range []struct {
		name string
		e    catalog.DataError
		want string
	}{
		{"csv", catalog.DataError{File: "a.csv", Line: 7, Field: "status", Value: "maybe", Err: ErrUnknownStatus},
			`a.csv:7: field "status" = "maybe": unknown status`},
		{"csv, no line", catalog.DataError{File: "a.csv", Err: ErrTooLarge},
			`a.csv: over the size limit`},
		{"no file", catalog.DataError{Line: 3, Field: "control", Value: "9.9", Err: ErrUnknownControl},
			`line 3: field "control" = "9.9": unknown control`},
		{"nothing known", catalog.DataError{Err: ErrIncomplete},
			`controls not assessed`},
		{"field without value", catalog.DataError{File: "h.csv", Line: 1, Field: "status", Err: ErrMissingColumn},
			`h.csv:1: field "status": missing column`},
		{"xlsx", catalog.DataError{File: "a.xlsx", Sheet: "SoA", Line: 12, Field: "control", Value: "5.1", Err: ErrDuplicate, Detail: "first on row 4"},
			`a.xlsx: sheet "SoA" row 12: field "control" = "5.1": control assessed twice: first on row 4`},
		{"xlsx, no row", catalog.DataError{File: "a.xlsx", Sheet: "Sheet1", Err: ErrMissingColumn},
			`a.xlsx: sheet "Sheet1": missing column`},
		{"csv duplicate", catalog.DataError{File: "a.csv", Line: 9, Field: "control", Value: "5.1", Err: ErrDuplicate, Detail: "first on line 2"},
			`a.csv:9: field "control" = "5.1": control assessed twice: first on line 2`},
		{"json", catalog.DataError{File: "a.json", Record: "controls[2]", Field: "control", Value: "5.1", Err: ErrDuplicate, Detail: "first at controls[0]"},
			`a.json: controls[2]: field "control" = "5.1": control assessed twice: first at controls[0]`},
		{"json, baseline", catalog.DataError{File: "a.json", Field: "baseline", Value: "iso:1", Err: ErrWrongFramework},
			`a.json: field "baseline" = "iso:1": control is not of the assessment's baseline framework`},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.e.Error())
			assert.True(t, errors.Is(&c.e, c.e.Err), "the kind is reachable with errors.Is")
		})
	}
	// A value with control characters is quoted so the message stays on one line.
	e := catalog.DataError{File: "a.csv", Line: 2, Field: "control", Value: "5.1\nimplemented", Err: ErrUnknownControl}
	assert.NotContains(t, e.Error(), "\n")
	assert.True(t, errors.Is(&catalog.DataError{Err: ErrMalformed}, catalog.ErrMalformed), "one malformed kind for every layer")
}

// positions returns the *catalog.DataError parts of err (a joined error), in order.
func positions(t *testing.T, err error) []*catalog.DataError {
	t.Helper()
	require.Error(t, err)
	var out []*catalog.DataError
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var ae *catalog.DataError
		if errors.As(err, &ae) {
			out = append(out, ae)
		}
	}
	walk(err)
	return out
}

// TestReadAssessmentJSONPositions: every problem of a JSON assessment names its
// record (`controls[i]`, 0-based), its field and value; a duplicate says where the
// control was first rated.
func TestReadAssessmentJSONPositions(t *testing.T) {
	in := `{"controls": [
		{"control": "5.1", "status": "implemented"},
		{"control": "5.77", "status": "implemented"},
		{"control": "GV.OC-01", "status": "implemented"},
		{"control": "5.2", "status": "sometimes"},
		{"control": "5.1", "status": "planned"}
	]}`
	_, err := ReadAssessmentJSON("p.json", []byte(in), nil)
	ps := positions(t, err)
	require.Len(t, ps, 4, err.Error())
	type pos struct {
		record, detail, field, value string
		kind                         error
	}
	var got []pos
	for _, p := range ps {
		assert.Equal(t, "p.json", p.File)
		assert.Zero(t, p.Line, "JSON names records, not lines")
		got = append(got, pos{p.Record, p.Detail, p.Field, p.Value, p.Err})
	}
	for i := range got {
		// The kinds wrap a detail; compare the kind only.
		for _, k := range []error{ErrUnknownControl, ErrWrongFramework, ErrUnknownStatus, ErrDuplicate} {
			if errors.Is(got[i].kind, k) {
				got[i].kind = k
			}
		}
	}
	assert.Equal(t, []pos{
		{"controls[1]", "", "control", "5.77", ErrUnknownControl},
		{"controls[2]", "", "control", "GV.OC-01", ErrWrongFramework},
		{"controls[3]", "", "status", "sometimes", ErrUnknownStatus},
		{"controls[4]", "first at controls[0]", "control", "5.1", ErrDuplicate},
	}, got)
}

// TestReadAssessmentJSONRefusals: a syntax error names its line, a bad byte its
// offset, an unknown baseline the field; each is ErrMalformed or ErrWrongFramework.
func TestReadAssessmentJSONRefusals(t *testing.T) {
	_, err := ReadAssessmentJSON("s.json", []byte("{\"controls\": [\n  {\"control\": \"5.1\",,}\n]}"), nil)
	require.ErrorIs(t, err, ErrMalformed)
	ps := positions(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, 2, ps[0].Line, "the line of the stray comma")
	assert.True(t, strings.HasPrefix(err.Error(), "s.json:2: "), err.Error())

	// The bad byte: {"controls": [{"control": "5.1 is 30 bytes, so it is at offset 30.
	_, err = ReadAssessmentJSON("u.json", []byte("{\"controls\": [{\"control\": \"5.1\xff\"}]}"), nil)
	require.ErrorIs(t, err, ErrMalformed)
	assert.Equal(t, "u.json: malformed input: not UTF-8 text (byte 0xFF at offset 30); save the file as UTF-8", err.Error())

	_, err = ReadAssessmentJSON("b.json", []byte(`{"baseline": "iso99", "controls": []}`), nil)
	require.ErrorIs(t, err, ErrWrongFramework)
	ps = positions(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "baseline", ps[0].Field)
	assert.Equal(t, "iso99", ps[0].Value)

	// A byte-order mark is not an error.
	a, err := ReadAssessmentJSON("bom.json", []byte("\uFEFF{\"controls\": [{\"control\": \"5.1\", \"status\": \"implemented\"}]}"), nil)
	require.NoError(t, err)
	assert.Equal(t, Implemented, a.Status(iso("5.1")))
}

// TestReadAssessmentCSVPositionsAfterBlankLines: lines are counted as a text editor
// counts them, blank lines and quoted line breaks included.
func TestReadAssessmentCSVPositionsAfterBlankLines(t *testing.T) {
	in := "control,status,notes\n" +
		"5.1,implemented,\"two\nlines\"\n" + // lines 2-3
		"\n" + // line 4
		"5.99,implemented,\n" // line 5
	_, err := ReadAssessmentCSV("b.csv", strings.NewReader(in), nil)
	ps := positions(t, err)
	require.Len(t, ps, 1, err.Error())
	assert.Equal(t, 5, ps[0].Line)
	assert.Equal(t, "5.99", ps[0].Value)
	assert.ErrorIs(t, ps[0], ErrUnknownControl)
}
