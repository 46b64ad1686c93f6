package crosswalk

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

func iso(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }

// The 23 ISO/IEC 27002:2022 controls no CSF 2.0 element cites (reference README,
// "Coverage facts").
var notCitedByCSF = []string{"5.5", "5.6", "5.11", "5.23", "5.30", "5.32", "5.34", "5.37", "7.6", "7.8", "7.9",
	"7.11", "8.1", "8.10", "8.11", "8.12", "8.23", "8.24", "8.29", "8.30", "8.31", "8.33", "8.34"}

func only(t *testing.T, st Status, ids ...string) *Assessment {
	t.Helper()
	var es []Entry
	for _, id := range ids {
		es = append(es, Entry{Control: iso(id), Status: st})
	}
	a, err := NewAssessment(nil, "", es...)
	require.NoError(t, err)
	return a
}

func TestDefaultCSFItemsOnceEach(t *testing.T) {
	cw := Default()
	r, err := cw.Gap(only(t, Implemented), catalog.CSF20)
	require.NoError(t, err)
	require.Len(t, r.Items, 106)
	seen := map[string]bool{}
	for _, it := range r.Items {
		require.False(t, seen[it.ID], it.ID)
		seen[it.ID] = true
		c, ok := cw.Catalog().Control(catalog.NewRef(catalog.CSF20, it.ID))
		require.True(t, ok)
		assert.Equal(t, catalog.KindSubcategory, c.Kind)
	}
	assert.Equal(t, 106, r.Summary.Total)
	assert.Len(t, r.NotAssessed, 93)
	// 6 functions and 22 categories rolled up.
	kinds := map[string]int{}
	for _, g := range r.Groups {
		kinds[g.Kind]++
	}
	assert.Equal(t, map[string]int{"function": 6, "category": 22}, kinds)
}

func TestDefaultOnly816(t *testing.T) {
	cw := Default()
	none, err := cw.Gap(only(t, Implemented), catalog.CSF20, Strict)
	require.NoError(t, err)
	with, err := cw.Gap(only(t, Implemented, "8.16"), catalog.CSF20, Strict)
	require.NoError(t, err)
	// DE.CM-01 cites 8.16: at least partial.
	for _, it := range with.Items {
		if it.ID == "DE.CM-01" {
			assert.Contains(t, []Coverage{ItemCovered, ItemPartial}, it.Status)
		}
	}
	moved := 0
	for i, it := range with.Items {
		reached816, others := false, 0
		for _, v := range it.Via() {
			switch {
			case !v.Ancestor.IsZero():
				// mapped at category level: context only
			case v.From.ID == "8.16":
				reached816 = true
			default:
				others++
			}
		}
		before := none.Items[i].Status
		switch {
		case reached816:
			assert.Equal(t, ItemGap, before, it.ID)
			assert.Equal(t, ItemPartial, it.Status, "%s: 8.16 reaches it, as related (NIST informative reference)", it.ID)
			moved++
			if others == 0 {
				// Reached only by 8.16: referenced policy covers it.
				ref, err := cw.Gap(only(t, Implemented, "8.16"), catalog.CSF20, Referenced)
				require.NoError(t, err)
				assert.Equal(t, ItemCovered, ref.Items[i].Status, it.ID)
			}
		default:
			assert.Equal(t, before, it.Status, it.ID)
		}
	}
	assert.Positive(t, moved)
	assert.Equal(t, moved, with.Summary.Partial)
}

func TestDefaultControlsCSFNeverCites(t *testing.T) {
	cw := Default()
	for _, id := range notCitedByCSF {
		m, err := cw.Map(iso(id), catalog.CSF20)
		require.NoError(t, err)
		assert.Empty(t, m, id)
	}
	for _, pol := range []Policy{Strict, Referenced} {
		r, err := cw.Gap(only(t, Implemented, notCitedByCSF...), catalog.CSF20, pol)
		require.NoError(t, err)
		assert.Zero(t, r.Summary.Covered, pol)
		assert.Zero(t, r.Summary.Partial, pol)
		assert.Equal(t, 106, r.Summary.Gap+r.Summary.Unreached, pol)
		assert.Len(t, r.NotAssessed, 70)
		for _, rec := range r.Recommendations {
			assert.NotContains(t, notCitedByCSF, rec.Control)
		}
	}
	// Every other control is cited (directly or at a category/function) by some element.
	cited := map[string]bool{}
	for c := range cw.Catalog().Controls(catalog.CSF20) {
		m, err := cw.Map(c.Ref, catalog.ISO27002v2022)
		require.NoError(t, err)
		for _, x := range m {
			cited[x.To.ID] = true
		}
	}
	assert.Len(t, cited, 93-23)
}

