package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15, point 8: table and Markdown output passed terminal escape codes and
// bidirectional overrides through. They come out escaped, visible as text.
func TestControlCharactersEscaped(t *testing.T) {
	const evil = "owner\x1b[2J\x1b]0;pwned\x07 \u202etxt.exe"
	soa := &crosswalk.SoA{Standard: "iso27001:2022", Baseline: "iso27002:2022",
		Controls: []crosswalk.SoAEntry{{Control: "5.1", AnnexA: "A.5.1", Title: "Policies", Applicable: true,
			Justification: evil, Status: crosswalk.Implemented, Owner: "o", Notes: evil}}}
	var tb bytes.Buffer
	require.NoError(t, SoATable(&tb, soa, Options{}))
	var mb bytes.Buffer
	require.NoError(t, SoAMarkdown(&mb, soa, Options{}))
	for name, out := range map[string]string{"table": tb.String(), "markdown": mb.String()} {
		assert.NotContains(t, out, "\x1b", name)
		assert.NotContains(t, out, "\x07", name)
		assert.NotContains(t, out, "\u202e", name)
	}
	assert.Contains(t, tb.String(), `owner\x1b[2J\x1b]0;pwned\x07 \u202etxt.exe`)
	assert.Contains(t, mb.String(), `owner\\x1b\[2J\\x1b\]0;pwned\\x07 \\u202etxt.exe`)
	// CSV carries the text verbatim: it is data, not display.
	var cb bytes.Buffer
	require.NoError(t, SoACSV(&cb, soa))
	assert.True(t, strings.Contains(cb.String(), evil))
}

func TestCellEscapes(t *testing.T) {
	assert.Equal(t, `a b\x1bc`, cell("a\tb\x1bc", 0))
	assert.Equal(t, `\xff`, cell("\xff", 0))
}

// Issue 15, point 7: XLSX cut cells at 32,767 characters without a word. A longer
// text now ends, within the limit, with a note saying so and where the whole text is.
func TestXLSXLongCell(t *testing.T) {
	long := strings.Repeat("é", 40000)
	soa := &crosswalk.SoA{Standard: "iso27001:2022", Baseline: "iso27002:2022",
		Controls: []crosswalk.SoAEntry{{Control: "5.1", AnnexA: "A.5.1", Title: "Policies", Applicable: true,
			Justification: "short", InclusionReason: "short", Status: crosswalk.Implemented, Notes: long}}}
	data := render(t, func(b *bytes.Buffer) error { return SoAXLSX(b, soa, Options{}) })
	f := openXLSX(t, data)
	rows, err := f.GetRows(SheetSoA)
	require.NoError(t, err)
	got := rows[1][10] // notes
	assert.Equal(t, 32767, utf8.RuneCountInString(got))
	assert.True(t, strings.HasSuffix(got, " … [cut: an XLSX cell holds 32767 characters, this text has 40000; the CSV and JSON formats carry it whole]"), got[len(got)-120:])
	assert.True(t, strings.HasPrefix(got, strings.Repeat("é", 100)))
	assert.Equal(t, "short", rows[1][5]) // reason for inclusion
	assert.Equal(t, long, soa.Controls[0].Notes, "the result is not changed")
}
