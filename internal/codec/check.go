package codec

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// MaxDepth is how deeply objects and arrays may nest in a document [DecodeStrict]
// reads. The project's documents nest less than 20 levels (an OSCAL catalog's parts
// inside controls inside groups).
const MaxDepth = 1000

// Problems [DecodeStrict] finds before decoding; each comes wrapped in a
// [*SyntaxError] with its position.
var (
	// ErrInvalidUTF8 is a byte sequence that is not UTF-8. The input is refused
	// rather than repaired: a repaired value would differ from what the file says.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrControlChar is a control character (U+0000–U+001F) written raw inside a
	// string, where JSON requires an escape such as \n or \u0000.
	ErrControlChar = errors.New("control character in a string")
	// ErrTooDeep is a document nested deeper than [MaxDepth].
	ErrTooDeep = fmt.Errorf("nested deeper than %d levels", MaxDepth)
	// ErrSyntax is any other violation of the JSON grammar.
	ErrSyntax = errors.New("invalid JSON")
	// ErrWrongType is a value of another JSON type than the field takes.
	ErrWrongType = errors.New("wrong type")
	// ErrDecoder is a failure inside the third-party decoder (a panic, recovered).
	ErrDecoder = errors.New("JSON decoder failure")
)

// checker reads a whole document once, in linear time, and checks everything
// strictness needs before the decoder sees it: the grammar, UTF-8, depth, members
// named twice, members the target type does not have, JSON types against Go types,
// and trailing data. It stops at the first problem, at its offset.
type checker struct {
	data  []byte
	i     int
	depth int
	err   error // what went wrong, at off
	off   int
	field string // the member at fault, for unknown and duplicate fields
}

