package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func TestPageCSS(t *testing.T) {
	tests := []struct {
		paper     string
		landscape bool
		want      string
	}{
		{"", false, ""},
		{"", true, "@page{size:landscape}"},
		{"A4", false, "@page{size:A4}"},
		{" a4 ", true, "@page{size:A4 landscape}"},
		{"LETTER", false, "@page{size:letter}"},
		{"Letter", true, "@page{size:letter landscape}"},
	}
	for _, tt := range tests {
		got, err := Options{Paper: tt.paper, Landscape: tt.landscape}.pageCSS()
		require.NoError(t, err, tt.paper)
		assert.Equal(t, tt.want, got, "%q landscape %v", tt.paper, tt.landscape)
	}
	_, err := Options{Paper: "A3"}.pageCSS()
	assert.ErrorIs(t, err, ErrPaper)
	assert.ErrorContains(t, err, `"A3" (want A4 or Letter)`)
}

// A paper size the pages do not know is an error of every page, before anything
// is written.
func TestPagesRejectUnknownPaper(t *testing.T) {
	var b strings.Builder
	err := GapHTML(&b, handGap(), Options{Paper: "B5"})
	assert.ErrorIs(t, err, ErrPaper)
	assert.Zero(t, b.Len())
}

func TestDocFields(t *testing.T) {
	fs := docFields(crosswalk.SoADocument{Organization: "ACME", Date: "2026-01-01"})
	assert.Equal(t, []docField{
		{Label: "Organisation", Key: "organization", Value: "ACME"},
		{Label: "Scope", Key: "scope"},
		{Label: "Version", Key: "version"},
		{Label: "Date", Key: "date", Value: "2026-01-01"},
		{Label: "Approved by", Key: "approved_by"},
	}, fs)
	assert.Equal(t, "ACME", fs[0].Shown())
	assert.Equal(t, "not given", fs[1].Shown())
	for i, k := range []string{"organization", "scope", "version", "date", "approved_by"} {
		assert.Equal(t, k, soaCSVHeader[len(soaCSVHeader)-5+i], "the CSV's last columns are the document fields")
	}
}

func TestSheetName(t *testing.T) {
	assert.Equal(t, "nist-csf 2.0", sheetName("nist-csf:2.0"))
	assert.Equal(t, "a b c d e(f)", sheetName(`a/b\c?d*e[f]`))
	long := strings.Repeat("x", 40)
	assert.Equal(t, long[:31], sheetName(long), "at most 31 characters")
}

func TestSheetNameKeepsUTF8(t *testing.T) {
	// 20 runes, 40 bytes: a cut at 31 bytes falls inside a rune.
	got := sheetName(strings.Repeat("é", 20))
	assert.True(t, utf8.ValidString(got), "cut inside a character: %q", got)
	assert.Equal(t, strings.Repeat("é", 20), got, "20 characters fit")
	long := sheetName(strings.Repeat("é", 40))
	assert.True(t, utf8.ValidString(long))
	assert.Equal(t, 31, utf8.RuneCountInString(long))
}

func TestPostureAnchorAndBar(t *testing.T) {
	assert.Equal(t, "fw-nist-csf-2-0", postureAnchor("nist-csf:2.0"))
	assert.Equal(t, "fw-a-b-c", postureAnchor("a/b.c"))
	assert.Equal(t, "0%", barWidth(3, 0), "no items: an empty bar, no division by zero")
	assert.Equal(t, "33.33%", barWidth(1, 3))
	assert.Equal(t, "100.00%", barWidth(4, 4))
}

// The detailed sections of a posture page: one per gap result, nil ones
// skipped, each roll-up with the band of its own percentage.
func TestPostureDetails(t *testing.T) {
	g := &crosswalk.GapResult{Target: catalog.CSF20, Groups: []crosswalk.Rollup{
		{ID: "GV", Title: "Govern", Kind: "function", Total: 5, Covered: 4, Gap: 1, CoveragePercent: 80},
		{ID: "PR", Title: "Protect", Kind: "function", Total: 2, NotApplicable: 2},
	}}
	ds := postureDetails(catalog.Default(), []*crosswalk.GapResult{nil, g, nil})
	require.Len(t, ds, 1)
	assert.Equal(t, "nist-csf:2.0", ds[0].ID)
	assert.Equal(t, "fw-nist-csf-2-0", ds[0].Anchor)
	assert.Equal(t, frameworkName(catalog.Default(), catalog.CSF20), ds[0].Name)
	assert.Equal(t, []postureGroup{
		{ID: "GV", Title: "Govern", Kind: "function", Pct: "80.0%", Total: 5, Covered: 4, Gap: 1, Band: 4},
		{ID: "PR", Title: "Protect", Kind: "function", Pct: "n/a", Total: 2, NA: 2, Band: -1},
	}, ds[0].Groups)
	assert.Empty(t, postureDetails(catalog.Default(), nil))
}

func TestWrapLabelCases(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"", 10, ""},
		{"short", 10, "short"},
		{"a b c d e f g h", 3, "a b\nc d\ne f …"},
		{"averyveryverylongword next", 5, "averyveryverylongword\nnext"},
		{"  spaced\tout\n", 20, "spaced out"},
		{"ä ö ü", 3, "ä ö\nü"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wrapLabel(tt.in, tt.width), "%q at %d", tt.in, tt.width)
	}
}
