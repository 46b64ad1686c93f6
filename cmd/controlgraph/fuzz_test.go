package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary command lines to the CLI: it must not panic, must exit 0, 1
// or 2, and must explain a status 2 on one line of standard error.
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"show 8.16", "show 5.1", "show\tA.5.1 --in iso27002", "show cis:4.1 --format md",
		"controls iso27002:2022 --type detective --format csv", "controls cis --ig 1,2",
		"controls csf --kind function --theme x", "controls iso27002 -- --type",
		"export --framework csf --format csv", "frameworks --format=md", "help controls",
		"show 8.16 --max-hops 3 --derived=false", "controls ISO/IEC\t27002 --new --format json",
		"mappings --from csf --to iso27002 --format csv", "mappings --from cis:8 --to iso27002 --set x",
		"requirements --target cis --ig IG1 --derived", "recommend --target csf -n 0",
		"import cli.go", "frameworks --catalog cli.go --catalog-id x:1", "controls x --mappings cli_test.go",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\t")
		if len(args) == 1 {
			args = strings.Fields(line)
		}
		for _, a := range args {
			// Never let the fuzzer write files, nor read device files such as /dev/zero.
			if a == "-o" || a == "--o" || strings.HasPrefix(a, "-o=") || strings.HasPrefix(a, "--o=") ||
				strings.ContainsAny(a, "/\\") {
				t.Skip()
			}
		}
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		switch code {
		case 0, 1:
		case 2:
			if len(args) > 0 && errb.Len() > 0 && !strings.Contains(errb.String(), "Usage:") {
				if !oneMessage(errb.String()) {
					t.Fatalf("%q: status 2 with %d lines on stderr: %q", args, strings.Count(errb.String(), "\n"), errb.String())
				}
			}
		default:
			t.Fatalf("%q: exit status %d", args, code)
		}
	})
}

// oneMessage reports whether stderr is one error message: one line, or a line that
// ends "problems:" followed by indented lines (one problem each, then a hint).
func oneMessage(stderr string) bool {
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if !strings.HasSuffix(stderr, "\n") || len(lines) == 1 {
		return len(lines) == 1 && strings.HasSuffix(stderr, "\n")
	}
	if !strings.HasSuffix(lines[0], " problems:") || len(lines) < 3 {
		return false
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == "" {
			return false
		}
	}
	return true
}
