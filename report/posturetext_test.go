package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// smallPosture is "posture --assessment small-company.csv --target csf --target nis2".
func smallPosture(t *testing.T) *crosswalk.Posture {
	t.Helper()
	p, err := crosswalk.Default().Posture(exampleAssessment(t, "small-company.csv"), crosswalk.WithTargets(catalog.CSF20, catalog.NIS2v2024))
	require.NoError(t, err)
	require.Len(t, p.Rows, 2)
	return p
}

func TestPostureFormats(t *testing.T) {
	p := smallPosture(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "posture-small"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderPosture(b, p, f, Options{Width: 100}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderPosture(&b, p, HTML, Options{}), ErrUnsupported, "the page takes the overlap too: PostureHTML")
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderPosture(&b, nil, f, Options{}), "no posture", f)
	}
}

func TestPostureTable(t *testing.T) {
	p := smallPosture(t)
	s := string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, p, Options{Width: 120}) }))
	assertFits(t, s, 120)
	assert.True(t, strings.HasPrefix(s, "Posture of iso27002:2022 (policy auto, derived off): 2 rows\nTARGET "), s)
	// The CSF row is the gap analysis of the same assessment: 67 of 105 applicable
	// items covered, 63.8 %.
	assert.Contains(t, s, "\nnist-csf:2.0  NIST Cybersecurity Framework 2.0  ")
	assert.Contains(t, s, "  106    67       25       4    9          1    63.8%     auto\n")
	assert.Contains(t, s, "\n\nImplement next, for every target together:\nRANK  CONTROL")
	flat := strings.Join(strings.Fields(s), " ") // the notes wrap to the width
	for _, r := range p.Rows {
		require.NotEmpty(t, r.Notes, "the covered items NIST and ENISA also map to clauses: %s", r.Target)
		for _, n := range r.Notes {
			assert.Equal(t, 1, strings.Count(flat, " Note: "+n+" "), "each note once: %s", n)
		}
	}
	md := string(render(t, func(b *bytes.Buffer) error { return PostureMarkdown(b, p) }))
	assert.True(t, strings.HasPrefix(md, "## Posture of iso27002:2022 (policy auto, derived off): 2 rows\n\n| target | name |"), md)
	assert.Contains(t, md, "\n## Implement next, for every target together\n\n| rank | control |")
}

func TestPostureCSVAndJSON(t *testing.T) {
	p := smallPosture(t)
	var b bytes.Buffer
	require.NoError(t, PostureCSV(&b, p))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"target", "name", "limit", "items", "covered", "partial", "gap", "unreached", "n/a", "coverage", "policy"}, rows[0])
	assert.Equal(t, []string{"nist-csf:2.0", "NIST Cybersecurity Framework 2.0", "", "106", "67", "25", "4", "9", "1", "63.8%", "auto"}, rows[1])

	b.Reset()
	require.NoError(t, PostureJSON(&b, p))
	var back crosswalk.Posture
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &back))
	assert.Equal(t, p.Rows[0].Summary.Covered, back.Rows[0].Summary.Covered)
	assert.Len(t, back.Recommendations, len(p.Recommendations))
}

// smallOverlap is "overlap --framework iso27002 --framework csf --framework nis2".
func smallOverlap(t *testing.T, opts ...crosswalk.DerivedOption) *crosswalk.Overlap {
	t.Helper()
	o, err := crosswalk.Default().Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CSF20, catalog.NIS2v2024}, opts...)
	require.NoError(t, err)
	return o
}

func TestOverlapFormats(t *testing.T) {
	o := smallOverlap(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "overlap-iso-csf-nis2"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderOverlap(b, o, f, Options{Width: 100}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderOverlap(&b, o, XLSX, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderOverlap(&b, nil, f, Options{}), "no overlap", f)
	}
}

func TestOverlapMatrix(t *testing.T) {
	o := smallOverlap(t)
	s := string(render(t, func(b *bytes.Buffer) error { return OverlapTable(b, o, Options{Width: 200}) }))
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	require.Len(t, lines, 5, "a heading, a header and one row per framework")
	assert.Equal(t, overlapHeading, lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "FROM \\ TO"), lines[1])
	for i, fw := range o.Frameworks {
		row := lines[2+i]
		assert.True(t, strings.HasPrefix(row, string(fw)+" "), row)
		assert.Contains(t, row, "—", "no pair with itself")
	}
	for _, p := range o.Pairs {
		assert.Contains(t, s, itoa(p.Published)+"/"+itoa(p.Items)+" "+pct(p.PublishedPercent), p.From+" → "+p.To)
	}

	d := smallOverlap(t, crosswalk.WithDerived(3))
	require.True(t, d.Derived)
	s = string(render(t, func(b *bytes.Buffer) error { return OverlapTable(b, d, Options{}) }))
	assert.Contains(t, s, "(with derived ")
	var b bytes.Buffer
	require.NoError(t, OverlapCSV(&b, d))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.NotEmpty(t, rows[1][5], "derived counts are filled with derived paths")
	b.Reset()
	require.NoError(t, OverlapCSV(&b, o))
	rows, err = csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Empty(t, rows[1][5], "and empty without")
}
