package crosswalk

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestNewRejectsDanglingEdges(t *testing.T) {
	cat := synthCatalog(t)
	bad := mappings.Set{ID: "bad", From: fwBase, To: "nope:1", Edges: []mappings.Edge{
		e(ref(fwBase, "B1"), ref(fwTgt, "F.A-1"), eq),
		e(ref(fwBase, "B99"), ref(fwTgt, "F.A-1"), eq),
		e(ref(fwBase, "B1"), ref(fwTgt, "X"), eq),
		{From: ref(fwBase, "B1"), To: ref(fwTgt, "F.A-2")},
	}}
	_, err := New(cat, bad)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDanglingRef)
	assert.ErrorIs(t, err, ErrInvalidRelationship)
	assert.ErrorIs(t, err, ErrUnknownSetFramework)
	var list []*catalog.DataError
	for _, x := range err.(interface{ Unwrap() []error }).Unwrap() {
		var de *catalog.DataError
		require.True(t, errors.As(x, &de))
		list = append(list, de)
	}
	require.Len(t, list, 4)
	assert.Equal(t, catalog.DataError{Record: `set "bad"`, Field: "to", Value: "nope:1", Err: ErrUnknownSetFramework}, *list[0])
	assert.Equal(t, catalog.DataError{Record: `set "bad": edge #2 (base:1/B99 → tgt:1/F.A-1)`, Field: "from", Value: "base:1/B99", Err: ErrDanglingRef}, *list[1])
	assert.Equal(t, catalog.DataError{Record: `set "bad": edge #3 (base:1/B1 → tgt:1/X)`, Field: "to", Value: "tgt:1/X", Err: ErrDanglingRef}, *list[2])
	assert.Equal(t, catalog.DataError{Record: `set "bad": edge #4 (base:1/B1 → tgt:1/F.A-2)`, Field: "relationship", Value: "Relationship(0)", Err: ErrInvalidRelationship}, *list[3])
	assert.Equal(t, `set "bad": edge #2 (base:1/B99 → tgt:1/F.A-1): field "from" = "base:1/B99": no such control in the catalog`, list[1].Error())
}

func TestSetsCountsDuplicates(t *testing.T) {
	cw := synth(t)
	var got []SetInfo
	for s := range cw.Sets() {
		got = append(got, s)
	}
	require.Len(t, got, 8)
	assert.Equal(t, "src-dst", got[6].ID)
	assert.Equal(t, 1, got[6].Edges)
	assert.Equal(t, 1, got[6].Duplicates)
	assert.Equal(t, 11, got[0].Edges)
	var st []mappings.Statement
	for s := range cw.Statements(ref(fwTgt, "F.B-3")) {
		st = append(st, s)
	}
	assert.Equal(t, []mappings.Statement{{Ref: ref(fwTgt, "F.B-3"), Kind: mappings.NoReference, Target: "base controls"}}, st)
}

func TestMapDirectBothDirections(t *testing.T) {
	cw := synth(t)
	// Published B1 equal F.A-1 (forward), B1 superset-of F.B-5, B1 related F.B-4.
	got, err := cw.Map(ref(fwBase, "B1"), fwTgt)
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"base:1/B1 equal tgt:1/F.A-1", "base:1/B1 superset-of tgt:1/F.B-5", "base:1/B1 related tgt:1/F.B-4"},
		[]string{got[0].String(), got[1].String(), got[2].String()})
	for _, m := range got {
		assert.True(t, m.Published())
		assert.False(t, m.Inverse)
		assert.False(t, m.Derived())
	}
	// Published F.B-1 subset-of B4: from B4 it reads superset-of, marked inverse.
	got, err = cw.Map(ref(fwBase, "B4"), fwTgt)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, ref(fwTgt, "F.B-1"), got[0].To)
	assert.Equal(t, sup, got[0].Relationship)
	assert.True(t, got[0].Inverse)
	assert.Equal(t, []Hop{{From: ref(fwBase, "B4"), To: ref(fwTgt, "F.B-1"), Relationship: sup, Inverse: true, Set: "tgt-base", Source: "SRC-TB"}}, got[0].Edges)
	// And from F.B-1 back to the baseline it is the published edge.
	got, err = cw.Map(ref(fwTgt, "F.B-1"), fwBase)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "tgt:1/F.B-1 subset-of base:1/B4", got[0].String())
	assert.Equal(t, "tgt:1/F.B-1 related base:1/B6 (inverse)", got[1].String())
}

