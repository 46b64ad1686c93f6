package safetext_test

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

func ExampleClip() {
	fmt.Println(safetext.Clip(strings.Repeat("a", 100)))
	// Output: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (100 bytes)
}

func ExampleQuote() {
	fmt.Println(safetext.Quote("5.1"))
	// Output: "5.1"
}

func ExampleFirstControl() {
	off, r := safetext.FirstControl("5.\u202e1")
	fmt.Println(safetext.ControlError(off, r))
	// Output: control character U+202E at byte 2
}

func ExampleEscape() {
	fmt.Println(safetext.Escape("\x1b[31mred"))
	// Output: \x1b[31mred
}
