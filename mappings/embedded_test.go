package mappings_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Expected contents of each embedded set, derived by hand from the reference CSV files
// in ../shared/reference/mappings (each count checked with awk, command in the
// comment) and from the reading rules of the reference README.
const (
	// iso27002-2013_to_iso27002-2022.csv: `awk 'NR>1' | wc -l` = 115 rows, one edge each.
	nISO2013Edges = 115

	// nist-csf-2.0_to_iso27001-2022.csv: 493 rows; `awk -F, '{k[$3]++}'` gives
	// annex_a 292, clause 123, none 75, empty 3. One annex_a row is "ALL" (PR, "All
	// applicable controls") → a statement, so 291 Annex A edges. Two clause rows pairs
	// (GV.OC-03 and GV.OC-04 cite both 4.2(a) and 4.2(b)) become one edge each, so
	// 121 clause edges. Statements: 75 none + 3 empty + 1 ALL.
	nCSF20ISOAnnexEdges  = 291
	nCSF20ISOClauseEdges = 121
	nCSF20ISONone        = 75
	nCSF20ISOEmpty       = 3
	nCSF20ISOAll         = 1

	// nist-csf-1.1_to_nist-csf-2.0.csv: 324 rows; `awk -F, '{k[$3]++}'` gives
	// informative_reference_of 185, incorporated_into 120, moved_to 19; 3 rows
	// (PR.IP, PR.PT, DE.DP, all incorporated_into) have no csf20_id → statements.
	// The other 321 rows name 188 distinct pairs once the two-digit IDs are read
	// (ID.AM-06 = ID.AM-6): one edge per pair, its labels joined — 115 pairs are
	// both incorporated_into and informative_reference_of, 18 moved_to and
	// informative_reference_of, 52 informative_reference_of only, 2
	// incorporated_into only, 1 moved_to only.
	nCSF11CSF20Pairs        = 188
	nCSF11CSF20Informative  = 185
	nCSF11CSF20Incorporated = 117
	nCSF11CSF20Moved        = 19
	nCSF11CSF20Elsewhere    = 3

	// nist-csf-1.1_to_iso27001-2013.csv: `awk -F, '{k[$2]++}'` gives annex_a 279
	// (edges) and clause 24 (ISO/IEC 27001:2013 clauses: statements).
	nCSF11ISOEdges      = 279
	nCSF11ISOStatements = 24

	// nis2-ir-2024-2690_to_iso27002-2022.csv: 121 rows; 4 with an empty iso_id (A9 at
	// 11.1, A.9 at 11.2 and 11.3, 5.28 at 10.4) → statements; the other 117 are edges,
	// `awk -F, '$3!=""{k[$2]++}'` annex_a 96, clause 21. Rows 7.1 (3) and 9.1 (2) are
	// edges from sections 7 and 9 with the printed id kept as a misprint.
	nNIS2ISOAnnexEdges  = 96
	nNIS2ISOClauseEdges = 21
	nNIS2ISOStatements  = 4
	nNIS2ISOSection     = 5

	// nis2-ir-2024-2690_to_nist-csf-2.0.csv: 282 rows; 3 with an empty csf_id
	// (ID.RM-01, PR.AC-02, GV.OC-07) → statements, 279 edges; 2 of them were printed
	// twice in their cell (note "printed 2 times in the cell") → Repeats 1. Rows 7.1
	// (5) and 9.1 (6) are edges from the sections.
	nNIS2CSFEdges      = 279
	nNIS2CSFStatements = 3
	nNIS2CSFRepeats    = 2
	nNIS2CSFSection    = 11

	// nist-csf-2.0_to_nist-sp800-53-r5.csv: 740 rows, no pair twice; 5 ids are not
	// controls of the catalog: IA-13 (PR.AA-04, PR.AA-05; Rev. 5.1.1 only) →
	// unresolved-reference statements, and the families CP, IR (PR.IR-03) and PT
	// (GV.OC-03) → all-controls statements; 735 edges, 6 of them from the categories
	// RS.MA and RC.RP.
	nCSF20SP80053Edges       = 735
	nCSF20SP80053Unresolved  = 2
	nCSF20SP80053Families    = 3
	nCSF20SP80053FromCategor = 6

	// nist-sp800-53-r5_to_iso27001-2022.csv: 643 rows, no pair twice, relationship
	// empty in every row (read as related); `awk -F, '{k[$2]++}'` annex_a 439, clause
	// 204.
	nSP80053ISOAnnexEdges  = 439
	nSP80053ISOClauseEdges = 204

	// nist-csf-2.0_to_cis-controls.csv: `awk -F, '{k[$3]++}'` gives 8.0 60, 8.1 62.
	nCSF20CIS8  = 60
	nCSF20CIS81 = 62

	// cis-controls-v8_to_iso27002-2022.csv: 200 rows, 191 subset-of, 5 superset-of,
	// 4 equal; 15.2 → 5.10 subset-of is listed twice (lines 140 and 141) → one edge
	// with Repeats 1, so 199 edges, 190 of them subset-of.
	nCIS8ISOSubset   = 190
	nCIS8ISOSuperset = 5
	nCIS8ISOEqual    = 4

	// cis-controls-v8_to_nist-csf-1.1.csv: 166 rows, 113 subset-of, 27 superset-of,
	// 26 equal, no duplicate.
	nCIS8CSF11Subset   = 113
	nCIS8CSF11Superset = 27
	nCIS8CSF11Equal    = 26

	// cis-controls-v8.csv 18 controls + cis-controls-v8-safeguards.csv 153 safeguards,
	// all present in v8.1 with the same IDs.
	nCIS8CIS81 = 171
)

