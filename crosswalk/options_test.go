package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestParsePolicy: the three words in any case and with spaces; anything else is an
// error that lists what is accepted.
func TestParsePolicy(t *testing.T) {
	for in, want := range map[string]Policy{"auto": Auto, "STRICT": Strict, " Referenced ": Referenced} {
		got, err := ParsePolicy(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "lenient", "strict+referenced"} {
		_, err := ParsePolicy(in)
		assert.EqualError(t, err, `crosswalk: unknown coverage policy "`+in+`" (want auto, strict or referenced)`)
	}
}

// TestGapConfigDefaults: what the options set, read from their doc comments: policy
// Auto, DefaultRecommendations, one route; WithDerived(0) means DefaultMaxHops, one
// hop is read as two (a derived path has at least two) and more than MaxHops as
// MaxHops; WithMinRoutes below one is one; WithRecommendations below zero is zero;
// groups and profiles in any case; a nil option is ignored.
func TestGapConfigDefaults(t *testing.T) {
	cfg, err := newGapConfig(nil)
	require.NoError(t, err)
	assert.Equal(t, Auto, cfg.policy)
	assert.Equal(t, DefaultRecommendations, cfg.recs)
	assert.Equal(t, 1, cfg.minRoutes)
	assert.False(t, cfg.derived)

	for _, c := range []struct{ in, hops int }{{0, DefaultMaxHops}, {-3, DefaultMaxHops}, {1, 2}, {2, 2}, {3, 3}, {4, 4}, {9, MaxHops}} {
		cfg, err := newGapConfig([]GapOption{WithDerived(c.in)})
		require.NoError(t, err)
		assert.True(t, cfg.derived)
		assert.Equal(t, c.hops, cfg.hops, "WithDerived(%d)", c.in)
		m := newMapConfig([]MapOption{WithDerived(c.in)})
		assert.Equal(t, c.hops, m.hops, "map: WithDerived(%d)", c.in)
	}
	cfg, err = newGapConfig([]GapOption{WithMinRoutes(0), WithRecommendations(-1), WithGroup(" ig2 "), WithProfile("moderate"), nil, Strict})
	require.NoError(t, err)
	assert.Equal(t, 1, cfg.minRoutes)
	assert.Equal(t, 0, cfg.recs)
	assert.Equal(t, []string{"IG2"}, cfg.groups)
	assert.Equal(t, []string{"MODERATE"}, cfg.profiles)
	assert.Equal(t, Strict, cfg.policy, "the last policy given wins")
	assert.Equal(t, 3, newMapConfig([]MapOption{WithMinRoutes(3), nil}).minRoutes)
}

// TestGapOptionErrors: every option a gap query cannot use is an error that says what
// is accepted, never a silently different query.
func TestGapOptionErrors(t *testing.T) {
	cw := Default()
	a := only(t, Implemented, "5.1")
	csf := func(id string) catalog.Ref { return catalog.NewRef(catalog.CSF20, id) }
	for _, c := range []struct {
		name   string
		target catalog.FrameworkID
		opts   []GapOption
		want   string
		is     error
	}{
		{name: "target is the baseline", target: catalog.ISO27002v2022,
			want: "crosswalk: the target iso27002:2022 is the baseline"},
		{name: "unknown target", target: "csf:9", is: catalog.ErrUnknownFramework},
		{name: "unknown group", target: catalog.SP80053v5, opts: []GapOption{WithGroup("ig0")},
			want: `crosswalk: unknown implementation group "IG0" (want IG1, IG2 or IG3)`},
		{name: "group of a framework without groups", target: catalog.CSF20, opts: []GapOption{WithGroup("IG1")},
			want: "crosswalk: nist-csf:2.0 has no implementation groups (WithGroup applies to the CIS Controls)"},
		{name: "unknown profile", target: catalog.SP80053v5, opts: []GapOption{WithProfile("extreme")},
			want: `crosswalk: unknown control baseline "EXTREME" (want LOW, MODERATE, HIGH or PRIVACY)`},
		{name: "profile of a framework without profiles", target: catalog.CSF20, opts: []GapOption{WithProfile("LOW")},
			want: "crosswalk: nist-csf:2.0 has no control baselines (WithProfile applies to NIST SP 800-53)"},
		{name: "scope in another framework", target: catalog.CSF20, opts: []GapOption{WithScope(iso("5.1"))}, is: catalog.ErrNotFound},
		{name: "scope not in the catalog", target: catalog.CSF20, opts: []GapOption{WithScope(csf("XX.YY"))}, is: catalog.ErrNotFound},
		{name: "unknown policy", target: catalog.CSF20, opts: []GapOption{Policy("loose")},
			want: `crosswalk: unknown coverage policy "loose" (want auto, strict or referenced)`},
		{name: "baseline other than the assessment's", target: catalog.CSF20, opts: []GapOption{WithBaseline(catalog.ISO27001v2022)},
			want: "crosswalk: the assessment rates iso27002:2022, not iso27001:2022"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := cw.Gap(a, c.target, c.opts...)
			require.Error(t, err)
			if c.want != "" {
				assert.EqualError(t, err, c.want)
			}
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
			// Recommend reads its options the same way.
			_, rerr := cw.Recommend(a, c.target, 3, c.opts...)
			assert.Equal(t, err.Error(), rerr.Error())
		})
	}
	// An ISMS baseline carries ISO/IEC 27002 as its Annex A: that is the baseline too.
	_, err := cw.Requirements(catalog.ISO27002v2022, WithBaseline(catalog.ISO27001v2022))
	assert.EqualError(t, err, "crosswalk: the target iso27002:2022 is the baseline")
	_, err = cw.Requirements(catalog.CSF20, WithBaseline("iso:1999"))
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
}

