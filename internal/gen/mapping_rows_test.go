package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/mappings"
)

// The tests of this file run each mapping generator on the reference files and
// check a few rows re-read by hand from them (the rules on small files of their own
// are in cis_mappings_test.go and csf11_mappings_test.go).

// edgeOf returns the edge from → to of set s, failing the test when there is none.
func edgeOf(t *testing.T, s mappings.Set, from, to catalog.Ref) mappings.Edge {
	t.Helper()
	for _, e := range s.Edges {
		if e.From == from && e.To == to {
			return e
		}
	}
	t.Fatalf("no edge %s -> %s in %s", from, to, s.ID)
	return mappings.Edge{}
}

// TestGenISO2013to2022Rows: Annex B's 115 rows are 115 edges (no row repeats),
// related (a correspondence, not a set relation); A.5.1.1 and A.5.1.2 both lead to
// 5.1, and A.18.2.3 to both 5.36 and 8.8 (the reference README's example).
func TestGenISO2013to2022Rows(t *testing.T) {
	cat := testCatalog(t)
	sets, err := genISO2013to2022(testReferenceDir(t), cat)
	require.NoError(t, err)
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, mappings.Succession, s.Kind)
	assert.Equal(t, catalog.ISO27002v2013, s.From)
	assert.Equal(t, catalog.ISO27002v2022, s.To)
	assert.Equal(t, "ISO/IEC 27002:2022 Annex B, Tables B.1 and B.2 (correspondence)", s.Source.Title)
	assert.Len(t, s.Edges, 115)
	old := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2013, id) }
	nw := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	for _, p := range [][2]string{{"A.5.1.1", "5.1"}, {"A.5.1.2", "5.1"}, {"A.6.1.1", "5.2"}, {"A.18.2.3", "5.36"}, {"A.18.2.3", "8.8"}} {
		e := edgeOf(t, s, old(p[0]), nw(p[1]))
		assert.Equal(t, mappings.Related, e.Relationship, p)
		assert.Equal(t, "iso27002-2022-annex-b", e.Source, p)
		assert.Zero(t, e.Repeats, p)
	}
	for _, e := range s.Edges {
		assert.Equal(t, mappings.Related, e.Relationship)
	}
}

// TestGenCSF20toCISRows: one set per CIS version, read from the cis_version column:
// GV.SC-04 cites safeguards 15.1 and 15.3 in both; the counts are the file's distinct
// rows per version.
func TestGenCSF20toCISRows(t *testing.T) {
	cat := testCatalog(t)
	if !cat.Has(catalog.CIS8) {
		t.Skip("built with -tags nocis: no CIS data")
	}
	rows := testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_cis-controls.csv")
	distinct := map[string]map[[2]string]bool{"8.0": {}, "8.1": {}}
	for _, r := range rows {
		distinct[r["cis_version"]][[2]string{r["csf_id"], r["cis_id"]}] = true
	}
	sets, err := genCSF20toCIS(testReferenceDir(t), cat)
	require.NoError(t, err)
	require.Len(t, sets, 2)
	for i, v := range []struct {
		version string
		to      catalog.FrameworkID
		title   string
	}{
		{"8.0", catalog.CIS8, "NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: CIS Controls v8.0"},
		{"8.1", catalog.CIS81, "NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: CIS Controls v8.1"},
	} {
		s := sets[i]
		assert.Equal(t, v.to, s.To, v.version)
		assert.Equal(t, v.title, s.Source.Title)
		assert.Len(t, s.Edges, len(distinct[v.version]), v.version)
		for _, sg := range []string{"15.1", "15.3"} {
			e := edgeOf(t, s, catalog.NewRef(catalog.CSF20, "GV.SC-04"), catalog.NewRef(v.to, sg))
			assert.Equal(t, mappings.Related, e.Relationship)
		}
	}
	assert.Len(t, distinct["8.0"], 60, "rows of version 8.0, counted by hand")
	assert.Len(t, distinct["8.1"], 62)
}

// TestGenCSF11toCSF20Rows: NIST prints CSF 1.1 IDs re-numbered to two digits in its
// withdrawal notes ("ID.AM-06" for 1.1's ID.AM-6): the edge goes from ID.AM-6 and says
// how it was printed; an element withdrawn into unnamed elements (PR.IP) is a
// statement; a pair listed both as a withdrawal and as an informative reference is one
// edge with both labels.
func TestGenCSF11toCSF20Rows(t *testing.T) {
	cat := testCatalog(t)
	sets, err := genCSF11toCSF20(testReferenceDir(t), cat)
	require.NoError(t, err)
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, mappings.Succession, s.Kind)
	v11 := func(id string) catalog.Ref { return catalog.NewRef(catalog.CSF11, id) }
	v20 := func(id string) catalog.Ref { return catalog.NewRef(catalog.CSF20, id) }
	// Rows 2 and 3 (ID.AM-06, withdrawn into GV.RR-02 and GV.SC-02), and the rows
	// where GV.RR-02 and GV.SC-02 list "CSF v1.1: ID.AM-6".
	for _, to := range []string{"GV.RR-02", "GV.SC-02"} {
		e := edgeOf(t, s, v11("ID.AM-6"), v20(to))
		assert.Equal(t, "incorporated_into; informative_reference_of", e.Label, to)
		assert.Equal(t, `NIST: "Incorporated into GV.RR-02, GV.SC-02"; the CSF 1.1 ID is printed "ID.AM-06"`, e.Note, to)
	}
	e := edgeOf(t, s, v11("ID.BE-2"), v20("GV.OC-01"))
	assert.Equal(t, "incorporated_into; informative_reference_of", e.Label)
	assert.Equal(t, `NIST: "Incorporated into GV.OC-01"; the CSF 1.1 ID is printed "ID.BE-02"`, e.Note)

	var pr []mappings.Statement
	for _, st := range s.Statements {
		if st.Ref == v11("PR.IP") {
			pr = append(pr, st)
		}
	}
	assert.Equal(t, []mappings.Statement{{Ref: v11("PR.IP"), Kind: mappings.IncorporatedElsewhere,
		Target: "CSF 2.0 elements not named", Note: "Incorporated into other Categories and Functions"}}, pr)
}

