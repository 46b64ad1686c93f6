package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func TestNewNodeView(t *testing.T) {
	c, ok := catalog.Default().Control(catalog.NewRef(catalog.ISO27002v2022, "8.16"))
	require.True(t, ok)
	assert.Equal(t, NodeView{Ref: "iso27002:2022/8.16", ID: "8.16", Title: "Monitoring activities", Kind: "control"}, NewNodeView(c))
}

func TestFormatLists(t *testing.T) {
	assert.Equal(t, []Format{Table, JSON, CSV, Markdown, HTML, XLSX}, GapFormats())
	assert.Equal(t, []Format{Mermaid, DOT}, PictureFormats())
	res := smallGap(t, catalog.CSF20)
	soa := smallSoA(t)
	for _, f := range GapFormats() {
		assert.NoError(t, RenderGap(&bytes.Buffer{}, res, f, Options{}), "gap as %s", f)
		assert.NoError(t, RenderSoA(&bytes.Buffer{}, soa, f, Options{}), "SoA as %s", f)
	}
	for _, f := range PictureFormats() {
		assert.ErrorIs(t, RenderGap(&bytes.Buffer{}, res, f, Options{}), ErrUnsupported, f)
		assert.ErrorIs(t, RenderSoA(&bytes.Buffer{}, soa, f, Options{}), ErrUnsupported, f)
	}
}

func TestGapMarkdownSectionsWhenEmpty(t *testing.T) {
	// An assessment of two controls: the others are listed as not assessed, and
	// without recommendations the section says none.
	a, err := crosswalk.ReadAssessmentCSV("mini.csv", strings.NewReader("control,status\n8.16,implemented\n8.15,partial\n"), nil)
	require.NoError(t, err)
	res, err := crosswalk.Default().Gap(a, catalog.CSF20, crosswalk.WithRecommendations(0),
		crosswalk.WithScope(catalog.NewRef(catalog.CSF20, "DE.CM")))
	require.NoError(t, err)
	s := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, s, "\n## Controls not assessed\n\nThey count as not implemented.\n\n- **5.1** Policies for information security\n")
	assert.Equal(t, 91, strings.Count(s, "\n- **"), "the 93 controls less the 2 assessed")
	assert.Contains(t, s, "\n## Recommendations\n\nNone.\n")

	// Every control rated: none to list.
	full, err := crosswalk.Default().Gap(hostileAssessment(t), catalog.CSF20)
	require.NoError(t, err)
	s = string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, full, Options{}) }))
	assert.Contains(t, s, "\n## Controls not assessed\n\nNone: the assessment rates every baseline control.\n")
}

func TestMigrationUnknownTitle(t *testing.T) {
	// A migration whose controls the catalog does not know (a user's edition):
	// the title cell is empty, the row is there.
	m := &crosswalk.Migration{From: "x:1", To: "x:2", New: []catalog.Ref{catalog.NewRef("x:2", "N-1")}}
	s := string(render(t, func(b *bytes.Buffer) error { return MigrationTable(b, m, Options{Assessment: "a.csv"}) }))
	assert.Contains(t, s, "\nTO ASSESS AFRESH (1)\nID   TITLE\nN-1\n")
	assert.ErrorContains(t, MigrationJSON(&bytes.Buffer{}, m), "no migration", "no assessment: nothing to write")
	assert.ErrorContains(t, MigrationCSV(&bytes.Buffer{}, m), "no migration")
}
