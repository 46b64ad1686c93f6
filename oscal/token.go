package oscal

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OSCAL identifiers, class values and property names are tokens: a letter or '_',
// then letters, digits, '.', '-' and '_' (the schema's TokenDatatype). Many control
// IDs are not tokens ("5.1" starts with a digit; "AC-2(1)" has brackets), so the
// export maps every ID to a token with [EncodeID] and the import maps it back with
// [DecodeID]. The mapping is deterministic and reversible:
//
//   - an ID that is a token and does not start with '_' is written unchanged
//     ("GV.OC-01", "A.12.4.1");
//   - any other ID is written as '_' followed by the ID with every byte that is not an
//     ASCII letter, digit, '.' or '-' replaced by '_' and two upper-case hex digits
//     ("5.1" → "_5.1", "AC-2(1)" → "_AC-2_281_29", "_x" → "__5Fx").
//
// Unchanged IDs never start with '_' and encoded ones always do, so no two IDs share a
// token.

// EncodeID returns the OSCAL token for a control ID, kind or attribute name; see the
// rules above. The empty string gives "".
func EncodeID(id string) string {
	if id == "" {
		return ""
	}
	if isToken(id) && id[0] != '_' {
		return id
	}
	var b strings.Builder
	b.Grow(len(id) + 1)
	b.WriteByte('_')
	for i := 0; i < len(id); i++ {
		c := id[i]
		if plainIDByte(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "_%02X", c)
	}
	return b.String()
}

// DecodeID reverses [EncodeID]. It reports false for a token EncodeID cannot have
// written (a '_' not followed by two upper-case hex digits, or bytes that do not form
// valid UTF-8).
func DecodeID(tok string) (string, bool) {
	if tok == "" {
		return "", false
	}
	if tok[0] != '_' {
		return tok, isToken(tok)
	}
	s, ok := unescapeID(tok[1:])
	if !ok || s == "" || !utf8.ValidString(s) || EncodeID(s) != tok {
		return "", false
	}
	return s, true
}

// unescapeID reads the part after the '_' of an encoded ID: letters, digits, '.'
// and '-' as they are, '_' and two upper-case hex digits as the byte they give.
func unescapeID(rest string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c != '_' {
			if !plainIDByte(c) {
				return "", false
			}
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(rest) {
			return "", false
		}
		hi, lo := unhex(rest[i+1]), unhex(rest[i+2])
		if hi < 0 || lo < 0 {
			return "", false
		}
		b.WriteByte(byte(hi<<4 | lo))
		i += 2
	}
	return b.String(), true
}

// plainIDByte reports whether an encoded ID holds c as it is: an ASCII letter or
// digit, '.' or '-'.
func plainIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isToken reports whether s matches the OSCAL TokenDatatype pattern
// ^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$.
func isToken(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r), r == '_':
		case i > 0 && (unicode.IsNumber(r) || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return true
}

// isString reports whether s matches the OSCAL StringDatatype pattern ^\S(.*\S)?$:
// not empty, no white space at either end, no line break.
func isString(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\r") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !isSpace(first) && !isSpace(last)
}

// isLine reports whether s matches the OSCAL MarkupLineDatatype pattern ^[^\n]+$.
func isLine(s string) bool {
	return s != "" && !strings.Contains(s, "\n")
}

// isSpace is \s of the schema's regular expressions, read broadly (ECMAScript counts
// Unicode spaces, RE2 only ASCII ones): a value that passes is valid for both.
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}
