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
// Every query that joins two controls answers with the same type, [Link]: "From
// Relationship To", with its [Basis] (published, succession, ancestor, derived), the
// titles of both ends, its sources, and the path of a derived link.
//
// [Crosswalk.Map] returns the published mappings of a control to another framework,
// then those an identity succession carries (labelled with [BasisSuccession]: CIS
// v8's published edges for a CIS v8.1 safeguard), then, with [WithDerived], derived
// ones: paths through a third framework whose relationship is composed with
// [mappings.Compose] and which are labelled derived with their path and their number
// of routes. A CSF subcategory that has no mapping of its own answers with its
// category's (or function's), basis ancestor with [Link.Ancestor] naming it: "mapped
// at category level".
//
// # Coverage
//
// [Crosswalk.Gap] rates each target item (see [catalog.Framework.ItemKinds]: CSF
// subcategories, CIS safeguards) from the statuses of the baseline controls that
// reach it. The baseline is the assessed framework; an ISMS baseline
// (ISO/IEC 27001:2022) is its clauses and its Annex A controls. A baseline control
// reaches an item ([Link.Basis]):
//
//   - published: a published edge between them, either direction, read "control R
//     item";
//   - succession: a published edge of the item's same-ID twin in an identity
//     succession (a succession set whose every edge is equal between controls of the
//     same ID: CIS v8 → v8.1), carried across as a published edge and labelled "via
//     cis:8 (succession)"; a note on the result says so;
//   - ancestor: an edge published at an ancestor of the item (a CSF category or
//     function). It is listed as context ("mapped at category level") and never
//     counts: NIST's informative references say "none" for some subcategories whose
//     category they map, and the item must stay unreached;
//   - derived, only with [WithDerived] and only for an item no published (or
//     succession) edge reaches: a path of published edges through other frameworks.
//     Derived paths never add to, or change, an item a published edge reaches.
//
// The policy ([Auto] by default, [Strict], [Referenced]) decides the coverage from
// the reaches that count, ignoring not-applicable controls:
//
//	reaches that count                rule               covered when                           partial when
//	--------------------------------  -----------------  -------------------------------------  ------------------------------------
//	Auto: only set-theory edges       strict             an implemented control is equal to it  not covered, and some reaching
//	(equal, subset-of, superset-of,                      or a superset of it                     control is implemented or partial
//	intersects-with)
//	Auto: only related edges          referenced         every applicable reaching control is   not covered, and some is
//	(informative references)                             implemented                            implemented or partial
//	Auto: both kinds                  strict+referenced  the strict rule covers it through its  not covered, and some reaching
//	                                                     set-theory edges, or every control of  control is implemented or partial
//	                                                     its related edges is implemented
//	Strict: every edge                strict             as above                               as above
//	Referenced: every edge            referenced         as above                               as above
//	any policy, only derived reaches  derived            never: an inference, not a fact        some reaching control is
//	                                                                                            implemented or partial
//
// Otherwise the item is a gap. Further: an item no control reaches is unreached — a
// gap of the baseline itself, listed apart in [GapResult.Unreached]; an item every
// reaching control of which is not applicable is not applicable; a partially
// implemented control gives at most partial; planned, not-implemented and
// not-assessed controls give none (a plan is not a control in place), and the
// controls an assessment does not rate are listed in [GapResult.NotAssessed]. Every
// item names the rule that decided it ([GapItem.Rule]); every report names the
// policy. The summary's percentages are of the applicable items (total − not
// applicable), each rounded half up to one decimal on its own, as a reader checks
// them (38 of 56 is 67.9 %): the parts need not add up to exactly 100.0; a part
// short of the whole is at most 99.9 and a part above nothing at least 0.1. When
// nothing is applicable the percentages measure nothing ([Summary.Measurable]): null
// in JSON, "n/a" in reports, never 0 %.
// [Crosswalk.Recommend] ranks the controls to implement next;
// [Crosswalk.Requirements] answers the reverse question, which baseline controls a
// target scope needs.
//
// # Derived paths
//
// A derived mapping composes two publishers' claims: it is an inference. Three rules
// keep it honest. Composition says only what it proves: superset∘subset and the like
// show an overlap, not IR 8477's intersects-with, and compose to related
// ([mappings.Compose]). A derived reach gives at most partial coverage. And derived
// results are ranked by their number of independent routes — distinct sequences of
// the framework families a path passes through, the publications the evidence rests
// on (fifty paths through fifty SP 800-53 controls are one route; a path through CIS
// and one through NIS2 are two) — then by the number of distinct paths (a control and
// its identity twin, CIS v8 and v8.1, read as one), composed relationship, fewer hops
// and document order; [WithMinRoutes] keeps those with enough routes. The search keeps per target only its best path, its route count and
// [MaxAlternatives] other paths, and examines at most [DerivedSearchBudget] edges,
// saying so when it stops there ([Link.Cut], [GapResult.SearchCut]).
//
// How far can they be trusted? TestLeaveOneOut hides one published set, derives its
// pairs from the other embedded sets, and counts how many derived mappings the hidden
// set publishes (precision) and how many of its pairs they find (recall). Measured on
// the embedded data (testdata/leave-one-out.md, produced by the test):
//
//	| hidden set | max hops | min routes | derived mappings | of them published | precision | recall |
//	|---|---|---|---|---|---|---|
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | 1 | 1030 | 161 | 0.16 | 0.55 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | 2 | 227 | 78 | 0.34 | 0.27 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | 3 | 31 | 24 | 0.77 | 0.08 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | 4 | 0 | 0 | 0.00 | 0.00 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | one route, through cis | 31 | 1 | 0.03 | |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | one route, through nis2 | 286 | 22 | 0.08 | |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2 | one route, through sp800-53 | 486 | 60 | 0.12 | |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 3 | 1 | 1275 | 203 | 0.16 | 0.70 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 3 | 2 | 363 | 132 | 0.36 | 0.45 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 3 | 3 | 110 | 67 | 0.61 | 0.23 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 3 | 4 | 35 | 28 | 0.80 | 0.10 |
//	| NIST CSF 2.0 → ISO/IEC 27001:2022 Annex A (NIST) | 2–3 | top 203 by routes / by hops | | | 0.42 / 0.14 | |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | 1 | 184 | 50 | 0.27 | 0.25 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | 2 | 0 | 0 | 0.00 | 0.00 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | 3 | 0 | 0 | 0.00 | 0.00 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | 4 | 0 | 0 | 0.00 | 0.00 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | one route, through cis | 11 | 2 | 0.18 | |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2 | one route, through nist-csf | 173 | 48 | 0.28 | |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 3 | 1 | 1166 | 125 | 0.11 | 0.63 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 3 | 2 | 223 | 58 | 0.26 | 0.29 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 3 | 3 | 68 | 33 | 0.49 | 0.17 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 3 | 4 | 0 | 0 | 0.00 | 0.00 |
//	| CIS Controls v8 → ISO/IEC 27002:2022 (CIS) | 2–3 | top 125 by routes / by hops | | | 0.33 / 0.22 | |
//
// Read it plainly: with one route, derived mappings are mostly wrong (at two hops a
// single route through SP 800-53 is right 12 % of the time, through NIS2 8 %: both
// map broadly); every further independent route raises precision steeply (three
// routes at two hops: 0.77) and cuts recall. Ranking by routes beats ranking by hops.
// No setting reaches a precision of 0.6 at a recall of 0.85 on these data: derived
// mappings are leads for an analyst, ranked by how much independent evidence they
// have, never evidence themselves — which is why they never count as covered.
//
// # Posture and overlap
//
// [Crosswalk.Posture] measures one assessment against several targets at once (by
// default the newest framework of every family but the baseline's), with a row per
// CIS implementation group and SP 800-53B baseline ([WithProfile]); every row equals
// the [Crosswalk.Gap] of its target alone, and the recommendations are chosen over all
// targets together. [Crosswalk.Overlap] needs no assessment: for every ordered pair of
// frameworks, how many of the second's items the published mappings reach from the
// first's (and, with [WithDerived], derived paths), out of how many, and which are not
// reached.
//
// # Assessments
//
// An [Assessment] rates the controls of the baseline ([ReadAssessmentCSV],
// [ReadAssessmentJSON], [NewAssessment]); every problem in a file is reported with
// its line or record, field and value.
package crosswalk
