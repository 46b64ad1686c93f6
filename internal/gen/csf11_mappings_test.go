package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestCSF11ToCSF20: one CSF 1.1 → 2.0 pair is one edge, its labels and notes joined
// in the order met; a CSF 1.1 ID printed with a leading zero is read without it and
// says so; a withdrawal that names no CSF 2.0 element is a statement.
func TestCSF11ToCSF20(t *testing.T) {
	cat := testCatalog(t)
	const header = "csf11_id,csf11_level,relation,csf20_id,note,source\n"
	dir := writeRef(t, map[string]string{"mappings/nist-csf-1.1_to_nist-csf-2.0.csv": header +
		"ID.AM-05,subcategory,incorporated_into,ID.AM-05,Moved,S\n" +
		"ID.AM-5,subcategory,informative_reference_of,ID.AM-05,,S\n" +
		"ID.GV-4,subcategory,incorporated_into,,Withdrawn into several,S\n"})
	sets, err := genCSF11toCSF20(dir, cat)
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, mappings.Succession, s.Kind)
	require.Len(t, s.Edges, 1)
	e := s.Edges[0]
	assert.Equal(t, catalog.NewRef(catalog.CSF11, "ID.AM-5"), e.From)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "ID.AM-05"), e.To)
	assert.Equal(t, "incorporated_into; informative_reference_of", e.Label)
	assert.Equal(t, `NIST: "Moved"; the CSF 1.1 ID is printed "ID.AM-05"`, e.Note)
	require.Len(t, s.Statements, 1)
	assert.Equal(t, mappings.Statement{Ref: catalog.NewRef(catalog.CSF11, "ID.GV-4"), Kind: mappings.IncorporatedElsewhere,
		Target: "CSF 2.0 elements not named", Note: "Withdrawn into several"}, s.Statements[0])

	for name, c := range map[string]struct{ rows, want string }{
		"unknown relation":      {"ID.AM-5,subcategory,replaced_by,ID.AM-05,,S\n", `:2: unknown relation "replaced_by"`},
		"reference of nothing":  {"ID.AM-5,subcategory,informative_reference_of,,,S\n", `:2: informative reference without a CSF 2.0 element`},
		"no such CSF 2.0 item":  {"ID.AM-5,subcategory,moved_to,ID.AM-99,,S\n", `:2: nist-csf:2.0 has no control "ID.AM-99"`},
		"no such CSF 1.1 item":  {"ID.ZZ-1,subcategory,moved_to,ID.AM-05,,S\n", `:2: nist-csf:1.1 has no control "ID.ZZ-1"`},
		"padded and still lost": {"ID.ZZ-01,subcategory,moved_to,ID.AM-05,,S\n", `:2: nist-csf:1.1 has no control "ID.ZZ-1"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := genCSF11toCSF20(writeRef(t, map[string]string{"mappings/nist-csf-1.1_to_nist-csf-2.0.csv": header + c.rows}), cat)
			assert.ErrorContains(t, err, "mappings/nist-csf-1.1_to_nist-csf-2.0.csv"+c.want)
		})
	}
}

// TestCSF11ToISO2013: Table 2's Annex A references are edges; its known misprints are
// read as the control they name, keeping what was printed; its references to ISO/IEC
// 27001:2013 clauses (no framework of the catalog) are statements, with the reading
// of a clause that is evidently an Annex A control; the source must be one document.
func TestCSF11ToISO2013(t *testing.T) {
	cat := testCatalog(t)
	const header = "csf11_id,iso_kind,iso_ref,as_printed,note,source\n"
	dir := writeRef(t, map[string]string{"mappings/nist-csf-1.1_to_iso27001-2013.csv": header +
		"ID.AM-1,annex_a,A.8.1.1,A.8.1.1,,Table 2\n" +
		"PR.AC-6,annex_a,A.7.1.1,\", A.7.1.1\",,Table 2\n" +
		"ID.GV-1,clause,5.2,Clause 5.2,,Table 2\n" +
		"RS.CO-3,clause,16.1.2,Clause 16.1.2,no such clause,Table 2\n"})
	sets, err := genCSF11toISO2013(dir, cat)
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, "Table 2", s.Source.Title)
	assert.Equal(t, []string{
		"nist-csf:1.1/ID.AM-1 -> iso27002:2013/A.8.1.1",
		`nist-csf:1.1/PR.AC-6 -> iso27002:2013/A.7.1.1 [, A.7.1.1]: printed ", A.7.1.1"; read as A.7.1.1`,
	}, edgeLines(s.Edges))
	require.Len(t, s.Statements, 2)
	assert.Equal(t, mappings.Statement{Ref: catalog.NewRef(catalog.CSF11, "ID.GV-1"), Kind: mappings.UnresolvedReference,
		Target: "ISO/IEC 27001:2013 clause 5.2", Note: "Clause 5.2"}, s.Statements[0])
	assert.Equal(t, mappings.Statement{Ref: catalog.NewRef(catalog.CSF11, "RS.CO-3"), Kind: mappings.UnresolvedReference,
		Target: "ISO/IEC 27001:2013 clause 16.1.2", Note: "Clause 16.1.2 — no such clause", Misprint: "Clause 16.1.2",
		Reading: catalog.NewRef(catalog.ISO27002v2013, "A.16.1.2")}, s.Statements[1])

	for name, c := range map[string]struct{ rows, want string }{
		"two sources":      {"ID.AM-1,annex_a,A.8.1.1,A.8.1.1,,Table 2\nID.AM-2,annex_a,A.8.1.1,A.8.1.1,,Table 3\n", `:3: source "Table 3" differs from the first row's "Table 2"`},
		"unknown misprint": {"ID.AM-1,annex_a,A.8.1.1,A8.1.1,,Table 2\n", `:2: as_printed "A8.1.1" differs from iso_ref "A.8.1.1" and is not a known quirk`},
		"unknown kind":     {"ID.AM-1,annex_b,A.8.1.1,A.8.1.1,,Table 2\n", `:2: unknown iso_kind "annex_b"`},
		"no such control":  {"ID.AM-1,annex_a,A.99.1,A.99.1,,Table 2\n", `:2: iso27002:2013 has no control "A.99.1"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := genCSF11toISO2013(writeRef(t, map[string]string{"mappings/nist-csf-1.1_to_iso27001-2013.csv": header + c.rows}), cat)
			assert.ErrorContains(t, err, "mappings/nist-csf-1.1_to_iso27001-2013.csv"+c.want)
		})
	}
}

// TestJoinNew: parts already in the list are not repeated; empty parts are dropped.
func TestJoinNew(t *testing.T) {
	assert.Equal(t, "a", joinNew("", "a"))
	assert.Equal(t, "a; b", joinNew("a", "b"))
	assert.Equal(t, "a; b", joinNew("a; b", "b; a"))
	assert.Equal(t, "a; b; c", joinNew("a", "b; ; c; b"))
	assert.Equal(t, "a", joinNew("a", ""))
}
