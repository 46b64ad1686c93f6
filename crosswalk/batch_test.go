package crosswalk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/cputime"
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

// The brief form carries the full result's summary, notes and item statuses, and the
// same error lines.
func TestGapBatchBrief(t *testing.T) {
	cw := Default()
	in := strings.Join([]string{
		`{"id": "a", "target": "csf", "assessment": {"controls": [{"control": "5.1", "status": "implemented"}, {"control": "8.16", "status": "partial"}]}}`,
		`{"id": "b", "target": "800-53", "profile": ["moderate"], "assessment": {"controls": [{"control": "8.7", "status": "implemented"}]}}`,
		`{"id": "c", "target": "nope", "assessment": {"controls": []}}`,
		`{"id": "d", "target": "nis2", "policy": "strict", "assessment": {"controls": []}}`,
		`{`,
	}, "\n")
	var full, brief bytes.Buffer
	fs, err := cw.GapBatch(strings.NewReader(in), &full)
	require.NoError(t, err)
	bs, err := cw.GapBatchBrief(strings.NewReader(in), &brief)
	require.NoError(t, err)
	assert.Equal(t, BatchStats{Lines: 5, OK: 3, Failed: 2}, bs)
	assert.Equal(t, fs, bs)
	// The brief form computes no recommendations it would not write: the same lines
	// with or without them.
	var norecs bytes.Buffer
	_, err = cw.GapBatchBrief(strings.NewReader(in), &norecs, WithRecommendations(0))
	require.NoError(t, err)
	assert.Equal(t, norecs.String(), brief.String())
	fr, br := batchOutput(t, full.String()), batchOutput(t, brief.String())
	require.Len(t, br, 5)
	for i := range fr {
		assert.Equal(t, fr[i].ID, br[i].ID)
		assert.Equal(t, fr[i].Line, br[i].Line)
		assert.Equal(t, fr[i].Error, br[i].Error)
		assert.Nil(t, br[i].Result, "a brief line has no full result")
		if fr[i].Result == nil {
			assert.Nil(t, br[i].Brief)
			continue
		}
		g, b := fr[i].Result, br[i].Brief
		require.NotNil(t, b)
		assert.Equal(t, g.Brief(), b, "line %d", i+1)
		assert.Equal(t, g.Summary, b.Summary)
		assert.Equal(t, g.Notes, b.Notes)
		require.Len(t, b.Items, len(g.Items))
		unreached := 0
		for j, it := range b.Items {
			assert.Equal(t, g.Items[j].ID, it.ID)
			assert.Equal(t, g.Items[j].Status, it.Status)
			if it.Status == ItemUnreached {
				unreached++
			}
		}
		assert.Equal(t, len(g.Unreached), unreached, "the unreached items are those with that status")
	}
	// Line b is SP 800-53 limited to its MODERATE baseline (287 controls and
	// enhancements, as in TestGapBatch), line d NIS2 under the strict policy.
	assert.Equal(t, []string{"MODERATE"}, br[1].Brief.Profiles)
	assert.Equal(t, 287, br[1].Brief.Summary.Total)
	assert.Equal(t, Strict, br[3].Brief.Policy)
	assert.Equal(t, catalog.NIS2v2024, br[3].Brief.Target)
	// The brief line of CSF 2.0 is a small fraction of the full one.
	fl, bl := strings.Split(full.String(), "\n"), strings.Split(brief.String(), "\n")
	assert.Less(t, 10*len(bl[0]), len(fl[0]), "brief %d bytes, full %d", len(bl[0]), len(fl[0]))
	assert.True(t, strings.HasPrefix(bl[0], `{"id":"a","line":1,"brief":{"baseline":"iso27002:2022","target":"nist-csf:2.0","policy":"auto","derived":false,`), bl[0])
}