// TestGenCSF11toISO2013Rows: the quirks of Table 2 the reference README lists stay
// visible: RS.CO-3's "Clause 16.1.2" (ISO/IEC 27001:2013 has no such clause) is a
// statement with its probable reading A.16.1.2; PR.AC-6's ", A.7.1.1" is an edge that
// keeps the printed text; clause references are statements, not edges.
func TestGenCSF11toISO2013Rows(t *testing.T) {
	cat := testCatalog(t)
	sets, err := genCSF11toISO2013(testReferenceDir(t), cat)
	require.NoError(t, err)
	s := sets[0]
	v11 := func(id string) catalog.Ref { return catalog.NewRef(catalog.CSF11, id) }
	iso := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2013, id) }
	e := edgeOf(t, s, v11("PR.AC-6"), iso("A.7.1.1"))
	assert.Equal(t, ", A.7.1.1", e.Misprint)
	assert.Equal(t, `printed ", A.7.1.1"; read as A.7.1.1`, e.Note)
	e = edgeOf(t, s, v11("ID.AM-1"), iso("A.8.1.1"))
	assert.Empty(t, e.Misprint)
	assert.Equal(t, mappings.Related, e.Relationship)

	var rsco3 []mappings.Statement
	for _, st := range s.Statements {
		if st.Ref == v11("RS.CO-3") {
			rsco3 = append(rsco3, st)
		}
	}
	assert.Equal(t, []mappings.Statement{
		{Ref: v11("RS.CO-3"), Kind: mappings.UnresolvedReference, Target: "ISO/IEC 27001:2013 clause 7.4", Note: "Clause 7.4"},
		{Ref: v11("RS.CO-3"), Kind: mappings.UnresolvedReference, Target: "ISO/IEC 27001:2013 clause 16.1.2",
			Note:     "Clause 16.1.2 — as printed; ISO/IEC 27001:2013 has no clause 16.1.2 (likely A.16.1.2)",
			Misprint: "Clause 16.1.2", Reading: iso("A.16.1.2")},
	}, rsco3)
}

// TestGenCISSetTheoryRows: CIS's workbooks in IR 8477's words, read "CIS R other":
// the ISO/IEC 27002 file's 200 rows are 199 edges, 15.2 → 5.10 listed twice being
// one edge with a repeat (the reference README's quirk); the CSF 1.1 file's 166 rows.
func TestGenCISSetTheoryRows(t *testing.T) {
	cat := testCatalog(t)
	if !cat.Has(catalog.CIS8) {
		t.Skip("built with -tags nocis: no CIS data")
	}
	ref := testReferenceDir(t)
	sets, err := genCISSetTheory(ref, cat, "mappings/cis-controls-v8_to_iso27002-2022.csv", "iso27002_2022",
		mappings.SetCIS8ToISO2022, catalog.ISO27002v2022, "cis-v8-iso27001-2022-workbook")
	require.NoError(t, err)
	s := sets[0]
	assert.Len(t, s.Edges, 199)
	cis := func(id string) catalog.Ref { return catalog.NewRef(catalog.CIS8, id) }
	iso := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	e := edgeOf(t, s, cis("15.2"), iso("5.10"))
	assert.Equal(t, 1, e.Repeats, "listed twice")
	assert.Equal(t, mappings.SubsetOf, e.Relationship)
	assert.Equal(t, mappings.Equal, edgeOf(t, s, cis("17.3"), iso("6.8")).Relationship)
	assert.Equal(t, mappings.SubsetOf, edgeOf(t, s, cis("1.1"), iso("8.8")).Relationship)
	count := map[mappings.Relationship]int{}
	for _, e := range s.Edges {
		count[e.Relationship]++
	}
	assert.Equal(t, map[mappings.Relationship]int{mappings.SubsetOf: 190, mappings.SupersetOf: 5, mappings.Equal: 4}, count,
		"the README's 191 subset-of, 5 superset-of, 4 equal, less the repeated row")

	sets, err = genCISSetTheory(ref, cat, "mappings/cis-controls-v8_to_nist-csf-1.1.csv", "csf11_id",
		mappings.SetCIS8ToCSF11, catalog.CSF11, "cis-v8-nist-csf-workbook")
	require.NoError(t, err)
	assert.Len(t, sets[0].Edges, 166)
	assert.Equal(t, mappings.Equal, edgeOf(t, sets[0], cis("1.1"), catalog.NewRef(catalog.CSF11, "ID.AM-1")).Relationship)
}

// TestSplitCells: a multi-valued cell splits on ';', trimmed, empty parts dropped.
func TestSplitCells(t *testing.T) {
	assert.Equal(t, []string{"a", "b c", "d"}, split(" a ;b c;; d;"))
	assert.Nil(t, split(""))
	assert.Nil(t, split(" ; "))
}
