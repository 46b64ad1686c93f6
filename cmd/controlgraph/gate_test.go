package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func TestParsePercentIsExact(t *testing.T) {
	for in, want := range map[string]string{"56.3": "563/10", "56.25%": "225/4", " 100 ": "100/1", "0": "0/1", "1e1": "10/1"} {
		r, ok := parsePercent(in)
		require.True(t, ok, in)
		assert.Equal(t, want, r.String(), in)
	}
	for _, bad := range []string{"", "x", "-0.1", "100.01", "100.0000000000000001", "1/2", "NaN", "Inf"} {
		_, ok := parsePercent(bad)
		assert.False(t, ok, bad)
	}
}

func TestBelowComparesTheExactShare(t *testing.T) {
	p := func(s string) bool {
		r, ok := parsePercent(s)
		require.True(t, ok, s)
		return below(27, 48, r) // 56.25 %, shown as 56.3
	}
	assert.True(t, p("56.3"), "56.25 is under 56.3, though shown as 56.3")
	assert.True(t, p("56.26"))
	assert.False(t, p("56.25"))
	assert.False(t, p("56.2"))
	assert.True(t, below(1999, 2000, big100()), "99.95 % is under 100")
	assert.False(t, below(2000, 2000, big100()))
	assert.Equal(t, "56.25%", exactShare(27, 48))
	assert.Equal(t, "63.81%", exactShare(67, 105))
	assert.Equal(t, "99.95%", exactShare(1999, 2000))
	assert.Equal(t, "99.99%", exactShare(199999, 200000), "never 100 short of the whole")
	assert.Equal(t, "0.01%", exactShare(1, 200000), "never 0 above nothing")
	assert.Equal(t, "100%", exactShare(5, 5))
	assert.Equal(t, "0%", exactShare(0, 5))
}

func big100() *big.Rat { r, _ := parsePercent("100"); return r }

// rawGap decodes a gap JSON document as plain values (a null stays nil).
func rawGap(t *testing.T, s string) (summary map[string]any, groups []map[string]any) {
	t.Helper()
	var m struct {
		Summary map[string]any   `json:"summary"`
		Groups  []map[string]any `json:"groups"`
	}
	require.NoError(t, json.Unmarshal([]byte(s), &m))
	return m.Summary, m.Groups
}

// NIS2 for the small company is 27 of 48 applicable items: 56.25 %, shown as 56.3;
// --fail-under compares the exact share, so 56.3 fails and 56.25 passes.
func TestGapFailUnderIsExact(t *testing.T) {
	out, errs, code := cli(t, "gap", "--assessment", smallCompany, "--target", "nis2", "--format", "table", "--fail-under", "56.3")
	assert.Equal(t, exitFinding, code)
	assert.Contains(t, out, "Coverage 56.3% (27 of 48 applicable items covered)")
	assert.Equal(t, "controlgraph gap: coverage of nis2:2024 is 56.25% (27 of 48 applicable items covered), under --fail-under 56.3\n", errs)
	_, _, code = cli(t, "gap", "--assessment", smallCompany, "--target", "nis2", "--format", "json", "--fail-under", "56.25")
	assert.Equal(t, exitOK, code)

	_, errs, code = cli(t, "posture", "--assessment", smallCompany, "--target", "nis2", "--format", "csv", "--fail-under", "nis2=56.3")
	assert.Equal(t, exitFinding, code)
	assert.Equal(t, "controlgraph posture: coverage under --fail-under: nis2:2024 56.25% (27 of 48) < nis2=56.3\n", errs)
}

// A custom framework of 2000 items, 1999 of them covered: 99.95 %, which rounding
// half up alone would show as 100.0. Every format says 99.9, and --fail-under 100
// fails.
func TestGap2000ItemsNeverShowsWhole(t *testing.T) {
	dir := t.TempDir()
	var cat, maps strings.Builder
	cat.WriteString("id,title,kind,parent,summary\n")
	maps.WriteString("from,to,relationship,note\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&cat, "I%d,Item %d,control,,\n", i, i)
		from := "5.1"
		if i == 2000 {
			from = "5.2"
		}
		fmt.Fprintf(&maps, "big:1/I%d,iso27002:2022/%s,equal,\n", i, from)
	}
	catFile, mapFile, aFile := filepath.Join(dir, "big.csv"), filepath.Join(dir, "big-map.csv"), filepath.Join(dir, "a.csv")
	require.NoError(t, os.WriteFile(catFile, []byte(cat.String()), 0o600))
	require.NoError(t, os.WriteFile(mapFile, []byte(maps.String()), 0o600))
	require.NoError(t, os.WriteFile(aFile, []byte("control,status\n5.1,implemented\n5.2,not-implemented\n"), 0o600))
	args := []string{"gap", "--catalog", catFile, "--catalog-id", "big:1", "--mappings", mapFile, "--assessment", aFile, "--target", "big:1"}
	cliOK := func(t *testing.T, args ...string) string { // the assessment rates 2 of 93 controls: a warning
		t.Helper()
		out, errs, code := cli(t, args...)
		require.Equal(t, exitOK, code, errs)
		assert.Contains(t, errs, "controls not assessed: 91 of the 93")
		return out
	}

	table := cliOK(t, append(args, "--format", "table")...)
	assert.Contains(t, table, "Coverage 99.9% (1999 of 2000 applicable items covered)")
	assert.Contains(t, table, "covered         1999   99.9%")
	assert.Contains(t, table, "gap             1      0.1%")
	assert.NotContains(t, table, "Coverage 100.0%")
	g := decodeGap(t, cliOK(t, append(args, "--format", "json")...))
	assert.Equal(t, 99.9, g.Summary["coverage_percent"])
	assert.Equal(t, 0.1, g.Summary["gap_percent"])
	md := cliOK(t, append(args, "--format", "md")...)
	assert.Contains(t, md, "Coverage: **99.9 %** of 2000 applicable items covered.")

	_, errs, code := cli(t, append(args, "--format", "json", "--fail-under", "100")...)
	assert.Equal(t, exitFinding, code, "99.95 % is under 100")
	assert.True(t, strings.HasSuffix(errs, "\ncontrolgraph gap: coverage of big:1 is 99.95% (1999 of 2000 applicable items covered), under --fail-under 100\n"), errs)
	_, _, code = cli(t, append(args, "--format", "json", "--fail-under", "99.95")...)
	assert.Equal(t, exitOK, code)
}