// The brief line written by hand is what Marshal writes for the GapBrief, for real
// results of every shape and for strings and lists that need care; the full line is
// what Marshal writes for the BatchResult.
func TestAppendBriefLine(t *testing.T) {
	cw := Default()
	a, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented}, Entry{Control: iso("8.16"), Status: Partial})
	require.NoError(t, err)
	var results []*GapResult
	for _, q := range []struct {
		target catalog.FrameworkID
		opts   []GapOption
	}{
		{catalog.CSF20, nil},
		{catalog.CSF20, []GapOption{Strict, WithRecommendations(0)}},
		{catalog.CSF20, []GapOption{WithDerived(3), WithMinRoutes(2)}},
		{catalog.NIS2v2024, []GapOption{Referenced}},
		{catalog.SP80053v5, []GapOption{WithProfile("moderate")}},
		{catalog.CSF11, nil}, // no published mapping joins it to the baseline
	} {
		g, err := cw.Gap(a, q.target, q.opts...)
		require.NoError(t, err)
		results = append(results, g)
	}
	odd := *results[0]
	odd.Baseline, odd.Target = "a<b>&\u2028", "\xff\\\""
	odd.IGs, odd.Profiles, odd.Scope, odd.Notes, odd.SearchCut = []string{"IG1"}, []string{}, []string{"x\ny"}, nil, []string{"\u2029"}
	odd.NotAssessed, odd.Items = nil, nil
	odd.Summary.DerivedOnly, odd.MinRoutes = 3, 2
	odd.Summary.CoveragePercent = 1e-7
	empty := odd
	empty.NotAssessed, empty.Items = []string{}, []GapItem{}
	results = append(results, &odd, &empty)
	derived := false
	for i, g := range results {
		for _, id := range []string{"", "site-1", "<\x00\xff>"} {
			want, err := codec.Marshal(BatchResult{ID: id, Line: i + 1, Brief: g.Brief()})
			require.NoError(t, err)
			got, err := appendBriefLine([]byte("kept"), id, i+1, g)
			require.NoError(t, err)
			assert.Equal(t, "kept"+string(want), string(got), "result %d, id %q", i, id)
		}
		derived = derived || g.Summary.DerivedOnly > 0
	}
	assert.True(t, derived, "a result with derived_only")
	// The full line too, written by hand around the result's wire form.
	for i, g := range results[:5] {
		for _, id := range []string{"", "site-1", "<\x00\xff>"} {
			want, err := codec.Marshal(BatchResult{ID: id, Line: i + 1, Result: g})
			require.NoError(t, err)
			got, err := appendFullLine(id, i+1, g)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "result %d, id %q", i, id)
		}
	}
	nan := *results[0]
	nan.Summary.GapPercent = math.NaN()
	_, err = appendBriefLine(nil, "x", 1, &nan)
	assert.Error(t, err, "NaN is no JSON")
}

// A line over the limit at the very end of the input (no newline after it) is an
// error line too, not dropped.
func TestGapBatchLongLastLine(t *testing.T) {
	in := `{"id": "y", "target": "csf", "assessment": {"controls": []}}` + "\n" + strings.Repeat(" ", MaxAssessmentBytes+1)
	var out bytes.Buffer
	stats, err := Default().GapBatch(strings.NewReader(in), &out)
	require.NoError(t, err)
	assert.Equal(t, BatchStats{Lines: 2, OK: 1, Failed: 1}, stats)
	rs := batchOutput(t, out.String())
	require.Len(t, rs, 2)
	assert.Equal(t, 2, rs[1].Line)
	assert.Contains(t, rs[1].Error, "line 2: ")
	assert.Contains(t, rs[1].Error, "longer than")
}

// errAfter reads data, then fails.
type errAfter struct {
	data io.Reader
	err  error
}

func (e *errAfter) Read(p []byte) (int, error) {
	n, err := e.data.Read(p)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

// An error of reading stops the batch, says the line, and keeps what was answered.
func TestGapBatchReadError(t *testing.T) {
	boom := errors.New("boom")
	in := &errAfter{data: strings.NewReader(`{"id": "a", "target": "csf", "assessment": {"controls": []}}` + "\n" + `{"id": "b", "tar`), err: boom}
	var out bytes.Buffer
	stats, err := Default().GapBatch(in, &out, WithRecommendations(0))
	require.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "reading line 2")
	// The part of line 2 read before the error is answered (a syntax error line).
	assert.Equal(t, BatchStats{Lines: 2, OK: 1, Failed: 1}, stats)
	rs := batchOutput(t, out.String())
	require.Len(t, rs, 2)
	assert.Equal(t, "a", rs[0].ID)
}

// lineSource writes n batch lines on demand and counts those it has given out (read
// by the writer's goroutine, hence atomic).
type lineSource struct {
	n       int
	given   atomic.Int64
	pending []byte
}

