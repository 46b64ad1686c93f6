package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/report"
)

// cli runs the CLI in-process and returns what it wrote and its exit status.
func cli(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// cliOK runs the CLI and fails the test unless it exits 0 with nothing on stderr.
func cliOK(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, args...)
	require.Equal(t, 0, code, "controlgraph %s: stderr: %s", strings.Join(args, " "), errs)
	require.Empty(t, errs)
	return out
}

// cliBad runs the CLI, expects exit status 2, no output, and a one-line message, and
// returns the message.
func cliBad(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, args...)
	require.Equal(t, 2, code, "controlgraph %s: stdout: %s", strings.Join(args, " "), out)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
	assert.True(t, strings.HasSuffix(errs, "\n"))
	return errs
}

func decodeJSON[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	require.NoError(t, codec.DecodeStrict([]byte(s), &v), s)
	return v
}

// referenceDir returns ../shared/reference beside the module root, or skips the test.
func referenceDir(t *testing.T) string {
	t.Helper()
	return testref.Dir(t)
}

func TestNoArguments(t *testing.T) {
	out, errs, code := cli(t)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "Usage:")
	assert.Contains(t, errs, "controls")
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		out := cliOK(t, args...)
		for _, name := range append(commandNames(), "help") {
			assert.Contains(t, out, "\n  "+name+" ", "help lists %s", name)
		}
	}
	out := cliOK(t, "help", "controls")
	assert.Contains(t, out, "usage: controlgraph controls FRAMEWORK")
	assert.Contains(t, out, "--type")
	assert.Contains(t, out, "--format")
	assert.Contains(t, out, "\n  -o FILE")
	assert.Contains(t, out, "Examples:\n  controlgraph controls iso27002:2022 --type detective\n")

	// -h after a command gives the same usage on stdout.
	assert.Equal(t, out, cliOK(t, "controls", "-h"))
	assert.Equal(t, out, cliOK(t, "controls", "iso27002", "--help"))

	msg := cliBad(t, "help", "nosuch")
	assert.Contains(t, msg, `unknown command "nosuch"`)
}

func TestUnknownCommand(t *testing.T) {
	msg := cliBad(t, "lst")
	assert.Equal(t, "controlgraph: unknown command \"lst\"; commands: "+strings.Join(commandNames(), ", ")+" (see 'controlgraph help')\n", msg)
	assert.Subset(t, commandNames(), []string{"controls", "export", "frameworks", "map", "show", "version"})
}

func TestBadFlag(t *testing.T) {
	msg := cliBad(t, "controls", "iso27002:2022", "--typo", "detective")
	assert.Contains(t, msg, "unknown flag --typo")
	assert.Contains(t, msg, "--type")
	assert.Contains(t, msg, "--format")

	msg = cliBad(t, "controls", "iso27002:2022", "--format", "xml")
	assert.Contains(t, msg, `"xml"`)
	assert.Contains(t, msg, "table, json, csv, md")

	msg = cliBad(t, "show", "8.16", "--format", "csv")
	assert.Contains(t, msg, `unknown format "csv"; accepted: table, json, md`)

	msg = cliBad(t, "controls", "iso27002:2022", "--type")
	assert.Contains(t, msg, "flag needs an argument: --type")
	assert.Contains(t, cliBad(t, "export", "-o"), "flag needs an argument: -o (")
	assert.Contains(t, cliBad(t, "gap", "--fail-under", "120"), `invalid value "120" for flag --fail-under: want a percentage from 0 to 100`)
}

func TestArgumentCount(t *testing.T) {
	assert.Contains(t, cliBad(t, "controls"), "missing argument: usage: controlgraph controls FRAMEWORK")
	assert.Contains(t, cliBad(t, "controls", "iso27002", "csf"), `unexpected argument "csf"`)
	assert.Contains(t, cliBad(t, "frameworks", "extra"), `unexpected argument "extra"`)
	assert.Contains(t, cliBad(t, "show"), "missing argument")
}

func TestParseInterspersed(t *testing.T) {
	// Flags before, between and after the positional argument give the same result.
	want := cliOK(t, "controls", "--type", "detective", "--format", "csv", "iso27002:2022")
	assert.Equal(t, want, cliOK(t, "controls", "iso27002:2022", "--type", "detective", "--format", "csv"))
	assert.Equal(t, want, cliOK(t, "controls", "--format=csv", "iso27002:2022", "-type=detective"))
	// After "--" everything is positional.
	assert.Contains(t, cliBad(t, "controls", "--format", "csv", "--", "iso27002", "--type"), `unexpected argument "--type"`)
}

func TestDefaultFormat(t *testing.T) {
	// Not a terminal: JSON.
	out := cliOK(t, "frameworks")
	assert.True(t, strings.HasPrefix(out, "{\n"), out)
	// -o without --format follows the file's extension.
	dir := t.TempDir()
	for ext, prefix := range map[string]string{".csv": "id,name,", ".json": "{\n", ".md": "| id |", ".txt": "ID "} {
		path := filepath.Join(dir, "fw"+ext)
		assert.Empty(t, cliOK(t, "frameworks", "-o", path))
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), prefix), "%s: %q", ext, b)
	}
}

func TestOutputFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	assert.Empty(t, cliOK(t, "export", "-o", path))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, cliOK(t, "export"), string(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	// A failing command leaves the file as it was.
	assert.Contains(t, cliBad(t, "export", "--framework", "nosuch", "-o", path), `unknown framework "nosuch"`)
	again, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, got, again)

	msg := cliBad(t, "export", "-o", filepath.Join(dir, "missing", "x.json"))
	assert.Contains(t, msg, "cannot write "+filepath.Join(dir, "missing", "x.json"))
}

