package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/wire"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
	"github.com/controlgraph/controlgraph/report"
)

func TestFrameworks(t *testing.T) {
	doc := decodeJSON[report.FrameworksDoc](t, cliOK(t, "frameworks", "--format", "json"))
	assert.Equal(t, catalog.DataVersion, doc.DataVersion)
	want := map[string][]report.KindCountDoc{
		"iso27002:2022": {{Kind: "theme", Count: 4}, {Kind: "control", Count: 93}},
		"iso27001:2022": {{Kind: "clause", Count: 41}},
		"iso27002:2013": {{Kind: "control", Count: 114}},
		"nist-csf:2.0":  {{Kind: "function", Count: 6}, {Kind: "category", Count: 22}, {Kind: "subcategory", Count: 106}},
		"nist-csf:1.1":  {{Kind: "function", Count: 5}, {Kind: "category", Count: 23}, {Kind: "subcategory", Count: 108}},
		"nis2:2024":     {{Kind: "section", Count: 13}, {Kind: "requirement", Count: 47}, {Kind: "point", Count: 159}},
		"sp800-53:5":    {{Kind: "family", Count: 20}, {Kind: "control", Count: 322}, {Kind: "enhancement", Count: 867}},
	}
	ids := []string{"iso27002:2022", "iso27001:2022", "iso27002:2013", "nist-csf:2.0", "nist-csf:1.1", "nis2:2024", "sp800-53:5"}
	if catalog.HasCIS() {
		want["cis:8"] = []report.KindCountDoc{{Kind: "control", Count: 18}, {Kind: "safeguard", Count: 153}}
		want["cis:8.1"] = want["cis:8"]
		ids = append(ids, "cis:8", "cis:8.1")
	}
	var got []string
	for _, f := range doc.Frameworks {
		got = append(got, f.ID)
		assert.Equal(t, want[f.ID], f.Counts, f.ID)
		n := 0
		for _, kc := range f.Counts {
			n += kc.Count
		}
		assert.Equal(t, n, f.Nodes, f.ID)
		assert.NotEmpty(t, f.Licence, f.ID)
	}
	assert.Equal(t, ids, got)
	assert.Equal(t, "iso27002:2022", doc.Frameworks[1].AnnexOf)

	out := cliOK(t, "frameworks", "--format", "table")
	lines := strings.Split(out, "\n")
	assert.Equal(t, []string{"ID", "NAME", "VERSION", "PUBLISHER", "NODES"}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"iso27002:2022", "ISO/IEC", "27002:2022", "2022", "ISO/IEC", "4", "theme,", "93", "control"}, strings.Fields(lines[1]))
	// Columns are aligned: every row's version starts where the header's does.
	col := strings.Index(lines[0], "VERSION")
	assert.Equal(t, "2022 ", lines[1][col:col+5])
	assert.Equal(t, "2.0  ", lines[4][col:col+5])
	assert.Contains(t, out, "6 function, 22 category, 106 subcategory")
	assert.Contains(t, out, "\nLicences:\n  iso27002:2022: ")

	rows, err := csv.NewReader(strings.NewReader(cliOK(t, "frameworks", "--format", "csv"))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"id", "name", "version", "publisher", "nodes", "counts", "aliases", "annex_of", "source", "licence"}, rows[0])
	assert.Equal(t, []string{"nist-csf:2.0", "NIST Cybersecurity Framework 2.0", "2.0", "NIST", "134", "6 function;22 category;106 subcategory"}, rows[4][:6])
}

