package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFrameworksUpToDate regenerates the framework files from the reference data and
// compares them byte for byte with the committed ones, so that a hand edit of
// catalog/data, or a generator change without regenerating, fails.
func TestFrameworksUpToDate(t *testing.T) {
	ref := testReferenceDir(t)
	root := testModuleRoot(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))

	var generated []string
	for name, want := range files {
		generated = append(generated, name)
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if !assert.NoError(t, err, "%s is generated but not committed; run go run ./internal/gen", name) {
			continue
		}
		assert.True(t, string(want) == string(got), "%s differs from what go run ./internal/gen -ref ../shared/reference writes; do not edit it by hand", name)
	}
	slices.Sort(generated)
	assert.Equal(t, []string{
		"catalog/data/cis/LICENSE",
		"catalog/data/cis/cis-controls-8.1.json",
		"catalog/data/cis/cis-controls-8.json",
		"catalog/data/iso27001-2022.json",
		"catalog/data/iso27002-2013.json",
		"catalog/data/iso27002-2022.json",
		"catalog/data/nis2-2024.json",
		"catalog/data/nist-csf-1.1.json",
		"catalog/data/nist-csf-2.0.json",
		"catalog/data/sp800-53-5.json",
		"catalog/data/sp800-53-5.summaries.json",
		"catalog/embed_tables.go",
		"catalog/embed_tables_cis.go",
	}, generated)

	// Nothing committed under catalog/data that the generator does not write.
	var committed []string
	require.NoError(t, filepath.WalkDir(filepath.Join(root, "catalog", "data"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		committed = append(committed, filepath.ToSlash(rel))
		return err
	}))
	slices.Sort(committed)
	data := slices.DeleteFunc(slices.Clone(generated), func(n string) bool { return !strings.HasPrefix(n, "catalog/data/") })
	assert.Equal(t, data, committed, "stale files under catalog/data")
}

// TestFrameworksDeterministic: two runs give the same bytes.
func TestFrameworksDeterministic(t *testing.T) {
	ref := testReferenceDir(t)
	a, b := map[string][]byte{}, map[string][]byte{}
	require.NoError(t, genFrameworks(ref, a))
	require.NoError(t, genFrameworks(ref, b))
	assert.Equal(t, a, b)
}

// writeRef lays out a small reference directory for the generator's error paths.
func writeRef(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	}
	return dir
}

const isoHeader = "id,title,theme,control_type,properties,concepts,capabilities,domains,new_in_2022\n"

func TestGenISO27002v2022(t *testing.T) {
	dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": isoHeader +
		"5.1,Policies,Organizational,Preventive,Confidentiality;Integrity,Identify,Governance,Governance_and_Ecosystem,0\n" +
		"5.2,Roles,Organizational,Preventive;Detective, Confidentiality ; ,Identify,Governance,Protection,1\n" +
		"6.1,Screening,People,Preventive,Confidentiality,Protect,Human_resource_security,Governance_and_Ecosystem,0\n"})
	wf, err := genISO27002v2022(dir)
	require.NoError(t, err)
	var got []string
	for _, c := range wf.Controls {
		got = append(got, c.Kind+" "+c.ID+" "+c.Parent+" "+c.Title)
	}
	assert.Equal(t, []string{
		"theme 5  Organizational controls", "control 5.1 5 Policies", "control 5.2 5 Roles",
		"theme 6  People controls", "control 6.1 6 Screening",
	}, got)
	assert.Equal(t, map[string][]string{
		"theme": {"Organizational"}, "control_type": {"Preventive", "Detective"},
		"security_properties": {"Confidentiality"}, "cybersecurity_concepts": {"Identify"},
		"operational_capabilities": {"Governance"}, "security_domains": {"Protection"}, "new_in_2022": {"true"},
	}, wf.Controls[2].Attributes)

	for name, body := range map[string]string{
		"bad flag":          isoHeader + "5.1,P,Organizational,Preventive,C,I,G,D,yes\n",
		"theme mismatch":    isoHeader + "5.1,P,Organizational,Preventive,C,I,G,D,0\n5.2,Q,People,Preventive,C,I,G,D,0\n",
		"no clause":         isoHeader + "51,P,Organizational,Preventive,C,I,G,D,0\n",
		"empty title":       isoHeader + "5.1,,Organizational,Preventive,C,I,G,D,0\n",
		"no theme":          isoHeader + "5.1,P,,Preventive,C,I,G,D,0\n",
		"empty clause":      isoHeader + ".1,P,Organizational,Preventive,C,I,G,D,0\n",
		"missing column":    "id,title,theme\n5.1,P,Organizational\n",
		"ragged":            isoHeader + "5.1,P,Organizational\n",
		"empty file":        "",
		"unterminated cell": isoHeader + "5.1,\"P,Organizational,Preventive,C,I,G,D,0\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": body})
			_, err := genISO27002v2022(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "iso27002-2022.csv")
		})
	}
	_, err = genISO27002v2022(t.TempDir())
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestGenFlagErrorNamesPosition(t *testing.T) {
	dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": isoHeader +
		"5.1,P,Organizational,Preventive,C,I,G,D,0\n5.2,Q,Organizational,Preventive,C,I,G,D,2\n"})
	_, err := genISO27002v2022(dir)
	assert.EqualError(t, err, `frameworks/iso27002-2022.csv:3: column new_in_2022: want 0 or 1, got "2"`)
}

