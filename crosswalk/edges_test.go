package crosswalk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// The frameworks of the Edges tests, none of them embedded:
//
//	isms:1  clauses C1, C2; carries ctl:1 as its annex (as ISO/IEC 27001 carries 27002)
//	ctl:1   X1, X2, X3
//	own:1   O1, O2, O3, and own:2, the same IDs (an identity succession joins them)
const (
	fwISMS catalog.FrameworkID = "isms:1"
	fwCtl  catalog.FrameworkID = "ctl:1"
	fwOwn1 catalog.FrameworkID = "own:1"
	fwOwn2 catalog.FrameworkID = "own:2"
)

func flatFW(id catalog.FrameworkID, ids ...string) catalog.Framework {
	f := catalog.Framework{ID: id, Name: string(id), Version: id.Version()}
	for _, x := range ids {
		f.Controls = append(f.Controls, catalog.ControlSpec{ID: x, Title: "control " + x})
	}
	return f
}

func edgesCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	isms := flatFW(fwISMS, "C1", "C2")
	isms.AnnexOf = fwCtl
	cat, err := catalog.New(isms, flatFW(fwCtl, "X1", "X2", "X3"), flatFW(fwOwn1, "O1", "O2", "O3"), flatFW(fwOwn2, "O1", "O2", "O3"))
	require.NoError(t, err)
	return cat
}

func eref(fw catalog.FrameworkID, id string) catalog.Ref { return catalog.NewRef(fw, id) }

// edgesSets are a crosswalk own:1 → isms:1 (to a clause and to an annex control,
// with a misprint, a strength, a label, an edge listed twice and statements listed
// out of document order) and the identity succession own:1 → own:2.
func edgesSets() []mappings.Set {
	cross := mappings.Set{ID: "own-isms", From: fwOwn1, To: fwISMS, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "own-doc"},
		Edges: []mappings.Edge{
			{From: eref(fwOwn1, "O2"), To: eref(fwCtl, "X1"), Relationship: mappings.SubsetOf, Source: "own-doc"},
			{From: eref(fwOwn1, "O1"), To: eref(fwISMS, "C2"), Relationship: mappings.Related, Source: "own-doc", Label: "see-also"},
			{From: eref(fwOwn1, "O1"), To: eref(fwISMS, "C1"), Relationship: mappings.Equal, Source: "own-doc", Misprint: "C.1", Strength: 7, HasStrength: true},
			{From: eref(fwOwn1, "O2"), To: eref(fwCtl, "X1"), Relationship: mappings.SubsetOf, Source: "own-doc"},
		},
		Statements: []mappings.Statement{
			{Ref: eref(fwOwn1, "O3"), Kind: mappings.NoReference, Target: "clauses"},
			{Ref: eref(fwOwn1, "O1"), Kind: mappings.AllControls, Target: "annex"},
		},
	}
	succ := mappings.Set{ID: "own-1-2", From: fwOwn1, To: fwOwn2, Kind: mappings.Succession,
		Source: mappings.Source{ID: "own-succ"}}
	for _, id := range []string{"O1", "O2", "O3"} {
		succ.Edges = append(succ.Edges, mappings.Edge{From: eref(fwOwn1, id), To: eref(fwOwn2, id), Relationship: mappings.Equal, Source: "own-succ"})
	}
	return []mappings.Set{cross, succ}
}

func edgesCrosswalk(t *testing.T) *crosswalk.Crosswalk {
	t.Helper()
	cw, err := crosswalk.New(edgesCatalog(t), edgesSets()...)
	require.NoError(t, err)
	return cw
}

// edgeLines lists the edges as "from relationship to" for comparison.
func edgeLines(es []crosswalk.PairEdge) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.From.String() + " " + e.Relationship.String() + " " + e.To.String()
	}
	return out
}

