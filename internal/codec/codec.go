// Package codec is the project's only door to JSON.
//
// Every package of controlgraph encodes and decodes JSON through this package, so the
// third-party encoder (github.com/goccy/go-json) is used in one place and could be
// replaced by changing one file. The wire structs that pass through it are flat (no
// embedded structs) and use only the `omitempty` option, because go-json has open bugs
// with embedded structs combined with omitempty and knows no `omitzero`.
//
// Decoding of user input ([DecodeStrict]) is strict and bounded: the whole buffer is
// read once by the package's own checker, in time linear in its size, before the
// decoder sees it; unknown fields, members named twice, wrong JSON types, invalid
// UTF-8, raw control characters in strings, nesting deeper than [MaxDepth] and data
// after the document are errors with their line, column and path; and a panic
// inside the decoder comes back as an error. Into a plain value (*any, as the OSCAL
// import decodes) the checker builds the value itself in its one pass, and go-json
// is not used at all. go-json's stream Decoder is never used:
// it copies the rest of the buffer at each escape sequence (quadratic time) and
// panics on some invalid UTF-8.
package codec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	stdjson "encoding/json"

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
	Column int   // 1-based column, counted in bytes (as encoding/csv counts them)
	// Path is where in the document the problem is, as object keys and array
	// indexes from the top: "controls[3]" for a value inside the fourth element of
	// the "controls" array, "" at the top level.
	Path string
	// Field is the name of the object member at fault when known: the unknown field
	// that strict decoding rejected.
	Field string
	Err   error // what went wrong; wraps ErrUnknownField for an unknown field
}

// Error gives the line, the column and what went wrong.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
}

// Unwrap returns what went wrong, for [errors.Is] (as with [ErrUnknownField]).
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrUnknownField is wrapped by the [*SyntaxError] of [DecodeStrict] when the input has
// an object member that the target type does not have.
var ErrUnknownField = errors.New("unknown field")

// ErrDuplicateField is wrapped by the [*SyntaxError] of [DecodeStrict] when an object
// names the same member twice: decoding would keep the last value and silently drop
// the first.
var ErrDuplicateField = errors.New("duplicate field")

// ErrTrailingData is returned by [DecodeStrict] when the input holds more than one JSON
// value.
var ErrTrailingData = errors.New("unexpected data after the JSON document")

// DecodeStrict decodes exactly one JSON document from data into v, rejecting unknown
// fields (a member name must match a field's name exactly, case included), members
// named twice in one object, values of the wrong JSON type, invalid UTF-8, raw
// control characters inside strings, nesting deeper than [MaxDepth] and any data
// after the document (a NUL byte included). Errors carry the line and column of the
// problem as a [*SyntaxError].
//
// It reads the whole buffer once to check it, then decodes it whole: time grows
// linearly with the size of the input, escape sequences included. A panic inside
// the decoder is recovered and returned as [ErrDecoder].
//
// Into a plain value (v of type *any) the checker decodes the document itself, in
// the same pass, with the result encoding/json gives; the checks are the same.
func DecodeStrict(data []byte, v any) (err error) {
	c := checker{data: data}
	if p, ok := v.(*any); ok && p != nil {
		t, ok := c.tree()
		if !ok {
			return c.syntaxError()
		}
		*p = t
		return nil
	}
	if !c.document(reflect.TypeOf(v)) {
		return c.syntaxError()
	}
	defer func() {
		if r := recover(); r != nil {
			err = positioned(data, 0, fmt.Errorf("%w: %v", ErrDecoder, r))
		}
	}()
	if err := unmarshal(data, v); err != nil {
		return positioned(data, offsetOf(err, 0), err)
	}
	return nil
}

// unmarshal decodes data with go-json, or with encoding/json when data escapes a
// UTF-16 surrogate ("\ud83d"): go-json's unescaping of surrogates computes pointers
// outside its buffer (the race detector's checkptr aborts the process on it), so such
// documents — rare, and already checked — take the standard library's path.
// syntaxError is the checker's problem, positioned.
func (c *checker) syntaxError() *SyntaxError {
	se := positioned(c.data, int64(c.off), c.err).(*SyntaxError)
	if c.field != "" {
		se.Field = c.field
	}
	return se
}

func unmarshal(data []byte, v any) error {
	if hasSurrogateEscape(data) {
		return stdjson.Unmarshal(data, v)
	}
	return json.Unmarshal(data, v)
}

// hasSurrogateEscape reports whether data holds an escape \uD800 … \uDFFF.
func hasSurrogateEscape(data []byte) bool {
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(`\u`))
		if j < 0 {
			return false
		}
		i += j + 2
		if i+1 < len(data) && (data[i] == 'd' || data[i] == 'D') {
			switch data[i+1] {
			case '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'D', 'E', 'F':
				return true
			}
		}
	}
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
	path, _ := pathAt(data, off)
	return &SyntaxError{Offset: off, Line: line, Column: col, Path: path, Err: err}
}

