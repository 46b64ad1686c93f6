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

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