// sourceLine is line i of a lineSource: 2 KB, so that the 64 KiB read buffer holds
// about 30 of them and the bound below is tight.
func sourceLine(i int) string {
	return fmt.Sprintf(`{"id": "%d", "target": "csf", "assessment": {"controls": [{"control": "5.%d", "status": "implemented", "notes": "%s"}]}}`+"\n",
		i, 1+i%37, strings.Repeat("n", 2000))
}

func (s *lineSource) Read(p []byte) (int, error) {
	for len(s.pending) < len(p) && int(s.given.Load()) < s.n {
		s.pending = append(s.pending, sourceLine(int(s.given.Load()))...)
		s.given.Add(1)
	}
	if len(s.pending) == 0 {
		return 0, io.EOF
	}
	k := copy(p, s.pending)
	s.pending = s.pending[k:]
	return k, nil
}

// inFlight checks, at each line written, how many lines the source has given out
// beyond those written.
type inFlight struct {
	src          *lineSource
	written, max int
}

func (f *inFlight) Write(p []byte) (int, error) {
	f.written += bytes.Count(p, []byte("\n"))
	f.max = max(f.max, int(f.src.given.Load())-f.written)
	return len(p), nil
}

// A large input runs in bounded memory: the lines read ahead of those written never
// exceed the window of lines in flight plus what the 64 KiB read buffer holds,
// however long the input.
func TestGapBatchBoundedInFlight(t *testing.T) {
	n := 5000 // over 10 × the bound below (40 lines on 2 cores)
	if testing.Short() || raceEnabled {
		n = 1000
	}
	src := &lineSource{n: n}
	sink := &inFlight{src: src}
	stats, err := Default().GapBatchBrief(src, sink, WithRecommendations(0))
	require.NoError(t, err)
	assert.Equal(t, n, stats.OK)
	assert.Equal(t, n, sink.written)
	// The window; the lines the read buffer holds, one of them in part (the rest
	// in the source); and the line the reader holds while it waits for a slot.
	bound := 4*runtime.GOMAXPROCS(0) + 64<<10/len(sourceLine(0)) + 1 + 1
	assert.LessOrEqual(t, sink.max, bound, "lines in flight")
	assert.Greater(t, n, 10*bound, "the input is much longer than the bound")
	t.Logf("%d lines, at most %d in flight (bound %d)", n, sink.max, bound)
}

