package crosswalk

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestPercentsNeverLookWholeOrEmpty: rounding half up to a tenth would show 1999 of
// 2000 as 100.0 and 1 of 2000 as 0.0; a part short of the whole is at most 99.9 and
// a part above nothing at least 0.1, while exact ends stay exact.
func TestPercentsNeverLookWholeOrEmpty(t *testing.T) {
	assert.Equal(t, []float64{99.9, 0.1, 0, 100}, percents(2000, 1999, 1, 0, 2000))
	assert.Equal(t, []float64{99.9, 0.1}, percents(1_000_000, 999_999, 1))
	// Ordinary values keep the half-up rule: 27/48 = 56.25 → 56.3, 1/3 → 33.3.
	assert.Equal(t, []float64{56.3, 33.3, 99.9, 0.1}, []float64{percents(48, 27)[0], percents(3, 1)[0], percents(1007, 1006)[0], percents(1007, 1)[0]})
	assert.Equal(t, 99.9, CoveredPercent(1999, 0, 1, 0))
	assert.Equal(t, 0.1, CoveredPercent(1, 0, 1999, 0))
}

// bigTarget is a crosswalk whose target has n flat items: baseline control B1
// equals items 1..n-1, B2 equals item n.
func bigTarget(t *testing.T, n int) *Crosswalk {
	t.Helper()
	tgt := catalog.Framework{ID: "big:1", Name: "big", Version: "1"}
	set := mappings.Set{ID: "base-big", From: fwBase, To: "big:1", Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC"}}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("I%d", i)
		tgt.Controls = append(tgt.Controls, catalog.ControlSpec{ID: id, Title: "item " + id})
		from := "B1"
		if i == n {
			from = "B2"
		}
		set.Edges = append(set.Edges, e(ref(fwBase, from), ref("big:1", id), eq))
	}
	cat, err := catalog.New(flat(fwBase, "B1", "B2"), tgt)
	require.NoError(t, err)
	cw, err := New(cat, set)
	require.NoError(t, err)
	return cw
}

// TestGapOf2000ItemsIsNotWhole: 1999 of 2000 items covered is 99.95 %, which the
// half-up rule alone would show as 100.0 with a gap left; the summary says 99.9 and
// the one gap 0.1.
func TestGapOf2000ItemsIsNotWhole(t *testing.T) {
	cw := bigTarget(t, 2000)
	a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B1"), Status: Implemented},
		Entry{Control: ref(fwBase, "B2"), Status: NotImplemented})
	require.NoError(t, err)
	res, err := cw.Gap(a, "big:1")
	require.NoError(t, err)
	s := res.Summary
	assert.Equal(t, Summary{Total: 2000, Covered: 1999, Gap: 1, Applicable: 2000, CoveredPercent: 99.9, GapPercent: 0.1,
		CoveragePercent: 99.9}, s)
	assert.True(t, s.Measurable())

	a, err = NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B1"), Status: NotImplemented},
		Entry{Control: ref(fwBase, "B2"), Status: Implemented})
	require.NoError(t, err)
	res, err = cw.Gap(a, "big:1")
	require.NoError(t, err)
	assert.Equal(t, 0.1, res.Summary.CoveragePercent, "1 of 2000 covered is not 0.0")
	assert.Equal(t, 99.9, res.Summary.GapPercent)
}

// naTarget is a crosswalk whose target "na:1" has two groups: G (items G-1, G-2,
// reached only by B2) and H (item H-1, reached by B1); and an assessment in which
// B1 is implemented and B2 not applicable.
func naTarget(t *testing.T) (*Crosswalk, *Assessment) {
	t.Helper()
	tgt := catalog.Framework{ID: "na:1", Name: "na", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "G", Title: "Group G", Kind: catalog.KindCategory},
		{ID: "G-1", Title: "item G-1", Kind: catalog.KindSubcategory, Parent: "G"},
		{ID: "G-2", Title: "item G-2", Kind: catalog.KindSubcategory, Parent: "G"},
		{ID: "H", Title: "Group H", Kind: catalog.KindCategory},
		{ID: "H-1", Title: "item H-1", Kind: catalog.KindSubcategory, Parent: "H"},
	}}
	set := mappings.Set{ID: "base-na", From: fwBase, To: "na:1", Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC"},
		Edges: []mappings.Edge{e(ref(fwBase, "B2"), ref("na:1", "G-1"), eq), e(ref(fwBase, "B2"), ref("na:1", "G-2"), sub),
			e(ref(fwBase, "B1"), ref("na:1", "H-1"), eq)}}
	cat, err := catalog.New(flat(fwBase, "B1", "B2"), tgt)
	require.NoError(t, err)
	cw, err := New(cat, set)
	require.NoError(t, err)
	a, err := NewAssessment(cat, fwBase, Entry{Control: ref(fwBase, "B1"), Status: Implemented},
		Entry{Control: ref(fwBase, "B2"), Status: NotApplicable})
	require.NoError(t, err)
	return cw, a
}

