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
// be written, with a one-line message on standard error.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// startHeap is how large the heap may grow before the first garbage collection of a
// process. A command on the embedded data allocates about 15 MB in all, so most
// command lines never collect; a large input (a big OSCAL catalog, a long batch)
// passes it and is then collected as usual.
const startHeap = 64 << 20

// gcSentinel is the object whose cleanup tells that the first collection has run.
// It is larger than the runtime's tiny-allocation size, so that it is freed alone.
type gcSentinel struct{ _ [64]byte }

// tuneGC sets the garbage collector for a short-lived process: no collection until
// the heap reaches startHeap, then the runtime's default (GOGC=100, no memory
// limit). A process that does its work in a few milliseconds spends a third of its
// CPU collecting a heap it is about to drop; a long one keeps the default pacing and
// peak memory. It leaves everything as it is when the user set GOGC or GOMEMLIMIT
// (their setting wins), and says whether it changed anything.
func tuneGC(getenv func(string) string) bool {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startHeap)
	// The cleanup of an object nothing holds runs after the first collection, which
	// only the memory limit can start: from there, the default.
	runtime.AddCleanup(new(gcSentinel), func(struct{}) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
	return true
}
