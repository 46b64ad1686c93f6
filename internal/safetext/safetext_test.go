package safetext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClip(t *testing.T) {
	assert.Equal(t, "short", Clip("short"))
	s80 := strings.Repeat("a", 80)
	assert.Equal(t, s80, Clip(s80))
	assert.Equal(t, s80+"… (81 bytes)", Clip(s80+"b"))
	// A 50 MB value echoes 80 characters and its size.
	big := strings.Repeat("x", 50<<20)
	assert.Equal(t, strings.Repeat("x", 80)+"… (52428800 bytes)", Clip(big))
	// Characters, not bytes: 80 two-byte letters are kept whole.
	e80 := strings.Repeat("é", 80)
	assert.Equal(t, e80, Clip(e80))
	assert.Equal(t, e80+"… (164 bytes)", Clip(e80+"éé"))
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"a\"b"`, Quote(`a"b`))
	assert.Equal(t, `"`+strings.Repeat("a", 80)+`"… (90 bytes)`, Quote(strings.Repeat("a", 90)))
}

func TestFirstControl(t *testing.T) {
	for s, want := range map[string]int{
		"5.1":            -1,
		"Zugriffsrechte": -1,
		"5\x001":         1,
		"a\x1b[31m":      1,
		"\u202e1.5":      0, // right-to-left override
		"ab\u2066":       2,
		"x\u200by":       1,
		"a\xffb":         1, // not UTF-8
		"tab\there":      3,
		"del\x7f":        3,
		"c1\u0085":       2,
	} {
		i, _ := FirstControl(s)
		assert.Equal(t, want, i, "%q", s)
	}
	assert.Equal(t, "control character U+001B at byte 1", ControlError(FirstControl("a\x1b")))
	assert.Equal(t, "a byte that is not UTF-8 at byte 1", ControlError(FirstControl("a\xff")))
}

func TestEscape(t *testing.T) {
	assert.Equal(t, "plain café", Escape("plain café"))
	assert.Equal(t, `a\x1b[31mred`, Escape("a\x1b[31mred"))
	assert.Equal(t, `\u202e1.5`, Escape("\u202e1.5"))
	assert.Equal(t, `nul\x00`, Escape("nul\x00"))
	assert.Equal(t, `bad\xff`, Escape("bad\xff"))
	assert.Equal(t, "two\nlines\tand tab", Escape("two\nlines\tand tab"))
	assert.Equal(t, `back\slash\x07`, Escape("back\\slash\a"))
}
