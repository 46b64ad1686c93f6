package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// analystWorkbook writes the workbook an analyst keeps: a cover sheet, then the
// assessment below a title block, with the column names and words people use.
func analystWorkbook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "Cover"))
	_, err := f.NewSheet("SoA")
	require.NoError(t, err)
	for i, r := range [][]any{
		{"Acme Ltd — Statement of Applicability 2024"},
		{},
		{"Control ID", "Title", "Implementation status", "Control owner", "Comments"},
		{"A.5.1 Policies for information security", "", "Yes", "CISO", ""},
		{"A5.15", "Access control", "In progress", "IT", "SSO roll-out"},
		{"Annex A 8.16", "Monitoring activities", "Missing", "", ""},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("SoA", cell, &r))
	}
	path := filepath.Join(t.TempDir(), "soa.xlsx")
	require.NoError(t, f.SaveAs(path))
	return path
}

func TestAssessmentXLSXThroughCLI(t *testing.T) {
	path := analystWorkbook(t)
	out, errs, code := cli(t, "gap", "--assessment", path, "--sheet", "SoA", "--target", "csf", "--format", "json")
	require.Equal(t, 0, code, errs)
	g := decodeGap(t, out)
	assert.Equal(t, "iso27002:2022", g.Baseline)
	assert.Equal(t, "controlgraph gap: warning: "+path+`: sheet "SoA" row 3: field "header": unknown column, ignored: "Title" (the columns read are control, status, owner, notes)`+"\n"+
		"controlgraph gap: warning: "+path+": controls not assessed: 90 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)\n", errs)

	// soa reads the same sheet; without --sheet the first sheet has no header row.
	out, _, code = cli(t, "soa", "--assessment", path, "--sheet", "soa", "--format", "csv")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "5.15")
	msg := cliBad(t, "soa", "--assessment", path)
	assert.Contains(t, msg, path+`: sheet "Cover" row 1: missing column: empty sheet, want a header row with the columns control and status`)
	assert.Contains(t, cliBad(t, "recommend", "--assessment", path, "--sheet", "Nope", "--target", "csf"),
		`field "sheet" = "Nope": malformed input: no such sheet; the workbook has "Cover", "SoA"`)

	// validate says how it read the file.
	out, _, code = cli(t, "validate", path, "--sheet", "SoA", "--format", "table")
	require.Equal(t, 0, code)
	first, _, _ := strings.Cut(out, "\n")
	assert.Equal(t, path+` (assessment): valid; 0 errors, 2 warnings; 3 controls of iso27002:2022 rated; read as XLSX sheet "SoA", header on row 3: `+
		`"Control ID" → control, "Implementation status" → status, "Control owner" → owner, "Comments" → notes; ignored: "Title"`, first)
}

func TestAssessmentCSVDialectsThroughCLI(t *testing.T) {
	// European Excel: BOM, ';', CRLF, a title block; validate guesses it is an assessment.
	semi := "\uFEFFAcme Ltd;;\r\nRef;Status;Notes\r\n5.1;Done;\"a; b\"\r\n5.2;N/A;\r\n"
	path := filepath.Join(t.TempDir(), "soa.csv")
	require.NoError(t, os.WriteFile(path, []byte(semi), 0o644))
	out, _, code := cli(t, "validate", path, "--format", "json")
	require.Equal(t, 0, code, out)
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, "assessment", rep.Kind)
	assert.Equal(t, `2 controls of iso27002:2022 rated; read as CSV (semicolon-separated, UTF-8 with BOM), header on line 2: "Ref" → control, "Status" → status, "Notes" → notes`, rep.Summary)

	// A tab-separated file on standard input.
	out, errs, code := cliIn(t, "Control\tImplementation status\n5.1\tComplete\n", "soa", "--assessment", "-", "--format", "csv")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "5.1,")

	// A status nobody uses: file, line, value and the words accepted.
	msg := cliBad(t, "gap", "--assessment", "-", "--target", "csf")
	assert.Contains(t, msg, "missing") // no stdin given: empty file
	_, errs, code = cliIn(t, "control;status\n5.1;sort of\n", "gap", "--assessment", "-", "--target", "csf")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `standard input:2: field "status" = "sort of": unknown status "sort of" (accepted, in any case: implemented (also yes, done, complete, in place);`)
}

func TestAssessmentTooLargeThroughCLI(t *testing.T) {
	// A file over the limit (sparse: no disk) ends in exit 2 with the limit named,
	// read no further than the limit.
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	_, err = f.WriteString("control,status,notes\n5.1,yes,\"")
	require.NoError(t, err)
	require.NoError(t, f.Truncate(200<<20))
	require.NoError(t, f.Close())
	_, errs, code := cli(t, "gap", "--assessment", path, "--target", "csf")
	assert.Equal(t, 2, code)
	assert.Equal(t, "controlgraph gap: "+path+": over the size limit: the file is larger than 32 MiB, the limit for an assessment\n", errs)
	assert.Less(t, len(errs), 300)
}

func TestAssessmentStrictThroughCLI(t *testing.T) {
	// --strict makes the reader's warnings errors (exit 2); without it they are
	// warnings and the command succeeds.
	in := "Control,Title,Status\n5.1,Policies,yes\n"
	_, errs, code := cliIn(t, in, "gap", "--assessment", "-", "--target", "csf", "--format", "json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, `controlgraph gap: warning: standard input:1: field "header": unknown column, ignored: "Title"`)
	_, errs, code = cliIn(t, in, "gap", "--assessment", "-", "--target", "csf", "--strict")
	assert.Equal(t, 2, code)
	assert.Equal(t, `controlgraph gap: standard input:1: field "header": unknown column, ignored: "Title" (the columns read are control, status)`+"\n", errs)
	out, _, code := cliIn(t, in, "validate", "-", "--strict", "--format", "json")
	assert.Equal(t, 2, code)
	rep := decodeJSON[validateJSON](t, out)
	assert.False(t, rep.Valid)
	assert.Equal(t, 1, rep.Errors)
}