func mustSet(t *testing.T, id string) mappings.Set {
	t.Helper()
	s, ok := mappings.EmbeddedSet(id)
	require.True(t, ok, "embedded set %s", id)
	return s
}

func countEdges(s mappings.Set, f func(mappings.Edge) bool) int {
	n := 0
	for _, e := range s.Edges {
		if f(e) {
			n++
		}
	}
	return n
}

func countStatements(s mappings.Set, k mappings.StatementKind) int {
	n := 0
	for _, st := range s.Statements {
		if st.Kind == k {
			n++
		}
	}
	return n
}

func rel(r mappings.Relationship) func(mappings.Edge) bool {
	return func(e mappings.Edge) bool { return e.Relationship == r }
}

func ref(fw catalog.FrameworkID, id string) catalog.Ref { return catalog.NewRef(fw, id) }

func hasEdge(s mappings.Set, from, to catalog.Ref, r mappings.Relationship) bool {
	return slices.ContainsFunc(s.Edges, func(e mappings.Edge) bool { return e.From == from && e.To == to && e.Relationship == r })
}

func TestEmbeddedSetIDsAndOrder(t *testing.T) {
	var ids []string
	for _, s := range mappings.Embedded() {
		ids = append(ids, s.ID)
	}
	want := []string{mappings.SetISO2013ToISO2022, mappings.SetCSF20ToISO27001, mappings.SetCSF11ToCSF20, mappings.SetCSF11ToISO2013,
		mappings.SetNIS2ToISO27001, mappings.SetNIS2ToCSF20, mappings.SetCSF20ToSP80053, mappings.SetSP80053ToISO27001}
	if mappings.HasCIS() {
		want = append(want, mappings.SetCSF20ToCIS8, mappings.SetCSF20ToCIS81, mappings.SetCIS8ToISO2022, mappings.SetCIS8ToCSF11, mappings.SetCIS8ToCIS81)
	}
	assert.Equal(t, want, ids)
}

