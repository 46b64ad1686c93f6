package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// testCatalog returns the catalog of the frameworks generated from the reference (and
// skips without it), for the mapping readers' tests.
func testCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	cat, err := generatedCatalog(files)
	require.NoError(t, err)
	return cat
}

// edgeLines renders edges as "from -> to [misprint] repeats: note", for comparison.
func edgeLines(es []mappings.Edge) []string {
	var out []string
	for _, e := range es {
		s := e.From.String() + " -> " + e.To.String()
		if e.Misprint != "" {
			s += " [" + e.Misprint + "]"
		}
		if e.Repeats > 0 {
			s += " +" + string(rune('0'+e.Repeats))
		}
		if e.Note != "" {
			s += ": " + e.Note
		}
		out = append(out, s)
	}
	return out
}

// TestNIS2Mappings: ENISA's rows 7.1 and 9.1 stand for sections 7 and 9 (the printed
// id kept), a normalised id keeps what ENISA printed in its note, an id printed
// several times in one cell is one edge with repeats, an id that does not exist is an
// unresolved statement; clauses and Annex A controls go to their frameworks.
func TestNIS2Mappings(t *testing.T) {
	cat := testCatalog(t)
	dir := writeRef(t, map[string]string{
		"mappings/nis2-ir-2024-2690_to_iso27002-2022.csv": "nis2_id,iso_kind,iso_id,as_printed,note,source\n" +
			"1.1,annex_a,5.1,Α.5.1,Greek capital Alpha read as A,S\n" +
			"1.1,clause,5.2,5.2,,S\n" +
			"7.1,annex_a,6.3,A.6.3,,S\n" +
			"2.1,annex_a,5.24,A.5.24,printed 3 times in the cell; one row kept,S\n" +
			"2.1,annex_a,,A.9,,S\n",
		"mappings/nis2-ir-2024-2690_to_nist-csf-2.0.csv": "nis2_id,csf_id,as_printed,note,source\n" +
			"9.1,PR.AA-05,PR.AA-05,,S\n" +
			"3.1,,ID.SC-5,,S\n",
	})
	sets, err := genNIS2toISO27001(dir, cat)
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, catalog.ISO27001v2022, s.To)
	assert.Equal(t, []string{
		`nis2:2024/1.1 -> iso27002:2022/5.1: printed "Α.5.1": Greek capital Alpha read as A`,
		"nis2:2024/1.1 -> iso27001:2022/5.2",
		`nis2:2024/7 -> iso27002:2022/6.3 [7.1]: ENISA prints "7.1" with the title of section 7, which has no sub-headings; read as section 7`,
		`nis2:2024/2.1 -> iso27002:2022/5.24 +2: printed "A.5.24": printed 3 times in the cell; one row kept`,
	}, edgeLines(s.Edges))
	require.Len(t, s.Statements, 1)
	assert.Equal(t, mappings.Statement{Ref: catalog.NewRef(catalog.NIS2v2024, "2.1"), Kind: mappings.UnresolvedReference,
		Target: `ISO/IEC 27001:2022 Annex A control "A.9"`, Misprint: "A.9"}, s.Statements[0])

	sets, err = genNIS2toCSF20(dir, cat)
	require.NoError(t, err)
	s = sets[0]
	assert.Equal(t, []string{
		`nis2:2024/9 -> nist-csf:2.0/PR.AA-05 [9.1]: ENISA prints "9.1" with the title of section 9, which has no sub-headings; read as section 9`,
	}, edgeLines(s.Edges))
	require.Len(t, s.Statements, 1)
	assert.Equal(t, `NIST CSF 2.0 subcategory "ID.SC-5"`, s.Statements[0].Target)

	bad := writeRef(t, map[string]string{
		"mappings/nis2-ir-2024-2690_to_iso27002-2022.csv": "nis2_id,iso_kind,iso_id,as_printed,note,source\n1.1,annex_b,5.1,5.1,,S\n",
		"mappings/nis2-ir-2024-2690_to_nist-csf-2.0.csv":  "nis2_id,csf_id,as_printed,note,source\n99.1,GV.OC-01,GV.OC-01,,S\n",
	})
	_, err = genNIS2toISO27001(bad, cat)
	assert.ErrorContains(t, err, `mappings/nis2-ir-2024-2690_to_iso27002-2022.csv:2: unknown iso_kind "annex_b"`)
	_, err = genNIS2toCSF20(bad, cat)
	assert.ErrorContains(t, err, `mappings/nis2-ir-2024-2690_to_nist-csf-2.0.csv:2: nis2:2024 has no control "99.1"`)
}