// pathAt returns the path ("controls[3].attributes") of the innermost object member
// or array element open at byte offset off of data, and the key of that member when
// the path ends in one. It reads only the structure (brackets, strings, commas) and
// tolerates malformed input.
func pathAt(data []byte, off int64) (path, key string) {
	var s scanner
	for i := 0; i < int(off) && i < len(data); i++ {
		i = s.step(data, i)
	}
	return s.path()
}

// LineOf returns the 1-based line on which the object or array at path begins in the
// JSON document data, or 0 when there is none. Paths are written as in
// [SyntaxError.Path]: "controls[3]", "frameworks[0].controls[12]", "" for the whole
// document. It is meant for error messages about valid documents, and tolerates
// malformed ones.
func LineOf(data []byte, path string) int {
	var s scanner
	line := 1
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			line++
		case '{', '[':
			if p, _ := s.path(); p == path {
				return line
			}
		}
		j := s.step(data, i)
		line += bytes.Count(data[i+1:min(j+1, len(data))], []byte{'\n'})
		i = j
	}
	return 0
}

// Lines maps the paths of a document's objects and arrays to the lines they begin
// on, for error messages that name many places in one document: it is built in one
// pass, so that finding the line of each of n problems costs O(size + n), where
// [LineOf] per problem would cost O(size × n).
type Lines struct {
	data  []byte
	built bool
	lines map[string]int
}

// NewLines returns the line index of data; it reads data on the first [Lines.Of].
func NewLines(data []byte) *Lines { return &Lines{data: data} }

// Of returns what [LineOf] returns for path.
func (l *Lines) Of(path string) int {
	if !l.built {
		l.built = true
		l.lines = map[string]int{}
		var s scanner
		line := 1
		data := l.data
		for i := 0; i < len(data); i++ {
			switch data[i] {
			case '\n':
				line++
			case '{', '[':
				if p, _ := s.path(); l.lines[p] == 0 {
					l.lines[p] = line
				}
			}
			j := s.step(data, i)
			line += bytes.Count(data[i+1:min(j+1, len(data))], []byte{'\n'})
			i = j
		}
	}
	return l.lines[path]
}

// scanner follows the nesting of a JSON document byte by byte, enough to name the
// path of the value being read.
type scanner struct {
	stack []frame
}

type frame struct {
	array bool
	index int    // for an array: the element being read
	key   string // for an object: the member being read
	inKey bool   // for an object: expecting a key next
}

// step reads the byte at i (and a whole string when one starts there) and returns
// the index of the last byte it read.
func (s *scanner) step(data []byte, i int) int {
	switch c := data[i]; c {
	case '"':
		return s.str(data, i)
	case '{':
		s.stack = append(s.stack, frame{inKey: true})
	case '[':
		s.stack = append(s.stack, frame{array: true})
	case '}', ']':
		if len(s.stack) > 0 {
			s.stack = s.stack[:len(s.stack)-1]
		}
	case ',':
		if n := len(s.stack); n > 0 {
			if s.stack[n-1].array {
				s.stack[n-1].index++
			} else {
				s.stack[n-1].inKey = true
			}
		}
	}
	return i
}

// str reads the string starting at i (a '"'), taking it as the key of the member
// being read when the innermost object expects one, and returns the index of its
// last byte.
func (s *scanner) str(data []byte, i int) int {
	j := i + 1
	for j < len(data) && data[j] != '"' {
		if data[j] == '\\' {
			j++
		}
		j++
	}
	if n := len(s.stack); n > 0 && !s.stack[n-1].array && s.stack[n-1].inKey {
		end := min(j, len(data))
		k, err := strconv.Unquote(string(data[i : end+min(1, len(data)-end)]))
		if err != nil {
			k = string(data[i+1 : end])
		}
		s.stack[n-1].key, s.stack[n-1].inKey = k, false
	}
	return min(j, len(data)-1)
}

// path returns the path of the value being read and, when it is an object member,
// its key.
func (s *scanner) path() (path, key string) {
	var b strings.Builder
	for i, f := range s.stack {
		switch {
		case f.array:
			fmt.Fprintf(&b, "[%d]", f.index)
		case f.key != "" && !f.inKey:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
			if i == len(s.stack)-1 {
				key = f.key
			}
		}
	}
	return b.String(), key
}

// DecodeTrusted decodes data into v without the strict checks of [DecodeStrict]
// (unknown fields are ignored, trailing data is not looked for). It is for the
// project's own embedded data only, which the tests decode strictly; it is several
// times faster. Never use it for user input.
func DecodeTrusted(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDecoder, r)
		}
	}()
	return unmarshal(data, v)
}
