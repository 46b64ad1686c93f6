package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/report"
)

// The output formats a command may offer.
const (
	formatTable   = "table"
	formatJSON    = "json"
	formatCSV     = "csv"
	formatMD      = "md"
	formatOSCAL   = "oscal"
	formatHTML    = "html"
	formatXLSX    = "xlsx"
	formatMermaid = "mermaid"
	formatDOT     = "dot"
)

// reportFormats are the formats of the results package report renders (gap, soa).
var reportFormats = []string{formatTable, formatJSON, formatCSV, formatMD, formatHTML, formatXLSX}

// render writes a result through one of package report's renderers in the
// invocation's format. A binary format (xlsx) is not written to a terminal.
func (x *invocation) render(write func(io.Writer, report.Format) error) error {
	f, err := report.ParseFormat(x.format)
	if err != nil {
		return badInput("%v", err)
	}
	if f.Binary() && x.terminal {
		return badInput("--format %s is binary: write it to a file with -o FILE%s", f, f.Ext())
	}
	return write(x.out, f)
}

// outputOptions are the values of --format and -o.
type outputOptions struct {
	format string
	path   string
}

// resolveFormat picks the format: --format when given; else the extension of -o's
// file (.json, .csv, .md) when the command writes it, else table; else table on a
// terminal and json (or the command's first format) otherwise.
func (o *outputOptions) resolveFormat(allowed []string, terminal bool) string {
	if o.format != "" {
		return o.format
	}
	if o.path != "" {
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.path), "."))
		if ext == "markdown" {
			ext = formatMD
		}
		if slices.Contains(allowed, ext) {
			return ext
		}
		if slices.Contains(allowed, formatTable) {
			return formatTable
		}
		return pipeFormat(allowed)
	}
	if terminal && slices.Contains(allowed, formatTable) {
		return formatTable
	}
	return pipeFormat(allowed)
}

// outputFormats are every format some command writes: an -o extension naming one
// of them is taken as a request for it.
var outputFormats = []string{formatTable, formatJSON, formatCSV, formatMD, formatOSCAL, formatHTML, formatXLSX, formatMermaid, formatDOT}

// checkExt refuses an -o FILE (without --format) whose extension names an output
// format the command does not write, so that "-o report.xlsx" never gets a text table.
func (o *outputOptions) checkExt(cmd string, allowed []string) error {
	if o.format != "" || o.path == "" || o.path == "-" {
		return nil
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.path), "."))
	if ext == "markdown" {
		ext = formatMD
	}
	if !slices.Contains(outputFormats, ext) || slices.Contains(allowed, ext) {
		return nil
	}
	return badInput("-o %s: the extension names format %q, which %s does not write; accepted: %s (or --format FORMAT)",
		o.path, ext, cmd, strings.Join(allowed, ", "))
}

// pipeFormat is the default when standard output is not a terminal.
func pipeFormat(allowed []string) string {
	if slices.Contains(allowed, formatJSON) {
		return formatJSON
	}
	return allowed[0]
}

func defaultFormatNote(formats []string) string {
	if slices.Contains(formats, formatTable) && pipeFormat(formats) != formatTable {
		return " (default: table on a terminal, " + pipeFormat(formats) + " otherwise)"
	}
	return " (default " + pipeFormat(formats) + ")"
}

// readInput reads the file a command was given, or standard input for "-", and
// returns the name to use in messages with the data. Input larger than
// [limits.File] is refused after reading that much.
func (x *invocation) readInput(file string) (name string, data []byte, err error) {
	if file == "-" {
		data, err = limits.ReadAll(x.stdin)
		return "standard input", data, err
	}
	data, err = limits.ReadFile(file)
	return file, data, err
}

// streamOutput is where a command that streams its output (gap --batch) writes:
// standard output, or -o's file, written as it comes (a file replaced atomically when
// done(true), left as it was when done(false)). done's error is one of finishing the
// file.
func (x *invocation) streamOutput() (w io.Writer, done func(ok bool) error, err error) {
	if x.stream != nil {
		return x.stream, func(bool) error { return nil }, nil
	}
	f, err := createOutput(x.outPath)
	if err != nil {
		return nil, nil, err
	}
	x.streamed = true
	return f, func(ok bool) error {
		if !ok {
			f.abort()
			return nil
		}
		return f.commit()
	}, nil
}

// write sends the command's finished output to -o's file or to stdout.
func (o *outputOptions) write(data []byte, stdout io.Writer) error {
	if o.path == "" || o.path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeOutput(o.path, data)
}

// writeOutput writes data to path as [createOutput] describes.
func writeOutput(path string, data []byte) error {
	f, err := createOutput(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.abort()
		return err
	}
	return f.commit()
}

// outputFile is -o's file being written: a temporary file beside the target that
// [outputFile.commit] renames over it, or a device or pipe written straight through.
// What is written streams to it; nothing is held in memory.
type outputFile struct {
	path   string // for messages
	target string // the file to replace; "" when written through
	f      *os.File
	perm   fs.FileMode
	keep   bool // give the file perm (the mode of the file it replaces)
}

