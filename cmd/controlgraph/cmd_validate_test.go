package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// The export of the embedded data is valid; its warnings are exactly the source quirks
// the reference README lists: NIST's clauses "6.11" and "6.13", CSF 1.1's ", A.7.1.1"
// and "Clause 16.1.2", ENISA's rows 7.1 and 9.1 read as sections 7 and 9 (one warning
// per edge), its ids that do not exist and its two ids printed twice, CSF 2.0's two
// references to SP 800-53 IA-13 (Rev. 5.1.1, not in release 5.0.1), and CIS's
// repeated 15.2 → 5.10.
func TestValidateExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	cliOK(t, "export", "-o", path)
	rep := decodeJSON[validateJSON](t, cliOK(t, "validate", path, "--format", "json"))
	assert.Equal(t, "document", rep.Kind)
	assert.True(t, rep.Valid)
	assert.Equal(t, 0, rep.Errors)
	quirks := []string{`"6.11"`, `"6.13"`, `", A.7.1.1"`, `"Clause 16.1.2"`}
	section := func(printed, sec string, to ...string) {
		for _, id := range to {
			quirks = append(quirks, fmt.Sprintf("(nis2:2024/%s → %s): field \"misprint\" = %q: source quirk: read as nis2:2024/%s → %s", sec, id, printed, sec, id))
		}
	}
	section("7.1", "7", "iso27001:2022/6.2", "iso27001:2022/9.1", "iso27001:2022/9.3")
	section("9.1", "9", "iso27002:2022/5.31", "iso27002:2022/8.24")
	quirks = append(quirks, `nis2:2024/10.4 unresolved-reference): field "misprint" = "5.28"`, `nis2:2024/11.1 unresolved-reference): field "misprint" = "A9"`, `nis2:2024/11.2 unresolved-reference): field "misprint" = "A.9"`, `nis2:2024/11.3 unresolved-reference): field "misprint" = "A.9"`,
		"nis2:2024/6.10 related nist-csf:2.0/ID.RA-06 2 times")
	section("7.1", "7", "nist-csf:2.0/GV.RM-06", "nist-csf:2.0/ID.IM-01", "nist-csf:2.0/ID.IM-02")
	quirks = append(quirks, "nis2:2024/7 related nist-csf:2.0/ID.IM-03 2 times")
	section("7.1", "7", "nist-csf:2.0/ID.IM-03", "nist-csf:2.0/ID.IM-04")
	section("9.1", "9", "nist-csf:2.0/ID.IM-01", "nist-csf:2.0/ID.IM-02", "nist-csf:2.0/ID.IM-03", "nist-csf:2.0/ID.IM-04", "nist-csf:2.0/PR.DS-01", "nist-csf:2.0/PR.DS-02")
	quirks = append(quirks, `nis2:2024/2.1 unresolved-reference): field "misprint" = "ID.RM-01"`, `nis2:2024/11.5 unresolved-reference): field "misprint" = "PR.AC-02"`, `nis2:2024/13.1 unresolved-reference): field "misprint" = "GV.OC-07"`)
	quirks = append(quirks, `PR.AA-04 unresolved-reference): field "misprint" = "SP 800-53 Rev 5.1.1: IA-13"`, `PR.AA-05 unresolved-reference): field "misprint" = "SP 800-53 Rev 5.1.1: IA-13"`)
	if catalog.HasCIS() {
		quirks = append(quirks, "cis:8/15.2 subset-of iso27002:2022/5.10 2 times")
	}
	require.Len(t, rep.Problems, len(quirks))
	for i, q := range quirks {
		assert.Equal(t, "warning", rep.Problems[i].Severity)
		assert.Contains(t, rep.Problems[i].Message, q)
	}
	out := cliOK(t, "validate", path, "--format", "table")
	assert.True(t, strings.HasPrefix(out, path+" (document): valid; 0 errors, "), out)
}

func TestValidateBadMappingCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.csv")
	require.NoError(t, os.WriteFile(path, []byte("from,to,relationship,source\n"+
		"iso27002:2022/5.1,nist-csf:2.0/GV.PO-01,related,x\n"+
		"iso27002:2022/9.9,nist-csf:2.0/GV.PO-01,related,x\n"+
		"iso27002:2022/5.2,nist-csf:2.0/GV.PO-01,equalish,x\n"), 0o644))
	out, errs, code := cli(t, "validate", path, "--from", "iso27002", "--to", "csf", "--format", "json")
	assert.Equal(t, 2, code)
	assert.Equal(t, "controlgraph validate: "+path+" is not valid: 2 errors, 0 warnings\n", errs)
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, "mappings", rep.Kind)
	require.Len(t, rep.Problems, 2)
	assert.Contains(t, rep.Problems[0].Message, path+":3:")
	assert.Contains(t, rep.Problems[0].Message, "iso27002:2022/9.9")
	assert.Contains(t, rep.Problems[1].Message, path+":4:")
	assert.Contains(t, rep.Problems[1].Message, `"equalish"`)

	assert.Contains(t, cliBad(t, "validate", path), "a mapping CSV needs --from FRAMEWORK and --to FRAMEWORK")
}

func TestValidateFrameworkAndAssessment(t *testing.T) {
	dir := t.TempDir()
	fw := filepath.Join(dir, "acme.csv")
	require.NoError(t, os.WriteFile(fw, []byte("id,title,parent\nAC,Access control,\nAC-1,Policy,AC\nAC-2,Accounts,AX\n"), 0o644))
	out, errs, code := cli(t, "validate", fw, "--framework", "acme:1", "--format", "json")
	assert.Equal(t, 2, code, errs)
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, "framework", rep.Kind)
	require.Len(t, rep.Problems, 1)
	assert.Contains(t, rep.Problems[0].Message, fw+":4")
	assert.Contains(t, rep.Problems[0].Message, `"AX"`)
	assert.Contains(t, cliBad(t, "validate", fw), "a framework CSV needs --framework ID")

	out, errs, code = cliIn(t, "control,status\n5.1,implemented\n5.2,partial\n", "validate", "-", "--format", "json")
	require.Equal(t, 0, code, errs)
	rep = decodeJSON[validateJSON](t, out)
	assert.Equal(t, "assessment", rep.Kind)
	assert.True(t, rep.Valid)
	assert.Equal(t, `2 controls of iso27002:2022 rated; read as CSV (comma-separated, UTF-8), header on line 1: "control" → control, "status" → status`, rep.Summary)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, "warning", rep.Problems[0].Severity)
	assert.True(t, strings.HasPrefix(rep.Problems[0].Message,
		"standard input: controls not assessed: 91 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented): 5.3, 5.4, "), rep.Problems[0].Message)

	assert.Contains(t, cliBad(t, "validate", fw, "--kind", "spreadsheet"), `unknown value "spreadsheet" for --kind; accepted: document, framework, mappings, assessment, oscal`)
	assert.Contains(t, cliBad(t, "validate", filepath.Join(dir, "none.json")), "cannot read")
}

func TestValidateOSCAL(t *testing.T) {
	ref := referenceDir(t)
	out := cliOK(t, "validate", filepath.Join(ref, "oscal", "NIST_CSF_v2.0_catalog.json"), "--format", "json")
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, "oscal", rep.Kind)
	assert.True(t, rep.Valid)
	assert.Contains(t, rep.Summary, "OSCAL catalog")
}

// validate counts the problems it does not list ("... and N more problems") as N, and a
// 2013 assessment read as a 2022 one says how to read it.
func TestValidateCountsEveryProblem(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "legacy-2013.csv")
	_, errs, code := cli(t, "validate", path, "--format", "table")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "is not valid: 114 errors, 0 warnings", "every row of the 114 is a 2013 control")
	assert.True(t, strings.HasSuffix(errs, `is not valid: 114 errors, 0 warnings; hint: give the framework the file rates with --baseline FRAMEWORK (or "baseline" in a JSON file)`+"\n"), errs)
	out, _, _ := cli(t, "validate", path, "--format", "json")
	assert.True(t, strings.Contains(out, "a file that rates iso27002:2013 has it as its baseline"), "the problem names the baseline to use")
}