func TestMapSeveralEdgesBetweenTwoControls(t *testing.T) {
	cw := synth(t)
	got, err := cw.Map(ref(fwSrc, "S1"), fwDst)
	require.NoError(t, err)
	require.Len(t, got, 1)
	m := got[0]
	assert.Equal(t, ref(fwDst, "T9"), m.To)
	assert.Equal(t, sup, m.Relationship, "the strongest of the published edges")
	assert.True(t, m.Inverse)
	require.Len(t, m.Edges, 2)
	assert.Equal(t, Hop{From: ref(fwSrc, "S1"), To: ref(fwDst, "T9"), Relationship: sup, Inverse: true, Set: "dst-src", Source: "SRC-DS"}, m.Edges[0])
	assert.Equal(t, Hop{From: ref(fwSrc, "S1"), To: ref(fwDst, "T9"), Relationship: rel, Set: "src-dst", Source: "SRC-SD"}, m.Edges[1])
	assert.Equal(t, []string{"SRC-DS", "SRC-SD"}, m.Sources)
	assert.Nil(t, m.Alternatives, "no derived paths without WithDerived")
}

func TestMapComposition(t *testing.T) {
	cw := synth(t)
	want := map[string]mappings.Relationship{
		"S1": sub, // equal∘subset
		"S2": sub, // subset∘subset (second hop read backwards)
		"S3": rel, // superset∘subset: an overlap only
		"S4": rel, // intersects∘subset: an overlap only
		"S5": rel, // superset∘intersects: an overlap only
		"S6": rel, // related∘equal
		"S7": rel, // subset∘superset
		"S9": sup, // superset∘superset
	}
	for i := 1; i <= 9; i++ {
		n := string(rune('0' + i))
		got, err := cw.Map(ref(fwSrc, "S"+n), fwDst, WithDerived(2))
		require.NoError(t, err)
		var derived []Link
		for _, m := range got {
			if m.Derived() {
				derived = append(derived, m)
			}
		}
		if i == 8 {
			assert.Empty(t, derived, "not-related-to stops the path")
			continue
		}
		require.Len(t, derived, 1, "S%s", n)
		d := derived[0]
		assert.Equal(t, ref(fwDst, "T"+n), d.To)
		assert.Equal(t, want["S"+n], d.Relationship, "S%s", n)
		assert.False(t, d.Published())
		require.Len(t, d.Path, 2)
		assert.Equal(t, ref(fwMid, "C"+n), d.Path[0].To)
		assert.Equal(t, "src-mid", d.Path[0].Set)
		assert.Equal(t, "mid-dst", d.Path[1].Set)
		assert.Equal(t, i == 2, d.Path[1].Inverse)
	}
}

func TestMapRanksDirectBeforeDerived(t *testing.T) {
	cw := synth(t)
	got, err := cw.Map(ref(fwSrc, "S1"), fwDst, WithDerived(0))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, ref(fwDst, "T9"), got[0].To)
	assert.False(t, got[0].Derived())
	require.Len(t, got[0].Alternatives, 1, "the derived path S1→C9→T9 is an alternative")
	assert.Equal(t, ref(fwMid, "C9"), got[0].Alternatives[0][0].To)
	assert.Equal(t, ref(fwDst, "T1"), got[1].To)
	assert.True(t, got[1].Derived())
	assert.Equal(t, sub, got[1].Relationship)
	assert.Equal(t, "src:1/S1 subset-of dst:1/T1 (derived, 2 hops, 1 route)", got[1].String())
}

func TestMapViaParent(t *testing.T) {
	cw := synth(t)
	// F.A-3 has no mapping; its category F.A is mapped to B5.
	got, err := cw.Map(ref(fwTgt, "F.A-3"), fwBase)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, ref(fwBase, "B5"), got[0].To)
	assert.Equal(t, ref(fwTgt, "F.A"), got[0].Ancestor)
	assert.Equal(t, "tgt:1/F.A-3 related base:1/B5 (mapped at tgt:1/F.A level)", got[0].String())
	// F.A-1 has its own mapping: the category's is not added.
	got, err = cw.Map(ref(fwTgt, "F.A-1"), fwBase)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, ref(fwBase, "B1"), got[0].To)
	assert.True(t, got[0].Ancestor.IsZero())
	// The category itself answers at its own level.
	got, err = cw.Map(ref(fwTgt, "F.A"), fwBase)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.True(t, got[0].Ancestor.IsZero())
}

func TestMapErrors(t *testing.T) {
	cw := synth(t)
	_, err := cw.Map(ref(fwBase, "B99"), fwTgt)
	assert.ErrorIs(t, err, catalog.ErrNotFound)
	_, err = cw.Map(ref(fwBase, "B1"), "nope:1")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	got, err := cw.Map(ref(fwBase, "B1"), fwDst)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestMapResultsAreTheCallers(t *testing.T) {
	cw := synth(t)
	got, err := cw.Map(ref(fwSrc, "S1"), fwDst)
	require.NoError(t, err)
	got[0].Edges[0].Set = "changed"
	got[0].To = ref(fwDst, "T1")
	again, err := cw.Map(ref(fwSrc, "S1"), fwDst)
	require.NoError(t, err)
	assert.Equal(t, "dst-src", again[0].Edges[0].Set)
	assert.Equal(t, ref(fwDst, "T9"), again[0].To)
}
