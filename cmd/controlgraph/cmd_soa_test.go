package main

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func TestSoAExample(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	out := cliOK(t, "soa", "--assessment", path, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"control", "annex_a", "title", "theme", "applicable", "inclusion_reason", "exclusion_justification",
		"status", "owner", "evidence", "notes", "related", "organization", "scope", "version", "date", "approved_by"}, rows[0])
	require.Len(t, rows, 1+93, "every Annex A control")
	// A.5.1: the CSF 2.0 elements whose NIST reference cites Annex A 5.1, in CSF
	// document order, and CIS safeguard 15.2 (nist-csf-2.0_to_iso27001-2022.csv,
	// cis-controls-v8_to_iso27002-2022.csv).
	assert.Equal(t, []string{"5.1", "A.5.1", "Policies for information security", "Organizational", "yes", "Risk treatment plan 2025", "",
		"implemented", "CISO", "ISMS policy set v2.1", ""}, rows[1][:11])
	related := "nist-csf:2.0: GV, GV.OV, GV.OV-01, GV.OV-02, GV.OV-03, GV.PO-01, GV.PO-02, GV.RM, GV.RM-01, GV.RM-02, GV.RM-03, GV.RM-04, GV.RM-05, GV.RM-06, GV.SC, GV.SC-01, GV.SC-03, PR.AA-05, PR.DS, PR.DS-01"
	if catalog.HasCIS() {
		related += "; cis:8: 15.2"
	}
	assert.Equal(t, related, rows[1][11])
	assert.Equal(t, []string{"", "", "", "", ""}, rows[1][12:], "no document fields given")
	for _, r := range rows[1:] {
		if r[0] == "8.28" {
			assert.Equal(t, []string{"no", "", "No in-house software development; all software is bought as a service", "not-applicable"}, r[4:8])
		}
	}

	// The example rates all 93: 55 implemented, 14 partial, 2 planned, 14 not
	// implemented and 8 not applicable, each with a justification.
	table := cliOK(t, "soa", "--assessment", path, "--format", "table")
	assert.Contains(t, flatText(table), "93 controls: 85 applicable, 8 excluded; 55 implemented, 14 partial, 2 planned, 14 not implemented, 0 not assessed")
	md := cliOK(t, "soa", "--assessment", path, "--format", "md", "--related", "csf")
	assert.True(t, strings.HasPrefix(md, "# Statement of Applicability"), md[:80])
	assert.NotContains(t, md, "cis:8", "--related csf leaves the CIS Controls out")
}

func TestSoAProblems(t *testing.T) {
	const assessment = "control,status,justification\n5.1,implemented,Risk R-1\nA.8.4,not-applicable,\n5.2,partial,\n"
	out, errs, code := cliIn(t, assessment, "soa", "--assessment", "-", "--format", "json")
	require.Equal(t, 0, code, errs)
	var m map[string]any
	require.NoError(t, decodeAny(out, &m))
	sum := m["summary"].(map[string]any)
	assert.Equal(t, 93.0, sum["total"])
	assert.Equal(t, 1.0, sum["excluded"])
	assert.Equal(t, 1.0, sum["implemented"])
	assert.Equal(t, 1.0, sum["partial"])
	assert.Equal(t, 90.0, sum["not_assessed"])
	problems := m["problems"].([]any)
	require.Len(t, problems, 92)
	kinds := map[string]int{}
	for _, p := range problems {
		kinds[p.(map[string]any)["kind"].(string)]++
	}
	assert.Equal(t, map[string]int{"missing-justification": 1, "missing-reason": 1, "not-assessed": 90}, kinds)

	out, errs, code = cliIn(t, assessment, "soa", "--assessment", "-", "--format", "table", "--fail-on-problems")
	assert.Equal(t, 1, code)
	assert.Contains(t, flatText(out), "A.8.4 Access to source code is excluded without a justification (ISO/IEC 27001:2022 6.1.3 d)", "missing-justification problem listed")
	assert.Contains(t, flatText(out), "A.5.2 Information security roles and responsibilities is included without a reason for its inclusion (ISO/IEC 27001:2022 6.1.3 d)")
	assert.Equal(t, "controlgraph soa: warning: standard input: controls not assessed: 90 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)\n"+
		"controlgraph soa: the statement of applicability has 92 problems\n", errs)

	assert.Contains(t, cliBad(t, "soa"), "missing --assessment FILE")
	_, errs, code = cliIn(t, "control,status\nA.5.1.1,implemented\n", "soa", "--assessment", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "A.5.1.1")
}

