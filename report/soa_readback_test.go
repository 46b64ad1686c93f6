package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// The statement of applicability this package writes, as CSV and as an XLSX
// workbook, reads back (crosswalk.ReadAssessment) as the assessment it was made from:
// every status, justification and owner (an audit found it refused: its "control"
// and "annex_a" columns were taken for a control assessed twice, and its
// justification columns were ignored). Editing the SoA and feeding it back is the
// round trip an auditor asks for.
func TestSoAReadsBack(t *testing.T) {
	orig := exampleAssessment(t, "small-company.csv")
	soa, err := crosswalk.Default().SoA(orig)
	require.NoError(t, err)
	for _, f := range []Format{CSV, XLSX} {
		t.Run(f.String(), func(t *testing.T) {
			data := render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, f, Options{}) })
			back, err := crosswalk.ReadAssessment("soa"+f.Ext(), bytes.NewReader(data), nil)
			require.NoError(t, err)
			require.Equal(t, orig.Len(), back.Len())
			for e := range orig.All() {
				got, ok := back.Entry(e.Control)
				require.True(t, ok, e.Control.String())
				assert.Equal(t, e.Status, got.Status, e.Control.String())
				assert.Equal(t, e.Justification, got.Justification, e.Control.String())
				assert.Equal(t, e.Owner, got.Owner, e.Control.String())
				assert.Equal(t, e.Evidence, got.Evidence, e.Control.String())
			}
		})
	}
}

// A SoA of an incomplete assessment (its unrated controls written "not-assessed")
// reads back too, the unrated controls left unrated (a new-user test found it
// refused with 92 errors: a draft SoA is the common case).
func TestSoAOfIncompleteAssessmentReadsBack(t *testing.T) {
	orig, err := crosswalk.ReadAssessmentCSV("one.csv", strings.NewReader("control,status\n5.1,implemented\n"), nil)
	require.NoError(t, err)
	soa, err := crosswalk.Default().SoA(orig)
	require.NoError(t, err)
	for _, f := range []Format{CSV, XLSX} {
		t.Run(f.String(), func(t *testing.T) {
			data := render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, f, Options{}) })
			back, err := crosswalk.ReadAssessment("soa"+f.Ext(), bytes.NewReader(data), nil)
			require.NoError(t, err)
			assert.Equal(t, 1, back.Len())
			assert.Equal(t, orig.NotAssessedCount(), back.NotAssessedCount())
		})
	}
}
