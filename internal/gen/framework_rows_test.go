package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/wire"
)

// The tests of this file run each framework generator on the reference files and
// hold the result to the counts the reference README says the project must reproduce
// and to rows re-read by hand; then to its refusals, on small files of their own.

// controlsByID indexes the controls of wf.
func controlsByID(wf wire.Framework) map[string]wire.Control {
	m := map[string]wire.Control{}
	for _, c := range wf.Controls {
		m[c.ID] = c
	}
	return m
}

// kinds counts the controls of wf by kind.
func kinds(wf wire.Framework) map[string]int {
	n := map[string]int{}
	for _, c := range wf.Controls {
		n[c.Kind]++
	}
	return n
}

// TestGenISO27002v2022Reference: 93 controls under four themes (37 organizational, 8
// people, 14 physical, 34 technological), the 11 new in 2022, and 8.16's row as the
// file has it.
func TestGenISO27002v2022Reference(t *testing.T) {
	wf, err := genISO27002v2022(testReferenceDir(t))
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"theme": 4, "control": 93}, kinds(wf))
	perTheme := map[string]int{}
	var isNew []string
	for _, c := range wf.Controls {
		if c.Kind == "control" {
			perTheme[c.Parent]++
			if c.Attributes["new_in_2022"][0] == "true" {
				isNew = append(isNew, c.ID)
			}
		}
	}
	assert.Equal(t, map[string]int{"5": 37, "6": 8, "7": 14, "8": 34}, perTheme)
	assert.Equal(t, []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, isNew)
	by := controlsByID(wf)
	assert.Equal(t, wire.Control{ID: "8", Title: "Technological controls", Kind: "theme"}, by["8"])
	assert.Equal(t, wire.Control{ID: "8.16", Title: "Monitoring activities", Kind: "control", Parent: "8", Attributes: map[string][]string{
		"theme":                    {"Technological"},
		"control_type":             {"Detective", "Corrective"},
		"security_properties":      {"Confidentiality", "Integrity", "Availability"},
		"cybersecurity_concepts":   {"Detect", "Respond"},
		"operational_capabilities": {"Information_security_event_management"},
		"security_domains":         {"Defence"},
		"new_in_2022":              {"true"},
	}}, by["8.16"])
	assert.Equal(t, "5", wf.Controls[0].ID, "document order: the theme, then its controls")
	assert.Equal(t, "5.1", wf.Controls[1].ID)
}

// TestGenISO27002v2022Refusals: an ID that is not clause.number, a control without a
// title or a theme, and two themes in one clause stop the generator at the line.
func TestGenISO27002v2022Refusals(t *testing.T) {
	for _, c := range []struct{ rows, want string }{
		{"51,Q,Organizational,Preventive,C,I,G,D,0\n", `frameworks/iso27002-2022.csv:2: id "51" is not clause.number`},
		{".1,Q,Organizational,Preventive,C,I,G,D,0\n", `frameworks/iso27002-2022.csv:2: id ".1" is not clause.number`},
		{"5.1,,Organizational,Preventive,C,I,G,D,0\n", `frameworks/iso27002-2022.csv:2: control 5.1 has no title`},
		{"5.1,Q,,Preventive,C,I,G,D,0\n", `frameworks/iso27002-2022.csv:2: control 5.1 has no theme`},
		{"5.1,Q,Organizational,Preventive,C,I,G,D,0\n5.2,R,People,Preventive,C,I,G,D,0\n",
			`frameworks/iso27002-2022.csv:3: control 5.2 has theme "People", clause 5 is "Organizational"`},
	} {
		dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": isoHeader + c.rows})
		_, err := genISO27002v2022(dir)
		assert.EqualError(t, err, c.want)
	}
	dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": "id,title\n5.1,Q\n"})
	_, err := genISO27002v2022(dir)
	assert.EqualError(t, err, `frameworks/iso27002-2022.csv: no column "theme"`)
	dir = writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": ""})
	_, err = genISO27002v2022(dir)
	assert.EqualError(t, err, `frameworks/iso27002-2022.csv: empty`)
}

