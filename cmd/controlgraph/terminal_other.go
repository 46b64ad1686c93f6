//go:build !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd && !windows

package main

import "os"

// isTerminalFile reports whether f is a character device: on this system there is
// no portable terminal test in the standard library, so /dev/null counts as one
// (the only cost: a binary format is refused there without -o).
func isTerminalFile(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
