package catalog_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15, point 8: control IDs may not hold NUL, ESC, a right-to-left override or
// other control characters, in JSON (written escaped) and in CSV.
func TestControlCharactersInIDsRefused(t *testing.T) {
	for _, tc := range []struct{ id, msg string }{
		{"A\\u0000C", `control character U+0000 at byte 1`},
		{"\\u001b[31mAC", `control character U+001B at byte 0`},
		{"5.\\u202e1", `control character U+202E at byte 2`},
		{"A\\tC", `control character U+0009 at byte 1`},
	} {
		in := `{"id":"acme:1","name":"Acme","controls":[{"id":"` + tc.id + `","title":"T"}]}`
		_, err := catalog.ReadJSON("in.json", []byte(in))
		require.Error(t, err, tc.id)
		assert.ErrorIs(t, err, catalog.ErrInvalidValue, tc.id)
		assert.Contains(t, err.Error(), "a control ID has no control characters: "+tc.msg, tc.id)
	}
	_, err := catalog.ReadCSV("in.csv", strings.NewReader("id,title\n\"A\x1bC\",T\n"), catalog.Framework{ID: "acme:1", Name: "Acme"})
	var de *catalog.DataError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 2, de.Line)
	assert.Equal(t, `in.csv:2: row 1 (id "A\x1bC"): field "id" = "A\x1bC": invalid value: a control ID has no control characters: control character U+001B at byte 1`, err.Error())
	// A parent naming such an ID is not a control of the framework either.
	_, err = catalog.New(catalog.Framework{ID: "acme:1", Name: "Acme", Controls: []catalog.ControlSpec{{ID: "A\u202eB", Title: "T"}}})
	assert.ErrorIs(t, err, catalog.ErrInvalidValue)
}

// The CLI's ref parser refuses control characters, saying which and where.
func TestParseRefControlCharacters(t *testing.T) {
	_, err := catalog.ParseRef("5.\u202e1")
	assert.ErrorIs(t, err, catalog.ErrSyntax)
	assert.EqualError(t, err, `"5.\u202e1": malformed reference: control character U+202E at byte 2`)
	_, err = catalog.ParseRef("iso27002:2022/5.1\x00")
	assert.ErrorIs(t, err, catalog.ErrSyntax)
	var r catalog.Ref
	assert.ErrorIs(t, r.UnmarshalText([]byte("iso27002:2022/5\x1b1")), catalog.ErrSyntax)
}

// Issue 15, point 6: a 50 MB value was echoed whole. Every message shows at most 80
// characters of it and its size.
func TestErrorEchoIsCapped(t *testing.T) {
	big := strings.Repeat("p", 50<<20)
	fw := catalog.Framework{ID: "acme:1", Name: "Acme", Controls: []catalog.ControlSpec{{ID: "A", Title: "T", Parent: big}}}
	_, err := catalog.New(fw)
	require.ErrorIs(t, err, catalog.ErrDanglingParent)
	assert.Less(t, len(err.Error()), 300)
	assert.Contains(t, err.Error(), `= "`+strings.Repeat("p", 80)+`"… (52428800 bytes): parent`)

	e := &catalog.DataError{File: "f.csv", Line: 3, Field: strings.Repeat("f", 200), Value: strings.Repeat("v", 200), Err: catalog.ErrInvalidValue}
	assert.Equal(t, `f.csv:3: field "`+strings.Repeat("f", 80)+`"… (200 bytes) = "`+strings.Repeat("v", 80)+`"… (200 bytes): invalid value`, e.Error())
	// An unknown field's name, too.
	_, err = catalog.ReadJSON("in.json", []byte(`{"`+strings.Repeat("k", 1<<20)+`":1}`))
	require.ErrorIs(t, err, catalog.ErrUnknownField)
	assert.Less(t, len(err.Error()), 300)
}

// Issue 15, point 7: a 50 MB CSV line was accepted. Lines past 1 MiB and cells past
// 64 KiB are refused with their line, after reading a bounded amount.
func TestCSVLimits(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "Acme"}
	line := "id,title\nA,T\nB," + strings.Repeat("x", 50<<20) + "\n"
	_, err := catalog.ReadCSV("big.csv", strings.NewReader(line), meta)
	require.ErrorIs(t, err, limits.ErrTooLarge)
	assert.ErrorIs(t, err, catalog.ErrMalformed)
	assert.Equal(t, "big.csv:3: malformed input: input too large: line 3 is longer than 1048576 bytes (1 MiB)", err.Error())

	cell := "id,title,summary\nA,T,\"" + strings.Repeat("y", limits.Field) + "\"\nB,T,\"" + strings.Repeat("z\n", limits.Field/2+1) + "\"\n"
	_, err = catalog.ReadCSV("cell.csv", strings.NewReader(cell), meta)
	var de *catalog.DataError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 3, de.Line)
	assert.Equal(t, "summary", de.Field)
	assert.ErrorIs(t, err, limits.ErrTooLarge)
	assert.Contains(t, err.Error(), `cell.csv:3: field "summary" = "z\nz\n`)
	assert.Contains(t, err.Error(), `"… (65538 bytes): invalid value: input too large: a cell holds at most 65536 bytes (64 KiB), this one 65538`)
}

// Issue 15, point 3: 8,000 dangling parents are reported with their lines (the first
// 100 listed, the rest counted); the lines come from one pass over the file.
func TestManyProblemsLines(t *testing.T) {
	_, err := catalog.ReadJSON("f.json", danglingFramework(8000))
	require.Error(t, err)
	var des []*catalog.DataError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var de *catalog.DataError
		if errors.As(e, &de) {
			des = append(des, de)
		}
	}
	require.Len(t, des, 100)
	for i, de := range des {
		assert.Equal(t, i+2, de.Line, "problem %d", i)
		assert.Equal(t, fmt.Sprintf("missing-%d", i), de.Value)
		assert.ErrorIs(t, de, catalog.ErrDanglingParent)
	}
	assert.True(t, strings.HasSuffix(err.Error(), "... and 7900 more problems"))
}
