package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// handGap is a gap result built by hand, so that every number a renderer shows
// can be checked against it: four items of NIST CSF 2.0 (one covered, one gap with
// a hostile title, one unreached, one not applicable), one control not assessed
// and one recommendation. Of the 3 applicable items 1 is covered: 33.3 %.
func handGap() *crosswalk.GapResult {
	covered := crosswalk.GapItem{ID: "GV.PO-01", Title: "Policy is established", Status: crosswalk.ItemCovered, Rule: crosswalk.RuleStrict}
	covered.SetVia([]crosswalk.Link{{From: isoRef("5.1"), To: csfRef("GV.PO-01"), FromTitle: "Policies for information security",
		Relationship: mappings.Equal, Status: crosswalk.Implemented, Basis: crosswalk.BasisPublished, Sources: []string{"src-x"}}})
	gap := crosswalk.GapItem{ID: "PR.AA-01", Title: "=HYPERLINK(\"http://x\") <b>ids</b> | pipe", Status: crosswalk.ItemGap, Rule: crosswalk.RuleStrict}
	gap.SetVia([]crosswalk.Link{
		{From: isoRef("5.16"), To: csfRef("PR.AA-01"), FromTitle: "Identity management", Relationship: mappings.SubsetOf,
			Status: crosswalk.NotImplemented, Basis: crosswalk.BasisPublished, Sources: []string{"src-x", "src-y"}},
		{From: isoRef("5.2"), To: csfRef("PR.AA-01"), Relationship: mappings.Related, Status: crosswalk.NotAssessed,
			Basis: crosswalk.BasisAncestor, Ancestor: csfRef("PR.AA")},
	})
	return &crosswalk.GapResult{
		Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Policy: crosswalk.Strict,
		Summary: crosswalk.Summary{Total: 4, Covered: 1, Gap: 1, Unreached: 1, NotApplicable: 1, Applicable: 3,
			CoveredPercent: 33.3, GapPercent: 33.3, UnreachedPercent: 33.3, CoveragePercent: 33.3},
		Items: []crosswalk.GapItem{covered, gap,
			{ID: "DE.CM-01", Title: "Networks are monitored", Status: crosswalk.ItemUnreached,
				Statements: []string{"no-reference: none given"}, Outside: []string{"iso27001:2022/9.1"}},
			{ID: "ID.AM-01", Title: "Inventories", Status: crosswalk.ItemNotApplicable, Rule: crosswalk.RuleStrict},
		},
		Unreached:   []string{"DE.CM-01"},
		NotAssessed: []string{"5.2"},
		Recommendations: []crosswalk.Recommendation{{Control: "5.16", Title: "Identity management", Status: crosswalk.NotImplemented, Gain: 2,
			Moves: []crosswalk.Move{{ID: "PR.AA-01", From: crosswalk.ItemGap, To: crosswalk.ItemCovered, Weight: 1}}}},
	}
}

const monitoringClause = "iso27001:2022/9.1 Monitoring, measurement, analysis and evaluation"

func TestHandGapCSV(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return GapCSV(b, handGap(), Options{}) })
	rows, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 5)
	assert.Equal(t, []string{"GV.PO-01", "Policy is established", "covered", "5.1 Policies for information security (equal, implemented)",
		"", "src-x", "", "", "strict", "false", "iso27002:2022", "nist-csf:2.0", ""}, rows[1])
	assert.Equal(t, []string{"PR.AA-01", "'=HYPERLINK(\"http://x\") <b>ids</b> | pipe", "gap",
		"5.16 Identity management (subset-of, not-implemented)", "5.2 (related at PR.AA, not-assessed)",
		"src-x; src-y", "", "", "strict", "false", "iso27002:2022", "nist-csf:2.0", ""}, rows[2], "a title starting with = is quoted")
	assert.Equal(t, []string{"DE.CM-01", "Networks are monitored", "unreached", "", "", "", "no-reference: none given",
		monitoringClause, "strict"}, rows[3][:9])
	assert.Equal(t, "not-applicable", rows[4][2])
}

