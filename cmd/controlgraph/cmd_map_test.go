package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/report"
)

func mapTargets(doc report.MapDoc) (refs, rels, kinds []string) {
	for _, m := range doc.Mappings {
		refs = append(refs, m.Ref)
		rels = append(rels, m.Relationship)
		kinds = append(kinds, m.Kind)
	}
	return refs, rels, kinds
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestMapPublished(t *testing.T) {
	// NIST's CSF 2.0 elements that cite ISO/IEC 27001:2022 Annex A 8.16 (reference file
	// nist-csf-2.0_to_iso27001-2022.csv), in CSF document order.
	doc := decodeJSON[report.MapDoc](t, cliOK(t, "map", "8.16", "--to", "csf", "--format", "json"))
	assert.Equal(t, "iso27002:2022/8.16", doc.From)
	assert.Equal(t, "nist-csf:2.0", doc.To)
	refs, rels, kinds := mapTargets(doc)
	var want []string
	for _, id := range []string{"ID.RA-02", "ID.RA-03", "DE", "DE.AE", "DE.AE-03", "DE.CM", "DE.CM-01", "DE.CM-03", "DE.CM-06", "DE.CM-09"} {
		want = append(want, "nist-csf:2.0/"+id)
	}
	assert.Equal(t, want, refs)
	assert.Equal(t, repeat("related", 10), rels)
	assert.Equal(t, repeat("published", 10), kinds)
	assert.Equal(t, 10, doc.Count)
	m := doc.Mappings[0]
	assert.True(t, m.Inverse, "NIST publishes CSF → ISO; map reads it from 8.16")
	assert.Equal(t, []string{"nist-cprt-csf-2.0-iso27001-2022"}, m.Sources)
	require.Len(t, m.Edges, 1)
	assert.Equal(t, "iso27002:2022/8.16", m.Edges[0].From)
	assert.Empty(t, m.Path)
}

func TestMapViaParent(t *testing.T) {
	// GV.OC-01 cites no Annex A control (an empty cell); its category GV.OC cites 5.20 and
	// 5.31 and its function GV cites 5.1.
	doc := decodeJSON[report.MapDoc](t, cliOK(t, "map", "gv.oc-1", "--to", "iso27002:2022", "--format", "json"))
	refs, _, kinds := mapTargets(doc)
	assert.Equal(t, []string{"iso27002:2022/5.20", "iso27002:2022/5.31", "iso27002:2022/5.1"}, refs)
	assert.Equal(t, repeat("via-parent", 3), kinds)
	assert.Equal(t, "nist-csf:2.0/GV.OC", doc.Mappings[0].ViaParent)
	assert.Equal(t, "nist-csf:2.0/GV", doc.Mappings[2].ViaParent)

	out := cliOK(t, "map", "gv.oc-1", "--to", "iso27002:2022", "--format", "csv")
	lines := strings.Split(out, "\n")
	assert.Equal(t, "from,to,title,relationship,kind,inverse,via_parent,sources,path", lines[0])
	assert.Equal(t, "nist-csf:2.0/GV.OC-01,iso27002:2022/5.20,Addressing information security within supplier agreements,related,via-parent,,nist-csf:2.0/GV.OC,nist-cprt-csf-2.0-iso27001-2022,", lines[1])
}

func TestMapDerived(t *testing.T) {
	if !catalog.HasCIS() {
		assert.Contains(t, cliBad(t, "map", "8.16", "--to", "cis"), "this build has no CIS data")
		return
	}
	// CIS publishes 13.2, 13.3, 13.4 and 13.6 subset-of 8.16 for v8; nothing for v8.1.
	doc := decodeJSON[report.MapDoc](t, cliOK(t, "map", "8.16", "--to", "cis:8", "--format", "json"))
	refs, rels, _ := mapTargets(doc)
	assert.Equal(t, []string{"cis:8/13.2", "cis:8/13.3", "cis:8/13.4", "cis:8/13.6"}, refs)
	assert.Equal(t, repeat("superset-of", 4), rels)

	// CIS v8.1: CIS's v8 edges carried across the identity succession v8 → v8.1 (same
	// IDs, equal): published, labelled "succession" with the framework they come from
	// (issue: "no mapping to cis:8.1").
	doc = decodeJSON[report.MapDoc](t, cliOK(t, "map", "8.16", "--to", "cis:8.1", "--format", "json"))
	require.Len(t, doc.Mappings, 4)
	for i, id := range []string{"13.2", "13.3", "13.4", "13.6"} {
		m := doc.Mappings[i]
		assert.Equal(t, "cis:8.1/"+id, m.Ref)
		assert.Equal(t, "superset-of", m.Relationship)
		assert.Equal(t, "succession", m.Kind)
		assert.Equal(t, "cis:8", m.Through)
		require.Len(t, m.Edges, 1)
		assert.Equal(t, "cis:8/"+id, m.Edges[0].To, "the published edge of the v8 safeguard")
		assert.True(t, m.Edges[0].Inverse, "CIS publishes safeguard → ISO")
	}
	table := cliOK(t, "map", "8.16", "--to", "cis:8.1", "--format", "table")
	assert.Contains(t, table, "via cis:8 (succession): cis-v8-iso27001-2022-workbook")

	// --derived adds paths to the safeguards not reached yet (through CSF 2.0), each
	// with its route count.
	doc = decodeJSON[report.MapDoc](t, cliOK(t, "map", "8.16", "--to", "cis:8.1", "--derived", "--format", "json"))
	require.Greater(t, len(doc.Mappings), 4)
	for _, m := range doc.Mappings[4:] {
		assert.Equal(t, "derived", m.Kind, m.Ref)
		assert.Positive(t, m.Routes, m.Ref)
	}
	table = cliOK(t, "map", "8.16", "--to", "cis:8.1", "--derived", "--format", "table")
	assert.Contains(t, table, "derived via nist-csf:2.0/")
}

func TestMapBadInput(t *testing.T) {
	assert.Contains(t, cliBad(t, "map", "8.16"), "missing --to FRAMEWORK; accepted: iso27002:2022,")
	assert.Contains(t, cliBad(t, "map", "8.16", "--to", "nist"), `unknown framework "nist"`)
	assert.Contains(t, cliBad(t, "map", "5.1", "--to", "csf"), `"5.1" is ambiguous`)
	assert.Contains(t, cliBad(t, "map", "8.16", "--to", "csf", "--max-hops", "1"), "invalid value 1 for --max-hops; accepted: 2 to 4")
}

func TestMapPictures(t *testing.T) {
	mmd := cliOK(t, "map", "8.16", "--to", "csf", "--format", "mermaid")
	assert.Contains(t, mmd, "flowchart LR")
	assert.Contains(t, mmd, "DE.CM-01")
	dot := cliOK(t, "map", "8.16", "--to", "csf", "--format", "dot")
	assert.True(t, strings.HasPrefix(dot, "digraph "), dot[:40])
	assert.Contains(t, dot, "DE.CM-01")
}
