package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestCSF20ToCIS: one reference file gives two sets, one per CIS version, each with
// its rows only, its source title from them, and a repeated row counted once with
// its repeat.
func TestCSF20ToCIS(t *testing.T) {
	cat := testCatalog(t)
	const header = "csf_id,csf_level,cis_version,cis_id,source\n"
	dir := writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_cis-controls.csv": header +
		"GV.OC-01,subcategory,8.0,1.1,Export v8\n" +
		"GV.OC-01,subcategory,8.1,1.1,Export v8.1\n" +
		"ID.AM-01,subcategory,8.0,1.1,Export v8\n" +
		"ID.AM-01,subcategory,8.0,1.1,Export v8\n"})
	sets, err := genCSF20toCIS(dir, cat)
	require.NoError(t, err)
	require.Len(t, sets, 2)
	assert.Equal(t, mappings.SetCSF20ToCIS8, sets[0].ID)
	assert.Equal(t, "Export v8", sets[0].Source.Title)
	assert.Equal(t, []string{"nist-csf:2.0/GV.OC-01 -> cis:8/1.1", "nist-csf:2.0/ID.AM-01 -> cis:8/1.1 +1"}, edgeLines(sets[0].Edges))
	assert.Equal(t, mappings.SetCSF20ToCIS81, sets[1].ID)
	assert.Equal(t, catalog.CIS81, sets[1].To)
	assert.Equal(t, []string{"nist-csf:2.0/GV.OC-01 -> cis:8.1/1.1"}, edgeLines(sets[1].Edges))

	for name, c := range map[string]struct{ rows, want string }{
		"unknown version": {"GV.OC-01,subcategory,7.1,1.1,E\n", `:2: unknown cis_version "7.1"`},
		"two sources":     {"GV.OC-01,subcategory,8.0,1.1,E\nID.AM-01,subcategory,8.0,1.1,F\nGV.OC-01,subcategory,8.1,1.1,E\n", `:3: source "F" differs from "E"`},
		"one version":     {"GV.OC-01,subcategory,8.0,1.1,E\n", `: no rows for CIS version 8.1`},
		"no safeguard":    {"GV.OC-01,subcategory,8.0,99.9,E\n", `:2: cis:8 has no control "99.9"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := genCSF20toCIS(writeRef(t, map[string]string{"mappings/nist-csf-2.0_to_cis-controls.csv": header + c.rows}), cat)
			assert.ErrorContains(t, err, "mappings/nist-csf-2.0_to_cis-controls.csv"+c.want)
		})
	}
}

// TestCISSetTheory: CIS's set-theory mappings keep their relationships (subset-of,
// equal, …) as printed, and a row naming a control the target lacks stops the
// generator.
func TestCISSetTheory(t *testing.T) {
	cat := testCatalog(t)
	const file = "mappings/cis-controls-v8_to_iso27002-2022.csv"
	dir := writeRef(t, map[string]string{file: "cis_id,iso27002_2022,relationship,source\n" +
		"1.1,5.9,subset,W\n" +
		"1.2,5.9,equivalent,W\n" +
		"1.2,5.9,equivalent,W\n"})
	sets, err := genCISSetTheory(dir, cat, file, "iso27002_2022", mappings.SetCIS8ToISO2022, catalog.ISO27002v2022, "src")
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, "W", s.Source.Title)
	require.Len(t, s.Edges, 2)
	assert.Equal(t, mappings.SubsetOf, s.Edges[0].Relationship)
	assert.Equal(t, mappings.Equal, s.Edges[1].Relationship)
	assert.Equal(t, 1, s.Edges[1].Repeats)
	assert.Equal(t, "src", s.Edges[1].Source)

	bad := writeRef(t, map[string]string{file: "cis_id,iso27002_2022,relationship,source\n1.1,9.9,subset,W\n"})
	_, err = genCISSetTheory(bad, cat, file, "iso27002_2022", mappings.SetCIS8ToISO2022, catalog.ISO27002v2022, "src")
	assert.ErrorContains(t, err, file+`:2: iso27002:2022 has no control "9.9"`)
}

// TestCIS8ToCIS81: every ID present in both CIS editions is one equal edge (v8.1 keeps
// v8's numbering); none is invented for an ID only one edition has.
func TestCIS8ToCIS81(t *testing.T) {
	cat := testCatalog(t)
	if !cat.Has(catalog.CIS8) {
		t.Skip("no CIS data in the reference")
	}
	sets, err := genCIS8toCIS81("", cat)
	require.NoError(t, err)
	s := sets[0]
	assert.Equal(t, mappings.Succession, s.Kind)
	both := 0
	for c := range cat.Controls(catalog.CIS8) {
		if _, ok := cat.Control(catalog.NewRef(catalog.CIS81, c.Ref.ID)); ok {
			both++
		}
	}
	assert.Len(t, s.Edges, both)
	for _, e := range s.Edges {
		assert.Equal(t, e.From.ID, e.To.ID)
		assert.Equal(t, mappings.Equal, e.Relationship)
	}

	noCIS, err := catalog.New(catalog.Framework{ID: "cis:8", Name: "CIS 8", Version: "8", Controls: []catalog.ControlSpec{{ID: "1", Title: "One"}}},
		catalog.Framework{ID: "cis:8.1", Name: "CIS 8.1", Version: "8.1", Controls: []catalog.ControlSpec{{ID: "2", Title: "Two"}}})
	require.NoError(t, err)
	_, err = genCIS8toCIS81("", noCIS)
	assert.EqualError(t, err, "cis:8 and cis:8.1 share no ID")
}
