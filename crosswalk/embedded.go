package crosswalk

import (
	"github.com/controlgraph/controlgraph/internal/embedview"
	"github.com/controlgraph/controlgraph/mappings"
)

// embeddedSets returns the mapping sets [Default] is built from: the decoded embedded
// sets themselves, shared with package mappings and read-only ([New] copies what it
// keeps), so that Default spares the deep copy [mappings.Embedded] makes.
func embeddedSets() []mappings.Set { return embedview.MappingSets().([]mappings.Set) }