// CIS control 16 has no IG1 safeguard: gap --ig IG1 --scope 16 has nothing to
// measure. It says so instead of "0.0%", and --fail-under refuses it (exit 2)
// rather than report a coverage under the limit.
func TestGapEmptyScope(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS Controls")
	}
	args := []string{"gap", "--assessment", smallCompany, "--target", "cis", "--ig", "IG1", "--scope", "16"}
	table := cliOK(t, append(args, "--format", "table")...)
	assert.Contains(t, table, "\nCoverage n/a (nothing applicable: no item is within the limits)\n")
	assert.NotContains(t, table, "0.0%")
	sum, _ := rawGap(t, cliOK(t, append(args, "--format", "json")...))
	v, ok := sum["coverage_percent"]
	assert.True(t, ok)
	assert.Nil(t, v, "null: not 0")
	assert.Equal(t, 0.0, sum["applicable"])

	out, errs, code := cli(t, append(args, "--format", "json", "--fail-under", "50")...)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out, "bad input writes nothing")
	assert.Equal(t, "controlgraph gap: --fail-under 50: cis:8.1 (IG1; scope 16) has no coverage to compare (nothing applicable: no item is within the limits); drop --fail-under or widen the limits\n", errs)
}

// The cloud start-up marks every NIS2 §13 item not applicable: the group shows
// "n/a", not "0.0%", in the table, and null in the JSON.
func TestGapAllNotApplicableGroup(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "cloud-startup.csv")
	table := cliOK(t, "gap", "--assessment", path, "--target", "nis2", "--format", "table")
	assert.Regexp(t, `\n13 +Environmental and physical security +3 +0 +0 +0 +0 +3 +n/a\n`, table)
	_, groups := rawGap(t, cliOK(t, "gap", "--assessment", path, "--target", "nis2", "--format", "json"))
	var found bool
	for _, r := range groups {
		if r["id"] == "13" {
			found = true
			v, ok := r["coverage_percent"]
			assert.True(t, ok)
			assert.Nil(t, v)
		}
	}
	assert.True(t, found)
}

// An assessment that rates 1 of the 93 controls says so next to every headline.
func TestGapNotAssessedNextToHeadline(t *testing.T) {
	const line = "92 of 93 baseline controls not assessed (counted as not implemented)"
	args := []string{"gap", "--assessment", "-", "--target", "csf"}
	// In each format: after the headline, before the next part (the status table,
	// the roll-ups, the heat map).
	for f, next := range map[string]string{"table": "\nSTATUS ", "md": "## Coverage by group", "html": `id="heatmap"`} {
		out, errs, code := cliIn(t, "control,status\n5.1,implemented\n", append(args, "--format", f)...)
		require.Equal(t, exitOK, code, errs)
		assert.Contains(t, errs, "controls not assessed: 92 of the 93")
		i, j, k := strings.Index(out, line), strings.Index(out, "6.6"), strings.Index(out, next)
		assert.True(t, j > 0 && i > j && k > i, "%s: headline at %d, the line at %d, %q at %d", f, j, i, next, k)
	}
	out, _, _ := cliIn(t, "control,status\n5.1,implemented\n", append(args, "--format", "json")...)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &m))
	assert.Equal(t, 93.0, m["baseline_controls"])
	assert.Len(t, m["not_assessed"], 92)
}

// FuzzParsePercent: reading a --fail-under value never panics; what it accepts is a
// percentage from 0 to 100, equal to the float the text reads as (to within its
// rounding), and its comparisons agree with the float's away from the boundary.
func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"56.3", "56.25%", "0", "100", " 7 ", "1e1", "0x1p-2", "NaN", "-0", "1_0", "100.0000000000000001", "1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, ok := parsePercent(s)
		if !ok {
			return
		}
		require.NotNil(t, r)
		require.True(t, r.Sign() >= 0 && r.Cmp(big.NewRat(100, 1)) <= 0, "%q → %s", s, r)
		v, _ := r.Float64()
		fl, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
		require.NoError(t, err)
		require.InDelta(t, fl, v, 1e-9, "%q", s)
		if v > 1e-6 && v < 100-1e-6 {
			require.True(t, below(0, 1, r), "0 %% is below %q", s)
			require.False(t, below(1, 1, r), "100 %% is not below %q", s)
		}
	})
}
