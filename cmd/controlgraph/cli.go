package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/safetext"
	"github.com/controlgraph/controlgraph/mappings"
)

// Exit statuses of the CLI contract.
const (
	exitOK      = 0
	exitFinding = 1 // a finding a script may gate on
	exitInput   = 2 // bad input, or output that could not be written
)

// command is one subcommand. Each lives in its own cmd_*.go file and adds itself with
// register from an init function, so commands can be added without touching this file.
type command struct {
	name     string   // "controls"
	args     string   // "FRAMEWORK [flags]", for the usage line
	summary  string   // one line for the command list
	detail   string   // paragraphs for "help <command>"
	examples []string // command lines, without the leading "controlgraph "
	// formats the command can write, the first being its default when standard
	// output is not a terminal; nil when the command takes no --format and -o.
	formats []string
	// minArgs and maxArgs bound the positional arguments (maxArgs < 0: no limit).
	minArgs, maxArgs int
	// setup declares the command's own flags on fs and returns the function that runs
	// the command once the flags are parsed.
	setup func(fs *flag.FlagSet) action
	// data is true for a command that reads the catalog or the crosswalk: it takes
	// the flags --catalog, --catalog-id and --mappings that add the user's own
	// frameworks and mapping sets to the embedded ones.
	data bool
}

// action runs a parsed command with its positional arguments.
type action func(x *invocation, args []string) error

// invocation is what a running command gets: the catalog, the streams, and the output
// options the dispatcher resolved.
type invocation struct {
	cmd *command
	cat *catalog.Catalog
	// cw is the crosswalk of cat and sets, the embedded mapping sets plus the user's
	// own; nil until built (see crosswalk).
	cw   *crosswalk.Crosswalk
	sets []mappings.Set
	// userData is true when --catalog or --mappings added data of the user's.
	userData bool
	stdin    io.Reader
	out      *bytes.Buffer // the command's output; written to stdout or -o on success
	stderr   io.Writer
	format   string // one of cmd.formats
	width    int    // columns available to a table
	// terminal is true when the output goes to a terminal (standard output is one and
	// there is no -o).
	terminal bool

	// data holds the data flags (--catalog, --bind, --strict, ...) of a data command.
	data *dataOptions
	// stream is standard output when the output goes there (no -o): a command that
	// streams (gap --batch) writes to it directly instead of buffering in out.
	stream io.Writer
	// outPath is -o's file, "" for standard output.
	outPath string
	// streamed is set when the command wrote its output itself ([invocation.streamOutput]):
	// out is then not written.
	streamed bool
}

var commands = map[string]*command{}

// register adds a command; it is called from init functions.
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("controlgraph: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// inputError is bad input: exit status 2.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func badInput(format string, a ...any) error { return &inputError{fmt.Sprintf(format, a...)} }

// findingError is a result with something to report besides the output, which is
// still written: by default a finding a script may gate on (exit status 1); with code
// exitInput, input the command read through and found wrong (validate).
type findingError struct {
	msg  string
	code int // exitFinding when zero
}

func (e *findingError) Error() string { return e.msg }

func (e *findingError) exitCode() int {
	if e.code == 0 {
		return exitFinding
	}
	return e.code
}

// run is the whole CLI: it parses args, runs the command and returns the exit status.
// main calls it with the process's arguments and streams; tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeOverview(stderr)
		return exitInput
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		writeOverview(stdout)
		return exitOK
	case "help":
		return runHelp(args[1:], stdout, stderr)
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "controlgraph: unknown command %q; commands: %s (see 'controlgraph help')\n", name, strings.Join(commandNames(), ", "))
		return exitInput
	}
	return c.execute(args[1:], stdin, stdout, stderr)
}

// execute runs the command with its arguments and returns the exit status: it
// parses the flags, prepares the invocation, runs the action and writes the output.
func (c *command) execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, act, out, data := c.flagSet()
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		c.writeUsage(stdout)
		return exitOK
	}
	if err := c.checkArgs(fs, pos, err); err != nil {
		return fail(stderr, c, err)
	}
	x, err := c.invocation(stdin, stdout, stderr, out, data)
	if err != nil {
		return fail(stderr, c, err)
	}
	return c.finish(x, act(x, pos), out, stdout, stderr)
}

// checkArgs turns the flag parser's error (nil when the flags parsed) into a
// message naming the bad flag, and refuses a wrong number of positional arguments.
func (c *command) checkArgs(fs *flag.FlagSet, pos []string, err error) error {
	if err != nil {
		return flagError(c, fs, err)
	}
	if len(pos) < c.minArgs || (c.maxArgs >= 0 && len(pos) > c.maxArgs) {
		return c.argCountError(pos)
	}
	return nil
}

