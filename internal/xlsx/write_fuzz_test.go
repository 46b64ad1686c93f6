package xlsx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzWriteText: any text a cell holds, and any sheet name the writer accepts, is
// read back unchanged by an independent reader (excelize); the writer never
// panics.
func FuzzWriteText(f *testing.F) {
	for _, s := range []string{"", "plain", "  spaces  ", "a\x00b", "_x0041_", "\r\n", "<&>\"'", "\uFFFE", "🙂", "_x005F_x0041_"} {
		f.Add(s, "Sheet")
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		w := New(Properties{Title: text})
		s, err := w.AddSheet(name)
		if err != nil {
			if s, err = w.AddSheet("Sheet"); err != nil {
				t.Fatal(err)
			}
		}
		err = s.AppendRow(Cell{Value: text}, Cell{Value: 1})
		if !utf8.ValidString(text) || utf8.RuneCountInString(text) > MaxCellChars {
			if err == nil {
				t.Fatalf("text %q accepted", text)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w.Write(&b); err != nil {
			t.Fatal(err)
		}
		book, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = book.Close() }()
		if got := book.GetSheetList(); len(got) != 1 || got[0] != s.Name() {
			t.Fatalf("sheets %q, want %q", got, s.Name())
		}
		got, err := book.GetCellValue(s.Name(), "A1")
		if err != nil {
			t.Fatal(err)
		}
		if got != text {
			t.Fatalf("read back %q, wrote %q", got, text)
		}
	})
}

// FuzzEscapeText: a cell's text, escaped, parsed as XML and its _xHHHH_ escapes
// decoded as ECMA-376 says, is the text again. Faster than FuzzWriteText, so it
// reaches more inputs; the decoder here is the test's own.
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"", "_x0041_", "_x0000\x1e", "a\r\nb", "\uFFFF_x12ab_\x01", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		var got struct {
			T string `xml:"t"`
		}
		if err := xml.Unmarshal([]byte("<si>"+textElement(text)+"</si>"), &got); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if back := decodeX(got.T); back != text {
			t.Fatalf("read back %q, wrote %q (escaped %q)", back, text, escText(text, true))
		}
	})
}

// decodeX replaces each _xHHHH_ of s, left to right and not overlapping, by the
// UTF-16 code unit it names.
func decodeX(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