func TestEdgesPublished(t *testing.T) {
	cw := edgesCrosswalk(t)
	p := cw.Edges(fwOwn1, fwISMS, edgesSets())
	assert.Equal(t, fwOwn1, p.From)
	assert.Equal(t, fwISMS, p.To)
	// Document order of from, then of to (a clause before the annex controls, as the
	// catalog orders isms:1 before ctl:1); the repeated edge twice, as published.
	assert.Equal(t, []string{
		"own:1/O1 equal isms:1/C1",
		"own:1/O1 related isms:1/C2",
		"own:1/O2 subset-of ctl:1/X1",
		"own:1/O2 subset-of ctl:1/X1",
	}, edgeLines(p.Edges))
	first := p.Edges[0]
	assert.Equal(t, crosswalk.PairEdge{
		Hop:      crosswalk.Hop{From: eref(fwOwn1, "O1"), To: eref(fwISMS, "C1"), Relationship: mappings.Equal, Set: "own-isms", Source: "own-doc"},
		Misprint: "C.1", Strength: 7, HasStrength: true,
	}, first)
	assert.Equal(t, "see-also", p.Edges[1].Label)
	for _, e := range p.Edges {
		assert.False(t, e.Inverse)
		assert.Empty(t, e.Succession)
	}
	// The statements in document order (O1 before O3), not in the set's order.
	require.Len(t, p.Statements, 2)
	assert.Equal(t, eref(fwOwn1, "O1"), p.Statements[0].Ref)
	assert.Equal(t, mappings.AllControls, p.Statements[0].Kind)
	assert.Equal(t, eref(fwOwn1, "O3"), p.Statements[1].Ref)
	assert.Equal(t, "own-isms", p.Statements[1].Set)
}

// The annex framework answers only for its own controls; the framework that carries
// it answers for both.
func TestEdgesAnnex(t *testing.T) {
	cw := edgesCrosswalk(t)
	p := cw.Edges(fwOwn1, fwCtl, edgesSets())
	assert.Equal(t, []string{"own:1/O2 subset-of ctl:1/X1", "own:1/O2 subset-of ctl:1/X1"}, edgeLines(p.Edges))
	// The set is published towards isms:1, which carries ctl:1: its statements come.
	assert.Len(t, p.Statements, 2)
}

// Read the other way, every edge is inverse and its relationship inverted; the
// statements are about own:1's elements, so none comes.
func TestEdgesInverse(t *testing.T) {
	cw := edgesCrosswalk(t)
	p := cw.Edges(fwISMS, fwOwn1, edgesSets())
	assert.Equal(t, []string{
		"isms:1/C1 equal own:1/O1",
		"isms:1/C2 related own:1/O1",
		"ctl:1/X1 superset-of own:1/O2",
		"ctl:1/X1 superset-of own:1/O2",
	}, edgeLines(p.Edges))
	for _, e := range p.Edges {
		assert.True(t, e.Inverse)
	}
	assert.Empty(t, p.Statements)
	assert.NotNil(t, p.Statements)
}

// own:2 has no published edge to isms:1: the edges of own:1 are carried across the
// identity succession, refs moved to own:2 and labelled with own:1.
func TestEdgesAcrossIdentitySuccession(t *testing.T) {
	cw := edgesCrosswalk(t)
	p := cw.Edges(fwOwn2, fwISMS, edgesSets())
	assert.Equal(t, []string{
		"own:2/O1 equal isms:1/C1",
		"own:2/O1 related isms:1/C2",
		"own:2/O2 subset-of ctl:1/X1",
		"own:2/O2 subset-of ctl:1/X1",
	}, edgeLines(p.Edges))
	for _, e := range p.Edges {
		assert.Equal(t, fwOwn1, e.Succession)
		assert.Equal(t, "own-isms", e.Set)
	}
	back := cw.Edges(fwISMS, fwOwn2, edgesSets())
	assert.Equal(t, []string{
		"isms:1/C1 equal own:2/O1",
		"isms:1/C2 related own:2/O1",
		"ctl:1/X1 superset-of own:2/O2",
		"ctl:1/X1 superset-of own:2/O2",
	}, edgeLines(back.Edges))
	assert.True(t, back.Edges[0].Inverse)

	// The succession set itself links own:1 and own:2: those are published edges.
	direct := cw.Edges(fwOwn1, fwOwn2, edgesSets())
	require.Len(t, direct.Edges, 3)
	assert.Empty(t, direct.Edges[0].Succession)

	// Without the crosswalk set there is nothing to carry.
	none := cw.Edges(fwOwn2, fwISMS, edgesSets()[1:])
	assert.Empty(t, none.Edges)
	assert.NotNil(t, none.Edges)
	assert.Empty(t, none.Statements)
}

