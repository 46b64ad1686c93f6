package catalog_test

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// utf16Text encodes s as UTF-16 in the byte order given, as Excel's "Unicode Text"
// writes it (with a byte-order mark when s starts with U+FEFF).
func utf16Text(t *testing.T, s string, order binary.ByteOrder) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, binary.Write(&buf, order, utf16.Encode([]rune(s))))
	return buf.Bytes()
}

// The framework every dialect below holds.
var dialectControls = []catalog.ControlSpec{
	{ID: "AC", Title: "Access control", Kind: "domain"},
	{ID: "AC-1", Title: "Accès, politique", Parent: "AC", Attributes: map[string][]string{"tags": {"a", "b"}}},
	{ID: "AC-2", Title: "Review", Parent: "AC"},
}

// The same framework CSV in the dialects spreadsheets write.
func TestReadCSVDialects(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"}
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"comma LF", []byte("id,title,kind,parent,tags\nAC,Access control,domain,,\nAC-1,\"Accès, politique\",,AC,a;b\nAC-2,Review,,AC,\n")},
		{"comma CRLF", []byte("id,title,kind,parent,tags\r\nAC,Access control,domain,,\r\nAC-1,\"Accès, politique\",,AC,a;b\r\nAC-2,Review,,AC,\r\n")},
		{"semicolon with BOM, CRLF (European Excel)", []byte("\uFEFFID;Title;Kind;Parent;Tags\r\nAC;Access control;domain;;\r\nAC-1;Accès, politique;;AC;\"a;b\"\r\nAC-2;Review;;AC;\r\n")},
		{"tab", []byte("Id\tTitle\tKIND\tParent\ttags\nAC\tAccess control\tdomain\t\t\nAC-1\tAccès, politique\t\tAC\ta;b\nAC-2\tReview\t\tAC\t\n")},
		{"UTF-16LE with BOM, tab, CRLF (Excel Unicode Text)", utf16Text(t, "\uFEFFid\ttitle\tkind\tparent\ttags\r\nAC\tAccess control\tdomain\t\t\r\nAC-1\tAccès, politique\t\tAC\ta;b\r\nAC-2\tReview\t\tAC\t\r\n", binary.LittleEndian)},
		{"UTF-16BE without BOM", utf16Text(t, "id,title,kind,parent,tags\nAC,Access control,domain,,\nAC-1,\"Accès, politique\",,AC,a;b\nAC-2,Review,,AC,\n", binary.BigEndian)},
		{"header spacing and punctuation", []byte(" I.D. ; Title ;kind; Parent ;Tags\nAC;Access control;domain;;\nAC-1;Accès, politique;;AC;\"a;b\"\nAC-2;Review;;AC;\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := catalog.ReadCSV("acme.csv", bytes.NewReader(c.in), meta)
			require.NoError(t, err)
			assert.Equal(t, dialectControls, f.Controls)
		})
	}
}

// Errors in any dialect keep the file, the line, the column and the value.
func TestReadCSVDialectErrors(t *testing.T) {
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"}

	// Latin-1 (Excel's plain "CSV" on Windows) is refused, saying how to save it.
	_, err := catalog.ReadCSV("l.csv", strings.NewReader("id;title\r\nA;Acc\xe8s\r\n"), meta)
	checkErrors(t, "l.csv", err, want{line: 2, field: "column 2", value: "Acc\xe8s", err: catalog.ErrMalformed})
	assert.EqualError(t, err, `l.csv:2: field "column 2" = "Acc\xe8s": malformed input: not UTF-8 text (byte 0xE8); save the file as "CSV UTF-8" or as UTF-16 "Unicode Text"`)

	// In the header too.
	_, err = catalog.ReadCSV("l.csv", strings.NewReader("id;titr\xe9\r\n"), meta)
	checkErrors(t, "l.csv", err, want{line: 1, field: "column 2", value: "titr\xe9", err: catalog.ErrMalformed})

	// UTF-16 cut in half a code unit.
	in := append(utf16Text(t, "\uFEFFid\ttitle\r\nA\tAlpha\r\n", binary.LittleEndian), 'x')
	_, err = catalog.ReadCSV("u.txt", bytes.NewReader(in), meta)
	checkErrors(t, "u.txt", err, want{err: catalog.ErrMalformed})
	assert.EqualError(t, err, "u.txt: malformed input: UTF-16 text with an odd number of bytes")

	// A ';' file: a bare quote names line and column; a problem of a row its line
	// and value, past a BOM and CRLF line ends.
	_, err = catalog.ReadCSV("s.csv", strings.NewReader("\uFEFFid;title\r\nA;Al\"pha\r\n"), meta)
	checkErrors(t, "s.csv", err, want{line: 2, field: "column 5", err: catalog.ErrMalformed})
	_, err = catalog.ReadCSV("s.csv", strings.NewReader("\uFEFFid;title;parent\r\nA;Alpha;\r\nB;Beta;Z\r\n"), meta)
	checkErrors(t, "s.csv", err, want{line: 3, record: `row 2 (id "B")`, field: "parent", value: "Z", err: catalog.ErrDanglingParent})

	// UTF-16 tab text: lines counted in the text.
	_, err = catalog.ReadCSV("u.txt", bytes.NewReader(utf16Text(t, "\uFEFFid\ttitle\r\n\r\nA\t\r\n", binary.LittleEndian)), meta)
	checkErrors(t, "u.txt", err, want{line: 3, record: `row 1 (id "A")`, field: "title", err: catalog.ErrEmptyField})

	// Two headers that fold to one fixed column are one column given twice.
	_, err = catalog.ReadCSV("d.csv", strings.NewReader("ID;Title;I.D.\nA;Alpha;B\n"), meta)
	checkErrors(t, "d.csv", err, want{line: 1, field: "id", err: catalog.ErrDuplicateID})

	// Neither separator finds a fixed column: the first row is read with the
	// separator that splits it most, and the missing columns are named.
	_, err = catalog.ReadCSV("n.csv", strings.NewReader("name;label\nx;y\n"), meta)
	checkErrors(t, "n.csv", err, want{line: 1, field: "id", err: catalog.ErrEmptyField}, want{line: 1, field: "title", err: catalog.ErrEmptyField})
}

// WriteCSV refuses an attribute name that ReadCSV would read as a fixed column.
func TestWriteCSVRefusesFixedLookalike(t *testing.T) {
	f := catalog.Framework{ID: "acme:1", Name: "ACME", Controls: []catalog.ControlSpec{
		{ID: "A", Title: "Alpha", Attributes: map[string][]string{"sum-mary": {"x"}}},
	}}
	var b bytes.Buffer
	err := catalog.WriteCSV(&b, f)
	assert.ErrorIs(t, err, catalog.ErrInvalidValue)
	assert.Empty(t, b.String())
}
