package main

import (
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
// and "Clause 16.1.2", and CIS's repeated 15.2 → 5.10.
func TestValidateExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	cliOK(t, "export", "-o", path)
	rep := decodeJSON[validateJSON](t, cliOK(t, "validate", path, "--format", "json"))
	assert.Equal(t, "document", rep.Kind)
	assert.True(t, rep.Valid)
	assert.Equal(t, 0, rep.Errors)
	quirks := []string{`"6.11"`, `"6.13"`, `", A.7.1.1"`, `"Clause 16.1.2"`}
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
