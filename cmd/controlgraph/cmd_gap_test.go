package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// cliIn runs the CLI with stdin.
func cliIn(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// gapJSON is what the tests read of the gap JSON. (It is decoded through a generic
// map: crosswalk.Status does not read back the "not-assessed" it writes.)
type gapJSON struct {
	Baseline, Target, Policy string
	Summary                  map[string]float64
	Statuses                 map[string]string
	Order                    []string
	Unreached                []string
	Notes                    []string
}

func decodeGap(t *testing.T, s string) gapJSON {
	t.Helper()
	var m map[string]any
	require.NoError(t, codec.DecodeStrict([]byte(s), &m))
	g := gapJSON{Summary: map[string]float64{}, Statuses: map[string]string{}}
	g.Baseline, _ = m["baseline"].(string)
	g.Target, _ = m["target"].(string)
	g.Policy, _ = m["policy"].(string)
	sum, _ := m["summary"].(map[string]any)
	for k, v := range sum {
		g.Summary[k], _ = v.(float64)
	}
	items, _ := m["items"].([]any)
	for _, it := range items {
		im, _ := it.(map[string]any)
		id, _ := im["id"].(string)
		g.Statuses[id], _ = im["status"].(string)
		g.Order = append(g.Order, id)
	}
	notes, _ := m["notes"].([]any)
	for _, n := range notes {
		s, _ := n.(string)
		g.Notes = append(g.Notes, s)
	}
	un, _ := m["unreached"].([]any)
	for _, u := range un {
		s, _ := u.(string)
		g.Unreached = append(g.Unreached, s)
	}
	return g
}

// An assessment with only 8.16 implemented, against CSF 2.0's DE.CM. The ISO controls
// NIST cites for each subcategory (nist-csf-2.0_to_iso27001-2022.csv): DE.CM-01 8.16;
// DE.CM-02 7.4; DE.CM-03 7.4, 8.16; DE.CM-06 5.22, 8.16; DE.CM-09 8.16.
func TestGapHandChecked(t *testing.T) {
	const assessment = "control,status\n8.16,implemented\n"
	out, errs, code := cliIn(t, assessment, "gap", "--assessment", "-", "--target", "csf", "--scope", "DE.CM", "--policy", "referenced", "--format", "json")
	require.Equal(t, 0, code, errs)
	g := decodeGap(t, out)
	assert.Equal(t, "iso27002:2022", g.Baseline)
	assert.Equal(t, "nist-csf:2.0", g.Target)
	assert.Equal(t, "referenced", g.Policy)
	// Referenced: covered when every citing control is implemented.
	assert.Equal(t, map[string]string{"DE.CM-01": "covered", "DE.CM-02": "gap", "DE.CM-03": "partial", "DE.CM-06": "partial", "DE.CM-09": "covered"}, g.Statuses)
	assert.Equal(t, 5.0, g.Summary["total"])
	assert.Equal(t, 40.0, g.Summary["coverage_percent"])

	// The default, auto, reads NIST's related references as the referenced rule does
	// (issue: the default gave 0 % for every CSF target).
	out, _, code = cliIn(t, assessment, "gap", "--assessment", "-", "--target", "csf", "--scope", "DE.CM", "--format", "json")
	require.Equal(t, 0, code)
	auto := decodeGap(t, out)
	assert.Equal(t, "auto", auto.Policy)
	assert.Equal(t, g.Statuses, auto.Statuses)
	assert.Equal(t, g.Summary, auto.Summary)

	// Strict: NIST's references are "related", never a superset, so at most partial.
	out, _, code = cliIn(t, assessment, "gap", "--assessment", "-", "--target", "csf", "--scope", "DE.CM", "--policy", "strict", "--format", "json")
	require.Equal(t, 0, code)
	g = decodeGap(t, out)
	assert.Equal(t, "strict", g.Policy)
	assert.Equal(t, map[string]string{"DE.CM-01": "partial", "DE.CM-02": "gap", "DE.CM-03": "partial", "DE.CM-06": "partial", "DE.CM-09": "partial"}, g.Statuses)

	out, _, code = cliIn(t, assessment, "gap", "--assessment", "-", "--target", "csf", "--scope", "DE.CM", "--policy", "referenced", "--format", "csv")
	require.Equal(t, 0, code)
	assert.Equal(t, []string{"DE.CM-01", "DE.CM-02", "DE.CM-03", "DE.CM-06", "DE.CM-09"}, csvIDs(t, out))
	assert.Contains(t, out, "\nDE.CM-03,Personnel activity and technology usage are monitored to find potentially adverse events,partial,"+
		"\"7.4 Physical security monitoring (related, not-assessed); 8.16 Monitoring activities (related, implemented)\",,"+
		"\"NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022\",,\"iso27001:2022/9.1 Monitoring, measurement, analysis and evaluation\",referenced,false,iso27002:2022,nist-csf:2.0,scope DE.CM\n")
}

// The CSF 2.0 subcategories that cite no Annex A control in NIST's references are
// unreached whatever the assessment says.
func TestGapExampleAssessment(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("example assessment not found: %v", err)
	}
	g := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", "nist-csf:2.0", "--format", "json"))
	assert.Equal(t, 106.0, g.Summary["total"])
	assert.Len(t, g.Order, 106)
	assert.Equal(t, []string{"GV.OC-01", "GV.OC-02", "GV.RM-07", "GV.RR-02", "GV.RR-03", "ID.RA-04", "ID.RA-08", "RC.CO-04", "RC.RP-04"}, g.Unreached)
	assert.Equal(t, g.Summary["total"], g.Summary["covered"]+g.Summary["partial"]+g.Summary["gap"]+g.Summary["unreached"]+g.Summary["not_applicable"])

	// The other formats come from package report; the CLI passes the options through.
	table := cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "table")
	assert.True(t, strings.HasPrefix(table, "Gap analysis: ISO/IEC 27002:2022 against NIST Cybersecurity Framework 2.0\n"), table[:200])
	assert.Contains(t, table, "\nPolicy:   auto")
	assert.Contains(t, table, "\nAssessed: "+path+"\n")
	assert.Contains(t, table, "GV.OC-01, GV.OC-02, GV.RM-07, GV.RR-02, GV.RR-03, ID.RA-04, ID.RA-08, RC.CO-04, RC.RP-04")
	md := cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "md", "--policy", "referenced")
	assert.True(t, strings.HasPrefix(md, "# Gap analysis: "), md[:100])
	assert.Contains(t, md, "- Policy: referenced")
	html := cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "html")
	assert.True(t, strings.HasPrefix(strings.ToLower(html), "<!doctype html>"), html[:50])
	xlsx := cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "xlsx")
	assert.True(t, strings.HasPrefix(xlsx, "PK"), "an XLSX file is a zip archive")

	// --fail-under: exit 1 with the full output and a one-line reason.
	out, errs, code := cli(t, "gap", "--assessment", path, "--target", "csf", "--format", "json", "--fail-under", "70")
	assert.Equal(t, 1, code)
	assert.Equal(t, 106.0, decodeGap(t, out).Summary["total"])
	assert.Equal(t, "controlgraph gap: coverage of nist-csf:2.0 is 63.81% (67 of 105 applicable items covered), under --fail-under 70\n", errs)
	_, _, code = cli(t, "gap", "--assessment", path, "--target", "csf", "--format", "json", "--fail-under", "0")
	assert.Equal(t, 0, code)
}