func TestGenCSF(t *testing.T) {
	const header = "function_id,function,category_id,category,subcategory_id,statement\n"
	dir := writeRef(t, map[string]string{"frameworks/csf.csv": header +
		"GV,Govern,GV.OC,Organizational Context,GV.OC-01,\"Mission, understood\"\n" +
		"GV,Govern,GV.OC,Organizational Context,GV.OC-02,Stakeholders\n" +
		"ID,Identify,ID.AM,Asset Management,ID.AM-01,Hardware\n"})
	wf, err := genCSF(dir, "frameworks/csf.csv", wire.Framework{ID: "x:1"})
	require.NoError(t, err)
	var got []string
	for _, c := range wf.Controls {
		got = append(got, c.Kind+" "+c.ID+" "+c.Parent+" "+c.Title)
	}
	assert.Equal(t, []string{
		"function GV  Govern", "category GV.OC GV Organizational Context",
		"subcategory GV.OC-01 GV.OC Mission, understood", "subcategory GV.OC-02 GV.OC Stakeholders",
		"function ID  Identify", "category ID.AM ID Asset Management", "subcategory ID.AM-01 ID.AM Hardware",
	}, got)

	dir = writeRef(t, map[string]string{"frameworks/csf.csv": header +
		"GV,Govern,GV.OC,Organizational Context,GV.OC-01,A\nGV,Govern,GV.OC,Organizational Context,GV.OC-01,B\n"})
	_, err = genCSF(dir, "frameworks/csf.csv", wire.Framework{ID: "x:1"})
	assert.EqualError(t, err, "frameworks/csf.csv:3: subcategory GV.OC-01 repeated")

	dir = writeRef(t, map[string]string{"frameworks/csf.csv": header +
		"GV,Govern,GV.OC,Organizational Context,GV.OC-01,A\nID,Identify,GV.OC,Organizational Context,GV.OC-02,B\n"})
	_, err = genCSF(dir, "frameworks/csf.csv", wire.Framework{ID: "x:1"})
	assert.EqualError(t, err, `frameworks/csf.csv:3: category GV.OC is "Organizational Context" under ID here, "Organizational Context" under GV above`)

	dir = writeRef(t, map[string]string{"frameworks/csf.csv": header +
		"GV,Govern,GV.OC,Organizational Context,GV.OC-01,A\nGV,Governance,GV.RM,Risk,GV.RM-01,B\n"})
	_, err = genCSF(dir, "frameworks/csf.csv", wire.Framework{ID: "x:1"})
	assert.EqualError(t, err, `frameworks/csf.csv:3: function GV is "Governance" here, "Govern" above`)

	// A byte order mark before the header is not part of the first column's name.
	dir = writeRef(t, map[string]string{"frameworks/csf.csv": "\ufeff" + header + "GV,Govern,GV.OC,Organizational Context,GV.OC-01,A\n"})
	_, err = genCSF(dir, "frameworks/csf.csv", wire.Framework{ID: "x:1"})
	assert.NoError(t, err)
}