// TestGenCSFReference: CSF 2.0 has 6 functions, 22 categories and 106 subcategories;
// CSF 1.1 5, 23 and 108 (reference README); a subcategory is titled with NIST's
// outcome statement.
func TestGenCSFReference(t *testing.T) {
	ref := testReferenceDir(t)
	v2, err := genCSF(ref, "frameworks/nist-csf-2.0.csv", wire.Framework{ID: "nist-csf:2.0"})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"function": 6, "category": 22, "subcategory": 106}, kinds(v2))
	by := controlsByID(v2)
	assert.Equal(t, wire.Control{ID: "GV.OV-01", Kind: "subcategory", Parent: "GV.OV",
		Title: "Cybersecurity risk management strategy outcomes are reviewed to inform and adjust strategy and direction"}, by["GV.OV-01"])
	assert.Equal(t, wire.Control{ID: "GV.OV", Title: "Oversight", Kind: "category", Parent: "GV"}, by["GV.OV"])
	assert.Equal(t, wire.Control{ID: "GV", Title: "Govern", Kind: "function"}, by["GV"])

	v1, err := genCSF(ref, "frameworks/nist-csf-1.1.csv", wire.Framework{ID: "nist-csf:1.1"})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"function": 5, "category": 23, "subcategory": 108}, kinds(v1))
	assert.Equal(t, wire.Control{ID: "ID.AM-1", Kind: "subcategory", Parent: "ID.AM",
		Title: "Physical devices and systems within the organization are inventoried"}, controlsByID(v1)["ID.AM-1"])
	assert.Equal(t, []string{"ID", "ID.AM", "ID.AM-1"}, []string{v1.Controls[0].ID, v1.Controls[1].ID, v1.Controls[2].ID})
}

// TestGenCSFRefusals: a function or category titled two ways, a category under two
// functions, a subcategory listed twice.
func TestGenCSFRefusals(t *testing.T) {
	const head = "function_id,function,category_id,category,subcategory_id,statement\n"
	const first = "GV,Govern,GV.OC,Context,GV.OC-01,s1\n"
	for _, c := range []struct{ row, want string }{
		{"GV,Governance,GV.OC,Context,GV.OC-02,s2\n", `f.csv:3: function GV is "Governance" here, "Govern" above`},
		{"GV,Govern,GV.OC,Contexts,GV.OC-02,s2\n", `f.csv:3: category GV.OC is "Contexts" under GV here, "Context" under GV above`},
		{"ID,Identify,GV.OC,Context,GV.OC-02,s2\n", `f.csv:3: category GV.OC is "Context" under ID here, "Context" under GV above`},
		{"GV,Govern,GV.OC,Context,GV.OC-01,s1 again\n", `f.csv:3: subcategory GV.OC-01 repeated`},
	} {
		dir := writeRef(t, map[string]string{"f.csv": head + first + c.row})
		_, err := genCSF(dir, "f.csv", wire.Framework{})
		assert.EqualError(t, err, c.want)
	}
}

