package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./report -update")
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (run go test ./report -update and review the diff)\n%s", path, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

// exampleAssessment reads examples/assessments/<name> from the module root.
func exampleAssessment(t testing.TB, name string, opts ...crosswalk.ReadOption) *crosswalk.Assessment {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "examples", "assessments", name))
	require.NoError(t, err)
	defer f.Close()
	a, err := crosswalk.ReadAssessmentCSV(name, f, nil, opts...)
	require.NoError(t, err)
	return a
}

func smallGap(t testing.TB, target catalog.FrameworkID, opts ...crosswalk.GapOption) *crosswalk.GapResult {
	t.Helper()
	res, err := crosswalk.Default().Gap(exampleAssessment(t, "small-company.csv"), target, opts...)
	require.NoError(t, err)
	return res
}

// hostileNote is user text that must come out as text in every format.
const hostileNote = "<script>alert(1)</script> | pipe\nsecond line & \"quotes\" `code`"

// hostileAssessment rates every ISO/IEC 27002:2022 control implemented, except 5.1
// (partial, with hostileNote in every free-text field) and 7.4 (not applicable, with
// the note as justification).
func hostileAssessment(t testing.TB) *crosswalk.Assessment {
	t.Helper()
	var entries []crosswalk.Entry
	for c := range catalog.Default().Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		e := crosswalk.Entry{Control: c.Ref, Status: crosswalk.Implemented}
		switch c.Ref.ID {
		case "5.1":
			e.Status = crosswalk.Partial
			e.Owner, e.Evidence, e.Notes = hostileNote, hostileNote, hostileNote
		case "7.4":
			e.Status = crosswalk.NotApplicable
			e.Justification = hostileNote
		}
		entries = append(entries, e)
	}
	a, err := crosswalk.NewAssessment(nil, catalog.ISO27002v2022, entries...)
	require.NoError(t, err)
	return a
}

func smallSoA(t testing.TB) *crosswalk.SoA {
	t.Helper()
	// Related: CSF 2.0 only, so that the golden files are the same with -tags nocis.
	soa, err := crosswalk.Default().SoA(exampleAssessment(t, "small-company.csv"), catalog.CSF20)
	require.NoError(t, err)
	return soa
}