func TestEmbeddedCountsNonCIS(t *testing.T) {
	iso := mustSet(t, mappings.SetISO2013ToISO2022)
	assert.Equal(t, mappings.Succession, iso.Kind)
	assert.Len(t, iso.Edges, nISO2013Edges)
	assert.Equal(t, nISO2013Edges, countEdges(iso, rel(mappings.Related)))
	assert.Empty(t, iso.Statements)

	csf := mustSet(t, mappings.SetCSF20ToISO27001)
	assert.Equal(t, nCSF20ISOAnnexEdges, countEdges(csf, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27002v2022 }))
	assert.Equal(t, nCSF20ISOClauseEdges, countEdges(csf, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27001v2022 }))
	assert.Len(t, csf.Edges, nCSF20ISOAnnexEdges+nCSF20ISOClauseEdges)
	assert.Equal(t, len(csf.Edges), countEdges(csf, rel(mappings.Related)))
	assert.Equal(t, nCSF20ISONone, countStatements(csf, mappings.NoReference))
	assert.Equal(t, nCSF20ISOEmpty, countStatements(csf, mappings.EmptyReference))
	assert.Equal(t, nCSF20ISOAll, countStatements(csf, mappings.AllControls))
	assert.Len(t, csf.Statements, nCSF20ISONone+nCSF20ISOEmpty+nCSF20ISOAll)

	succ := mustSet(t, mappings.SetCSF11ToCSF20)
	assert.Equal(t, mappings.Succession, succ.Kind)
	label := func(l string) func(mappings.Edge) bool {
		return func(e mappings.Edge) bool { return slices.Contains(strings.Split(e.Label, "; "), l) }
	}
	assert.Equal(t, nCSF11CSF20Informative, countEdges(succ, label("informative_reference_of")))
	assert.Equal(t, nCSF11CSF20Incorporated, countEdges(succ, label("incorporated_into")))
	assert.Equal(t, nCSF11CSF20Moved, countEdges(succ, label("moved_to")))
	assert.Len(t, succ.Edges, nCSF11CSF20Pairs, "one edge per pair (issue: 321 edges for 188 pairs)")
	assert.Equal(t, 115, countEdges(succ, func(e mappings.Edge) bool { return e.Label == "incorporated_into; informative_reference_of" }))
	assert.Equal(t, nCSF11CSF20Elsewhere, countStatements(succ, mappings.IncorporatedElsewhere))
	assert.Len(t, succ.Statements, nCSF11CSF20Elsewhere)

	old := mustSet(t, mappings.SetCSF11ToISO2013)
	assert.Equal(t, catalog.ISO27002v2013, old.To)
	assert.Len(t, old.Edges, nCSF11ISOEdges)
	assert.Equal(t, nCSF11ISOStatements, countStatements(old, mappings.UnresolvedReference))
	assert.Len(t, old.Statements, nCSF11ISOStatements)

	fromSection := func(e mappings.Edge) bool { return e.From.ID == "7" || e.From.ID == "9" }
	nis2 := mustSet(t, mappings.SetNIS2ToISO27001)
	assert.Equal(t, catalog.NIS2v2024, nis2.From)
	assert.Equal(t, catalog.ISO27001v2022, nis2.To)
	assert.Equal(t, nNIS2ISOAnnexEdges, countEdges(nis2, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27002v2022 }))
	assert.Equal(t, nNIS2ISOClauseEdges, countEdges(nis2, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27001v2022 }))
	assert.Len(t, nis2.Edges, nNIS2ISOAnnexEdges+nNIS2ISOClauseEdges)
	assert.Equal(t, len(nis2.Edges), countEdges(nis2, rel(mappings.Related)))
	assert.Equal(t, nNIS2ISOStatements, countStatements(nis2, mappings.UnresolvedReference))
	assert.Len(t, nis2.Statements, nNIS2ISOStatements)
	assert.Equal(t, nNIS2ISOSection, countEdges(nis2, fromSection))
	assert.Equal(t, nNIS2ISOSection, countEdges(nis2, func(e mappings.Edge) bool { return e.Misprint != "" }))

	ncsf := mustSet(t, mappings.SetNIS2ToCSF20)
	assert.Equal(t, catalog.CSF20, ncsf.To)
	assert.Len(t, ncsf.Edges, nNIS2CSFEdges)
	assert.Equal(t, len(ncsf.Edges), countEdges(ncsf, rel(mappings.Related)))
	assert.Equal(t, nNIS2CSFStatements, countStatements(ncsf, mappings.UnresolvedReference))
	assert.Len(t, ncsf.Statements, nNIS2CSFStatements)
	assert.Equal(t, nNIS2CSFRepeats, countEdges(ncsf, func(e mappings.Edge) bool { return e.Repeats == 1 }))
	assert.Equal(t, nNIS2CSFSection, countEdges(ncsf, fromSection))
	assert.Equal(t, nNIS2CSFSection, countEdges(ncsf, func(e mappings.Edge) bool { return e.Misprint != "" }))

	c53 := mustSet(t, mappings.SetCSF20ToSP80053)
	assert.Equal(t, catalog.SP80053v5, c53.To)
	assert.Len(t, c53.Edges, nCSF20SP80053Edges)
	assert.Equal(t, len(c53.Edges), countEdges(c53, rel(mappings.Related)))
	assert.Equal(t, nCSF20SP80053FromCategor, countEdges(c53, func(e mappings.Edge) bool {
		ctl, _ := catalog.Default().Control(e.From)
		return ctl.Kind == catalog.KindCategory
	}))
	assert.Equal(t, nCSF20SP80053Unresolved, countStatements(c53, mappings.UnresolvedReference))
	assert.Equal(t, nCSF20SP80053Families, countStatements(c53, mappings.AllControls))
	assert.Len(t, c53.Statements, nCSF20SP80053Unresolved+nCSF20SP80053Families)

	olir := mustSet(t, mappings.SetSP80053ToISO27001)
	assert.Equal(t, catalog.SP80053v5, olir.From)
	assert.Equal(t, catalog.ISO27001v2022, olir.To)
	assert.Equal(t, nSP80053ISOAnnexEdges, countEdges(olir, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27002v2022 }))
	assert.Equal(t, nSP80053ISOClauseEdges, countEdges(olir, func(e mappings.Edge) bool { return e.To.Framework == catalog.ISO27001v2022 }))
	assert.Len(t, olir.Edges, nSP80053ISOAnnexEdges+nSP80053ISOClauseEdges)
	assert.Equal(t, len(olir.Edges), countEdges(olir, rel(mappings.Related)))
	assert.Empty(t, olir.Statements)
}

