//go:build nocis

package mappings_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/mappings"
)

// TestNoCIS: built with -tags nocis, no CIS mapping set and no CIS ref is embedded.
func TestNoCIS(t *testing.T) {
	assert.False(t, mappings.HasCIS())
	sets := mappings.Embedded()
	assert.Len(t, sets, 8)
	for _, s := range sets {
		assert.NotEqual(t, "cis", s.From.Family(), s.ID)
		assert.NotEqual(t, "cis", s.To.Family(), s.ID)
		for _, e := range s.Edges {
			assert.False(t, strings.HasPrefix(string(e.From.Framework), "cis") || strings.HasPrefix(string(e.To.Framework), "cis"), "%s: %s → %s", s.ID, e.From, e.To)
		}
	}
	for _, id := range []string{mappings.SetCSF20ToCIS8, mappings.SetCSF20ToCIS81, mappings.SetCIS8ToISO2022, mappings.SetCIS8ToCSF11, mappings.SetCIS8ToCIS81} {
		_, ok := mappings.EmbeddedSet(id)
		assert.False(t, ok, id)
	}
}
