package crosswalk

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
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
	// target to, as WithGroup and WithProfile do; each one word or an array of words.
	Policy  string `json:"policy,omitempty"`
	IG      any    `json:"ig,omitempty"`      // a word or an array of words: read by words
	Profile any    `json:"profile,omitempty"` // a word or an array of words: read by words
}

// BatchResult is one line of the output of [Crosswalk.GapBatch] and
// [Crosswalk.GapBatchBrief]: the line's ID and number, and either the gap result (in
// Result from GapBatch, in Brief from GapBatchBrief) or the error that stopped this
// line.
type BatchResult struct {
	ID     string     `json:"id"`               // the line's "id" as given; "" when it has none or cannot be read
	Line   int        `json:"line"`             // the line's number in the input, from 1, blank lines counted
	Result *GapResult `json:"result,omitempty"` // GapBatch's result; nil for an error line and from GapBatchBrief
	Brief  *GapBrief  `json:"brief,omitempty"`  // GapBatchBrief's result; nil for an error line and from GapBatch
	Error  string     `json:"error,omitempty"`  // why the line failed; "" when it did not
}

// BatchStats counts what [Crosswalk.GapBatch] did.
type BatchStats struct {
	// Lines counts the lines that were not blank (too long ones included), OK those
	// that gave a result and Failed those that gave an error line: OK + Failed =
	// Lines, even when reading or writing failed.
	Lines, OK, Failed int
}

// GapBatch runs one [Crosswalk.Gap] per line of r — JSON lines of the form
// {"id": ..., "target": ..., "assessment": {"baseline": ..., "controls": [...]}},
// optionally with "policy", "ig" ("IG1" or ["IG1", "IG2"]) and "profile" ("MODERATE") for the line
// (the assessment as [ReadAssessmentJSON] reads it; the target an ID or an alias) —
// and writes one [BatchResult] per line to w, as JSON lines in
// input order. It uses every core (GOMAXPROCS workers) and a bounded window of lines
// in flight, so its memory does not grow with the input. A bad line (malformed
// JSON, an unknown target, a bad assessment) gives an error line with its ID and
// line number, and the rest goes on; blank lines are skipped. The options apply to
// every line. The error returned is one of reading r or writing w; a line longer
// than [MaxAssessmentBytes] is an error line.
func (cw *Crosswalk) GapBatch(r io.Reader, w io.Writer, opts ...GapOption) (BatchStats, error) {
	return cw.runBatch(r, w, false, opts)
}

// GapBatchBrief is [Crosswalk.GapBatch] writing each result in its brief form, a
// [GapBrief] in the member "brief" of the [BatchResult]: the summary and each item's
// status (4.5 KB against CSF 2.0, where a full result is 77 KB), for fleets that
// keep the numbers and look up the details of a few. The brief form has no
// recommendations, so none are computed, whatever the options say.
func (cw *Crosswalk) GapBatchBrief(r io.Reader, w io.Writer, opts ...GapOption) (BatchStats, error) {
	opts = append(opts[:len(opts):len(opts)], WithRecommendations(0))
	return cw.runBatch(r, w, true, opts)
}

// batchJob is a line handed to a worker: its place among the lines handed over (seq,
// from 0), its line number in the input, and its bytes (nil for a line too long).
type batchJob struct {
	seq, line int
	data      []byte
}

// batchOut is a worker's answer to a batchJob: the encoded BatchResult.
type batchOut struct {
	seq  int
	out  []byte
	ok   bool // a result, not an error line
	done bool // the slot holds an answer (in writeInOrder's ring)
}

// batchRun is one run of GapBatch: a reader feeding a bounded window of lines to
// GOMAXPROCS workers and a writer putting their answers back in input order.
type batchRun struct {
	cw      *Crosswalk
	opts    []GapOption
	brief   bool
	window  int           // lines in flight at most, written or not
	slots   chan struct{} // a token per line in flight
	jobs    chan batchJob
	results chan batchOut
}

