package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// TestOverlapCarried: NIST's CSF 2.0 references reach 48 distinct CIS v8.0
// safeguards (the v8.0 rows of nist-csf-2.0_to_cis-controls.csv, subcategory or
// category level, whatever the CSF element), and its v8.1 rows one more, 5.6, which
// the v8.1 → v8 identity succession carries back to v8 (as gap and map count it).
// The overlap counts 49 and says that 1 of them only a carried edge reaches.
func TestOverlapCarried(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	v80, v81 := map[string]bool{}, map[string]bool{}
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_cis-controls.csv") {
		if r["cis_version"] == "8.0" {
			v80[r["cis_id"]] = true
		} else {
			v81[r["cis_id"]] = true
		}
	}
	only81 := 0
	for id := range v81 {
		if !v80[id] {
			only81++
		}
	}
	require.Equal(t, 48, len(v80), "hand count")
	require.Equal(t, 1, only81, "5.6 only in the v8.1 column")
	require.True(t, v81["5.6"])

	o, err := Default().Overlap([]catalog.FrameworkID{catalog.CSF20, catalog.CIS8, catalog.ISO27002v2022})
	require.NoError(t, err)
	got := map[[2]catalog.FrameworkID]OverlapPair{}
	for _, p := range o.Pairs {
		got[[2]catalog.FrameworkID{p.From, p.To}] = p
	}
	p := got[[2]catalog.FrameworkID{catalog.CSF20, catalog.CIS8}]
	assert.Equal(t, 48+only81, p.Published)
	assert.Equal(t, only81, p.Carried)
	assert.NotContains(t, p.Unreached, "5.6")
	// CIS published its ISO mapping for v8 itself: nothing carried there.
	assert.Zero(t, got[[2]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CIS8}].Carried)
	assert.Equal(t, 127, got[[2]catalog.FrameworkID{catalog.ISO27002v2022, catalog.CIS8}].Published)
}