func TestGapCIS(t *testing.T) {
	if !catalog.HasCIS() {
		_, errs, code := cliIn(t, "control,status\n5.1,implemented\n", "gap", "--assessment", "-", "--target", "cis")
		assert.Equal(t, 2, code)
		assert.Contains(t, errs, "this build has no CIS data")
		return
	}
	out, errs, code := cliIn(t, "control,status\n5.1,implemented\n", "gap", "--assessment", "-", "--target", "cis:8", "--ig", "IG1", "--format", "json")
	require.Equal(t, 0, code, errs)
	g := decodeGap(t, out)
	assert.Equal(t, 56.0, g.Summary["total"], "CIS counts 56 IG1 safeguards")
}

func TestGapBadInput(t *testing.T) {
	assert.Contains(t, cliBad(t, "gap", "--target", "csf"), "missing --assessment FILE")
	assert.Contains(t, cliBad(t, "gap", "--assessment", "x.csv"), "missing --target FRAMEWORK")
	assert.Contains(t, cliBad(t, "gap", "--assessment", "x.csv", "--target", "csf", "--policy", "loose"), `unknown value "loose" for --policy; accepted: auto, strict, referenced`)
	assert.Contains(t, cliBad(t, "gap", "--assessment", filepath.Join(t.TempDir(), "none.csv"), "--target", "csf"), "cannot read the assessment")
	assert.Contains(t, cliBad(t, "gap", "--assessment", "x.csv", "--target", "csf", "--ig", "IG1"), "--ig does not apply to nist-csf:2.0")

	_, errs, code := cliIn(t, "control,status\n5.1,maybe\n5.2,implemented\n", "gap", "--assessment", "-", "--target", "csf")
	assert.Equal(t, 2, code)
	assert.Equal(t, 1, strings.Count(errs, "\n"), errs)
	assert.Contains(t, errs, "standard input:2")
	assert.Contains(t, errs, `"maybe"`)
}