// runBatch runs GapBatch (brief false) or GapBatchBrief (brief true).
func (cw *Crosswalk) runBatch(r io.Reader, w io.Writer, brief bool, opts []GapOption) (BatchStats, error) {
	workers := runtime.GOMAXPROCS(0)
	b := &batchRun{cw: cw, opts: opts, brief: brief, window: 4 * workers}
	b.slots = make(chan struct{}, b.window)
	b.jobs = make(chan batchJob)
	b.results = make(chan batchOut, b.window)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.work()
		}()
	}
	var stats BatchStats
	var writeErr error
	written := make(chan struct{})
	go func() {
		defer close(written)
		stats.OK, stats.Failed, writeErr = b.writeInOrder(w)
	}()
	lines, line, readErr := b.feed(r)
	close(b.jobs)
	wg.Wait()
	close(b.results)
	<-written
	stats.Lines = lines
	if readErr != nil {
		return stats, fmt.Errorf("crosswalk: batch: reading line %d: %w", line, readErr)
	}
	if writeErr != nil {
		return stats, fmt.Errorf("crosswalk: batch: writing: %w", writeErr)
	}
	return stats, nil
}

// feed reads the lines of r and hands each one that is not blank to the workers,
// each after taking a slot of the window. It returns how many lines it handed over,
// the number of the line it read last (the one at fault with an error) and the error
// of reading r, nil at its end.
func (b *batchRun) feed(r io.Reader) (handed, line int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		data, tooLong, rerr := readLine(br, MaxAssessmentBytes)
		if len(data) == 0 && !tooLong && rerr != nil {
			// Nothing of this line was read: the previous one ended with its newline.
			return handed, line + 1, endOf(rerr)
		}
		line++
		if tooLong {
			data = nil // batchOne reports it
		}
		if tooLong || len(bytes.TrimSpace(data)) > 0 {
			b.slots <- struct{}{}
			b.jobs <- batchJob{seq: handed, line: line, data: data}
			handed++
		}
		if rerr != nil {
			return handed, line, endOf(rerr)
		}
	}
}