func TestExportJSONRoundTrip(t *testing.T) {
	out := cliOK(t, "export")
	assert.Equal(t, out, cliOK(t, "export", "--format", "json"))
	fws, err := catalog.ReadJSON("export.json", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, catalog.Embedded(), fws, "the export holds the embedded frameworks unchanged")
	sets, err := mappings.ReadJSON("export.json", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, mappings.Embedded(), sets, "the export holds the embedded mapping sets unchanged")
	var again bytes.Buffer
	require.NoError(t, mappings.WriteExport(&again, fws, sets))
	assert.Equal(t, out, again.String(), "export → ReadJSON → export is byte-identical")

	// Without mappings the document is exactly what catalog.WriteJSON writes.
	var plain bytes.Buffer
	require.NoError(t, catalog.WriteJSON(&plain, fws...))
	assert.Equal(t, plain.String(), cliOK(t, "export", "--no-mappings"))

	// The DESIGN.md shape: frameworks with id, name, version and controls of id,
	// title, kind, parent and attributes.
	doc := decodeJSON[wire.Document](t, out)
	require.NotEmpty(t, doc.Frameworks)
	iso := doc.Frameworks[0]
	assert.Equal(t, "iso27002:2022", iso.ID)
	assert.Equal(t, "ISO/IEC 27002:2022", iso.Name)
	assert.Equal(t, "2022", iso.Version)
	i := slices.IndexFunc(iso.Controls, func(c wire.Control) bool { return c.ID == "8.16" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, wire.Control{ID: "8.16", Title: "Monitoring activities", Kind: "control", Parent: "8", Attributes: map[string][]string{
		"control_type": {"Detective", "Corrective"}, "cybersecurity_concepts": {"Detect", "Respond"}, "new_in_2022": {"true"},
		"operational_capabilities": {"Information_security_event_management"}, "security_domains": {"Defence"},
		"security_properties": {"Confidentiality", "Integrity", "Availability"}, "theme": {"Technological"},
	}}, iso.Controls[i])
}

func TestExportFrameworkSelection(t *testing.T) {
	out := cliOK(t, "export", "--framework", "csf,iso27002")
	doc := decodeJSON[wire.Document](t, out)
	require.Len(t, doc.Frameworks, 2)
	// Catalog order, whatever the order of the flag.
	assert.Equal(t, "iso27002:2022", doc.Frameworks[0].ID)
	assert.Equal(t, "nist-csf:2.0", doc.Frameworks[1].ID)
	assert.Len(t, doc.Frameworks[1].Controls, 134)
	assert.Equal(t, out, cliOK(t, "export", "--framework", "nist-csf:2.0", "--framework", "iso27002:2022"))
	// The CSF 2.0 → ISO/IEC 27001:2022 set also names 27001's clauses: it joins only
	// when that framework is exported too.
	assert.Empty(t, doc.Mappings)
	doc = decodeJSON[wire.Document](t, cliOK(t, "export", "--framework", "csf,iso27002,iso27001"))
	require.Len(t, doc.Mappings, 1)
	assert.Equal(t, mappings.SetCSF20ToISO27001, doc.Mappings[0].ID)
	assert.Equal(t, "nist-csf:2.0", doc.Mappings[0].From)
	assert.Equal(t, "iso27001:2022", doc.Mappings[0].To)
	e := doc.Mappings[0].Edges[0]
	assert.NotEmpty(t, e.From)
	assert.NotEmpty(t, e.To)
	assert.Equal(t, "related", e.Relationship)
}

func TestExportCSV(t *testing.T) {
	out := cliOK(t, "export", "--framework", "iso27002", "--format", "csv")
	spec, ok := catalog.Default().Spec(catalog.ISO27002v2022)
	require.True(t, ok)
	got, err := catalog.ReadCSV("export.csv", strings.NewReader(out), catalog.Framework{ID: spec.ID, Name: spec.Name, Version: spec.Version,
		Publisher: spec.Publisher, Source: spec.Source, Licence: spec.Licence, Aliases: spec.Aliases})
	require.NoError(t, err)
	assert.Equal(t, spec, got, "the CSV export reads back as the framework")
	assert.True(t, strings.HasPrefix(out, "id,title,kind,parent,summary,control_type,"), out[:80])

	msg := cliBad(t, "export", "--format", "csv")
	assert.Contains(t, msg, "--format csv writes one framework per file: name it with --framework")
	assert.Contains(t, cliBad(t, "export", "--format", "csv", "--framework", "csf,iso27002"), "one framework per file")
	assert.Contains(t, cliBad(t, "export", "--format", "table"), `unknown format "table"; accepted: json, csv`)
	assert.Contains(t, cliBad(t, "export", "iso27002"), `unexpected argument "iso27002"`)

	// -o with a .csv name picks CSV.
	path := filepath.Join(t.TempDir(), "iso.csv")
	cliOK(t, "export", "--framework", "iso27002", "-o", path)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, out, string(b))
}

