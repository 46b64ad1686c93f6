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

// handPosture is a posture built by hand: two rows sharing a note, one limited
// to IG1, and one recommendation moving items in both targets.
func handPosture() *crosswalk.Posture {
	return &crosswalk.Posture{
		Baseline: catalog.ISO27002v2022, Policy: crosswalk.Strict, Derived: true,
		Rows: []crosswalk.PostureRow{
			{Target: catalog.CSF20, Name: "CSF", Summary: crosswalk.Summary{Total: 10, Covered: 4, Partial: 3, Gap: 1, Unreached: 2, Applicable: 10, CoveragePercent: 40},
				Notes: []string{"shared note", "csf note"}},
			{Target: "cis:8", Name: "CIS =evil", Limit: "IG1", Summary: crosswalk.Summary{Total: 3, Covered: 1, NotApplicable: 1, Gap: 1, Applicable: 2, CoveragePercent: 50},
				Notes: []string{"shared note"}},
		},
		Recommendations: []crosswalk.PostureRecommendation{{Control: "5.16", Title: "Identity management", Status: crosswalk.Planned, Gain: 3,
			Moves: []crosswalk.PostureMove{{Target: catalog.CSF20, Items: 2}, {Target: "cis:8", Items: 1}}}},
	}
}

func TestHandPostureText(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, handPosture(), Options{}) }))
	assert.Equal(t, ""+
		"Posture of iso27002:2022 (policy strict, derived on): 2 rows\n"+
		"TARGET        NAME       LIMIT  ITEMS  COVERED  PARTIAL  GAP  UNREACHED  N/A  COVERAGE  POLICY\n"+
		"nist-csf:2.0  CSF               10     4        3        1    2          0    40.0%     strict\n"+
		"cis:8         CIS =evil  IG1    3      1        0        1    0          1    50.0%     strict\n"+
		"\n"+
		"Note: shared note\n"+
		"\n"+
		"Note: csf note\n"+
		"\n"+
		"Implement next, for every target together:\n"+
		"RANK  CONTROL  STATUS   GAIN  TITLE                MOVES\n"+
		"1     5.16     planned  3     Identity management  nist-csf:2.0 2, cis:8 1\n"+
		"\n"+
		"Cumulative: each row assumes the controls of the rows above it are implemented. Gain: the levels the items of every target move "+
		"(gap → partial 1, partial → covered 1, gap → covered 2), every item weighing 1 (unlike gap and recommend, no CIS implementation "+
		"group weighs more); moves: the number of items moved up, per target.\n", s)
}

func TestHandPostureMarkdownAndCSV(t *testing.T) {
	p := handPosture()
	md := string(render(t, func(b *bytes.Buffer) error { return PostureMarkdown(b, p) }))
	assert.True(t, strings.HasPrefix(md, "## Posture of iso27002:2022 (policy strict, derived on): 2 rows\n\n"+
		"| target | name | limit | items | covered | partial | gap | unreached | n/a | coverage | policy |\n"), md)
	assert.Contains(t, md, "| cis:8 | CIS =evil | IG1 | 3 | 1 | 0 | 1 | 0 | 1 | 50.0% | strict |\n")
	assert.Contains(t, md, "\n## Implement next, for every target together\n\n")
	assert.Equal(t, 1, strings.Count(md, "Note: shared note"), "a note shared by two rows once")

	rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return PostureCSV(b, p) }))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"target", "name", "limit", "items", "covered", "partial", "gap", "unreached", "n/a", "coverage", "policy"},
		{"nist-csf:2.0", "CSF", "", "10", "4", "3", "1", "2", "0", "40.0%", "strict"},
		{"cis:8", "CIS =evil", "IG1", "3", "1", "0", "1", "0", "1", "50.0%", "strict"},
	}, rows, "=evil inside a cell is not a formula start")

	var back crosswalk.Posture
	require.NoError(t, codec.DecodeStrict(render(t, func(b *bytes.Buffer) error { return PostureJSON(b, p) }), &back))
	assert.Equal(t, *p, back, "the JSON contract reads back to the same posture")
}

