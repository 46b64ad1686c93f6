package oscal

import (
	"errors"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collection wraps mappings (the JSON value of "mappings") and back-matter
// resources (a JSON array) in a valid OSCAL 1.2 mapping-collection whose
// provenance states rationale.
func collection(rationale, maps, resources string) []byte {
	return []byte(`{"mapping-collection": {"uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	  "metadata": {"title": "Vendor Map", "version": "1", "oscal-version": "1.2.0", "last-modified": "2025-01-01T00:00:00Z"},
	  "provenance": {"method": "human", "matching-rationale": "` + rationale + `", "status": "complete", "mapping-description": "x"},
	  "mappings": ` + maps + `,
	  "back-matter": {"resources": ` + resources + `}}}`)
}

// oneMapping is a mapping from href from to href to with the maps given.
func oneMapping(from, to, maps string) string {
	return `[{"uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
	  "source-resource": {"type": "catalog", "href": "` + from + `"},
	  "target-resource": {"type": "catalog", "href": "` + to + `"},
	  "maps": ` + maps + `}]`
}

// aMap is a map from source to target with relationship rel.
func aMap(rel, source, target string) string {
	return `{"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "` + rel + `",
	  "sources": [{"type": "control", "id-ref": "` + source + `"}], "targets": [{"type": "control", "id-ref": "` + target + `"}]}`
}

// Each way a resource reference finds its framework, against the default catalog:
// the href as written, its base file name, an rlink of the back-matter resource,
// the uuid or file name of a catalog file; and the one bind that wins when several
// apply.
func TestImportMappingsBinding(t *testing.T) {
	cat := catalog.Default()
	maps := "[" + aMap("subset-of", "GV.PO-01", "5.1") + "]"
	res := `[{"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "title": "Annex A", "rlinks": [{"href": "https://example.com/x/annex-a.json"}]}]`
	for _, tc := range []struct {
		name, from, to string
		opts           []Option
	}{
		{"href as written", "../csf.json", "https://example.com/iso.json",
			[]Option{WithResource("../csf.json", catalog.CSF20), WithResource("https://example.com/iso.json", catalog.ISO27002v2022)}},
		{"base file name", "../../lib/csf.json?v=2", "https://example.com/a/iso.json#top",
			[]Option{WithResource("csf.json", catalog.CSF20), WithResource("iso.json", catalog.ISO27002v2022)}},
		{"rlink of the back-matter resource", "csf.json", "#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
			[]Option{WithResource("csf.json", catalog.CSF20), WithResource("https://example.com/x/annex-a.json", catalog.ISO27002v2022)}},
		{"rlink's base file name", "csf.json", "#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
			[]Option{WithResource("csf.json", catalog.CSF20), WithResource("annex-a.json", catalog.ISO27002v2022)}},
		{"catalog file by uuid", "urn:uuid:6f0c3a8e-2d1b-4c7a-9e5f-1a2b3c4d5e6f", "iso.json",
			[]Option{WithCatalogFile("dir/csf-export.json", "6F0C3A8E-2D1B-4C7A-9E5F-1A2B3C4D5E6F", catalog.CSF20), WithResource("iso.json", catalog.ISO27002v2022)}},
		{"catalog file by name", "https://example.com/lib/csf-export.json", "iso.json",
			[]Option{WithCatalogFile("/tmp/csf-export.json", "", catalog.CSF20), WithResource("iso.json", catalog.ISO27002v2022)}},
		{"WithResource wins over a catalog file", "csf-export.json", "iso.json",
			[]Option{WithCatalogFile("csf-export.json", "", catalog.CIS8), WithResource("csf-export.json", catalog.CSF20), WithResource("iso.json", catalog.ISO27002v2022)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := collection("semantic", oneMapping(tc.from, tc.to, maps), res)
			sets, rep, err := ImportMappings("b.json", doc, append(tc.opts, WithCatalog(cat))...)
			require.NoError(t, err)
			require.Len(t, sets, 1)
			assert.Equal(t, catalog.CSF20, sets[0].From)
			assert.Equal(t, catalog.ISO27002v2022, sets[0].To)
			assert.Equal(t, []mappings.Edge{{From: catalog.NewRef(catalog.CSF20, "GV.PO-01"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"),
				Relationship: mappings.SubsetOf, Rationale: mappings.Semantic, Source: "oscal-vendor-map"}}, sets[0].Edges)
			assert.Equal(t, 1, rep.Edges)
		})
	}
}

// Without a catalog, an unbound resource gets a framework named after the title of
// its back-matter resource, or its file name without extension.
func TestImportMappingsDerivedFrameworks(t *testing.T) {
	doc := collection("semantic", oneMapping("https://example.com/Vendor_Controls-v2.json", "#2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10",
		"["+aMap("equivalent-to", "a", "b")+"]"), `[{"uuid": "2b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "title": "ISO/IEC 27001:2022 Annex A"}]`)
	sets, _, err := ImportMappings("d.json", doc)
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("vendor-controls-v2"), sets[0].From)
	assert.Equal(t, catalog.FrameworkID("iso-iec-27001-2022-annex-a"), sets[0].To)
	assert.Equal(t, "vendor-controls-v2_to_iso-iec-27001-2022-annex-a", sets[0].ID)
}

// Two mappings between the same frameworks get numbered set IDs; a mapping given
// as one object (not an array) is read as one.
func TestImportMappingsSetIDs(t *testing.T) {
	m := `{"uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "source-resource": {"type": "catalog", "href": "a.json"},
	  "target-resource": {"type": "catalog", "href": "b.json"}, "maps": [` + aMap("equivalent-to", "x", "y") + `]}`
	sets, rep, err := ImportMappings("s.json", collection("semantic", "["+m+","+m+","+m+"]", "[]"))
	require.NoError(t, err)
	var ids []string
	for _, s := range sets {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []string{"a_to_b", "a_to_b-2", "a_to_b-3"}, ids)
	assert.Equal(t, 3, rep.Sets)
	assert.Equal(t, 3, rep.Edges)

	sets, _, err = ImportMappings("s.json", collection("semantic", m, "[]"))
	require.NoError(t, err)
	require.Len(t, sets, 1)
	assert.Equal(t, "a_to_b", sets[0].ID)
}

// The matching rationale of an edge is the map's, else the mapping's, else the
// provenance's; one outside OSCAL's three is an error naming the map.
func TestImportMappingsRationaleFallback(t *testing.T) {
	maps := `[{"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "equivalent-to", "matching-rationale": "functional",
	    "sources": [{"type": "control", "id-ref": "m1"}], "targets": [{"type": "control", "id-ref": "t"}]},
	  ` + aMap("equivalent-to", "m2", "t") + `]`
	withMapping := `[{"uuid": "1b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "matching-rationale": "syntactic",
	  "source-resource": {"type": "catalog", "href": "a.json"}, "target-resource": {"type": "catalog", "href": "b.json"}, "maps": ` + maps + `}]`
	sets, _, err := ImportMappings("r.json", collection("semantic", withMapping, "[]"))
	require.NoError(t, err)
	assert.Equal(t, mappings.Functional, sets[0].Edges[0].Rationale, "the map's own")
	assert.Equal(t, mappings.Syntactic, sets[0].Edges[1].Rationale, "the mapping's")
	sets, _, err = ImportMappings("r.json", collection("semantic", oneMapping("a.json", "b.json", maps), "[]"))
	require.NoError(t, err)
	assert.Equal(t, mappings.Semantic, sets[0].Edges[1].Rationale, "the provenance's")

	_, _, err = ImportMappings("r.json", collection("intuitive", oneMapping("a.json", "b.json", maps), "[]"))
	require.ErrorIs(t, err, ErrInvalid)
	var e *catalog.DataError
	require.True(t, errors.As(err, &e))
	assert.Equal(t, catalog.DataError{File: "r.json", Record: "mapping-collection.mappings[0].maps[1].matching-rationale", Value: "intuitive", Err: e.Err}, *e)
}

// A map with several sources and targets gives one edge per pair, in order; items
// of type statement are skipped; both are noted.
func TestImportMappingsPairsAndStatements(t *testing.T) {
	maps := `[{"uuid": "3b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "relationship": "superset-of",
	  "sources": [{"type": "control", "id-ref": "s1"}, {"type": "control", "id-ref": "s2"}, {"type": "statement", "id-ref": "s1_smt.a"}],
	  "targets": [{"type": "control", "id-ref": "t1"}, {"type": "control", "id-ref": "t2"}]}]`
	sets, rep, err := ImportMappings("p.json", collection("semantic", oneMapping("a.json", "b.json", maps), "[]"))
	require.NoError(t, err)
	var got []string
	for _, e := range sets[0].Edges {
		got = append(got, e.From.ID+">"+e.To.ID)
	}
	assert.Equal(t, []string{"s1>t1", "s1>t2", "s2>t1", "s2>t2"}, got)
	assert.Equal(t, []string{
		"skipped 1 map source(s)/target(s) of type statement (a part of a control, not a control)",
		"1 map(s) with several sources or targets were read as one edge per pair",
	}, rep.Notes)
}

// Against a catalog, sources and targets resolve under NIST's and Annex A's label
// spellings; a map citing an unknown control is skipped whole (leniently) or refused
// (strictly), and a map citing a control of a framework the catalog does not hold
// is left for the sets' own check.
func TestImportMappingsResolveAndSkip(t *testing.T) {
	cat := catalog.Default()
	maps := "[" + strings.Join([]string{
		aMap("subset-of", "gv.po-1", "_5.1"),
		aMap("subset-of", "GV.PO-01", "9.99"),
		aMap("subset-of", "XX.YY-01", "5.2"),
	}, ",") + "]"
	doc := collection("semantic", oneMapping("csf.json", "iso.json", maps), "[]")
	opts := []Option{WithCatalog(cat), WithResource("csf.json", catalog.CSF20), WithResource("iso.json", catalog.ISO27002v2022)}
	sets, rep, err := ImportMappings("x.json", doc, opts...)
	require.NoError(t, err)
	require.Len(t, sets[0].Edges, 1)
	assert.Equal(t, catalog.NewRef(catalog.CSF20, "GV.PO-01"), sets[0].Edges[0].From)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "5.1"), sets[0].Edges[0].To)
	assert.Equal(t, []Skipped{
		{Path: "mapping-collection.mappings[0].maps[1]", ID: "GV.PO-01 → 9.99", Kind: "map", Reason: `iso27002:2022 has no control "9.99"`},
		{Path: "mapping-collection.mappings[0].maps[2]", ID: "XX.YY-01 → 5.2", Kind: "map", Reason: `nist-csf:2.0 has no control "XX.YY-01"`},
	}, rep.Skipped)
	assert.Equal(t, 2, rep.SkippedCount("map"))
	assert.Equal(t, 0, rep.SkippedCount("control"))
	assert.Equal(t, "x.json: OSCAL mapping-collection, 1 mapping set(s) with 1 edge(s), 2 map(s) skipped; 1 warning(s)", rep.Summary())

	_, _, err = ImportMappings("x.json", doc, append(opts, WithStrict())...)
	require.ErrorIs(t, err, ErrCitesUnknown)
	assert.Len(t, errorsOf(err), 2)

	sets, _, err = ImportMappings("x.json", doc, WithCatalog(cat), WithResource("csf.json", catalog.CSF20), WithResource("iso.json", "elsewhere:1"))
	require.NoError(t, err, "a framework the catalog does not hold is no reason to skip")
	assert.Len(t, sets[0].Edges, 2)
}

