package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

func TestShow816(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	out := cliOK(t, "show", "8.16", "--format", "table")
	assert.True(t, strings.HasPrefix(out, "iso27002:2022/8.16  Monitoring activities\n\n"), out)
	for _, want := range []string{
		"Framework:   ISO/IEC 27002:2022 (iso27002:2022)\n",
		"Kind:        control\n",
		"Parents:     8 Technological controls\n",
		"Also:        iso27001:2022/A.8.16\n",
		"  control_type              Detective, Corrective\n",
		"  cybersecurity_concepts    Detect, Respond\n",
		"  new_in_2022               true\n",
		"  operational_capabilities  Information_security_event_management\n",
		"  security_domains          Defence\n",
	} {
		assert.Contains(t, out, want)
	}

	v := decodeJSON[showJSON](t, cliOK(t, "show", "8.16", "--format", "json"))
	assert.Equal(t, "iso27002:2022/8.16", v.Ref)
	assert.Equal(t, "Monitoring activities", v.Title)
	assert.Equal(t, []nodeJSON{{Ref: "iso27002:2022/8", ID: "8", Title: "Technological controls", Kind: "theme"}}, v.Ancestors)
	assert.Empty(t, v.Children)
	assert.Equal(t, []string{"Detective", "Corrective"}, v.Attributes[catalog.AttrControlType])

	md := cliOK(t, "show", "8.16", "--format", "md")
	assert.True(t, strings.HasPrefix(md, "# iso27002:2022/8.16 Monitoring activities\n\n- **Framework:** ISO/IEC 27002:2022 (`iso27002:2022`)\n"), md)
	assert.Contains(t, md, "| control_type | Detective, Corrective |\n")
}

func TestShowSpellings(t *testing.T) {
	want := cliOK(t, "show", "iso27002:2022/5.1", "--format", "json")
	for _, s := range []string{"A.5.1", "a.5.1", "ISO27002:5.1", "iso27001:2022/A.5.1"} {
		assert.Equal(t, want, cliOK(t, "show", s, "--format", "json"), s)
	}
	assert.Equal(t, want, cliOK(t, "show", "5.1", "--in", "iso27002", "--format", "json"))
	v := decodeJSON[showJSON](t, want)
	assert.Equal(t, "Policies for information security", v.Title)

	clause := decodeJSON[showJSON](t, cliOK(t, "show", "--in", "iso27001", "5.1", "--format", "json"))
	assert.Equal(t, "iso27001:2022/5.1", clause.Ref)
	assert.Equal(t, "Leadership and commitment", clause.Title)
	assert.Equal(t, "clause", clause.Kind)
	assert.Empty(t, clause.AlsoKnownAs)
}

func TestShowHierarchy(t *testing.T) {
	v := decodeJSON[showJSON](t, cliOK(t, "show", "gv.oc-1", "--format", "json"))
	assert.Equal(t, "nist-csf:2.0/GV.OC-01", v.Ref)
	assert.Equal(t, "The organizational mission is understood and informs cybersecurity risk management", v.Title)
	require.Len(t, v.Ancestors, 2)
	assert.Equal(t, "GV", v.Ancestors[0].ID)
	assert.Equal(t, "Govern", v.Ancestors[0].Title)
	assert.Equal(t, "GV.OC", v.Ancestors[1].ID)
	assert.Equal(t, "Organizational Context", v.Ancestors[1].Title)

	theme := decodeJSON[showJSON](t, cliOK(t, "show", "iso27002:2022/6", "--format", "json"))
	assert.Equal(t, "theme", theme.Kind)
	require.Len(t, theme.Children, 8)
	assert.Equal(t, "6.1", theme.Children[0].ID)
	assert.Equal(t, "6.8", theme.Children[7].ID)

	legacy := decodeJSON[showJSON](t, cliOK(t, "show", "A.12.4.1", "--format", "json"))
	assert.Equal(t, "iso27002:2013/A.12.4.1", legacy.Ref)
	assert.Equal(t, "Event logging", legacy.Title)
}

func TestShowAmbiguous(t *testing.T) {
	msg := cliBad(t, "show", "5.1")
	assert.Equal(t, "controlgraph show: \"5.1\" is ambiguous: it could be iso27002:2022/5.1 (Policies for information security) or iso27001:2022/5.1 (Leadership and commitment); write it in full, e.g. \"iso27002:2022/5.1\", or add --in FRAMEWORK\n", msg)
}

