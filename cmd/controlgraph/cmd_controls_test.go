package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/internal/wire"
	"github.com/controlgraph/controlgraph/report"
)

// csvIDs returns the first column of CSV output, without the header.
func csvIDs(t *testing.T, out string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
	}
	return ids
}

// The detective controls of ISO/IEC 27002:2022, read off the control_type column of
// ../shared/reference/frameworks/iso27002-2022.csv.
var detective = []string{"5.7", "5.25", "6.8", "7.4", "7.11", "8.6", "8.7", "8.12", "8.15", "8.16", "8.17", "8.20", "8.30"}

func TestControlsDetectiveCSV(t *testing.T) {
	out := cliOK(t, "controls", "iso27002:2022", "--type", "detective", "--format", "csv")
	assert.Equal(t, detective, csvIDs(t, out))
	lines := strings.Split(out, "\n")
	assert.Equal(t, "id,title,kind,parent,control_type,cybersecurity_concepts,new_in_2022,operational_capabilities,security_domains,security_properties,theme", lines[0])
	assert.Equal(t, "8.16,Monitoring activities,control,8,Detective;Corrective,Detect;Respond,true,Information_security_event_management,Defence,Confidentiality;Integrity;Availability,Technological", lines[10])
}

func TestControlsValueSpellings(t *testing.T) {
	want := cliOK(t, "controls", "iso27002:2022", "--type", "Detective", "--format", "csv")
	for _, v := range []string{"detective", "#Detective", "DETECTIVE", " detective "} {
		assert.Equal(t, want, cliOK(t, "controls", "iso27002", "--type", v, "--format", "csv"), v)
	}
	// Aliases of the framework.
	assert.Equal(t, want, cliOK(t, "controls", "ISO/IEC 27002:2022", "--type", "detective", "--format", "csv"))
}

func TestControlsFiltersCombine(t *testing.T) {
	ids := func(args ...string) []string {
		return csvIDs(t, cliOK(t, append(append([]string{"controls"}, args...), "--format", "csv")...))
	}
	// AND across attributes (hand-checked against the reference table).
	assert.Equal(t, []string{"5.7", "5.25", "8.16"}, ids("iso27002:2022", "--type", "detective", "--concept", "respond"))
	assert.Equal(t, []string{"8.16"}, ids("iso27002:2022", "--theme", "technological", "--type", "detective,corrective", "--concept", "respond"))
	// OR within one attribute: repeated and comma lists are the same.
	assert.Equal(t, ids("iso27002", "--type", "detective,corrective"), ids("iso27002", "--type", "detective", "--type", "corrective"))
	assert.Equal(t, []string{"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8"}, ids("iso27002", "--theme", "people"))
	assert.Equal(t, []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, ids("iso27002", "--new"))
	assert.Equal(t, []string{"5", "6", "7", "8"}, ids("iso27002", "--kind", "theme"))
	assert.Equal(t, []string{"GV", "ID", "PR", "DE", "RS", "RC"}, ids("csf", "--kind", "function"))
	assert.Equal(t, []string{"ID", "PR", "DE", "RS", "RC"}, ids("nist-csf:1.1", "--kind", "FUNCTION"))
	assert.Len(t, ids("iso27002:2022", "--kind", "control"), 93)
	assert.Len(t, ids("iso27002:2022"), 97)
	// Capability values may be written with spaces.
	assert.Equal(t, ids("iso27002", "--capability", "Asset_management"), ids("iso27002", "--capability", "asset management"))
}

func TestControlsTable(t *testing.T) {
	t.Setenv("COLUMNS", "200")
	out := cliOK(t, "controls", "iso27002:2022", "--type", "detective", "--concept", "respond", "--format", "table")
	assert.Equal(t, ""+
		"ID    TITLE                                                   KIND     PARENT  CONTROL_TYPE                       CYBERSECURITY_CONCEPTS\n"+
		"5.7   Threat intelligence                                     control  5       Preventive, Detective, Corrective  Identify, Detect, Respond\n"+
		"5.25  Assessment and decision on information security events  control  5       Detective                          Detect, Respond\n"+
		"8.16  Monitoring activities                                   control  8       Detective, Corrective              Detect, Respond\n"+
		"\n3 nodes of iso27002:2022\n", out)
}

func TestControlsJSONAndMarkdown(t *testing.T) {
	doc := decodeJSON[report.ControlsDoc](t, cliOK(t, "controls", "iso27002", "--type", "detective", "--format", "json"))
	assert.Equal(t, "iso27002:2022", doc.Framework)
	assert.Equal(t, map[string][]string{catalog.AttrControlType: {"Detective"}}, doc.Filters)
	assert.Equal(t, len(detective), doc.Count)
	require.Len(t, doc.Controls, len(detective))
	for i, c := range doc.Controls {
		assert.Equal(t, detective[i], c.ID)
	}
	c := doc.Controls[9]
	assert.Equal(t, "Monitoring activities", c.Title)
	assert.Equal(t, "8", c.Parent)
	assert.Equal(t, []string{"Detect", "Respond"}, c.Attributes[catalog.AttrConcepts])
	assert.Equal(t, []string{"Technological"}, c.Attributes[catalog.AttrTheme])

	md := cliOK(t, "controls", "iso27002", "--type", "detective", "--format", "md")
	lines := strings.Split(md, "\n")
	assert.Equal(t, "| id | title | kind | parent | control_type |", lines[0])
	assert.Equal(t, "| --- | --- | --- | --- | --- |", lines[1])
	assert.Equal(t, "| 5.7 | Threat intelligence | control | 5 | Preventive, Detective, Corrective |", lines[2])
	assert.Len(t, lines, 2+len(detective)+1)
}

