//go:build !nocis

package mappings_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestHasCIS(t *testing.T) {
	assert.True(t, mappings.HasCIS())
	assert.Len(t, mappings.Embedded(), 13)
}

// The reference README's coverage fact: CIS's mapping to ISO/IEC 27002:2022 reaches
// 59 distinct ISO controls, none of them physical (7.x).
func TestCISToISOCoverage(t *testing.T) {
	s, ok := mappings.EmbeddedSet(mappings.SetCIS8ToISO2022)
	require.True(t, ok)
	reached := map[string]bool{}
	for e := range s.All() {
		require.Equal(t, catalog.ISO27002v2022, e.To.Framework)
		reached[e.To.ID] = true
	}
	assert.Len(t, reached, 59)
	for id := range reached {
		assert.False(t, strings.HasPrefix(id, "7."), "physical control %s", id)
	}
}
