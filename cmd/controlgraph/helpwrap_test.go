package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// Every command's help and the overview fit helpWidth columns (a tab counts as 8),
// and wrapping loses no word.
func TestHelpFitsWidth(t *testing.T) {
	pages := map[string]string{"help": ""}
	for _, n := range commandNames() {
		pages[n] = n
	}
	for name, arg := range pages {
		args := []string{"help"}
		if arg != "" {
			args = append(args, arg)
		}
		out := cliOK(t, args...)
		for i, line := range strings.Split(out, "\n") {
			cols := utf8.RuneCountInString(strings.ReplaceAll(line, "\t", "        "))
			assert.LessOrEqual(t, cols, helpWidth, "help %s, line %d: %q", name, i+1, line)
		}
	}
	// The words are those of the unwrapped text.
	c := commands["gap"]
	out := cliOK(t, "help", "gap")
	for _, w := range strings.Fields(c.detail) {
		assert.Contains(t, out, w)
	}
}

func TestWrapHelp(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short ok\n", "short ok\n"},
		{"aaa bbb ccc ddd\n", "aaa bbb\nccc ddd\n"},
		{"  aaa bbb ccc\n", "  aaa\n  bbb\n  ccc\n"},
		{"  - aa bb cc\n", "  - aa\n    bb\n    cc\n"},
		{"  controlgraph gap -o x\n", "  controlgraph \\\n      gap \\\n      -o \\\n      x\n"},
		{"abcdefghijkl mn\n", "abcdefghijkl\nmn\n"}, // a word longer than the line stays whole
		{"abcdefghijklmn", "abcdefghijklmn"},
		{"→→→ →→→ →→→\n", "→→→ →→→\n→→→\n"}, // columns are runes, not bytes
	} {
		assert.Equal(t, tc.want, wrapHelp(tc.in, 8), "%q", tc.in)
	}
	assert.Equal(t, "  controlgraph gap \\\n      -o x y\n", wrapHelp("  controlgraph gap -o x y\n", 20))
}