func TestExportOSCAL(t *testing.T) {
	out := cliOK(t, "export", "--format", "oscal", "--framework", "iso27002")
	assert.Equal(t, out, cliOK(t, "export", "--format", "oscal", "--framework", "iso27002"), "no clock in the output")
	f, rep, err := oscal.ImportCatalog("iso.json", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, "catalog", rep.Model)
	spec, _ := catalog.Default().Spec(catalog.ISO27002v2022)
	assert.Equal(t, spec, f, "the OSCAL catalog reads back as the framework")

	out = cliOK(t, "export", "--format", "oscal", "--set", mappings.SetISO2013ToISO2022)
	sets, rep, err := oscal.ImportMappings("m.json", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, "mapping-collection", rep.Model)
	require.Len(t, sets, 1)
	want, _ := mappings.EmbeddedSet(mappings.SetISO2013ToISO2022)
	assert.Equal(t, len(want.Edges), len(sets[0].Edges))
	assert.Equal(t, want.From, sets[0].From)
	assert.Equal(t, want.To, sets[0].To)

	assert.Contains(t, cliBad(t, "export", "--format", "oscal"), "--format oscal writes one catalog")
	assert.Contains(t, cliBad(t, "export", "--format", "oscal", "--framework", "csf,iso27002"), "--format oscal writes one catalog")
	assert.Contains(t, cliBad(t, "export", "--set", "nope"), `unknown mapping set "nope"; accepted: iso27002-2013_to_iso27002-2022,`)

	// --set limits the JSON export's mapping sets too.
	doc := decodeJSON[wire.Document](t, cliOK(t, "export", "--set", mappings.SetISO2013ToISO2022))
	require.Len(t, doc.Mappings, 1)
	assert.Equal(t, mappings.SetISO2013ToISO2022, doc.Mappings[0].ID)
}

// --from and --to export every set published between two frameworks, either way
// round, as one mapping-collection: the same bytes as naming the sets with --set.
func TestExportOSCALFromTo(t *testing.T) {
	bySet := cliOK(t, "export", "--format", "oscal", "--set", mappings.SetISO2013ToISO2022)
	assert.Equal(t, bySet, cliOK(t, "export", "--format", "oscal", "--from", "iso27002:2013", "--to", "iso27002:2022"))
	assert.Equal(t, bySet, cliOK(t, "export", "--format", "oscal", "--from", "iso27002:2022", "--to", "iso27002:2013"))

	// The user's own sets too.
	out, errs, code := cli(t, "export", "--format", "oscal", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json", "--from", "acme", "--to", "iso27002")
	require.Equal(t, 0, code, errs)
	sets, _, err := oscal.ImportMappings("m.json", []byte(out))
	require.NoError(t, err)
	require.Len(t, sets, 1)
	assert.Equal(t, "acme-1_to_iso27002-2022", sets[0].ID)

	assert.Contains(t, cliBad(t, "export", "--from", "iso27002:2013", "--to", "iso27002:2022"), "add --format oscal")
	assert.Contains(t, cliBad(t, "export", "--format", "oscal", "--from", "iso27002:2013"), "--from and --to go together")
	assert.Contains(t, cliBad(t, "export", "--format", "oscal", "--from", "iso27002:2013", "--to", "iso27002:2022", "--set", "x"), "drop --set and --framework")
	assert.Contains(t, cliBad(t, "export", "--format", "oscal", "--from", "iso27002:2013", "--to", "iso27001:2022"), "no mapping set is published between iso27002:2013 and iso27001:2022; the sets: ")
	assert.Contains(t, cliBad(t, "export", "--format", "oscal", "--from", "nope", "--to", "iso27002"), `unknown framework "nope"`)
}