// endOf is err, or nil for the end of the input.
func endOf(err error) error {
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// work answers jobs until there are none: the gap of each line, encoded.
func (b *batchRun) work() {
	for j := range b.jobs {
		res := b.cw.batchOne(j.line, j.data, b.opts)
		var out []byte
		var err error
		switch {
		case res.Result == nil:
			out, err = codec.Marshal(res)
		case b.brief:
			out, err = appendBriefLine(make([]byte, 0, 1024+40*len(res.Result.Items)), res.ID, res.Line, res.Result)
		default:
			out, err = appendFullLine(res.ID, res.Line, res.Result)
		}
		b.results <- batchAnswer(j.seq, res, out, err)
	}
}

// batchAnswer is the answer to a line: out, the line encoded, unless encoding it
// failed (err); then an error line naming the line as every error line does, and
// counted as a failure.
func batchAnswer(seq int, res BatchResult, out []byte, err error) batchOut {
	if err != nil {
		out, _ = codec.Marshal(BatchResult{ID: res.ID, Line: res.Line, Error: lineName(res.Line, res.ID) + ": cannot encode the result: " + err.Error()})
		return batchOut{seq: seq, out: out}
	}
	return batchOut{seq: seq, out: out, ok: res.Error == ""}
}

// appendFullLine is the line of [Crosswalk.GapBatch] for the result g of the line
// numbered line with the ID id: byte for byte what codec.Marshal writes for
// BatchResult{ID: id, Line: line, Result: g}, without the detour through
// GapResult.MarshalJSON, whose output the encoder parses and compacts once more (a
// third of a full line's CPU). TestAppendFullLine holds it to Marshal.
func appendFullLine(id string, line int, g *GapResult) ([]byte, error) {
	body, err := codec.Marshal(g.wire())
	if err != nil {
		return nil, err
	}
	dst := make([]byte, 0, len(body)+len(id)+64)
	dst = append(dst, `{"id":`...)
	dst = codec.AppendString(dst, id)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	dst = append(dst, `,"result":`...)
	dst = append(dst, body...)
	return append(dst, '}'), nil
}

// writeInOrder writes the answers to w in input order, one line each, holding back
// those that come early. At most window lines are in flight, so the ones held back
// have distinct places in a ring of window slots; each line written frees a slot of
// the window for the reader. After an error of writing it writes no more but goes on
// counting and freeing slots, so that the run ends.
func (b *batchRun) writeInOrder(w io.Writer) (ok, failed int, err error) {
	ring := make([]batchOut, b.window)
	next := 0
	bw := bufio.NewWriter(w)
	for res := range b.results {
		res.done = true
		ring[res.seq%b.window] = res
		for {
			slot := &ring[next%b.window]
			if !slot.done {
				break
			}
			if err == nil {
				err = writeLine(bw, slot.out)
			}
			if slot.ok {
				ok++
			} else {
				failed++
			}
			*slot = batchOut{}
			next++
			<-b.slots
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return ok, failed, err
}

// writeLine writes data and a newline.
func writeLine(bw *bufio.Writer, data []byte) error {
	if _, err := bw.Write(data); err != nil {
		return err
	}
	return bw.WriteByte('\n')
}

// readLine reads one line of at most limit bytes, without its end ("\n" or "\r\n");
// a longer line is read to its end and dropped, with tooLong set. An error comes
// with the part of the line read before it, if any (the last line of an input may
// have no end).
func readLine(br *bufio.Reader, limit int) (data []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if len(data)+len(chunk) > limit+len("\r\n") {
				tooLong, data = true, nil
			} else {
				data = append(data, chunk...)
			}
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		if !tooLong {
			data = bytes.TrimSuffix(data, []byte("\n"))
			if e == nil {
				data = bytes.TrimSuffix(data, []byte("\r"))
			}
			if len(data) > limit {
				tooLong, data = true, nil
			}
		}
		return data, tooLong, e
	}
}

// batchOne runs the gap of one batch line: its result, or an error line.
func (cw *Crosswalk) batchOne(line int, data []byte, opts []GapOption) BatchResult {
	res := BatchResult{Line: line}
	if data == nil {
		res.Error = fmt.Sprintf("line %d: %v: longer than %d bytes", line, ErrTooLarge, MaxAssessmentBytes)
		return res
	}
	var in batchLine
	if err := codec.DecodeStrict(data, &in); err != nil {
		res.ID = idOf(data)
		res.Error = decodeError(lineName(line, res.ID), err)
		return res
	}
	res.ID = in.ID
	g, err := cw.batchGap(lineName(line, in.ID), &in, opts)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	res.Result = g
	return res
}

// lineName names a line in its errors: "line 3", or `line 3 (id "a")` when the line
// has an ID.
func lineName(line int, id string) string {
	if id == "" {
		return "line " + strconv.Itoa(line)
	}
	return "line " + strconv.Itoa(line) + " (id " + strconv.Quote(id) + ")"
}

// idOf is the ID of a line that did not decode, when the line can be read at all.
func idOf(data []byte) string {
	var id struct {
		ID string `json:"id"`
	}
	if codec.DecodeTrusted(data, &id) != nil {
		return ""
	}
	return id.ID
}

// decodeError is the error line of a line named name that did not decode: the column
// and the path or field at fault when known.
func decodeError(name string, err error) string {
	var se *codec.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Sprintf("%s: %v", name, err)
	}
	msg := se.Err.Error()
	if se.Path != "" && se.Field == "" {
		msg = se.Path + ": " + msg
	}
	return fmt.Sprintf("%s, column %d: %s", name, se.Column, msg)
}

// batchGap is the gap of a decoded line named name: its target, its assessment, and
// its own policy and limits after opts. The errors start with name.
func (cw *Crosswalk) batchGap(name string, in *batchLine, opts []GapOption) (*GapResult, error) {
	if in.Target == "" {
		return nil, errors.New(name + ": no target")
	}
	target, err := cw.cat.ResolveFramework(in.Target)
	if err != nil {
		return nil, fmt.Errorf("%s: target: %w", name, err)
	}
	p := problemList{}
	a, err := assessmentFromDoc(name, in.Assessment, cw.cat, readConfig{baseline: DefaultBaseline}, &p)
	if err != nil {
		return nil, err
	}
	// The full slice expression makes the first append copy: opts is shared by the
	// workers.
	lineOpts := opts[:len(opts):len(opts)]
	if in.Policy != "" {
		pol, err := ParsePolicy(in.Policy)
		if err != nil {
			return nil, fmt.Errorf("%s: policy: %w", name, err)
		}
		lineOpts = append(lineOpts, pol)
	}
	igs, err := words("ig", in.IG)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, g := range igs {
		lineOpts = append(lineOpts, WithGroup(g))
	}
	profiles, err := words("profile", in.Profile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, p := range profiles {
		lineOpts = append(lineOpts, WithProfile(p))
	}
	g, err := cw.Gap(a, target, lineOpts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// words reads the value of field name of a batch line that takes one word ("IG1")
// or several (["IG1", "IG2"], or "IG1,IG2" as the command line's --ig takes them).
func words(name string, v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		var out []string
		for _, w := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(w))
		}
		return out, nil
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("%s[%d]: %w: want a string", name, i, ErrMalformed)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: %w: want a string or an array of strings", name, ErrMalformed)
}
