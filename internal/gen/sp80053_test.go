package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

const sp80053Header = "id,oscal_id,family,family_title,kind,parent,title,status,withdrawn_to,baseline_low,baseline_moderate,baseline_high,baseline_privacy,statement\n"

// TestGenSP80053: a family node before its first control; a control's parent is its
// family, an enhancement's its control; baselines in SP 800-53B's order; a withdrawn
// control keeps its place with status and where it went, and no statement.
func TestGenSP80053(t *testing.T) {
	dir := writeRef(t, map[string]string{"frameworks/nist-sp800-53-r5.csv": sp80053Header +
		"AC-1,ac-1,AC,Access Control,control,,Policy and Procedures,active,,1,1,1,0,Develop a policy.\n" +
		"AC-2,ac-2,AC,Access Control,control,,Account Management,active,,1,1,1,1,Manage accounts.\n" +
		"AC-2(1),ac-2.1,AC,Access Control,enhancement,AC-2,Automated Management,active,,0,1,1,0,Automate it.\n" +
		"AC-2(10),ac-2.10,AC,Access Control,enhancement,AC-2,Shared Credentials,withdrawn,AC-2k,0,0,0,0,\n" +
		"AT-1,at-1,AT,Awareness and Training,control,,Policy,active,,0,0,0,0,Train.\n"})
	wf, err := genSP80053(dir)
	require.NoError(t, err)
	assert.Equal(t, string(catalog.SP80053v5), wf.ID)
	var got []string
	for _, c := range wf.Controls {
		got = append(got, strings.TrimSpace(c.Kind+" "+c.ID+" "+c.Parent+" | "+c.Title+" | "+c.Summary))
	}
	assert.Equal(t, []string{
		"family AC  | Access Control |",
		"control AC-1 AC | Policy and Procedures | Develop a policy.",
		"control AC-2 AC | Account Management | Manage accounts.",
		"enhancement AC-2(1) AC-2 | Automated Management | Automate it.",
		"enhancement AC-2(10) AC-2 | Shared Credentials |",
		"family AT  | Awareness and Training |",
		"control AT-1 AT | Policy | Train.",
	}, got)
	assert.Equal(t, map[string][]string{catalog.AttrBaseline: {"LOW", "MODERATE", "HIGH", "PRIVACY"}}, wf.Controls[2].Attributes)
	assert.Equal(t, map[string][]string{catalog.AttrBaseline: {"MODERATE", "HIGH"}}, wf.Controls[3].Attributes)
	assert.Equal(t, map[string][]string{catalog.AttrStatus: {catalog.StatusWithdrawn}, catalog.AttrIncorporatedInto: {"AC-2k"}}, wf.Controls[4].Attributes)
	assert.Nil(t, wf.Controls[6].Attributes, "no baseline, active: no attributes")
}