func TestEmptyPosture(t *testing.T) {
	p := &crosswalk.Posture{Baseline: catalog.ISO27002v2022, Policy: crosswalk.Auto}
	s := string(render(t, func(b *bytes.Buffer) error { return PostureTable(b, p, Options{}) }))
	assert.Equal(t, "Posture of iso27002:2022 (policy auto, derived off): 0 rows\n"+
		"TARGET  NAME  LIMIT  ITEMS  COVERED  PARTIAL  GAP  UNREACHED  N/A  COVERAGE  POLICY\n"+
		"\n"+
		"Implement next, for every target together:\n"+
		"RANK  CONTROL  STATUS  GAIN  TITLE  MOVES\n", s)
	c := string(render(t, func(b *bytes.Buffer) error { return PostureCSV(b, p) }))
	assert.Equal(t, "target,name,limit,items,covered,partial,gap,unreached,n/a,coverage,policy\n", c)
}

// handOverlap is two frameworks, one pair each way and no self pair.
func handOverlap(derived bool) *crosswalk.Overlap {
	return &crosswalk.Overlap{
		Frameworks: []catalog.FrameworkID{"a:1", "b:1"},
		Derived:    derived,
		Pairs: []crosswalk.OverlapPair{
			{From: "a:1", To: "b:1", Items: 8, Published: 3, PublishedPercent: 37.5, Derived: 5, DerivedPercent: 62.5, Unreached: []string{"B-1", "-B2"}},
			{From: "b:1", To: "a:1", Items: 4, Published: 0},
		},
	}
}

func TestHandOverlapMatrix(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return OverlapTable(b, handOverlap(false), Options{}) }))
	assert.Equal(t, overlapHeading+"\n"+
		"FROM \\ TO  A:1       B:1\n"+
		"a:1        —         3/8 37.5%\n"+
		"b:1        0/4 0.0%  —\n", s)
	s = string(render(t, func(b *bytes.Buffer) error { return OverlapTable(b, handOverlap(true), Options{}) }))
	assert.Contains(t, s, "3/8 37.5% (with derived 62.5%)")
	assert.Contains(t, s, "0/4 0.0% (with derived 0.0%)")
	md := string(render(t, func(b *bytes.Buffer) error { return OverlapMarkdown(b, handOverlap(false)) }))
	assert.Equal(t, "## "+overlapHeading+"\n\n"+
		"| from \\\\ to | a:1 | b:1 |\n| --- | --- | --- |\n"+
		"| a:1 | — | 3/8 37.5% |\n"+
		"| b:1 | 0/4 0.0% | — |\n", md)
}

func TestHandOverlapCSV(t *testing.T) {
	for _, derived := range []bool{false, true} {
		rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return OverlapCSV(b, handOverlap(derived)) }))).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, 3)
		assert.Equal(t, []string{"from", "to", "items", "published", "published_percent", "derived", "derived_percent", "unreached"}, rows[0])
		d, dp := "", ""
		if derived {
			d, dp = "5", "62.5"
		}
		assert.Equal(t, []string{"a:1", "b:1", "8", "3", "37.5", d, dp, "B-1;-B2"}, rows[1], "derived %v", derived)
		assert.Equal(t, "0.0", rows[2][4])
	}
	var b bytes.Buffer
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderOverlap(&b, nil, f, Options{}), "no overlap", f)
	}
	assert.ErrorIs(t, RenderOverlap(&b, handOverlap(false), XLSX, Options{}), ErrUnsupported)
}

// TestHandOverlapCarried: a cell some of whose items only an edge carried across an
// identity succession reaches is named under the matrix, in every form; a matrix
// without one says nothing more (TestHandOverlapMatrix).
func TestHandOverlapCarried(t *testing.T) {
	o := handOverlap(false)
	o.Pairs[0].Carried = 1
	const line = "As gap and map do, a cell counts an edge published for another edition with the same IDs and carried across " +
		"the identity succession between them (CIS v8 and v8.1). Items reached only by such edges: a:1 → b:1 1 of 3."
	s := string(render(t, func(b *bytes.Buffer) error { return OverlapTable(b, o, Options{}) }))
	assert.True(t, strings.HasSuffix(s, "\n\n"+line+"\n"), s)
	md := string(render(t, func(b *bytes.Buffer) error { return OverlapMarkdown(b, o) }))
	assert.True(t, strings.HasSuffix(md, "\n\n"+line+"\n"), md)
	assert.Equal(t, "", overlapCarried(handOverlap(false)))
	rows := overlapRows(o)
	assert.Equal(t, "a:1 reaches 3 of the 8 items of b:1 by published mappings (1 of them only by edges published for another edition with the same IDs)", rows[0].Cells[1].Title)
}
