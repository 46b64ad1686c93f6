package oscal

import (
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportMappingsValidates(t *testing.T) {
	sets := mappings.Embedded()
	require.NotEmpty(t, sets)
	for _, s := range sets {
		t.Run(s.ID, func(t *testing.T) {
			b, err := ExportMappings([]mappings.Set{s}, nil)
			require.NoError(t, err)
			validate(t, b)
		})
	}
	all, err := ExportMappings(sets, nil)
	require.NoError(t, err)
	validate(t, all)
}

func TestMappingsRoundTrip(t *testing.T) {
	for _, s := range mappings.Embedded() {
		t.Run(s.ID, func(t *testing.T) {
			b, err := ExportMappings([]mappings.Set{s}, nil)
			require.NoError(t, err)
			got, rep, err := ImportMappings("m.json", b)
			require.NoError(t, err)
			assert.True(t, rep.Ours)
			require.Len(t, got, 1)
			assert.Equal(t, len(s.Edges), rep.Edges)
			assert.Equal(t, s, got[0])
			b2, err := ExportMappings(got, nil)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(b2), "export → import → export must give the same bytes")
		})
	}
	sets := mappings.Embedded()
	b, err := ExportMappings(sets, nil)
	require.NoError(t, err)
	got, _, err := ImportMappings("all.json", b)
	require.NoError(t, err)
	assert.Equal(t, sets, got)
}

func TestExportMappingsContent(t *testing.T) {
	s, ok := mappings.EmbeddedSet(mappings.SetCSF20ToISO27001)
	require.True(t, ok)
	b, err := ExportMappings([]mappings.Set{s}, nil)
	require.NoError(t, err)
	doc := string(b)
	assert.Contains(t, doc, `"target-gap-summary"`)
	assert.NotContains(t, doc, `"relationship": "equal-to"`)

	m, err := buildMappings([]mappings.Set{s}, nil, config{})
	require.NoError(t, err)
	xm := m.MappingCollection.Mappings[0]
	assert.Equal(t, []xProp{{Name: "framework-id", NS: Namespace, Value: "nist-csf:2.0"}}, xm.SourceResource.Props)
	assert.Equal(t, "#"+catalogUUID(catalog.ISO27001v2022, "2026-02-01T00:00:00Z"), xm.TargetResource.Href)
	require.Len(t, xm.Maps, len(s.Edges))
	annex := 0
	for i, e := range s.Edges {
		x := xm.Maps[i]
		// NIST's informative references are uncharacterised: intersects-with plus our prop.
		assert.Equal(t, "intersects-with", x.Relationship)
		assert.Equal(t, []xProp{{Name: "relationship", NS: Namespace, Value: "related"}}, x.Props[:1])
		assert.Equal(t, EncodeID(e.From.ID), x.Sources[0].IDRef)
		assert.Equal(t, EncodeID(e.To.ID), x.Targets[0].IDRef)
		if e.To.Framework == catalog.ISO27002v2022 {
			// Annex A edges reach ISO/IEC 27002:2022 controls and say so.
			annex++
			assert.Equal(t, []xProp{{Name: "framework", NS: Namespace, Value: "iso27002:2022"}}, x.Targets[0].Props)
		}
	}
	assert.Equal(t, 291, annex)

	// The gap summaries list exactly the untouched controls, in document order.
	cat := catalog.Default()
	for _, side := range []struct {
		fw   catalog.FrameworkID
		used func(mappings.Edge) catalog.Ref
		gap  *xGapSummary
	}{
		{catalog.CSF20, func(e mappings.Edge) catalog.Ref { return e.From }, xm.SourceGapSummary},
		{catalog.ISO27001v2022, func(e mappings.Edge) catalog.Ref { return e.To }, xm.TargetGapSummary},
	} {
		used := map[catalog.Ref]bool{}
		for _, e := range s.Edges {
			used[side.used(e)] = true
		}
		var want []string
		for c := range cat.Controls(side.fw) {
			if !used[c.Ref] {
				want = append(want, EncodeID(c.Ref.ID))
			}
		}
		if len(want) == 0 {
			assert.Nil(t, side.gap, side.fw)
			continue
		}
		require.NotNil(t, side.gap, side.fw)
		assert.Equal(t, want, side.gap.UnmappedControls[0].WithIDs, side.fw)
	}
	require.NotNil(t, xm.TargetGapSummary, "some ISO/IEC 27001 clauses are cited by no CSF element")
}

func TestCIS8ToISOEquals(t *testing.T) {
	if !mappings.HasCIS() {
		t.Skip("built without CIS data (nocis)")
	}
	s, ok := mappings.EmbeddedSet(mappings.SetCIS8ToISO2022)
	require.True(t, ok)
	b, err := ExportMappings([]mappings.Set{s}, nil)
	require.NoError(t, err)
	// 191 subset-of, 5 superset-of, 4 equal in the source; one 15.2 → 5.10 repeat is kept once.
	assert.Equal(t, 4, strings.Count(string(b), `"relationship": "equal-to"`))
	assert.Equal(t, 5, strings.Count(string(b), `"relationship": "superset-of"`))
	assert.Equal(t, 190, strings.Count(string(b), `"relationship": "subset-of"`))
	assert.Contains(t, string(b), "\"name\": \"repeats\",\n                \"ns\": \""+Namespace+"\",\n                \"value\": \"1\"", "the repeated edge says so")
}

