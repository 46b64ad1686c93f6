package main

import (
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
)

// readReference reads one CSV of ../shared/reference/frameworks as maps by column.
func readReference(t *testing.T, dir, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "frameworks", name))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func split(cell string) []string {
	if cell == "" {
		return nil
	}
	return strings.Split(cell, ";")
}

func flag01(cell string) []string {
	if cell == "1" {
		return []string{"true"}
	}
	return []string{"false"}
}

// expected is one node as the reference describes it.
type expected struct {
	id, title, kind, parent string
	attrs                   map[string][]string // nil: not compared
}

// TestExportHoldsReference checks that "export --format json" holds every control of
// the reference data with its title, kind, parent and attributes, and nothing else.
func TestExportHoldsReference(t *testing.T) {
	dir := referenceDir(t)
	doc := decodeJSON[wire.Document](t, cliOK(t, "export", "--format", "json"))
	byID := map[string]wire.Framework{}
	for _, f := range doc.Frameworks {
		byID[f.ID] = f
	}

	want := map[string][]expected{}
	for _, r := range readReference(t, dir, "iso27002-2022.csv") {
		theme := map[string]string{"Organizational": "5", "People": "6", "Physical": "7", "Technological": "8"}[r["theme"]]
		want["iso27002:2022"] = append(want["iso27002:2022"], expected{r["id"], r["title"], "control", theme, map[string][]string{
			catalog.AttrTheme: {r["theme"]}, catalog.AttrControlType: split(r["control_type"]),
			catalog.AttrProperties: split(r["properties"]), catalog.AttrConcepts: split(r["concepts"]),
			catalog.AttrCapabilities: split(r["capabilities"]), catalog.AttrDomains: split(r["domains"]),
			catalog.AttrNewIn2022: flag01(r["new_in_2022"]),
		}})
	}
	for _, r := range readReference(t, dir, "iso27001-2022-clauses.csv") {
		attrs := map[string][]string{catalog.AttrMandatoryDocInfo: flag01(r["mandatory_documented_information"]), catalog.AttrClimate: flag01(r["amd1_2024_climate"])}
		if r["mdi_note"] != "" {
			attrs[catalog.AttrDocInfoNote] = []string{r["mdi_note"]}
		}
		want["iso27001:2022"] = append(want["iso27001:2022"], expected{r["id"], r["title"], "clause", r["parent"], attrs})
	}
	for _, r := range readReference(t, dir, "iso27002-2013.csv") {
		want["iso27002:2013"] = append(want["iso27002:2013"], expected{id: r["id"], title: r["title"], kind: "control"})
	}
	for fw, file := range map[string]string{"nist-csf:2.0": "nist-csf-2.0.csv", "nist-csf:1.1": "nist-csf-1.1.csv"} {
		seen := map[string]bool{}
		for _, r := range readReference(t, dir, file) {
			if !seen[r["function_id"]] {
				seen[r["function_id"]] = true
				want[fw] = append(want[fw], expected{id: r["function_id"], title: r["function"], kind: "function"})
			}
			if !seen[r["category_id"]] {
				seen[r["category_id"]] = true
				want[fw] = append(want[fw], expected{id: r["category_id"], title: r["category"], kind: "category", parent: r["function_id"]})
			}
			want[fw] = append(want[fw], expected{id: r["subcategory_id"], title: r["statement"], kind: "subcategory", parent: r["category_id"]})
		}
	}
	if catalog.HasCIS() {
		controls := readReference(t, dir, "cis-controls-v8.csv")
		for fw, file := range map[string]string{"cis:8": "cis-controls-v8-safeguards.csv", "cis:8.1": "cis-controls-v8.1-safeguards.csv"} {
			for _, r := range controls {
				want[fw] = append(want[fw], expected{id: r["id"], title: r["title"], kind: "control"})
			}
			for _, r := range readReference(t, dir, file) {
				var igs []string
				for _, ig := range []string{"ig1", "ig2", "ig3"} {
					if r[ig] == "1" {
						igs = append(igs, strings.ToUpper(ig))
					}
				}
				want[fw] = append(want[fw], expected{r["id"], r["title"], "safeguard", r["control_id"], map[string][]string{
					catalog.AttrAssetType: split(r["asset_type"]), catalog.AttrSecurityFunc: split(r["security_function"]),
					catalog.AttrImplementation: igs,
				}})
			}
		}
	} else {
		assert.NotContains(t, byID, "cis:8")
		assert.NotContains(t, byID, "cis:8.1")
	}

	for fw, nodes := range want {
		f, ok := byID[fw]
		if !assert.True(t, ok, "export has %s", fw) {
			continue
		}
		got := map[string]wire.Control{}
		for _, c := range f.Controls {
			got[c.ID] = c
		}
		var themes int
		for _, c := range f.Controls {
			if c.Kind == "theme" {
				themes++
			}
		}
		// ISO/IEC 27002:2022 adds its four themes, which the reference names only as a column.
		assert.Equal(t, len(nodes)+themes, len(f.Controls), "%s: number of nodes", fw)
		for _, e := range nodes {
			c, ok := got[e.id]
			if !assert.True(t, ok, "%s: %s is exported", fw, e.id) {
				continue
			}
			assert.Equal(t, e.title, c.Title, "%s/%s title", fw, e.id)
			assert.Equal(t, e.kind, c.Kind, "%s/%s kind", fw, e.id)
			assert.Equal(t, e.parent, c.Parent, "%s/%s parent", fw, e.id)
			if e.attrs != nil {
				for k, v := range e.attrs {
					if v == nil {
						delete(e.attrs, k)
					}
				}
				assert.Equal(t, e.attrs, c.Attributes, "%s/%s attributes", fw, e.id)
			}
		}
	}
	// The order of the reference is the document order of the export.
	var isoIDs []string
	for _, c := range byID["iso27002:2022"].Controls {
		if c.Kind == "control" {
			isoIDs = append(isoIDs, c.ID)
		}
	}
	var refIDs []string
	for _, e := range want["iso27002:2022"] {
		refIDs = append(refIDs, e.id)
	}
	assert.Equal(t, refIDs, isoIDs)
	assert.True(t, slices.Contains(isoIDs, "8.34"))
}
