// Package crosswalk answers questions across frameworks: what a control maps to, and
// what an assessed baseline (ISO/IEC 27002:2022 by default) gives against a target
// framework such as NIST CSF 2.0 or the CIS Controls.
//
// # The graph
//
// A [Crosswalk] is built once, by [New] from a catalog and mapping sets or by
// [Default] from the embedded data, and never changes afterwards; it is safe for
// concurrent use. Its vertices are every node of the catalog (themes, functions,
// categories, controls, safeguards), joined by hierarchy edges and by the mapping
// edges in both directions: an edge published A R B is also walked from B as
// B R' A with R' the inverse relationship, and says so (Inverse). The structure lives
// in a github.com/dominikbraun/graph graph (vertices hashed by a dense node index,
// kept in a compact store of the package's own); every query reads adjacency lists
// the crosswalk computes once, sorted in document order, so answers are
// deterministic and cheap. The baseline-to-target reach tables of gap queries are
// computed on first use and kept. Nothing a query returns shares memory with the
// crosswalk.
//
// # Map
//
// [Crosswalk.Map] returns the published mappings of a control to another framework,
// then, with [WithDerived], derived ones: paths through a third framework whose
// relationship is composed with [mappings.Compose] and which are labelled Derived with
// their path. A CSF subcategory that has no mapping of its own answers with its
// category's (or function's), marked ViaParent: "mapped at category level".
//
// # Coverage
//
// [Crosswalk.Gap] rates each target item — each leaf of the target framework: CSF
// subcategories, CIS safeguards — from the statuses of the baseline controls that
// reach it. A baseline control reaches an item through a published edge between them
// (either direction, read "control R item"); with [WithDerived], also through a path
// of edges through other frameworks, labelled derived, when it does not reach the item
// directly. Edges to controls of other frameworks, such as the management-system
// clauses of ISO/IEC 27001, do not count. An edge published at an ancestor of the item
// (a CSF category or function) applies to that ancestor, not to the item: when the
// item has no mapping of its own, such edges are listed with it, labelled ViaParent
// ("mapped at category level"), as context, and they do not count for its coverage — NIST's informative references say "none" for
// some subcategories whose category they map, and the item must stay unreached.
//
//   - unreached: no baseline control reaches the item — a gap of the baseline itself,
//     listed apart in [GapResult.Unreached];
//   - not-applicable: every control reaching it is not applicable;
//   - otherwise, ignoring not-applicable controls, with policy [Strict] (the default):
//     covered when an implemented control reaches it (not through a parent) as equal
//     or superset-of; with [Referenced]: covered when every control reaching it (not
//     through a parent; at least one) is implemented;
//   - partial when not covered but some reaching control is implemented or partial;
//   - gap otherwise.
//
// Partially implemented controls thus give at most partial coverage. Planned,
// not-implemented and not-assessed controls give none (a plan is not a control in
// place); the controls an assessment does not rate are listed in
// [GapResult.NotAssessed]. The summary's percentages are of the applicable items
// (total − not applicable), in tenths rounded by largest remainder so that they add
// up to exactly 100. [Crosswalk.Recommend] ranks the controls to implement next;
// [Crosswalk.Requirements] answers the reverse question, which baseline controls a
// target scope needs.
//
// # Assessments
//
// An [Assessment] rates the controls of the baseline ([ReadAssessmentCSV],
// [ReadAssessmentJSON], [NewAssessment]); every problem in a file is reported with
// its line or record, field and value.
package crosswalk