// --target cis names CIS v8.1, for which CIS published no ISO mapping: the answer stays
// that of the published edges (every safeguard unreached), and a hint names --derived
// and cis:8.
// Issue: "gap --target cis" (CIS v8.1) reported every safeguard unreached. CIS's v8
// mapping is carried across the identity succession v8 -> v8.1: the same statuses as
// --target cis:8, labelled as a succession, with the note in the JSON.
func TestGapCISIsCIS8(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data")
	}
	const assessment = "control,status\n5.9,implemented\n8.1,partial\n"
	out, errs, code := cliIn(t, assessment, "gap", "--assessment", "-", "--target", "cis", "--format", "json")
	require.Equal(t, 0, code, errs)
	const notAssessed = "controlgraph gap: warning: standard input: controls not assessed: 91 of the 93 controls of iso27002:2022 (gap and soa count them as not implemented)\n"
	assert.Equal(t, notAssessed, errs)
	g81 := decodeGap(t, out)
	out, errs, code = cliIn(t, assessment, "gap", "--assessment", "-", "--target", "cis:8", "--format", "json")
	require.Equal(t, 0, code, errs)
	g8 := decodeGap(t, out)
	assert.Equal(t, "cis:8.1", g81.Target)
	assert.Equal(t, g8.Summary, g81.Summary)
	assert.Less(t, g81.Summary["unreached"], 153.0)
	assert.Contains(t, out81Notes(t, g81), "via cis:8 (succession)")
}

func out81Notes(t *testing.T, g gapJSON) string {
	t.Helper()
	return strings.Join(g.Notes, "\n")
}

func TestGapHelpExplainsPolicies(t *testing.T) {
	out := cliOK(t, "gap", "--help")
	assert.Contains(t, out, "--policy auto (the default) reads each edge by what it is")
	assert.Contains(t, out, "--policy strict reads every relationship as a set")
	assert.Contains(t, out, "--policy referenced reads every mapping as an informative reference")
}

// Issue: the default policy gave 0 % for every CSF target. The default (auto) CSF gap
// of the example assessment equals --policy referenced, item by item.
func TestGapDefaultIsReferencedForCSF(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	def := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", "csf", "--format", "json"))
	ref := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", "csf", "--policy", "referenced", "--format", "json"))
	assert.Equal(t, "auto", def.Policy)
	assert.Equal(t, ref.Statuses, def.Statuses)
	assert.Equal(t, 63.8, def.Summary["coverage_percent"])
	assert.Equal(t, 67.0, def.Summary["covered"])
}

