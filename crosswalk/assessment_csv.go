package crosswalk

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
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

// csvHeader rates a record as an assessment's header row for
// [csvdialect.Sniff]: the number of different fields its cells name, and whether
// one of them is the control column.
func csvHeader(rec []string) (int, bool) {
	seen := map[string]bool{}
	for _, c := range rec {
		if f := fieldOf(c); f != "" {
			seen[f] = true
		}
	}
	return len(seen), seen["control"]
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
			return tableRow{line: line}, &catalog.DataError{File: s.name, Err: errTooLarge}
		}
		if err == io.EOF {
			return tableRow{}, err
		}
		return tableRow{}, csvError(s.name, err)
	}
	line, _ := s.cr.FieldPos(0)
	if be := csvdialect.BadUTF8(rec); be != nil {
		return tableRow{line: line}, &catalog.DataError{File: s.name, Line: line, Field: fmt.Sprintf("column %d", be.Column),
			Err: fmt.Errorf("%w: %v", ErrMalformed, be)}
	}
	return tableRow{cells: rec, line: line}, nil
}

func csvError(name string, err error) *catalog.DataError {
	e := &catalog.DataError{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e.Line = pe.Line
		e.Err = fmt.Errorf("%w: column %d: %v", ErrMalformed, pe.Column, pe.Err)
	}
	return e
}