// allNotApplicable is the gap result of naTarget limited to group G: nothing in it
// is applicable.
func allNotApplicable(t *testing.T) *GapResult {
	t.Helper()
	cw, a := naTarget(t)
	res, err := cw.Gap(a, "na:1", WithScope(ref("na:1", "G")))
	require.NoError(t, err)
	return res
}

// TestAllNotApplicableGroup: in the whole result, group G (all not applicable) has
// no coverage to show while group H and the summary do.
func TestAllNotApplicableGroup(t *testing.T) {
	cw, a := naTarget(t)
	res, err := cw.Gap(a, "na:1")
	require.NoError(t, err)
	assert.Equal(t, Summary{Total: 3, Covered: 1, NotApplicable: 2, Applicable: 1, CoveredPercent: 100, CoveragePercent: 100}, res.Summary)
	assert.True(t, res.Summary.Measurable())
	require.Len(t, res.Groups, 2)
	assert.Equal(t, Rollup{ID: "G", Title: "Group G", Kind: "category", Total: 2, NotApplicable: 2}, res.Groups[0])
	assert.False(t, res.Groups[0].Measurable())
	assert.Equal(t, Rollup{ID: "H", Title: "Group H", Kind: "category", Total: 1, Covered: 1, CoveragePercent: 100}, res.Groups[1])
	assert.True(t, res.Groups[1].Measurable())
	data, err := codec.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(data), `{"id":"G","title":"Group G","kind":"category","total":2,"covered":0,"partial":0,"gap":0,"unreached":0,"not_applicable":2,"coverage_percent":null}`)
	assert.Contains(t, string(data), `"not_applicable":0,"coverage_percent":100}`)
}

// TestNothingApplicableIsNotMeasurable: a scope whose every item is not applicable
// has no coverage to show; the summary and the roll-up say so (Measurable false),
// and the JSON writes null, not 0, for every share, and reads back.
func TestNothingApplicableIsNotMeasurable(t *testing.T) {
	res := allNotApplicable(t)
	s := res.Summary
	require.Equal(t, Summary{Total: 2, NotApplicable: 2}, s)
	assert.False(t, s.Measurable())
	require.Len(t, res.Groups, 1)
	assert.Equal(t, "G", res.Groups[0].ID)
	assert.False(t, res.Groups[0].Measurable())

	data, err := codec.Marshal(res)
	require.NoError(t, err)
	var raw struct {
		Summary map[string]any   `json:"summary"`
		Groups  []map[string]any `json:"groups"`
	}
	require.NoError(t, json.Unmarshal(data, &raw))
	for _, k := range []string{"covered_percent", "partial_percent", "gap_percent", "unreached_percent", "coverage_percent"} {
		v, ok := raw.Summary[k]
		assert.True(t, ok, k)
		assert.Nil(t, v, "%s is null", k)
	}
	assert.Equal(t, float64(0), raw.Summary["applicable"])
	v, ok := raw.Groups[0]["coverage_percent"]
	assert.True(t, ok)
	assert.Nil(t, v)

	var back GapResult
	require.NoError(t, back.UnmarshalJSON(data))
	assert.Equal(t, res.Summary, back.Summary)
	assert.Equal(t, res.Groups, back.Groups)
	again, err := codec.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))
}