func TestEmbeddedCountsCIS(t *testing.T) {
	if !mappings.HasCIS() {
		t.Skip("built with -tags nocis: no CIS mapping set is embedded")
	}
	assert.Len(t, mustSet(t, mappings.SetCSF20ToCIS8).Edges, nCSF20CIS8)
	assert.Len(t, mustSet(t, mappings.SetCSF20ToCIS81).Edges, nCSF20CIS81)

	ciso := mustSet(t, mappings.SetCIS8ToISO2022)
	assert.Equal(t, nCIS8ISOSubset, countEdges(ciso, rel(mappings.SubsetOf)))
	assert.Equal(t, nCIS8ISOSuperset, countEdges(ciso, rel(mappings.SupersetOf)))
	assert.Equal(t, nCIS8ISOEqual, countEdges(ciso, rel(mappings.Equal)))
	assert.Len(t, ciso.Edges, nCIS8ISOSubset+nCIS8ISOSuperset+nCIS8ISOEqual)

	ccsf := mustSet(t, mappings.SetCIS8ToCSF11)
	assert.Equal(t, nCIS8CSF11Subset, countEdges(ccsf, rel(mappings.SubsetOf)))
	assert.Equal(t, nCIS8CSF11Superset, countEdges(ccsf, rel(mappings.SupersetOf)))
	assert.Equal(t, nCIS8CSF11Equal, countEdges(ccsf, rel(mappings.Equal)))
	assert.Len(t, ccsf.Edges, nCIS8CSF11Subset+nCIS8CSF11Superset+nCIS8CSF11Equal)

	succ := mustSet(t, mappings.SetCIS8ToCIS81)
	assert.Equal(t, mappings.Succession, succ.Kind)
	assert.Len(t, succ.Edges, nCIS8CIS81)
	for _, e := range succ.Edges {
		assert.Equal(t, mappings.Equal, e.Relationship)
		assert.Equal(t, e.From.ID, e.To.ID)
	}
	assert.Len(t, succ.Edges, catalog.Default().Len(catalog.CIS8))
}