func TestDefaultUnreachedMeansNoISOReference(t *testing.T) {
	cw := Default()
	var all []Entry
	for c := range cw.Catalog().Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		all = append(all, Entry{Control: c.Ref, Status: Implemented})
	}
	a, err := NewAssessment(nil, "", all...)
	require.NoError(t, err)
	assert.Empty(t, a.NotAssessed())
	r, err := cw.Gap(a, catalog.CSF20)
	require.NoError(t, err)
	unreached := 0
	for _, it := range r.Items {
		m, err := cw.Map(catalog.NewRef(catalog.CSF20, it.ID), catalog.ISO27002v2022)
		require.NoError(t, err)
		if len(m) == 0 || !m[0].Ancestor.IsZero() {
			assert.Equal(t, ItemUnreached, it.Status, it.ID)
			for _, v := range it.Via() {
				assert.NotEmpty(t, v.Ancestor.ID, "%s: only mapped at category or function level", it.ID)
			}
			unreached++
		} else {
			assert.NotEqual(t, ItemUnreached, it.Status, it.ID)
			assert.NotEqual(t, ItemGap, it.Status, "%s: every control is implemented", it.ID)
		}
	}
	assert.Positive(t, unreached)
	assert.Equal(t, unreached, r.Summary.Unreached)
	assert.Len(t, r.Unreached, unreached)
	assert.Empty(t, r.Recommendations)
	// Referenced policy with everything implemented covers every reached item.
	r, err = cw.Gap(a, catalog.CSF20, Referenced)
	require.NoError(t, err)
	assert.Equal(t, 106-unreached, r.Summary.Covered)
	assert.Equal(t, 100.0, r.Summary.CoveredPercent+r.Summary.UnreachedPercent)
}

func TestDefaultCIS(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	cw := Default()
	a := only(t, Implemented, "8.16", "5.9", "8.8")
	r, err := cw.Gap(a, catalog.CIS8)
	require.NoError(t, err)
	assert.Len(t, r.Items, 153)
	var igs []Rollup
	for _, g := range r.Groups {
		if g.Kind == "implementation-group" {
			igs = append(igs, g)
		}
	}
	require.Len(t, igs, 3)
	assert.Equal(t, []int{56, 130, 153}, []int{igs[0].Total, igs[1].Total, igs[2].Total})
	ig1, err := cw.Gap(a, catalog.CIS8, WithGroup("ig1"))
	require.NoError(t, err)
	assert.Len(t, ig1.Items, 56)
	assert.Equal(t, []string{"IG1"}, ig1.IGs)
	// CIS v8.1 is reached from ISO through CIS's published v8 mapping, carried across
	// the identity succession v8 → v8.1 (same safeguards, all equal): published, not
	// derived, and the same statuses as against v8 (issue: "gap --target cis" said
	// 0 %, every safeguard unreached).
	r81, err := cw.Gap(a, catalog.CIS81)
	require.NoError(t, err)
	require.Len(t, r81.Items, len(r.Items))
	assert.Equal(t, r.Summary, r81.Summary)
	for i, it := range r81.Items {
		assert.Equal(t, r.Items[i].ID, it.ID)
		assert.Equal(t, r.Items[i].Status, it.Status, it.ID)
		for _, v := range it.Via() {
			if v.Basis != BasisAncestor {
				assert.Equal(t, BasisSuccession, v.Basis, it.ID)
				assert.Equal(t, catalog.CIS8, v.Through, it.ID)
			}
		}
	}
	require.Len(t, r81.Notes, 1)
	assert.Contains(t, r81.Notes[0], `via cis:8 (succession)`)
	assert.Empty(t, r.Notes, "against v8 itself nothing is carried")
	// IG1 recommendations carry weight 3.
	for _, rec := range ig1.Recommendations {
		for _, m := range rec.Moves {
			assert.Equal(t, 3, m.Weight)
		}
	}
	req, err := cw.Requirements(catalog.CIS8, WithGroup("IG1"))
	require.NoError(t, err)
	assert.NotEmpty(t, req)
	for _, q := range req {
		assert.Equal(t, catalog.ISO27002v2022, q.Control.Framework)
		for _, l := range q.Links {
			c, _ := cw.Catalog().Control(l.To)
			assert.True(t, c.Has(catalog.AttrImplementation, "IG1"), l.To.String())
		}
	}
}

