// Package embedview lets package crosswalk read the decoded embedded mapping sets of
// package mappings without the deep copy that mappings.Embedded makes for callers:
// crosswalk.Default builds its indexes from them and keeps no reference to them.
//
// This package cannot import mappings (mappings registers itself here), so the sets
// travel as a value of type []mappings.Set behind an any. Whoever reads them must not
// modify them or hand them out.
package embedview

// MappingSets returns the decoded embedded mapping sets, a []mappings.Set, shared and
// read-only. Package mappings sets it when it is initialised; it is nil before.
var MappingSets func() any
