// Package examples_test builds every example program and runs it as a user would.
package examples_test

import (
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

var programs = []string{"gapanalysis", "soa", "migrate2013", "customframework", "service"}

// build compiles the examples once into a temporary directory.
func build(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not building the example programs")
	}
	bin := t.TempDir()
	args := []string{"build", "-o", bin + string(filepath.Separator)}
	if !catalog.HasCIS() {
		args = append(args, "-tags", "nocis") // build the programs as this test was built
	}
	for _, p := range programs {
		args = append(args, "./"+p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool(), args...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// goTool returns the go command: the one on PATH, as `go test` itself was run.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// run runs an example in dir and returns its standard output; it must succeed.
func run(t *testing.T, bin, prog, dir string, args ...string) string {
	t.Helper()
	return runEnv(t, bin, prog, dir, nil, args...)
}

// runEnv is run with variables added to the environment.
func runEnv(t *testing.T, bin, prog, dir string, env []string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(bin, prog), args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "%s %v: %s", prog, args, stderr.String())
	return stdout.String()
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	return root
}

func readAssessment(t *testing.T, path string, opts ...crosswalk.ReadOption) *crosswalk.Assessment {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	a, err := crosswalk.ReadAssessmentCSV(filepath.Base(path), f, nil, opts...)
	require.NoError(t, err)
	return a
}

func TestExamples(t *testing.T) {
	bin := build(t)
	root := moduleRoot(t)
	small := filepath.Join(root, "examples", "assessments", "small-company.csv")
	legacy := filepath.Join(root, "examples", "assessments", "legacy-2013.csv")

	t.Run("gapanalysis", func(t *testing.T) {
		// no flags, from the module root and from the example's own directory
		out := run(t, bin, "gapanalysis", root)
		assert.Equal(t, out, run(t, bin, "gapanalysis", filepath.Join(root, "examples", "gapanalysis")))
		res, err := crosswalk.Default().Gap(readAssessment(t, small), catalog.CSF20)
		require.NoError(t, err)
		s := res.Summary
		assert.Contains(t, out, fmt.Sprintf("NIST CSF 2.0 (auto policy): %d subcategories: %d covered, %d partial, %d gap, %d unreached, %d not applicable",
			s.Total, s.Covered, s.Partial, s.Gap, s.Unreached, s.NotApplicable))
		if catalog.HasCIS() {
			ig1, err := crosswalk.Default().Gap(readAssessment(t, small), catalog.CIS8, crosswalk.WithGroup("IG1"))
			require.NoError(t, err)
			assert.Contains(t, out, fmt.Sprintf("CIS Controls v8, IG1: %d safeguards: %d covered", ig1.Summary.Total, ig1.Summary.Covered))
			assert.Contains(t, out, "Implement next (IG1):\n  1. ")
		}
	})

	t.Run("soa", func(t *testing.T) {
		// Without -o, from the module root: the workbook goes to the temporary
		// directory and the repository gets no new file.
		dir := t.TempDir()
		before := listDir(t, root)
		out := runEnv(t, bin, "soa", root, []string{"TMPDIR=" + dir}, "-assessment", small)
		assert.Equal(t, before, listDir(t, root), "files left in the repository root")
		assert.Contains(t, out, filepath.Join(dir, "soa.xlsx")+": 93 Annex A controls")
		f, err := excelize.OpenFile(filepath.Join(dir, "soa.xlsx"))
		require.NoError(t, err)
		defer f.Close()
		rows, err := f.GetRows("SoA")
		require.NoError(t, err)
		assert.Len(t, rows, 94)
		assert.Equal(t, []string{"5.1", "A.5.1", "Policies for information security"}, rows[1][:3])
		// -o elsewhere
		other := filepath.Join(t.TempDir(), "x.xlsx")
		run(t, bin, "soa", dir, "-assessment", small, "-o", other)
		_, err = os.Stat(other)
		assert.NoError(t, err)
	})

	t.Run("migrate2013", func(t *testing.T) {
		dir := t.TempDir()
		before := listDir(t, root)
		out := runEnv(t, bin, "migrate2013", root, []string{"TMPDIR=" + dir}, "-assessment", legacy)
		assert.Equal(t, before, listDir(t, root), "files left in the repository root")
		m, err := crosswalk.Default().Migrate(readAssessment(t, legacy, crosswalk.WithBaseline(catalog.ISO27002v2013)), catalog.ISO27002v2022)
		require.NoError(t, err)
		assert.Contains(t, out, fmt.Sprintf("New in 2022, to assess afresh (%d):", len(m.New)))
		assert.Contains(t, out, "5.7   Threat intelligence")
		// the written file reads back as the migrated assessment
		got := readAssessment(t, filepath.Join(dir, "legacy-2022.csv"))
		assert.Equal(t, catalog.ISO27002v2022, got.Baseline())
		assert.Equal(t, m.Assessment.Len(), got.Len())
		for e := range m.Assessment.All() {
			assert.Equal(t, e.Status, got.Status(e.Control), e.Control.String())
		}
	})

	t.Run("customframework", func(t *testing.T) {
		before := listDir(t, root)
		out := run(t, bin, "customframework", root)
		assert.Equal(t, before, listDir(t, root), "files left in the repository root")
		assert.Contains(t, out, "8 requirements: 5 covered, 2 partial, 0 gap, 1 unreached")
		assert.Contains(t, out, "OP-5  unreached")
		assert.Contains(t, out, "ISO 8.13 equal (implemented)")
	})

	t.Run("service", func(t *testing.T) {
		// The handler is tested with httptest in examples/service; here only that the
		// program starts and knows its flags (-h exits 0 after printing them).
		cmd := exec.Command(filepath.Join(bin, "service"), "-h")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		assert.Contains(t, string(out), "-addr")
	})
}

// listDir returns the names in dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Name()
	}
	return names
}

// TestExamplesCopyable checks that no example imports a package a copy outside this
// module could not: an internal/ package of the module.
func TestExamplesCopyable(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("*", "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	fset := token.NewFileSet()
	for _, f := range files {
		ast, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		require.NoError(t, err, f)
		for _, imp := range ast.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			assert.False(t, strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal"), "%s imports %s", f, p)
		}
	}
}
