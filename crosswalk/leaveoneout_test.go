package crosswalk

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

var updateLOO = flag.Bool("update-loo", false, "rewrite testdata/leave-one-out.md")

// looRow is one line of the leave-one-out table: the derived mappings kept at one
// setting and how many of them the hidden set publishes.
type looRow struct {
	hops, minRoutes     int
	predicted, correct  int
	published, recalled int
}

func (r looRow) precision() float64 { return ratio(r.correct, r.predicted) }
func (r looRow) recall() float64    { return ratio(r.recalled, r.published) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// derivedPrediction is one derived mapping found with the hidden set left out.
type derivedPrediction struct {
	from, to catalog.Ref
	routes   int
	hops     int
	pivot    string // the framework family the best path goes through first
	correct  bool
}

// leaveOneOut hides the set hidden, derives its pairs from the other embedded sets
// with paths of up to hops edges, and returns every derived mapping from a control the
// hidden set maps to a control of its ISO/IEC 27002:2022 side, and the number of such
// published pairs.
func leaveOneOut(t *testing.T, hidden string, hops int) ([]derivedPrediction, int) {
	t.Helper()
	cat := catalog.Default()
	var rest []mappings.Set
	var h mappings.Set
	for _, s := range mappings.Embedded() {
		if s.ID == hidden {
			h = s
			continue
		}
		rest = append(rest, s)
	}
	require.NotEmpty(t, h.ID, hidden)
	cw, err := New(cat, rest...)
	require.NoError(t, err)
	// The published pairs source control → ISO/IEC 27002:2022 control.
	truth := map[[2]catalog.Ref]bool{}
	var sources []catalog.Ref
	for _, e := range h.Edges {
		from, okf := cat.Canonical(e.From)
		to, okt := cat.Canonical(e.To)
		if !okf || !okt || to.Framework != catalog.ISO27002v2022 || e.Relationship == mappings.NotRelatedTo {
			continue
		}
		if !truth[[2]catalog.Ref{from, to}] {
			truth[[2]catalog.Ref{from, to}] = true
		}
		if !slices.Contains(sources, from) {
			sources = append(sources, from)
		}
	}
	var out []derivedPrediction
	for _, src := range sources {
		ms, err := cw.Map(src, catalog.ISO27002v2022, WithDerived(hops))
		require.NoError(t, err)
		for _, m := range ms {
			if !m.Derived() || m.To.Framework != catalog.ISO27002v2022 {
				continue
			}
			out = append(out, derivedPrediction{from: src, to: m.To, routes: m.Routes, hops: len(m.Path),
				pivot: m.Path[0].To.Framework.Family(), correct: truth[[2]catalog.Ref{src, m.To}]})
		}
	}
	return out, len(truth)
}

func looTable(preds []derivedPrediction, published, hops int) []looRow {
	var rows []looRow
	for _, mr := range []int{1, 2, 3, 4} {
		r := looRow{hops: hops, minRoutes: mr, published: published}
		for _, p := range preds {
			if p.routes >= mr {
				r.predicted++
				if p.correct {
					r.correct++
					r.recalled++
				}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// precisionAtK is the share of correct predictions among the k first in order.
func precisionAtK(preds []derivedPrediction, k int, order func(a, b derivedPrediction) int) float64 {
	// Ties in document order, so that neither ranking borrows the other's signal.
	cat := catalog.Default()
	ps := slices.Clone(preds)
	slices.SortFunc(ps, func(a, b derivedPrediction) int {
		if c := cat.Compare(a.from, b.from); c != 0 {
			return c
		}
		return cat.Compare(a.to, b.to)
	})
	slices.SortStableFunc(ps, order)
	k = min(k, len(ps))
	c := 0
	for _, p := range ps[:k] {
		if p.correct {
			c++
		}
	}
	return ratio(c, k)
}

// TestLeaveOneOut measures how far derived paths can be trusted: it hides one
// published mapping set, derives its pairs from the others and counts how many of
// the derived mappings the hidden set publishes (precision) and how many of its pairs
// they find (recall), per path length and fewest routes. The table is kept in
// testdata/leave-one-out.md (go test ./crosswalk -run TestLeaveOneOut -update-loo
// rewrites it) and copied into the package documentation and the README. It asserts
// that ranking by routes beats ranking by hops.
func TestLeaveOneOut(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data: the measured sets need the CIS Controls as a pivot (without them CSF 2.0 reaches ISO/IEC 27002:2022 only through CSF 1.1 and the 2013 edition)")
	}
	type hiddenSet struct{ id, what string }
	sets := []hiddenSet{
		{mappings.SetCSF20ToISO27001, "NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST)"},
		{mappings.SetCIS8ToISO2022, "CIS Controls v8 → ISO/IEC 27002:2022 (CIS)"},
	}
	var b strings.Builder
	b.WriteString("| hidden set | max hops | min routes | derived mappings | of them published | precision | recall |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, hs := range sets {
		var all []derivedPrediction
		for _, hops := range []int{2, 3} {
			preds, published := leaveOneOut(t, hs.id, hops)
			require.NotEmpty(t, preds, hs.id)
			for _, r := range looTable(preds, published, hops) {
				fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %.2f | %.2f |\n", hs.what, r.hops, r.minRoutes, r.predicted, r.correct, r.precision(), r.recall())
			}
			if hops == 3 {
				all = preds
			}
			if hops == 2 {
				// Single-route derived mappings by the framework they pass through: how
				// good each pivot is on its own.
				type tally struct{ n, ok int }
				by := map[string]*tally{}
				for _, p := range preds {
					if p.routes != 1 {
						continue
					}
					if by[p.pivot] == nil {
						by[p.pivot] = &tally{}
					}
					by[p.pivot].n++
					if p.correct {
						by[p.pivot].ok++
					}
				}
				pivots := make([]string, 0, len(by))
				for k := range by {
					pivots = append(pivots, k)
				}
				slices.Sort(pivots)
				for _, pv := range pivots {
					fmt.Fprintf(&b, "| %s | 2 | one route, through %s | %d | %d | %.2f | |\n", hs.what, pv, by[pv].n, by[pv].ok, ratio(by[pv].ok, by[pv].n))
				}
			}
			// The numbers are computed: precision and recall are ratios of counts.
			rows := looTable(preds, published, hops)
			for i := 1; i < len(rows); i++ {
				assert.LessOrEqual(t, rows[i].predicted, rows[i-1].predicted, "a higher bar keeps fewer")
			}
		}
		// Ranking by routes beats ranking by hops: among the top k (k = the number of
		// correct derived mappings), more are right when ranked by routes.
		k := 0
		for _, p := range all {
			if p.correct {
				k++
			}
		}
		byRoutes := precisionAtK(all, k, func(a, b derivedPrediction) int { return cmp.Compare(b.routes, a.routes) })
		byHops := precisionAtK(all, k, func(a, b derivedPrediction) int { return cmp.Compare(a.hops, b.hops) })
		t.Logf("%s: precision of the top %d derived mappings ranked by routes %.2f, by hops %.2f", hs.id, k, byRoutes, byHops)
		assert.Greater(t, byRoutes, byHops, "%s: ranking by routes must beat ranking by hops", hs.id)
		fmt.Fprintf(&b, "| %s | 2–3 | top %d by routes / by hops | | | %.2f / %.2f | |\n", hs.what, k, byRoutes, byHops)
	}
	got := b.String()
	t.Log("\n" + got)
	path := filepath.Join("testdata", "leave-one-out.md")
	if *updateLOO {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./crosswalk -run TestLeaveOneOut -update-loo")
	assert.Equal(t, string(want), got, "the table is stable; rewrite it with -update-loo and review the diff")
	// The package documentation and the README show the same table.
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		assert.Contains(t, string(doc), "//\t"+line+"\n", "doc.go lacks a line of the table")
		assert.Contains(t, string(readme), line+"\n", "README.md lacks a line of the table")
	}
}