func TestEmbeddedSpotChecks(t *testing.T) {
	// CSF 2.0 DE.CM-01 → ISO/IEC 27002:2022 8.16 (nist-csf-2.0_to_iso27001-2022.csv:
	// "DE.CM-01,subcategory,annex_a,8.16"), and backwards.
	csf := mustSet(t, mappings.SetCSF20ToISO27001)
	assert.True(t, hasEdge(csf, ref(catalog.CSF20, "DE.CM-01"), ref(catalog.ISO27002v2022, "8.16"), mappings.Related))
	assert.True(t, hasEdge(csf.Inverse(), ref(catalog.ISO27002v2022, "8.16"), ref(catalog.CSF20, "DE.CM-01"), mappings.Related))
	// DE.CM-01 also has "2022: Mandatory Clause: None".
	assert.Equal(t, []mappings.Statement{{Ref: ref(catalog.CSF20, "DE.CM-01"), Kind: mappings.NoReference, Target: "clauses", Note: "2022: Mandatory Clause: None"}},
		csf.StatementsAbout(ref(catalog.CSF20, "DE.CM-01")))
	// GV.OC-05: "none" for the clauses, Annex A 5.3.
	assert.Equal(t, []mappings.Statement{{Ref: ref(catalog.CSF20, "GV.OC-05"), Kind: mappings.NoReference, Target: "clauses", Note: "2022: Mandatory Clause: None"}},
		csf.StatementsAbout(ref(catalog.CSF20, "GV.OC-05")))
	assert.True(t, hasEdge(csf, ref(catalog.CSF20, "GV.OC-05"), ref(catalog.ISO27002v2022, "5.3"), mappings.Related))
	// GV.OC-01: an empty Annex A cell.
	assert.Equal(t, []mappings.Statement{{Ref: ref(catalog.CSF20, "GV.OC-01"), Kind: mappings.EmptyReference, Target: "Annex A controls", Note: "2022: Annex A Controls:"}},
		csf.StatementsAbout(ref(catalog.CSF20, "GV.OC-01")))
	// PR: "All applicable controls".
	assert.Equal(t, mappings.AllControls, csf.StatementsAbout(ref(catalog.CSF20, "PR"))[0].Kind)
	// Function- and category-level references stay at that level: GV → clause 6.1.
	assert.True(t, hasEdge(csf, ref(catalog.CSF20, "GV"), ref(catalog.ISO27001v2022, "6.1"), mappings.Related))
	// Quirks: 6.11 → 6.1.1, 6.13 → 6.1.3, 4.2(a)/(b) → 4.2 with the item.
	e := edgeOf(t, csf, ref(catalog.CSF20, "GV.RM-07"), ref(catalog.ISO27001v2022, "6.1.1"))
	assert.Equal(t, "6.11", e.Misprint)
	assert.Contains(t, e.Note, `"6.11"`)
	e = edgeOf(t, csf, ref(catalog.CSF20, "ID.RA-06"), ref(catalog.ISO27001v2022, "6.1.3"))
	assert.Equal(t, "6.13", e.Misprint)
	e = edgeOf(t, csf, ref(catalog.CSF20, "GV.OC-03"), ref(catalog.ISO27001v2022, "4.2"))
	assert.Equal(t, `list items a) and b) of clause 4.2 (printed "4.2(a)", "4.2(b)")`, e.Note)
	e = edgeOf(t, csf, ref(catalog.CSF20, "GV.SC-05"), ref(catalog.ISO27001v2022, "4.2"))
	assert.Equal(t, `list item a) of clause 4.2 (printed "4.2 (a)")`, e.Note)

	// ISO 2013 A.13.2.1 → 2022 5.14; A.18.2.3 → 5.36 and 8.8.
	iso := mustSet(t, mappings.SetISO2013ToISO2022)
	assert.True(t, hasEdge(iso, ref(catalog.ISO27002v2013, "A.13.2.1"), ref(catalog.ISO27002v2022, "5.14"), mappings.Related))
	var to []string
	for e := range iso.EdgesFrom(ref(catalog.ISO27002v2013, "A.18.2.3")) {
		to = append(to, e.To.ID)
	}
	assert.Equal(t, []string{"5.36", "8.8"}, to)
	var from []string
	for e := range iso.EdgesTo(ref(catalog.ISO27002v2022, "5.14")) {
		from = append(from, e.From.ID)
	}
	assert.Equal(t, []string{"A.13.2.1", "A.13.2.2", "A.13.2.3"}, from)

	// CSF 1.1 → 2.0: ID.AM-06 (as printed) is 1.1's ID.AM-6.
	succ := mustSet(t, mappings.SetCSF11ToCSF20)
	// ID.AM-6 → GV.RR-02 twice: NIST's withdrawal note of ID.AM-06, and GV.RR-02's
	// list of CSF v1.1 references. Two facts about one pair: one edge, both labels
	// (the issue: 321 edges for 188 pairs inflated counts and derived paths).
	var am6 []mappings.Edge
	for e := range succ.EdgesFrom(ref(catalog.CSF11, "ID.AM-6")) {
		if e.To == ref(catalog.CSF20, "GV.RR-02") {
			am6 = append(am6, e)
		}
	}
	require.Len(t, am6, 1)
	assert.Equal(t, "incorporated_into; informative_reference_of", am6[0].Label)
	assert.Equal(t, `NIST: "Incorporated into GV.RR-02, GV.SC-02"; the CSF 1.1 ID is printed "ID.AM-06"`, am6[0].Note)
	assert.Equal(t, []mappings.Statement{{Ref: ref(catalog.CSF11, "PR.IP"), Kind: mappings.IncorporatedElsewhere, Target: "CSF 2.0 elements not named", Note: "Incorporated into other Categories and Functions"}},
		succ.StatementsAbout(ref(catalog.CSF11, "PR.IP")))
	// Category level stays: ID.BE → GV.OC, both as a withdrawal and as a reference.
	var labels []string
	for e := range succ.EdgesFrom(ref(catalog.CSF11, "ID.BE")) {
		labels = append(labels, e.To.ID+" "+e.Label)
	}
	assert.Equal(t, []string{"GV.OC incorporated_into; informative_reference_of"}, labels)

	// CSF 1.1 → ISO 2013: PR.AC-6 ", A.7.1.1"; RS.CO-3 "Clause 16.1.2".
	old := mustSet(t, mappings.SetCSF11ToISO2013)
	e = edgeOf(t, old, ref(catalog.CSF11, "PR.AC-6"), ref(catalog.ISO27002v2013, "A.7.1.1"))
	assert.Equal(t, ", A.7.1.1", e.Misprint)
	sts := old.StatementsAbout(ref(catalog.CSF11, "RS.CO-3"))
	require.Len(t, sts, 2)
	assert.Equal(t, "ISO/IEC 27001:2013 clause 7.4", sts[0].Target)
	assert.Equal(t, "Clause 16.1.2", sts[1].Misprint)
	assert.Equal(t, ref(catalog.ISO27002v2013, "A.16.1.2"), sts[1].Reading)
}

