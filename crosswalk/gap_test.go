package crosswalk

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

func statuses(r *GapResult) map[string]Coverage {
	out := map[string]Coverage{}
	for _, it := range r.Items {
		out[it.ID] = it.Status
	}
	return out
}

func TestGapStrict(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	r, err := cw.Gap(a, fwTgt, Strict)
	require.NoError(t, err)
	assert.Equal(t, Strict, r.Policy)
	assert.False(t, r.Derived)
	assert.Equal(t, map[string]Coverage{
		"F.A-1": ItemCovered,       // B1 equal, implemented
		"F.A-2": ItemPartial,       // B2 subset-of only
		"F.A-3": ItemUnreached,     // only its category F.A is mapped (B5): context, does not count
		"F.B-1": ItemPartial,       // B4 superset-of but only partly implemented; B6 not applicable
		"F.B-2": ItemNotApplicable, // only B6, not applicable
		"F.B-3": ItemUnreached,     // no baseline edge (a derived one exists)
		"F.B-4": ItemPartial,       // B2 subset-of, B1 related: nothing equal or superset
		"F.B-5": ItemCovered,       // B1 superset-of, implemented
		"F.B-6": ItemGap,           // B3 not implemented, B7 not assessed
	}, statuses(r))
	ids := make([]string, len(r.Items))
	for i, it := range r.Items {
		ids[i] = it.ID
	}
	assert.Equal(t, []string{"F.A-1", "F.A-2", "F.A-3", "F.B-1", "F.B-2", "F.B-3", "F.B-4", "F.B-5", "F.B-6"}, ids)
	assert.Equal(t, Summary{Total: 9, Covered: 2, Partial: 3, Gap: 1, Unreached: 2, NotApplicable: 1, Applicable: 8,
		CoveredPercent: 25, PartialPercent: 37.5, GapPercent: 12.5, UnreachedPercent: 25, CoveragePercent: 25}, r.Summary)
	assert.Equal(t, []string{"F.A-3", "F.B-3"}, r.Unreached)
	assert.Equal(t, []Link{atAncestor(gapLink("B5", "F.A-3", BasisAncestor, rel, Implemented, "SRC-TB"), "F.A")}, r.Items[2].Via())
	assert.Equal(t, []string{"B7"}, r.NotAssessed)
	assert.Equal(t, []string{"no-reference (base controls)"}, r.Items[5].Statements)

	// The reaches of F.A-1: its own edge only (its category's is shown only for items
	// without mappings of their own, like F.A-3).
	assert.Equal(t, []Link{
		gapLink("B1", "F.A-1", BasisPublished, eq, Implemented, "SRC-BT"),
	}, r.Items[0].Via())
	// F.B-1: B4 superset-of read backwards from "F.B-1 subset-of B4".
	assert.Equal(t, []Link{
		gapLink("B4", "F.B-1", BasisPublished, sup, Partial, "SRC-TB"),
		gapLink("B6", "F.B-1", BasisPublished, rel, NotApplicable, "SRC-BT"),
	}, r.Items[3].Via())
	assert.Equal(t, []Link{
		gapLink("B3", "F.B-6", BasisPublished, eq, NotImplemented, "SRC-BT"),
		gapLink("B7", "F.B-6", BasisPublished, rel, NotAssessed, "SRC-BT"),
	}, r.Items[8].Via())

	assert.Equal(t, []Rollup{
		{ID: "F", Title: "Function", Kind: "function", Total: 9, Covered: 2, Partial: 3, Gap: 1, Unreached: 2, NotApplicable: 1, CoveragePercent: 25},
		{ID: "F.A", Title: "Category A", Kind: "category", Total: 3, Covered: 1, Partial: 1, Unreached: 1, CoveragePercent: 33.3},
		{ID: "F.B", Title: "Category B", Kind: "category", Total: 6, Covered: 1, Partial: 2, Gap: 1, Unreached: 1, NotApplicable: 1, CoveragePercent: 20},
	}, r.Groups)

	// Recommendations: B3 moves F.B-6 gap → covered (gain 2), then B4 moves F.B-1
	// partial → covered (1); B7 would then move nothing.
	assert.Equal(t, []Recommendation{
		{Control: "B3", Title: "control B3", Status: NotImplemented, Gain: 2, Moves: []Move{{ID: "F.B-6", From: ItemGap, To: ItemCovered, Weight: 1}}},
		{Control: "B4", Title: "control B4", Status: Partial, Gain: 1, Moves: []Move{{ID: "F.B-1", From: ItemPartial, To: ItemCovered, Weight: 1}}},
	}, r.Recommendations)
}

