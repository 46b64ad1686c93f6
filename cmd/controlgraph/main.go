// Command controlgraph looks up, filters and exports the controls of ISO/IEC 27002:2022,
// ISO/IEC 27001:2022, ISO/IEC 27002:2013, NIST CSF 2.0 and 1.1 and the CIS Controls v8
// and v8.1, and the mappings between them; measures an assessment of the ISO controls
// against CSF or CIS (gap, recommend, requirements) and writes a Statement of
// Applicability.
//
// Usage:
//
//	controlgraph <command> [arguments] [flags]
//
// Run "controlgraph help" for the list of commands and "controlgraph help <command>"
// for one command with examples. Flags may come before or after the arguments.
//
// Output formats (--format): table (the default when standard output is a terminal),
// json (the default otherwise), csv and md, as each command allows. -o FILE writes the
// output to FILE instead: a regular file is replaced atomically and keeps its mode (a
// new one gets 0666 less the umask); a character device or pipe (/dev/null,
// /dev/stdout) is written straight through; a symbolic link is followed to its target
// and never replaced; anything else is refused. Without --format the format then
// follows the file's extension (.json, .csv, .md), else table.
//
// Commands that read the catalog take --catalog FILE and --mappings FILE (each
// repeatable) to add the user's own frameworks and mapping sets, as our JSON or CSV or
// as OSCAL catalogs and mapping-collections; "controlgraph import FILE" says what such
// a file holds.
//
// Exit status: 0 on success; 1 on a finding a script may gate on; 2 on bad input
// (an unknown command, flag, framework, reference or value) or when the output cannot
// be written, with a one-line message on standard error (a file with several
// problems: a line that counts them, then one problem a line). Interrupted by SIGINT
// or SIGTERM, it removes the temporary file of -o (FILE stays as it was) and exits
// with 130 or 143.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

func main() {
	shortLived().apply(os.Getenv)
	removeTempsOnSignal()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// gcTuner sets the garbage collector for a process that allocates much and keeps
// little: no collection until the memory the runtime holds reaches floor, and after
// each collection a GOGC that puts the next one at floor again, or at twice the live
// heap (the default, GOGC=100) when that is more. So the heap may always grow to
// floor, never less than the default allows, and a large heap is paced as by default.
//
// A command line on the embedded data allocates ~15 MB and keeps ~8 MB: it never
// collects, where the default collected three times and spent a third of its CPU on
// it. gap --batch keeps ~9 MB and turns over ~90 KB an assessment: it collects once
// per ~50 MB instead of once per ~9 MB.
type gcTuner struct {
	floor   int64
	stopped atomic.Bool // set by tests: the watch ends at the next collection
}

// shortLived is the tuner of the command line.
func shortLived() *gcTuner { return &gcTuner{floor: 64 << 20} }

// apply turns the collector off under a memory limit of floor, which starts the
// first collection, and watches the collections. It leaves everything as it is when
// the user set GOGC or GOMEMLIMIT (their setting wins), and says whether it changed
// anything.
func (t *gcTuner) apply(getenv func(string) string) bool {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(t.floor)
	t.watch()
	return true
}

// gcSentinel is an object nothing holds, whose cleanup tells that a collection has
// run. It is larger than the runtime's tiny-allocation size, so it is freed alone.
type gcSentinel struct{ _ [64]byte }

// watch has check run after the next collection.
func (t *gcTuner) watch() {
	runtime.AddCleanup(new(gcSentinel), func(t *gcTuner) { t.check() }, t)
}

// check runs after a collection: it paces the next one by the live heap, lifts the
// memory limit (GOGC now decides), and watches on.
func (t *gcTuner) check() {
	if t.stopped.Load() {
		return
	}
	debug.SetGCPercent(gcPercent(liveHeap(), t.floor))
	debug.SetMemoryLimit(math.MaxInt64)
	t.watch()
}

// gcPercent is the GOGC that puts the next collection of a heap with live bytes live
// at floor bytes, and at least 100 (the default: at twice the live heap).
func gcPercent(live, floor int64) int {
	if live <= 0 || floor <= 2*live {
		return 100
	}
	return int(min((floor-live)*100/live, 1<<20))
}

// liveHeap is the heap in use, in bytes: right after a collection, what it found
// live and little more. (runtime.ReadMemStats stops the world for a few
// microseconds, once a collection; runtime/metrics would cost every process 0.1 ms
// of package initialisation.)
func liveHeap() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