func TestEmbeddedSpotChecksCIS(t *testing.T) {
	if !mappings.HasCIS() {
		t.Skip("built with -tags nocis")
	}
	// CIS 1.1 subset-of ISO 5.9 (cis-controls-v8_to_iso27002-2022.csv line 2), so
	// ISO 5.9 superset-of CIS 1.1.
	ciso := mustSet(t, mappings.SetCIS8ToISO2022)
	assert.True(t, hasEdge(ciso, ref(catalog.CIS8, "1.1"), ref(catalog.ISO27002v2022, "5.9"), mappings.SubsetOf))
	assert.True(t, hasEdge(ciso.Inverse(), ref(catalog.ISO27002v2022, "5.9"), ref(catalog.CIS8, "1.1"), mappings.SupersetOf))
	e := edgeOf(t, ciso, ref(catalog.CIS8, "15.2"), ref(catalog.ISO27002v2022, "5.10"))
	assert.Equal(t, 1, e.Repeats)
	// CIS 1.1 equal CSF 1.1 ID.AM-1 (cis-controls-v8_to_nist-csf-1.1.csv line 2).
	assert.True(t, hasEdge(mustSet(t, mappings.SetCIS8ToCSF11), ref(catalog.CIS8, "1.1"), ref(catalog.CSF11, "ID.AM-1"), mappings.Equal))
	// CSF 2.0 GV.RR-01 → CIS 14.1 in both versions.
	assert.True(t, hasEdge(mustSet(t, mappings.SetCSF20ToCIS8), ref(catalog.CSF20, "GV.RR-01"), ref(catalog.CIS8, "14.1"), mappings.Related))
	assert.True(t, hasEdge(mustSet(t, mappings.SetCSF20ToCIS81), ref(catalog.CSF20, "GV.RR-01"), ref(catalog.CIS81, "14.1"), mappings.Related))
}

