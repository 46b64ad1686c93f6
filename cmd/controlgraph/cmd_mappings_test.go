package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

func mappingsOut(t *testing.T, args ...string) report.EdgesDoc {
	t.Helper()
	return decodeJSON[report.EdgesDoc](t, cliOK(t, append([]string{"mappings", "--format", "json"}, args...)...))
}

func hasEdge(doc report.EdgesDoc, from, to, rel string, inverse bool) bool {
	for _, e := range doc.Edges {
		if e.From == from && e.To == to && e.Relationship == rel && e.Inverse == inverse {
			return true
		}
	}
	return false
}

// CSF 2.0 → ISO/IEC 27002:2022: NIST's Annex A references (nist-csf-2.0_to_iso27001-2022.csv,
// iso_kind annex_a), one edge per row except PR's "All applicable controls", which is a
// statement.
func TestMappingsCSFToISO(t *testing.T) {
	rows := readReference(t, referenceDir(t), "../mappings/nist-csf-2.0_to_iso27001-2022.csv")
	want := 0
	for _, r := range rows {
		if r["iso_kind"] == "annex_a" && r["iso_id"] != "ALL" {
			want++
		}
	}
	require.Equal(t, 291, want)

	doc := mappingsOut(t, "--from", "csf", "--to", "iso27002:2022")
	assert.Equal(t, "nist-csf:2.0", doc.From)
	assert.Equal(t, "iso27002:2022", doc.To)
	assert.Len(t, doc.Edges, want)
	assert.True(t, hasEdge(doc, "nist-csf:2.0/DE.CM-01", "iso27002:2022/8.16", "related", false))
	for _, e := range doc.Edges {
		assert.True(t, strings.HasPrefix(e.To, "iso27002:2022/"), e.To)
		assert.Equal(t, "nist-csf-2.0_to_iso27001-2022", e.Set)
		assert.False(t, e.Inverse)
	}
	// Document order: the first edges are the function GV's, then GV.OC's.
	assert.Equal(t, "nist-csf:2.0/GV", doc.Edges[0].From)
	assert.Equal(t, "nist-csf:2.0/GV.OC", doc.Edges[1].From)

	// Statements: GV.OC-05 "none" for the clauses (the reference row GV.OC-05,none),
	// PR "All applicable controls".
	var gvoc05, pr bool
	for _, s := range doc.Statements {
		gvoc05 = gvoc05 || (s.Ref == "nist-csf:2.0/GV.OC-05" && s.Kind == "no-reference" && s.Target == "clauses")
		pr = pr || (s.Ref == "nist-csf:2.0/PR" && s.Kind == "all-controls")
	}
	assert.True(t, gvoc05, "GV.OC-05 no-reference statement")
	assert.True(t, pr, "PR all-controls statement")

	// With ISO/IEC 27001:2022 as the target, its clauses come too; misprints are kept.
	all := mappingsOut(t, "--from", "nist-csf:2.0", "--to", "iso27001:2022")
	assert.Greater(t, len(all.Edges), want)
	var misprint bool
	for _, e := range all.Edges {
		if e.From == "nist-csf:2.0/GV.RM-07" && e.To == "iso27001:2022/6.1.1" {
			misprint = e.Misprint == "6.11"
		}
	}
	assert.True(t, misprint, "GV.RM-07 → 6.1.1 printed 6.11")
}

// ISO → CIS v8: CIS publishes CIS → ISO; read backwards, each edge is inverse.
func TestMappingsISOToCIS(t *testing.T) {
	if !catalog.HasCIS() {
		out := cliBad(t, "mappings", "--from", "iso27002:2022", "--to", "cis:8")
		assert.Contains(t, out, "no CIS data")
		return
	}
	rows := readReference(t, referenceDir(t), "../mappings/cis-controls-v8_to_iso27002-2022.csv")
	uniq := map[[3]string]bool{}
	for _, r := range rows {
		uniq[[3]string{r["cis_id"], r["iso27002_2022"], r["relationship"]}] = true
	}
	require.Len(t, rows, 200)
	require.Len(t, uniq, 199) // 15.2 → 5.10 is listed twice

	doc := mappingsOut(t, "--from", "iso27002:2022", "--to", "cis:8")
	assert.Len(t, doc.Edges, len(uniq))
	assert.True(t, hasEdge(doc, "iso27002:2022/5.9", "cis:8/1.1", "superset-of", true))
	for _, e := range doc.Edges {
		assert.True(t, e.Inverse)
	}
	assert.Empty(t, doc.Statements)

	// The published direction.
	fwd := mappingsOut(t, "--from", "cis:8", "--to", "iso27002", "--set", "cis-controls-v8_to_iso27002-2022")
	assert.Len(t, fwd.Edges, len(uniq))
	assert.True(t, hasEdge(fwd, "cis:8/1.1", "iso27002:2022/5.9", "subset-of", false))
	// "cis" names the newest version, v8.1, for which CIS published no ISO mapping.
	msg := cliBad(t, "mappings", "--from", "cis", "--to", "iso27002", "--set", "cis-controls-v8_to_iso27002-2022")
	assert.Contains(t, msg, "links cis:8 and iso27002:2022, not cis:8.1 and iso27002:2022")
}

