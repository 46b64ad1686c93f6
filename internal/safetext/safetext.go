// Package safetext makes text from user input safe to echo: in an error message (cut
// to a bounded length), on a terminal or in Markdown (control characters made
// visible), and in an identifier (control characters refused).
//
// A value from a file can be anything: 50 MB in one CSV cell, an escape sequence
// that recolours the terminal, a right-to-left override that makes "5.1" read as
// "1.5". Every package that echoes user input goes through this one.
package safetext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxEcho is how many characters of a value an error message shows.
const MaxEcho = 80

// Clip returns s when it has at most [MaxEcho] characters, else its first MaxEcho
// characters followed by "… (N bytes)", N being the length of the whole value. It
// cuts at a character boundary.
func Clip(s string) string {
	head, cut := cut(s)
	if !cut {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes)", head, len(s))
}

// Quote returns s quoted as %q quotes it, cut as [Clip] cuts it: a long value gives
// its quoted first [MaxEcho] characters followed by "… (N bytes)" outside the quotes,
// so that the note is never taken for part of the value.
func Quote(s string) string {
	head, cut := cut(s)
	if !cut {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(head), len(s))
}

func cut(s string) (string, bool) {
	if len(s) <= MaxEcho { // fewer bytes than characters allowed: nothing to count
		return s, false
	}
	n := 0
	for i := range s {
		if n == MaxEcho {
			return s[:i], true
		}
		n++
	}
	return s, false
}

// IsControl reports whether r is a control character that must not appear in an
// identifier or reach a terminal unescaped: the C0 and C1 controls, DEL, and the
// invisible format characters (Unicode category Cf) such as the bidirectional
// overrides U+202A–U+202E and U+2066–U+2069, the zero-width space U+200B and the
// byte-order mark U+FEFF.
func IsControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x200b || unicode.Is(unicode.Cf, r)
}

// FirstControl returns the byte offset and the rune of the first control character
// of s (see [IsControl]), or -1. Bytes that are not UTF-8 count as control
// characters (rune [utf8.RuneError]).
func FirstControl(s string) (int, rune) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i, r
			}
		}
		if IsControl(r) {
			return i, r
		}
	}
	return -1, 0
}

// ControlError describes the control character r found in a value, for an error
// message: "control character U+001B at byte 3".
func ControlError(off int, r rune) string {
	if r == utf8.RuneError {
		return fmt.Sprintf("a byte that is not UTF-8 at byte %d", off)
	}
	return fmt.Sprintf("control character %U at byte %d", r, off)
}

// Escape makes the control characters of s visible for a terminal or a Markdown
// table: each is written as \x1b, \u202e and so on, and a byte that is not UTF-8 as
// \xff. Tab, line feed and carriage return are kept (a caller that needs one line
// turns them into spaces or <br>), and so is other text. A backslash is not escaped,
// so that Escape of text without control characters is the text itself.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x80 && IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i, r := range s {
		if r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
		if IsControl(r) {
			return true
		}
	}
	return false
}