// The returned edges are the caller's: changing them changes no later answer.
func TestEdgesResultIsACopy(t *testing.T) {
	cw := edgesCrosswalk(t)
	sets := edgesSets()
	p := cw.Edges(fwOwn1, fwISMS, sets)
	p.Edges[0].From = eref(fwOwn1, "O3")
	p.Statements[0].Ref = eref(fwOwn1, "O2")
	again := cw.Edges(fwOwn1, fwISMS, sets)
	assert.Equal(t, eref(fwOwn1, "O1"), again.Edges[0].From)
	assert.Equal(t, eref(fwOwn1, "O1"), again.Statements[0].Ref)
	assert.Equal(t, eref(fwOwn1, "O2"), sets[0].Edges[0].From)
}

// The embedded data: NIST's CSF 2.0 → ISO/IEC 27001:2022 reference, read towards
// ISO/IEC 27002:2022 (its Annex A references only).
func TestEdgesEmbedded(t *testing.T) {
	cw := crosswalk.Default()
	p := cw.Edges(catalog.CSF20, catalog.ISO27002v2022, mappings.Embedded())
	require.NotEmpty(t, p.Edges)
	assert.Equal(t, eref(catalog.CSF20, "GV"), p.Edges[0].From)
	assert.Contains(t, edgeLines(p.Edges), "nist-csf:2.0/DE.CM-01 related iso27002:2022/8.16")
	for _, e := range p.Edges {
		assert.Equal(t, catalog.ISO27002v2022, e.To.Framework)
		assert.Equal(t, "nist-csf-2.0_to_iso27001-2022", e.Set)
	}
	var pr bool
	for _, st := range p.Statements {
		pr = pr || (st.Ref == eref(catalog.CSF20, "PR") && st.Kind == mappings.AllControls)
	}
	assert.True(t, pr, "PR: All applicable controls")
}

func TestEdgesOf(t *testing.T) {
	cw := edgesCrosswalk(t)
	sets := edgesSets()
	o1 := cw.EdgesOf(eref(fwOwn1, "O1"), sets)
	assert.Equal(t, []string{
		"own:1/O1 equal isms:1/C1",
		"own:1/O1 related isms:1/C2",
		"own:1/O1 equal own:2/O1",
	}, edgeLines(o1))
	assert.Equal(t, "C.1", o1[0].Misprint)
	assert.Equal(t, "own-1-2", o1[2].Set)

	// Towards an annex control, read backwards; the Annex A spelling is the same
	// control, and the repeated edge comes twice.
	x1 := cw.EdgesOf(eref(fwCtl, "X1"), sets)
	assert.Equal(t, []string{"ctl:1/X1 superset-of own:1/O2", "ctl:1/X1 superset-of own:1/O2"}, edgeLines(x1))
	assert.True(t, x1[0].Inverse)
	assert.Equal(t, x1, cw.EdgesOf(eref(fwISMS, "A.X1"), sets))

	// An edge written with the Annex A spelling is found from the control's own ref.
	alias := []mappings.Set{{ID: "alias", From: fwOwn1, To: fwISMS, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "a"},
		Edges: []mappings.Edge{{From: eref(fwOwn1, "O3"), To: eref(fwISMS, "A.X2"), Relationship: mappings.Related, Source: "a"}}}}
	x2 := cw.EdgesOf(eref(fwCtl, "X2"), alias)
	require.Len(t, x2, 1)
	assert.Equal(t, "isms:1/A.X2 related own:1/O3", edgeLines(x2)[0], "the edge keeps the ref as published")

	// Sorted by the other end in document order, then source, then relationship.
	two := []mappings.Set{{ID: "two", From: fwOwn1, To: fwCtl, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "z"},
		Edges: []mappings.Edge{
			{From: eref(fwOwn1, "O3"), To: eref(fwCtl, "X3"), Relationship: mappings.Related, Source: "z"},
			{From: eref(fwOwn1, "O3"), To: eref(fwCtl, "X2"), Relationship: mappings.SubsetOf, Source: "z"},
			{From: eref(fwOwn1, "O3"), To: eref(fwCtl, "X2"), Relationship: mappings.Equal, Source: "z"},
			{From: eref(fwOwn1, "O3"), To: eref(fwCtl, "X2"), Relationship: mappings.Related, Source: "b"},
		}}}
	assert.Equal(t, []string{
		"own:1/O3 related ctl:1/X2",
		"own:1/O3 equal ctl:1/X2",
		"own:1/O3 subset-of ctl:1/X2",
		"own:1/O3 related ctl:1/X3",
	}, edgeLines(cw.EdgesOf(eref(fwOwn1, "O3"), two)))

	assert.Nil(t, cw.EdgesOf(eref(fwOwn1, "O9"), sets))
	assert.Equal(t, []string{"own:1/O3 equal own:2/O3"}, edgeLines(cw.EdgesOf(eref(fwOwn1, "O3"), sets)))
}