func TestGapReferenced(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	r, err := cw.Gap(a, fwTgt, Referenced)
	require.NoError(t, err)
	assert.Equal(t, Referenced, r.Policy)
	assert.Equal(t, map[string]Coverage{
		"F.A-1": ItemCovered,       // its only own reach B1 implemented
		"F.A-2": ItemPartial,       // B2 implemented, B3 not
		"F.A-3": ItemUnreached,     // only its category's reach
		"F.B-1": ItemPartial,       // B4 partial (B6 not applicable does not count)
		"F.B-2": ItemNotApplicable, //
		"F.B-3": ItemUnreached,     //
		"F.B-4": ItemCovered,       // B2 and B1 both implemented
		"F.B-5": ItemPartial,       // B1 implemented, B3 not
		"F.B-6": ItemGap,           //
	}, statuses(r))
	assert.Equal(t, 2, r.Summary.Covered)
	// B3 moves F.A-2 and F.B-5 partial → covered and F.B-6 gap → partial (B7 is
	// still not implemented): gain 3; then B4 (F.B-1) and B7 (F.B-6) gain 1 each.
	require.Len(t, r.Recommendations, 3)
	assert.Equal(t, Recommendation{Control: "B3", Title: "control B3", Status: NotImplemented, Gain: 3, Moves: []Move{
		{ID: "F.A-2", From: ItemPartial, To: ItemCovered, Weight: 1},
		{ID: "F.B-5", From: ItemPartial, To: ItemCovered, Weight: 1},
		{ID: "F.B-6", From: ItemGap, To: ItemPartial, Weight: 1},
	}}, r.Recommendations[0])
	assert.Equal(t, "B4", r.Recommendations[1].Control)
	assert.Equal(t, "B7", r.Recommendations[2].Control)
	assert.Equal(t, NotAssessed, r.Recommendations[2].Status)
	assert.Equal(t, []Move{{ID: "F.B-6", From: ItemPartial, To: ItemCovered, Weight: 1}}, r.Recommendations[2].Moves)
}

func TestGapDerived(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	plain, err := cw.Gap(a, fwTgt, Strict)
	require.NoError(t, err)
	r, err := cw.Gap(a, fwTgt, Strict, WithDerived(2))
	require.NoError(t, err)
	assert.True(t, r.Derived)
	assert.Equal(t, 1, r.MinRoutes)
	// F.B-3 subset-of M1, M1 equal B5: B5 superset-of F.B-3, derived, implemented.
	// Composing two claims is an inference, not a fact: at most partial, by the
	// derived rule, although B5 is implemented and the composition reads superset-of.
	it := r.Items[5]
	assert.Equal(t, "F.B-3", it.ID)
	assert.Equal(t, ItemPartial, it.Status)
	assert.Equal(t, RuleDerived, it.Rule)
	assert.Equal(t, 1, r.Summary.DerivedOnly, "the summary says how many statuses rest on inference")
	assert.Zero(t, plain.Summary.DerivedOnly)
	require.Len(t, it.Via(), 1)
	v := it.Via()[0]
	assert.Equal(t, []catalog.Ref{ref(fwBase, "B5"), ref(fwMid, "M1"), ref(fwTgt, "F.B-3")}, v.Controls())
	for i, h := range v.Path { // each hop read from the control towards the item
		assert.Equal(t, v.Controls()[i:i+2], []catalog.Ref{h.From, h.To})
	}
	v.Path = nil
	assert.Equal(t, withRoutes(gapLink("B5", "F.B-3", BasisDerived, sup, Implemented, "SRC-TM", "SRC-MB"), 1), v)
	assert.Equal(t, []string{"F.A-3"}, r.Unreached)
	// Derived paths only add reach to items no published edge reaches: every other
	// item keeps its status and its reaches.
	for k := range r.Items {
		if r.Items[k].ID != "F.B-3" {
			assert.Equal(t, plain.Items[k].Via(), r.Items[k].Via(), r.Items[k].ID)
			a, b := plain.Items[k], r.Items[k]
			a.SetVia(nil)
			b.SetVia(nil)
			assert.Equal(t, a, b, r.Items[k].ID)
		}
	}
	// Fewer routes than asked: the derived reach is left out.
	r, err = cw.Gap(a, fwTgt, Strict, WithDerived(2), WithMinRoutes(2))
	require.NoError(t, err)
	assert.Equal(t, ItemUnreached, r.Items[5].Status)
}

