package csvdialect

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/limits"
)

// utf16Bytes encodes s as UTF-16 in the byte order given.
func utf16Bytes(t *testing.T, s string, order binary.ByteOrder) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, binary.Write(&buf, order, utf16.Encode([]rune(s))))
	return buf.Bytes()
}

// idHeader knows the columns "id" and "title"; a row with "id" is the header.
func idHeader(rec []string) (int, bool) {
	seen := map[string]bool{}
	for _, c := range rec {
		if k := Key(c); k == "id" || k == "title" {
			seen[k] = true
		}
	}
	return len(seen), seen["id"]
}

func readAll(t *testing.T, r io.Reader, cfg Config) ([][]string, Dialect) {
	t.Helper()
	cr, d := Open(r, cfg)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	require.NoError(t, err)
	return recs, d
}

func TestOpenDialects(t *testing.T) {
	want := [][]string{{"id", "title"}, {"1", "Café; bar"}, {"2", ""}}
	for _, c := range []struct {
		name string
		in   []byte
		d    Dialect
	}{
		{"comma", []byte("id,title\n1,Café; bar\n2,\n"), Dialect{"UTF-8", ','}},
		{"comma CRLF", []byte("id,title\r\n1,Café; bar\r\n2,\r\n"), Dialect{"UTF-8", ','}},
		{"semicolon BOM", []byte("\xEF\xBB\xBFid;title\r\n1;\"Café; bar\"\r\n2;\r\n"), Dialect{"UTF-8 with BOM", ';'}},
		{"tab", []byte("id\ttitle\n1\tCafé; bar\n2\t\n"), Dialect{"UTF-8", '\t'}},
		{"spaces after separators", []byte("id, title\n1, \"Café; bar\"\n2,\n"), Dialect{"UTF-8", ','}},
		{"UTF-16LE BOM tab CRLF", utf16Bytes(t, "\uFEFFid\ttitle\r\n1\tCafé; bar\r\n2\t\r\n", binary.LittleEndian), Dialect{"UTF-16LE with BOM", '\t'}},
		{"UTF-16BE BOM", utf16Bytes(t, "\uFEFFid;title\n1;\"Café; bar\"\n2;\n", binary.BigEndian), Dialect{"UTF-16BE with BOM", ';'}},
		{"UTF-16LE no BOM", utf16Bytes(t, "id,title\n1,Café; bar\n2,\n", binary.LittleEndian), Dialect{"UTF-16LE", ','}},
		{"UTF-16BE no BOM", utf16Bytes(t, "id,title\n1,Café; bar\n2,\n", binary.BigEndian), Dialect{"UTF-16BE", ','}},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, d := readAll(t, bytes.NewReader(c.in), Config{Header: idHeader})
			assert.Equal(t, c.d, d)
			if c.name == "spaces after separators" {
				assert.Equal(t, [][]string{{"id", "title"}, {"1", "Café; bar"}, {"2", ""}}, recs)
				return
			}
			assert.Equal(t, want, recs)
		})
	}
}

func TestTabKeepsEmptyFields(t *testing.T) {
	// Trimming leading space would, with tabs, eat the empty fields between them.
	recs, d := readAll(t, strings.NewReader("id\ttitle\tx\n1\t\t z\n"), Config{Header: idHeader})
	assert.Equal(t, '\t', d.Delimiter)
	assert.Equal(t, [][]string{{"id", "title", "x"}, {"1", "", " z"}}, recs)
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		in     string
		search int
		want   rune
	}{
		// The header decides, even when another separator splits it more.
		{"id;title;a,b,c,d\n", 1, ';'},
		{"id,title,a;b;c;d\n", 1, ','},
		// A title block above the header, within the search.
		{"Our controls, 2024\n\nid;title\n1;x\n", 3, ';'},
		// Beyond it: the first row decides by its fields.
		{"Our controls, 2024\nmore\nid;title\n", 2, ','},
		// No header: the most fields in the first non-blank row.
		{"\n\na;b;c\n", 1, ';'},
		{"a\tb\n", 1, '\t'},
		// Nothing tells.
		{"abc\n", 1, ','},
		{"", 1, ','},
		// A tie in known columns: the earlier row.
		{"x;y\nid,title\nid;title\n", 3, ','},
	} {
		assert.Equal(t, string(c.want), string(Sniff([]byte(c.in), Config{Header: idHeader, Search: c.search})), "%q", c.in)
	}
	// No HeaderFunc: the most fields.
	assert.Equal(t, ";", string(Sniff([]byte("id,title;a;b\n"), Config{})))
}

