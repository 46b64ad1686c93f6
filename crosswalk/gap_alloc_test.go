package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// allocAssessment rates every ISO/IEC 27002:2022 control, cycling through the
// statuses (as the benchmarks do).
func allocAssessment(t *testing.T) *Assessment {
	t.Helper()
	var es []Entry
	i := 0
	for c := range catalog.Default().Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		es = append(es, Entry{Control: c.Ref, Status: []Status{Implemented, Partial, Planned, NotImplemented, Implemented, NotApplicable}[i%6]})
		i++
	}
	a, err := NewAssessment(nil, "", es...)
	require.NoError(t, err)
	return a
}

// TestGapAllocationBudget holds Gap to what it returns: the result, its items, one
// array for every Via, one for every string list, the roll-ups and, with
// recommendations, one array for them and one for their moves. Working tables come
// from a pool and the per-target data from the memo.
func TestGapAllocationBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector drops pooled memory at random: allocation counts are not deterministic under -race")
	}
	cw := Default()
	a := allocAssessment(t)
	type budget struct {
		name   string
		target catalog.FrameworkID
		opts   []GapOption
		budget float64
	}
	cases := []budget{
		{"csf/recommendations", catalog.CSF20, nil, 8},
		{"csf/no recommendations", catalog.CSF20, []GapOption{WithRecommendations(0)}, 6},
	}
	if catalog.HasCIS() {
		cases = append(cases,
			budget{"cis8/recommendations", catalog.CIS8, nil, 8},
			budget{"cis8.1 derived/recommendations", catalog.CIS81, []GapOption{WithDerived(2)}, 8})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := cw.Gap(a, tc.target, tc.opts...) // warm the memo and the pool
			require.NoError(t, err)
			require.NotEmpty(t, res.Items)
			if len(tc.opts) == 0 || tc.opts[0] != WithRecommendations(0) {
				require.NotEmpty(t, res.Recommendations, "the budget must cover recommendations")
			}
			allocs := testing.AllocsPerRun(200, func() {
				if _, err := cw.Gap(a, tc.target, tc.opts...); err != nil {
					t.Fatal(err)
				}
			})
			require.LessOrEqual(t, allocs, tc.budget, "allocations per Gap call")
		})
	}
}
