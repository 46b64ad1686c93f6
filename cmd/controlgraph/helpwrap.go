package main

import (
	"strings"
	"unicode/utf8"
)

// helpWidth is the width help text fits: the lines of every command's help are at
// most this many columns (a tab counted as the 8 columns a terminal gives it).
const helpWidth = 90

// wrapHelp wraps every line of s longer than width at spaces. A continued line
// keeps the line's indentation, two more under a list item ("- ") or a flag's
// description; an example command ("  controlgraph ...") is continued with " \"
// so that it still pastes into a shell. A word longer than the line stays whole.
func wrapHelp(s string, width int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		nl := strings.HasSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\n")
		wrapLine(&b, line, width)
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// wrapLine writes line wrapped to width (no final line break).
func wrapLine(b *strings.Builder, line string, width int) {
	if utf8.RuneCountInString(line) <= width {
		b.WriteString(line)
		return
	}
	body := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(body)]
	cont, tail := indent, ""
	switch {
	case strings.HasPrefix(body, "controlgraph "):
		cont, tail = indent+"    ", " \\"
	case strings.HasPrefix(body, "- "), strings.HasPrefix(body, "-"+"-") && indent == "  ":
		cont = indent + "  "
	}
	prefix := indent
	for {
		room := width - utf8.RuneCountInString(prefix)
		if utf8.RuneCountInString(body) <= room {
			b.WriteString(prefix + body)
			return
		}
		cut := breakAt(body, room-utf8.RuneCountInString(tail))
		if cut < 0 {
			b.WriteString(prefix + body)
			return
		}
		b.WriteString(prefix + body[:cut] + tail + "\n")
		body = strings.TrimLeft(body[cut:], " ")
		prefix = cont
	}
}

// breakAt is the byte index of the last space in s at or before the room-th rune,
// or of the first space when there is none (a word longer than the room), or -1
// when s has no space.
func breakAt(s string, room int) int {
	last, n := -1, 0
	for i, r := range s {
		if n > room {
			break
		}
		if r == ' ' && i > 0 {
			last = i
		}
		n++
	}
	if last < 0 {
		if i := strings.IndexByte(s[1:], ' '); i >= 0 {
			return i + 1
		}
	}
	return last
}
