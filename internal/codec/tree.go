package codec

import (
	"fmt"
	"strconv"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Decoding into a plain value (*any) is what readers of loosely typed documents
// (OSCAL) do, on their largest inputs. For it the checker builds the value itself in
// its one pass, instead of checking the buffer and then handing it to the decoder:
// the result is the one encoding/json gives (objects as map[string]any, arrays as
// []any, numbers as float64), the checks and their errors are those of the typed
// path, and the work is about half.

// maxInterned bounds the number of distinct object keys a tree decoding shares, and
// maxInternedLen their length: real documents use a few dozen keys many thousand
// times; hostile ones cannot make the table grow without bound.
const (
	maxInterned    = 512
	maxInternedLen = 32
)

// treeState is the scratch space of one tree decoding: the members and elements of
// the objects and arrays being read (a stack shared by all levels, so that each
// object or array is allocated once, at its final size) and the interned keys.
type treeState struct {
	members  []member
	elems    []any
	interned map[string]string
}

// member is one object member being read, with the offset of its key for errors.
type member struct {
	key string
	at  int
	val any
}

// tree checks and decodes the JSON document at c.data into a plain value.
func (c *checker) tree() (any, bool) {
	ts := &treeState{interned: map[string]string{}}
	c.ws()
	v, ok := c.treeValue(ts)
	if !ok {
		return nil, false
	}
	c.ws()
	if c.i < len(c.data) {
		return nil, c.trailing()
	}
	return v, true
}

// trailing reports the data after the document.
func (c *checker) trailing() bool {
	if c.data[c.i] == 0 {
		return c.fail(c.i, fmt.Errorf("%w (a NUL byte, then %d more bytes)", ErrTrailingData, len(c.data)-c.i-1))
	}
	return c.fail(c.i, ErrTrailingData)
}

// treeValue reads the value at c.i.
func (c *checker) treeValue(ts *treeState) (any, bool) {
	if c.i >= len(c.data) {
		return nil, c.fail(c.i, fmt.Errorf("%w: unexpected end of input", ErrSyntax))
	}
	switch b := c.data[c.i]; {
	case b == '"':
		return c.str(true)
	case b == '{':
		return c.treeObject(ts)
	case b == '[':
		return c.treeArray(ts)
	case b == 't':
		return true, c.literal("true")
	case b == 'f':
		return false, c.literal("false")
	case b == 'n':
		return nil, c.literal("null")
	case b == '-' || (b >= '0' && b <= '9'):
		return c.treeNumber()
	}
	return nil, c.fail(c.i, fmt.Errorf("%w: %s where a value should begin", ErrSyntax, describe(c.data, c.i)))
}

// treeNumber reads a number as a float64, as encoding/json does into an any.
func (c *checker) treeNumber() (any, bool) {
	start := c.i
	if !c.number() {
		return nil, false
	}
	f, err := strconv.ParseFloat(string(c.data[start:c.i]), 64)
	if err != nil {
		return nil, c.fail(start, fmt.Errorf("%w: number %s does not fit a float64", ErrWrongType, c.data[start:c.i]))
	}
	return f, true
}

// treeArray reads an array; its elements wait on the shared stack until its end.
func (c *checker) treeArray(ts *treeState) (any, bool) {
	if !c.enter() {
		return nil, false
	}
	base := len(ts.elems)
	c.i++ // '['
	c.ws()
	if c.i < len(c.data) && c.data[c.i] == ']' {
		c.i++
		c.depth--
		return []any{}, true
	}
	for {
		c.ws()
		v, ok := c.treeValue(ts)
		if !ok {
			return nil, false
		}
		ts.elems = append(ts.elems, v)
		if !c.next(']', "an array element") {
			break
		}
		if c.err != nil {
			return nil, false
		}
	}
	out := make([]any, len(ts.elems)-base)
	copy(out, ts.elems[base:])
	clear(ts.elems[base:])
	ts.elems = ts.elems[:base]
	c.depth--
	return out, true
}

// next reads what follows a member or an element and reports whether another
// follows: true after a comma, false after the closing bracket end; on anything
// else it records the problem (c.err) and returns true, so that the caller's loop
// tests the error only on its way to the next member. The comma and the bracket are
// tested here, inline, before the general case: this is the hot path of every
// object and array.
func (c *checker) next(end byte, what string) bool {
	c.ws()
	if c.i < len(c.data) {
		switch c.data[c.i] {
		case ',':
			c.i++
			return true
		case end:
			c.i++
			return false
		}
	}
	c.after(end, what)
	return true
}

// after reads what follows a member or an element: a comma (done false) or the
// closing bracket end (done true).
func (c *checker) after(end byte, what string) (done, ok bool) {
	c.ws()
	if c.i >= len(c.data) {
		in := "an array"
		if end == '}' {
			in = "an object"
		}
		return false, c.fail(c.i, fmt.Errorf("%w: unexpected end of input in %s", ErrSyntax, in))
	}
	switch c.data[c.i] {
	case ',':
		c.i++
		return false, true
	case end:
		c.i++
		return true, true
	}
	return false, c.fail(c.i, fmt.Errorf("%w: expected comma or '%c' after %s, found %s", ErrSyntax, end, what, describe(c.data, c.i)))
}

// treeObject reads an object; its members wait on the shared stack until its end,
// and a key named twice is refused where it is named the second time.
func (c *checker) treeObject(ts *treeState) (any, bool) {
	if !c.enter() {
		return nil, false
	}
	base := len(ts.members)
	c.i++ // '{'
	c.ws()
	if c.i < len(c.data) && c.data[c.i] == '}' {
		c.i++
		c.depth--
		return map[string]any{}, true
	}
	var seen map[string]bool // the keys, once the object has many
	for {
		at, key, ok := c.treeKey(ts)
		if !ok {
			return nil, false
		}
		if c.duplicate(ts.members[base:], key, &seen) {
			c.field = key
			return nil, c.fail(at, fmt.Errorf("%w %s", ErrDuplicateField, safetext.Quote(key)))
		}
		if !c.colon() {
			return nil, false
		}
		c.ws()
		v, ok := c.treeValue(ts)
		if !ok {
			return nil, false
		}
		ts.members = append(ts.members, member{key: key, at: at, val: v})
		if !c.next('}', "an object member") {
			break
		}
		if c.err != nil {
			return nil, false
		}
	}
	m := make(map[string]any, len(ts.members)-base)
	for _, mb := range ts.members[base:] {
		m[mb.key] = mb.val
	}
	clear(ts.members[base:])
	ts.members = ts.members[:base]
	c.depth--
	return m, true
}

// manyMembers is the size from which an object's keys are looked up in a set
// rather than compared one by one.
const manyMembers = 16

// duplicate reports whether key is one of the keys of members (the object's members
// so far). Objects have few members, and a scan of them is cheaper than a set; from
// manyMembers on, the keys go into *seen, so that time stays linear.
func (c *checker) duplicate(members []member, key string, seen *map[string]bool) bool {
	if len(members) < manyMembers {
		for _, mb := range members {
			if mb.key == key {
				return true
			}
		}
		return false
	}
	if *seen == nil {
		*seen = make(map[string]bool, 2*len(members))
		for _, mb := range members {
			(*seen)[mb.key] = true
		}
	}
	if (*seen)[key] {
		return true
	}
	(*seen)[key] = true
	return false
}

// treeKey reads an object key.
func (c *checker) treeKey(ts *treeState) (at int, key string, ok bool) {
	if !c.keyStart() {
		return 0, "", false
	}
	at = c.i
	key, ok = c.internedKey(ts)
	return at, key, ok
}

// colon reads the ':' after an object key.
func (c *checker) colon() bool {
	c.ws()
	if c.i >= len(c.data) {
		return c.fail(c.i, fmt.Errorf("%w: unexpected end of input after an object key", ErrSyntax))
	}
	if c.data[c.i] != ':' {
		return c.fail(c.i, fmt.Errorf("%w: expected ':' after an object key, found %s", ErrSyntax, describe(c.data, c.i)))
	}
	c.i++
	return true
}

// internedKey reads the key at c.i, sharing one string per distinct short key
// written without escapes.
func (c *checker) internedKey(ts *treeState) (string, bool) {
	start := c.i + 1
	end := start
	for end < len(c.data) && end-start <= maxInternedLen {
		ch := c.data[end]
		if ch == '"' {
			break
		}
		if ch == '\\' || ch < 0x20 || ch >= 0x80 {
			return c.str(true) // escapes, control characters, non-ASCII: the full check
		}
		end++
	}
	if end >= len(c.data) || c.data[end] != '"' {
		return c.str(true)
	}
	if s, ok := ts.interned[string(c.data[start:end])]; ok {
		c.i = end + 1
		return s, true
	}
	s := string(c.data[start:end])
	if len(ts.interned) < maxInterned {
		ts.interned[s] = s
	}
	c.i = end + 1
	return s, true
}