func TestShowBadInput(t *testing.T) {
	assert.Equal(t, "controlgraph show: no control \"9.99\" in any framework; 'controlgraph controls FRAMEWORK' lists the IDs\n", cliBad(t, "show", "9.99"))
	assert.Contains(t, cliBad(t, "show", "8.16", "--in", "nosuch"), `unknown framework "nosuch"`)
	assert.Contains(t, cliBad(t, "show", "GV.OC-01", "--in", "iso27002"), `no control "GV.OC-01" in iso27002:2022`)
}

func TestShowCIS(t *testing.T) {
	if !catalog.HasCIS() {
		assert.Contains(t, cliBad(t, "show", "CIS 4.1"), "this build has no CIS data")
		return
	}
	v := decodeJSON[showJSON](t, cliOK(t, "show", "CIS 4.1", "--format", "json"))
	assert.Equal(t, "cis:8.1/4.1", v.Ref)
	assert.Equal(t, "Establish and Maintain a Secure Configuration Process", v.Title)
	assert.Equal(t, []string{"IG1", "IG2", "IG3"}, v.Attributes[catalog.AttrImplementation])
	// A bare 4.1 is read as ISO (the CIS Controls need their name).
	bare := decodeJSON[showJSON](t, cliOK(t, "show", "4.1", "--format", "json"))
	assert.Equal(t, "iso27001:2022/4.1", bare.Ref)
}

// The published edges of 8.16, read off ../shared/reference/mappings: NIST's CSF 2.0
// informative references to ISO/IEC 27001:2022 Annex A 8.16, ENISA's NIS2
// requirements 3.2 and 6.7 that cite A.8.16, the SP 800-53 items of NIST OLIR #155
// that name A.8.16, and CIS's safeguards
// 13.2, 13.3, 13.4 and 13.6, each subset-of 8.16 (so 8.16 is superset-of them).
func TestShowMappings(t *testing.T) {
	v := decodeJSON[showJSON](t, cliOK(t, "show", "8.16", "--derived=false", "--format", "json"))
	type rel struct{ ref, relationship string }
	var got []rel
	for _, m := range v.Mappings {
		got = append(got, rel{m.Ref, m.Relationship})
		assert.False(t, m.Derived)
		assert.NotEmpty(t, m.Source)
		assert.NotEmpty(t, m.Title)
	}
	// CIS v8.1 safeguards: CIS's v8 edges carried across the identity succession,
	// published and labelled so (issue: they were listed as derived, or not at all).
	want := []rel{}
	for _, id := range []string{"ID.RA-02", "ID.RA-03", "DE", "DE.AE", "DE.AE-03", "DE.CM", "DE.CM-01", "DE.CM-03", "DE.CM-06", "DE.CM-09"} {
		want = append(want, rel{"nist-csf:2.0/" + id, "related"})
	}
	want = append(want, rel{"nis2:2024/3.2", "related"}, rel{"nis2:2024/6.7", "related"})
	// NIST OLIR #155: the SP 800-53 items whose row names A.8.16, in document order.
	var olir []catalog.Ref
	for _, r := range testref.ReadCSV(t, "mappings", "nist-sp800-53-r5_to_iso27001-2022.csv") {
		if r["iso_kind"] == "annex_a" && r["iso_id"] == "8.16" {
			olir = append(olir, catalog.NewRef(catalog.SP80053v5, r["sp80053_id"]))
		}
	}
	require.NotEmpty(t, olir)
	slices.SortFunc(olir, catalog.Default().Compare)
	for _, r := range olir {
		want = append(want, rel{r.String(), "related"})
	}
	if catalog.HasCIS() {
		for _, id := range []string{"13.2", "13.3", "13.4", "13.6"} {
			want = append(want, rel{"cis:8/" + id, "superset-of"})
		}
		for _, id := range []string{"13.2", "13.3", "13.4", "13.6"} {
			want = append(want, rel{"cis:8.1/" + id, "superset-of"})
		}
	}
	assert.Equal(t, want, got)
	if catalog.HasCIS() {
		assert.Equal(t, "via cis:8 (succession): cis-v8-iso27001-2022-workbook", v.Mappings[len(v.Mappings)-1].Source)
		last := v.Mappings[len(v.Mappings)-5]
		assert.True(t, last.Inverse, "CIS publishes 13.6 → 8.16; show reads it backwards")
		assert.Equal(t, "Collect Network Traffic Flow Logs", last.Title)
	}

	// With derived mappings (the default) the published ones come first, unchanged;
	// whatever follows is labelled derived, with its path.
	all := decodeJSON[showJSON](t, cliOK(t, "show", "8.16", "--format", "json"))
	require.GreaterOrEqual(t, len(all.Mappings), len(v.Mappings))
	assert.Equal(t, v.Mappings, all.Mappings[:len(v.Mappings)])
	for _, m := range all.Mappings[len(v.Mappings):] {
		assert.True(t, m.Derived, m.Ref)
		assert.NotEmpty(t, m.Via, m.Ref)
	}

	out := cliOK(t, "show", "8.16", "--derived=false", "--format", "table")
	assert.Contains(t, out, "\n  NIST Cybersecurity Framework 2.0 (nist-csf:2.0), source nist-cprt-csf-2.0-iso27001-2022:\n")
	assert.Contains(t, out, "  related       DE.CM-01  Networks and network services are monitored")

	// A misprint of the source stays visible as a note.
	gv := decodeJSON[showJSON](t, cliOK(t, "show", "GV.RM-07", "--derived=false", "--format", "json"))
	// GV.RM-07's published edges: NIST's ISO reference printed "6.11", and its SP 800-53
	// references (nist-csf-2.0_to_nist-sp800-53-r5.csv: PM-9, PM-18, PM-28, PM-30, RA-3).
	var refs []string
	for _, m := range gv.Mappings {
		refs = append(refs, m.Ref)
	}
	assert.Equal(t, []string{"iso27001:2022/6.1.1", "sp800-53:5/PM-9", "sp800-53:5/PM-18", "sp800-53:5/PM-28", "sp800-53:5/PM-30", "sp800-53:5/RA-3"}, refs)
	assert.Contains(t, gv.Mappings[0].Note, `"6.11"`)

	assert.Contains(t, cliBad(t, "show", "8.16", "--max-hops", "9"), "invalid value 9 for --max-hops; accepted: 2, 3 or 4")
}

