// Package oscal reads and writes NIST OSCAL documents: catalogs (OSCAL 1.1 and 1.2
// alike) and the mapping-collection model that OSCAL 1.2 introduced, so that the
// frameworks and mapping sets of this project can be handed to GRC tools, and
// frameworks and crosswalks from elsewhere can be loaded beside the embedded ones.
//
// # Catalogs
//
// [ExportCatalog] writes a [catalog.Framework] as an OSCAL 1.2.2 catalog:
//
//   - The hierarchy: when every root node of the framework has children, the roots
//     become groups and everything below them nested controls (ISO/IEC 27002 themes,
//     NIST CSF functions, CIS controls, ISO/IEC 27001 clauses 4 to 10 are groups; CSF
//     categories hold their subcategories as controls, which is how NIST's own CSF
//     catalog is built). Otherwise every node is a control, nested under its parent.
//   - Each node: id = [EncodeID] of its ID (OSCAL ids are tokens, so "5.1" is written
//     "_5.1"), class = its kind, title = its title, a "label" prop with the ID as
//     people write it, a "sort-id" prop with its position in the framework's document
//     order, one prop per attribute value in the namespace [Namespace], and the
//     summary, when there is one, as the prose of a part named "statement".
//   - metadata: title = framework name, version, oscal-version [OSCALVersion],
//     last-modified (fixed, see [WithLastModified]), the publisher as a party in the
//     role "publisher", props in [Namespace] for the framework ID, aliases, annex,
//     qualified-only flag and item kinds (one item-kind prop per kind), and remarks
//     naming the source and licence; back-matter holds
//     the source and licence again as resources.
//   - UUIDs are version 5 (name-based, [UUID]), so the same data gives the same bytes.
//
// [ImportCatalog] reads any OSCAL 1.x catalog. Groups and controls become nodes with
// the group or control as parent, class becomes the kind, and a statement part becomes
// the summary; when a control's title is only its ID (NIST's CSF subcategories) the
// statement is its title instead, which matches the embedded CSF 2.0. Every OSCAL
// control at every depth is an item of a gap analysis ([catalog.Framework.ItemKinds]
// names the kinds of controls, not of groups): an SP 800-53 base control is a
// requirement as much as its enhancements. Nodes with the prop status=withdrawn,
// and their descendants, are kept, marked with [catalog.AttrStatus] =
// [catalog.StatusWithdrawn] (so that mappings citing them resolve, and are reported
// as citing withdrawn controls) and are never items; the [ImportReport] lists them,
// and counts links, other parts and back-matter. Parameters inserted into a
// statement are rendered as NIST prints them ("[Assignment: organization-defined
// frequency]"), and OSCAL labels ("AC-2(1)") are kept in the attribute [AttrLabel];
// [catalog.Catalog.ParseRef] finds a control by any spelling of its label. Documents
// this package wrote (their metadata names the framework in [Namespace]) come back
// exactly: export → import → export gives the same bytes.
//
// # Mapping collections
//
// [ExportMappings] writes mapping sets as one OSCAL 1.2 mapping-collection with one
// mapping per set. Each edge is a map whose relationship is the OSCAL token of
// [mappings.Relationship.OSCAL]: equal-to, subset-of, superset-of, intersects-with,
// no-relationship. OSCAL has no word for [mappings.Related] (a link the source does
// not characterise, as in NIST's informative references); it is written as
// intersects-with with a prop relationship=related in [Namespace], and read back as
// Related. A tool that ignores the prop sees the closest OSCAL token: the two share
// something, with no claim of equality or containment. (intersects-with does say a
// little more than "related": neither side contains the other; the prop is what
// keeps the weaker claim.) A stated matching rationale goes into the
// map's matching-rationale; the edge's note into its remarks; strength, label,
// misprint, repeat count and a source other than the set's into props in
// [Namespace]. A source or target that is a control of another framework than the
// mapping's (an ISO/IEC 27002:2022 control cited as Annex A of ISO/IEC 27001:2022)
// carries a prop framework naming it. The set's statements (an element for which the
// source lists no reference, or "all controls") are props of the mapping, one prop
// group per statement. Each mapping names its catalogs and its source document
// (title, publisher, licence, URL) in back-matter, and source-gap-summary and
// target-gap-summary list the controls of the two frameworks that no edge of the set
// touches. The provenance must name one matching rationale for the whole collection;
// the sources do not, so it says "semantic" and its remarks say why. [ImportMappings]
// reads it all back; prop values OSCAL cannot hold (white space at either end, line
// breaks) are kept in the prop's remarks, so nothing is lost.
//
// # Strictness
//
// OSCAL documents from elsewhere carry much this package has no use for (links,
// assessment parts, parties' addresses), later OSCAL versions add fields, and
// publishers add their own. So the import decodes the JSON through the project's
// codec into plain values and then walks only what it needs, checking it against
// the OSCAL model itself. It is liberal by default and strict on request:
//
//   - A member the OSCAL model does not define for an object the import reads
//     (catalog, group, control, part, prop, mapping, map, mapping item; an extra
//     provenance field, or a typo such as "contols") is ignored and its JSON path
//     listed in [ImportReport.Unknown]; under [WithStrict] it is an error wrapping
//     [ErrUnknownField].
//   - With [WithCatalog], a map citing a control the catalog does not hold, or holds
//     as withdrawn, is skipped and listed in [ImportReport.Skipped]; under
//     [WithStrict] it is an error wrapping [ErrCitesUnknown].
//   - A mapping's source-resource or target-resource must name a framework: by
//     [WithResource] (a third party's href, bound to any framework), by the file
//     name or uuid of a catalog given with [WithCatalogFile], or by the document's
//     own props. With [WithCatalog], one that nothing binds to a framework of the
//     catalog is an error wrapping [ErrUnbound] that names the href.
//
// Wrong JSON types and missing required members are always errors. Each problem is
// a [*catalog.DataError] with the JSON path as its Record
// ("catalog.groups[2].controls[5].id") and the value, cut to a readable length; one import reports at most 50. Subtrees the import skips
// (links, back-matter resources, parties) are counted, not checked, and params are
// read only to render them. [ImportReport.Summary] says in one line what an import
// did, [ImportReport.Warnings] in a few short lines, [ImportReport.Details] entry by
// entry. Arbitrary input never makes the import panic.
package oscal

// Namespace is the OSCAL namespace of the props this package writes: framework
// metadata, attributes of controls, and the details of mapping edges.
const Namespace = "https://github.com/controlgraph/controlgraph/ns/oscal"

// OSCALVersion is the OSCAL version written into every exported document.
const OSCALVersion = "1.2.2"
