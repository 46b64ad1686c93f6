package loader_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// Every layer's error that points into an input answers Where with the same
// Position type, read with one errors.As whatever found the problem.
func TestPositionedAcrossLayers(t *testing.T) {
	where := func(t *testing.T, err error) catalog.Position {
		t.Helper()
		require.Error(t, err)
		var p catalog.Positioned
		require.True(t, errors.As(err, &p), "%T does not say where: %v", err, err)
		return p.Where()
	}
	t.Run("framework CSV", func(t *testing.T) {
		_, err := catalog.ReadCSV("f.csv", strings.NewReader("id,title,parent\nA,Alpha,\nB,Beta,Z\n"), catalog.Framework{ID: "acme:1", Name: "Acme"})
		p := where(t, err)
		assert.Equal(t, "f.csv", p.File)
		assert.Equal(t, 3, p.Line)
		assert.Equal(t, "parent", p.Field)
		assert.Equal(t, "Z", p.Value)
	})
	t.Run("mapping CSV", func(t *testing.T) {
		_, err := mappings.ReadCSV("m.csv", strings.NewReader("from,to,relationship\nnist-csf:2.0/GV.OC-01,iso27002:2022/5.1,sort-of\n"),
			mappings.Set{ID: "m", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk})
		p := where(t, err)
		assert.Equal(t, "m.csv", p.File)
		assert.Equal(t, 2, p.Line)
		assert.Equal(t, "relationship", p.Field)
		assert.Equal(t, "sort-of", p.Value)
	})
	t.Run("assessment CSV", func(t *testing.T) {
		_, err := crosswalk.ReadAssessmentCSV("a.csv", strings.NewReader("control,status\n5.1,implemented\n5.2,maybe\n"), nil)
		p := where(t, err)
		assert.Equal(t, catalog.Position{File: "a.csv", Line: 3, Field: "status", Value: "maybe"}, p)
	})
	t.Run("assessment JSON", func(t *testing.T) {
		_, err := crosswalk.ReadAssessmentJSON("a.json", []byte(`{"baseline": "iso27002:2022", "controls": [{"control": "5.1", "status": "implemented"}, {"control": "9.99", "status": "implemented"}]}`), nil)
		p := where(t, err)
		assert.Equal(t, "a.json", p.File)
		assert.Equal(t, "controls[1]", p.Record)
		assert.Equal(t, "9.99", p.Value)
	})
	t.Run("crosswalk edge", func(t *testing.T) {
		_, err := crosswalk.New(catalog.Default(), mappings.Set{ID: "s", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
			Edges: []mappings.Edge{{From: catalog.NewRef(catalog.CSF20, "GV.OC-01"), To: catalog.NewRef(catalog.ISO27002v2022, "9.99"), Relationship: mappings.Related}}})
		p := where(t, err)
		assert.Equal(t, catalog.Position{Record: `set "s": edge #1 (nist-csf:2.0/GV.OC-01 → iso27002:2022/9.99)`, Field: "to", Value: "iso27002:2022/9.99"}, p)
	})
	t.Run("OSCAL", func(t *testing.T) {
		_, _, err := oscal.ImportCatalog("c.json", []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
		  "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"},
		  "groups": [{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C"}, {"id": "c-1", "title": "D"}]}]}}`))
		p := where(t, err)
		assert.Equal(t, "c.json", p.File)
		assert.Equal(t, "catalog.groups[0].controls[1].id", p.Record)
		assert.Equal(t, "c-1", p.Value)
	})
}
