package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// isoWorkbook rates two clauses of ISO/IEC 27001:2022 and two Annex A controls: as an
// ISO/IEC 27002:2022 assessment (the default baseline) its two clause rows are wrong.
const isoWorkbook = "control,status\n4.1,implemented\n4.2;x,implemented\nA.5.1,implemented\nA.5.2,implemented\n"

// A refused file with several problems: a line that counts them, then one problem a
// line (each with its own row, even when the messages hold ";"), then one hint that
// fits the command.
func TestProblemsOneALine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		n    int // problems
		hint string
	}{
		{[]string{"soa", "--assessment", "-"}, 2,
			"  hint: a Statement of Applicability rates the controls of ISO/IEC 27001:2022 Annex A (iso27002:2022) only: " +
				"leave the other rows out of the file (the clauses are rated with 'controlgraph gap --baseline iso27001:2022')\n"},
		{[]string{"gap", "--assessment", "-", "--target", "nist-csf:2.0"}, 2,
			"  hint: give the framework the file rates with --baseline FRAMEWORK (or \"baseline\" in a JSON file)\n"},
		{[]string{"migrate", "-", "--from", "iso27002:2013"}, 4,
			"  hint: give the framework the file rates with --from FRAMEWORK\n"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			out, errs, code := cliIn(t, isoWorkbook, tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			lines := strings.SplitAfter(errs, "\n")
			require.Len(t, lines, 1+tc.n+1+1, errs) // head, problems, hint, "" after the last line break
			assert.Equal(t, fmt.Sprintf("controlgraph %s: %d problems in standard input:\n", tc.args[0], tc.n), lines[0])
			assert.True(t, strings.HasPrefix(lines[1], `  standard input:2: field "control" = "4.1": control is not of the assessment's baseline framework: `+
				"iso27001:2022/4.1 is a control of iso27001:2022"), lines[1])
			assert.True(t, strings.HasPrefix(lines[2], `  standard input:3: field "control" = "4.2;x": unknown control`), lines[2])
			assert.Equal(t, tc.hint, lines[len(lines)-2])
			assert.NotContains(t, errs, "(--baseline", "the library's message names no flag")
		})
	}
}

// One problem stays on one line, with the hint after it; control characters in
// a listed problem are escaped, so each problem is one line.
func TestProblemsOneLineEscaped(t *testing.T) {
	_, errs, code := cliIn(t, "control,status\n4.1,implemented\nA.5.1,implemented\n", "soa", "--assessment", "-")
	assert.Equal(t, 2, code)
	assert.Equal(t, 1, strings.Count(errs, "\n"), errs)
	assert.True(t, strings.HasPrefix(errs, `controlgraph soa: standard input:2: field "control" = "4.1": `), errs)
	assert.True(t, strings.HasSuffix(errs, "; hint: a Statement of Applicability rates the controls of ISO/IEC 27001:2022 Annex A "+
		"(iso27002:2022) only: leave the other rows out of the file (the clauses are rated with 'controlgraph gap --baseline iso27001:2022')\n"), errs)

	_, errs, code = cliIn(t, "control,status\n\"9.9\x1b[2J\nx\",implemented\n9.8,implemented\n", "soa", "--assessment", "-")
	assert.Equal(t, 2, code)
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	require.Len(t, lines, 3, errs)
	assert.Equal(t, "controlgraph soa: 2 problems in standard input:", lines[0])
	assert.NotContains(t, errs, "\x1b")
	assert.Contains(t, lines[1], `\x1b[2J\nx`)
	assert.Contains(t, lines[2], `"9.8"`)
}

// problemsError: one problem on one line; several as a list of at most maxProblems
// and a count of the rest; the import of a set of an unknown framework ends with
// its hint.
func TestProblemsErrorList(t *testing.T) {
	assert.Equal(t, &inputError{"X: p1"}, problemsError("X", []string{"p1"}))

	var many []string
	for i := range maxProblems + 5 {
		many = append(many, fmt.Sprintf("p%d", i+1))
	}
	err := problemsError("X", many)
	le, ok := err.(*listError)
	require.True(t, ok, "%T", err)
	assert.Equal(t, "X: 25 problems", le.head)
	require.Len(t, le.items, maxProblems+1)
	assert.Equal(t, "p20", le.items[maxProblems-1])
	assert.Equal(t, "... and 5 more (see 'controlgraph validate FILE')", le.items[maxProblems])
	assert.Len(t, many, 25, "the caller's list is left as it was")
	assert.Equal(t, "p21", many[20])

	_, errs, code := cli(t, "import", "testdata/acme-map.json")
	assert.Equal(t, 2, code)
	lines := strings.SplitAfter(errs, "\n")
	require.Len(t, lines, 1+8+1+1, errs)
	assert.Equal(t, "controlgraph import: testdata/acme-map.json has invalid mapping sets: 8 problems:\n", lines[0])
	assert.Equal(t, `  set "acme-1_to_iso27002-2022": field "from" = "acme:1": framework of the set is not in the catalog`+"\n", lines[1])
	assert.Equal(t, "  hint: give the file of a framework that is not embedded with --catalog FILE\n", lines[9])
}

// A refused file with warnings besides its errors: the count line tells them apart,
// and the warnings follow the errors, each marked.
func TestProblemsErrorsAndWarnings(t *testing.T) {
	out, errs, code := cliIn(t, "Control,Status,Extra\n5.1,Yes,x\n5.2,Maybe,x\n5.3,,x\n", "gap", "--assessment", "-", "--target", "csf")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	require.Len(t, lines, 4, errs)
	assert.Equal(t, "controlgraph gap: 1 error and 2 warnings in standard input:", lines[0])
	assert.True(t, strings.HasPrefix(lines[1], `  standard input:3: field "status" = "Maybe": unknown status`), lines[1])
	assert.True(t, strings.HasPrefix(lines[2], `  warning: standard input:1: field "header": unknown column, ignored: "Extra"`), lines[2])
	assert.True(t, strings.HasPrefix(lines[3], `  warning: standard input:4: field "status": a control with no status`), lines[3])
}