// createOutput opens path for writing according to what is there:
//
//   - nothing: a new file, created atomically (a temporary file beside it, renamed
//     on commit), with mode 0666 less the umask;
//   - a regular file: replaced atomically on commit, keeping its mode (permission
//     bits);
//   - a character device or a named pipe (/dev/null, /dev/stdout, a terminal, a
//     FIFO): written straight through, never replaced;
//   - a symbolic link: followed, and the rules above applied to its target (the
//     link itself is never replaced); a link to nothing is refused;
//   - anything else (a directory, a block device, a socket): refused.
func createOutput(path string) (*outputFile, error) {
	lst, lerr := os.Lstat(path)
	link := lerr == nil && lst.Mode()&os.ModeSymlink != 0
	st, err := os.Stat(path) // through any links
	switch {
	case errors.Is(err, fs.ErrNotExist) && link:
		return nil, fmt.Errorf("cannot write %s: it is a symbolic link to nothing; -o writes through a link to its target but does not create the target", path)
	case errors.Is(err, fs.ErrNotExist):
		return createTemp(path, path, 0, false)
	case err != nil:
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	case st.Mode()&(os.ModeCharDevice|os.ModeNamedPipe) != 0:
		return openThrough(path, 0)
	case st.Mode().IsRegular():
		target := path
		if link {
			if target, err = filepath.EvalSymlinks(path); err != nil {
				// A link the kernel resolves but a path walk cannot (/dev/stdout
				// through /proc to a file the shell opened): write to it in place.
				return openThrough(path, os.O_TRUNC)
			}
		}
		return createTemp(path, target, st.Mode().Perm(), true)
	case st.IsDir():
		return nil, fmt.Errorf("cannot write %s: it is a directory", path)
	}
	return nil, fmt.Errorf("cannot write %s: it is a %s; -o writes regular files (replaced atomically), character devices and pipes", path, fileKind(st.Mode()))
}

// openThrough opens the existing path for writing straight through.
func openThrough(path string, flag int) (*outputFile, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|flag, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &outputFile{path: path, f: f}, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&os.ModeDevice != 0:
		return "block device"
	case m&os.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// createTemp creates the temporary file beside target that commit renames over it,
// so that readers see the old file or the whole new one, never a part. The file gets
// mode perm when keep is set, else 0666 less the umask (the mode a shell's "> FILE"
// gives a new file). path is the name for messages.
func createTemp(path, target string, perm fs.FileMode, keep bool) (*outputFile, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	var f *os.File
	var err error
	temps.Lock() // a signal now waits until the file is on the list
	defer temps.Unlock()
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", base, rand.Uint64()))
		// O_EXCL: never open someone else's file; the kernel applies the umask to 0666.
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	temps.names[f.Name()] = true
	return &outputFile{path: path, target: target, f: f, perm: perm, keep: keep}, nil
}

// Write writes to the file; its error names the file.
func (o *outputFile) Write(p []byte) (int, error) {
	n, err := o.f.Write(p)
	if err != nil {
		err = fmt.Errorf("cannot write %s: %w", o.path, err)
	}
	return n, err
}

// commit closes the file and, for a temporary file, gives it its mode and renames it
// over the target. On an error the temporary file is removed.
func (o *outputFile) commit() error {
	if o.target == "" {
		if err := o.f.Close(); err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
		return nil
	}
	err := func() error {
		if o.keep {
			if err := o.f.Chmod(o.perm); err != nil {
				return err
			}
		}
		if err := o.f.Close(); err != nil {
			return err
		}
		temps.Lock()
		defer temps.Unlock()
		err := os.Rename(o.f.Name(), o.target)
		if err == nil {
			delete(temps.names, o.f.Name())
		}
		return err
	}()
	if err != nil {
		o.f.Close()
		removeTemp(o.f.Name())
		return fmt.Errorf("cannot write %s: %w", o.path, err)
	}
	return nil
}

// abort closes the file and removes a temporary file: the target stays as it was.
func (o *outputFile) abort() {
	o.f.Close()
	if o.target != "" {
		removeTemp(o.f.Name())
	}
}

// temps are the temporary files of -o not yet renamed or removed, which a signal
// removes ([removeTempsOnSignal]).
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// removeTemp removes the temporary file name and takes it off the list.
func removeTemp(name string) {
	temps.Lock()
	defer temps.Unlock()
	os.Remove(name)
	delete(temps.names, name)
}

// removeTempsOnSignal has SIGINT and SIGTERM (os.Interrupt and the termination
// request on Windows) remove the temporary files of -o, so that an interrupted
// command leaves the target as it was and nothing beside it, and then end the
// process with the conventional status 128 + the signal's number (130, 143).
func removeTempsOnSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-c
		temps.Lock() // held to the exit: no file is created or renamed after this
		for name := range temps.names {
			os.Remove(name)
		}
		code := 128 + 2
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
}

// tableWidth is the width tables fit: $COLUMNS, or 100.
func tableWidth() int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	return 100
}
