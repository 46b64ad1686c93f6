package crosswalk

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

func batchOutput(t *testing.T, out string) []BatchResult {
	t.Helper()
	var rs []BatchResult
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r BatchResult
		require.NoError(t, codec.DecodeTrusted([]byte(l), &r), l)
		rs = append(rs, r)
	}
	return rs
}

// Results come in input order, bad lines give error lines with their ID and line
// number, and every good line equals its own Gap.
func TestGapBatch(t *testing.T) {
	cw := Default()
	in := strings.Join([]string{
		`{"id": "a", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "implemented"}]}}`,
		``,
		`{"id": "b", "target": "nis2", "assessment": {"controls": [{"control": "8.16", "status": "partial"}]}}`,
		`{"id": "c", "target": "nope", "assessment": {"controls": []}}`,
		`{"id": "d", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "maybe"}]}}`,
		`not json`,
		`{"id": "e", "target": "nist-csf:2.0", "assessment": {"baseline": "iso27001:2022", "controls": [{"control": "A.5.9", "status": "implemented"}, {"control": "4.1", "status": "implemented"}]}}`,
		`{"id": "f", "target": "800-53", "profile": ["moderate"], "policy": "strict", "assessment": {"controls": []}}`,
		`{"id": "g", "target": "csf", "profiles": ["low"], "assessment": {"controls": []}}`,
	}, "\n")
	var out bytes.Buffer
	stats, err := cw.GapBatch(strings.NewReader(in), &out)
	require.NoError(t, err)
	assert.Equal(t, BatchStats{Lines: 8, OK: 4, Failed: 4}, stats)
	rs := batchOutput(t, out.String())
	require.Len(t, rs, 8)
	var ids []string
	var lines []int
	for _, r := range rs {
		ids = append(ids, r.ID)
		lines = append(lines, r.Line)
	}
	assert.Equal(t, []string{"a", "b", "c", "d", "", "e", "f", "g"}, ids)
	assert.Equal(t, []int{1, 3, 4, 5, 6, 7, 8, 9}, lines)
	// Per-line limits and policy.
	assert.Equal(t, []string{"MODERATE"}, rs[6].Result.Profiles)
	assert.Equal(t, Strict, rs[6].Result.Policy)
	assert.Equal(t, 287, rs[6].Result.Summary.Total)
	// An unknown field: the id is kept, the column and the field named once.
	assert.True(t, strings.HasPrefix(rs[7].Error, `line 9 (id "g"), column 41: unknown field "profiles"`), rs[7].Error)
	assert.Contains(t, rs[2].Error, `line 4 (id "c"): target`)
	assert.Contains(t, rs[3].Error, `"maybe"`)
	assert.Contains(t, rs[4].Error, "line 6")
	// Each good line equals its own Gap.
	a, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented})
	require.NoError(t, err)
	g, err := cw.Gap(a, catalog.CSF20)
	require.NoError(t, err)
	assert.Equal(t, g.Summary, rs[0].Result.Summary)
	assert.Equal(t, catalog.NIS2v2024, rs[1].Result.Target)
	assert.Equal(t, catalog.ISO27001v2022, rs[5].Result.Baseline)
}

// Many lines, in order, through a bounded window.
func TestGapBatchManyLinesInOrder(t *testing.T) {
	cw := Default()
	var in strings.Builder
	const n = 300
	for i := range n {
		fmt.Fprintf(&in, `{"id": "%d", "target": "csf", "assessment": {"controls": [{"control": "5.%d", "status": "implemented"}]}}`+"\n", i, 1+i%37)
	}
	var out bytes.Buffer
	stats, err := cw.GapBatch(strings.NewReader(in.String()), &out, WithRecommendations(0))
	require.NoError(t, err)
	assert.Equal(t, n, stats.OK)
	rs := batchOutput(t, out.String())
	require.Len(t, rs, n)
	for i, r := range rs {
		assert.Equal(t, fmt.Sprint(i), r.ID)
		assert.Equal(t, i+1, r.Line)
	}
}

// A line over the limit is an error line, and reading goes on.
func TestGapBatchLongLine(t *testing.T) {
	cw := Default()
	long := `{"id": "x", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "implemented", "notes": "` + strings.Repeat("a", MaxAssessmentBytes) + `"}]}}`
	in := long + "\n" + `{"id": "y", "target": "csf", "assessment": {"controls": []}}` + "\n"
	var out bytes.Buffer
	stats, err := cw.GapBatch(strings.NewReader(in), &out)
	require.NoError(t, err)
	assert.Equal(t, BatchStats{Lines: 2, OK: 1, Failed: 1}, stats)
	rs := batchOutput(t, out.String())
	assert.Contains(t, rs[0].Error, "longer than")
	assert.Equal(t, "y", rs[1].ID)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestGapBatchWriteError(t *testing.T) {
	_, err := Default().GapBatch(strings.NewReader(`{"id": "a", "target": "csf", "assessment": {"controls": []}}`+"\n"), failWriter{})
	assert.ErrorIs(t, err, io.ErrClosedPipe)
}

// BenchmarkGapBatch reports assessments per second (the target: 20k/s/core
// against CSF 2.0).
func BenchmarkGapBatch(b *testing.B) {
	cw := Default()
	var in strings.Builder
	const n = 1000
	for i := range n {
		fmt.Fprintf(&in, `{"id": "%d", "target": "csf", "assessment": {"controls": [{"control": "5.%d", "status": "implemented"}, {"control": "8.%d", "status": "partial"}]}}`+"\n", i, 1+i%37, 1+i%34)
	}
	data := in.String()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := cw.GapBatch(strings.NewReader(data), io.Discard, WithRecommendations(0)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "assessments/s")
}

// FuzzGapBatch: any input gives one output line per non-blank input line, each a
// result or an error, and never a panic.
func FuzzGapBatch(f *testing.F) {
	f.Add([]byte(`{"id": "a", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "implemented"}]}}` + "\n"))
	f.Add([]byte("not json\n\n{\"id\":1}\n"))
	f.Add([]byte("{\"id\": \"\xff\", \"target\": \"cis\"}\n"))
	f.Add([]byte(`{"id": "\ud83d", "target": "nis2", "assessment": {"baseline": "iso27001:2022", "controls": []}}`))
	cw := Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var out bytes.Buffer
		stats, err := cw.GapBatch(bytes.NewReader(data), &out, WithRecommendations(0))
		require.NoError(t, err)
		lines := 0
		for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		assert.Equal(t, stats.Lines, stats.OK+stats.Failed)
		got := strings.Count(out.String(), "\n")
		assert.Equal(t, stats.Lines, got)
		assert.Equal(t, lines, stats.Lines, "one output line per non-blank input line")
	})
}
