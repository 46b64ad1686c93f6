package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// The synthetic catalog of the tests:
//
//	base:1  B1..B7 (the baseline, flat)
//	tgt:1   F → F.A → F.A-1..F.A-3, F → F.B → F.B-1..F.B-6 (CSF-like)
//	mid:1   M1 (reached from F.B-3, for derived gap reaches), C1..C9 (composition)
//	src:1   S1..S9, dst:1 T1..T9 (composition: S_i r1 C_i r2 T_i)
const (
	fwBase catalog.FrameworkID = "base:1"
	fwTgt  catalog.FrameworkID = "tgt:1"
	fwMid  catalog.FrameworkID = "mid:1"
	fwSrc  catalog.FrameworkID = "src:1"
	fwDst  catalog.FrameworkID = "dst:1"
)

func flat(id catalog.FrameworkID, ids ...string) catalog.Framework {
	f := catalog.Framework{ID: id, Name: string(id), Version: id.Version()}
	for _, x := range ids {
		f.Controls = append(f.Controls, catalog.ControlSpec{ID: x, Title: "control " + x})
	}
	return f
}

func synthCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	tgt := catalog.Framework{ID: fwTgt, Name: "target", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "F", Title: "Function", Kind: catalog.KindFunction},
		{ID: "F.A", Title: "Category A", Kind: catalog.KindCategory, Parent: "F"},
		{ID: "F.A-1", Title: "item A1", Kind: catalog.KindSubcategory, Parent: "F.A"},
		{ID: "F.A-2", Title: "item A2", Kind: catalog.KindSubcategory, Parent: "F.A"},
		{ID: "F.A-3", Title: "item A3", Kind: catalog.KindSubcategory, Parent: "F.A"},
		{ID: "F.B", Title: "Category B", Kind: catalog.KindCategory, Parent: "F"},
		{ID: "F.B-1", Title: "item B1", Kind: catalog.KindSubcategory, Parent: "F.B"},
		{ID: "F.B-2", Title: "item B2", Kind: catalog.KindSubcategory, Parent: "F.B"},
		{ID: "F.B-3", Title: "item B3", Kind: catalog.KindSubcategory, Parent: "F.B"},
		{ID: "F.B-4", Title: "item B4", Kind: catalog.KindSubcategory, Parent: "F.B"},
		{ID: "F.B-5", Title: "item B5", Kind: catalog.KindSubcategory, Parent: "F.B"},
		{ID: "F.B-6", Title: "item B6", Kind: catalog.KindSubcategory, Parent: "F.B"},
	}}
	cat, err := catalog.New(
		flat(fwBase, "B1", "B2", "B3", "B4", "B5", "B6", "B7"),
		tgt,
		flat(fwMid, "M1", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"),
		flat(fwSrc, "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"),
		flat(fwDst, "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"),
	)
	require.NoError(t, err)
	return cat
}

func ref(fw catalog.FrameworkID, id string) catalog.Ref { return catalog.NewRef(fw, id) }

func e(from, to catalog.Ref, r mappings.Relationship) mappings.Edge {
	return mappings.Edge{From: from, To: to, Relationship: r}
}

const (
	eq  = mappings.Equal
	sub = mappings.SubsetOf
	sup = mappings.SupersetOf
	ixn = mappings.IntersectsWith
	rel = mappings.Related
	nrt = mappings.NotRelatedTo
)