// detailedSet is a mapping set that uses every field an edge and a statement have,
// with values OSCAL cannot hold as prop values.
func detailedSet() mappings.Set {
	return mappings.Set{
		ID: "acme_to_iso", From: "acme:1", To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "acme-2025", Title: "ACME crosswalk\nv2", Publisher: "ACME", Licence: " spaced ", URL: "https://example.com/x"},
		Edges: []mappings.Edge{
			{From: catalog.NewRef("acme:1", "AC-2(1)"), To: catalog.NewRef(catalog.ISO27002v2022, "5.15"), Relationship: mappings.SubsetOf, Strength: 7, HasStrength: true, Rationale: mappings.Functional, Source: "acme-2025", Note: "first line\nsecond"},
			{From: catalog.NewRef("acme:1", "1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.NotRelatedTo, Source: "other", Label: " odd label", Misprint: "5.01"},
			{From: catalog.NewRef("acme:1", "1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.NotRelatedTo, Source: "other", Label: " odd label", Misprint: "5.01"},
			{From: catalog.NewRef("acme:1", "1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.2"), Relationship: mappings.Related, Source: "acme-2025", Strength: 0, HasStrength: true},
		},
		Statements: []mappings.Statement{
			{Ref: catalog.NewRef("acme:1", "2"), Kind: mappings.NoReference, Target: "ISO", Note: "none"},
			{Ref: catalog.NewRef("acme:1", "3"), Kind: mappings.UnresolvedReference, Misprint: "Clause 9", Reading: catalog.NewRef(catalog.ISO27001v2022, "9")},
		},
	}
}

func TestMappingsRoundTripEdgeDetails(t *testing.T) {
	s := detailedSet()
	b, err := ExportMappings([]mappings.Set{s}, nil)
	require.NoError(t, err)
	validate(t, b)
	got, _, err := ImportMappings("acme.json", b)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, s, got[0])
	b2, err := ExportMappings(got, nil)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
}

// A mapping-collection written by hand in the style of NIST's examples.
const foreignMappings = `{"mapping-collection": {
  "uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
  "metadata": {"title": "SP 800-53 to CSF", "version": "1", "oscal-version": "1.2.0", "last-modified": "2025-01-01T00:00:00Z"},
  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "complete", "mapping-description": "x"},
  "mappings": {
    "uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
    "source-resource": {"type": "catalog", "href": "https://example.com/NIST_SP-800-53_rev5_catalog.json"},
    "target-resource": {"type": "catalog", "href": "#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10"},
    "maps": [
      {"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "equivalent-to",
       "sources": [{"type": "control", "id-ref": "ac-1"}, {"type": "control", "id-ref": "ac-2"}],
       "targets": [{"type": "control", "id-ref": "GV.PO-01"}, {"type": "statement", "id-ref": "GV.PO-01_smt"}]},
      {"uuid": "4b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "subset-of", "matching-rationale": "syntactic", "remarks": "n",
       "sources": [{"type": "control", "id-ref": "ac-3"}], "targets": [{"type": "control", "id-ref": "PR.AA-05"}]}
    ]},
  "back-matter": {"resources": [{"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "title": "NIST CSF 2.0"}]}
}}`

func TestImportForeignMappings(t *testing.T) {
	sets, rep, err := ImportMappings("foreign.json", []byte(foreignMappings), WithResource("#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", catalog.CSF20))
	require.NoError(t, err)
	assert.False(t, rep.Ours)
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, catalog.FrameworkID("nist-sp-800-53-rev5-catalog"), s.From)
	assert.Equal(t, catalog.CSF20, s.To)
	assert.Equal(t, "nist-sp-800-53-rev5-catalog_to_nist-csf-2.0", s.ID)
	assert.Equal(t, mappings.Source{ID: "oscal-sp-800-53-to-csf", Title: "SP 800-53 to CSF"}, s.Source)
	require.Len(t, s.Edges, 3)
	assert.Equal(t, mappings.Edge{From: catalog.NewRef(s.From, "ac-1"), To: catalog.NewRef(catalog.CSF20, "GV.PO-01"), Relationship: mappings.Equal, Rationale: mappings.Semantic, Source: s.Source.ID}, s.Edges[0])
	assert.Equal(t, "ac-2", s.Edges[1].From.ID)
	assert.Equal(t, mappings.Edge{From: catalog.NewRef(s.From, "ac-3"), To: catalog.NewRef(catalog.CSF20, "PR.AA-05"), Relationship: mappings.SubsetOf, Rationale: mappings.Syntactic, Source: s.Source.ID, Note: "n"}, s.Edges[2])
	assert.Len(t, rep.Notes, 2)

	// Without the option the target framework comes from the back-matter title.
	sets, _, err = ImportMappings("foreign.json", []byte(foreignMappings))
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("nist-csf-2.0"), sets[0].To)
}

func TestImportMappingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc, path string
		want            error
	}{
		{"catalog", minimalCatalog, "", ErrWrongDocument},
		{"bad relationship", strings.Replace(foreignMappings, `"subset-of"`, `"part-of"`, 1), "mapping-collection.mappings.maps[1].relationship", ErrInvalid},
		{"missing targets", strings.Replace(foreignMappings, `"targets": [{"type": "control", "id-ref": "PR.AA-05"}]`, `"target": []`, 1), "mapping-collection.mappings.maps[1].targets", ErrMissing},
		{"dangling resource", strings.Replace(foreignMappings, `"href": "#2b2f`, `"href": "#9b2f`, 1), "mapping-collection.mappings.target-resource.href", ErrUnknownRef},
		{"no provenance", strings.Replace(foreignMappings, `"provenance"`, `"provenanc"`, 1), "mapping-collection.provenance", ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ImportMappings("bad.json", []byte(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "bad.json")
			assert.Contains(t, err.Error(), tc.path)
		})
	}
}
