// Package csvdialect reads CSV as spreadsheets write it, for the project's three CSV
// readers (frameworks in package catalog, mapping sets in package mappings,
// assessments in package crosswalk), so that they accept the same files:
//
//   - the text is UTF-8, with or without a byte-order mark, or UTF-16 (Excel's
//     "Unicode Text"), little- or big-endian, with a byte-order mark or recognisable
//     without one (ASCII text has a zero byte in every other place); it is decoded
//     to UTF-8 and the byte-order mark taken off;
//   - the field separator is ',', ';' (Excel in much of Europe) or a tab, found from
//     the first 64 KiB: the one under which a row reads as the reader's header row
//     with the most columns it knows; without such a row, the one that splits the
//     first non-blank row into the most fields; ',' when nothing tells;
//   - lines end in LF or CRLF (encoding/csv reads both).
//
// Text that is not UTF-8 after decoding (Latin-1 or Windows-1252, what Excel's plain
// "CSV" writes on Windows) is not guessed at: [BadUTF8] finds it, and the readers
// refuse it with an [*EncodingError] that says how to save the file.
package csvdialect

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/internal/limits"
)

// Dialect is what [Open] found a file to be written in.
type Dialect struct {
	// Encoding is "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE with
	// BOM", "UTF-16LE" or "UTF-16BE".
	Encoding string
	// Delimiter is the field separator: ',', ';' or '\t'.
	Delimiter rune
}