func TestGapScopeAndErrors(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	r, err := cw.Gap(a, fwTgt, WithScope(ref(fwTgt, "F.A")), WithRecommendations(0))
	require.NoError(t, err)
	assert.Len(t, r.Items, 3)
	assert.Equal(t, []string{"F.A"}, r.Scope)
	assert.Empty(t, r.Recommendations)
	_, err = cw.Gap(a, fwTgt, WithScope(ref(fwBase, "B1")))
	assert.ErrorIs(t, err, catalog.ErrNotFound, "a scope outside the target")
	_, err = cw.Gap(a, fwTgt, WithGroup("IG4"))
	assert.EqualError(t, err, `crosswalk: unknown implementation group "IG4" (want IG1, IG2 or IG3)`)
	_, err = cw.Gap(a, fwTgt, WithGroup("IG1"))
	assert.ErrorContains(t, err, "has no implementation groups")
	_, err = cw.Gap(a, fwBase)
	assert.EqualError(t, err, "crosswalk: the target base:1 is the baseline")
	_, err = cw.Gap(a, "nope:1")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	_, err = cw.Gap(a, fwTgt, WithBaseline(fwMid))
	assert.EqualError(t, err, "crosswalk: the assessment rates base:1, not mid:1")
}

func TestGapJSONMatchesEncodingJSON(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	r, err := cw.Gap(a, fwTgt, WithDerived(2))
	require.NoError(t, err)
	got, err := codec.Marshal(r)
	require.NoError(t, err)
	want, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Contains(t, string(got), `{"baseline":"base:1","target":"tgt:1","policy":"auto","derived":true,"min_routes":1,"summary":{"total":9,`)
	assert.Contains(t, string(got), `{"id":"F.B-3","title":"item B3","status":"partial","rule":"derived","via":[{"control":"B5","title":"control B5","relationship":"superset-of","status":"implemented","basis":"derived","derived":true,"path":["base:1/B5","mid:1/M1","tgt:1/F.B-3"],"routes":1`)
}

// Each percentage is rounded half up on its own, as a reader checks it by hand
// (issue: 38/56 printed 67.8 and 3/7 printed 42.8 under largest remainder).
func TestPercentsRoundHalfUp(t *testing.T) {
	assert.Equal(t, []float64{67.9, 32.1}, percents(56, 38, 18))
	assert.Equal(t, []float64{42.9, 57.1}, percents(7, 3, 4))
	assert.Equal(t, []float64{28.6, 57.1, 0, 14.3}, percents(7, 2, 4, 0, 1))
	assert.Equal(t, []float64{33.3, 33.3, 33.3}, percents(3, 1, 1, 1), "the parts need not add up to 100.0")
	assert.Equal(t, []float64{12.5, 87.5}, percents(8, 1, 7), "an exact half rounds up")
	assert.Equal(t, []float64{0, 0}, percents(0, 0, 0))
	for whole := 1; whole < 200; whole++ {
		for a := 0; a <= whole; a++ {
			want := math.Floor(float64(a)*1000/float64(whole)+0.5) / 10
			assert.Equal(t, want, percents(whole, a)[0], "%d/%d", a, whole)
		}
	}
}

