package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixture testdata/acme*.json is a fictional in-house framework acme:1 (domains
// AC and OP, six controls) and a hand-made mapping acme:1 → iso27002:2022, read
// "acme R iso", so "control R item" is the inverse:
//
//	AC-1 subset-of 5.15        → 5.15 superset-of AC-1 (5.15 implemented)
//	AC-2 subset-of 5.16        → 5.16 superset-of AC-2 (5.16 planned)
//	AC-2 intersects-with 5.18  → 5.18 intersects-with AC-2 (5.18 implemented)
//	OP-1 equal 8.16            → 8.16 equal OP-1 (8.16 partial)
//	OP-2 superset-of 8.13      → 8.13 subset-of OP-2 (8.13 implemented)
//	OP-3 (no edge; a no-reference statement)
//	OP-4 equal 7.14            → 7.14 not applicable
//
// Strict: AC-1 covered (an implemented superset); AC-2 partial (the superset is only
// planned, the implemented one merely intersects); OP-1 partial (partial control);
// OP-2 partial (an implemented subset is not enough); OP-3 unreached; OP-4 not
// applicable. Referenced: OP-2 becomes covered (every control citing it is
// implemented); AC-2 stays partial (5.16 is planned).
var (
	acmeStrict = map[string]string{
		"AC-1": "covered", "AC-2": "partial", "OP-1": "partial", "OP-2": "partial", "OP-3": "unreached", "OP-4": "not-applicable",
	}
	acmeReferenced = map[string]string{
		"AC-1": "covered", "AC-2": "partial", "OP-1": "partial", "OP-2": "covered", "OP-3": "unreached", "OP-4": "not-applicable",
	}
)

func acmeGap(t *testing.T, data []string, extra ...string) gapJSON {
	t.Helper()
	args := append([]string{"gap"}, data...)
	args = append(args, "--assessment", "testdata/acme-assessment.csv", "--format", "json")
	args = append(args, extra...)
	out, errs, code := cli(t, args...)
	require.Equal(t, 0, code, errs)
	return decodeGap(t, out)
}

func TestGapOwnFramework(t *testing.T) {
	inputs := map[string][]string{
		"json":  {"--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json"},
		"oscal": {"--catalog", "testdata/acme.oscal-catalog.json", "--mappings", "testdata/acme-map.oscal-mapping.json"},
		"csv":   {"--catalog", "testdata/acme.csv", "--catalog-id", "acme:1", "--mappings", "testdata/acme-map.csv"},
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			g := acmeGap(t, data, "--target", "acme:1")
			assert.Equal(t, "acme:1", g.Target)
			assert.Equal(t, acmeStrict, g.Statuses)
			assert.Equal(t, []string{"AC-1", "AC-2", "OP-1", "OP-2", "OP-3", "OP-4"}, g.Order)
			assert.Equal(t, []string{"OP-3"}, g.Unreached)
			assert.Equal(t, 6.0, g.Summary["total"])
			assert.Equal(t, 5.0, g.Summary["applicable"])
			assert.Equal(t, 20.0, g.Summary["coverage_percent"]) // 1 of 5

			g = acmeGap(t, data, "--target", "acme:1", "--policy", "referenced")
			assert.Equal(t, acmeReferenced, g.Statuses)
			assert.Equal(t, 40.0, g.Summary["coverage_percent"]) // 2 of 5
		})
	}
}

// The done-when line of issue 6, as a user types it (the alias "acme" comes from the
// framework file).
func TestGapOwnFrameworkAlias(t *testing.T) {
	out, errs, code := cli(t, "gap", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json",
		"--assessment", "testdata/acme-assessment.csv", "--target", "acme", "--format", "table")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "controlgraph gap: warning: testdata/acme-assessment.csv: controls not assessed: 87 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)\n", errs)
	assert.Contains(t, out, "Coverage 20.0% (1 of 5 applicable items covered)")
	assert.Contains(t, out, "OP-3  unreached")
}

func TestUserDataOtherCommands(t *testing.T) {
	data := []string{"--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json"}
	out := cliOK(t, append([]string{"frameworks", "--format", "csv"}, data...)...)
	assert.Contains(t, out, "acme:1")

	out = cliOK(t, append([]string{"controls", "acme:1", "--format", "csv"}, data...)...)
	assert.Contains(t, out, "OP-4,Paper records are shredded")

	// map reads the user's edges backwards from ISO: 5.15 superset-of AC-1.
	out = cliOK(t, append([]string{"map", "5.15", "--to", "acme:1", "--format", "csv"}, data...)...)
	assert.Contains(t, out, "AC-1")
	assert.Contains(t, out, "superset-of")

	// The statement about OP-3 reaches show.
	out = cliOK(t, append([]string{"show", "acme:1/OP-3", "--format", "json"}, data...)...)
	assert.Contains(t, out, "fictional: no ISO control chosen")

	// Without the flags, acme is unknown.
	msg := cliBad(t, "controls", "acme:1")
	assert.Contains(t, msg, `unknown framework "acme:1"`)
}

func TestUserDataErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad-map.csv")
	require.NoError(t, os.WriteFile(bad, []byte("from,to,relationship\n"+
		"acme:1/AC-1,iso27002:2022/5.15,subset-of\n"+
		"acme:1/AC-9,iso27002:2022/5.15,subset-of\n"+
		"acme:1/AC-2,iso27002:2022/9.99,equal\n"), 0o644))
	_, errs, code := cli(t, "controls", "acme:1", "--catalog", "testdata/acme.json", "--mappings", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "2 problems")
	assert.Contains(t, errs, "AC-9")
	assert.Contains(t, errs, "9.99")

	// A CSV catalog needs --catalog-id.
	_, errs, code = cli(t, "controls", "acme:1", "--catalog", "testdata/acme.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--catalog-id")

	// An OSCAL mapping-collection given as a catalog says where it belongs.
	_, errs, code = cli(t, "frameworks", "--catalog", "testdata/acme-map.oscal-mapping.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "give it with --mappings")

	// A framework ID the catalog already holds is refused.
	dup := filepath.Join(dir, "dup.json")
	doc, err := os.ReadFile("testdata/acme.json")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dup, []byte(strings.Replace(string(doc), `"acme:1"`, `"iso27002:2022"`, 1)), 0o644))
	_, errs, code = cli(t, "frameworks", "--catalog", dup)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "iso27002:2022")

	// A set ID that is taken: embedded, or given twice.
	exp := filepath.Join(dir, "csf-iso.json")
	cliOK(t, "export", "--framework", "csf,iso27002:2022,iso27001:2022", "-o", exp)
	msg := cliBad(t, "frameworks", "--mappings", exp)
	assert.Contains(t, msg, `mapping set "nist-csf-2.0_to_iso27001-2022" is embedded already`)
	msg = cliBad(t, "frameworks", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json", "--mappings", "testdata/acme-map.oscal-mapping.json")
	assert.Contains(t, msg, `mapping set "acme-1_to_iso27002-2022" is given twice`)

	_, errs, code = cli(t, "frameworks", "--catalog", filepath.Join(dir, "missing.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "cannot read")
}
