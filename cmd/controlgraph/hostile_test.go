package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15, point 5: -o replaced whatever was at the path with rename(2). A symbolic
// link is written through to its target and stays a link.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink("real.json", link))
	assert.Empty(t, cliOK(t, "frameworks", "-o", link))
	lst, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, lst.Mode()&os.ModeSymlink, "the link is still a link")
	got, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, cliOK(t, "frameworks"), string(got))
	st, err := os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the target keeps its mode")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary file left")

	// A link to nothing is refused (exit 2), and nothing is created.
	dangling := filepath.Join(dir, "dangling.json")
	require.NoError(t, os.Symlink("nowhere.json", dangling))
	assert.Contains(t, cliBad(t, "frameworks", "-o", dangling), "is a symbolic link to nothing")
	_, err = os.Stat(filepath.Join(dir, "nowhere.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// A character device is written straight through and stays a device: /dev/null.
func TestOutputToCharDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil || runtime.GOOS == "windows" {
		t.Skip("no /dev/null here")
	}
	assert.Empty(t, cliOK(t, "frameworks", "-o", os.DevNull))
	st, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null is still a device")
	// xlsx to /dev/null is not to a terminal.
	assert.Empty(t, cliOK(t, "soa", "--assessment", smallCompany, "--format", "xlsx", "-o", os.DevNull))
}

// A directory or a socket is not replaced.
func TestOutputRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	assert.Contains(t, cliBad(t, "frameworks", "-o", dir), "it is a directory")
}

// Issue 15, point 9: "> /dev/null" was taken for a terminal (any character device
// was), so --format xlsx was refused.
func TestDevNullIsNotATerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/null here")
	}
	defer f.Close()
	assert.False(t, isTerminal(f))
	var errb bytes.Buffer
	code := run([]string{"soa", "--assessment", smallCompany, "--format", "xlsx"}, strings.NewReader(""), f, &errb)
	assert.Equal(t, 0, code, errb.String())
	assert.False(t, isTerminal(&bytes.Buffer{}))
}

// Issue 15, point 9: a top-level JSON array given to import was called "a CSV
// framework".
func TestImportTopLevelArray(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.json")
	require.NoError(t, os.WriteFile(path, []byte(`[{"id":"acme:1"}]`), 0o600))
	msg := cliBad(t, "import", path)
	assert.NotContains(t, msg, "CSV")
	assert.Contains(t, msg, "a JSON array")
}

// Issue 15, point 8: a reference with a control character is bad input, named.
func TestRefWithControlCharacter(t *testing.T) {
	msg := cliBad(t, "show", "5.\u202e1")
	assert.Contains(t, msg, "control character U+202E at byte 2")
	msg = cliBad(t, "show", "5.1\x1b[2J")
	assert.Contains(t, msg, `"5.1\x1b[2J"`)
	assert.NotContains(t, msg, "\x1b")
}

var smallCompany = filepath.Join("..", "..", "examples", "assessments", "small-company.csv")

// The net under every message: control characters escaped, one line, bounded.
func TestSafeMessage(t *testing.T) {
	assert.Equal(t, `a\x1b[2Jb\nc`, safeMessage("a\x1b[2Jb\nc"))
	long := safeMessage(strings.Repeat("é", maxMessage))
	assert.LessOrEqual(t, len(long), maxMessage+50)
	assert.True(t, strings.HasSuffix(long, fmt.Sprintf("… (%d bytes; the rest is cut)", 2*maxMessage)), long[len(long)-60:])
}

// Issue 15, point 6: a 50 MB cell gave a 105 MB line on standard error. (Assessment
// files are read by package crosswalk; these are the catalog and mapping readers.)
func TestHugeCellMessage(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	require.NoError(t, os.WriteFile(big, []byte("id,title\nA,"+strings.Repeat("x", 50<<20)+"\n"), 0o600))
	msg := cliBad(t, "import", big, "--framework-id", "acme:1")
	assert.Contains(t, msg, "line 2 is longer than 1048576 bytes (1 MiB)")
	assert.Less(t, len(msg), 300)

	rel := filepath.Join(dir, "rel.csv")
	require.NoError(t, os.WriteFile(rel, []byte("from,to,relationship\nnist-csf:2.0/GV.OC-01,iso27002:2022/5.1,"+strings.Repeat("r", 60000)+"\n"), 0o600))
	msg = cliBad(t, "import", rel)
	assert.Contains(t, msg, `"… (60000 bytes): unknown relationship`)
	assert.Less(t, len(msg), 500)
}
