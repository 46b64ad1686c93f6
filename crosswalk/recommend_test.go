package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// The recommendation case: a CIS-like target ig:1 whose safeguards carry
// implementation groups, and a baseline rb:1 rated so that every rule of Recommend's
// doc comment shows:
//
//	X1 planned          equal G3 (IG3 only: weight 1)
//	X2 not implemented  equal G2 (IG2, IG3: weight 2)
//	X3 not assessed     subset-of G1 (IG1: weight 3)
//	X4 partial          equal G1
//	X5 not applicable   equal G3
//	X6 not implemented  equal G4 (no group: weight 1)
//	X7 implemented      equal G4
const (
	fwRB catalog.FrameworkID = "rb:1"
	fwIG catalog.FrameworkID = "ig:1"
)

func recommendCase(t *testing.T) (*Crosswalk, *Assessment) {
	t.Helper()
	igs := func(gs ...string) map[string][]string { return map[string][]string{catalog.AttrImplementation: gs} }
	target := catalog.Framework{ID: fwIG, Name: "groups", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "G1", Title: "safeguard 1", Attributes: igs("IG1", "IG2", "IG3")},
		{ID: "G2", Title: "safeguard 2", Attributes: igs("IG2", "IG3")},
		{ID: "G3", Title: "safeguard 3", Attributes: igs("IG3")},
		{ID: "G4", Title: "safeguard 4"},
	}}
	cat, err := catalog.New(flat(fwRB, "X1", "X2", "X3", "X4", "X5", "X6", "X7"), target)
	require.NoError(t, err)
	x := func(id string) catalog.Ref { return ref(fwRB, id) }
	g := func(id string) catalog.Ref { return ref(fwIG, id) }
	set := mappings.Set{ID: "rb-ig", From: fwRB, To: fwIG, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S"},
		Edges: []mappings.Edge{
			e(x("X1"), g("G3"), eq), e(x("X2"), g("G2"), eq), e(x("X3"), g("G1"), sub), e(x("X4"), g("G1"), eq),
			e(x("X5"), g("G3"), eq), e(x("X6"), g("G4"), rel), e(x("X7"), g("G4"), rel),
		}}
	cw, err := New(cat, set)
	require.NoError(t, err)
	a, err := NewAssessment(cat, fwRB,
		Entry{Control: x("X1"), Status: Planned},
		Entry{Control: x("X2"), Status: NotImplemented},
		Entry{Control: x("X4"), Status: Partial},
		Entry{Control: x("X5"), Status: NotApplicable},
		Entry{Control: x("X6"), Status: NotImplemented},
		Entry{Control: x("X7"), Status: Implemented},
	)
	require.NoError(t, err)
	return cw, a
}

