//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A named pipe is written straight through (no temporary file in its directory).
func TestOutputToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(f)
		f.Close()
		got <- b.Bytes()
	}()
	assert.Empty(t, cliOK(t, "frameworks", "--format", "csv", "-o", fifo))
	assert.Equal(t, cliOK(t, "frameworks", "--format", "csv"), string(<-got))
	st, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "still a pipe")
}

// An existing file keeps its mode (a 0600 SoA became 0644); a new one gets 0666 less
// the umask.
func TestOutputModes(t *testing.T) {
	dir := t.TempDir()
	soa := filepath.Join(dir, "soa.md")
	require.NoError(t, os.WriteFile(soa, []byte("old"), 0o600))
	assert.Empty(t, cliOK(t, "soa", "--assessment", smallCompany, "-o", soa))
	st, err := os.Stat(soa)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "new.json")
	assert.Empty(t, cliOK(t, "frameworks", "-o", fresh))
	st, err = os.Stat(fresh)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
}