// TestSP80053Mappings: CSF 2.0 → SP 800-53 turns a family-level reference into a
// statement and a control Rev. 5.0.1 lacks (cited from 5.1.1, with a note) into an
// unresolved statement; SP 800-53 → ISO/IEC 27001:2022 reads OLIR #155's pairs as
// related and refuses a relationship it does not print.
func TestSP80053Mappings(t *testing.T) {
	cat := testCatalog(t)
	dir := writeRef(t, map[string]string{
		"mappings/nist-csf-2.0_to_nist-sp800-53-r5.csv": "csf_id,csf_level,sp80053_id,as_printed,note,source\n" +
			"GV.OC-01,subcategory,PM-11,PM-11,,S\n" +
			"GV.OC-01,subcategory,CP,CP,,S\n" +
			"PR.AA-01,subcategory,IA-13,IA-13,cited from 5.1.1,S\n",
		"mappings/nist-sp800-53-r5_to_iso27001-2022.csv": "sp80053_id,iso_kind,iso_id,relationship,as_printed,source\n" +
			"AC-1,annex_a,5.15,,A.5.15,S\n" +
			"AC-1,clause,5.2,,5.2,S\n" +
			"AC-1,clause,5.2,,5.2,S\n",
	})
	sets, err := genCSF20toSP80053(dir, cat)
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, []string{"nist-csf:2.0/GV.OC-01 -> sp800-53:5/PM-11"}, edgeLines(s.Edges))
	require.Len(t, s.Statements, 2)
	assert.Equal(t, mappings.AllControls, s.Statements[0].Kind)
	assert.Equal(t, "SP 800-53 Rev. 5 family CP (Contingency Planning)", s.Statements[0].Target)
	assert.Equal(t, mappings.UnresolvedReference, s.Statements[1].Kind)
	assert.Equal(t, "SP 800-53 Rev. 5.1.1 IA-13", s.Statements[1].Target)

	sets, err = genSP80053toISO27001(dir, cat)
	require.NoError(t, err)
	s = sets[0]
	assert.Equal(t, []string{"sp800-53:5/AC-1 -> iso27002:2022/5.15", "sp800-53:5/AC-1 -> iso27001:2022/5.2 +1"}, edgeLines(s.Edges))
	for _, e := range s.Edges {
		assert.Equal(t, mappings.Related, e.Relationship)
	}

	for file, c := range map[string]struct{ body, want string }{
		"mappings/nist-csf-2.0_to_nist-sp800-53-r5.csv":  {"csf_id,csf_level,sp80053_id,as_printed,note,source\nGV.OC-01,subcategory,ZZ,ZZ,,S\n", `:2: family "ZZ" is not in the catalog`},
		"mappings/nist-sp800-53-r5_to_iso27001-2022.csv": {"sp80053_id,iso_kind,iso_id,relationship,as_printed,source\nAC-1,annex_a,5.15,equal,A.5.15,S\n", `:2: relationship "equal": OLIR #155 prints none`},
	} {
		bad := writeRef(t, map[string]string{file: c.body})
		if file == "mappings/nist-csf-2.0_to_nist-sp800-53-r5.csv" {
			_, err = genCSF20toSP80053(bad, cat)
		} else {
			_, err = genSP80053toISO27001(bad, cat)
		}
		assert.ErrorContains(t, err, file+c.want)
	}
	bad := writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_nist-sp800-53-r5.csv": "csf_id,csf_level,sp80053_id,as_printed,note,source\nGV.OC-01,subcategory,IA-13,IA-13,,S\n"})
	_, err = genCSF20toSP80053(bad, cat)
	assert.ErrorContains(t, err, `:2: sp800-53:5 has no control "IA-13" and the reference gives no note`)
	bad = writeRef(t, map[string]string{"mappings/nist-sp800-53-r5_to_iso27001-2022.csv": "sp80053_id,iso_kind,iso_id,relationship,as_printed,source\nAC-1,annex_b,5.15,,A.5.15,S\n"})
	_, err = genSP80053toISO27001(bad, cat)
	assert.ErrorContains(t, err, `:2: unknown iso_kind "annex_b"`)
}