func edgeOf(t *testing.T, s mappings.Set, from, to catalog.Ref) mappings.Edge {
	t.Helper()
	var got []mappings.Edge
	for e := range s.EdgesFrom(from) {
		if e.To == to {
			got = append(got, e)
		}
	}
	require.Len(t, got, 1, "edges %s → %s in %s", from, to, s.ID)
	return got[0]
}

func TestEmbeddedSourcesAndOrder(t *testing.T) {
	cat := catalog.Default()
	for _, s := range mappings.Embedded() {
		assert.NotEmpty(t, s.Source.ID, s.ID)
		assert.NotEmpty(t, s.Source.Title, s.ID)
		assert.NotEmpty(t, s.Source.Publisher, s.ID)
		assert.NotEmpty(t, s.Source.Licence, s.ID)
		for i, e := range s.Edges {
			assert.Equal(t, s.Source.ID, e.Source, "%s edge %d", s.ID, i)
			if i > 0 {
				p := s.Edges[i-1]
				c := cat.Compare(p.From, e.From)
				assert.True(t, c < 0 || c == 0 && cat.Compare(p.To, e.To) <= 0, "%s: edge %d (%s → %s) out of document order", s.ID, i, e.From, e.To)
			}
		}
		if strings.HasPrefix(s.ID, "cis") || strings.Contains(s.ID, "cis-controls") {
			assert.Contains(t, s.Source.Licence, "CC BY-NC-ND 4.0", s.ID)
		}
	}
}

