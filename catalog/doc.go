// Package catalog holds security frameworks as data: their controls, hierarchy and
// attributes, and the references that name them.
//
// # Frameworks
//
// The embedded frameworks are ISO/IEC 27002:2022 ([ISO27002v2022]: 93 controls in four
// themes, with the five attribute types of its Annex A), ISO/IEC 27001:2022
// ([ISO27001v2022]: clauses 4 to 10; its Annex A is the 93 ISO/IEC 27002:2022 controls),
// ISO/IEC 27002:2013 ([ISO27002v2013]: the 114 legacy controls), NIST CSF 2.0 ([CSF20])
// and 1.1 ([CSF11]), the Annex of the NIS2 Implementing Regulation (EU) 2024/2690
// ([NIS2v2024]), NIST SP 800-53 Rev. 5 ([SP80053v5]: controls and enhancements with their
// SP 800-53B baselines), and the CIS Critical Security Controls v8 ([CIS8]) and v8.1
// ([CIS81]). [Default] returns them, immutable: they are compiled in as generated Go
// tables, read in place, and a framework's controls are indexed on the first query that
// touches it, so the first use decodes nothing and does not grow with the number of
// frameworks. The CIS frameworks are left out of a build with the tag nocis (see the
// project's NOTICE).
//
// [New] builds a catalog from the caller's own frameworks, given as [Framework] values
// or read with [ReadJSON] and [ReadCSV]; the embedded ones can be added beside them with
// [Embedded].
//
// # References
//
// A [Ref] names one control: a framework and an ID. [ParseRef] and [Catalog.ParseRef]
// accept the spellings people type ("5.1", "A.5.1", "ISO27002:5.1", "gv.oc-1",
// "CIS 4.1", "A.12.4.1"), and report input that could mean several controls as
// ambiguous instead of guessing.
//
// # Order
//
// Every sequence the package returns is in document order: frameworks in the order
// they were given (the embedded ones in the order of the constants), controls in the
// order of their source document, so 5.2 comes before 5.10 and CSF's Govern function
// before Identify.
package catalog