// invocation prepares what the action gets: the output format (from --format,
// -o's extension and whether stdout is a terminal), the table width, and the
// user's data (--catalog, --mappings) loaded over the embedded catalog.
func (c *command) invocation(stdin io.Reader, stdout, stderr io.Writer, out *outputOptions, data *dataOptions) (*invocation, error) {
	x := &invocation{cmd: c, cat: catalog.Default(), stdin: stdin, out: &bytes.Buffer{}, stderr: stderr, width: tableWidth()}
	x.data = data
	toStdout := out.path == "" || out.path == "-"
	x.terminal = isTerminal(stdout) && toStdout
	if toStdout {
		x.stream = stdout
	} else {
		x.outPath = out.path
	}
	if c.formats != nil {
		if err := out.checkExt(c.name, c.formats); err != nil {
			return nil, err
		}
		x.format = out.resolveFormat(c.formats, isTerminal(stdout))
	}
	if data != nil && data.given() {
		if err := x.loadData(data); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// finish writes the output of an action that ended with err (nil, a finding, or a
// failure, which writes nothing) and returns the exit status.
func (c *command) finish(x *invocation, err error, out *outputOptions, stdout, stderr io.Writer) int {
	var finding *findingError
	if err != nil && !errors.As(err, &finding) {
		return fail(stderr, c, err)
	}
	if !x.streamed { // a streaming command wrote its output itself
		if werr := out.write(x.out.Bytes(), stdout); werr != nil {
			return fail(stderr, c, werr)
		}
	}
	if finding != nil {
		fmt.Fprintf(stderr, "controlgraph %s: %s\n", c.name, finding.msg)
		return finding.exitCode()
	}
	return exitOK
}

// listError is bad input with several problems: fail writes the head, then one
// problem a line, indented, then the hint if any. Error gives it all on one line.
type listError struct {
	head  string   // "N problems in FILE"
	items []string // one problem each
	hint  string   // advice that fits the command, or ""
}

func (e *listError) Error() string {
	msg := e.head + ": " + strings.Join(e.items, "; ")
	if e.hint != "" {
		msg += "; " + e.hint
	}
	return msg
}

// fail writes err to standard error and returns the exit status of bad input.
func fail(stderr io.Writer, c *command, err error) int {
	var le *listError
	if errors.As(err, &le) {
		fmt.Fprintf(stderr, "controlgraph %s: %s:\n", c.name, safeMessage(le.head))
		for _, p := range le.items {
			fmt.Fprintf(stderr, "  %s\n", safeMessage(p))
		}
		if le.hint != "" {
			fmt.Fprintf(stderr, "  %s\n", safeMessage(le.hint))
		}
		return exitInput
	}
	fmt.Fprintf(stderr, "controlgraph %s: %s\n", c.name, safeMessage(err.Error()))
	return exitInput
}

// maxMessage bounds an error line; values in it are cut where they are echoed
// (internal/safetext), and this is the net under them.
const maxMessage = 64 << 10

// safeMessage makes an error message safe for a terminal: control characters
// escaped (a line break too: a message is one line), at most maxMessage bytes.
func safeMessage(msg string) string {
	msg = safetext.Escape(strings.ReplaceAll(strings.ReplaceAll(msg, "\r", "\\r"), "\n", "\\n"))
	if len(msg) > maxMessage {
		cut := maxMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = fmt.Sprintf("%s… (%d bytes; the rest is cut)", msg[:cut], len(msg))
	}
	return msg
}

// flagSet builds the command's flags: its own; when it writes output, --format and
// -o; when it reads the catalog, --catalog, --catalog-id and --mappings (data is nil
// otherwise).
func (c *command) flagSet() (fs *flag.FlagSet, act action, out *outputOptions, data *dataOptions) {
	fs = flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out = &outputOptions{}
	if c.formats != nil {
		fs.Var(&formatValue{allowed: c.formats, v: &out.format}, "format", "output `FORMAT`: "+strings.Join(c.formats, ", ")+defaultFormatNote(c.formats))
		fs.StringVar(&out.path, "o", "", "write the output to `FILE` (a regular file is replaced atomically) instead of standard output")
	}
	if c.data {
		data = &dataOptions{}
		data.declare(fs)
	}
	return fs, c.setup(fs), out, data
}

func (c *command) argCountError(pos []string) error {
	switch {
	case len(pos) < c.minArgs:
		return badInput("missing argument: usage: controlgraph %s %s", c.name, c.args)
	default:
		return badInput("unexpected argument %q: usage: controlgraph %s %s", pos[c.maxArgs], c.name, c.args)
	}
}

// flagError turns an error of package flag into one line that names the bad flag or
// value and what would be accepted.
func flagError(c *command, fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = dashes(strings.TrimLeft(name, "-"))
		return badInput("unknown flag %s; accepted: %s (see 'controlgraph help %s')", name, strings.Join(flagNames(fs), ", "), c.name)
	}
	// flag names flags with one dash; users type long ones with two.
	for _, pre := range []string{"for flag -", "argument: -"} {
		i := strings.Index(msg, pre)
		if i < 0 {
			continue
		}
		j := i + len(pre)
		name := msg[j:]
		if k := strings.IndexAny(name, ": "); k >= 0 {
			name = name[:k]
		}
		msg = msg[:j-1] + dashes(name) + msg[j+len(name):]
	}
	return badInput("%s (see 'controlgraph help %s')", msg, c.name)
}

func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, dashes(f.Name)) })
	return names
}