// The errors of a mapping-collection's structure, each at its path.
func TestImportMappingsStructureErrors(t *testing.T) {
	good := oneMapping("a.json", "b.json", "["+aMap("equivalent-to", "x", "y")+"]")
	for _, tc := range []struct {
		name string
		doc  []byte
		path string
		want error
	}{
		{"mappings missing", []byte(strings.Replace(string(collection("semantic", good, "[]")), `"mappings"`, `"x-mappings"`, 1)), "mapping-collection.mappings", ErrMissing},
		{"mappings null", collection("semantic", "null", "[]"), "mapping-collection.mappings", ErrType},
		{"mappings a string", collection("semantic", `"m"`, "[]"), "mapping-collection.mappings", ErrType},
		{"maps missing", collection("semantic", `[{"uuid": "u", "source-resource": {"type": "catalog", "href": "a.json"}, "target-resource": {"type": "catalog", "href": "b.json"}}]`, "[]"), "mapping-collection.mappings[0].maps", ErrMissing},
		{"source-resource missing", collection("semantic", `[{"uuid": "u", "target-resource": {"type": "catalog", "href": "b.json"}, "maps": []}]`, "[]"), "mapping-collection.mappings[0].source-resource", ErrMissing},
		{"sources missing", collection("semantic", oneMapping("a.json", "b.json", `[{"uuid": "u", "relationship": "equivalent-to", "targets": []}]`), "[]"), "mapping-collection.mappings[0].maps[0].sources", ErrMissing},
		{"unmapped controls not objects", collection("semantic", `[{"uuid": "u", "source-resource": {"type": "catalog", "href": "a.json"}, "target-resource": {"type": "catalog", "href": "b.json"}, "maps": [], "source-gap-summary": {"uuid": "g", "unmapped-controls": ["x"]}}]`, "[]"), "mapping-collection.mappings[0].source-gap-summary.unmapped-controls[0]", ErrType},
		{"bad collection uuid", []byte(strings.Replace(string(collection("semantic", good, "[]")), "0b2f6d1e-7c55", "0b2f6d1e-xxxx", 1)), "mapping-collection.uuid", ErrInvalid},
		{"unknown relationship", collection("semantic", oneMapping("a.json", "b.json", "["+aMap("same-as", "x", "y")+"]"), "[]"), "mapping-collection.mappings[0].maps[0].relationship", ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ImportMappings("s.json", tc.doc)
			require.Error(t, err)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, "s.json", e.File)
			assert.Equal(t, tc.path, e.Record)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

// Gap summaries are not imported but counted; the count is a warning only for
// documents not written by this package.
func TestImportMappingsGapSummaryCounted(t *testing.T) {
	m := `[{"uuid": "u", "source-resource": {"type": "catalog", "href": "a.json"}, "target-resource": {"type": "catalog", "href": "b.json"},
	  "maps": [` + aMap("equivalent-to", "x", "y") + `],
	  "source-gap-summary": {"uuid": "g1", "unmapped-controls": [{"with-ids": ["p", "q"]}, {"with-ids": ["r"]}]},
	  "target-gap-summary": {"uuid": "g2", "unmapped-controls": [{}]}}]`
	_, rep, err := ImportMappings("g.json", collection("semantic", m, "[]"))
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Gaps)
	assert.Contains(t, rep.Warnings(), "ignored 3 gap-summary entr(ies), recomputed on export")
}

// Fields outside the model in a mapping-collection, leniently listed and strictly
// refused, at each place they can stand.
func TestImportMappingsUnknownFields(t *testing.T) {
	doc := []byte(`{"mapping-collection": {"uuid": "0b2f6d1e-7c55-4a7e-9a52-3c8f6f2d9e10", "x-top": 1,
	  "metadata": {"title": "M", "version": "1", "oscal-version": "1.2.0", "last-modified": "2025-01-01T00:00:00Z"},
	  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "complete", "mapping-description": "x", "x-prov": 1},
	  "mappings": [{"uuid": "u", "x-mapping": 1,
	    "source-resource": {"type": "catalog", "href": "a.json", "x-src": 1},
	    "target-resource": {"type": "catalog", "href": "b.json"},
	    "maps": [{"uuid": "m", "relationship": "equivalent-to", "x-map": 1,
	      "sources": [{"type": "control", "id-ref": "x", "x-item": 1}], "targets": [{"type": "control", "id-ref": "y"}]}]}]}}`)
	sets, rep, err := ImportMappings("u.json", doc)
	require.NoError(t, err)
	assert.Len(t, sets[0].Edges, 1)
	assert.Equal(t, []string{
		"mapping-collection.x-top",
		"mapping-collection.provenance.x-prov",
		"mapping-collection.mappings[0].x-mapping",
		"mapping-collection.mappings[0].source-resource.x-src",
		"mapping-collection.mappings[0].maps[0].x-map",
		"mapping-collection.mappings[0].maps[0].sources[0].x-item",
	}, rep.Unknown)
	assert.Equal(t, []string{
		"field outside the OSCAL model ignored: mapping-collection.x-top",
		"field outside the OSCAL model ignored: mapping-collection.provenance.x-prov",
		"field outside the OSCAL model ignored: mapping-collection.mappings[0].x-mapping",
		"field outside the OSCAL model ignored: mapping-collection.mappings[0].source-resource.x-src",
		"field outside the OSCAL model ignored: mapping-collection.mappings[0].maps[0].x-map",
		"field outside the OSCAL model ignored: mapping-collection.mappings[0].maps[0].sources[0].x-item",
	}, rep.Details())
	assert.Equal(t, []string{"ignored 6 field(s) outside the OSCAL model: mapping-collection.x-top, mapping-collection.provenance.x-prov, " +
		"mapping-collection.mappings[0].x-mapping, mapping-collection.mappings[0].source-resource.x-src, " +
		"mapping-collection.mappings[0].maps[0].x-map, and 1 more"}, rep.Warnings())

	_, _, err = ImportMappings("u.json", doc, WithStrict())
	require.ErrorIs(t, err, ErrUnknownField)
	assert.Len(t, errorsOf(err), 6)
}

// A mapping-collection written by this package comes back with everything it
// carries, each embedded set on its own.
func TestEmbeddedSetsRoundTripOneByOne(t *testing.T) {
	for _, s := range mappings.Embedded() {
		b, err := ExportMappings([]mappings.Set{s}, nil)
		require.NoError(t, err, s.ID)
		back, rep, err := ImportMappings(s.ID+".json", b)
		require.NoError(t, err, s.ID)
		assert.True(t, rep.Ours, s.ID)
		require.Len(t, back, 1, s.ID)
		assert.Equal(t, s, back[0], s.ID)
		assert.Equal(t, len(s.Edges), rep.Edges, s.ID)
		assert.Empty(t, rep.Warnings(), s.ID)
	}
}