// TestGenCISReference: 18 controls and 153 safeguards, 56 / 130 / 153 in IG1 / IG2 /
// IG3 (14.9 not in IG1, the correction the README names); v8.1 changes asset types
// (14.9 Users where v8 prints N/A, 17.9 Documentation).
func TestGenCISReference(t *testing.T) {
	ref := testReferenceDir(t)
	v8, err := genCIS(ref, "frameworks/cis-controls-v8-safeguards.csv", wire.Framework{ID: "cis:8"})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"control": 18, "safeguard": 153}, kinds(v8))
	ig := map[string]int{}
	for _, c := range v8.Controls {
		for _, g := range c.Attributes["implementation_group"] {
			ig[g]++
		}
	}
	assert.Equal(t, map[string]int{"IG1": 56, "IG2": 130, "IG3": 153}, ig)
	by := controlsByID(v8)
	assert.Equal(t, wire.Control{ID: "14.9", Title: "Conduct Role-Specific Security Awareness and Skills Training", Kind: "safeguard", Parent: "14",
		Attributes: map[string][]string{"asset_type": {"N/A"}, "security_function": {"Protect"}, "implementation_group": {"IG2", "IG3"}}}, by["14.9"])
	assert.Equal(t, []string{"Devices"}, by["1.1"].Attributes["asset_type"])
	assert.Equal(t, []string{"IG1", "IG2", "IG3"}, by["1.1"].Attributes["implementation_group"])

	v81, err := genCIS(ref, "frameworks/cis-controls-v8.1-safeguards.csv", wire.Framework{ID: "cis:8.1"})
	require.NoError(t, err)
	by = controlsByID(v81)
	assert.Equal(t, []string{"Users"}, by["14.9"].Attributes["asset_type"])
	assert.Equal(t, []string{"Documentation"}, by["17.9"].Attributes["asset_type"])
	assert.Equal(t, []string{"IG3"}, by["17.9"].Attributes["implementation_group"])
}

// TestGenCISRefusals: a safeguard numbered under another control, and one whose
// control is not in the controls file, are errors; a safeguard in no group has no
// implementation_group attribute rather than an empty one.
func TestGenCISRefusals(t *testing.T) {
	const controls = "id,title\n1,Inventory\n2,Software\n"
	const head = "id,control_id,title,asset_type,security_function,ig1,ig2,ig3\n"
	for _, c := range []struct{ rows, want string }{
		{"2.1,1,Misfiled,Devices,Identify,1,1,1\n", `s.csv:2: safeguard 2.1 is not numbered under its control 1`},
		{"3.1,3,Orphan,Devices,Identify,1,1,1\n", `s.csv: 1 safeguards belong to no control of cis-controls-v8.csv`},
		{"1.1,1,Bad flag,Devices,Identify,yes,1,1\n", `s.csv:2: column ig1: want 0 or 1, got "yes"`},
	} {
		dir := writeRef(t, map[string]string{"frameworks/cis-controls-v8.csv": controls, "s.csv": head + c.rows})
		_, err := genCIS(dir, "s.csv", wire.Framework{})
		assert.EqualError(t, err, c.want)
	}
	dir := writeRef(t, map[string]string{"frameworks/cis-controls-v8.csv": controls, "s.csv": head + "1.1,1,None,,,0,0,0\n"})
	wf, err := genCIS(dir, "s.csv", wire.Framework{})
	require.NoError(t, err)
	assert.Equal(t, []wire.Control{
		{ID: "1", Title: "Inventory", Kind: "control"},
		{ID: "1.1", Title: "None", Kind: "safeguard", Parent: "1", Attributes: map[string][]string{}},
		{ID: "2", Title: "Software", Kind: "control"},
	}, wf.Controls)
}

// TestGenISO27001Reference: 41 clauses (4 to 10 with sub-clauses); Amendment 1:2024
// adds climate change to 4.1 and 4.2, and to no other clause.
func TestGenISO27001Reference(t *testing.T) {
	wf, err := genISO27001v2022(testReferenceDir(t))
	require.NoError(t, err)
	assert.Len(t, wf.Controls, 41)
	var climate []string
	for _, c := range wf.Controls {
		assert.Equal(t, "clause", c.Kind)
		if c.Attributes["amd1_2024_climate"][0] == "true" {
			climate = append(climate, c.ID)
		}
	}
	assert.Equal(t, []string{"4.1", "4.2"}, climate)
	assert.Equal(t, "iso27002:2022", wf.AnnexOf)

	wf, err = genISO27002v2013(testReferenceDir(t))
	require.NoError(t, err)
	assert.Len(t, wf.Controls, 114)
	assert.Equal(t, "A.5.1.1", wf.Controls[0].ID)
	assert.Equal(t, "A.18.2.3", wf.Controls[113].ID)
}