func TestMappingsFormats(t *testing.T) {
	out := cliOK(t, "mappings", "--from", "csf", "--to", "iso27002:2022", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, "record,from,to,relationship,inverse,set,source,label,note,misprint,succession", lines[0])
	assert.Contains(t, out, "edge,nist-csf:2.0/DE.CM-01,iso27002:2022/8.16,related,,nist-csf-2.0_to_iso27001-2022,")
	assert.Contains(t, out, "statement,nist-csf:2.0/GV.OC-05,clauses,no-reference,")

	out = cliOK(t, "mappings", "--from", "csf", "--to", "iso27002:2022", "--format", "table")
	assert.Contains(t, out, "Edges nist-csf:2.0 → iso27002:2022: 291")
	assert.Contains(t, out, "Statements about nist-csf:2.0 elements")

	out = cliOK(t, "mappings", "--from", "csf", "--to", "iso27002:2022", "--format", "md")
	assert.Contains(t, out, "| DE.CM-01 | 8.16 | related |")

	msg := cliBad(t, "mappings", "--from", "csf")
	assert.Contains(t, msg, "missing --from FRAMEWORK or --to FRAMEWORK")
	msg = cliBad(t, "mappings", "--from", "csf", "--to", "csf")
	assert.Contains(t, msg, "same framework")
	msg = cliBad(t, "mappings", "--from", "csf", "--to", "iso27002", "--set", "nope")
	assert.Contains(t, msg, `unknown mapping set "nope"`)
	msg = cliBad(t, "mappings", "--from", "csf", "--to", "iso27002", "--set", "iso27002-2013_to_iso27002-2022")
	assert.Contains(t, msg, "links iso27002:2013 and iso27002:2022")
}

// The user's own set, read backwards from ISO.
func TestMappingsUserSet(t *testing.T) {
	doc := mappingsOut(t, "--from", "iso27002:2022", "--to", "acme", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json")
	require.Len(t, doc.Edges, 6)
	assert.Equal(t, report.EdgeDoc{From: "iso27002:2022/5.15", To: "acme:1/AC-1", Relationship: "superset-of", Inverse: true, Set: "acme-1_to_iso27002-2022", Source: "acme-fictional"}, doc.Edges[0])
	assert.Empty(t, doc.Statements) // the statement is about acme's OP-3

	doc = mappingsOut(t, "--from", "acme", "--to", "iso27002:2022", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json")
	require.Len(t, doc.Statements, 1)
	assert.Equal(t, "acme:1/OP-3", doc.Statements[0].Ref)
}

// "cis" names v8.1, for which CIS published no ISO mapping: no edge, and a hint.
// Issue 9: --to cis (v8.1) listed no edge and pointed at --derived. CIS publishes
// its ISO mapping for v8, and v8 → v8.1 is an identity succession: the v8 edges are
// listed for the v8.1 safeguards, each saying it is carried across the succession.
func TestMappingsAcrossIdentitySuccession(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data")
	}
	out, errs, code := cli(t, "mappings", "--from", "iso27002", "--to", "cis", "--format", "json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	v81 := decodeJSON[report.EdgesDoc](t, out).Edges
	v8 := decodeJSON[report.EdgesDoc](t, cliOK(t, "mappings", "--from", "iso27002", "--to", "cis:8", "--format", "json")).Edges
	require.Len(t, v81, len(v8))
	require.NotEmpty(t, v8)
	for i := range v8 {
		assert.Equal(t, "cis:8", v81[i].Succession)
		assert.Equal(t, strings.Replace(v8[i].To, "cis:8/", "cis:8.1/", 1), v81[i].To)
		assert.Equal(t, v8[i].Relationship, v81[i].Relationship)
		assert.Empty(t, v8[i].Succession)
	}
	table := cliOK(t, "mappings", "--from", "cis", "--to", "iso27002", "--format", "table")
	assert.Contains(t, table, "none published between them: the edges of cis:8, carried across the identity succession")
}

func TestCatalogEmbeddedIDRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "csf.json")
	cliOK(t, "export", "--framework", "csf", "-o", file)
	msg := cliBad(t, "frameworks", "--catalog", file)
	assert.Contains(t, msg, "framework nist-csf:2.0 is embedded already")
	// import reads it, in place of the embedded one.
	doc := decodeJSON[importJSON](t, cliOK(t, "import", file, "--format", "json"))
	require.Len(t, doc.Frameworks, 1)
	assert.Equal(t, []kindCountJSON{{Kind: "function", Count: 6}, {Kind: "category", Count: 22}, {Kind: "subcategory", Count: 106}}, doc.Frameworks[0].Kinds)
}
