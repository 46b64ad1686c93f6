package crosswalk

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// batchLine is one line of the input of [Crosswalk.GapBatch]: an assessment in the
// JSON form [ReadAssessmentJSON] reads, the target framework (an ID or an alias) and
// an ID of the caller's to find the result by.
type batchLine struct {
	ID         string         `json:"id"`
	Target     string         `json:"target"`
	Assessment assessmentJSON `json:"assessment"`
	// Optional, per line: the policy ("auto", "strict", "referenced"), CIS
	// implementation groups ("IG1") and SP 800-53B baselines ("MODERATE") to limit the
	// target to, as WithGroup and WithProfile do.
	Policy  string   `json:"policy,omitempty"`
	IG      []string `json:"ig,omitempty"`
	Profile []string `json:"profile,omitempty"`
}

// BatchResult is one line of the output of [Crosswalk.GapBatch]: the line's ID and
// number, and either the gap result or the error that stopped this line.
type BatchResult struct {
	ID     string     `json:"id"`
	Line   int        `json:"line"`
	Result *GapResult `json:"result,omitempty"`
	Error  string     `json:"error,omitempty"`
}

// BatchStats counts what [Crosswalk.GapBatch] did.
type BatchStats struct {
	Lines, OK, Failed int
}

// GapBatch runs one [Crosswalk.Gap] per line of r — JSON lines of the form
// {"id": ..., "target": ..., "assessment": {"baseline": ..., "controls": [...]}},
// optionally with "policy", "ig" (["IG1"]) and "profile" (["MODERATE"]) for the line
// (the assessment as [ReadAssessmentJSON] reads it; the target an ID or an alias) —
// and writes one [BatchResult] per line to w, as JSON lines in
// input order. It uses every core (GOMAXPROCS workers) and a bounded window of lines
// in flight, so its memory does not grow with the input. A bad line (malformed
// JSON, an unknown target, a bad assessment) gives an error line with its ID and
// line number, and the rest goes on; blank lines are skipped. The options apply to
// every line. The error returned is one of reading r or writing w; a line longer
// than [MaxAssessmentBytes] is an error line.
func (cw *Crosswalk) GapBatch(r io.Reader, w io.Writer, opts ...GapOption) (BatchStats, error) {
	workers := runtime.GOMAXPROCS(0)
	window := 4 * workers
	type job struct {
		seq, line int
		data      []byte
	}
	jobs := make(chan job)
	results := make(chan struct {
		seq int
		out []byte
		ok  bool
	}, window)
	slots := make(chan struct{}, window) // lines in flight, written or not
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := cw.batchOne(j.line, j.data, opts)
				out, err := codec.Marshal(res)
				if err != nil {
					out, _ = codec.Marshal(BatchResult{ID: res.ID, Line: j.line, Error: "cannot encode the result: " + err.Error()})
				}
				results <- struct {
					seq int
					out []byte
					ok  bool
				}{j.seq, out, res.Error == ""}
			}
		}()
	}
	// The writer: in input order, holding back results that come early.
	var stats BatchStats
	var writeErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		pending := map[int][]byte{}
		okOf := map[int]bool{}
		next := 0
		bw := bufio.NewWriter(w)
		for res := range results {
			pending[res.seq], okOf[res.seq] = res.out, res.ok
			for {
				out, ready := pending[next]
				if !ready {
					break
				}
				if writeErr == nil {
					if _, err := bw.Write(out); err != nil {
						writeErr = err
					} else if err := bw.WriteByte('\n'); err != nil {
						writeErr = err
					}
				}
				if okOf[next] {
					stats.OK++
				} else {
					stats.Failed++
				}
				delete(pending, next)
				delete(okOf, next)
				next++
				<-slots
			}
		}
		if err := bw.Flush(); err != nil && writeErr == nil {
			writeErr = err
		}
	}()
	br := bufio.NewReaderSize(r, 64<<10)
	var readErr error
	seq, line := 0, 0
	for {
		data, tooLong, err := readLine(br, MaxAssessmentBytes)
		if len(data) == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
			}
			break
		}
		line++
		if len(bytes.TrimSpace(data)) == 0 && !tooLong {
			if err != nil {
				break
			}
			continue
		}
		if tooLong {
			data = nil // batchOne reports it
		}
		slots <- struct{}{}
		jobs <- job{seq: seq, line: line, data: data}
		seq++
		stats.Lines++
		if err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
			}
			break
		}
	}
	close(jobs)
	wg.Wait()
	close(results)
	<-done
	if readErr != nil {
		return stats, fmt.Errorf("crosswalk: batch: reading line %d: %w", line+1, readErr)
	}
	if writeErr != nil {
		return stats, fmt.Errorf("crosswalk: batch: writing: %w", writeErr)
	}
	return stats, nil
}