// TestSummaryJSONIsEncodingJSON: the hand-written JSON of a summary and a roll-up is
// what encoding/json writes for the same fields (measurable: numbers), and a brief
// line writes the summary as the full result does.
func TestSummaryJSONIsEncodingJSON(t *testing.T) {
	s := Summary{Total: 106, Covered: 67, Partial: 25, Gap: 4, Unreached: 9, NotApplicable: 1, Applicable: 105,
		CoveredPercent: 63.8, PartialPercent: 23.8, GapPercent: 3.8, UnreachedPercent: 8.6, CoveragePercent: 63.8, DerivedOnly: 2}
	type plainSummary Summary // no methods: encoding/json's own form
	want, err := json.Marshal(plainSummary(s))
	require.NoError(t, err)
	got, err := codec.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	r := Rollup{ID: `G"1`, Title: "Title <&>", Kind: "category", Total: 5, Covered: 3, Gap: 1, NotApplicable: 1, CoveragePercent: 75}
	type plainRollup Rollup
	want, err = json.Marshal(plainRollup(r))
	require.NoError(t, err)
	got, err = codec.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	res := allNotApplicable(t)
	line, err := appendBriefLine(nil, "x", 1, res)
	require.NoError(t, err)
	assert.Contains(t, string(line), `"applicable":0,"covered_percent":null,"partial_percent":null,"gap_percent":null,"unreached_percent":null,"coverage_percent":null}`)
}

// TestPostureNotAssessed: a posture lists the baseline controls the assessment does
// not rate, of how many, as a gap result does.
func TestPostureNotAssessed(t *testing.T) {
	cw := synth(t)
	a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B1"), Status: Implemented})
	require.NoError(t, err)
	p, err := cw.Posture(a, WithTargets(fwTgt))
	require.NoError(t, err)
	assert.Equal(t, []string{"B2", "B3", "B4", "B5", "B6", "B7"}, p.NotAssessed)
	assert.Equal(t, 7, p.BaselineControls)
	g, err := cw.Gap(a, fwTgt)
	require.NoError(t, err)
	assert.Equal(t, g.NotAssessed, p.NotAssessed)
	assert.Equal(t, g.BaselineControls, p.BaselineControls)
}

// TestSummaryWireIsMarshalJSON: the gap contract's wire forms of a summary and a
// roll-up (no method calls on the hot path) write what their MarshalJSON writes,
// measurable or not.
func TestSummaryWireIsMarshalJSON(t *testing.T) {
	for _, s := range []Summary{
		{Total: 48, Covered: 27, Partial: 17, Gap: 3, Unreached: 1, Applicable: 48, CoveredPercent: 56.3, PartialPercent: 35.4,
			GapPercent: 6.3, UnreachedPercent: 2.1, CoveragePercent: 56.3, DerivedOnly: 1},
		{Total: 3, NotApplicable: 3},
		{},
	} {
		want, err := codec.Marshal(s)
		require.NoError(t, err)
		got, err := codec.Marshal(wireSummary(&s))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
		var w summaryWire
		require.NoError(t, codec.DecodeStrict(got, &w))
		assert.Equal(t, s, w.summary())
	}
	rs := []Rollup{{ID: "13", Title: "Physical", Kind: "section", Total: 3, NotApplicable: 3},
		{ID: "1", Title: "Policy", Kind: "section", Total: 2, Covered: 1, Partial: 1, CoveragePercent: 50}}
	want, err := codec.Marshal(rs)
	require.NoError(t, err)
	got, err := codec.Marshal(wireRollups(rs))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Contains(t, string(got), `"not_applicable":3,"coverage_percent":null}`)
}

// TestGapResultJSONNeedsRelationship: a "via" without a relationship (which the
// contract always writes) is refused on reading, naming the item, rather than read
// into a result that cannot be written back (found by FuzzGapResultJSON).
func TestGapResultJSONNeedsRelationship(t *testing.T) {
	var r GapResult
	err := r.UnmarshalJSON([]byte(`{"items":[{"id":"DE.CM-01","via":[{"control":"8.16"}]}]}`))
	require.EqualError(t, err, `crosswalk: gap result: item "DE.CM-01", via 1 (control "8.16"): no "relationship"; want one of equal, subset-of, superset-of, intersects-with, not-related-to, related`)
	err = r.UnmarshalJSON([]byte(`{"items":[{"id":"DE.CM-01","via":[{"control":"8.16","relationship":"related"}]}]}`))
	require.EqualError(t, err, `crosswalk: gap result: item "DE.CM-01", via 1 (control "8.16"): no "basis"; want one of published, succession, ancestor, derived`)
}