func TestTableText(t *testing.T) {
	tb := newTable(1, "id", "title", "kind")
	tb.Add("5.25", "Assessment and decision on information security events", "control")
	tb.Add("8.15", "Logging", "control")
	var b bytes.Buffer
	require.NoError(t, tb.WriteText(&b, 40))
	// 40 columns: id 4+2, kind 7+2 → title wraps at 40-6-9-2 = 23, raised to the
	// minimum 24; its widest piece is 23 wide.
	assert.Equal(t, ""+
		"ID    TITLE                    KIND\n"+
		"5.25  Assessment and decision  control\n"+
		"      on information security\n"+
		"      events\n"+
		"8.15  Logging                  control\n", b.String())
}

func TestMarkdownEscapes(t *testing.T) {
	tb := newTable(-1, "a", "b")
	tb.Add("x|y", "line\nbreak")
	var b bytes.Buffer
	require.NoError(t, tb.WriteMarkdown(&b))
	assert.Equal(t, "| a | b |\n| --- | --- |\n| x\\|y | line break |\n", b.String())
}

func TestVersion(t *testing.T) {
	out := cliOK(t, "version")
	assert.Contains(t, out, "controlgraph ")
	assert.Contains(t, out, "ISO/IEC 27002:2022")
	assert.Contains(t, out, "NIST CSF 2.0")
	assert.Contains(t, out, "NIS2 IR (EU) 2024/2690, NIST SP 800-53 Rev. 5 (release 5.0.1)")
}

// decodeAny decodes JSON into v without a schema (maps and slices).
func decodeAny(s string, v any) error { return codec.DecodeStrict([]byte(s), v) }

func TestRenderRefusesBinaryOnTerminal(t *testing.T) {
	x := &invocation{format: formatXLSX, terminal: true, out: &bytes.Buffer{}}
	called := false
	err := x.render(func(io.Writer, report.Format) error { called = true; return nil })
	require.Error(t, err)
	assert.Equal(t, "--format xlsx is binary: write it to a file with -o FILE.xlsx", err.Error())
	assert.False(t, called)
	x.terminal = false
	require.NoError(t, x.render(func(io.Writer, report.Format) error { called = true; return nil }))
	assert.True(t, called)
}

func TestResolveFormat(t *testing.T) {
	all := []string{formatTable, formatJSON, formatCSV, formatMD}
	assert.Equal(t, "table", (&outputOptions{}).resolveFormat(all, true))
	assert.Equal(t, "json", (&outputOptions{}).resolveFormat(all, false))
	assert.Equal(t, "csv", (&outputOptions{format: "csv"}).resolveFormat(all, true))
	assert.Equal(t, "md", (&outputOptions{path: "x.markdown"}).resolveFormat(all, true))
	assert.Equal(t, "table", (&outputOptions{path: "x.txt"}).resolveFormat(all, false))
	assert.Equal(t, "json", (&outputOptions{}).resolveFormat([]string{formatJSON, formatCSV}, true))
	assert.Equal(t, "csv", (&outputOptions{path: "x.csv"}).resolveFormat([]string{formatJSON, formatCSV}, false))
}

// -o FILE whose extension names an output format the command does not write is bad
// input (exit 2, nothing written), not a text table under a .xlsx or .html name.
func TestOutputExtensionOfAFormatNotOffered(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join("..", "..", "examples", "assessments", "legacy-2013.csv")
	for _, name := range []string{"m.xlsx", "m.html", "m.oscal"} {
		path := filepath.Join(dir, name)
		msg := cliBad(t, "migrate", "--from", "iso27002:2013", legacy, "-o", path)
		assert.Equal(t, "controlgraph migrate: -o "+path+": the extension names format \""+strings.TrimPrefix(filepath.Ext(name), ".")+"\", which migrate does not write; accepted: table, json, csv, md (or --format FORMAT)\n", msg)
		assert.NoFileExists(t, path)
	}
	// an extension that names no format still writes the default, a table
	out := filepath.Join(dir, "m.txt")
	cliOK(t, "migrate", "--from", "iso27002:2013", legacy, "-o", out)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "Migration of "), "%.60s", data)
	// an explicit --format wins over the extension
	cliOK(t, "migrate", "--from", "iso27002:2013", legacy, "-o", filepath.Join(dir, "m.html"), "--format", "json")
}

// --max-hops limits derived paths: given without them it would be ignored in
// silence, so it is bad input that says what to add.
func TestMaxHopsWithoutDerived(t *testing.T) {
	a := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	for _, args := range [][]string{
		{"map", "8.16", "--to", "csf", "--max-hops", "3"},
		{"show", "8.16", "--derived=false", "--max-hops", "3"},
		{"gap", "--assessment", a, "--target", "csf", "--max-hops", "3"},
		{"recommend", "--assessment", a, "--target", "csf", "--max-hops", "3"},
		{"requirements", "--target", "csf", "--max-hops", "3"},
	} {
		msg := cliBad(t, args...)
		assert.Equal(t, "controlgraph "+args[0]+": --max-hops 3 limits derived paths, which are off: add --derived or drop --max-hops\n", msg)
	}
	cliOK(t, "map", "8.16", "--to", "csf", "--derived", "--max-hops", "3")
	cliOK(t, "show", "8.16", "--max-hops", "3") // show lists derived mappings by default
	cliOK(t, "gap", "--assessment", a, "--target", "csf", "--derived", "--max-hops", "3")
}

// newTable returns a table in the CLI's layout (package report's one table
// engine): column wrap (-1 for none) wraps in the table format, never narrower
// than minWrap.
func newTable(wrap int, header ...string) *report.Grid {
	return report.NewGrid(header...).Wrap(wrap).MinWrap(minWrap)
}

// minWrap is the narrowest a wrapped column of the CLI's listings gets.
const minWrap = 24
