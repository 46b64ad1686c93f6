package crosswalk

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// TestGapAllocationBudget holds Gap to what it returns: the result, its items, one
// array for every Via, one for every string list, the roll-ups and, with
// recommendations, one array for them and one for their moves; and the note of a
// result whose covered items have controls outside the baseline. Working tables come
// from a pool and the per-target data from the memo.
func TestGapAllocationBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector drops pooled memory at random: allocation counts are not deterministic under -race")
	}
	cw := Default()
	a := benchAssessment(t)
	type budget struct {
		name   string
		target catalog.FrameworkID
		opts   []GapOption
		budget float64
	}
	cases := []budget{
		// Covered CSF items NIST also maps to ISO/IEC 27001 clauses: one string, the note.
		{"csf/recommendations", catalog.CSF20, nil, 9},
		{"csf/no recommendations", catalog.CSF20, []GapOption{WithRecommendations(0)}, 7},
	}
	if catalog.HasCIS() {
		cases = append(cases,
			budget{"cis8/recommendations", catalog.CIS8, nil, 8},
			// Derived links carry their paths' hops: one more array.
			budget{"cis8.1 derived/recommendations", catalog.CIS81, []GapOption{WithDerived(2)}, 9})
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

// TestGapScratchReuse runs Gap queries of different sizes and options (targets,
// scopes, groups, recommendations) on two assessments from many goroutines at once:
// each must equal its result computed alone, so no pooled working memory leaks from
// one query into another.
func TestGapScratchReuse(t *testing.T) {
	cw := Default()
	as := []*Assessment{benchAssessment(t), only(t, Implemented, "5.1", "8.16", "8.8")}
	type query struct {
		a    *Assessment
		tf   catalog.FrameworkID
		opts []GapOption
	}
	var qs []query
	for _, a := range as {
		qs = append(qs,
			query{a, catalog.CSF20, nil},
			query{a, catalog.CSF20, []GapOption{WithScope(catalog.NewRef(catalog.CSF20, "PR")), WithRecommendations(3)}},
			query{a, catalog.CSF20, []GapOption{Strict, WithDerived(2)}},
			query{a, catalog.CSF11, []GapOption{Referenced}})
		if catalog.HasCIS() {
			qs = append(qs,
				query{a, catalog.CIS8, []GapOption{WithGroup("IG1")}},
				query{a, catalog.CIS81, []GapOption{WithDerived(2), WithRecommendations(20)}})
		}
	}
	want := make([]string, len(qs))
	for i, q := range qs {
		r, err := cw.Gap(q.a, q.tf, q.opts...)
		require.NoError(t, err)
		b, err := codec.Marshal(r)
		require.NoError(t, err)
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 * len(qs) {
				k := (i*7 + g) % len(qs)
				r, err := cw.Gap(qs[k].a, qs[k].tf, qs[k].opts...)
				if err != nil {
					errs <- err
					return
				}
				if b, _ := codec.Marshal(r); string(b) != want[k] {
					errs <- fmt.Errorf("goroutine %d, query %d: result differs from the one computed alone", g, k)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
