package oscal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures in testdata/realworld are shaped like what third parties publish: a
// catalog with params, labels and a withdrawn control, and a mapping-collection with
// fields outside the OSCAL model, a relative href to that catalog, a back-matter
// resource for "ISO/IEC 27001:2022 Annex A" pointing at a file nobody has, label
// spellings ("AC-02(01)", "A.5.16"), and maps citing a withdrawn and an unknown
// control.
func realWorld(t *testing.T) (cat *catalog.Catalog, mini catalog.Framework, miniRep *ImportReport, mc []byte) {
	t.Helper()
	dir := filepath.Join("testdata", "realworld")
	cb, err := os.ReadFile(filepath.Join(dir, "sp800-53-mini.oscal.json"))
	require.NoError(t, err)
	mini, miniRep, err = ImportCatalog("sp800-53-mini.oscal.json", cb, WithFrameworkID("mini:5"))
	require.NoError(t, err)
	cat, err = catalog.New(append(catalog.Embedded(), mini)...)
	require.NoError(t, err)
	mc, err = os.ReadFile(filepath.Join(dir, "mini-to-annex-a.oscal-mapping.json"))
	require.NoError(t, err)
	return cat, mini, miniRep, mc
}

func TestImportRealWorldCatalog(t *testing.T) {
	cat, mini, rep, _ := realWorld(t)
	assert.Equal(t, "6f0c3a8e-2d1b-4c7a-9e5f-1a2b3c4d5e6f", rep.UUID)
	assert.Equal(t, []catalog.Kind{"control", "enhancement"}, mini.ItemKinds)
	c, ok := cat.Control(catalog.NewRef("mini:5", "ac-1"))
	require.True(t, ok)
	assert.Equal(t, "Give a [Selection (one or more): organization-level; system-level] policy to [Assignment: organization-defined personnel or roles].", c.Summary)
	assert.Equal(t, []string{"AC-1", "AC-01"}, c.Attr(AttrLabel))
	w, ok := cat.Control(catalog.NewRef("mini:5", "ac-13"))
	require.True(t, ok)
	assert.True(t, w.Withdrawn())
	assert.Equal(t, []string{"ac-2"}, w.Attr(catalog.AttrIncorporatedInto))
	assert.Equal(t, 1, rep.WithdrawnCount(""))
	assert.Equal(t, "sp800-53-mini.oscal.json: OSCAL catalog, framework mini:5 with 5 node(s) (1 withdrawn); 4 warning(s)", rep.Summary())
	assert.Equal(t, []string{
		"1 withdrawn control node(s) kept and marked withdrawn (never gap items)",
		"ignored 1 link(s)",
		`class "SP800-53" is not a kind (lower-case letters, '-' and '_'): read as "control" (3 node(s))`,
		`class "SP800-53-enhancement" is not a kind (lower-case letters, '-' and '_'): read as "enhancement" (1 node(s))`,
	}, rep.Warnings())
}