// readLine reads one line (without its end) of at most limit bytes; a longer line is
// read to its end and dropped, with tooLong set.
func readLine(br *bufio.Reader, limit int) (data []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := br.ReadLine()
		if !tooLong {
			if len(data)+len(chunk) > limit {
				tooLong, data = true, nil
			} else {
				data = append(data, chunk...)
			}
		}
		if e != nil {
			return data, tooLong, e
		}
		if !isPrefix {
			return data, tooLong, nil
		}
	}
}

// batchOne runs the gap of one batch line.
func (cw *Crosswalk) batchOne(line int, data []byte, opts []GapOption) BatchResult {
	res := BatchResult{Line: line}
	if data == nil {
		res.Error = fmt.Sprintf("line %d: %v: longer than %d bytes", line, ErrTooLarge, MaxAssessmentBytes)
		return res
	}
	var in batchLine
	if err := codec.DecodeStrict(data, &in); err != nil {
		// Keep the line's id when it can be read at all.
		var id struct {
			ID string `json:"id"`
		}
		if codec.DecodeTrusted(data, &id) == nil {
			res.ID = id.ID
		}
		where := fmt.Sprintf("line %d", line)
		if res.ID != "" {
			where = fmt.Sprintf("line %d (id %q)", line, res.ID)
		}
		var se *codec.SyntaxError
		if errors.As(err, &se) {
			msg := se.Err.Error()
			if se.Path != "" && se.Field == "" {
				msg = se.Path + ": " + msg
			}
			res.Error = fmt.Sprintf("%s, column %d: %s", where, se.Column, msg)
		} else {
			res.Error = fmt.Sprintf("%s: %v", where, err)
		}
		return res
	}
	res.ID = in.ID
	name := fmt.Sprintf("line %d", line)
	if in.ID != "" {
		name = fmt.Sprintf("line %d (id %q)", line, in.ID)
	}
	if in.Target == "" {
		res.Error = name + ": no target"
		return res
	}
	target, err := cw.cat.ResolveFramework(in.Target)
	if err != nil {
		res.Error = fmt.Sprintf("%s: target: %v", name, err)
		return res
	}
	p := problemList{}
	a, err := assessmentFromDoc(name, in.Assessment, cw.cat, readConfig{baseline: DefaultBaseline}, &p)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	lineOpts := slices.Clone(opts)
	if in.Policy != "" {
		pol, err := ParsePolicy(in.Policy)
		if err != nil {
			res.Error = fmt.Sprintf("%s: policy: %v", name, err)
			return res
		}
		lineOpts = append(lineOpts, pol)
	}
	for _, g := range in.IG {
		lineOpts = append(lineOpts, WithGroup(g))
	}
	for _, p := range in.Profile {
		lineOpts = append(lineOpts, WithProfile(p))
	}
	g, err := cw.Gap(a, target, lineOpts...)
	if err != nil {
		res.Error = fmt.Sprintf("%s: %v", name, err)
		return res
	}
	res.Result = g
	return res
}
