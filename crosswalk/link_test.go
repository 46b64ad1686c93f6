package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestLinkString: one line per kind of link, as the doc comment of Link.String shows
// it; the basis decides the suffix before Inverse does.
func TestLinkString(t *testing.T) {
	a, b := ref(fwBase, "B1"), ref(fwTgt, "F.A-1")
	hop := Hop{From: a, To: ref(fwMid, "M1"), Relationship: eq}
	for _, c := range []struct {
		name string
		l    Link
		want string
	}{
		{"published", Link{From: a, To: b, Relationship: eq, Basis: BasisPublished},
			"base:1/B1 equal tgt:1/F.A-1"},
		{"published backwards", Link{From: a, To: b, Relationship: sup, Inverse: true, Basis: BasisPublished},
			"base:1/B1 superset-of tgt:1/F.A-1 (inverse)"},
		{"succession", Link{From: a, To: b, Relationship: sub, Basis: BasisSuccession, Through: "cis:8", Inverse: true},
			"base:1/B1 subset-of tgt:1/F.A-1 (via cis:8, succession)"},
		{"ancestor", Link{From: a, To: b, Relationship: rel, Basis: BasisAncestor, Ancestor: ref(fwTgt, "F.A")},
			"base:1/B1 related tgt:1/F.A-1 (mapped at tgt:1/F.A level)"},
		{"ancestor backwards", Link{From: a, To: b, Relationship: rel, Basis: BasisAncestor, Ancestor: ref(fwTgt, "F"), Inverse: true},
			"base:1/B1 related tgt:1/F.A-1 (mapped at tgt:1/F level)"},
		{"derived, one route", Link{From: a, To: b, Relationship: ixn, Basis: BasisDerived, Routes: 1, Path: []Hop{hop, hop}},
			"base:1/B1 intersects-with tgt:1/F.A-1 (derived, 2 hops, 1 route)"},
		{"derived, three routes", Link{From: a, To: b, Relationship: rel, Basis: BasisDerived, Routes: 3, Path: []Hop{hop, hop, hop}, Inverse: true},
			"base:1/B1 related tgt:1/F.A-1 (derived, 3 hops, 3 routes)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.l.String())
		})
	}
}

// TestLinkBasisPredicates: published and succession links are published; an ancestor
// link is neither published nor derived; only a derived one is derived.
func TestLinkBasisPredicates(t *testing.T) {
	for _, c := range []struct {
		basis              Basis
		published, derived bool
	}{
		{BasisPublished, true, false},
		{BasisSuccession, true, false},
		{BasisAncestor, false, false},
		{BasisDerived, false, true},
	} {
		l := Link{Basis: c.basis}
		assert.Equal(t, c.published, l.Published(), c.basis)
		assert.Equal(t, c.derived, l.Derived(), c.basis)
	}
}

// TestLinkControls: the controls of a derived path, from From to To; nil for a link
// without a path.
func TestLinkControls(t *testing.T) {
	s1, c1, t1 := ref(fwSrc, "S1"), ref(fwMid, "C1"), ref(fwDst, "T1")
	l := Link{From: s1, To: t1, Basis: BasisDerived, Path: []Hop{
		{From: s1, To: c1, Relationship: eq},
		{From: c1, To: t1, Relationship: sub},
	}}
	assert.Equal(t, []catalog.Ref{s1, c1, t1}, l.Controls())
	assert.Nil(t, Link{From: s1, To: t1, Basis: BasisPublished}.Controls())
	// The result is the caller's.
	got := l.Controls()
	got[1] = s1
	assert.Equal(t, c1, l.Controls()[1])
}

