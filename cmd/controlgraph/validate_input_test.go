package main

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/limits"
)

// endless is a reader of head and then the byte fill without end, which counts what
// was read of it.
type endless struct {
	head []byte
	fill byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = e.fill
	}
	e.read += int64(len(p))
	return len(p), nil
}

// validateStream runs validate on standard input read from r.
func validateStream(t *testing.T, r io.Reader, args ...string) (rep validateJSON, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"validate", "-", "--format", "json"}, args...), r, &out, &errb)
	if out.Len() > 0 {
		rep = decodeJSON[validateJSON](t, out.String())
	}
	return rep, errb.String(), code
}

// validate streams its input through each reader's limit: an endless input is refused
// having read little more than the limit, not the whole of it (nor the 256 MiB that
// reading it whole would allow).
func TestValidateStreamsWithTheLimit(t *testing.T) {
	const slack = 256 << 10 // buffers on the way

	// An assessment: a cell without end stops at the assessment's 32 MiB.
	in := &endless{head: []byte("control,status,notes\n5.1,yes,\""), fill: 'a'}
	rep, _, code := validateStream(t, in)
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "assessment", rep.Kind)
	require.Len(t, rep.Problems, 1)
	assert.Contains(t, rep.Problems[0].Message, "the file is larger than 32 MiB, the limit for an assessment")
	assert.LessOrEqual(t, in.read, int64(crosswalk.MaxAssessmentBytes+slack))

	// A mapping CSV: a line without end stops at the line limit.
	in = &endless{head: []byte("from;to;relationship\n5.1;"), fill: 'b'}
	rep, _, code = validateStream(t, in, "--from", "iso27002", "--to", "csf")
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "mappings", rep.Kind)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, `standard input:2: set "standard input": malformed input: input too large: line 2 is longer than 1048576 bytes (1 MiB)`, rep.Problems[0].Message)
	assert.LessOrEqual(t, in.read, int64(limits.Line+slack))

	// A framework CSV: the same.
	in = &endless{head: []byte("id\ttitle\nA\t"), fill: 'c'}
	rep, _, code = validateStream(t, in, "--framework", "acme:1")
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "framework", rep.Kind)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, `standard input:2: malformed input: input too large: line 2 is longer than 1048576 bytes (1 MiB)`, rep.Problems[0].Message)
	assert.LessOrEqual(t, in.read, int64(limits.Line+slack))
}

// utf16LE encodes s as Excel's "Unicode Text" does: UTF-16LE after a byte-order mark.
func utf16LE(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, binary.Write(&buf, binary.LittleEndian, utf16.Encode([]rune("\uFEFF"+s))))
	return buf.Bytes()
}

// validate tells the kinds of CSV apart in every dialect the readers read.
func TestValidateGuessesCSVDialects(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	for _, c := range []struct {
		name string
		data []byte
		args []string
		kind string
		sum  string
	}{
		{"m.csv", []byte("\uFEFFFrom;To;Relationship\r\n5.1;GV.PO-01;related\r\n"), []string{"--from", "iso27002", "--to", "csf"}, "mappings", "1 edge; read as CSV (semicolon-separated, UTF-8 with BOM)"},
		{"m.txt", utf16LE(t, "from\tto\trelationship\r\n5.1\tGV.PO-01\trelated\r\n"), []string{"--from", "iso27002", "--to", "csf"}, "mappings", "1 edge; read as CSV (tab-separated, UTF-16LE with BOM)"},
		{"f.csv", []byte("ID;Title;Parent\r\nA;Alpha;\r\nA-1;Status;A\r\n"), []string{"--framework", "acme:1"}, "framework", "1 framework with 2 nodes; read as CSV (semicolon-separated, UTF-8)"},
		{"f.tsv", []byte("id\ttitle\nA\tAlpha\n"), []string{"--framework", "acme:1"}, "framework", "1 framework with 1 node; read as CSV (tab-separated, UTF-8)"},
		{"a.txt", utf16LE(t, "Our SoA\r\n\r\nControl ID\tImplementation status\r\n5.1\tYes\r\n"), nil, "assessment",
			`1 control of iso27002:2022 rated; read as CSV (tab-separated, UTF-16LE with BOM), header on line 3: "Control ID" → control, "Implementation status" → status`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := cli(t, append([]string{"validate", write(c.name, c.data), "--format", "json"}, c.args...)...)
			require.Equal(t, 0, code, errs)
			rep := decodeJSON[validateJSON](t, out)
			assert.Equal(t, c.kind, rep.Kind)
			assert.Equal(t, c.sum, rep.Summary)
			assert.Zero(t, rep.Errors)
		})
	}
}

// The count of errors and warnings stands for every problem, listed or not.
func TestValidateCount(t *testing.T) {
	rep := validateJSON{Problems: []problemJSON{
		{Severity: "error", Message: "a"}, {Severity: "warning", Message: "b"},
		{Severity: "error", Message: "... and 7 more problems"}, {Severity: "warning", Message: "... and 2 more problems"},
	}}
	rep.Count()
	assert.Equal(t, 8, rep.Errors)
	assert.Equal(t, 3, rep.Warnings)
	assert.False(t, rep.Valid)
	rep = validateJSON{Problems: []problemJSON{{Severity: "warning", Message: "w"}}}
	rep.Count()
	assert.True(t, rep.Valid)
}

