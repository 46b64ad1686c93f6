package crosswalk

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// TestUnjoinedTarget: no published set joins ISO/IEC 27002:2022 and CSF 1.1 (NIST
// mapped 1.1 to ISO/IEC 27001:2013: nist-csf-1.1_to_iso27001-2013.csv) nor the
// 27001:2022 clauses (NIST and ENISA map to them, nobody from 27002). The result
// says so (NoPublishedMapping, a note), counts what --derived would reach, names the
// editions a published mapping joins, and calls the items not measurable, not gaps
// of the baseline; for iso27001:2022 it points at rating the clauses instead of at
// other editions.
func TestUnjoinedTarget(t *testing.T) {
	n11 := 0
	for _, r := range testref.ReadCSV(t, "frameworks", "nist-csf-1.1.csv") {
		if r["subcategory_id"] != "" {
			n11++
		}
	}
	require.Equal(t, 108, n11, "CSF 1.1 subcategories")
	cw := Default()
	small := readExample(t, "small-company.csv")
	res, err := cw.Gap(small, catalog.CSF11)
	require.NoError(t, err)
	assert.True(t, res.NoPublishedMapping)
	assert.Equal(t, n11, res.Summary.Unreached)
	der, err := cw.Gap(small, catalog.CSF11, WithDerived(DefaultMaxHops))
	require.NoError(t, err)
	assert.True(t, der.NoPublishedMapping, "derived paths are not published mappings")
	reached := der.Summary.Total - der.Summary.Unreached
	want := 105 // as the audit found with --derived
	if !catalog.HasCIS() {
		want = 104 // one path goes through CIS
	}
	assert.Equal(t, want, reached)
	n := strconv.Itoa(reached)
	assert.Equal(t, []string{"No published mapping joins iso27002:2022 and nist-csf:1.1: the 108 items of nist-csf:1.1 cannot be measured " +
		"with published mappings. They count as unreached, not as gaps of the baseline; --derived reaches " + n + " of them through other " +
		"frameworks (inference: partial at most). Published mappings join nist-csf:2.0 (another edition of the target) to this " +
		"baseline, and nist-csf:1.1 to iso27002:2013 (another edition of the baseline)."}, res.Notes)
	assert.Equal(t, []string{"No published mapping joins iso27002:2022 and nist-csf:1.1: the 108 items of nist-csf:1.1 cannot be measured " +
		"with published mappings. Derived paths through other frameworks reach " + n + " of them (inference: partial at most); the others " +
		"count as unreached, not as gaps of the baseline. Published mappings join nist-csf:2.0 (another edition of the target) to " +
		"this baseline, and nist-csf:1.1 to iso27002:2013 (another edition of the baseline)."}, der.Notes)

	// The JSON carries the flag and reads it back.
	b, err := codec.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"no_published_mapping":true`)
	var back GapResult
	require.NoError(t, back.UnmarshalJSON(b))
	assert.True(t, back.NoPublishedMapping)

	// The ISO/IEC 27001:2022 clauses: rate them, no edition to switch to.
	res, err = cw.Gap(small, catalog.ISO27001v2022)
	require.NoError(t, err)
	assert.True(t, res.NoPublishedMapping)
	require.Len(t, res.Notes, 1)
	assert.Contains(t, res.Notes[0], "the 30 items of iso27001:2022 cannot be measured with published mappings.")
	assert.Contains(t, res.Notes[0], " The items of iso27001:2022 are its own controls (management-system clauses): an assessment with --baseline iso27001:2022 rates them.")
	assert.NotContains(t, res.Notes[0], "edition")

	// Joined targets have no such flag, and no such note.
	res, err = cw.Gap(small, catalog.CSF20)
	require.NoError(t, err)
	assert.False(t, res.NoPublishedMapping)
	b, err = codec.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "no_published_mapping")
}
