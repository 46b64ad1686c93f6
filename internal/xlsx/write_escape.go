package xlsx

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escText escapes a text for an XML element. With xstring set the text is a cell's
// (ECMA-376 ST_Xstring): a character XML cannot carry (a control character other
// than tab and line feed, U+FFFE, U+FFFF) is written as _xHHHH_, and an underscore
// that begins such a sequence literally is written as _x005F_, so that a reader
// decoding the escapes gets the text back as it was. Without xstring such a
// character becomes U+FFFD and a carriage return a character reference.
func escText(s string, xstring bool) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '_' && xstring && looksEscaped(s[i:]):
			b.WriteString("_x005F_")
		case needsXEscape(r):
			escControl(&b, r, xstring)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func escControl(b *strings.Builder, r rune, xstring bool) {
	switch {
	case xstring:
		fmt.Fprintf(b, "_x%04X_", r)
	case r == '\r':
		b.WriteString("&#xD;")
	default:
		b.WriteRune(utf8.RuneError)
	}
}

// looksEscaped reports whether s begins with _xHHHH (four hexadecimal digits)
// followed by what is written as an underscore: an underscore, or a character
// written as its own _xHHHH_ escape. Either way the output would read as an escape.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[1] != 'x' && s[1] != 'X' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s[6:])
	return r == '_' || needsXEscape(r)
}

// needsXEscape reports whether a cell's text writes r as _xHHHH_.
func needsXEscape(r rune) bool {
	return r < ' ' && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF
}

// escAttr escapes a text for an XML attribute value in double quotes.
func escAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			fmt.Fprintf(&b, "&#x%X;", r)
		case r < ' ' || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
