// Package mappings holds mapping sets between frameworks: edges that a published
// source draws between controls, each with its NIST IR 8477 relationship and its
// provenance, plus what sources state instead of an edge.
//
// # Relationships
//
// A [Relationship] is read "source R target": [Equal], [SubsetOf], [SupersetOf],
// [IntersectsWith], [NotRelatedTo], and [Related] for a link the source does not
// characterise (NIST publishes CSF informative references that way). Every edge can be
// walked backwards with [Edge.Inverse]; [Compose] gives the relationship of a path of
// two edges. [ParseRelationship] reads the IR 8477, OSCAL 1.2 and CISO Assistant/SCF
// spellings; [Relationship.OSCAL] and [Relationship.SCF] write them.
//
// # Sets
//
// A [Set] is the edges of one source between two frameworks, with the [Source] named
// on the set and on every edge. Its Kind says whether it crosses frameworks
// ([Crosswalk]) or leads from an edition to its successor ([Succession]). Where a
// source states something about an element instead of listing edges — NIST's "none"
// (no ISO reference for GV.OC-05's clauses), an empty cell, "All applicable
// controls", a reference to an ISO/IEC 27001:2013 clause (no framework here) — the set
// keeps a [Statement], so that a query can say so.
//
// # Embedded data
//
// [Embedded] returns the sets generated from the project's reference data (one per
// reference file; the CSF 2.0 → CIS file gives one set per CIS version; and a
// succession CIS v8 → v8.1 on their shared numbering). [Sets] and [EmbeddedSet] find
// them; the Set... constants are their IDs. The CIS sets are CIS content under CC
// BY-NC-ND 4.0 (see data/cis/LICENSE) and are left out of builds with -tags nocis
// ([HasCIS]).
//
// Source quirks are kept as published and made visible, never silently rewritten:
// NIST's clause "6.11" and "6.13" become edges to 6.1.1 and 6.1.3 with Misprint set;
// "4.2(a)" becomes an edge to clause 4.2 whose Note names the list item; CSF 1.1 IDs
// the CSF 2.0 Reference Tool prints with two digits (ID.AM-06) point at the real 1.1
// control (ID.AM-6) with a Note; CSF 1.1's ", A.7.1.1" at PR.AC-6 is an edge to A.7.1.1
// and its "Clause 16.1.2" at RS.CO-3 a statement with the reading A.16.1.2 suggested,
// both with Misprint set; CIS's doubled 15.2 → 5.10 row is one edge with
// Repeats 1. [Validate] reports every Misprint and Repeats as a warning; a quirk
// kept only as a Note (a list item, a re-numbered ID) is not a problem and is not
// reported.
//
// # Your own sets
//
// [ReadJSON] reads a set object or the export document, [ReadCSV] a CSV of edges
// (from,to,relationship[,strength,rationale,source,label,note]); both are strict and
// name file, line or record, field and value of every problem. [Validate] checks a set
// against a catalog: dangling refs, duplicates, contradictions, unknown vocabulary,
// self-loops, edges outside the set's frameworks. [CheckCSV] and [CheckJSON] do both at
// once and list every problem of a file. Problems are [*catalog.DataError] values, the
// type every layer reports: one line each, the set and element in Record
// (`set "s": edge #3 (a → b)`), Warning set for a known quirk kept as published, and
// a kind to test with [errors.Is] ([ErrDanglingRef], [ErrDuplicateEdge], ...).
// [WriteJSON], [EncodeSet] and [WriteCSV] write sets back.
//
// All functions are safe for concurrent use; what they return is the caller's own copy.
package mappings