// TestPostureOptionErrors: Posture makes its own rows per limit, so a limit option is
// refused, as are a nil assessment and a target equal to the baseline.
func TestPostureOptionErrors(t *testing.T) {
	cw := Default()
	a := only(t, Implemented, "5.1")
	for _, o := range []PostureOption{WithGroup("IG1"), WithProfile("LOW"), WithScope(catalog.NewRef(catalog.CSF20, "PR"))} {
		_, err := cw.Posture(a, o)
		assert.EqualError(t, err, "crosswalk: Posture makes its own rows per implementation group and control baseline; WithGroup, WithProfile and WithScope do not apply")
	}
	_, err := cw.Posture(nil)
	assert.EqualError(t, err, "crosswalk: nil assessment")
	_, err = cw.Posture(a, WithTargets(catalog.ISO27002v2022))
	assert.ErrorContains(t, err, "the target iso27002:2022 is the baseline")
	_, err = cw.Posture(a, WithTargets("nope:1"))
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	_, err = cw.Recommend(nil, catalog.CSF20, 3)
	assert.EqualError(t, err, "crosswalk: nil assessment")
}

// TestPostureSynthetic: on the synthetic catalog, the posture against tgt:1 is one row
// equal to the gap's summary, the rows follow WithTargets' order, and the
// recommendations are those of the gap (one target: the same greedy choice).
func TestPostureSynthetic(t *testing.T) {
	cw := synth(t)
	a := synthAssessment(t, cw.Catalog())
	p, err := cw.Posture(a, WithTargets(fwTgt, fwDst), Strict)
	require.NoError(t, err)
	assert.Equal(t, fwBase, p.Baseline)
	assert.Equal(t, Strict, p.Policy)
	require.Len(t, p.Rows, 2)
	g, err := cw.Gap(a, fwTgt, Strict)
	require.NoError(t, err)
	assert.Equal(t, PostureRow{Target: fwTgt, Name: "target", Summary: g.Summary}, p.Rows[0])
	assert.Equal(t, fwDst, p.Rows[1].Target)
	assert.Equal(t, Summary{Total: 9, Unreached: 9, Applicable: 9, UnreachedPercent: 100}, p.Rows[1].Summary,
		"no baseline control maps to dst:1")
	// The gap's recommendations (B3 gains 2, B4 gains 1), each moving one item of
	// tgt:1; a target where a control moves nothing is not listed in its moves.
	assert.Equal(t, []PostureRecommendation{
		{Control: "B3", Title: "control B3", Status: NotImplemented, Gain: 2, Moves: []PostureMove{{Target: fwTgt, Items: 1}}},
		{Control: "B4", Title: "control B4", Status: Partial, Gain: 1, Moves: []PostureMove{{Target: fwTgt, Items: 1}}},
	}, p.Recommendations)
}

// TestOverlapSynthetic: the overlap of the synthetic baseline with the target, read
// off synthSets by hand: published edges (either direction, B4 ← F.B-1) reach F.A-1,
// F.A-2, F.B-1, F.B-2, F.B-4, F.B-5 and F.B-6; F.A-3 is reached only at its category
// (context) and F.B-3 only by a derived path through M1.
func TestOverlapSynthetic(t *testing.T) {
	cw := synth(t)
	o, err := cw.Overlap([]catalog.FrameworkID{fwBase, fwTgt})
	require.NoError(t, err)
	assert.False(t, o.Derived)
	require.Len(t, o.Pairs, 2)
	p := o.Pairs[0]
	assert.Equal(t, OverlapPair{From: fwBase, To: fwTgt, Items: 9, Published: 7, PublishedPercent: 77.8,
		Unreached: []string{"F.A-3", "F.B-3"}}, p)
	// The other way: the baseline controls an item of tgt:1 reaches. Only B5 is not:
	// its one edge from tgt:1 is F.A's, a category, which is not an item (an item of
	// From reaches as in a gap with From as the baseline).
	assert.Equal(t, OverlapPair{From: fwTgt, To: fwBase, Items: 7, Published: 6, PublishedPercent: 85.7,
		Unreached: []string{"B5"}}, o.Pairs[1])

	d, err := cw.Overlap([]catalog.FrameworkID{fwBase, fwTgt}, WithDerived(2))
	require.NoError(t, err)
	assert.True(t, d.Derived)
	assert.Equal(t, 8, d.Pairs[0].Derived, "F.B-3 through M1 too")
	assert.Equal(t, 88.9, d.Pairs[0].DerivedPercent)
	assert.Equal(t, p.Published, d.Pairs[0].Published, "derived paths change no published count")

	_, err = cw.Overlap([]catalog.FrameworkID{fwBase, "nope:1"})
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
}