// dashes writes a flag as users type it: -o, --format.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func commandNames() []string {
	return slices.Sorted(maps.Keys(commands))
}

func writeOverview(w io.Writer) {
	var b strings.Builder
	b.WriteString(`controlgraph maps ISO/IEC 27002:2022 to NIST CSF and the CIS Controls.

Usage:
  controlgraph <command> [arguments] [flags]

Commands:
`)
	width := 0
	for _, n := range commandNames() {
		width = max(width, len(n))
	}
	hang := "\n" + strings.Repeat(" ", width+4) // a summary's next line, under its first
	for _, n := range commandNames() {
		summary := wrapHelp(commands[n].summary, helpWidth-width-4)
		fmt.Fprintf(&b, "  %-*s  %s\n", width, n, strings.ReplaceAll(summary, "\n", hang))
	}
	fmt.Fprintf(&b, "  %-*s  %s\n", width, "help", "show help for a command")
	b.WriteString(`
Flags may come before or after the arguments. --format is table on a terminal and
json otherwise; -o FILE writes atomically to FILE. --catalog FILE and --mappings FILE
add your own frameworks and mapping sets (JSON, CSV or OSCAL) to the embedded ones.
Exit status: 0 ok, 1 a finding a script may gate on, 2 bad input.

Run 'controlgraph help <command>' for a command's flags and examples.
`)
	io.WriteString(w, wrapHelp(b.String(), helpWidth))
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeOverview(stdout)
		return exitOK
	}
	if len(args) > 1 {
		fmt.Fprintf(stderr, "controlgraph help: unexpected argument %q: usage: controlgraph help [command]\n", args[1])
		return exitInput
	}
	c, ok := commands[args[0]]
	if !ok {
		if args[0] == "help" {
			fmt.Fprintln(stdout, "usage: controlgraph help [command]")
			return exitOK
		}
		fmt.Fprintf(stderr, "controlgraph help: unknown command %q; commands: %s\n", args[0], strings.Join(commandNames(), ", "))
		return exitInput
	}
	c.writeUsage(stdout)
	return exitOK
}

func (c *command) writeUsage(w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: controlgraph %s %s\n\n%s\n", c.name, c.args, c.summary)
	if c.detail != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(c.detail))
	}
	fs, _, _, _ := c.flagSet()
	var flags strings.Builder
	fs.SetOutput(&flags)
	fs.PrintDefaults()
	if flags.Len() > 0 {
		// PrintDefaults writes one dash; users may type one or two.
		b.WriteString("\nFlags:\n")
		for _, line := range strings.SplitAfter(flags.String(), "\n") {
			if strings.HasPrefix(line, "  -") && len(line) > 4 && line[4] != ' ' && line[4] != '\t' {
				line = "  --" + line[3:]
			}
			// The description's indent as spaces, so that wrapping counts it right.
			b.WriteString(strings.Replace(line, "    \t", "        ", 1))
		}
	}
	if len(c.examples) > 0 {
		b.WriteString("\nExamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(&b, "  controlgraph %s\n", e)
		}
	}
	io.WriteString(w, wrapHelp(b.String(), helpWidth))
}

// isTerminal reports whether w is a terminal (not merely a character device:
// "> /dev/null" is not a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminalFile(f)
}