// Issue 12: gap against NIS2 (49 items: 47 requirements and sections 7 and 9) and
// against an SP 800-53 baseline (--profile), in every report format.
func TestGapNIS2And80053(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	g := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", "nis2", "--format", "json"))
	assert.Equal(t, "nis2:2024", g.Target)
	assert.Equal(t, 49.0, g.Summary["total"])
	assert.Contains(t, g.Order, "7")
	assert.Contains(t, g.Order, "9")
	assert.Contains(t, g.Order, "13.3")
	m := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", "800-53", "--profile", "moderate", "--format", "json"))
	assert.Equal(t, "sp800-53:5", m.Target)
	assert.Equal(t, 287.0, m.Summary["total"])
	for _, f := range []string{"table", "csv", "md", "html", "xlsx"} {
		for _, target := range [][]string{{"--target", "nis2"}, {"--target", "800-53", "--profile", "low"}} {
			args := append([]string{"gap", "--assessment", path, "--format", f}, target...)
			out := cliOK(t, args...)
			assert.NotEmpty(t, out, "%v", args)
		}
	}
	assert.Contains(t, cliBad(t, "gap", "--assessment", path, "--target", "800-53", "--profile", "medium"), "--profile")
}

// Issue 16: posture rows equal the gap of each target; --fail-under per target gates.
func TestPostureAndOverlapCLI(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "assessments", "small-company.csv")
	var p struct {
		Rows []struct {
			Target  string             `json:"target"`
			Limit   string             `json:"limit"`
			Summary map[string]float64 `json:"summary"`
		} `json:"rows"`
		Recommendations []map[string]any `json:"recommendations"`
	}
	require.NoError(t, codec.DecodeTrusted([]byte(cliOK(t, "posture", "--assessment", path, "--format", "json")), &p))
	require.NotEmpty(t, p.Rows)
	for _, r := range p.Rows {
		if r.Limit != "" {
			continue
		}
		g := decodeGap(t, cliOK(t, "gap", "--assessment", path, "--target", r.Target, "--format", "json"))
		assert.Equal(t, g.Summary["coverage_percent"], r.Summary["coverage_percent"], r.Target)
		assert.Equal(t, g.Summary["covered"], r.Summary["covered"], r.Target)
	}
	assert.Len(t, p.Recommendations, 3)
	_, errs, code := cli(t, "posture", "--assessment", path, "--fail-under", "nis2=70", "--format", "json")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, errs, "nis2:2024 56.25% (27 of 48) < nis2=70")
	_, _, code = cli(t, "posture", "--assessment", path, "--fail-under", "nis2=50", "--format", "json")
	assert.Equal(t, 0, code)
	assert.Contains(t, cliBad(t, "posture", "--assessment", path, "--fail-under", "nis2=abc"), "--fail-under")

	table := cliOK(t, "overlap", "--framework", "iso27002", "--framework", "csf", "--format", "table")
	assert.Contains(t, table, "97/106 91.5%", "ISO/IEC 27002:2022 reaches 97 of the 106 CSF 2.0 subcategories (9 unreached)")
}