// DelimiterName names the separator as the readers' messages do: "comma",
// "semicolon" or "tab".
func (d Dialect) DelimiterName() string {
	switch d.Delimiter {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// Delimiters are the field separators tried, in order of preference on a tie.
var Delimiters = []rune{',', ';', '\t'}

// HeaderFunc rates a record as a reader's header row: known is how many different
// columns the reader knows it names, and isHeader whether it is the header row (it
// names the column that marks one, such as an assessment's control column).
type HeaderFunc func(rec []string) (known int, isHeader bool)

// ColumnsHeader returns the HeaderFunc of a reader whose header row is its first
// non-blank row, with columns of the names given (compared by [Key]): known is how
// many different ones a record names, and any of them makes it the header.
func ColumnsHeader(names ...string) HeaderFunc {
	keys := make(map[string]bool, len(names))
	for _, n := range names {
		keys[Key(n)] = true
	}
	return func(rec []string) (int, bool) {
		seen := map[string]bool{}
		for _, c := range rec {
			if k := Key(c); keys[k] {
				seen[k] = true
			}
		}
		return len(seen), len(seen) > 0
	}
}

// Config says how a reader finds its header row.
type Config struct {
	// Header rates a record as the header row; nil: the separator is the one that
	// splits the first non-blank row into the most fields.
	Header HeaderFunc
	// Search is how many non-blank rows may come before and including the header
	// row (a title block above it); 0 means 1: the header is the first non-blank row.
	Search int
	// MaxLine is the longest line of decoded text, in bytes; a longer one fails the
	// reading with a [*limits.Error]. 0: no limit.
	MaxLine int64
}

// SniffSize is how much of the decoded text the separator is found from.
const SniffSize = 64 << 10

// Open returns a CSV reader of r in the dialect found from its start, and the dialect.
// r is read as it is: a caller with a size limit wraps r in its limit first. The
// reader is set up for the separator; it trims leading space of a field (but for a
// tab, where that would eat the empty fields between tabs) and leaves the other
// settings (FieldsPerRecord, ...) at encoding/csv's defaults.
func Open(r io.Reader, cfg Config) (*csv.Reader, Dialect) {
	text, enc := Decode(bufio.NewReaderSize(r, 4096))
	if cfg.MaxLine > 0 {
		text = limits.NewReaderSize(text, 0, cfg.MaxLine)
	}
	tb := bufio.NewReaderSize(text, SniffSize)
	sample, _ := tb.Peek(SniffSize)
	d := Dialect{Encoding: enc, Delimiter: Sniff(sample, cfg)}
	cr := csv.NewReader(tb)
	cr.Comma = d.Delimiter
	cr.TrimLeadingSpace = d.Delimiter != '\t'
	return cr, d
}

// Decode finds the encoding of a text from its first bytes and returns a reader of
// the text in UTF-8, without its byte-order mark, and the encoding's name (see
// [Dialect.Encoding]). Text of an unknown encoding is returned as it is, as "UTF-8".
func Decode(br *bufio.Reader) (io.Reader, string) {
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
		return br, "UTF-8 with BOM"
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		br.Discard(2)
		return &utf16Reader{r: br}, "UTF-16LE with BOM"
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		br.Discard(2)
		return &utf16Reader{r: br, bigEndian: true}, "UTF-16BE with BOM"
	case len(head) == 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0:
		return &utf16Reader{r: br}, "UTF-16LE"
	case len(head) == 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0:
		return &utf16Reader{r: br, bigEndian: true}, "UTF-16BE"
	}
	return br, "UTF-8"
}

// ErrOddUTF16 is the error of UTF-16 text that ends in half a code unit.
var ErrOddUTF16 = errors.New("UTF-16 text with an odd number of bytes")

// utf16Reader decodes UTF-16 from r into UTF-8; an unpaired surrogate becomes
// U+FFFD.
type utf16Reader struct {
	r         *bufio.Reader
	bigEndian bool
	out       []byte
	err       error
}

// unit reads one code unit.
func (u *utf16Reader) unit() (uint16, error) {
	var b [2]byte
	n, err := io.ReadFull(u.r, b[:])
	if n == 1 {
		return 0, ErrOddUTF16
	}
	if err != nil {
		return 0, err
	}
	if u.bigEndian {
		return uint16(b[0])<<8 | uint16(b[1]), nil
	}
	return uint16(b[1])<<8 | uint16(b[0]), nil
}

// Read implements [io.Reader].
func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) && u.err == nil {
		c, err := u.unit()
		if err != nil {
			u.err = err
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			c2, err := u.unit()
			if err != nil {
				u.err = err
				r = utf8.RuneError
			} else {
				r = utf16.DecodeRune(r, rune(c2))
			}
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	if n > 0 {
		return n, nil
	}
	return 0, u.err
}

// Sniff finds the field separator of a CSV text from its start (see the package
// comment): the one of [Delimiters] under which a row within cfg.Search non-blank
// rows is a header row with the most known columns (on a tie, the earlier row, then
// the earlier separator); without one, the separator that splits the first non-blank
// row into the most fields; ',' when nothing tells. A sample of [SniffSize] bytes
// is cut after its last line break, so that no row is read in half.
func Sniff(sample []byte, cfg Config) rune {
	if len(sample) == SniffSize {
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best, bestKnown, bestLine := ',', 0, 0
	mostFields, mostBy := 1, ','
	for _, d := range Delimiters {
		h := findHeader(sample, d, cfg)
		if h.firstFields > mostFields {
			mostFields, mostBy = h.firstFields, d
		}
		if h.line > 0 && (h.known > bestKnown || (h.known == bestKnown && h.line < bestLine)) {
			best, bestKnown, bestLine = d, h.known, h.line
		}
	}
	if bestKnown > 0 {
		return best
	}
	return mostBy
}

// headerAt is what [findHeader] found under one separator.
type headerAt struct {
	firstFields int // fields of the first non-blank row
	line        int // line of the header row; 0: none found
	known       int // known columns of the header row
}

// findHeader reads sample split at d and looks for the header row among the first
// cfg.Search non-blank rows.
func findHeader(sample []byte, d rune, cfg Config) headerAt {
	cr := csv.NewReader(bytes.NewReader(sample))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = d, -1, true
	search := max(cfg.Search, 1)
	var h headerAt
	for i := 0; i < search; {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if Blank(rec) {
			continue
		}
		if i == 0 {
			h.firstFields = len(rec)
		}
		i++
		if cfg.Header == nil {
			break
		}
		if known, ok := cfg.Header(rec); ok {
			h.line, _ = cr.FieldPos(0)
			h.known = known
			break
		}
	}
	return h
}

// Blank reports whether every cell of rec is empty or white space.
func Blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Key folds a header cell for comparing column names: lower case, letters and digits
// only, so that "Control ID", "control_id" and "CONTROL-ID" are one name.
func Key(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EncodingError is a cell that is not UTF-8 text: a file in another encoding.
type EncodingError struct {
	Column int  // 1-based column of the cell
	Byte   byte // the first byte that is not UTF-8
}

// Error says what was found and how to save the file instead.
func (e *EncodingError) Error() string {
	return fmt.Sprintf("not UTF-8 text (byte 0x%X); save the file as \"CSV UTF-8\" or as UTF-16 \"Unicode Text\"", e.Byte)
}

// BadUTF8 returns an [*EncodingError] for the first cell of rec that is not valid
// UTF-8, nil when every cell is.
func BadUTF8(rec []string) *EncodingError {
	for i, f := range rec {
		if utf8.ValidString(f) {
			continue
		}
		for j := 0; j < len(f); {
			r, size := utf8.DecodeRuneInString(f[j:])
			if r == utf8.RuneError && size == 1 {
				return &EncodingError{Column: i + 1, Byte: f[j]}
			}
			j += size
		}
	}
	return nil
}