var (
	unmarshalerType     = reflect.TypeFor[interface{ UnmarshalJSON([]byte) error }]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (c *checker) fail(off int, err error) bool {
	if c.err == nil {
		c.err, c.off = err, off
	}
	return false
}

func (c *checker) ws() {
	for c.i < len(c.data) {
		switch c.data[c.i] {
		case ' ', '\t', '\n', '\r':
			c.i++
		default:
			return
		}
	}
}

// document checks data as one JSON value of Go type t (nil: any value).
func (c *checker) document(t reflect.Type) bool {
	c.ws()
	if !c.value(t) {
		return false
	}
	c.ws()
	if c.i < len(c.data) {
		if c.data[c.i] == 0 {
			return c.fail(c.i, fmt.Errorf("%w (a NUL byte, then %d more bytes)", ErrTrailingData, len(c.data)-c.i-1))
		}
		return c.fail(c.i, ErrTrailingData)
	}
	return true
}

// jsonKind names the JSON type of the value starting with byte b.
func jsonKind(b byte) string {
	switch b {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// want reports whether a JSON value starting with b suits Go type t, for the value
// kinds the project's wire types use; the decoder checks the rest (a number's range).
func want(t reflect.Type, b byte) (ok bool, wantKind string) {
	if b == 'n' || t == nil {
		return true, ""
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return b == '{', "an object"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return b == '"' || b == '[', "a string"
		}
		return b == '[', "an array"
	case reflect.Array:
		return b == '[', "an array"
	case reflect.String:
		return b == '"', "a string"
	case reflect.Bool:
		return b == 't' || b == 'f', "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return b == '-' || (b >= '0' && b <= '9'), "a number"
	}
	return true, ""
}

var elemCache sync.Map // reflect.Type → resolved reflect.Type (nil for any value)

// elem resolves pointers and types that decode themselves (nil: accept any value).
func elem(t reflect.Type) reflect.Type {
	if t == nil {
		return nil
	}
	if r, ok := elemCache.Load(t); ok {
		rt, _ := r.(reflect.Type)
		return rt
	}
	r := resolve(t)
	elemCache.Store(t, r)
	return r
}

func resolve(t reflect.Type) reflect.Type {
	for t != nil {
		if t.Kind() == reflect.Interface {
			return nil
		}
		if t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) {
			return nil
		}
		if t.Kind() != reflect.Pointer {
			if reflect.PointerTo(t).Implements(textUnmarshalerType) {
				return reflect.TypeFor[string]()
			}
			return t
		}
		t = t.Elem()
	}
	return nil
}

func (c *checker) value(t reflect.Type) bool {
	if c.i >= len(c.data) {
		return c.fail(c.i, fmt.Errorf("%w: unexpected end of input", ErrSyntax))
	}
	t = elem(t)
	b := c.data[c.i]
	if ok, w := want(t, b); !ok && strings.IndexByte(`{["tfn-0123456789`, b) >= 0 {
		return c.fail(c.i, fmt.Errorf("%w: want %s, got %s", ErrWrongType, w, jsonKind(b)))
	}
	switch {
	case b == '{':
		return c.object(t)
	case b == '[':
		return c.array(t)
	case b == '"':
		_, ok := c.str(false)
		return ok
	case b == 't':
		return c.literal("true")
	case b == 'f':
		return c.literal("false")
	case b == 'n':
		return c.literal("null")
	case b == '-' || (b >= '0' && b <= '9'):
		return c.number()
	}
	return c.fail(c.i, fmt.Errorf("%w: %s where a value should begin", ErrSyntax, describe(c.data, c.i)))
}

// describe names the byte at i for a message, or the character starting there.
func describe(data []byte, i int) string {
	r, size := utf8.DecodeRune(data[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x", data[i])
	}
	if safetext.IsControl(r) {
		return fmt.Sprintf("character %U", r)
	}
	return fmt.Sprintf("character %q", r)
}

func (c *checker) literal(lit string) bool {
	for k := 0; k < len(lit); k++ {
		if c.i+k >= len(c.data) {
			return c.fail(c.i+k, fmt.Errorf("%w: unexpected end of input in %q", ErrSyntax, lit))
		}
		if c.data[c.i+k] != lit[k] {
			return c.fail(c.i+k, fmt.Errorf("%w: %s in literal %s", ErrSyntax, describe(c.data, c.i+k), lit))
		}
	}
	c.i += len(lit)
	return true
}

func (c *checker) number() bool {
	d := c.data
	if d[c.i] == '-' {
		c.i++
	}
	switch {
	case c.i < len(d) && d[c.i] == '0':
		c.i++
	case c.digits() == 0:
		return c.badNumber()
	}
	if c.i < len(d) && d[c.i] == '.' {
		c.i++
		if c.digits() == 0 {
			return c.badNumber()
		}
	}
	if c.i < len(d) && (d[c.i] == 'e' || d[c.i] == 'E') {
		c.i++
		if c.i < len(d) && (d[c.i] == '+' || d[c.i] == '-') {
			c.i++
		}
		if c.digits() == 0 {
			return c.badNumber()
		}
	}
	return true
}

// digits moves past the decimal digits at c.i and returns how many there were.
func (c *checker) digits() int {
	n := 0
	for c.i < len(c.data) && c.data[c.i] >= '0' && c.data[c.i] <= '9' {
		c.i++
		n++
	}
	return n
}

// badNumber reports what stands at c.i where a number needs a digit.
func (c *checker) badNumber() bool {
	if c.i >= len(c.data) {
		return c.fail(c.i, fmt.Errorf("%w: unexpected end of input in a number", ErrSyntax))
	}
	return c.fail(c.i, fmt.Errorf("%w: %s in a number", ErrSyntax, describe(c.data, c.i)))
}

// str checks the string starting at c.i (a '"') and moves past it. With decode it
// returns the string's value (for keys).
func (c *checker) str(decode bool) (string, bool) {
	d := c.data
	start := c.i
	c.i++
	var b []byte // the decoded value, once an escape is met
	plain := c.i // start of the run not yet copied into b
	for {
		if c.i >= len(d) {
			return "", c.fail(c.i, fmt.Errorf("%w: unexpected end of input in a string (it began at byte %d)", ErrSyntax, start))
		}
		ch := d[c.i]
		switch {
		case ch == '"':
			var s string
			if decode {
				if b != nil {
					s = string(append(b, d[plain:c.i]...))
				} else {
					s = string(d[plain:c.i])
				}
			}
			c.i++
			return s, true
		case ch < 0x20:
			if ch == 0 {
				return "", c.fail(c.i, fmt.Errorf("%w: a raw NUL byte (write it as \\u0000)", ErrControlChar))
			}
			return "", c.fail(c.i, fmt.Errorf("%w: raw U+%04X (write it escaped, as \\n or \\u%04x)", ErrControlChar, ch, ch))
		case ch == '\\':
			if decode {
				b = append(b, d[plain:c.i]...)
			}
			r, ok := c.escape()
			if !ok {
				return "", false
			}
			if decode {
				b = utf8.AppendRune(b, r)
			}
			plain = c.i
		case ch < utf8.RuneSelf:
			c.i++
		default:
			r, size := utf8.DecodeRune(d[c.i:])
			if r == utf8.RuneError && size <= 1 {
				return "", c.fail(c.i, fmt.Errorf("%w: byte 0x%02x (the file must be UTF-8; re-save it as UTF-8)", ErrInvalidUTF8, ch))
			}
			c.i += size
		}
	}
}

// escape reads the escape sequence at c.i (a backslash) and returns the character
// it stands for; a surrogate pair counts as one escape.
func (c *checker) escape() (rune, bool) {
	d := c.data
	if c.i+1 >= len(d) {
		return 0, c.fail(c.i+1, fmt.Errorf("%w: unexpected end of input in an escape", ErrSyntax))
	}
	e := d[c.i+1]
	if e == 'u' {
		return c.unicodeEscape()
	}
	if v := simpleEscapes[e]; v != 0 {
		c.i += 2
		return rune(v), true
	}
	return 0, c.fail(c.i, fmt.Errorf("%w: invalid escape \\%s in a string", ErrSyntax, strings.TrimPrefix(describe(d, c.i+1), "character ")))
}

// simpleEscapes gives the character each one-letter escape of JSON stands for
// (the letter after the backslash), 0 for a letter that is no such escape.
var simpleEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// unicodeEscape reads the \u escape at c.i, with the low half of a surrogate pair
// when one follows; a lone surrogate reads as U+FFFD, as encoding/json reads it.
func (c *checker) unicodeEscape() (rune, bool) {
	d := c.data
	r, ok := c.hex4(c.i + 2)
	if !ok {
		return 0, false
	}
	c.i += 6
	if !utf16.IsSurrogate(r) {
		return r, true
	}
	if c.i+1 < len(d) && d[c.i] == '\\' && d[c.i+1] == 'u' {
		r2, ok := c.hex4(c.i + 2)
		if !ok {
			return 0, false
		}
		if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
			c.i += 6
			return dec, true
		}
	}
	return utf8.RuneError, true
}

func (c *checker) hex4(at int) (rune, bool) {
	var r rune
	for k := at; k < at+4; k++ {
		if k >= len(c.data) {
			return 0, c.fail(k, fmt.Errorf("%w: unexpected end of input in a \\u escape", ErrSyntax))
		}
		h := c.data[k]
		switch {
		case h >= '0' && h <= '9':
			h -= '0'
		case h >= 'a' && h <= 'f':
			h -= 'a' - 10
		case h >= 'A' && h <= 'F':
			h -= 'A' - 10
		default:
			return 0, c.fail(k, fmt.Errorf("%w: %s in a \\u escape", ErrSyntax, describe(c.data, k)))
		}
		r = r<<4 | rune(h)
	}
	return r, true
}

func (c *checker) enter() bool {
	c.depth++
	if c.depth > MaxDepth {
		return c.fail(c.i, ErrTooDeep)
	}
	return true
}

func (c *checker) array(t reflect.Type) bool {
	if !c.enter() {
		return false
	}
	var et reflect.Type
	if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		et = t.Elem()
	}
	c.i++ // '['
	c.ws()
	if c.i < len(c.data) && c.data[c.i] == ']' {
		c.i++
		c.depth--
		return true
	}
	for {
		c.ws()
		if !c.value(et) {
			return false
		}
		c.ws()
		if c.i >= len(c.data) {
			return c.fail(c.i, fmt.Errorf("%w: unexpected end of input in an array", ErrSyntax))
		}
		switch c.data[c.i] {
		case ',':
			c.i++
		case ']':
			c.i++
			c.depth--
			return true
		default:
			return c.fail(c.i, fmt.Errorf("%w: expected comma or ']' after an array element, found %s", ErrSyntax, describe(c.data, c.i)))
		}
	}
}