// TestEmbeddedValidate: the embedded sets have no error, and exactly the known source
// quirks as warnings.
func TestEmbeddedValidate(t *testing.T) {
	var warnings []string
	for _, s := range mappings.Embedded() {
		for _, p := range mappings.Validate(s, catalog.Default()) {
			require.True(t, p.Warning, "%v", p)
			warnings = append(warnings, p.Error())
		}
	}
	joined := strings.Join(warnings, "\n")
	assert.Contains(t, joined, `field "misprint" = "6.11": source quirk: read as nist-csf:2.0/GV.RM-07 → iso27001:2022/6.1.1`)
	assert.Contains(t, joined, `field "misprint" = "6.13": source quirk: read as nist-csf:2.0/ID.RA-06 → iso27001:2022/6.1.3`)
	assert.Contains(t, joined, `field "misprint" = ", A.7.1.1": source quirk: read as nist-csf:1.1/PR.AC-6 → iso27002:2013/A.7.1.1`)
	assert.Contains(t, joined, `nist-csf:1.1/RS.CO-3 unresolved-reference): field "misprint" = "Clause 16.1.2": source quirk: names no control; probably iso27002:2013/A.16.1.2 (not applied)`)
	// NIS2: sections 7 and 9 read from ENISA's rows 7.1 and 9.1 (one warning per
	// edge), the ids that do not exist, and the two ids ENISA printed twice.
	assert.Contains(t, joined, `set "nis2-ir-2024-2690_to_iso27002-2022": edge #69 (nis2:2024/7 → iso27001:2022/6.2): field "misprint" = "7.1": source quirk: read as nis2:2024/7 → iso27001:2022/6.2`)
	assert.Contains(t, joined, `nis2:2024/11.1 unresolved-reference): field "misprint" = "A9": source quirk: names no control`)
	assert.Contains(t, joined, `nis2:2024/10.4 unresolved-reference): field "misprint" = "5.28": source quirk: names no control`)
	assert.Contains(t, joined, `nis2:2024/13.1 unresolved-reference): field "misprint" = "GV.OC-07": source quirk: names no control`)
	assert.Contains(t, joined, `duplicate edge: the source lists nis2:2024/6.10 related nist-csf:2.0/ID.RA-06 2 times; kept once`)
	// SP 800-53: the two CSF 2.0 references to IA-13, cited from Rev. 5.1.1.
	assert.Contains(t, joined, `nist-csf:2.0/PR.AA-04 unresolved-reference): field "misprint" = "SP 800-53 Rev 5.1.1: IA-13": source quirk: names no control`)
	n := 4 + nNIS2ISOSection + nNIS2ISOStatements + nNIS2CSFSection + nNIS2CSFStatements + nNIS2CSFRepeats + nCSF20SP80053Unresolved
	if mappings.HasCIS() {
		assert.Contains(t, joined, `duplicate edge: the source lists cis:8/15.2 subset-of iso27002:2022/5.10 2 times; kept once`)
		n++
	}
	assert.Len(t, warnings, n, joined)
}

func TestEmbeddedIsACopy(t *testing.T) {
	a := mappings.Embedded()
	a[0].Edges[0].To = ref("x:1", "y")
	a[0].Statements = append(a[0].Statements, mappings.Statement{})
	b := mappings.Embedded()
	assert.NotEqual(t, a[0].Edges[0].To, b[0].Edges[0].To)
	assert.Equal(t, ref(catalog.ISO27002v2022, "5.1"), b[0].Edges[0].To)
}

func TestEmbeddedConcurrent(t *testing.T) {
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for _, s := range mappings.Embedded() {
				s.Edges[0].Note = "mine"
				n += len(s.Edges)
			}
			done <- n
		}()
	}
	first := <-done
	for range 7 {
		assert.Equal(t, first, <-done)
	}
	assert.Empty(t, mappings.Embedded()[0].Edges[0].Note)
}

func TestWriteJSONNothing(t *testing.T) {
	var buf strings.Builder
	require.NoError(t, mappings.WriteJSON(&buf))
	assert.Equal(t, "{}\n", buf.String())
	sets, err := mappings.ReadJSON("empty.json", []byte(buf.String()))
	require.NoError(t, err)
	assert.Empty(t, sets)
}

func TestSets(t *testing.T) {
	got := mappings.Sets(catalog.CSF20, catalog.ISO27002v2022)
	require.Len(t, got, 1)
	assert.Equal(t, mappings.SetCSF20ToISO27001, got[0].ID)
	assert.Len(t, mappings.Sets(catalog.CSF20, catalog.ISO27001v2022), 1)
	assert.Empty(t, mappings.Sets(catalog.ISO27002v2022, catalog.CSF20))
	from11 := mappings.Sets(catalog.CSF11, "")
	var ids []string
	for _, s := range from11 {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []string{mappings.SetCSF11ToCSF20, mappings.SetCSF11ToISO2013}, ids)
	_, ok := mappings.EmbeddedSet("nope")
	assert.False(t, ok)
}

func TestProblemIs(t *testing.T) {
	p := &catalog.DataError{Err: mappings.ErrDanglingRef}
	assert.True(t, errors.Is(p, mappings.ErrDanglingRef))
	assert.Equal(t, "no such control in the catalog", p.Error())
}
