package crosswalk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// errTooLarge is what capReader returns past its limit.
var errTooLarge = fmt.Errorf("%w: the file is larger than %d MiB, the limit for an assessment", ErrTooLarge, MaxAssessmentBytes>>20)

// capReader reads at most limit bytes of r and fails with errTooLarge when r has more.
type capReader struct {
	r    io.Reader
	left int64
}

func newCapReader(r io.Reader) *capReader { return &capReader{r: r, left: MaxAssessmentBytes} }

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a file of exactly the limit from a larger one.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// readCapped reads all of r up to the assessment file limit.
func readCapped(r io.Reader) ([]byte, error) {
	return io.ReadAll(newCapReader(r))
}

// utf16Reader decodes UTF-16 from r into UTF-8.
type utf16Reader struct {
	r         *bufio.Reader
	bigEndian bool
	out       []byte
	err       error
}

func (u *utf16Reader) unit() (uint16, error) {
	var b [2]byte
	n, err := io.ReadFull(u.r, b[:])
	if n == 1 {
		return 0, fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrMalformed)
	}
	if err != nil {
		return 0, err
	}
	if u.bigEndian {
		return uint16(b[0])<<8 | uint16(b[1]), nil
	}
	return uint16(b[1])<<8 | uint16(b[0]), nil
}

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

// decodeText finds the encoding of a CSV file from its first bytes and returns a
// reader of its text in UTF-8, without byte-order mark, and the encoding's name.
func decodeText(br *bufio.Reader) (io.Reader, string) {
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

// sniffSize is how much of a CSV file the delimiter is guessed from.
const sniffSize = 64 << 10

// sniffDelimiter guesses the field separator of a CSV file from its start: the one
// (of ',', ';' and tab) under which a row reads as a header with the most known
// columns; without such a row, the one that splits the first non-blank line into the
// most fields; ',' when nothing tells.
func sniffDelimiter(sample []byte) rune {
	if len(sample) == sniffSize {
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	cands := []rune{',', ';', '\t'}
	best, bestScore, bestLine := ',', 0, 0
	mostFields, mostBy := 1, ','
	for _, d := range cands {
		cr := csv.NewReader(bytes.NewReader(sample))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = d, -1, true
		first := true
		for i := 0; i < maxHeaderSearch; i++ {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if blank(rec) {
				i--
				continue
			}
			if first {
				first = false
				if len(rec) > mostFields {
					mostFields, mostBy = len(rec), d
				}
			}
			score := 0
			seen := map[string]bool{}
			for _, c := range rec {
				if f := fieldOf(c); f != "" && !seen[f] {
					seen[f] = true
					score++
				}
			}
			if seen["control"] {
				line, _ := cr.FieldPos(0)
				if score > bestScore || (score == bestScore && line < bestLine) {
					best, bestScore, bestLine = d, score, line
				}
				break
			}
		}
	}
	if bestScore > 0 {
		return best
	}
	return mostBy
}

// csvSource yields the records of a CSV file.
type csvSource struct {
	cr   *csv.Reader
	name string
}

func (s *csvSource) next() (tableRow, error) {
	rec, err := s.cr.Read()
	if err != nil {
		if errors.Is(err, errTooLarge) {
			line, _ := s.cr.FieldPos(0)
			return tableRow{line: line}, &AssessmentError{File: s.name, Err: errTooLarge}
		}
		if err == io.EOF {
			return tableRow{}, err
		}
		return tableRow{}, csvError(s.name, err)
	}
	line, _ := s.cr.FieldPos(0)
	for i, f := range rec {
		if !utf8.ValidString(f) {
			bad := f[:1]
			for j := 0; j < len(f); {
				r, size := utf8.DecodeRuneInString(f[j:])
				if r == utf8.RuneError && size == 1 {
					bad = f[j : j+1]
					break
				}
				j += size
			}
			return tableRow{line: line}, &AssessmentError{File: s.name, Line: line, Field: fmt.Sprintf("column %d", i+1),
				Err: fmt.Errorf("%w: not UTF-8 text (byte 0x%X); save the file as \"CSV UTF-8\" or as UTF-16 \"Unicode Text\"", ErrMalformed, bad)}
		}
	}
	return tableRow{cells: rec, line: line}, nil
}

func csvError(name string, err error) *AssessmentError {
	e := &AssessmentError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e.Line = pe.Line
		e.Err = fmt.Errorf("%w: column %d: %v", ErrMalformed, pe.Column, pe.Err)
	}
	return e
}