// BenchmarkGapBatch reports assessments per second (the target: 20k/s/core
// against CSF 2.0), full results and brief ones. assessments/cpu-s counts them per
// second of the CPU time the process used, garbage collection included: per core,
// and steady on a busy machine where wall-clock figures are not.
func BenchmarkGapBatch(b *testing.B) {
	cw := Default()
	var in strings.Builder
	const n = 1000
	for i := range n {
		fmt.Fprintf(&in, `{"id": "%d", "target": "csf", "assessment": {"controls": [{"control": "5.%d", "status": "implemented"}, {"control": "8.%d", "status": "partial"}]}}`+"\n", i, 1+i%37, 1+i%34)
	}
	data := in.String()
	for _, form := range []struct {
		name string
		run  func(io.Reader, io.Writer, ...GapOption) (BatchStats, error)
	}{{"full", cw.GapBatch}, {"brief", cw.GapBatchBrief}} {
		b.Run(form.name, func(b *testing.B) {
			b.ReportAllocs()
			var out countingWriter
			start := cputime.Process()
			for b.Loop() {
				if _, err := form.run(strings.NewReader(data), &out, WithRecommendations(0)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "assessments/s")
			if cpu := cputime.Process() - start; cpu > 0 {
				b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "assessments/cpu-s")
			}
			b.ReportMetric(float64(out.n)/float64(n*b.N), "bytes/result")
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
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
		var out, brief bytes.Buffer
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
		// The brief lines hold the full ones in brief (TestAppendBriefLine holds
		// their bytes to Marshal's); for inputs of a few lines, so that one input
		// stays well under the fuzzer's time limit on a busy machine.
		if stats.Lines == 0 || stats.Lines > 32 {
			return
		}
		bstats, err := cw.GapBatchBrief(bytes.NewReader(data), &brief, WithRecommendations(0))
		require.NoError(t, err)
		assert.Equal(t, stats, bstats)
		fl, bl := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"), strings.Split(strings.TrimSuffix(brief.String(), "\n"), "\n")
		require.Len(t, bl, len(fl))
		for i := range fl {
			var r, b BatchResult
			require.NoError(t, codec.DecodeTrusted([]byte(fl[i]), &r))
			require.NoError(t, codec.DecodeTrusted([]byte(bl[i]), &b), bl[i])
			if r.Result != nil {
				r.Brief, r.Result = r.Result.Brief(), nil
			}
			assert.Equal(t, r, b)
		}
	})
}

// TestBatchAnswerEncodeError: a line whose result cannot be encoded becomes an error
// line that names the line (and its ID) as every other error line does, and counts
// as a failure, not as a result.
func TestBatchAnswerEncodeError(t *testing.T) {
	res := BatchResult{ID: "site-7", Line: 12, Result: &GapResult{}}
	a := batchAnswer(3, res, nil, errors.New("json: unsupported value: NaN"))
	assert.Equal(t, 3, a.seq)
	assert.False(t, a.ok, "an encoding failure is a failed line")
	var got BatchResult
	require.NoError(t, codec.DecodeTrusted(a.out, &got))
	assert.Equal(t, BatchResult{ID: "site-7", Line: 12, Error: `line 12 (id "site-7"): cannot encode the result: json: unsupported value: NaN`}, got)

	ok := batchAnswer(4, res, []byte(`{"id":"site-7"}`), nil)
	assert.True(t, ok.ok)
	assert.Equal(t, `{"id":"site-7"}`, string(ok.out))
	failed := batchAnswer(5, BatchResult{Line: 2, Error: "line 2: bad"}, []byte(`{"line":2}`), nil)
	assert.False(t, failed.ok)
}

// A batch line gives "ig" and "profile" as one word or an array of words (an audit
// found "ig": "IG1" refused); anything else is an error line naming the field.
func TestGapBatchWordsOrArrays(t *testing.T) {
	run := func(t *testing.T, in string, lines int) []BatchResult {
		t.Helper()
		var out bytes.Buffer
		stats, err := Default().GapBatchBrief(strings.NewReader(in), &out, WithRecommendations(0))
		require.NoError(t, err)
		assert.Equal(t, lines, stats.Lines)
		return batchOutput(t, out.String())
	}
	t.Run("profile", func(t *testing.T) {
		rs := run(t, `{"id":"d","target":"sp800-53","profile":"LOW","assessment":{"controls":[]}}
{"id":"d2","target":"sp800-53","profile":["LOW"],"assessment":{"controls":[]}}
{"id":"e","target":"sp800-53","profile":["LOW",7],"assessment":{"controls":[]}}
`, 3)
		require.Len(t, rs, 3)
		require.NotNil(t, rs[0].Brief, rs[0].Error)
		assert.Equal(t, []string{"LOW"}, rs[0].Brief.Profiles)
		require.NotNil(t, rs[1].Brief, rs[1].Error)
		assert.Equal(t, rs[0].Brief.Summary, rs[1].Brief.Summary, "a word and an array of one word are the same")
		assert.Equal(t, `line 3 (id "e"): profile[1]: malformed input: want a string`, rs[2].Error)
	})
	t.Run("ig", func(t *testing.T) {
		if !catalog.HasCIS() {
			t.Skip("built with -tags nocis: no CIS data")
		}
		rs := run(t, `{"id":"a","target":"cis","ig":"IG1","assessment":{"controls":[{"control":"5.1","status":"implemented"}]}}
{"id":"b","target":"cis","ig":["IG1"],"assessment":{"controls":[{"control":"5.1","status":"implemented"}]}}
{"id":"c","target":"cis","ig":5,"assessment":{"controls":[]}}
{"id":"d","target":"cis","ig":"IG1, IG2","assessment":{"controls":[]}}
`, 4)
		require.Len(t, rs, 4)
		require.NotNil(t, rs[3].Brief, rs[3].Error)
		assert.Equal(t, []string{"IG1", "IG2"}, rs[3].Brief.IGs, "a comma list, as --ig takes it")
		require.NotNil(t, rs[0].Brief, rs[0].Error)
		assert.Equal(t, []string{"IG1"}, rs[0].Brief.IGs)
		require.NotNil(t, rs[1].Brief, rs[1].Error)
		assert.Equal(t, rs[0].Brief.Summary, rs[1].Brief.Summary)
		assert.Equal(t, `line 3 (id "c"): ig: malformed input: want a string or an array of strings`, rs[2].Error)
	})
}