// Issue 13: gap --batch reads JSON lines and writes one result per line, in order;
// a bad line is an error line and the exit status 1.
func TestGapBatchCLI(t *testing.T) {
	in := `{"id":"a","target":"csf","assessment":{"controls":[{"control":"5.1","status":"implemented"}]}}
{"id":"b","target":"nope","assessment":{"controls":[]}}
{"id":"c","target":"nis2","assessment":{"controls":[{"control":"5.1","status":"implemented"}]}}
`
	out, errs, code := cliIn(t, in, "gap", "--batch", "-", "--recommendations", "0")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, errs, "batch: 3 lines, 2 results, 1 errors")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	assert.True(t, strings.HasPrefix(lines[0], `{"id":"a","line":1,"result":{"baseline":"iso27002:2022","target":"nist-csf:2.0"`), lines[0])
	assert.Contains(t, lines[1], `"error":"line 2 (id \"b\"): target`)
	assert.True(t, strings.HasPrefix(lines[2], `{"id":"c","line":3,"result":{"baseline":"iso27002:2022","target":"nis2:2024"`), lines[2])
	assert.Contains(t, cliBad(t, "gap", "--batch", "-", "--target", "csf"), "--target does not go with --batch")
	assert.Contains(t, cliBad(t, "gap", "--batch", "-", "--recommendations", "-1"), "invalid value -1 for --recommendations")
	assert.Contains(t, cliBad(t, "gap", "--assessment", "x.csv", "--target", "csf", "--brief"), "--brief goes with --batch")

	// --brief: the same lines, each result in brief (the summary and each item's
	// status); the counts and the exit status are the same.
	brief, errs, code := cliIn(t, in, "gap", "--batch", "-", "--recommendations", "0", "--brief")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, errs, "batch: 3 lines, 2 results, 1 errors")
	blines := strings.Split(strings.TrimSpace(brief), "\n")
	require.Len(t, blines, 3)
	assert.True(t, strings.HasPrefix(blines[0], `{"id":"a","line":1,"brief":{"baseline":"iso27002:2022","target":"nist-csf:2.0","policy":"auto"`), blines[0])
	assert.Contains(t, blines[0], `"items":[{"id":"GV.OC-01","status":`)
	assert.NotContains(t, blines[0], `"via"`)
	assert.Equal(t, lines[1], blines[1], "the same error line")
	var full, short struct {
		Result struct{ Summary crosswalk.Summary } `json:"result"`
		Brief  struct{ Summary crosswalk.Summary } `json:"brief"`
	}
	require.NoError(t, codec.DecodeTrusted([]byte(lines[2]), &full))
	require.NoError(t, codec.DecodeTrusted([]byte(blines[2]), &short))
	assert.Equal(t, full.Result.Summary, short.Brief.Summary)
	assert.Positive(t, short.Brief.Summary.Total)
}

// failingReader gives data, then an error: a batch input that breaks off.
type failingReader struct{ data *strings.Reader }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data.Len() == 0 {
		return 0, errors.New("connection reset")
	}
	return r.data.Read(p)
}

// gap --batch -o FILE streams the lines into a temporary file that replaces FILE
// (keeping its mode) when the batch ends, with the bytes standard output gets; when
// reading the batch fails part-way, FILE is left as it was and no temporary file
// stays behind.
func TestGapBatchOutputFile(t *testing.T) {
	in := `{"id":"a","target":"csf","assessment":{"controls":[{"control":"5.1","status":"implemented"}]}}
{"id":"b","target":"nope","assessment":{"controls":[]}}
`
	stdout, _, code := cliIn(t, in, "gap", "--batch", "-", "--recommendations", "0", "--brief")
	require.Equal(t, 1, code)

	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o640))
	out, errs, code := cliIn(t, in, "gap", "--batch", "-", "--recommendations", "0", "--brief", "-o", path)
	assert.Equal(t, 1, code, "a failed line is a finding: exit 1, the output still written")
	assert.Empty(t, out)
	assert.Contains(t, errs, "batch: 2 lines, 1 results, 1 errors")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, stdout, string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the replaced file keeps its mode")

	var stderr bytes.Buffer
	code = run([]string{"gap", "--batch", "-", "--recommendations", "0", "-o", path}, &failingReader{strings.NewReader(in)}, io.Discard, &stderr)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr.String(), "connection reset")
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, stdout, string(got), "a batch that failed leaves the file as it was")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left behind")
}
