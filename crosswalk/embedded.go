package crosswalk

import "github.com/controlgraph/controlgraph/mappings"

// embeddedSets returns the mapping sets [Default] is built from.
func embeddedSets() []mappings.Set { return mappings.Embedded() }