// TestGenSP80053Errors: each inconsistency of the reference file stops the generator
// with the file, the line and what is wrong.
func TestGenSP80053Errors(t *testing.T) {
	const ok = "AC-2,ac-2,AC,Access Control,control,,Account Management,active,,1,1,1,0,Manage.\n"
	for name, c := range map[string]struct{ rows, want string }{
		"no family title":        {"AC-1,ac-1,AC,,control,,P,active,,0,0,0,0,S\n", `:2: AC-1 has no family or family title`},
		"family title differs":   {ok + "AC-3,ac-3,AC,Access,control,,E,active,,0,0,0,0,S\n", `:3: family AC is "Access" here, "Access Control" above`},
		"numbered elsewhere":     {"AT-1,at-1,AC,Access Control,control,,P,active,,0,0,0,0,S\n", `:2: AT-1 is not numbered in its family AC`},
		"control with parent":    {ok + "AC-3,ac-3,AC,Access Control,control,AC-2,E,active,,0,0,0,0,S\n", `:3: control AC-3 has parent "AC-2"`},
		"enhancement elsewhere":  {ok + "AC-3(1),ac-3.1,AC,Access Control,enhancement,AC-2,E,active,,0,0,0,0,S\n", `:3: enhancement AC-3(1) is under "AC-2", not its control above`},
		"unknown kind":           {"AC-1,ac-1,AC,Access Control,part,,P,active,,0,0,0,0,S\n", `:2: unknown kind "part"`},
		"repeated":               {ok + ok, `:3: AC-2 repeated`},
		"bad flag":               {"AC-1,ac-1,AC,Access Control,control,,P,active,,x,0,0,0,S\n", `column baseline_low: want 0 or 1, got "x"`},
		"active withdrawn_to":    {"AC-1,ac-1,AC,Access Control,control,,P,active,AC-2,0,0,0,0,S\n", `:2: active AC-1 has withdrawn_to "AC-2"`},
		"active no statement":    {"AC-1,ac-1,AC,Access Control,control,,P,active,,0,0,0,0,\n", `:2: active AC-1 has no statement`},
		"withdrawn in baseline":  {"AC-1,ac-1,AC,Access Control,control,,P,withdrawn,,1,0,0,0,\n", `:2: withdrawn AC-1 is in a baseline`},
		"unknown status":         {"AC-1,ac-1,AC,Access Control,control,,P,draft,,0,0,0,0,S\n", `:2: unknown status "draft"`},
		"enhancement of nothing": {"AC-2(1),ac-2.1,AC,Access Control,enhancement,AC-2,E,active,,0,0,0,0,S\n", `:2: enhancement AC-2(1) is under "AC-2"`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeRef(t, map[string]string{"frameworks/nist-sp800-53-r5.csv": sp80053Header + c.rows})
			_, err := genSP80053(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "frameworks/nist-sp800-53-r5.csv")
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

const nis2Header = "id,section,section_title,kind,parent,title,text\n"

// TestGenNIS2: a section is titled by its section title and keeps the heading as
// printed as its summary; a requirement has its title and text; a point, which the
// Annex does not title, is titled by the first line of its text.
func TestGenNIS2(t *testing.T) {
	dir := writeRef(t, map[string]string{"frameworks/nis2-ir-2024-2690.csv": nis2Header +
		"1,1,Policy on the security of network and information systems,section,,POLICY ON THE SECURITY (ARTICLE 21(2)),\n" +
		"1.1,1,,requirement,1,Policy on the security,The policy.\n" +
		"1.1.1,1,,point,1.1,,\"For the purpose of Article 21, the policy shall:\n(a) set out;\n(b) state.\"\n" +
		"7,7,Basic cyber hygiene practices,section,,BASIC CYBER HYGIENE,\n" +
		"7.1,7,,point,7,,Entities shall ensure awareness.\n"})
	wf, err := genNIS2(dir)
	require.NoError(t, err)
	assert.True(t, wf.QualifiedOnly, "NIS2 IDs look like ISO's: only searched when named")
	assert.Equal(t, []string{string(catalog.KindRequirement)}, wf.ItemKinds)
	var got []string
	for _, c := range wf.Controls {
		got = append(got, c.Kind+" "+c.ID+" ("+c.Parent+") "+c.Title)
	}
	assert.Equal(t, []string{
		"section 1 () Policy on the security of network and information systems",
		"requirement 1.1 (1) Policy on the security",
		"point 1.1.1 (1.1) For the purpose of Article 21, the policy shall:",
		"section 7 () Basic cyber hygiene practices",
		"point 7.1 (7) Entities shall ensure awareness.",
	}, got)
	assert.Equal(t, "POLICY ON THE SECURITY (ARTICLE 21(2))", wf.Controls[0].Summary)
	assert.Equal(t, "For the purpose of Article 21, the policy shall:\n(a) set out;\n(b) state.", wf.Controls[2].Summary)

	for name, c := range map[string]struct{ rows, want string }{
		"section with parent":    {"1,1,T,section,2,H,\n", `:2: section 1 has parent "2" and section "1"`},
		"requirement orphan":     {"1.1,1,,requirement,1,T,X\n", `:2: requirement 1.1 is under "1", not a section`},
		"point orphan":           {"1.1.1,1,,point,1.1,,X\n", `:2: point 1.1.1 is under "1.1", not a requirement or section`},
		"point with title":       {"1,1,T,section,,H,\n1.1,1,,point,1,Title,X\n", `:3: point 1.1 has a title "Title"`},
		"unknown kind":           {"1,1,T,chapter,,H,\n", `:2: unknown kind "chapter"`},
		"no title":               {"1,1,,section,,H,\n", `:2: section 1 has no title or text`},
		"outside its section":    {"1,1,T,section,,H,\n2.1,1,,requirement,1,T,X\n", `:3: 2.1 is not numbered under its section 1`},
		"point without any text": {"1,1,T,section,,H,\n1.1,1,,point,1,,\n", `:3: point 1.1 has no title or text`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeRef(t, map[string]string{"frameworks/nis2-ir-2024-2690.csv": nis2Header + c.rows})
			_, err := genNIS2(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "frameworks/nis2-ir-2024-2690.csv"+c.want)
		})
	}
}

// TestCSF20ToISO27001Rows: every kind of row of NIST's CSF 2.0 → ISO/IEC 27001:2022
// export, against the generated catalog: statements (none, empty, all Annex A
// controls, all clauses), an Annex A edge, a misprinted clause read as NIST evidently
// meant it (the misprint kept), and two list items of one clause as one edge.
func TestCSF20ToISO27001Rows(t *testing.T) {
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	cat, err := generatedCatalog(files)
	require.NoError(t, err)
	const header = "csf_id,csf_level,iso_kind,iso_id,as_printed,source\n"
	dir := writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_iso27001-2022.csv": header +
		"GV,function,none,,2022: Mandatory Clause: none,S\n" +
		"GV.OC,category,empty,,2022: Annex A Controls: ,S\n" +
		"GV.OC-01,subcategory,annex_a,ALL,2022: Annex A Controls: ALL,S\n" +
		"GV.OC-02,subcategory,clause,ALL,2022: Mandatory Clause: ALL,S\n" +
		"GV.OC-03,subcategory,annex_a,5.31,2022: Annex A Controls: 5.31,S\n" +
		"GV.OC-04,subcategory,clause,6.11,2022: Mandatory Clause: 6.11,S\n" +
		"GV.OC-05,subcategory,clause,4.2(a),2022: Mandatory Clause: 4.2(a),S\n" +
		"GV.OC-05,subcategory,clause,4.2 (b),2022: Mandatory Clause: 4.2 (b),S\n"})
	sets, err := genCSF20toISO27001(dir, cat)
	require.NoError(t, err)
	s := sets[0]
	var stmts []string
	for _, st := range s.Statements {
		stmts = append(stmts, st.Ref.ID+" "+string(st.Kind)+" "+st.Target)
	}
	assert.Equal(t, []string{
		"GV no-reference clauses", "GV.OC empty Annex A controls",
		"GV.OC-01 all-controls Annex A controls", "GV.OC-02 all-clauses clauses",
	}, stmts)
	require.Len(t, s.Edges, 3)
	assert.Equal(t, mappings.Edge{From: catalog.NewRef(catalog.CSF20, "GV.OC-03"), To: catalog.NewRef(catalog.ISO27002v2022, "5.31"),
		Relationship: mappings.Related, Source: s.Source.ID}, s.Edges[0])
	assert.Equal(t, catalog.NewRef(catalog.ISO27001v2022, "6.1.1"), s.Edges[1].To)
	assert.Equal(t, "6.11", s.Edges[1].Misprint)
	assert.Contains(t, s.Edges[1].Note, `NIST prints clause "6.11"`)
	assert.Equal(t, catalog.NewRef(catalog.ISO27001v2022, "4.2"), s.Edges[2].To)
	assert.Equal(t, `list items a) and b) of clause 4.2 (printed "4.2(a)", "4.2 (b)")`, s.Edges[2].Note)

	bad := writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_iso27001-2022.csv": header +
		"GV,function,annex_a,5.1,2013: something else: 5.1,S\n"})
	_, err = genCSF20toISO27001(bad, cat)
	assert.ErrorContains(t, err, `:2: as_printed "2013: something else: 5.1" names neither Annex A controls nor a clause`)
	bad = writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_iso27001-2022.csv": header +
		"GV,function,annex_b,5.1,2022: Annex A Controls: 5.1,S\n"})
	_, err = genCSF20toISO27001(bad, cat)
	assert.ErrorContains(t, err, `:2: unknown iso_kind "annex_b"`)
}