func TestMigrate2013(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "legacy-2013.csv")
	table := cliOK(t, "migrate", "--from", "iso27002:2013", path, "--format", "table")
	// Every 2022 control but the 11 new ones has a 2013 predecessor (Annex B).
	assert.Contains(t, table, "82 controls rated from the old assessment; 11 controls to assess afresh;")
	i := strings.Index(table, "TO ASSESS AFRESH (11)\n")
	require.GreaterOrEqual(t, i, 0)
	var fresh []string
	for _, l := range strings.Split(table[i:], "\n")[2:13] {
		fresh = append(fresh, strings.Fields(l)[0])
	}
	assert.Equal(t, []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, fresh)

	// CSV is the migrated assessment itself: gap reads it.
	migrated := cliOK(t, "migrate", path, "--from", "iso27002:2013", "--format", "csv")
	assert.True(t, strings.HasPrefix(migrated, "control,status,justification,owner,evidence,notes\n5.1,implemented,"), migrated[:120])
	assert.Len(t, csvIDs(t, migrated), 82)
	_, errs, code := cliIn(t, migrated, "gap", "--assessment", "-", "--target", "csf", "--format", "json")
	assert.Equal(t, 0, code, errs)
	// JSON too.
	_, errs, code = cliIn(t, cliOK(t, "migrate", path, "--from", "iso27002:2013", "--format", "json"), "soa", "--assessment", "-", "--format", "json")
	assert.Equal(t, 0, code, errs)
}

func TestMigrateBadInput(t *testing.T) {
	assert.Contains(t, cliBad(t, "migrate", "x.csv"), "missing --from FRAMEWORK")
	assert.Contains(t, cliBad(t, "migrate", "--from", "iso27002:2022", "x.csv"), "nothing to migrate")
	assert.Contains(t, cliBad(t, "migrate", "--from", "iso27002:2013"), "missing argument")
	_, errs, code := cliIn(t, "control,status\nA.5.1.1,implemented\n", "migrate", "--from", "iso27002:2013", "-", "--to", "csf")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "no succession mapping")
}

// The document fields an auditor expects (--org, --scope, --version, --date,
// --approved-by) are in every format.
func TestSoADocumentFields(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	args := []string{"soa", "--assessment", path, "--org", "Example & Co <Ltd>", "--scope", "All services, Leeds office",
		"--version", "1.2", "--date", "2026-11-28", "--approved-by", "J. Smith, CEO"}
	js := cliOK(t, append(args, "--format", "json")...)
	var m map[string]any
	require.NoError(t, decodeAny(js, &m))
	assert.Equal(t, map[string]any{"organization": "Example & Co <Ltd>", "scope": "All services, Leeds office", "version": "1.2",
		"date": "2026-11-28", "approved_by": "J. Smith, CEO"}, m["document"])

	rows, err := csv.NewReader(strings.NewReader(cliOK(t, append(args, "--format", "csv")...))).ReadAll()
	require.NoError(t, err)
	for _, r := range rows[1:] {
		require.Equal(t, []string{"Example & Co <Ltd>", "All services, Leeds office", "1.2", "2026-11-28", "J. Smith, CEO"}, r[12:])
	}
	table := cliOK(t, append(args, "--format", "table")...)
	assert.Contains(t, table, "\nOrganisation: Example & Co <Ltd>\nScope:        All services, Leeds office\nVersion:      1.2\nDate:         2026-11-28\nApproved by:  J. Smith, CEO\n")
	md := cliOK(t, append(args, "--format", "md")...)
	assert.Contains(t, md, "- Organisation: Example &amp; Co &lt;Ltd&gt;\n- Scope: All services, Leeds office\n- Version: 1.2\n- Date: 2026-11-28\n- Approved by: J. Smith, CEO\n")
	html := cliOK(t, append(args, "--format", "html")...)
	assert.Contains(t, html, `<dt>Organisation</dt><dd data-doc="organization">Example &amp; Co &lt;Ltd&gt;</dd>`)
	assert.Contains(t, html, `<dt>Approved by</dt><dd data-doc="approved_by">J. Smith, CEO</dd>`)

	// Left out: "not given", never silently blank.
	assert.Contains(t, cliOK(t, "soa", "--assessment", path, "--format", "table"), "\nApproved by:  not given\n")

	msg := cliBad(t, "soa", "--assessment", path, "--date", "28/11/2026")
	assert.Contains(t, msg, `--date "28/11/2026": want a date as YYYY-MM-DD`)
}

// flatText joins the words of a wrapped text with single spaces.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// --paper and --landscape set the @page rule of the HTML reports; an unknown paper is
// bad input.
func TestPrintFlags(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	html := cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "html", "--paper", "a4", "--landscape")
	assert.Contains(t, html, "@page{size:A4 landscape}")
	html = cliOK(t, "soa", "--assessment", path, "--format", "html", "--paper", "Letter")
	assert.Contains(t, html, "@page{size:letter}")
	assert.NotContains(t, cliOK(t, "soa", "--assessment", path, "--format", "html"), "@page{size")
	assert.Contains(t, cliBad(t, "gap", "--assessment", path, "--target", "csf", "--paper", "A3"), `invalid value "A3" for --paper; accepted: A4, Letter`)
	assert.Contains(t, cliBad(t, "soa", "--assessment", path, "--paper", "legal"), `invalid value "legal" for --paper`)
}

// TestAssessmentHelpNamesXLSX: soa and migrate read an assessment as gap does,
// XLSX included (TestAssessmentXLSXThroughCLI reads one with soa), and their help
// says so; it said "CSV or JSON".
func TestAssessmentHelpNamesXLSX(t *testing.T) {
	for _, name := range []string{"soa", "migrate"} {
		out := strings.Join(strings.Fields(cliOK(t, "help", name)), " ")
		assert.Contains(t, out, `(CSV, XLSX or JSON, as for "gap";`, name)
		assert.NotContains(t, out, "CSV or JSON", name)
	}
}
