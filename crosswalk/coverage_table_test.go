package crosswalk

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// The tests of this file check the coverage rule table of the package documentation
// ("Coverage") cell by cell, through the public Gap query, on the smallest catalog
// that shows each cell: a baseline cb:1 of controls X1..X4 and a target ct:1 of one
// item I (a leaf, so the only item) under a category C. Every expected value is read
// off the table by hand, not computed.

const (
	fwCB catalog.FrameworkID = "cb:1" // the baseline
	fwCT catalog.FrameworkID = "ct:1" // the target
	fwCM catalog.FrameworkID = "cm:1" // a third framework, for derived paths
)

// Short names for the coverage statuses, so the tables read as the doc's table.
const (
	cC = ItemCovered
	cP = ItemPartial
	cG = ItemGap
	cU = ItemUnreached
	cN = ItemNotApplicable
)

// reachSpec is one edge of a case: control X<n> reaches the item with relationship
// rel, published from the control's side (or from the item's when fromItem), with
// the control assessed st (NotAssessed: not in the assessment).
type reachSpec struct {
	ctl      int
	rel      mappings.Relationship
	st       Status
	fromItem bool
}

// coverageCase builds the catalog, the one mapping set and the assessment of a case
// and returns the gap of ct:1 under pol.
func coverageCase(t *testing.T, pol Policy, reaches []reachSpec, opts ...GapOption) GapItem {
	t.Helper()
	tgt := catalog.Framework{ID: fwCT, Name: "target", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "C", Title: "category", Kind: catalog.KindCategory},
		{ID: "I", Title: "item", Kind: catalog.KindSubcategory, Parent: "C"},
	}}
	cat, err := catalog.New(flat(fwCB, "X1", "X2", "X3", "X4"), tgt, flat(fwCM, "M1"))
	require.NoError(t, err)
	item := ref(fwCT, "I")
	fwd := mappings.Set{ID: "cb-ct", From: fwCB, To: fwCT, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-FWD"}}
	back := mappings.Set{ID: "ct-cb", From: fwCT, To: fwCB, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-BACK"}}
	var entries []Entry
	for _, r := range reaches {
		x := ref(fwCB, fmt.Sprintf("X%d", r.ctl))
		if r.fromItem {
			back.Edges = append(back.Edges, e(item, x, r.rel))
		} else {
			fwd.Edges = append(fwd.Edges, e(x, item, r.rel))
		}
		if r.st != NotAssessed {
			entries = append(entries, Entry{Control: x, Status: r.st})
		}
	}
	// X4 reaches I through M1 only (a derived path), whatever the case.
	mid := mappings.Set{ID: "cm-cb", From: fwCM, To: fwCB, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-MID"},
		Edges: []mappings.Edge{e(ref(fwCM, "M1"), ref(fwCB, "X4"), eq)}}
	mid2 := mappings.Set{ID: "ct-cm", From: fwCT, To: fwCM, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-MID2"},
		Edges: []mappings.Edge{e(item, ref(fwCM, "M1"), sub)}}
	cw, err := New(cat, fwd, back, mid, mid2)
	require.NoError(t, err)
	a, err := NewAssessment(cat, fwCB, entries...)
	require.NoError(t, err)
	r, err := cw.Gap(a, fwCT, append([]GapOption{pol}, opts...)...)
	require.NoError(t, err)
	require.Len(t, r.Items, 1)
	require.Equal(t, "I", r.Items[0].ID)
	return r.Items[0]
}

// The six statuses a control can have, in the order of the want columns below.
var tableStatuses = [6]Status{Implemented, Partial, Planned, NotImplemented, NotAssessed, NotApplicable}

// TestCoverageTableOneReach is the table with one baseline control reaching the item:
// every policy × relationship × status.
func TestCoverageTableOneReach(t *testing.T) {
	// want: coverage for implemented, partial, planned, not-implemented, not-assessed,
	// not-applicable.
	for _, c := range []struct {
		pol  Policy
		rel  mappings.Relationship
		rule Rule
		want [6]Coverage
	}{
		// Auto: set-theory edges under the strict rule, related under the referenced.
		{Auto, eq, RuleStrict, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Auto, sup, RuleStrict, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Auto, sub, RuleStrict, [6]Coverage{cP, cP, cG, cG, cG, cN}},
		{Auto, ixn, RuleStrict, [6]Coverage{cP, cP, cG, cG, cG, cN}},
		{Auto, rel, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		// Strict: only equal and superset-of cover; a related edge is partial at best.
		{Strict, eq, RuleStrict, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Strict, sup, RuleStrict, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Strict, sub, RuleStrict, [6]Coverage{cP, cP, cG, cG, cG, cN}},
		{Strict, ixn, RuleStrict, [6]Coverage{cP, cP, cG, cG, cG, cN}},
		{Strict, rel, RuleStrict, [6]Coverage{cP, cP, cG, cG, cG, cN}},
		// Referenced: every edge is a reference; the one control implemented covers.
		{Referenced, eq, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Referenced, sup, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Referenced, sub, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Referenced, ixn, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
		{Referenced, rel, RuleReferenced, [6]Coverage{cC, cP, cG, cG, cG, cN}},
	} {
		for i, st := range tableStatuses {
			name := fmt.Sprintf("%s/%s/%s", c.pol, c.rel, st)
			t.Run(name, func(t *testing.T) {
				it := coverageCase(t, c.pol, []reachSpec{{ctl: 1, rel: c.rel, st: st}})
				assert.Equal(t, c.want[i], it.Status)
				assert.Equal(t, c.rule, it.Rule)
				require.Len(t, it.Via(), 1)
				assert.Equal(t, BasisPublished, it.Via()[0].Basis)
				assert.Equal(t, c.rel, it.Via()[0].Relationship)
				assert.Equal(t, st, it.Via()[0].Status)
			})
		}
	}
}

// TestCoverageTableDirection: an edge published from the item's side is read
// "control R⁻¹ item": "I subset-of X1" makes X1 a superset of I, which covers under
// the strict rule; "I superset-of X1" makes X1 a subset, which does not.
func TestCoverageTableDirection(t *testing.T) {
	for _, c := range []struct {
		published mappings.Relationship // as published, I → X1
		read      mappings.Relationship // as read, X1 → I
		want      Coverage
	}{
		{sub, sup, cC},
		{sup, sub, cP},
		{eq, eq, cC},
		{ixn, ixn, cP},
		{rel, rel, cP},
	} {
		t.Run(string(c.published), func(t *testing.T) {
			it := coverageCase(t, Strict, []reachSpec{{ctl: 1, rel: c.published, st: Implemented, fromItem: true}})
			assert.Equal(t, c.want, it.Status)
			require.Len(t, it.Via(), 1)
			assert.Equal(t, c.read, it.Via()[0].Relationship)
			assert.Equal(t, ref(fwCB, "X1"), it.Via()[0].From)
			assert.Equal(t, ref(fwCT, "I"), it.Via()[0].To)
			assert.Equal(t, []string{"S-BACK"}, it.Via()[0].Sources)
		})
	}
}

// TestCoverageTableSeveralReaches: items reached by two or three controls, where the
// policies and the rules differ.
func TestCoverageTableSeveralReaches(t *testing.T) {
	r := func(ctl int, rel mappings.Relationship, st Status) reachSpec {
		return reachSpec{ctl: ctl, rel: rel, st: st}
	}
	for _, c := range []struct {
		name    string
		pol     Policy
		reaches []reachSpec
		want    Coverage
		rule    Rule
	}{
		// Auto, both kinds: covered when the strict rule covers through the set edges...
		{"auto both: strict covers", Auto, []reachSpec{r(1, eq, Implemented), r(2, rel, NotImplemented)}, cC, RuleBoth},
		// ... or every control of the related edges is implemented.
		{"auto both: referenced covers", Auto, []reachSpec{r(1, sub, NotImplemented), r(2, rel, Implemented)}, cC, RuleBoth},
		{"auto both: neither covers", Auto, []reachSpec{r(1, sub, Implemented), r(2, rel, NotImplemented)}, cP, RuleBoth},
		{"auto both: one related of two", Auto, []reachSpec{r(1, ixn, Planned), r(2, rel, Implemented), r(3, rel, Planned)}, cP, RuleBoth},
		{"auto both: nothing in place", Auto, []reachSpec{r(1, sup, Planned), r(2, rel, NotAssessed)}, cG, RuleBoth},
		// Not-applicable controls are ignored: the related side is then empty and
		// cannot cover, and the set side decides.
		{"auto both: related not applicable", Auto, []reachSpec{r(1, sub, Implemented), r(2, rel, NotApplicable)}, cP, RuleBoth},
		{"auto both: set not applicable", Auto, []reachSpec{r(1, eq, NotApplicable), r(2, rel, Implemented)}, cC, RuleBoth},
		{"auto both: all not applicable", Auto, []reachSpec{r(1, eq, NotApplicable), r(2, rel, NotApplicable)}, cN, RuleBoth},
		// Auto, related only: every applicable one must be implemented.
		{"auto related: all implemented", Auto, []reachSpec{r(1, rel, Implemented), r(2, rel, Implemented)}, cC, RuleReferenced},
		{"auto related: one partial", Auto, []reachSpec{r(1, rel, Implemented), r(2, rel, Partial)}, cP, RuleReferenced},
		{"auto related: other not applicable", Auto, []reachSpec{r(1, rel, Implemented), r(2, rel, NotApplicable)}, cC, RuleReferenced},
		{"auto related: planned and not assessed", Auto, []reachSpec{r(1, rel, Planned), r(2, rel, NotAssessed)}, cG, RuleReferenced},
		// Auto, set edges only: one implemented strong edge is enough.
		{"auto set: strong beside a missing weak", Auto, []reachSpec{r(1, sup, Implemented), r(2, sub, NotImplemented)}, cC, RuleStrict},
		{"auto set: two weak implemented", Auto, []reachSpec{r(1, sub, Implemented), r(2, ixn, Implemented)}, cP, RuleStrict},
		{"auto set: strong only partial", Auto, []reachSpec{r(1, eq, Partial), r(2, sub, Implemented)}, cP, RuleStrict},
		// Strict: related edges never cover, however many are implemented.
		{"strict: two related implemented", Strict, []reachSpec{r(1, rel, Implemented), r(2, rel, Implemented)}, cP, RuleStrict},
		{"strict: strong beside related", Strict, []reachSpec{r(1, eq, Implemented), r(2, rel, NotImplemented)}, cC, RuleStrict},
		// Referenced: one applicable control not implemented stops coverage.
		{"referenced: one of two", Referenced, []reachSpec{r(1, eq, Implemented), r(2, sub, NotImplemented)}, cP, RuleReferenced},
		{"referenced: other not applicable", Referenced, []reachSpec{r(1, eq, Implemented), r(2, sub, NotApplicable)}, cC, RuleReferenced},
		{"referenced: all planned", Referenced, []reachSpec{r(1, eq, Planned), r(2, rel, Planned)}, cG, RuleReferenced},
	} {
		t.Run(c.name, func(t *testing.T) {
			it := coverageCase(t, c.pol, c.reaches)
			assert.Equal(t, c.want, it.Status)
			assert.Equal(t, c.rule, it.Rule)
			assert.Len(t, it.Via(), len(c.reaches))
		})
	}
}

// TestCoverageTableNoCountingReach: an item with no reach that counts is unreached
// (no rule), whatever the statuses: an edge at its category is context only, and a
// not-related-to edge says the control does not reach it.
func TestCoverageTableNoCountingReach(t *testing.T) {
	for _, pol := range []Policy{Auto, Strict, Referenced} {
		t.Run(string(pol)+"/no edge", func(t *testing.T) {
			it := coverageCase(t, pol, nil)
			assert.Equal(t, cU, it.Status)
			assert.Empty(t, it.Rule)
			assert.Empty(t, it.Via())
		})
		t.Run(string(pol)+"/not-related-to", func(t *testing.T) {
			it := coverageCase(t, pol, []reachSpec{{ctl: 1, rel: nrt, st: Implemented}})
			assert.Equal(t, cU, it.Status)
			assert.Empty(t, it.Via())
		})
	}
}

// TestCoverageTableAncestorOnly: an equal edge at the item's category, from an
// implemented control, is listed (basis ancestor, read related) and never counts.
func TestCoverageTableAncestorOnly(t *testing.T) {
	tgt := catalog.Framework{ID: fwCT, Name: "target", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "C", Title: "category", Kind: catalog.KindCategory},
		{ID: "I", Title: "item", Kind: catalog.KindSubcategory, Parent: "C"},
		{ID: "J", Title: "item J", Kind: catalog.KindSubcategory, Parent: "C"},
	}}
	cat, err := catalog.New(flat(fwCB, "X1", "X2"), tgt)
	require.NoError(t, err)
	set := mappings.Set{ID: "cb-ct", From: fwCB, To: fwCT, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S"},
		Edges: []mappings.Edge{e(ref(fwCB, "X1"), ref(fwCT, "C"), eq), e(ref(fwCB, "X2"), ref(fwCT, "J"), rel)}}
	cw, err := New(cat, set)
	require.NoError(t, err)
	a, err := NewAssessment(cat, fwCB, Entry{Control: ref(fwCB, "X1"), Status: Implemented}, Entry{Control: ref(fwCB, "X2"), Status: Implemented})
	require.NoError(t, err)
	for _, pol := range []Policy{Auto, Strict, Referenced} {
		r, err := cw.Gap(a, fwCT, pol)
		require.NoError(t, err)
		require.Len(t, r.Items, 2)
		it := r.Items[0]
		assert.Equal(t, cU, it.Status, pol)
		assert.Empty(t, it.Rule, pol)
		require.Len(t, it.Via(), 1, pol)
		v := it.Via()[0]
		assert.Equal(t, BasisAncestor, v.Basis)
		assert.Equal(t, ref(fwCT, "C"), v.Ancestor)
		assert.Equal(t, rel, v.Relationship, "an edge at the category says something about the category, not the item")
		assert.False(t, v.Published())
		assert.Equal(t, "cb:1/X1 related ct:1/I (mapped at ct:1/C level)", v.String())
		assert.Equal(t, []string{"I"}, r.Unreached, pol)
		// J has its own edge: its category's edge is not listed beside it.
		assert.Equal(t, []Link{gapLink2(fwCB, "X2", fwCT, "J", rel, Implemented, "S")}, r.Items[1].Via())
		// J: covered by its implemented related edge, but partial at best under Strict.
		wantJ, sum := cC, Summary{Total: 2, Covered: 1, Unreached: 1, Applicable: 2, CoveredPercent: 50, UnreachedPercent: 50, CoveragePercent: 50}
		if pol == Strict {
			wantJ, sum = cP, Summary{Total: 2, Partial: 1, Unreached: 1, Applicable: 2, PartialPercent: 50, UnreachedPercent: 50}
		}
		assert.Equal(t, wantJ, r.Items[1].Status, pol)
		assert.Equal(t, sum, r.Summary, pol)
	}
}

// gapLink2 is the published link a gap lists for control fromID of framework from
// reaching item toID.
func gapLink2(from catalog.FrameworkID, fromID string, to catalog.FrameworkID, toID string, r mappings.Relationship, st Status, sources ...string) Link {
	return Link{From: ref(from, fromID), To: ref(to, toID), FromTitle: "control " + fromID, ToTitle: "item " + toID,
		Relationship: r, Status: st, Basis: BasisPublished, Sources: sources}
}

// TestCoverageTableDerivedOnly: an item only a derived path reaches (X4 = M1 ⊇ I,
// composed X4 superset-of I) is decided by the derived rule under every policy: never
// covered, partial when X4 is implemented or partial, a gap otherwise.
func TestCoverageTableDerivedOnly(t *testing.T) {
	for _, pol := range []Policy{Auto, Strict, Referenced} {
		for i, st := range tableStatuses {
			want := [6]Coverage{cP, cP, cG, cG, cG, cN}[i]
			t.Run(fmt.Sprintf("%s/%s", pol, st), func(t *testing.T) {
				it := coverageCaseDerived(t, pol, st)
				assert.Equal(t, want, it.Status)
				assert.Equal(t, RuleDerived, it.Rule)
				require.Len(t, it.Via(), 1)
				v := it.Via()[0]
				assert.True(t, v.Derived())
				assert.False(t, v.Published())
				assert.Equal(t, sup, v.Relationship)
				assert.Equal(t, []catalog.Ref{ref(fwCB, "X4"), ref(fwCM, "M1"), ref(fwCT, "I")}, v.Controls())
			})
		}
	}
	// A published reach, even a gap, keeps the item out of the derived rule.
	t.Run("published wins", func(t *testing.T) {
		it := coverageCase(t, Auto, []reachSpec{{ctl: 1, rel: rel, st: NotImplemented}}, WithDerived(2))
		assert.Equal(t, cG, it.Status)
		assert.Equal(t, RuleReferenced, it.Rule)
		require.Len(t, it.Via(), 1)
		assert.Equal(t, BasisPublished, it.Via()[0].Basis)
	})
}

// coverageCaseDerived is coverageCase with derived paths on and X4 assessed st.
func coverageCaseDerived(t *testing.T, pol Policy, st Status) GapItem {
	t.Helper()
	tgt := catalog.Framework{ID: fwCT, Name: "target", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "C", Title: "category", Kind: catalog.KindCategory},
		{ID: "I", Title: "item", Kind: catalog.KindSubcategory, Parent: "C"},
	}}
	cat, err := catalog.New(flat(fwCB, "X1", "X2", "X3", "X4"), tgt, flat(fwCM, "M1"))
	require.NoError(t, err)
	mid := mappings.Set{ID: "cm-cb", From: fwCM, To: fwCB, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-MID"},
		Edges: []mappings.Edge{e(ref(fwCM, "M1"), ref(fwCB, "X4"), eq)}}
	mid2 := mappings.Set{ID: "ct-cm", From: fwCT, To: fwCM, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "S-MID2"},
		Edges: []mappings.Edge{e(ref(fwCT, "I"), ref(fwCM, "M1"), sub)}}
	cw, err := New(cat, mid, mid2)
	require.NoError(t, err)
	var entries []Entry
	if st != NotAssessed {
		entries = append(entries, Entry{Control: ref(fwCB, "X4"), Status: st})
	}
	a, err := NewAssessment(cat, fwCB, entries...)
	require.NoError(t, err)
	r, err := cw.Gap(a, fwCT, pol, WithDerived(2))
	require.NoError(t, err)
	require.Len(t, r.Items, 1)
	if st == NotApplicable {
		assert.Zero(t, r.Summary.DerivedOnly, "a not-applicable item is neither partial nor a gap")
	} else {
		assert.Equal(t, 1, r.Summary.DerivedOnly)
	}
	return r.Items[0]
}
