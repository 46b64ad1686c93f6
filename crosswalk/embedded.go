package crosswalk

import "github.com/controlgraph/controlgraph/mappings"

// embeddedSets returns the mapping sets [Default] is built from: a copy of the
// embedded sets ([mappings.Embedded]); [New] keeps what it needs.
func embeddedSets() []mappings.Set { return mappings.Embedded() }