func TestRequirements(t *testing.T) {
	cw := synth(t)
	got, err := cw.Requirements(fwTgt, WithScope(ref(fwTgt, "F.B")), WithBaseline(fwBase))
	require.NoError(t, err)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.Control.ID)
	}
	assert.Equal(t, []string{"B1", "B2", "B3", "B4", "B6", "B7"}, ids)
	assert.Equal(t, []Link{
		gapLink("B1", "F.B-4", BasisPublished, rel, NotAssessed, "SRC-BT"),
		gapLink("B1", "F.B-5", BasisPublished, sup, NotAssessed, "SRC-BT"),
	}, got[0].Links)
	got, err = cw.Requirements(fwTgt, WithScope(ref(fwTgt, "F.A-3")), WithBaseline(fwBase))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, []Link{atAncestor(gapLink(got[0].Control.ID, "F.A-3", BasisAncestor, rel, NotAssessed, "SRC-TB"), "F.A")}, got[0].Links)
}

func TestCoveredPercentRoundsAsRollups(t *testing.T) {
	assert.Equal(t, 16.7, CoveredPercent(1, 1, 1, 3))
	assert.Equal(t, []float64{16.7, 16.7, 16.7, 50}, percents(6, 1, 1, 1, 3))
	assert.Equal(t, 33.3, CoveredPercent(1, 0, 0, 2))
	assert.Equal(t, 100.0, CoveredPercent(4, 0, 0, 0))
	assert.Equal(t, 0.0, CoveredPercent(0, 0, 0, 0))
	assert.Equal(t, 0.0, CoveredPercent(-1, 2, 0, 0))
}

// A result limited by WithScope rolls up only the nodes in the scope: scoped to
// category F.A, a roll-up of function F would count F.A's 3 items as F's 9.
func TestGapScopeRollsUpOnlyTheScope(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	r, err := cw.Gap(a, fwTgt, WithScope(ref(fwTgt, "F.A")))
	require.NoError(t, err)
	assert.Equal(t, []Rollup{
		{ID: "F.A", Title: "Category A", Kind: "category", Total: 3, Covered: 1, Partial: 1, Unreached: 1, CoveragePercent: 33.3},
	}, r.Groups)
	r, err = cw.Gap(a, fwTgt, WithScope(ref(fwTgt, "F.B-1")), WithScope(ref(fwTgt, "F.A")))
	require.NoError(t, err)
	var ids []string
	for _, g := range r.Groups {
		ids = append(ids, g.ID)
	}
	assert.Equal(t, []string{"F.A"}, ids, "a single item in scope has no roll-up of its own")
	r, err = cw.Gap(a, fwTgt, WithScope(ref(fwTgt, "F")))
	require.NoError(t, err)
	assert.Len(t, r.Groups, 3)
}

// Two sources that disagree on the direction of a subset (one publishes "F.B-3
// superset-of B1", the other "B1 superset-of F.B-3"): under Strict the item's
// coverage must not depend on which end either source published from. The reach
// reads "B1 superset-of F.B-3" (the claim that covers), with both sources.
func TestGapStrictSubsetSupersetFromTwoSources(t *testing.T) {
	b, g := ref(fwBase, "B1"), ref(fwTgt, "F.B-3")
	one := mappings.Set{ID: "one", From: fwTgt, To: fwBase, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-1"}, Edges: []mappings.Edge{e(g, b, sup)}}
	two := mappings.Set{ID: "two", From: fwBase, To: fwTgt, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-2"}, Edges: []mappings.Edge{e(b, g, sup)}}
	for _, order := range [][]mappings.Set{{one, two}, {two, one}} {
		cw, err := New(synthCatalog(t), order...)
		require.NoError(t, err)
		a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: b, Status: Implemented})
		require.NoError(t, err)
		r, err := cw.Gap(a, fwTgt)
		require.NoError(t, err)
		it := r.Items[5]
		require.Equal(t, "F.B-3", it.ID)
		assert.Equal(t, ItemCovered, it.Status, "sets %s, %s", order[0].ID, order[1].ID)
		require.Len(t, it.Via(), 1)
		assert.Equal(t, sup, it.Via()[0].Relationship)
		assert.ElementsMatch(t, []string{"SRC-1", "SRC-2"}, it.Via()[0].Sources)
	}
}