func TestDefaultRequirementsCSFProtect(t *testing.T) {
	cw := Default()
	req, err := cw.Requirements(catalog.CSF20, WithScope(catalog.NewRef(catalog.CSF20, "PR")))
	require.NoError(t, err)
	require.NotEmpty(t, req)
	for i, q := range req {
		if i > 0 {
			assert.Negative(t, cw.Catalog().Compare(req[i-1].Control, q.Control))
		}
		for _, l := range q.Links {
			assert.Equal(t, "PR", l.To.ID[:2], l.To.String())
		}
	}
}

func TestDefaultGapJSONMatchesEncodingJSON(t *testing.T) {
	r, err := Default().Gap(only(t, Implemented, "5.1", "8.16"), catalog.CSF20, WithDerived(2))
	require.NoError(t, err)
	got, err := codec.Marshal(r)
	require.NoError(t, err)
	want, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestConcurrentQueries(t *testing.T) {
	a := only(t, Implemented, "5.1", "8.16", "8.8")
	want, err := Default().Gap(a, catalog.CSF20, WithDerived(2))
	require.NoError(t, err)
	wantJSON, _ := codec.Marshal(want)
	// A fresh crosswalk, so that the goroutines race to fill its memo too.
	cw, err := New(catalog.Default(), mappings.Embedded()...)
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				r, err := cw.Gap(a, catalog.CSF20, WithDerived(2))
				if err != nil {
					errs <- err
					return
				}
				b, _ := codec.Marshal(r)
				if string(b) != string(wantJSON) {
					errs <- fmt.Errorf("goroutine %d: different result", g)
					return
				}
				if _, err := cw.Map(iso("8.16"), catalog.CSF20, WithDerived(3)); err != nil {
					errs <- err
					return
				}
				if _, err := cw.Requirements(catalog.CSF20); err != nil {
					errs <- err
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

func TestDefaultMapToISO27001IncludesAnnexA(t *testing.T) {
	cw := Default()
	ms, err := cw.Map(catalog.NewRef(catalog.CSF20, "DE.CM-01"), catalog.ISO27001v2022)
	require.NoError(t, err)
	var got []string
	for _, m := range ms {
		got = append(got, m.To.String())
	}
	assert.Contains(t, got, "iso27002:2022/8.16", "Annex A control 8.16 is ISO/IEC 27002:2022 8.16")
	direct, err := cw.Map(catalog.NewRef(catalog.CSF20, "DE.CM-01"), catalog.ISO27002v2022)
	require.NoError(t, err)
	assert.Len(t, direct, 1)
}

// A result limited to implementation groups rolls up only those groups: limited to
// IG1, an "IG2" roll-up would count the 56 IG1 safeguards as if they were IG2's 130.
func TestGapGroupRollupsFollowTheLimit(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	a := only(t, Implemented, "8.16", "5.9", "8.8")
	for _, tc := range []struct {
		groups []string
		want   map[string]int // implementation-group roll-up → total
	}{
		{[]string{"IG1"}, map[string]int{"IG1": 56}},
		{[]string{"ig2", "IG1"}, map[string]int{"IG1": 56, "IG2": 130}},
		{nil, map[string]int{"IG1": 56, "IG2": 130, "IG3": 153}},
	} {
		var opts []GapOption
		for _, g := range tc.groups {
			opts = append(opts, WithGroup(g))
		}
		r, err := Default().Gap(a, catalog.CIS8, opts...)
		require.NoError(t, err)
		got := map[string]int{}
		for _, g := range r.Groups {
			if g.Kind == "implementation-group" {
				got[g.ID] = g.Total
			}
		}
		assert.Equal(t, tc.want, got, "%v", tc.groups)
	}
}

// Issue: an ISMS assessment (baseline iso27001:2022, clause rows and Annex A rows)
// accepted the Annex A rows and then ignored them: ID.AM-01 was unreached although
// A.5.9 was implemented. The 27001 baseline is the clauses and Annex A.
func TestDefaultISMSBaseline(t *testing.T) {
	cw := Default()
	csv := "control,status\n4.1,implemented\nA.5.9,implemented\n6.1.1,implemented\n"
	a, err := ReadAssessmentCSV("isms.csv", strings.NewReader(csv), nil, WithBaseline(catalog.ISO27001v2022))
	require.NoError(t, err)
	r, err := cw.Gap(a, catalog.CSF20)
	require.NoError(t, err)
	st := statuses(r)
	// NIST: ID.AM-01 → A.5.9 only; GV.OC-01 → clauses 4.1, 6.1, 8.1-8.3 (no Annex A);
	// GV.RM-07 → clause 6.1.1 only.
	assert.Equal(t, ItemCovered, st["ID.AM-01"])
	assert.Equal(t, ItemPartial, st["GV.OC-01"], "4.1 implemented, 8.1-8.3 not assessed")
	assert.Equal(t, ItemCovered, st["GV.RM-07"])
	for _, it := range r.Items {
		if it.ID == "ID.AM-01" {
			require.Len(t, it.Via(), 1)
			assert.Equal(t, "A.5.9", r.ControlID(it.Via()[0].From), "an Annex A control is named as ISO/IEC 27001 names it")
		}
		if it.ID == "GV.RM-07" {
			assert.Equal(t, "6.1.1", r.ControlID(it.Via()[0].From))
		}
	}
	// Every leaf clause and every Annex A control not rated is listed as not assessed.
	assert.Contains(t, r.NotAssessed, "A.5.1")
	assert.Contains(t, r.NotAssessed, "10.2")
	assert.NotContains(t, r.NotAssessed, "A.5.9")
	assert.Len(t, a.NotAssessed(), len(r.NotAssessed))

	// The same controls rated in an ISO/IEC 27002 assessment reach fewer items: the
	// full ISMS baseline gives at least the coverage of its Annex A alone.
	a27002, err := ReadAssessmentCSV("annex.csv", strings.NewReader("control,status\n5.9,implemented\n"), nil)
	require.NoError(t, err)
	r27002, err := cw.Gap(a27002, catalog.CSF20)
	require.NoError(t, err)
	assert.Greater(t, r.Summary.Covered, r27002.Summary.Covered)
	assert.Less(t, r.Summary.Unreached, r27002.Summary.Unreached)
}

// Issue: --derived lowered coverage (small-company, CSF 2.0, referenced: 63.8 % →
// 57.5 %). Derived paths only add reach to items no published edge reaches: over the
// example assessments, every target, policy and path length, an item's status with
// derived paths is its status without them unless it was unreached, covered never
// drops, and covered + partial never drops.
func TestDerivedNeverLowersCoverage(t *testing.T) {
	cw := Default()
	targets := []catalog.FrameworkID{catalog.CSF20, catalog.CSF11}
	if catalog.HasCIS() {
		targets = append(targets, catalog.CIS8, catalog.CIS81)
	}
	for _, file := range []string{"small-company.csv", "cloud-startup.csv"} {
		a := readExample(t, file)
		for _, tf := range targets {
			for _, pol := range []Policy{Auto, Strict, Referenced} {
				plain, err := cw.Gap(a, tf, pol)
				require.NoError(t, err)
				for _, hops := range []int{2, 3} {
					der, err := cw.Gap(a, tf, pol, WithDerived(hops))
					require.NoError(t, err)
					name := fmt.Sprintf("%s %s %s hops %d", file, tf, pol, hops)
					require.Len(t, der.Items, len(plain.Items), name)
					for k, it := range der.Items {
						if plain.Items[k].Status != ItemUnreached {
							assert.Equal(t, plain.Items[k].Status, it.Status, "%s: %s", name, it.ID)
						} else if it.Status != ItemUnreached {
							assert.NotEqual(t, ItemCovered, it.Status, "%s: %s: a derived reach gives at most partial", name, it.ID)
							assert.Equal(t, RuleDerived, it.Rule, "%s: %s", name, it.ID)
						}
					}
					assert.GreaterOrEqual(t, der.Summary.Covered, plain.Summary.Covered, name)
					assert.GreaterOrEqual(t, der.Summary.Covered+der.Summary.Partial, plain.Summary.Covered+plain.Summary.Partial, name)
				}
			}
		}
	}
}

// Issue: with only 8.12 (data leakage prevention) implemented, derived paths made two
// CSF 1.1 subcategories about risk determination and asset prioritisation covered
// under strict, through CIS's claims. A derived reach is at most partial.
func TestDerivedNeverCovers(t *testing.T) {
	cw := Default()
	for _, pol := range []Policy{Auto, Strict, Referenced} {
		r, err := cw.Gap(only(t, Implemented, "8.12"), catalog.CSF11, pol, WithDerived(2))
		require.NoError(t, err)
		assert.Zero(t, r.Summary.Covered, pol)
		for _, it := range r.Items {
			if it.Status == ItemPartial {
				assert.Equal(t, RuleDerived, it.Rule, it.ID)
			}
		}
	}
}

// Issue 12: a gap against SP 800-53 limited to a control baseline, like CIS IGs. The
// items are the controls and enhancements of the baseline as the reference lists them
// (MODERATE: 287, counted in catalog's tests from the reference file), with a roll-up
// per family and one for the baseline.
func TestDefaultSP80053Profile(t *testing.T) {
	cw := Default()
	moderate := 0
	for c := range cw.Catalog().Controls(catalog.SP80053v5, catalog.InBaseline("MODERATE")) {
		if !c.Withdrawn() {
			moderate++
		}
	}
	a := readExample(t, "small-company.csv")
	r, err := cw.Gap(a, catalog.SP80053v5, WithProfile("moderate"))
	require.NoError(t, err)
	assert.Equal(t, []string{"MODERATE"}, r.Profiles)
	assert.Len(t, r.Items, moderate)
	assert.Equal(t, 287, moderate)
	var fams, profs []string
	for _, g := range r.Groups {
		switch g.Kind {
		case "baseline-profile":
			profs = append(profs, g.ID)
			assert.Equal(t, moderate, g.Total)
		default:
			fams = append(fams, g.ID)
		}
	}
	assert.Equal(t, []string{"MODERATE"}, profs)
	assert.Contains(t, fams, "AC")
	assert.NotContains(t, fams, "AC-2", "a control with enhancements is an item, not a group")

	all, err := cw.Gap(a, catalog.SP80053v5)
	require.NoError(t, err)
	assert.Len(t, all.Items, 1007, "every active control and enhancement; the 182 withdrawn are never items")
	// An item's status does not depend on the limit.
	st := statuses(all)
	for _, it := range r.Items {
		assert.Equal(t, st[it.ID], it.Status, it.ID)
	}

	_, err = cw.Gap(a, catalog.SP80053v5, WithProfile("medium"))
	assert.EqualError(t, err, `crosswalk: unknown control baseline "MEDIUM" (want LOW, MODERATE, HIGH or PRIVACY)`)
	_, err = cw.Gap(a, catalog.CSF20, WithProfile("low"))
	assert.ErrorContains(t, err, "has no control baselines")
}

// NIS2 sections 7 and 9 have no sub-headings: they are items, and groups of their own,
// so that the roll-ups (and the heat map) account for all 49 items.
func TestDefaultNIS2GroupsCoverEveryItem(t *testing.T) {
	r, err := Default().Gap(readExample(t, "small-company.csv"), catalog.NIS2v2024)
	require.NoError(t, err)
	require.Len(t, r.Items, 49)
	sum := 0
	var ids []string
	for _, g := range r.Groups {
		sum += g.Total
		ids = append(ids, g.ID)
	}
	assert.Equal(t, 49, sum)
	assert.Equal(t, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"}, ids)
}