// FuzzValidate feeds any bytes to validate on standard input, guessed or read as each
// kind: it must not panic, must exit 0 or 2, and a bad command line (exit 2 without a
// report) is explained on one line.
func FuzzValidate(f *testing.F) {
	f.Add([]byte("\uFEFFFrom;To;Relationship\r\n5.1;GV.PO-01;related\r\n"), uint8(0))
	f.Add([]byte("id\ttitle\nA\tAlpha\n"), uint8(2))
	f.Add([]byte("Title\n\nControl ID;Status\n5.1;Yes\n"), uint8(4))
	f.Add([]byte("\xFF\xFEc\x00o\x00n\x00t\x00r\x00o\x00l\x00,\x00s\x00t\x00a\x00t\x00u\x00s\x00\n\x00"), uint8(0))
	f.Add([]byte(`{"frameworks":[],"mappings":[]}`), uint8(1))
	f.Add([]byte(`{"id":"a","name":"A","controls":[]}`), uint8(0))
	kinds := []string{"", "document", "framework", "mappings", "assessment", "oscal"}
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		args := []string{"validate", "-", "--format", "json", "--framework", "acme:1", "--from", "iso27002", "--to", "csf"}
		if kind := kinds[int(k)%len(kinds)]; kind != "" {
			args = append(args, "--kind", kind)
		}
		var out, errb bytes.Buffer
		code := run(args, bytes.NewReader(data), &out, &errb)
		switch {
		case code == 0:
		case code == 2 && out.Len() > 0:
			rep := decodeJSON[validateJSON](t, out.String())
			if rep.Valid || rep.Errors == 0 {
				t.Fatalf("exit 2 with a valid report: %s", out.String())
			}
		case code == 2:
			if n := bytes.Count(errb.Bytes(), []byte("\n")); n != 1 {
				t.Fatalf("status 2 with %d lines on stderr: %q", n, errb.String())
			}
		default:
			t.Fatalf("exit status %d: %s", code, errb.String())
		}
	})
}

// JSON is told apart by its top-level fields, and read whole once: the guess and the
// reader share it.
func TestValidateGuessesJSON(t *testing.T) {
	for _, c := range []struct {
		name, in, kind, summary string
		code                    int
	}{
		{"framework", `{"id":"acme:9","name":"Acme","controls":[{"id":"A","title":"Alpha"}]}`, "framework", "1 framework with 1 node", 0},
		{"mapping set", `{"id":"m","from":"nist-csf:2.0","to":"iso27002:2022","kind":"crosswalk","source":"d","edges":[{"from":"nist-csf:2.0/GV.OC-01","to":"iso27002:2022/5.1","relationship":"related"}]}`,
			"mappings", "1 mapping set", 0},
		{"assessment", `{"controls":[{"control":"5.1","status":"yes"}]}`, "assessment", "1 control of iso27002:2022 rated", 0},
		{"export document", `{"frameworks":[],"mappings":[]}`, "document", "0 frameworks with 0 nodes; 0 mapping sets", 0},
		{"unknown shape", `{"something":1}`, "document", "", 2},
		{"syntax error", "{\"id\": ", "document", "", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, errs, code := validateStream(t, strings.NewReader(c.in))
			require.Equal(t, c.code, code, errs)
			assert.Equal(t, c.kind, rep.Kind)
			assert.Equal(t, c.summary, rep.Summary)
		})
	}
	// A name ending in .csv is read as CSV whatever it starts with.
	path := filepath.Join(t.TempDir(), "odd.csv")
	require.NoError(t, os.WriteFile(path, []byte("{id,title\nA,Alpha\n"), 0o644))
	out, errs, code := cli(t, "validate", path, "--framework", "acme:1", "--format", "json")
	require.Equal(t, exitOK, code, errs)
	rep := decodeJSON[validateJSON](t, out)
	assert.Equal(t, "framework", rep.Kind)
	assert.Empty(t, rep.Problems)
	assert.Equal(t, "1 framework with 1 node; read as CSV (comma-separated, UTF-8)", rep.Summary)
}

// The Markdown report: a heading, the verdict line, a table of the problems.
func TestValidateMarkdown(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"validate", "-", "--format", "md", "--from", "iso27002", "--to", "csf"},
		strings.NewReader("from;to;relationship\n5.1;GV.PO-01;related\n9.9;GV.PO-01;related\n"), &out, &errb)
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "# Validation of standard input\n\n"+
		"standard input (mappings): NOT valid; 1 error, 0 warnings; 2 edges; read as CSV (semicolon-separated, UTF-8)\n\n"+
		"| severity | problem |\n| --- | --- |\n"+
		"| error | standard input:3: set \"standard input\": edge (iso27002:2022/9.9 → nist-csf:2.0/GV.PO-01): field \"from\" = \"iso27002:2022/9.9\": no such control in the catalog: iso27002:2022 has no control \"9.9\" |\n",
		out.String())
}
