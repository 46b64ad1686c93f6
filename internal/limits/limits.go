// Package limits holds the sizes past which input is refused, and a reader that
// enforces them while reading, so that a hostile or careless file costs bounded
// memory and ends in a clear error instead of a silent truncation or an exhausted
// machine. The README's "Limits and safety" section lists them.
package limits

import (
	"errors"
	"fmt"
	"io"
	"os"
)

const (
	// File is the largest input file read, in bytes (256 MiB). The largest real
	// input known, NIST SP 800-53's full OSCAL catalog, is about 10 MB.
	File = 256 << 20
	// Line is the longest physical line of a CSV file, in bytes (1 MiB).
	Line = 1 << 20
	// Field is the largest CSV cell, in bytes (64 KiB, about 10,000 words).
	Field = 64 << 10
)

// ErrTooLarge is wrapped by the errors of this package: input past a limit.
var ErrTooLarge = errors.New("input too large")

// Error is input past a limit: what (a file, line or field), where, and the limit.
type Error struct {
	What  string // "file", "line" or "field"
	Line  int    // the 1-based line, for a line or field; 0 for a file
	Limit int64  // the limit in bytes
}

func (e *Error) Error() string {
	switch e.What {
	case "file":
		return fmt.Sprintf("%v: the file is larger than %d bytes (%s)", ErrTooLarge, e.Limit, human(e.Limit))
	case "line":
		return fmt.Sprintf("%v: line %d is longer than %d bytes (%s)", ErrTooLarge, e.Line, e.Limit, human(e.Limit))
	}
	return fmt.Sprintf("%v: a %s holds at most %d bytes (%s)", ErrTooLarge, e.What, e.Limit, human(e.Limit))
}

// Unwrap returns [ErrTooLarge].
func (e *Error) Unwrap() error { return ErrTooLarge }

func human(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Reader reads from an underlying reader and fails with an [*Error] as soon as the
// input passes maxFile bytes in all or maxLine bytes in one line (0: no limit), so
// that what reads from it never holds more than that.
type Reader struct {
	r                io.Reader
	maxFile, maxLine int64
	total, lineLen   int64
	line             int
	err              error
}

// NewReader returns a Reader with the limits [File] and [Line].
func NewReader(r io.Reader) *Reader { return NewReaderSize(r, File, Line) }

// NewReaderSize returns a Reader with the given limits (0: none).
func NewReaderSize(r io.Reader, maxFile, maxLine int64) *Reader {
	return &Reader{r: r, maxFile: maxFile, maxLine: maxLine, line: 1}
}

// Read implements [io.Reader].
func (l *Reader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		l.total++
		if l.maxFile > 0 && l.total > l.maxFile {
			l.err = &Error{What: "file", Limit: l.maxFile}
			return i, l.err
		}
		if c == '\n' {
			l.line++
			l.lineLen = 0
			continue
		}
		l.lineLen++
		if l.maxLine > 0 && l.lineLen > l.maxLine {
			l.err = &Error{What: "line", Line: l.line, Limit: l.maxLine}
			return i, l.err
		}
	}
	return n, err
}

// ReadFile reads a whole file, refusing one larger than [File] without reading
// more than that.
func ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f)
}

// ReadAll reads r to its end, refusing input larger than [File] without reading
// more than that.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, File+1))
	if err != nil {
		return nil, err
	}
	if len(data) > File {
		return nil, &Error{What: "file", Limit: File}
	}
	return data, nil
}
