// Package codec is the project's only door to JSON.
//
// Every package of controlgraph encodes and decodes JSON through this package, so the
// third-party encoder (github.com/goccy/go-json) is used in one place and could be
// replaced by changing one file. The wire structs that pass through it are flat (no
// embedded structs) and use only the `omitempty` option, because go-json has open bugs
// with embedded structs combined with omitempty and knows no `omitzero`.
//
// Decoding of user input is strict: unknown fields are errors, and trailing data after
// the document is an error.
package codec

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	json "github.com/goccy/go-json"
)

// Marshal encodes v as compact JSON, byte-for-byte as encoding/json would.
func Marshal(v any) ([]byte, error) {
	return json.Marshal(v)
}

// MarshalIndent encodes v as JSON indented with two spaces and ending with a newline,
// the form of every data file and export of the project.
func MarshalIndent(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Encode writes v to w as indented JSON followed by a newline.
func Encode(w io.Writer, v any) error {
	b, err := MarshalIndent(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// SyntaxError is a JSON document that could not be decoded, with the byte offset and
// the line and column where decoding stopped.
type SyntaxError struct {
	Offset int64 // byte offset into the input
	Line   int   // 1-based line
	Column int   // 1-based column
	Err    error // what went wrong
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrTrailingData is returned by [DecodeStrict] when the input holds more than one JSON
// value.
var ErrTrailingData = errors.New("unexpected data after the JSON document")

// DecodeStrict decodes exactly one JSON document from data into v, rejecting unknown
// fields and trailing data. Errors carry the line and column of the problem as a
// [*SyntaxError].
func DecodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return positioned(data, offsetOf(err, dec.InputOffset()), err)
	}
	off := dec.InputOffset()
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return positioned(data, off, ErrTrailingData)
	}
	return nil
}

func offsetOf(err error, fallback int64) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	var ue *json.UnmarshalTypeError
	if errors.As(err, &ue) {
		return ue.Offset
	}
	return fallback
}

func positioned(data []byte, off int64, err error) error {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Offset: off, Line: line, Column: col, Err: err}
}
