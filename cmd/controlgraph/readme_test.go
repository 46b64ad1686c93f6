package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// readmeCommand is one command line of a README code block, with the output the
// README shows under it (for "$ controlgraph ..." lines) and the exit status it
// shows ("$ echo $?"), 0 when it shows none.
type readmeCommand struct {
	line   int
	args   []string
	shown  []string
	status int
}

// readmeCommands extracts the controlgraph command lines of the README's fenced code
// blocks: "go run ./cmd/controlgraph ...", "controlgraph ..." and "$ controlgraph ...".
// A pipe ("| head -3") ends a command.
func readmeCommands(t *testing.T, text string) []readmeCommand {
	t.Helper()
	var cmds []readmeCommand
	in := false
	var cur *readmeCommand
	expectStatus := false
	// A block with one command line and no prompt, followed by a block without
	// commands ("prints:"), shows that command's output in the second block.
	type block struct {
		first, count int // the commands of the block
		prompts      bool
		lines        []string
	}
	var blocks []block
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			in = !in
			cur = nil
			if in {
				blocks = append(blocks, block{first: len(cmds)})
			} else {
				blocks[len(blocks)-1].count = len(cmds) - blocks[len(blocks)-1].first
			}
			continue
		}
		if !in {
			continue
		}
		blocks[len(blocks)-1].lines = append(blocks[len(blocks)-1].lines, line)
		if strings.HasPrefix(line, "$ ") {
			blocks[len(blocks)-1].prompts = true
		}
		rest, prompt := strings.CutPrefix(line, "$ ")
		if !prompt {
			rest = line
		}
		var cmdline string
		if prompt || cur == nil {
			// Without a prompt, a line under a "$ controlgraph" line is its output.
			for _, pre := range []string{"go run ./cmd/controlgraph ", "controlgraph "} {
				if s, ok := strings.CutPrefix(rest, pre); ok {
					cmdline = s
					break
				}
			}
		}
		switch {
		case cmdline != "":
			if k := strings.Index(cmdline, " | "); k >= 0 {
				cmdline = cmdline[:k]
			}
			args, err := shellWords(cmdline)
			require.NoError(t, err, "README line %d", i+1)
			cmds = append(cmds, readmeCommand{line: i + 1, args: args})
			cur = nil
			if prompt {
				cur = &cmds[len(cmds)-1]
			}
			expectStatus = false
		case prompt && strings.TrimSpace(rest) == "echo $?":
			expectStatus = cur != nil
		case expectStatus:
			n, err := strconv.Atoi(strings.TrimSpace(line))
			require.NoError(t, err, "README line %d: an exit status after echo $?", i+1)
			cur.status = n
			expectStatus = false
		case prompt:
			cur = nil
		case cur != nil:
			cur.shown = append(cur.shown, line)
		}
	}
	for i := 0; i+1 < len(blocks); i++ {
		if b := blocks[i]; b.count == 1 && !b.prompts && blocks[i+1].count == 0 {
			cmds[b.first].shown = blocks[i+1].lines
		}
	}
	return cmds
}

// shellWords splits a command line as a shell would for the simple lines of a README:
// words separated by spaces, with '...' and "..." quoting.
func shellWords(s string) ([]string, error) {
	var words []string
	var b strings.Builder
	var quote rune
	inWord := false
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				b.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		default:
			b.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, os.ErrInvalid
	}
	if inWord {
		words = append(words, b.String())
	}
	return words, nil
}

// TestReadmeCommands runs every controlgraph command the README shows, in-process
// from the module root, and checks its exit status and, for "$ controlgraph" lines
// with output, that every line shown is in the output ("..." stands for lines left
// out; a line ending in "…" for its beginning). Files written with -o go to a
// temporary directory, and later commands that name them read them from there.
func TestReadmeCommands(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	text, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	cmds := readmeCommands(t, string(text))
	require.GreaterOrEqual(t, len(cmds), 15, "the README shows the commands")
	t.Chdir(root)
	t.Setenv("COLUMNS", "100")
	tmp := t.TempDir()
	written := map[string]string{}
	ran := 0
	for _, c := range cmds {
		args := append([]string(nil), c.args...)
		if !catalog.HasCIS() && strings.Contains(strings.ToLower(strings.Join(args, " ")+strings.Join(c.shown, " ")), "cis") {
			continue // the CIS examples, and those whose output shows CIS data, need the CIS data
		}
		hasFormat, hasOut := false, false
		for i := range args {
			if p, ok := written[args[i]]; ok {
				args[i] = p
			}
			if args[i] == "--format" {
				hasFormat = true
			}
			if args[i] == "-o" && i+1 < len(args) {
				hasOut = true
				p := filepath.Join(tmp, filepath.Base(args[i+1]))
				written[args[i+1]] = p
				args[i+1] = p
			}
		}
		// What the README shows is a terminal's table; a test's output is not a
		// terminal.
		if len(c.shown) > 0 && !hasFormat && !hasOut {
			if cmd, ok := commands[args[0]]; ok && cmd.formats != nil {
				args = append(args, "--format", "table")
			}
		}
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		ran++
		if !assert.Equal(t, c.status, code, "README line %d: controlgraph %s\nstderr: %s", c.line, strings.Join(c.args, " "), errb.String()) {
			continue
		}
		got := out.String() + errb.String()
		for _, s := range c.shown {
			s = strings.TrimRight(s, " ")
			if s == "" || s == "..." || strings.TrimSpace(s) == "..." {
				continue
			}
			if p, ok := strings.CutSuffix(s, "…"); ok {
				s = p
			}
			if !strings.Contains(got, s) {
				t.Errorf("README line %d: controlgraph %s shows a line the command does not print:\n%s\noutput:\n%s", c.line, strings.Join(c.args, " "), s, got)
			}
		}
	}
	assert.Positive(t, ran)
}

func TestShellWords(t *testing.T) {
	w, err := shellWords(`import acme.csv --framework-id acme:1 --name "ACME controls" -x 'a b'`)
	require.NoError(t, err)
	assert.Equal(t, []string{"import", "acme.csv", "--framework-id", "acme:1", "--name", "ACME controls", "-x", "a b"}, w)
	_, err = shellWords(`a "b`)
	assert.Error(t, err)
}

// TestHelpExamples runs the examples of every command's help that name only files
// of this repository (the others name a user's files: assessment.csv, ...), from the
// module root, with -o into a temporary directory; each must exit 0.
func TestHelpExamples(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	t.Chdir(root)
	tmp := t.TempDir()
	ran := 0
	for _, name := range commandNames() {
	examples:
		for _, e := range commands[name].examples {
			args, err := shellWords(e)
			require.NoError(t, err, e)
			if !catalog.HasCIS() && strings.Contains(strings.ToLower(e), "cis") {
				continue
			}
			for i := 1; i < len(args); i++ {
				a := args[i]
				if args[i-1] == "-o" {
					args[i] = filepath.Join(tmp, filepath.Base(a))
					continue
				}
				if ext := filepath.Ext(a); ext == ".csv" || ext == ".json" || ext == ".xlsx" {
					if _, err := os.Stat(a); err != nil {
						continue examples // a file of the user's
					}
				}
			}
			var out, errb bytes.Buffer
			code := run(args, strings.NewReader(""), &out, &errb)
			assert.Equal(t, 0, code, "controlgraph %s\nstderr: %s", e, errb.String())
			ran++
		}
	}
	t.Logf("ran %d help examples", ran)
	assert.GreaterOrEqual(t, ran, 10)
}