// TestRecommendWeightsAndOrder: under Auto, X2 moves G2 gap → covered (2 levels ×
// weight 2 = 4), X4 moves G1 partial → covered (1 × 3 = 3), X1 moves G3 gap → covered
// (2 × 1 = 2), X6 moves G4 partial → covered (its related edge: then every control of
// G4 is implemented; 1 × 1 = 1). X3 would move nothing (G1 stays partial with X4
// partial) and X5 is not applicable: neither is recommended.
func TestRecommendWeightsAndOrder(t *testing.T) {
	cw, a := recommendCase(t)
	recs, err := cw.Recommend(a, fwIG, 10)
	require.NoError(t, err)
	assert.Equal(t, []Recommendation{
		{Control: "X2", Title: "control X2", Status: NotImplemented, Gain: 4, Moves: []Move{{ID: "G2", From: ItemGap, To: ItemCovered, Weight: 2}}},
		{Control: "X4", Title: "control X4", Status: Partial, Gain: 3, Moves: []Move{{ID: "G1", From: ItemPartial, To: ItemCovered, Weight: 3}}},
		{Control: "X1", Title: "control X1", Status: Planned, Gain: 2, Moves: []Move{{ID: "G3", From: ItemGap, To: ItemCovered, Weight: 1}}},
		{Control: "X6", Title: "control X6", Status: NotImplemented, Gain: 1, Moves: []Move{{ID: "G4", From: ItemPartial, To: ItemCovered, Weight: 1}}},
	}, recs)

	// n bounds the list; 0 gives an empty list, not nil.
	two, err := cw.Recommend(a, fwIG, 2)
	require.NoError(t, err)
	assert.Equal(t, recs[:2], two)
	none, err := cw.Recommend(a, fwIG, 0)
	require.NoError(t, err)
	assert.NotNil(t, none)
	assert.Empty(t, none)

	// The gap's recommendations are Recommend's.
	r, err := cw.Gap(a, fwIG, WithRecommendations(3))
	require.NoError(t, err)
	assert.Equal(t, recs[:3], r.Recommendations)
	var groups []Rollup // the roll-ups per group (each safeguard, a root item, is one of its own too)
	for _, g := range r.Groups {
		if g.Kind == "implementation-group" {
			groups = append(groups, g)
		}
	}
	assert.Len(t, r.Groups, 4+3)
	assert.Equal(t, []Rollup{
		{ID: "IG1", Title: "Implementation Group 1", Kind: "implementation-group", Total: 1, Partial: 1},
		{ID: "IG2", Title: "Implementation Group 2", Kind: "implementation-group", Total: 2, Partial: 1, Gap: 1},
		{ID: "IG3", Title: "Implementation Group 3", Kind: "implementation-group", Total: 3, Partial: 1, Gap: 2},
	}, groups, "an IG1 safeguard counts in IG2 and IG3 too")
}

// TestRecommendGreedyIsConditional: each round assumes the controls taken before are
// implemented. Under Referenced, G1 (X3 not assessed, X4 partial) is covered only when
// both are implemented: neither alone moves it, so neither is recommended, while X2,
// X1 and X6 keep their gains.
func TestRecommendGreedyIsConditional(t *testing.T) {
	cw, a := recommendCase(t)
	recs, err := cw.Recommend(a, fwIG, 10, Referenced)
	require.NoError(t, err)
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.Control)
	}
	assert.Equal(t, []string{"X2", "X1", "X6"}, ids)
	assert.Equal(t, 4, recs[0].Gain)
	assert.Equal(t, 2, recs[1].Gain)
	assert.Equal(t, 1, recs[2].Gain)

	// Limited to IG1, only G1 counts: nothing single moves it under Referenced.
	recs, err = cw.Recommend(a, fwIG, 10, Referenced, WithGroup("IG1"))
	require.NoError(t, err)
	assert.Empty(t, recs)
	// Under Auto, X4 alone covers it (equal, implemented).
	recs, err = cw.Recommend(a, fwIG, 10, WithGroup("IG1"))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "X4", recs[0].Control)
}

// TestRecommendTiesGoByDocumentOrder: two controls with the same gain come in the
// baseline's document order, whatever order the mapping lists them in.
func TestRecommendTiesGoByDocumentOrder(t *testing.T) {
	cat, err := catalog.New(flat(fwRB, "X1", "X2", "X3"), flat(fwIG, "G1", "G2", "G3"))
	require.NoError(t, err)
	set := mappings.Set{ID: "rb-ig", From: fwRB, To: fwIG, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S"},
		Edges: []mappings.Edge{
			e(ref(fwRB, "X3"), ref(fwIG, "G1"), eq),
			e(ref(fwRB, "X2"), ref(fwIG, "G2"), eq),
			e(ref(fwRB, "X1"), ref(fwIG, "G3"), eq),
		}}
	cw, err := New(cat, set)
	require.NoError(t, err)
	a, err := NewAssessment(cat, fwRB)
	require.NoError(t, err)
	recs, err := cw.Recommend(a, fwIG, 3)
	require.NoError(t, err)
	require.Len(t, recs, 3)
	for i, id := range []string{"X1", "X2", "X3"} {
		assert.Equal(t, id, recs[i].Control)
		assert.Equal(t, 2, recs[i].Gain, "gap → covered, weight 1")
		assert.Equal(t, NotAssessed, recs[i].Status)
	}
}
