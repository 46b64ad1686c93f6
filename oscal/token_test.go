package oscal

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// Every ID the embedded data and the users' files use comes back from its token;
// IDs with non-ASCII letters, spaces and punctuation are encoded byte by byte.
func TestEncodeIDRoundTrip(t *testing.T) {
	for _, id := range []string{
		"5.1", "8.34", "A.5.1", "AC-2(1)", "ac-2.1", "GV.OC-01", "PR.AA-05", "1.1", "CIS-1.1",
		"é", "Zugriff für alle", "情報", "a/b", "x_y", "_", "__", "-lead", ".5", "a\tb", "100%",
	} {
		tok := EncodeID(id)
		assert.True(t, isToken(tok), "%q encodes as %q, not a token", id, tok)
		back, ok := DecodeID(tok)
		assert.True(t, ok, "%q does not decode", tok)
		assert.Equal(t, id, back)
	}
}

// The bytes kept as they are in an encoded ID, and the escapes of the others.
func TestEncodeIDBytes(t *testing.T) {
	assert.Equal(t, "_1_20_2F_20_C3_A9", EncodeID("1 / é"))
	assert.Equal(t, "_.5", EncodeID(".5"), "a '.' first is not a token start")
	assert.Equal(t, "_-x", EncodeID("-x"))
	assert.Equal(t, "__5F", EncodeID("_"))
	assert.Equal(t, "é", EncodeID("é"), "a letter is a token as it is")
	assert.Equal(t, "", EncodeID(""))
}

// DecodeID refuses what EncodeID cannot have written: lower-case hex, an escape of
// a byte that is written plain, a cut escape, an escape giving invalid UTF-8, and
// tokens that are not tokens.
func TestDecodeIDRefuses(t *testing.T) {
	for _, tok := range []string{
		"_5_2e",             // lower-case hex
		"_5_2E",             // '.' escaped though EncodeID writes it plain
		"_a_4",              // cut escape
		"_a_",               // cut escape
		"_a_C3",             // half a UTF-8 character
		"_a_G0",             // not hex
		"_a b",              // a space is escaped, never plain
		"_a(b)",             // brackets are escaped, never plain
		"a b",               // not a token
		"1abc",              // not a token (a digit first) and not encoded
		"ab(1)",             // not a token
		"GV.OC-01" + "\xff", // invalid UTF-8
	} {
		got, ok := DecodeID(tok)
		assert.False(t, ok, "%q decoded as %q", tok, got)
	}
}

func TestUnescapeID(t *testing.T) {
	for in, want := range map[string]string{
		"AC-2_281_29": "AC-2(1)", "5.1": "5.1", "_5F": "_", "": "", "_C3_A9": "é",
	} {
		got, ok := unescapeID(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"a b", "_4", "_zz", "x_1"} {
		_, ok := unescapeID(in)
		assert.False(t, ok, in)
	}
}

func TestPlainIDByte(t *testing.T) {
	var plain []byte
	for c := 0; c < 256; c++ {
		if plainIDByte(byte(c)) {
			plain = append(plain, byte(c))
		}
	}
	assert.Equal(t, "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", string(plain))
}

// isToken follows the schema's TokenDatatype: a letter or '_' first, then letters,
// digits ('\p{N}' includes other scripts' digits), '.', '-' and '_'.
func TestIsToken(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "_": true, "A.1-b_c": true, "é١٢": true, "情報": true,
		"": false, "1a": false, ".a": false, "-a": false, "a b": false, "a(1)": false, "a/b": false,
		"a\xff": false, "a:b": false,
	} {
		assert.Equal(t, want, isToken(s), "%q", s)
	}
}

// isString is the schema's StringDatatype (no white space at either end, no line
// break); isLine is MarkupLineDatatype (no line break, not empty).
func TestIsStringAndLine(t *testing.T) {
	for s, want := range map[string][2]bool{
		"a":          {true, true},
		"a b":        {true, true},
		" a":         {false, true},
		"a ":         {false, true},
		"a\u00a0":    {false, true},
		"a\nb":       {false, false},
		"a\rb":       {false, true},
		"":           {false, false},
		"\t":         {false, true},
		"Über alles": {true, true},
	} {
		assert.Equal(t, want[0], isString(s), "isString(%q)", s)
		assert.Equal(t, want[1], isLine(s), "isLine(%q)", s)
	}
}

// validUUID accepts the version 4 and 5 UUIDs of the RFC 9562 variant, in either
// case, and nothing else.
func TestValidUUID(t *testing.T) {
	for s, want := range map[string]bool{
		"5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e": true,
		"5E3E6F3C-6C2A-4C3B-BA8E-0D1C2B3A4F5E": true,
		"2ed6657d-e927-568b-95e1-2665a8aea6a2": true,
		"5e3e6f3c-6c2a-1c3b-9a8e-0d1c2b3a4f5e": false, // version 1
		"5e3e6f3c-6c2a-4c3b-7a8e-0d1c2b3a4f5e": false, // variant 0
		"5e3e6f3c-6c2a-4c3b-ca8e-0d1c2b3a4f5e": false, // variant 110
		"5e3e6f3c6c2a-4c3b-9a8e-0d1c2b3a4f5e-": false, // dashes misplaced
		"5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5":  false, // short
		"5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5g": false, // not hex
		"":                                     false,
	} {
		assert.Equal(t, want, validUUID(s), s)
	}
}

// UUID gives version 5 UUIDs of the RFC 9562 variant, the same for the same name.
func TestUUIDShape(t *testing.T) {
	for _, name := range []string{"", "catalog/iso27002:2022/2024-01-01T00:00:00Z", strings.Repeat("x", 1000)} {
		u := UUID(name)
		assert.True(t, validUUID(u), u)
		assert.Equal(t, byte('5'), u[14], "version 5")
		assert.Equal(t, u, UUID(name))
		assert.True(t, utf8.ValidString(u))
	}
}