func synthSets() []mappings.Set {
	b := func(id string) catalog.Ref { return ref(fwBase, id) }
	g := func(id string) catalog.Ref { return ref(fwTgt, id) }
	m := func(id string) catalog.Ref { return ref(fwMid, id) }
	s := func(id string) catalog.Ref { return ref(fwSrc, id) }
	d := func(id string) catalog.Ref { return ref(fwDst, id) }
	gap := mappings.Set{ID: "base-tgt", From: fwBase, To: fwTgt, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-BT"}, Edges: []mappings.Edge{
			e(b("B1"), g("F.A-1"), eq),
			e(b("B2"), g("F.A-2"), sub),
			e(b("B3"), g("F.A-2"), rel),
			e(b("B6"), g("F.B-1"), rel),
			e(b("B6"), g("F.B-2"), eq),
			e(b("B2"), g("F.B-4"), sub),
			e(b("B1"), g("F.B-4"), rel),
			e(b("B1"), g("F.B-5"), sup),
			e(b("B3"), g("F.B-5"), rel),
			e(b("B3"), g("F.B-6"), eq),
			e(b("B7"), g("F.B-6"), rel),
		}}
	// Published from the target side: F.B-1 subset-of B4 reads "B4 superset-of F.B-1";
	// F.A related B5 is at category level.
	rev := mappings.Set{ID: "tgt-base", From: fwTgt, To: fwBase, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-TB"}, Edges: []mappings.Edge{
			e(g("F.B-1"), b("B4"), sub),
			e(g("F.A"), b("B5"), rel),
		},
		Statements: []mappings.Statement{{Ref: g("F.B-3"), Kind: mappings.NoReference, Target: "base controls"}},
	}
	mid := mappings.Set{ID: "tgt-mid", From: fwTgt, To: fwMid, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-TM"}, Edges: []mappings.Edge{
			e(g("F.B-3"), m("M1"), sub),
		}}
	midBase := mappings.Set{ID: "mid-base", From: fwMid, To: fwBase, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "SRC-MB"}, Edges: []mappings.Edge{
			e(m("M1"), b("B5"), eq),
		}}
	// Composition: S_i r1 C_i (set src-mid), C_i r2 T_i (set mid-dst).
	type pair struct{ r1, r2 mappings.Relationship }
	pairs := []pair{
		{eq, sub},  // 1: equal∘R = R → subset-of
		{sub, sub}, // 2: subset∘subset → subset-of (second hop published backwards)
		{sup, sub}, // 3: superset∘subset → related (they only overlap)
		{ixn, sub}, // 4: intersects∘subset → related (they only overlap)
		{sup, ixn}, // 5: superset∘intersects → related (they only overlap)
		{rel, eq},  // 6: related∘equal → related
		{sub, sup}, // 7: any other pair → related
		{nrt, eq},  // 8: not-related-to stops the path
		{sup, sup}, // 9: superset∘superset → superset-of
	}
	sm := mappings.Set{ID: "src-mid", From: fwSrc, To: fwMid, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC-SM"}}
	md := mappings.Set{ID: "mid-dst", From: fwMid, To: fwDst, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC-MD"}}
	for i, p := range pairs {
		n := string(rune('1' + i))
		sm.Edges = append(sm.Edges, e(s("S"+n), m("C"+n), p.r1))
		if i == 1 {
			md.Edges = append(md.Edges, e(d("T"+n), m("C"+n), p.r2.Inverse()))
		} else {
			md.Edges = append(md.Edges, e(m("C"+n), d("T"+n), p.r2))
		}
	}
	// S1 also maps directly to T9 (related, and from another source as superset-of
	// T9 published backwards), and through C1 to T1 (subset) and C9 to T9.
	direct := mappings.Set{ID: "src-dst", From: fwSrc, To: fwDst, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC-SD"},
		Edges: []mappings.Edge{e(s("S1"), d("T9"), rel), e(s("S1"), d("T9"), rel)}}
	direct2 := mappings.Set{ID: "dst-src", From: fwDst, To: fwSrc, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "SRC-DS"},
		Edges: []mappings.Edge{e(d("T9"), s("S1"), sub)}}
	sm.Edges = append(sm.Edges, e(s("S1"), m("C9"), sup))
	return []mappings.Set{gap, rev, mid, midBase, sm, md, direct, direct2}
}

func synth(t testing.TB) *Crosswalk {
	t.Helper()
	cw, err := New(synthCatalog(t), synthSets()...)
	require.NoError(t, err)
	return cw
}