// TestHopReversed: a hop read the other way swaps its ends, inverts its relationship
// and flips Inverse, keeping where it comes from; twice is the hop itself.
func TestHopReversed(t *testing.T) {
	h := Hop{From: ref(fwTgt, "F.B-3"), To: ref(fwMid, "M1"), Relationship: sub, Set: "tgt-mid", Source: "SRC-TM", Note: "n", Label: "l"}
	r := h.reversed()
	assert.Equal(t, Hop{From: ref(fwMid, "M1"), To: ref(fwTgt, "F.B-3"), Relationship: sup, Inverse: true, Set: "tgt-mid", Source: "SRC-TM", Note: "n", Label: "l"}, r)
	assert.Equal(t, h, r.reversed())
	for _, c := range []struct{ in, out mappings.Relationship }{{eq, eq}, {sub, sup}, {sup, sub}, {ixn, ixn}, {rel, rel}, {nrt, nrt}} {
		assert.Equal(t, c.out, Hop{Relationship: c.in}.reversed().Relationship, c.in)
	}
}

// TestGapDerivedHopsReadTowardsTheItem: the derived reach of F.B-3 in the synthetic
// gap (B5 → M1 → F.B-3) rests on two edges both published the other way (M1 equal B5,
// F.B-3 subset-of M1): each hop is read from the control towards the item, marked
// Inverse, with the relationship inverted and its set and source kept.
func TestGapDerivedHopsReadTowardsTheItem(t *testing.T) {
	cw := synth(t)
	r, err := cw.Gap(synthAssessment(t, cw.Catalog()), fwTgt, Strict, WithDerived(2))
	require.NoError(t, err)
	it := r.Items[5]
	require.Equal(t, "F.B-3", it.ID)
	require.Len(t, it.Via(), 1)
	assert.Equal(t, []Hop{
		{From: ref(fwBase, "B5"), To: ref(fwMid, "M1"), Relationship: eq, Inverse: true, Set: "mid-base", Source: "SRC-MB"},
		{From: ref(fwMid, "M1"), To: ref(fwTgt, "F.B-3"), Relationship: sup, Inverse: true, Set: "tgt-mid", Source: "SRC-TM"},
	}, it.Via()[0].Path)
	assert.Equal(t, "base:1/B5 superset-of tgt:1/F.B-3 (derived, 2 hops, 1 route)", it.Via()[0].String())
}

// TestMapDerivedLinkFields: a derived link of Map names its path hop by hop, its
// routes and paths, and the sources behind it; the direct S1 → T9 edges come first,
// published, with the strongest relationship of the two sources.
func TestMapDerivedLinkFields(t *testing.T) {
	cw := synth(t)
	links, err := cw.Map(ref(fwSrc, "S3"), fwDst, WithDerived(2))
	require.NoError(t, err)
	require.Len(t, links, 1)
	l := links[0]
	// S3 superset-of C3, C3 subset-of T3: an overlap only, which mappings.Compose
	// reads related (not intersects-with: S3 may contain T3).
	assert.Equal(t, "src:1/S3 related dst:1/T3 (derived, 2 hops, 1 route)", l.String())
	assert.Equal(t, []catalog.Ref{ref(fwSrc, "S3"), ref(fwMid, "C3"), ref(fwDst, "T3")}, l.Controls())
	assert.Equal(t, 1, l.Routes)
	assert.Equal(t, 1, l.Paths)
	assert.ElementsMatch(t, []string{"SRC-SM", "SRC-MD"}, l.Sources)
	assert.Nil(t, l.Edges, "a derived link names its path, not edges")
	assert.Equal(t, "control S3", l.FromTitle)
	assert.Equal(t, "control T3", l.ToTitle)

	links, err = cw.Map(ref(fwSrc, "S1"), fwDst)
	require.NoError(t, err)
	require.NotEmpty(t, links)
	assert.Equal(t, ref(fwDst, "T9"), links[0].To)
	assert.Equal(t, BasisPublished, links[0].Basis)
	assert.Nil(t, links[0].Path)
	assert.Nil(t, links[0].Controls())
	for _, l := range links {
		assert.False(t, l.Derived(), "no derived link without WithDerived: %s", l)
	}
}
