package crosswalk

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// Every posture row equals the gap of its target alone, with the same options.
func TestPostureRowsEqualGap(t *testing.T) {
	cw := Default()
	for _, file := range []string{"small-company.csv", "cloud-startup.csv"} {
		a := readExample(t, file)
		for _, opts := range [][]PostureOption{nil, {Strict}, {WithDerived(2)}} {
			p, err := cw.Posture(a, opts...)
			require.NoError(t, err)
			var targets []catalog.FrameworkID
			for _, r := range p.Rows {
				if !slices.Contains(targets, r.Target) {
					targets = append(targets, r.Target)
				}
				gopts := []GapOption{}
				for _, o := range opts {
					gopts = append(gopts, o)
				}
				switch r.Limit {
				case "":
				case "IG1", "IG2", "IG3":
					gopts = append(gopts, WithGroup(r.Limit))
				default:
					gopts = append(gopts, WithProfile(r.Limit))
				}
				g, err := cw.Gap(a, r.Target, gopts...)
				require.NoError(t, err)
				assert.Equal(t, g.Summary, r.Summary, "%s %s %s", file, r.Target, r.Limit)
			}
			want := []catalog.FrameworkID{catalog.CSF20, catalog.NIS2v2024, catalog.SP80053v5}
			if catalog.HasCIS() {
				want = append(want, catalog.CIS81)
			}
			assert.ElementsMatch(t, want, targets, "the newest of every family but the baseline's")
			assert.Len(t, p.Recommendations, DefaultPostureRecommendations)
		}
	}
}

// A hand-checked cross-framework recommendation: with nothing implemented but 5.1,
// the control that moves the most items over every framework together.
func TestPostureRecommendationHandChecked(t *testing.T) {
	cw := Default()
	a, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented})
	require.NoError(t, err)
	p, err := cw.Posture(a, WithTargets(catalog.CSF20, catalog.NIS2v2024))
	require.NoError(t, err)
	require.Len(t, p.Rows, 2)
	require.NotEmpty(t, p.Recommendations)
	first := p.Recommendations[0]
	// Its gain is what implementing it alone adds to the two gaps.
	before := 0
	after := 0
	b, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented}, Entry{Control: iso(first.Control), Status: Implemented})
	require.NoError(t, err)
	for _, tf := range []catalog.FrameworkID{catalog.CSF20, catalog.NIS2v2024} {
		g0, err := cw.Gap(a, tf)
		require.NoError(t, err)
		g1, err := cw.Gap(b, tf)
		require.NoError(t, err)
		before += 2*g0.Summary.Covered + g0.Summary.Partial
		after += 2*g1.Summary.Covered + g1.Summary.Partial
	}
	assert.Equal(t, after-before, first.Gain)
	// And no other single control gains more.
	for c := range cw.Catalog().Controls(catalog.ISO27002v2022) {
		if i, _ := cw.lookup(c.Ref); c.Ref.ID == "5.1" || !cw.item[i] {
			continue
		}
		x, err := NewAssessment(nil, "", Entry{Control: iso("5.1"), Status: Implemented}, Entry{Control: c.Ref, Status: Implemented})
		require.NoError(t, err)
		sum := 0
		for _, tf := range []catalog.FrameworkID{catalog.CSF20, catalog.NIS2v2024} {
			g, err := cw.Gap(x, tf)
			require.NoError(t, err)
			sum += 2*g.Summary.Covered + g.Summary.Partial
		}
		assert.LessOrEqual(t, sum-before, first.Gain, c.Ref.ID)
	}
	_, err = cw.Posture(a, WithGroup("IG1"))
	assert.ErrorContains(t, err, "do not apply")
}

// The overlap of ISO/IEC 27002:2022 with CIS v8 is the share of safeguards that CIS's
// published mapping links to an ISO control, read from the reference file.
func TestOverlapISOToCIS(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data")
	}
	mapped := map[string]bool{}
	for _, r := range testref.ReadCSV(t, "mappings", "cis-controls-v8_to_iso27002-2022.csv") {
		if r["relationship"] != "not_related" && r["relationship"] != "no-relationship" {
			mapped[r["cis_id"]] = true
		}
	}
	require.NotEmpty(t, mapped)
	cw := Default()
	o, err := cw.Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CIS8})
	require.NoError(t, err)
	require.Len(t, o.Pairs, 2)
	p := o.Pairs[0]
	assert.Equal(t, catalog.ISO27002v2022, p.From)
	assert.Equal(t, catalog.CIS8, p.To)
	assert.Equal(t, 153, p.Items)
	assert.Equal(t, len(mapped), p.Published)
	assert.Equal(t, 153-len(mapped), len(p.Unreached))
	for _, id := range p.Unreached {
		assert.False(t, mapped[id], id)
	}
	// The other way: ISO controls a CIS safeguard reaches (59, the reference README).
	assert.Equal(t, 59, o.Pairs[1].Published)
	assert.Equal(t, 93, o.Pairs[1].Items)

	d, err := cw.Overlap([]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CIS8}, WithDerived(2))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, d.Pairs[0].Derived, d.Pairs[0].Published)
}
