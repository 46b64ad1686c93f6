package main

import (
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func TestGateTarget(t *testing.T) {
	for in, want := range map[string][2]string{
		"csf":                 {"csf", ""},
		"cis:8:IG1":           {"cis:8", "IG1"},
		"cis:IG2":             {"cis", "IG2"},
		"sp800-53:5:moderate": {"sp800-53:5", "MODERATE"},
		"800-53:LOW":          {"800-53", "LOW"},
		"nist-csf:2.0":        {"nist-csf:2.0", ""},
	} {
		fw, limit := gateTarget(in)
		assert.Equal(t, want, [2]string{fw, limit}, in)
	}
}

func TestParseGates(t *testing.T) {
	x := &invocation{cat: catalog.Default()}
	gates, err := x.parseGates([]string{"60", "csf=70.5", "cis:8:IG1=50"})
	if !catalog.HasCIS() {
		gates, err = x.parseGates([]string{"60", "csf=70.5"})
	}
	require.NoError(t, err)
	assert.Equal(t, gate{pct: big.NewRat(60, 1), text: "60"}, gates[0])
	assert.Equal(t, gate{target: catalog.CSF20, pct: big.NewRat(141, 2), text: "csf=70.5"}, gates[1])
	if catalog.HasCIS() {
		assert.Equal(t, gate{target: "cis:8", limit: "IG1", pct: big.NewRat(50, 1), text: "cis:8:IG1=50"}, gates[2])
	}
	for _, bad := range []string{"101", "-1", "x", "csf=", "csf=abc"} {
		_, err := x.parseGates([]string{bad})
		assert.ErrorContains(t, err, `invalid value "`+bad+`" for --fail-under; accepted: PCT or TARGET=PCT`, bad)
	}
	_, err = x.parseGates([]string{"nosuch=10"})
	assert.ErrorContains(t, err, `"nosuch"`)
}

func TestCheckGates(t *testing.T) {
	p := &crosswalk.Posture{Rows: []crosswalk.PostureRow{
		{Target: catalog.CSF20, Summary: crosswalk.Summary{Total: 106, Covered: 67, NotApplicable: 1, Applicable: 105, CoveragePercent: 63.8}},
		{Target: "cis:8", Summary: crosswalk.Summary{Total: 10, Covered: 4, Applicable: 10, CoveragePercent: 40}},
		{Target: "cis:8", Limit: "IG1", Summary: crosswalk.Summary{Total: 5, Covered: 2, Applicable: 5, CoveragePercent: 40}},
		{Target: "cis:8", Limit: "IG3", Summary: crosswalk.Summary{Total: 2, NotApplicable: 2}},
	}}
	var warn strings.Builder
	pct := func(s string) *big.Rat { r, ok := parsePercent(s); require.True(t, ok); return r }
	assert.NoError(t, checkGates(nil, p, &warn))
	assert.NoError(t, checkGates([]gate{{pct: pct("40"), text: "40"}}, p, &warn), "40 is not under 40")
	assert.Equal(t, "controlgraph posture: --fail-under 40 skips cis:8 IG3: nothing applicable, no coverage to compare\n", warn.String(),
		"a gate for every row skips, and names, a row with nothing applicable")
	err := checkGates([]gate{{pct: pct("50"), text: "50"}}, &crosswalk.Posture{Rows: p.Rows[:3]}, &warn)
	var f *findingError
	require.ErrorAs(t, err, &f)
	assert.Equal(t, exitFinding, f.exitCode())
	assert.Equal(t, "coverage under --fail-under: cis:8 40% (4 of 10) < 50; cis:8 IG1 40% (2 of 5) < 50", f.msg, "a gate without target applies to every row")
	err = checkGates([]gate{{target: catalog.CSF20, pct: pct("70"), text: "csf=70"}, {target: "cis:8", pct: pct("30"), text: "cis:8=30"}}, p, &warn)
	assert.EqualError(t, err, "coverage under --fail-under: nist-csf:2.0 63.81% (67 of 105) < csf=70", "a gate on a framework leaves its limited rows alone")
	// 67 of 105 is 63.8095…%, shown as 63.8: it fails 63.81 and passes 63.8.
	assert.Error(t, checkGates([]gate{{target: catalog.CSF20, pct: pct("63.81"), text: "csf=63.81"}}, p, &warn))
	assert.NoError(t, checkGates([]gate{{target: catalog.CSF20, pct: pct("63.8"), text: "csf=63.8"}}, p, &warn))

	// A gate naming a row with nothing applicable, or a row the posture lacks, is bad input.
	err = checkGates([]gate{{target: "cis:8", limit: "IG3", pct: pct("50"), text: "cis:8:IG3=50"}}, p, &warn)
	assert.EqualError(t, err, "--fail-under cis:8:IG3=50: cis:8 IG3 has no coverage to compare (nothing applicable: all 2 items are not applicable)")
	var in *inputError
	assert.ErrorAs(t, err, &in, "exit 2")
	err = checkGates([]gate{{target: "cis:8", limit: "IG2", pct: pct("50"), text: "cis:8:IG2=50"}}, p, &warn)
	assert.EqualError(t, err, "--fail-under cis:8:IG2=50: the posture has no row cis:8 IG2 (add --target, or name a row it has)")
	err = checkGates([]gate{{pct: pct("50"), text: "50"}}, &crosswalk.Posture{Rows: p.Rows[3:]}, &warn)
	assert.EqualError(t, err, "--fail-under 50: no row has coverage to compare (nothing applicable in any)")
}

func TestPostureCommand(t *testing.T) {
	out := cliOK(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "json")
	p := decodeJSON[crosswalk.Posture](t, out)
	require.Len(t, p.Rows, 1)
	assert.Equal(t, 67, p.Rows[0].Summary.Covered, "as the gap analysis of the same assessment")

	// --fail-under: the output is written, and the exit status is 1.
	out, errs, code := cli(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "csv", "--fail-under", "csf=70")
	assert.Equal(t, exitFinding, code)
	assert.Equal(t, "controlgraph posture: coverage under --fail-under: nist-csf:2.0 63.81% (67 of 105) < csf=70\n", errs)
	assert.True(t, strings.HasPrefix(out, "target,name,limit,items,covered"), out)
	_, _, code = cli(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "csv", "--fail-under", "60")
	assert.Equal(t, exitOK, code)

	assert.Contains(t, cliBad(t, "posture", "--assessment", smallCompany, "--policy", "lax"), `unknown value "lax" for --policy`)
	assert.Contains(t, cliBad(t, "posture"), "missing --assessment FILE")
	assert.Contains(t, cliBad(t, "posture", "--assessment", smallCompany, "--derived", "--max-hops", "9"), "invalid value 9 for --max-hops")
}

func TestPostureTextIsReports(t *testing.T) {
	// The command writes what package report renders, byte for byte.
	out := cliOK(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "md")
	a, err := crosswalk.ReadAssessmentCSV("small-company.csv", strings.NewReader(readFile(t, smallCompany)), nil)
	require.NoError(t, err)
	p, err := crosswalk.Default().Posture(a, crosswalk.WithTargets(catalog.CSF20))
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, report.PostureMarkdown(&b, p))
	assert.Equal(t, b.String(), out)
}

func TestOverlapCommand(t *testing.T) {
	o := decodeJSON[crosswalk.Overlap](t, cliOK(t, "overlap", "--framework", "iso27002", "--framework", "csf", "--format", "json"))
	assert.Equal(t, []catalog.FrameworkID{catalog.ISO27002v2022, catalog.CSF20}, o.Frameworks)
	require.Len(t, o.Pairs, 2)
	out := cliOK(t, "overlap", "--framework", "iso27002", "--framework", "csf", "--format", "table")
	assert.Contains(t, out, "FROM \\ TO")
	assert.Contains(t, cliBad(t, "overlap", "--framework", "nosuch"), `"nosuch"`)
	assert.Contains(t, cliBad(t, "overlap", "--derived", "--max-hops", "1"), "invalid value 1 for --max-hops")
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}
