package codec

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// The appenders write JSON values into a byte slice without reflection, byte for
// byte as [Marshal] writes them, for the few hot paths that encode one shape of
// result very many times (a batch's result lines). Their tests hold them to
// Marshal's output.

// hexDigits are the digits of a \u00XX escape, lower case as Marshal writes them.
const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, as [Marshal] writes it: '"' and '\\'
// escaped with a backslash, newline, carriage return and tab as \n, \r and \t, the
// other control characters and '<', '>' and '&' as \u00XX, U+2028 and U+2029 as
// \u2028 and \u2029, and each byte that is not part of valid UTF-8 as \ufffd.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	done := 0 // s[:done] is in dst
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[done:i]...)
			dst = appendASCIIEscape(dst, c)
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == utf8.RuneError && size == 1:
			esc = `\ufffd`
		case r == '\u2028':
			esc = `\u2028`
		case r == '\u2029':
			esc = `\u2029`
		default:
			i += size
			continue
		}
		dst = append(dst, s[done:i]...)
		dst = append(dst, esc...)
		i += size
		done = i
	}
	dst = append(dst, s[done:]...)
	return append(dst, '"')
}

// appendASCIIEscape appends the escape of an ASCII byte that a JSON string does not
// hold as it is.
func appendASCIIEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, `\n`...)
	case '\r':
		return append(dst, `\r`...)
	case '\t':
		return append(dst, `\t`...)
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}

// AppendStrings appends list as a JSON array of strings, "null" for a nil list as
// [Marshal] writes it.
func AppendStrings(dst []byte, list []string) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendString(dst, s)
	}
	return append(dst, ']')
}

// AppendFloat appends f as [Marshal] writes a float64: the shortest decimal that
// reads back as f, with an exponent below 1e-6 and from 1e21 on. NaN and the
// infinities are no JSON: an error, as from Marshal.
func AppendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, fmt.Errorf("json: unsupported value: %v", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(dst, f, format, -1, 64), nil
}
