package crosswalk

import (
	"maps"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/mappings"
)

// The tests of this file hold Map on the embedded data against the reference files
// themselves, row by row: every published edge of the file, and nothing else, is a
// published link of Map, read from the queried control.

// TestMapISOToCISMatchesReference: for every ISO/IEC 27002:2022 control, the published
// links of Map to CIS v8 are the rows of CIS's workbook naming it, read backwards
// ("CIS 1.1 subset-of ISO 8.8" is "ISO 8.8 superset-of CIS 1.1", inverse).
func TestMapISOToCISMatchesReference(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	rows := testref.ReadCSV(t, "mappings", "cis-controls-v8_to_iso27002-2022.csv")
	want := map[string]map[string]mappings.Relationship{} // ISO id → CIS id → read ISO R CIS
	for _, r := range rows {
		rel, err := mappings.ParseRelationship(r["relationship"])
		require.NoError(t, err, r)
		if want[r["iso27002_2022"]] == nil {
			want[r["iso27002_2022"]] = map[string]mappings.Relationship{}
		}
		want[r["iso27002_2022"]][r["cis_id"]] = rel.Inverse() // the duplicate 15.2 → 5.10 is one edge
	}
	require.Len(t, want["8.8"], 22, "hand count of the rows naming ISO 8.8")

	cw := Default()
	for _, iso := range testref.ReadCSV(t, "frameworks", "iso27002-2022.csv") {
		id := iso["id"]
		links, err := cw.Map(ref(catalog.ISO27002v2022, id), catalog.CIS8)
		require.NoError(t, err, id)
		got := map[string]mappings.Relationship{}
		for _, l := range links {
			require.Equal(t, BasisPublished, l.Basis, "%s: no derived link without WithDerived", l)
			assert.True(t, l.Inverse, "%s: CIS publishes from its side", l)
			assert.Equal(t, ref(catalog.ISO27002v2022, id), l.From)
			assert.Equal(t, iso["title"], l.FromTitle)
			assert.Equal(t, []string{"cis-v8-iso27001-2022-workbook"}, l.Sources, l.String())
			got[l.To.ID] = l.Relationship
		}
		assert.Equal(t, len(want[id]), len(links), "%s: one link per safeguard", id)
		if len(want[id]) == 0 {
			assert.Empty(t, got, id)
			continue
		}
		assert.Equal(t, want[id], got, id)
	}
}

// TestMapCSFToISOMatchesReference: a CSF 2.0 subcategory with Annex A references of
// its own maps to exactly those ISO/IEC 27002:2022 controls, related (NIST publishes
// informative references); one with none answers with its ancestors' references,
// each labelled with the ancestor ("mapped at category level").
func TestMapCSFToISOMatchesReference(t *testing.T) {
	own := map[string][]string{} // CSF element → its Annex A controls
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		if r["iso_kind"] == "annex_a" {
			own[r["csf_id"]] = append(own[r["csf_id"]], r["iso_id"])
		}
	}
	require.Len(t, own, 122, "CSF elements with Annex A references, counted by hand in the file")
	cw := Default()
	cat := cw.Catalog()
	checked := 0
	for _, r := range testref.ReadCSV(t, "frameworks", "nist-csf-2.0.csv") {
		sub := r["subcategory_id"]
		if sub == "" {
			continue
		}
		links, err := cw.Map(ref(catalog.CSF20, sub), catalog.ISO27002v2022)
		require.NoError(t, err, sub)
		var gotIDs []string
		for _, l := range links {
			assert.Equal(t, mappings.Related, l.Relationship, l.String())
			assert.Equal(t, ref(catalog.CSF20, sub), l.From)
			gotIDs = append(gotIDs, l.To.ID)
		}
		// With no references of its own, the subcategory answers with those of every
		// ancestor, each labelled with the nearest ancestor that publishes it
		// (GV.OC-01: 5.20 and 5.31 at GV.OC, 5.1 at GV).
		wantIDs, at := own[sub], map[string]catalog.Ref{}
		if len(wantIDs) == 0 {
			for p := range cat.Ancestors(ref(catalog.CSF20, sub)) {
				for _, id := range own[p.Ref.ID] {
					if _, ok := at[id]; !ok {
						at[id] = p.Ref
						wantIDs = append(wantIDs, id)
					}
				}
			}
		}
		assert.Equal(t, sortedSet(wantIDs), sortedSet(gotIDs), sub)
		assert.Len(t, gotIDs, len(sortedSet(gotIDs)), "%s: one link per ISO control", sub)
		for _, l := range links {
			if anc, ok := at[l.To.ID]; ok {
				assert.Equal(t, BasisAncestor, l.Basis, l.String())
				assert.Equal(t, anc, l.Ancestor, l.String())
				assert.False(t, l.Published(), l.String())
			} else {
				assert.Equal(t, BasisPublished, l.Basis, l.String())
				assert.True(t, l.Ancestor.IsZero(), l.String())
				assert.Equal(t, []string{"nist-cprt-csf-2.0-iso27001-2022"}, l.Sources, l.String())
			}
		}
		checked++
	}
	assert.Equal(t, 106, checked, "every CSF 2.0 subcategory")
}

// sortedSet returns the distinct strings of s, sorted.
func sortedSet(s []string) []string {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	out := slices.Collect(maps.Keys(m))
	sort.Strings(out)
	return out
}
