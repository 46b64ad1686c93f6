// Package report renders the results of package crosswalk for people and
// programs: gap analyses ([crosswalk.GapResult]), Statements of Applicability
// ([crosswalk.SoA]), map answers ([MapResult]), migrations
// ([crosswalk.Migration]), the command line's listings ([ControlList],
// [ControlView], the frameworks) and pictures of a crosswalk ([crosswalk.Link]
// results and [mappings.Set] pairs). Every table goes through one engine, [Grid].
//
// # Formats
//
// Every result can be written as a terminal table, JSON (the CLI contract, through
// the project's codec) and Markdown, most as CSV; gap results, SoAs and postures
// also as a self-contained HTML page and an XLSX workbook; map answers and
// framework pairs as pictures, Mermaid or Graphviz DOT. [ParseFormat] reads a
// format name, and one dispatcher per result ([RenderGap], [RenderSoA],
// [RenderPosture], [RenderOverlap], [RenderMap], [RenderRequirements],
// [RenderRecommend], [RenderMigration], [RenderEdges], [RenderControlView],
// [RenderControls], [RenderFrameworks], [RenderSet]) calls the renderer of one
// format, so a command line needs one call per result:
//
//	f, err := report.ParseFormat("html")
//	...
//	err = report.RenderGap(w, res, f, report.Options{Catalog: cw.Catalog()})
//
// The renderers of one format are also exported on their own ([GapHTML],
// [SoAXLSX], [MapMermaid], ...).
//
// # What the package does not do
//
// The renderers only read results: every number a page shows is either in the
// result or computed in Go by a small, tested view-model function (the heat map's
// cells per CIS control and implementation group, say), never in a template.
// Output is deterministic: the same result and options give the same bytes (no
// timestamp unless [Options.Generated] carries one). User-supplied text — titles,
// justifications, notes — is escaped for the format it lands in. In CSV that
// includes formula injection: a cell that starts with '=', '+', '-', '@', a tab, a
// carriage return or an apostrophe is written with an apostrophe in front, so that a
// spreadsheet shows it as text (the project's CSV readers take that apostrophe off
// again); the XLSX workbooks write every cell as a typed value, never as a formula.
package report
