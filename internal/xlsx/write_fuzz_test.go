package xlsx

import (
	"bytes"
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
