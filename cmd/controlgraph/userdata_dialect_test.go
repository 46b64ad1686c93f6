package main

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rewriteCSV writes the CSV file src again into dir, separated by comma, with CRLF
// line ends, as UTF-8 with a byte-order mark or as UTF-16LE with one (Excel's
// "Unicode Text").
func rewriteCSV(t *testing.T, src, dir string, comma rune, utf16le bool) string {
	t.Helper()
	f, err := os.Open(src)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = comma, true
	require.NoError(t, w.WriteAll(recs))
	text := "\uFEFF" + b.String()
	out := []byte(text)
	if utf16le {
		var u bytes.Buffer
		require.NoError(t, binary.Write(&u, binary.LittleEndian, utf16.Encode([]rune(text))))
		out = u.Bytes()
	}
	path := filepath.Join(dir, filepath.Base(src))
	require.NoError(t, os.WriteFile(path, out, 0o644))
	return path
}

// --catalog and --mappings CSV files saved by European Excel (';', BOM, CRLF) or as
// "Unicode Text" (UTF-16, tabs) give the gap the ',' files give.
func TestGapOwnFrameworkCSVDialects(t *testing.T) {
	for name, c := range map[string]struct {
		comma   rune
		utf16le bool
	}{"semicolon": {';', false}, "unicode text": {'\t', true}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			fw := rewriteCSV(t, filepath.Join("testdata", "acme.csv"), dir, c.comma, c.utf16le)
			m := rewriteCSV(t, filepath.Join("testdata", "acme-map.csv"), dir, c.comma, c.utf16le)
			g := acmeGap(t, []string{"--catalog", fw, "--catalog-id", "acme:1", "--mappings", m}, "--target", "acme:1")
			assert.Equal(t, acmeStrict, g.Statuses)
			assert.Equal(t, []string{"OP-3"}, g.Unreached)
			assert.Equal(t, 20.0, g.Summary["coverage_percent"])
		})
	}
}
