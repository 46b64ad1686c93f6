package mappings_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// utf16Text encodes s as UTF-16 in the byte order given, as Excel's "Unicode Text"
// writes it (with a byte-order mark when s starts with U+FEFF).
func utf16Text(t *testing.T, s string, order binary.ByteOrder) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, binary.Write(&buf, order, utf16.Encode([]rune(s))))
	return buf.Bytes()
}

// The edges every dialect below holds.
var dialectEdges = []mappings.Edge{
	{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.SubsetOf, Strength: 7, HasStrength: true, Source: "acme-doc", Note: "Révisé; 2024"},
	{From: catalog.NewRef("acme:1", "AC-2"), To: catalog.NewRef(catalog.ISO27002v2022, "5.15"), Relationship: mappings.Equal, Source: "acme-doc"},
}

// The same mapping CSV in the dialects spreadsheets write.
func TestReadCSVDialects(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"comma LF", []byte("from,to,relationship,strength,note\nAC-1,5.1,subset-of,7,Révisé; 2024\nAC-2,5.15,equal,,\n")},
		{"comma CRLF", []byte("from,to,relationship,strength,note\r\nAC-1,5.1,subset-of,7,Révisé; 2024\r\nAC-2,5.15,equal,,\r\n")},
		{"semicolon with BOM, CRLF (European Excel)", []byte("\uFEFFFrom;To;Relationship;Strength;Note\r\nAC-1;5.1;subset-of;7;\"Révisé; 2024\"\r\nAC-2;5.15;equal;;\r\n")},
		{"tab", []byte("FROM\tTO\tRELATIONSHIP\tSTRENGTH\tNOTE\nAC-1\t5.1\tsubset-of\t7\tRévisé; 2024\nAC-2\t5.15\tequal\t\t\n")},
		{"UTF-16LE with BOM, tab, CRLF (Excel Unicode Text)", utf16Text(t, "\uFEFFfrom\tto\trelationship\tstrength\tnote\r\nAC-1\t5.1\tsubset-of\t7\tRévisé; 2024\r\nAC-2\t5.15\tequal\t\t\r\n", binary.LittleEndian)},
		{"UTF-16BE without BOM", utf16Text(t, "from,to,relationship,strength,note\nAC-1,5.1,subset-of,7,Révisé; 2024\nAC-2,5.15,equal,,\n", binary.BigEndian)},
		{"header spacing and punctuation", []byte(" From ; To ;Relation-ship; strength ;Note\nAC-1;5.1;subset-of;7;\"Révisé; 2024\"\nAC-2;5.15;equal;;\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := mappings.ReadCSV("acme.csv", bytes.NewReader(c.in), acmeMeta())
			require.NoError(t, err)
			assert.Equal(t, dialectEdges, s.Edges)
		})
	}
}

// Errors in any dialect keep the file, the line, the column and the value.
func TestReadCSVDialectErrors(t *testing.T) {
	problem := func(t *testing.T, err error) *catalog.DataError {
		t.Helper()
		var p *catalog.DataError
		require.True(t, errors.As(err, &p), "%v", err)
		return p
	}

	// Latin-1 (Excel's plain "CSV" on Windows) is refused, saying how to save it.
	_, err := mappings.ReadCSV("l.csv", strings.NewReader("from;to;relationship;note\r\nAC-1;5.1;equal;r\xe9vis\xe9\r\n"), acmeMeta())
	assert.ErrorIs(t, err, mappings.ErrMalformed)
	assert.EqualError(t, err, `l.csv:2: set "acme": field "column 4" = "r\xe9vis\xe9": malformed input: not UTF-8 text (byte 0xE9); save the file as "CSV UTF-8" or as UTF-16 "Unicode Text"`)
	// In the header too.
	_, err = mappings.ReadCSV("l.csv", strings.NewReader("from;to;relationship;r\xe9f\r\n"), acmeMeta())
	p := problem(t, err)
	assert.Equal(t, 1, p.Line)
	assert.Equal(t, "column 4", p.Field)

	// UTF-16 cut in half a code unit.
	in := append(utf16Text(t, "\uFEFFfrom\tto\trelationship\r\nAC-1\t5.1\tequal\r\n", binary.LittleEndian), 'x')
	_, err = mappings.ReadCSV("u.txt", bytes.NewReader(in), acmeMeta())
	assert.ErrorIs(t, err, mappings.ErrMalformed)
	assert.Contains(t, err.Error(), "UTF-16 text with an odd number of bytes")

	// A ';' file with BOM and CRLF: a bad value names its line, field and value; a
	// bare quote its line and column.
	_, err = mappings.ReadCSV("s.csv", strings.NewReader("\uFEFFfrom;to;relationship\r\nAC-1;5.1;equal\r\nAC-2;5.2;same-ish\r\n"), acmeMeta())
	assert.EqualError(t, err, `s.csv:3: set "acme": field "relationship" = "same-ish": unknown relationship: want equal, subset-of, superset-of, intersects-with, not-related-to or related`)
	_, err = mappings.ReadCSV("s.csv", strings.NewReader("from;to;relationship\r\nAC-1;5\"1;equal\r\n"), acmeMeta())
	p = problem(t, err)
	assert.Equal(t, 2, p.Line)
	assert.Equal(t, "column 7", p.Field)
	assert.ErrorIs(t, p, mappings.ErrMalformed)

	// UTF-16 tab text: CheckCSV's lines count the text's lines.
	meta := mappings.Set{ID: "mine", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "my-doc"}}
	_, ps := mappings.CheckCSV("u.txt", bytes.NewReader(utf16Text(t, "\uFEFFFrom\tTo\tRelationship\r\n\r\nGV.OC-01\t9.99\trelated\r\n", binary.LittleEndian)), meta, nil)
	require.Len(t, ps, 1)
	assert.Equal(t, `u.txt:3: set "mine": edge (nist-csf:2.0/GV.OC-01 → iso27002:2022/9.99): field "to" = "iso27002:2022/9.99": no such control in the catalog: iso27002:2022 has no control "9.99"`, ps[0].Error())

	// Two headers that fold to one column are one column given twice; an unknown
	// one is still an error, named as written.
	_, err = mappings.ReadCSV("d.csv", strings.NewReader("From;to;relationship;FROM\n"), acmeMeta())
	p = problem(t, err)
	assert.Equal(t, "from", p.Field)
	assert.ErrorIs(t, p, mappings.ErrInvalidValue)
	_, err = mappings.ReadCSV("d.csv", strings.NewReader("from;to;relationship;Colour\n"), acmeMeta())
	assert.EqualError(t, err, `d.csv:1: set "acme": field "column 4" = "colour": unknown field: want from, to, relationship, strength, rationale, source, label or note`)
}