func TestHandGapMarkdown(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error {
		return GapMarkdown(b, handGap(), Options{Assessment: "a|b.csv", Generated: "2026-01-02"})
	}))
	for _, want := range []string{
		"# Gap analysis: ISO/IEC 27002:2022 against ",
		"- Policy: strict — an item is covered when an implemented control is equal to it or a superset of it",
		"- Derived mappings: off\n",
		"- Assessment: a\\|b.csv\n",
		"- Generated: 2026-01-02\n",
		"| covered | 1 | 33.3 % |\n",
		"| gap | 1 | 33.3 % |\n",
		"| not-applicable | 1 |  |\n",
		"| **total** | 4 |  |\n",
		"Coverage: **33.3 %** of 3 applicable items covered.",
		"| PR.AA-01 | =HYPERLINK(\"http://x\") &lt;b&gt;ids&lt;/b&gt; \\| pipe | gap | 5.16 Identity management (subset-of, not-implemented) | 5.2 (related at PR.AA, not-assessed) |\n",
		"- **DE.CM-01** Networks are monitored — the source states: no-reference: none given — mapped only outside the baseline: " + monitoringClause + "\n",
		"They count as not implemented.\n\n- **5.2** Information security roles and responsibilities\n",
		"| 1 | 5.16 | Identity management | not-implemented | 2 | PR.AA-01 gap → covered |\n",
		"## Sources\n\n- src-x — src-x\n- src-y — src-y\n",
	} {
		assert.Contains(t, s, want)
	}
	assert.NotContains(t, s, "Coverage by group", "no roll-ups, no section")
	assert.NotContains(t, s, "<b>", "HTML in a title is escaped")
}

func TestHandGapTable(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, handGap(), Options{Width: 60}) }))
	assert.Contains(t, s, "\nCoverage 33.3% (1 of 3 applicable items covered)\n")
	assert.Contains(t, s, "\nItems not covered (2 of 3 applicable), and 1 not applicable:\n", "lists the not-applicable item too, and says so")
	assert.NotContains(t, s, "GV.PO-01", "a covered item is not listed")
	assert.Contains(t, s, "Unreached: No ISO/IEC 27002:2022 control maps here in")
	assert.Contains(t, s, "\n  DE.CM-01\n")
	assert.Contains(t, s, "\nNot assessed (count as not implemented): 5.2\n")
	assert.NotContains(t, s, "5.2 (related at PR.AA", "context reaches are not listed as reaching")
	// Everything fits the width: the title and the header lines wrap at spaces
	// like the paragraphs, the tables share out their columns.
	assertFits(t, s, 60)
	assert.True(t, strings.HasPrefix(s, "Gap analysis: ISO/IEC 27002:2022 against NIST Cybersecurity\nFramework 2.0\n"), s)
	assert.Contains(t, s, "\nTarget:   NIST Cybersecurity Framework 2.0 (nist-csf:2.0)\n")
	// The gap row: its reach wraps within REACHED BY (a word longer than the
	// column is broken), nothing is cut.
	_, reached := tableColumns(t, s, "ID", "TITLE", "REACHED BY")
	noSpace := strings.NewReplacer(" ", "")
	assert.Equal(t, noSpace.Replace("5.16 Identity management (subset-of, not-implemented)"), noSpace.Replace(reached["PR.AA-01"]))
}

// The JSON contract reads back into the same result: summary, items with their
// links, lists.
func TestHandGapJSONRoundTrip(t *testing.T) {
	res := handGap()
	data := render(t, func(b *bytes.Buffer) error { return GapJSON(b, res) })
	var back crosswalk.GapResult
	require.NoError(t, codec.DecodeStrict(data, &back))
	assert.Equal(t, res.Summary, back.Summary)
	assert.Equal(t, res.Unreached, back.Unreached)
	assert.Equal(t, res.NotAssessed, back.NotAssessed)
	assert.Equal(t, res.Recommendations, back.Recommendations)
	require.Len(t, back.Items, 4)
	for i, it := range res.Items {
		assert.Equal(t, it.ID, back.Items[i].ID)
		assert.Equal(t, it.Title, back.Items[i].Title)
		assert.Equal(t, it.Status, back.Items[i].Status)
		assert.Equal(t, it.Statements, back.Items[i].Statements)
		want, got := it.Via(), back.Items[i].Via()
		require.Len(t, got, len(want), it.ID)
		for k := range want {
			assert.Equal(t, want[k].From, got[k].From, it.ID)
			assert.Equal(t, want[k].Relationship, got[k].Relationship, it.ID)
			assert.Equal(t, want[k].Status, got[k].Status, it.ID)
			assert.Equal(t, want[k].Ancestor.ID, got[k].Ancestor.ID, it.ID)
		}
	}
	// Rendering the decoded result again gives the same bytes.
	assert.Equal(t, string(data), string(render(t, func(b *bytes.Buffer) error { return GapJSON(b, &back) })))
}