func TestImportRealWorldMappingsLenient(t *testing.T) {
	cat, _, miniRep, mc := realWorld(t)
	opts := []Option{WithCatalog(cat), WithCatalogFile("catalogs/sp800-53-mini.oscal.json", miniRep.UUID, "mini:5"), WithResource("iso27001-annex-a.json", catalog.ISO27002v2022)}
	sets, rep, err := ImportMappings("map.json", mc, opts...)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"mapping-collection.metadata.x-generator",
		"mapping-collection.provenance.reviewed-by",
		"mapping-collection.mappings[0].maps[1].confidence",
	}, rep.Unknown)
	require.Len(t, rep.Skipped, 2)
	assert.Equal(t, Skipped{Path: "mapping-collection.mappings[0].maps[2]", ID: "ac-13 → 5.18", Kind: "map", Reason: "mini:5/ac-13 is withdrawn (incorporated into ac-2)"}, rep.Skipped[0])
	assert.Equal(t, Skipped{Path: "mapping-collection.mappings[0].maps[3]", ID: "ac-99 → 5.18", Kind: "map", Reason: `mini:5 has no control "ac-99"`}, rep.Skipped[1])
	require.Len(t, sets, 1)
	s := sets[0]
	assert.Equal(t, catalog.FrameworkID("mini:5"), s.From)
	assert.Equal(t, catalog.ISO27002v2022, s.To)
	var got []string
	for _, e := range s.Edges {
		got = append(got, e.From.String()+" "+e.Relationship.String()+" "+e.To.String())
	}
	assert.Equal(t, []string{
		"mini:5/ac-1 " + mappings.Equal.String() + " iso27002:2022/5.1",
		"mini:5/ac-2.1 " + mappings.SubsetOf.String() + " iso27002:2022/5.16",
		"mini:5/ac-2 " + mappings.SupersetOf.String() + " iso27002:2022/5.15",
	}, got, "label spellings resolve to the catalog's ids")
	for _, p := range mappings.Validate(s, cat) {
		assert.True(t, p.Warning, p.Error())
	}
	w := strings.Join(rep.Warnings(), "\n")
	assert.Contains(t, w, "ignored 3 field(s) outside the OSCAL model: mapping-collection.metadata.x-generator, ")
	assert.Contains(t, w, "skipped 2 map(s) citing controls the catalog does not hold or holds as withdrawn: mapping-collection.mappings[0].maps[2] (ac-13 → 5.18): mini:5/ac-13 is withdrawn")
	assert.Len(t, rep.Details(), 5)
	assert.Equal(t, "map.json: OSCAL mapping-collection, 1 mapping set(s) with 3 edge(s), 2 map(s) skipped, 3 field(s) outside the OSCAL model ignored; 3 warning(s)", rep.Summary())

	// The catalog's uuid binds as well as its file name.
	sets2, _, err := ImportMappings("map.json", []byte(strings.ReplaceAll(string(mc), "../catalogs/sp800-53-mini.oscal.json", "urn:uuid:"+miniRep.UUID)), opts...)
	require.NoError(t, err)
	assert.Equal(t, sets, sets2)
}

func TestImportRealWorldMappingsStrict(t *testing.T) {
	cat, _, miniRep, mc := realWorld(t)
	_, _, err := ImportMappings("map.json", mc, WithStrict(), WithCatalog(cat), WithCatalogFile("sp800-53-mini.oscal.json", miniRep.UUID, "mini:5"), WithResource("iso27001-annex-a.json", catalog.ISO27002v2022))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrUnknownField)
	assert.ErrorIs(t, err, ErrCitesUnknown)
	msg := err.Error()
	assert.Contains(t, msg, "map.json: mapping-collection.metadata.x-generator: field is not part of the OSCAL model here")
	assert.Contains(t, msg, `map.json: mapping-collection.mappings[0].maps[2] = "ac-13 → 5.18": map cites a control the catalog does not hold or holds as withdrawn: mini:5/ac-13 is withdrawn (incorporated into ac-2)`)
	assert.Contains(t, msg, `mapping-collection.mappings[0].maps[3] = "ac-99 → 5.18"`)
	assert.Len(t, errorsOf(err), 5)
}

func TestImportRealWorldMappingsUnbound(t *testing.T) {
	cat, _, miniRep, mc := realWorld(t)
	// Without --bind the Annex A resource names no framework.
	_, _, err := ImportMappings("map.json", mc, WithCatalog(cat), WithCatalogFile("sp800-53-mini.oscal.json", miniRep.UUID, "mini:5"))
	require.ErrorIs(t, err, ErrUnbound)
	assert.Equal(t, `map.json: mapping-collection.mappings[0].target-resource.href = "#9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f": resource bound to no framework: #9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f ("ISO/IEC 27001:2022 Annex A") names no framework of the catalog; load its catalog (--catalog FILE) or bind it: --bind #9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f=FRAMEWORK`, err.Error())
	// Nor does the catalog's relative href without its file.
	_, _, err = ImportMappings("map.json", mc, WithCatalog(cat), WithResource("iso27001-annex-a.json", catalog.ISO27002v2022))
	require.ErrorIs(t, err, ErrUnbound)
	assert.Contains(t, err.Error(), "--bind ../catalogs/sp800-53-mini.oscal.json=FRAMEWORK")
	// The href as written binds too, to any framework.
	sets, _, err := ImportMappings("map.json", mc, WithCatalog(cat), WithResource("../catalogs/sp800-53-mini.oscal.json", "mini:5"), WithResource("#9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f", catalog.ISO27002v2022))
	require.NoError(t, err)
	assert.Len(t, sets[0].Edges, 3)
}

func errorsOf(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