func TestGenCIS(t *testing.T) {
	const header = "id,control_id,title,asset_type,security_function,ig1,ig2,ig3\n"
	dir := writeRef(t, map[string]string{
		"frameworks/cis-controls-v8.csv": "id,title\n1,Inventory\n2,Software\n",
		"frameworks/sg.csv": header +
			"1.1,1,Establish inventory,Devices,Identify,1,1,1\n" +
			"2.1,2,Software inventory,Software;Documentation,,0,1,1\n" +
			"1.2,1,Address unauthorized,Devices,Respond,0,0,0\n",
	})
	wf, err := genCIS(dir, "frameworks/sg.csv", wire.Framework{ID: "cis:x"})
	require.NoError(t, err)
	var got []string
	for _, c := range wf.Controls {
		got = append(got, c.Kind+" "+c.ID+" "+c.Parent)
	}
	assert.Equal(t, []string{"control 1 ", "safeguard 1.1 1", "safeguard 1.2 1", "control 2 ", "safeguard 2.1 2"}, got)
	assert.Equal(t, map[string][]string{"asset_type": {"Software", "Documentation"}, "implementation_group": {"IG2", "IG3"}}, wf.Controls[4].Attributes)
	assert.Equal(t, map[string][]string{"asset_type": {"Devices"}, "security_function": {"Respond"}}, wf.Controls[2].Attributes)

	dir = writeRef(t, map[string]string{
		"frameworks/cis-controls-v8.csv": "id,title\n1,Inventory\n",
		"frameworks/sg.csv":              header + "1.1,1,A,Devices,Identify,1,1,1\n9.1,9,Orphan,Devices,Identify,1,1,1\n",
	})
	_, err = genCIS(dir, "frameworks/sg.csv", wire.Framework{ID: "cis:x"})
	assert.EqualError(t, err, "frameworks/sg.csv: 1 safeguards belong to no control of cis-controls-v8.csv")

	dir = writeRef(t, map[string]string{
		"frameworks/cis-controls-v8.csv": "id,title\n1,Inventory\n",
		"frameworks/sg.csv":              header + "2.1,1,A,Devices,Identify,1,1,1\n",
	})
	_, err = genCIS(dir, "frameworks/sg.csv", wire.Framework{ID: "cis:x"})
	assert.EqualError(t, err, "frameworks/sg.csv:2: safeguard 2.1 is not numbered under its control 1")
}

// genFrameworks runs the catalog's checks on what it generates.
func TestGenFrameworksChecksOutput(t *testing.T) {
	ref := testReferenceDir(t)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(dir, "frameworks"), os.DirFS(filepath.Join(ref, "frameworks"))))
	path := filepath.Join(dir, "frameworks", "iso27001-2022-clauses.csv")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	// Clause 4.1 now names a parent that does not exist.
	b = []byte(strings.Replace(string(b), "4.1,Understanding the organization and its context,4,", "4.1,Understanding the organization and its context,44,", 1))
	require.NoError(t, os.WriteFile(path, b, 0o644))
	err = genFrameworks(dir, map[string][]byte{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `catalog/data/iso27001-2022.json:26: framework.controls[1] (id "4.1"): field "parent" = "44"`)
}

func TestGenISO27001AndISO2013(t *testing.T) {
	dir := writeRef(t, map[string]string{
		"frameworks/iso27001-2022-clauses.csv": "id,title,parent,mandatory_documented_information,mdi_note,amd1_2024_climate\n" +
			"4,Context,,0,,0\n4.1,Understanding,4,0,,1\n4.3,Scope,4,1,scope; as documented,0\n",
		"frameworks/iso27002-2013.csv": "id,title\nA.5.1.1,Policies\n",
	})
	wf, err := genISO27001v2022(dir)
	require.NoError(t, err)
	require.Len(t, wf.Controls, 3)
	assert.Equal(t, "iso27002:2022", wf.AnnexOf)
	assert.Equal(t, wire.Control{ID: "4.3", Title: "Scope", Kind: "clause", Parent: "4", Attributes: map[string][]string{
		"mandatory_documented_information": {"true"}, "amd1_2024_climate": {"false"}, "documented_information_note": {"scope; as documented"},
	}}, wf.Controls[2])
	wf, err = genISO27002v2013(dir)
	require.NoError(t, err)
	assert.Equal(t, []wire.Control{{ID: "A.5.1.1", Title: "Policies", Kind: "control"}}, wf.Controls)
}

// The generated JSON is the indented codec form with a final newline.
func TestGeneratedShape(t *testing.T) {
	ref := testReferenceDir(t)
	files := map[string][]byte{}
	require.NoError(t, genFrameworks(ref, files))
	for name, b := range files {
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		var v any = &wire.Framework{}
		if strings.HasSuffix(name, ".summaries.json") {
			v = &wire.Summaries{}
		}
		require.NoError(t, codec.DecodeStrict(b, v), name)
		again, err := codec.MarshalIndent(v)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again), name)
	}
}

// Error positions are the file's own line numbers, also after a blank line or a cell
// that spans lines (the CSV reader skips the one and joins the other).
func TestGenErrorLineAfterBlankAndMultilineCell(t *testing.T) {
	dir := writeRef(t, map[string]string{"frameworks/iso27002-2022.csv": isoHeader +
		"5.1,\"Policies\nfor security\",Organizational,Preventive,C,I,G,D,0\n" +
		"\n" +
		"5.2,Q,Organizational,Preventive,C,I,G,D,2\n"})
	_, err := genISO27002v2022(dir)
	assert.EqualError(t, err, `frameworks/iso27002-2022.csv:5: column new_in_2022: want 0 or 1, got "2"`)
}