// NIST's CSF 2.0 references say "All applicable controls" for function PR instead of
// listing Annex A controls, and leave GV.OC-01's Annex A cell empty: show says so.
func TestShowStatements(t *testing.T) {
	pr := decodeJSON[showJSON](t, cliOK(t, "show", "PR", "--in", "csf", "--derived=false", "--format", "json"))
	require.NotEmpty(t, pr.Statements)
	assert.Equal(t, "all-controls", pr.Statements[0].Kind)
	assert.Contains(t, pr.Statements[0].Note, "All applicable controls")
	oc := decodeJSON[showJSON](t, cliOK(t, "show", "GV.OC-01", "--derived=false", "--format", "json"))
	require.NotEmpty(t, oc.Statements)
	assert.Equal(t, "empty", oc.Statements[0].Kind)
	table := cliOK(t, "show", "PR", "--in", "csf", "--derived=false", "--format", "table")
	assert.Contains(t, table, "\nSource statements:\n  - all-controls (Annex A controls): ")
}

// Issue: show printed derived ISO/IEC 27002 mappings twice (once as ISO/IEC 27001
// Annex A, once as 27002) and counted both; 130 of 171 CIS v8.1 nodes and 125 of 136
// CSF 1.1 nodes were affected. A control appears once, under its own framework.
func TestShowListsEachControlOnce(t *testing.T) {
	ids := []string{"nist-csf:1.1/PR.AC-1", "nist-csf:1.1/DE.CM-1", "nist-csf:1.1/ID.AM-1"}
	if catalog.HasCIS() {
		ids = append(ids, "cis:8.1/4.1", "cis:8.1/13.2")
	}
	for _, id := range ids {
		v := decodeJSON[showJSON](t, cliOK(t, "show", id, "--format", "json"))
		seen := map[string]bool{}
		for _, m := range v.Mappings {
			assert.False(t, seen[m.Ref], "%s lists %s twice", id, m.Ref)
			seen[m.Ref] = true
			assert.NotEqual(t, "iso27001:2022/A."+strings.TrimPrefix(m.Ref, "iso27002:2022/"), m.Ref)
		}
		assert.NotEmpty(t, v.Mappings, id)
	}
}