func TestControlsBadInput(t *testing.T) {
	msg := cliBad(t, "controls", "iso27002:2022", "--type", "detectve")
	assert.Equal(t, "controlgraph controls: unknown value \"detectve\" for --type in iso27002:2022; accepted: Corrective, Detective, Preventive\n", msg)

	msg = cliBad(t, "controls", "iso27002:2022", "--ig", "IG1")
	assert.Contains(t, msg, "--ig does not apply to iso27002:2022")

	msg = cliBad(t, "controls", "csf", "--new")
	assert.Contains(t, msg, "--new does not apply to nist-csf:2.0")

	msg = cliBad(t, "controls", "iso27002", "--kind", "subcategory")
	assert.Equal(t, "controlgraph controls: unknown value \"subcategory\" for --kind in iso27002:2022; accepted: theme, control\n", msg)

	msg = cliBad(t, "controls", "iso27003")
	assert.Contains(t, msg, `unknown framework "iso27003"; accepted: iso27002:2022, iso27001:2022, iso27002:2013, nist-csf:2.0, nist-csf:1.1`)
}

func TestControlsCIS(t *testing.T) {
	if !catalog.HasCIS() {
		msg := cliBad(t, "controls", "cis")
		assert.Contains(t, msg, `unknown framework "cis": this build has no CIS data (built with -tags nocis)`)
		assert.Contains(t, cliBad(t, "controls", "cis:8"), "no CIS data")
		assert.Contains(t, cliBad(t, "controls", "iso27002", "--ig", "IG1"), "it applies to no framework of this build")
		return
	}
	ids := func(args ...string) []string {
		return csvIDs(t, cliOK(t, append(append([]string{"controls"}, args...), "--format", "csv")...))
	}
	// CIS counts 56 IG1, 130 IG2 and 153 IG3 safeguards.
	assert.Len(t, ids("cis", "--ig", "IG1", "--kind", "safeguard"), 56)
	assert.Len(t, ids("cis:8", "--ig", "2", "--kind", "safeguard"), 130)
	assert.Len(t, ids("cis:8.1", "--ig", "ig3"), 153)
	// v8.1: IG1 safeguards with the Govern function, from the v8.1 reference file.
	assert.Equal(t, []string{"3.1", "4.1", "4.2", "6.1", "6.2", "7.1", "7.2", "8.1", "11.1", "14.1", "17.2", "17.3"},
		ids("cis", "--ig", "IG1", "--function", "govern"))
	msg := cliBad(t, "controls", "cis:8", "--function", "govern")
	assert.Equal(t, "controlgraph controls: unknown value \"govern\" for --function in cis:8; accepted: Detect, Identify, Protect, Recover, Respond\n", msg)
	assert.Len(t, ids("cis:8", "--asset-type", "n/a"), len(ids("cis:8", "--asset-type", "N/A")))
}

// --baseline selects SP 800-53 items as SP 800-53B lists them: every row of
// ../shared/reference/frameworks/nist-sp800-53-r5.csv with baseline_moderate = 1 (its
// README: 287 = 177 controls + 110 enhancements), in document order; JSON carries the
// statement, which the catalog reads apart.
func TestControlsBaseline(t *testing.T) {
	var want, wantControls []string
	statement := map[string]string{}
	for _, r := range testref.ReadCSV(t, "frameworks", "nist-sp800-53-r5.csv") {
		if r["baseline_moderate"] == "1" {
			want = append(want, r["id"])
			if r["kind"] == "control" {
				wantControls = append(wantControls, r["id"])
			}
		}
		statement[r["id"]] = r["statement"]
	}
	require.Len(t, want, 287)
	require.Len(t, wantControls, 177)
	assert.Equal(t, want, csvIDs(t, cliOK(t, "controls", "800-53", "--baseline", "moderate", "--format", "csv")))
	assert.Equal(t, wantControls, csvIDs(t, cliOK(t, "controls", "nist-800-53", "--baseline", "MODERATE", "--kind", "control", "--format", "csv")))

	doc := decodeJSON[struct {
		Framework string              `json:"framework"`
		Filters   map[string][]string `json:"filters"`
		Count     int                 `json:"count"`
		Controls  []wire.Control      `json:"controls"`
	}](t, cliOK(t, "controls", "sp800-53", "--baseline", "low", "--format", "json"))
	require.Len(t, doc.Controls, 149)
	for _, c := range doc.Controls {
		assert.Equal(t, statement[c.ID], c.Summary, c.ID)
	}
	_, stderr, code := cli(t, "controls", "800-53", "--baseline", "medium")
	assert.Equal(t, 2, code, stderr)
	assert.Contains(t, stderr, "accepted: HIGH, LOW, MODERATE, PRIVACY")
}