func TestHandGapHTML(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, handGap(), Options{Title: "T <i>x</i>"}) }))
	assert.NotContains(t, s, "<b>ids</b>")
	assert.NotContains(t, s, "<i>x</i>")
	assert.Contains(t, s, "T &lt;i&gt;x&lt;/i&gt;")
	assert.Equal(t, []string{"PR.AA-01"}, extract(s, `data-status="gap"`))
	assert.Equal(t, []string{"DE.CM-01"}, extract(s, `data-status="unreached"`))
	assert.Equal(t, []string{"GV.PO-01"}, extract(s, `data-status="covered"`))
}

// Every column of the Items and Recommendations sheets holds one type: text as
// text (a title that looks like a formula too), counts as numbers, derived as a
// boolean; no cell is a formula.
func TestHandGapXLSXCellTypes(t *testing.T) {
	f := openXLSX(t, render(t, func(b *bytes.Buffer) error { return GapXLSX(b, handGap(), Options{}) }))
	typ := func(sheet, ref string) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType(sheet, ref)
		require.NoError(t, err)
		return ct
	}
	isText := func(ct excelize.CellType) bool {
		return ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString
	}
	isNumber := func(ct excelize.CellType) bool { return ct == excelize.CellTypeNumber || ct == excelize.CellTypeUnset }

	v, err := f.GetCellValue(SheetItems, "B3")
	require.NoError(t, err)
	assert.Equal(t, "=HYPERLINK(\"http://x\") <b>ids</b> | pipe", v, "text as it is, no apostrophe in a workbook")
	assert.True(t, isText(typ(SheetItems, "B3")))
	formula, err := f.GetCellFormula(SheetItems, "B3")
	require.NoError(t, err)
	assert.Empty(t, formula)
	v, err = f.GetCellValue(SheetItems, "D3")
	require.NoError(t, err)
	assert.Equal(t, "5.16 Identity management (subset-of, not-implemented)", v)
	v, err = f.GetCellValue(SheetItems, "F3")
	require.NoError(t, err)
	assert.Equal(t, "src-x\nsrc-y", v, "lists one entry a line")
	for row := 2; row <= 5; row++ {
		ref, _ := excelize.CoordinatesToCellName(10, row)
		assert.Equal(t, excelize.CellTypeBool, typ(SheetItems, ref), ref)
	}
	// Recommendations: rank, gain and weight are numbers.
	rows, err := f.GetRows(SheetRecommendations)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"1", "5.16", "Identity management", "not-implemented", "2", "PR.AA-01", "gap", "covered", "1"}, rows[1])
	for _, ref := range []string{"A2", "E2", "I2"} {
		assert.True(t, isNumber(typ(SheetRecommendations, ref)), ref)
	}
	assert.True(t, isText(typ(SheetRecommendations, "B2")))
	assert.Equal(t, "Item moved: "+movesOf(catalog.Default(), catalog.CSF20), rows[0][5])
	// No roll-ups: the Groups sheet has its header only.
	groups, err := f.GetRows(SheetGroups)
	require.NoError(t, err)
	assert.Len(t, groups, 1)
}

// A result with nothing in it still renders in every format, saying so, and with
// no percentage made up.
func TestEmptyGapEveryFormat(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Policy: crosswalk.Auto}
	for _, f := range GapFormats() {
		out := render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, f, Options{}) })
		assert.NotEmpty(t, out, f)
		if f.Binary() {
			continue
		}
		assert.NotContains(t, string(out), "NaN", f)
	}
	md := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, md, "Coverage: **n/a** (nothing applicable: no item is within the limits).", "no share of nothing")
	assert.Contains(t, md, "| covered | 0 | n/a |")
	assert.Contains(t, md, "None: every item is reached by some baseline control.")
	assert.NotContains(t, md, "## Sources")
	tbl := string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{}) }))
	assert.Contains(t, tbl, "Items not covered (0 of 0 applicable):\nID  STATUS  TITLE")
	assert.Contains(t, tbl, "\nCoverage n/a (nothing applicable: no item is within the limits)\n")
	assert.NotContains(t, tbl, "0.0%")
	assert.NotContains(t, tbl, "Unreached:")
	c := render(t, func(b *bytes.Buffer) error { return GapCSV(b, res, Options{}) })
	assert.Equal(t, strings.Join(gapCSVHeader, ",")+"\n", string(c))
}

func TestNilResultsAreErrors(t *testing.T) {
	var b bytes.Buffer
	for _, f := range GapFormats() {
		err := RenderGap(&b, nil, f, Options{})
		require.Error(t, err, f)
		assert.Contains(t, err.Error(), "no gap result to render", f)
		err = RenderSoA(&b, nil, f, Options{})
		require.Error(t, err, f)
		assert.Contains(t, err.Error(), "no statement of applicability to render", f)
	}
	assert.Zero(t, b.Len(), "nothing written")
}
