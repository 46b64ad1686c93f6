package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunWritesTheModuleFiles: the command writes every generated file under -out,
// the same bytes as the committed ones, and lists what it wrote, in order.
func TestRunWritesTheModuleFiles(t *testing.T) {
	ref := testReferenceDir(t)
	root := testModuleRoot(t)
	out := t.TempDir()
	var log bytes.Buffer
	require.NoError(t, run([]string{"-ref", ref, "-out", out}, &log))
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	assert.Contains(t, lines, "wrote catalog/embed_tables.go")
	assert.Contains(t, lines, "wrote mappings/data/cis/LICENSE")
	assert.IsIncreasing(t, lines)
	for _, l := range lines {
		name := strings.TrimPrefix(l, "wrote ")
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		require.NoError(t, err, name)
		want, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		require.NoError(t, err, name)
		assert.True(t, bytes.Equal(want, got), "%s differs from the committed file", name)
	}
}

// TestRunErrors: a bad flag, a missing reference directory and an output directory
// that cannot be written are errors, not panics or partial silence.
func TestRunErrors(t *testing.T) {
	var log bytes.Buffer
	assert.Error(t, run([]string{"-nope"}, &log))
	err := run([]string{"-ref", filepath.Join(t.TempDir(), "missing")}, &log)
	assert.ErrorIs(t, err, os.ErrNotExist)

	ref := testReferenceDir(t)
	blocked := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(blocked, nil, 0o644))
	assert.Error(t, run([]string{"-ref", ref, "-out", blocked}, &log))
}
