//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// SIGINT and SIGTERM to a 'gap --batch -o OUT' that is writing its temporary file
// remove the file, leave OUT as it was, and end the process with 130 and 143. The
// test runs itself as the child process, as main would (the signal handler, then
// run), and sends it a real signal.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if out := os.Getenv("CONTROLGRAPH_SIGNAL_OUT"); out != "" {
		removeTempsOnSignal()
		os.Exit(run([]string{"gap", "--batch", "-", "-o", out}, os.Stdin, os.Stdout, os.Stderr))
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.jsonl")
			require.NoError(t, os.WriteFile(out, []byte("old\n"), 0o644))
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
			cmd.Env = append(os.Environ(), "CONTROLGRAPH_SIGNAL_OUT="+out)
			stdin, err := cmd.StdinPipe() // held open: the batch waits for its input
			require.NoError(t, err)
			defer stdin.Close()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())

			// Wait for the temporary file beside OUT.
			var temp []string
			for deadline := time.Now().Add(20 * time.Second); len(temp) == 0 && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
				temp, _ = filepath.Glob(filepath.Join(dir, ".out.jsonl.*.tmp"))
			}
			if len(temp) == 0 {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("no temporary file appeared; stderr: %s", stderr.String())
			}

			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "%v; stderr: %s", err, stderr.String())
			assert.Equal(t, 128+int(sig), exit.ExitCode(), "stderr: %s", stderr.String())

			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 1, "only OUT is left: %v", entries)
			assert.Equal(t, "out.jsonl", entries[0].Name())
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, "old\n", string(data), "OUT is as it was")
		})
	}
}