func (c *checker) object(t reflect.Type) bool {
	if !c.enter() {
		return false
	}
	set := memberSetOf(t)
	c.i++ // '{'
	c.ws()
	if c.i < len(c.data) && c.data[c.i] == '}' {
		c.i++
		c.depth--
		return true
	}
	for {
		at, key, ok := c.key()
		if !ok {
			return false
		}
		vt, unknown, dup := set.member(key)
		if dup {
			c.field = key
			return c.fail(at, fmt.Errorf("%w %s", ErrDuplicateField, safetext.Quote(key)))
		}
		if !c.colon() {
			return false
		}
		if unknown != nil { // reported just after the ':', as the decoder did
			c.field = key
			return c.fail(c.i, unknown)
		}
		c.ws()
		if !c.value(vt) {
			return false
		}
		if !c.next('}', "an object member") {
			c.depth--
			return true
		}
		if c.err != nil {
			return false
		}
	}
}

// key reads an object key at c.i (after white space) and returns its offset and
// value.
func (c *checker) key() (at int, key string, ok bool) {
	if !c.keyStart() {
		return 0, "", false
	}
	at = c.i
	key, ok = c.str(true)
	return at, key, ok
}

// keyStart skips white space up to an object key and checks that one begins there.
func (c *checker) keyStart() bool {
	c.ws()
	if c.i >= len(c.data) {
		return c.fail(c.i, fmt.Errorf("%w: unexpected end of input in an object", ErrSyntax))
	}
	if c.data[c.i] != '"' {
		return c.fail(c.i, fmt.Errorf("%w: %s where an object key (a string) should begin", ErrSyntax, describe(c.data, c.i)))
	}
	return true
}