func TestSniffCutsAtLastLine(t *testing.T) {
	// A full sample ends mid-row: that row is not read, so it cannot win.
	head := "a;b\n"
	sample := head + strings.Repeat("x", SniffSize-len(head)-len("\nid,title")) + "\nid,title"
	require.Len(t, sample, SniffSize)
	assert.Equal(t, ";", string(Sniff([]byte(sample), Config{Header: idHeader, Search: 3})))
}

func TestDecodeOddUTF16(t *testing.T) {
	in := append(utf16Bytes(t, "\uFEFFid", binary.LittleEndian), 'x')
	text, enc := Decode(bufio.NewReader(bytes.NewReader(in)))
	assert.Equal(t, "UTF-16LE with BOM", enc)
	got, err := io.ReadAll(text)
	assert.ErrorIs(t, err, ErrOddUTF16)
	assert.Equal(t, "id", string(got))
}

func TestDecodeSurrogates(t *testing.T) {
	// A pair decodes to its rune; an unpaired surrogate at the end to U+FFFD.
	in := utf16Bytes(t, "\uFEFFa😀", binary.LittleEndian)
	in = append(in, 0x3D, 0xD8) // a high surrogate and nothing after it
	text, _ := Decode(bufio.NewReader(bytes.NewReader(in)))
	got, err := io.ReadAll(text)
	require.NoError(t, err)
	assert.Equal(t, "a😀\uFFFD", string(got))
}

func TestOpenLineLimit(t *testing.T) {
	in := "id,title\n1," + strings.Repeat("x", 100) + "\n"
	cr, _ := Open(strings.NewReader(in), Config{Header: idHeader, MaxLine: 50})
	_, err := cr.ReadAll()
	var le *limits.Error
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "line", le.What)
	assert.Equal(t, 2, le.Line)

	// UTF-16: the limit counts the decoded text, so lines are counted right.
	cr, _ = Open(bytes.NewReader(utf16Bytes(t, "\uFEFF"+in, binary.LittleEndian)), Config{Header: idHeader, MaxLine: 50})
	_, err = cr.ReadAll()
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, 2, le.Line)
}

func TestBadUTF8(t *testing.T) {
	assert.Nil(t, BadUTF8([]string{"a", "Révisé", ""}))
	e := BadUTF8([]string{"ok", "r\xe9vis\xe9", "\xff"})
	require.NotNil(t, e)
	assert.Equal(t, &EncodingError{Column: 2, Byte: 0xE9}, e)
	assert.Equal(t, `not UTF-8 text (byte 0xE9); save the file as "CSV UTF-8" or as UTF-16 "Unicode Text"`, e.Error())
	// A valid rune before the bad byte is skipped whole.
	assert.Equal(t, &EncodingError{Column: 1, Byte: 0xC3}, BadUTF8([]string{"é\xc3"}))
}

func TestKeyAndBlank(t *testing.T) {
	for _, s := range []string{"Control ID", "control_id", "CONTROL-ID", "  control id ", "Control\u00a0ID"} {
		assert.Equal(t, "controlid", Key(s), s)
	}
	assert.Equal(t, "é2", Key("É 2!"))
	assert.True(t, Blank(nil))
	assert.True(t, Blank([]string{"", " \t", "\u00a0"}))
	assert.False(t, Blank([]string{"", "x"}))
}

