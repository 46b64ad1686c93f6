package mappings_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestSetIsIdentity(t *testing.T) {
	e := func(from, to string, r mappings.Relationship) mappings.Edge {
		return mappings.Edge{From: catalog.NewRef("v:1", from), To: catalog.NewRef("v:2", to), Relationship: r}
	}
	s := mappings.Set{From: "v:1", To: "v:2", Kind: mappings.Succession, Edges: []mappings.Edge{e("1", "1", mappings.Equal), e("2", "2", mappings.Equal)}}
	assert.True(t, s.IsIdentity())
	for name, mod := range map[string]func(*mappings.Set){
		"a crosswalk":      func(s *mappings.Set) { s.Kind = mappings.Crosswalk },
		"no edges":         func(s *mappings.Set) { s.Edges = nil },
		"an ID that moves": func(s *mappings.Set) { s.Edges[1] = e("2", "3", mappings.Equal) },
		"not equal":        func(s *mappings.Set) { s.Edges[0] = e("1", "1", mappings.SubsetOf) },
	} {
		c := s.Clone()
		mod(&c)
		assert.False(t, c.IsIdentity(), name)
	}
	if mappings.HasCIS() {
		v8, _ := mappings.EmbeddedSet(mappings.SetCIS8ToCIS81)
		assert.True(t, v8.IsIdentity(), "CIS v8 → v8.1")
	}
	iso, _ := mappings.EmbeddedSet(mappings.SetISO2013ToISO2022)
	assert.False(t, iso.IsIdentity(), "ISO/IEC 27002 2013 → 2022 renumbers")
}
