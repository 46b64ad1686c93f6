package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// formulaFixture writes a framework and a mapping set of the caller's own whose
// titles and notes a spreadsheet would evaluate.
func formulaFixture(t *testing.T) (fw, set string) {
	t.Helper()
	dir := t.TempDir()
	fw = filepath.Join(dir, "evil.csv")
	require.NoError(t, os.WriteFile(fw, []byte("id,title,kind,parent,summary\n"+
		"E,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",domain,,\n"+
		"E-1,+cmd,control,E,-own words\n"+
		"E-2,@SUM(A1),control,E,\n"), 0o644))
	set = filepath.Join(dir, "evil-map.csv")
	require.NoError(t, os.WriteFile(set, []byte("from,to,relationship,note\n"+
		"evil:1/E-1,iso27002:2022/5.15,subset-of,-see also 5.16\n"+
		"evil:1/E-2,iso27002:2022/8.16,equal,=1+1\n"), 0o644))
	return fw, set
}

// csvCells parses CSV output and fails for any cell that starts with a formula
// character ('=', '+', '-', '@', tab, CR).
func csvCells(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err, out)
	for i, r := range rows {
		for j, c := range r {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "row %d cell %d %q starts with a formula character", i+1, j+1, c)
			}
		}
	}
	return rows
}

func TestCSVInjectionControls(t *testing.T) {
	fw, _ := formulaFixture(t)
	rows := csvCells(t, cliOK(t, "controls", "evil:1", "--catalog", fw, "--catalog-id", "evil:1", "--format", "csv"))
	var titles []string
	for _, r := range rows[1:] {
		titles = append(titles, r[1])
	}
	assert.Contains(t, titles, "'+cmd")
	assert.Contains(t, titles, "'@SUM(A1)")
}

func TestCSVInjectionMappings(t *testing.T) {
	fw, set := formulaFixture(t)
	out := cliOK(t, "mappings", "--from", "evil:1", "--to", "iso27002:2022", "--catalog", fw, "--catalog-id", "evil:1",
		"--mappings", set, "--format", "csv")
	rows := csvCells(t, out)
	assert.Contains(t, out, "'-see also 5.16")
	assert.Contains(t, out, "'=1+1")
	assert.Greater(t, len(rows), 2)
}

func TestCSVInjectionExportRoundTrips(t *testing.T) {
	fw, _ := formulaFixture(t)
	args := []string{"--catalog", fw, "--catalog-id", "evil:1", "--format", "csv"}
	out := cliOK(t, append([]string{"export", "--framework", "evil:1"}, args...)...)
	csvCells(t, out)
	// The exported file, read back as a catalog, exports to the same bytes: the
	// apostrophes come off on reading.
	again := filepath.Join(t.TempDir(), "again.csv")
	require.NoError(t, os.WriteFile(again, []byte(out), 0o644))
	assert.Equal(t, out, cliOK(t, "export", "--framework", "evil:1", "--catalog", again, "--catalog-id", "evil:1", "--format", "csv"))
	assert.Contains(t, cliOK(t, "show", "evil:1/E-1", "--catalog", again, "--catalog-id", "evil:1", "--format", "json"), `"+cmd"`)
}

func TestCSVInjectionMigrate(t *testing.T) {
	legacy := "control,status,justification,owner,evidence,notes\n" +
		"A.5.1.1,implemented,,@ciso,+audit 2024,-reviewed yearly\n" +
		"A.5.1.2,implemented,,@ciso,+audit 2024,-reviewed yearly\n"
	out, errs, code := cliIn(t, legacy, "migrate", "--from", "iso27002:2013", "-", "--format", "csv")
	require.Equal(t, 0, code, errs)
	rows := csvCells(t, out)
	require.GreaterOrEqual(t, len(rows), 2)
	assert.Equal(t, "5.1", rows[1][0])
	assert.Contains(t, out, ",'@ciso,'+audit 2024,")
	// and gap reads it back with the apostrophes taken off
	a, err := crosswalk.ReadAssessmentCSV("m.csv", strings.NewReader(out), nil)
	require.NoError(t, err)
	for e := range a.All() {
		if e.Control.ID == "5.1" {
			assert.Equal(t, "@ciso", e.Owner)
			assert.Equal(t, "+audit 2024", e.Evidence)
		}
	}
}

func TestCSVInjectionGapAndSoA(t *testing.T) {
	assessment := "control,status,justification,owner,evidence,notes\n" +
		"5.1,implemented,,=cmd|' /C calc'!A0,@evidence,+note\n" +
		"7.4,not-applicable,-no premises,,,\n"
	for _, args := range [][]string{
		{"gap", "--assessment", "-", "--target", "csf", "--format", "csv"},
		{"soa", "--assessment", "-", "--format", "csv"},
	} {
		out, errs, code := cliIn(t, assessment, args...)
		require.Equal(t, 0, code, errs)
		csvCells(t, out)
		if args[0] == "soa" {
			assert.Contains(t, out, "'=cmd|' /C calc'!A0")
			assert.Contains(t, out, "'-no premises")
		}
	}
}