// memberSet is what an object of a Go type takes, and the members it has had: a
// struct's fields (by field, in a bit set up to 64 fields), a map's or an untyped
// object's keys.
type memberSet struct {
	fields   *structFields
	mapElem  reflect.Type
	seenFew  uint64          // fields of a struct of up to 64 fields
	seenMany []bool          // fields of a larger struct
	seenKeys map[string]bool // keys of a map or of an untyped object
}

// memberSetOf returns the empty member set of an object of type t (nil: any).
func memberSetOf(t reflect.Type) memberSet {
	var s memberSet
	if t == nil {
		return s
	}
	switch t.Kind() {
	case reflect.Struct:
		s.fields = fieldsOf(t)
		if len(s.fields.types) > 64 {
			s.seenMany = make([]bool, len(s.fields.types))
		}
	case reflect.Map:
		s.mapElem = t.Elem()
	}
	return s
}

// member records key and returns the Go type of its value (nil: any); unknown
// when a struct has no such field (with a hint at a field spelled in another case),
// dup when the object named it before.
func (s *memberSet) member(key string) (vt reflect.Type, unknown error, dup bool) {
	if s.fields == nil {
		if s.seenKeys == nil {
			s.seenKeys = map[string]bool{}
		}
		if s.seenKeys[key] {
			return nil, nil, true
		}
		s.seenKeys[key] = true
		return s.mapElem, nil, false
	}
	fi, known := s.fields.index[key]
	if !known {
		if alt, ok := s.fields.folded[strings.ToLower(key)]; ok {
			return nil, fmt.Errorf("%w %s (did you mean %q?)", ErrUnknownField, safetext.Quote(key), alt), false
		}
		return nil, fmt.Errorf("%w %s", ErrUnknownField, safetext.Quote(key)), false
	}
	if s.seenMany != nil {
		dup, s.seenMany[fi] = s.seenMany[fi], true
	} else {
		dup = s.seenFew&(1<<fi) != 0
		s.seenFew |= 1 << fi
	}
	return s.fields.types[fi], nil, dup
}

// structFields are the members a struct type decodes: by exact JSON name (the
// decoder also matches names in other cases, which strict decoding refuses), and
// by lower-case name for a hint.
type structFields struct {
	index  map[string]int
	folded map[string]string
	types  []reflect.Type
}

var fieldCache sync.Map // reflect.Type → *structFields

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	f := &structFields{index: map[string]int{}, folded: map[string]string{}}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if sf.Anonymous && name == "" {
				et := sf.Type
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct {
					walk(et)
					continue
				}
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if _, dup := f.index[name]; dup {
				continue
			}
			f.index[name] = len(f.types)
			f.types = append(f.types, sf.Type)
			if _, ok := f.folded[strings.ToLower(name)]; !ok {
				f.folded[strings.ToLower(name)] = name
			}
		}
	}
	walk(t)
	v, _ := fieldCache.LoadOrStore(t, f)
	return v.(*structFields)
}
