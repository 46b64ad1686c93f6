package loader_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/loader"
)

// kinds returns, for each problem of c, its line and whether it is a warning.
func kinds(c *loader.Checked) (lines []int, warn []bool) {
	for _, p := range c.Problems {
		lines = append(lines, p.Where().Line)
		warn = append(warn, p.Warning)
	}
	return lines, warn
}

// An assessment with an error lists its warnings too, each as a warning (it said
// "0 warnings"); under --strict every one is an error, all listed.
func TestCheckAssessmentErrorKeepsWarnings(t *testing.T) {
	mix := []byte("Control,Status,Extra\n5.1,Yes,x\n5.2,Maybe,x\n5.3,,x\n")
	c := check(t, "mix.csv", mix, loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	assert.False(t, c.Valid())
	assert.False(t, c.Read)
	lines, warn := kinds(c)
	assert.Equal(t, []int{3, 1, 4}, lines)
	assert.Equal(t, []bool{false, true, true}, warn)
	require.Len(t, c.Problems, 3)
	assert.True(t, strings.HasPrefix(c.Problems[2].Message(), `mix.csv:4: field "status": a control with no status`), c.Problems[2].Message())
	assert.Contains(t, c.Problems[2].Error(), "warning: ")

	c = check(t, "mix.csv", mix, loader.CheckOptions{Strict: true})
	lines, warn = kinds(c)
	assert.Equal(t, []int{3, 1, 4}, lines)
	assert.Equal(t, []bool{false, false, false}, warn)

	// Warnings alone under --strict: each an error.
	c = check(t, "semi.csv", []byte("Control;Status;Extra\n5.1;Yes;x\n5.3;;x\n"), loader.CheckOptions{Strict: true})
	lines, warn = kinds(c)
	assert.Equal(t, []int{1, 3}, lines)
	assert.Equal(t, []bool{false, false}, warn)
}

// A file that names no framework's or mapping set's columns is read as an
// assessment, the most likely kind, so that the assessment reader says what is
// wrong (it said "a framework CSV needs --framework ID").
func TestCheckGuessesAssessment(t *testing.T) {
	ole := "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"
	for _, c := range []struct{ name, data, want string }{
		{"empty.csv", "", "empty file, want a header row with the columns control and status"},
		{"titleonly.csv", "ISMS Assessment 2025\nCompany: ACME\n\n", `the first row is ["ISMS Assessment 2025"]`},
		{"old.xls", ole, "an Excel 97-2003 workbook (.xls)"},
		{"old.xlsx", ole, "an Excel 97-2003 workbook (.xls)"},
		{"report.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not UTF-8 text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := check(t, c.name, []byte(c.data), loader.CheckOptions{})
			assert.Equal(t, loader.KindAssessment, got.Kind)
			require.Len(t, got.Problems, 1)
			assert.False(t, got.Problems[0].Warning)
			assert.Contains(t, got.Problems[0].Message(), c.want)
		})
	}
}

// A JSON assessment with a syntax error (a trailing comma) is read as an
// assessment, so that the assessment reader's syntax error comes out, not an
// export document's "unknown field".
func TestCheckBrokenJSONAssessment(t *testing.T) {
	c := check(t, "b.json", []byte(`{"controls": [{"control": "5.1", "status": "implemented"},]}`), loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	require.Len(t, c.Problems, 1)
	assert.Equal(t, "b.json:1: malformed input: line 1, column 59: invalid JSON: character ']' where a value should begin", c.Problems[0].Message())
}