func TestDelimiterName(t *testing.T) {
	assert.Equal(t, "comma", Dialect{Delimiter: ','}.DelimiterName())
	assert.Equal(t, "semicolon", Dialect{Delimiter: ';'}.DelimiterName())
	assert.Equal(t, "tab", Dialect{Delimiter: '\t'}.DelimiterName())
}

func FuzzOpen(f *testing.F) {
	f.Add([]byte("id;title\n1;x\n"))
	f.Add([]byte("\xFF\xFEi\x00d\x00\t\x00"))
	f.Add([]byte("\xFE\xFF\x00i\xD8\x3D"))
	f.Add([]byte("\xEF\xBB\xBF\"a\"\"b\",c\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cr, d := Open(bytes.NewReader(data), Config{Header: idHeader, Search: 5, MaxLine: 1 << 10})
		if !strings.ContainsRune(",;\t", d.Delimiter) {
			t.Fatalf("delimiter %q", d.Delimiter)
		}
		cr.FieldsPerRecord = -1
		for {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if d.Encoding != "UTF-8" && d.Encoding != "UTF-8 with BOM" {
				// Decoded UTF-16 is always valid UTF-8.
				if e := BadUTF8(rec); e != nil {
					t.Fatalf("decoded %s gave invalid UTF-8: %v", d.Encoding, e)
				}
			}
		}
	})
}

func TestColumnsHeader(t *testing.T) {
	h := ColumnsHeader("from", "to", "relationship")
	for _, c := range []struct {
		rec    []string
		known  int
		header bool
	}{
		{[]string{"From", " TO ", "relation-ship", "x"}, 3, true},
		{[]string{"from", "From"}, 1, true},
		{[]string{"a", "b"}, 0, false},
		{nil, 0, false},
	} {
		known, header := h(c.rec)
		assert.Equal(t, c.known, known, "%q", c.rec)
		assert.Equal(t, c.header, header, "%q", c.rec)
	}
	// It decides the separator of a file whose header holds the other one.
	assert.Equal(t, ";", string(Sniff([]byte("from;to;relationship,x,y,z\n"), Config{Header: h})))
}

func TestOpenTitleBlock(t *testing.T) {
	// A title block above the header, with commas in it: the header row decides.
	in := "Statement of Applicability, 2024\r\nACME Ltd, London\r\n\r\nid;title\r\n1;x\r\n"
	recs, d := readAll(t, strings.NewReader(in), Config{Header: idHeader, Search: 5})
	assert.Equal(t, Dialect{"UTF-8", ';'}, d)
	assert.Equal(t, []string{"id", "title"}, recs[2])
}

func TestOpenShortInput(t *testing.T) {
	// Less than the four bytes the encoding is found from.
	for _, in := range []string{"", "a", "ab", "a,b"} {
		cr, d := Open(strings.NewReader(in), Config{Header: idHeader})
		assert.Equal(t, "UTF-8", d.Encoding, "%q", in)
		recs, err := cr.ReadAll()
		require.NoError(t, err, "%q", in)
		if in == "" {
			assert.Empty(t, recs)
		} else {
			assert.Equal(t, strings.Split(in, ","), recs[0], "%q", in)
		}
	}
	// A UTF-16 byte-order mark alone is an empty text.
	cr, d := Open(bytes.NewReader([]byte{0xFF, 0xFE}), Config{})
	assert.Equal(t, "UTF-16LE with BOM", d.Encoding)
	recs, err := cr.ReadAll()
	require.NoError(t, err)
	assert.Empty(t, recs)
}

func TestSniffQuotedSeparators(t *testing.T) {
	// Separators inside quoted fields do not split: the title's ';' and tabs are text.
	for _, in := range []string{
		"id,\"title; a; b; c\"\n",
		"\"x;y;z\",id,title\n",
		"id,\"ti\ttle\",\"t\tu\tv\"\n",
	} {
		assert.Equal(t, ",", string(Sniff([]byte(in), Config{Header: ColumnsHeader("id", "title")})), "%q", in)
	}
	// Without a known column, quoted separators do not count as fields either.
	assert.Equal(t, ";", string(Sniff([]byte("\"a,b,c,d\";e\n"), Config{})))
}