// ISO/IEC 27002:2022 8.16 in the embedded data: NIST's ten CSF 2.0 references (the
// reference file lists 8.16 on ten rows), read backwards.
func TestEdgesOfEmbedded(t *testing.T) {
	cw := crosswalk.Default()
	es := cw.EdgesOf(eref(catalog.ISO27002v2022, "8.16"), mappings.Embedded())
	csf := 0
	for i, e := range es {
		assert.Equal(t, eref(catalog.ISO27002v2022, "8.16"), e.From)
		if e.Set == mappings.SetCSF20ToISO27001 {
			csf++
			assert.True(t, e.Inverse)
			assert.Equal(t, mappings.Related, e.Relationship)
		}
		if i > 0 {
			assert.LessOrEqual(t, cw.Catalog().Compare(es[i-1].To, e.To), 0, "document order of the other end")
		}
	}
	assert.Equal(t, 10, csf)
}

// linkLines lists links as "from relationship to (basis)".
func linkLines(ls []crosswalk.Link) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.From.String() + " " + l.Relationship.String() + " " + l.To.String() + " (" + l.Basis.String() + ")"
	}
	return out
}

// MapAll: every other framework in catalog order; the annex control comes under
// ctl:1, not again under isms:1, which carries it.
func TestMapAll(t *testing.T) {
	cw := edgesCrosswalk(t)
	got, err := cw.MapAll(eref(fwOwn2, "O2"))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"own:2/O2 subset-of ctl:1/X1 (succession)",
		"own:2/O2 equal own:1/O2 (published)",
	}, linkLines(got))
	assert.Equal(t, fwOwn1, got[0].Through)

	got, err = cw.MapAll(eref(fwOwn1, "O1"))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"own:1/O1 equal isms:1/C1 (published)",
		"own:1/O1 related isms:1/C2 (published)",
		"own:1/O1 equal own:2/O1 (published)",
	}, linkLines(got))

	// Each answer is Map's for its framework.
	for _, ref := range []catalog.Ref{eref(fwOwn1, "O2"), eref(fwCtl, "X1"), eref(fwISMS, "C2")} {
		all, err := cw.MapAll(ref)
		require.NoError(t, err)
		var want []crosswalk.Link
		for _, fw := range []catalog.FrameworkID{fwISMS, fwCtl, fwOwn1, fwOwn2} {
			if fw == ref.Framework {
				continue
			}
			ms, err := cw.Map(ref, fw)
			require.NoError(t, err)
			for _, m := range ms {
				if m.To.Framework == fw {
					want = append(want, m)
				}
			}
		}
		assert.Equal(t, want, all, ref)
	}

	_, err = cw.MapAll(eref(fwOwn1, "O9"))
	assert.ErrorIs(t, err, catalog.ErrNotFound)
}
