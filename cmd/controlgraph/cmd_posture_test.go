package main

import (
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
	assert.Equal(t, gate{pct: 60, text: "60"}, gates[0])
	assert.Equal(t, gate{target: catalog.CSF20, pct: 70.5, text: "csf=70.5"}, gates[1])
	if catalog.HasCIS() {
		assert.Equal(t, gate{target: "cis:8", limit: "IG1", pct: 50, text: "cis:8:IG1=50"}, gates[2])
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
		{Target: catalog.CSF20, Summary: crosswalk.Summary{CoveragePercent: 63.8}},
		{Target: "cis:8", Limit: "IG1", Summary: crosswalk.Summary{CoveragePercent: 40}},
	}}
	assert.NoError(t, checkGates(nil, p))
	assert.NoError(t, checkGates([]gate{{pct: 40, text: "40"}}, p), "40 is not under 40")
	err := checkGates([]gate{{pct: 50, text: "50"}}, p)
	var f *findingError
	require.ErrorAs(t, err, &f)
	assert.Equal(t, exitFinding, f.exitCode())
	assert.Equal(t, "coverage under --fail-under: cis:8 IG1 40.0% < 50", f.msg, "a gate without target applies to every row")
	err = checkGates([]gate{{target: catalog.CSF20, pct: 70, text: "csf=70"}, {target: "cis:8", pct: 90, text: "cis:8=90"}}, p)
	assert.EqualError(t, err, "coverage under --fail-under: nist-csf:2.0 63.8% < csf=70", "a gate on a framework leaves its limited rows alone")
}

func TestPostureCommand(t *testing.T) {
	out := cliOK(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "json")
	p := decodeJSON[crosswalk.Posture](t, out)
	require.Len(t, p.Rows, 1)
	assert.Equal(t, 67, p.Rows[0].Summary.Covered, "as the gap analysis of the same assessment")

	// --fail-under: the output is written, and the exit status is 1.
	out, errs, code := cli(t, "posture", "--assessment", smallCompany, "--target", "csf", "--format", "csv", "--fail-under", "csf=70")
	assert.Equal(t, exitFinding, code)
	assert.Equal(t, "controlgraph posture: coverage under --fail-under: nist-csf:2.0 63.8% < csf=70\n", errs)
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
