// Package mappings holds mapping sets between frameworks: edges that a published
// source draws between controls, each with its NIST IR 8477 relationship and its
// provenance.
//
// # Relationships
//
// A [Relationship] is read "source R target": [Equal], [SubsetOf], [SupersetOf],
// [IntersectsWith], [NotRelatedTo], and [Related] for a link the source does not
// characterise (NIST publishes CSF informative references that way). Every edge can be
// walked backwards with [Edge.Inverse]; [Compose] gives the relationship of a path of
// two edges.
//
// # Sets
//
// A [Set] is the edges of one source between two frameworks, with the [Source] named
// on the set and on every edge.
package mappings