// A published not-related-to between an item and a control is not overridden by a
// derived path between them: F.B-3 reaches B5 only through M1 (TestGapDerived), and
// a source saying "B5 not-related-to F.B-3" leaves F.B-3 unreached.
func TestGapDerivedDoesNotOverrideNotRelated(t *testing.T) {
	nr := mappings.Set{ID: "nr", From: fwBase, To: fwTgt, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-NR"}, Edges: []mappings.Edge{e(ref(fwBase, "B5"), ref(fwTgt, "F.B-3"), nrt)}}
	cw, err := New(synthCatalog(t), append(synthSets(), nr)...)
	require.NoError(t, err)
	r, err := cw.Gap(synthAssessment(t, cw.Catalog()), fwTgt, WithDerived(2))
	require.NoError(t, err)
	it := r.Items[5]
	require.Equal(t, "F.B-3", it.ID)
	assert.Equal(t, ItemUnreached, it.Status)
	assert.Empty(t, it.Via())
	assert.Equal(t, []string{"F.A-3", "F.B-3"}, r.Unreached)
}

// gapLink is the link a gap or requirements query reports from control ctl of the
// synthetic baseline to item of the synthetic target, titled as synth titles them.
func gapLink(ctl, item string, basis Basis, r mappings.Relationship, st Status, sources ...string) Link {
	title := "item " + strings.ReplaceAll(strings.TrimPrefix(item, "F."), "-", "")
	return Link{From: ref(fwBase, ctl), To: ref(fwTgt, item), FromTitle: "control " + ctl, ToTitle: title,
		Relationship: r, Basis: basis, Status: st, Sources: sources}
}

// atAncestor is l published at the target's node id (an ancestor of its item).
func atAncestor(l Link, id string) Link {
	l.Ancestor = ref(fwTgt, id)
	return l
}

func withRoutes(l Link, n int) Link {
	l.Routes = n
	return l
}

// The JSON contract reads back into the same result: every field but the hops'
// details, which the contract names by their controls only.
func TestGapJSONRoundTrip(t *testing.T) {
	cw := synth(t)
	a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B5"), Status: Implemented})
	require.NoError(t, err)
	res, err := cw.Gap(a, fwTgt, WithDerived(2))
	require.NoError(t, err)
	data, err := codec.MarshalIndent(res)
	require.NoError(t, err)
	var back GapResult
	require.NoError(t, codec.DecodeStrict(data, &back))
	var derived int
	for i := range res.Items {
		for j := range res.Items[i].Via() {
			want, got := res.Items[i].Via()[j], back.Items[i].Via()[j]
			if want.Derived() {
				derived++
				assert.Equal(t, want.Controls(), got.Controls())
				want.Path, got.Path = nil, nil
			}
			assert.Equal(t, want, got)
		}
		res.Items[i].SetVia(nil)
		back.Items[i].SetVia(nil)
	}
	assert.Positive(t, derived, "the case has a derived link")
	res.links = gapLinks{} // the link table behind Via, compared above
	assert.Equal(t, res, &back)
}

// One option path: every gap query refuses a policy it does not know, rather than
// one refusing, one reading it as strict and one ignoring it.
func TestUnknownPolicyRefusedByEveryQuery(t *testing.T) {
	cw := synth(t)
	a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B1"), Status: Implemented})
	require.NoError(t, err)
	bad := Policy("lenient")
	_, err = cw.Gap(a, fwTgt, bad)
	assert.ErrorContains(t, err, `unknown coverage policy "lenient"`)
	_, err = cw.Recommend(a, fwTgt, 3, bad)
	assert.ErrorContains(t, err, `unknown coverage policy "lenient"`)
	_, err = cw.Requirements(fwTgt, WithBaseline(fwBase), bad)
	assert.ErrorContains(t, err, `unknown coverage policy "lenient"`)
	_, err = cw.Posture(a, WithTargets(fwTgt), bad)
	assert.ErrorContains(t, err, `unknown coverage policy "lenient"`)
}
