package oscal

import (
	"cmp"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/controlgraph/controlgraph/catalog"
)

// ImportReport says what an import read and what it left out.
type ImportReport struct {
	File         string // the name given to the import
	Model        string // "catalog" or "mapping-collection"
	Title        string // metadata title
	Version      string // metadata version
	OSCALVersion string // metadata oscal-version as written ("1.1.2", "v1.2.2")
	// Ours is true for a document written by this package; it is read back exactly.
	Ours bool

	// Catalogs.
	Framework catalog.FrameworkID // ID of the imported framework
	Imported  []catalog.KindCount // nodes imported, per kind, in order of first appearance
	// Withdrawn are the nodes marked status=withdrawn and their descendants, in
	// document order: imported with [catalog.AttrStatus] = [catalog.StatusWithdrawn]
	// (so that references to them resolve), never items of a gap analysis.
	Withdrawn []Skipped
	// Skipped are what an import left out: for mapping collections, the maps that
	// cite a control the catalog does not hold or holds as withdrawn (see
	// [WithCatalog]), in document order.
	Skipped []Skipped
	Params  int // parameters seen; statements show them rendered, see [ImportCatalog]
	Links   int // links of groups and controls seen (not imported)
	Parts   int // parts other than the one read as statement (guidance, examples, ...)

	// Mapping collections.
	Sets  int // mappings read, one set each
	Edges int // maps read, one edge each
	Gaps  int // controls listed in gap summaries (recomputed, not imported)

	BackMatter int      // back-matter resources seen
	Notes      []string // other decisions worth a look, such as a class read as another kind
	// Unknown are the JSON paths of the fields outside the OSCAL model that a
	// lenient import ignored, in document order (an error under [WithStrict]).
	Unknown []string
	// UUID is the document's uuid, as written.
	UUID string
}

// Skipped is a node marked withdrawn, or a map an import left out.
type Skipped struct {
	Path   string       // JSON path, e.g. "catalog.groups[1].controls[1]"
	ID     string       // a node's id as imported; a map's sources and targets ("ac-2 → PR.AA-05")
	Kind   catalog.Kind // a node's kind; "map" for a map
	Reason string       // "withdrawn", "under withdrawn <id>", or why a map was skipped
}

// SkippedCount returns how many entries of [ImportReport.Skipped] are of kind k
// ("map" for maps); k == "" counts all.
func (r *ImportReport) SkippedCount(k catalog.Kind) int {
	return countKind(r.Skipped, k)
}

// WithdrawnCount returns how many nodes of kind k were marked withdrawn; k == ""
// counts all.
func (r *ImportReport) WithdrawnCount(k catalog.Kind) int {
	return countKind(r.Withdrawn, k)
}

func countKind(list []Skipped, k catalog.Kind) int {
	n := 0
	for _, s := range list {
		if k == "" || s.Kind == k {
			n++
		}
	}
	return n
}

// listedInWarnings is how many unknown fields or skipped maps a line of
// [ImportReport.Warnings] names before "and N more"; [ImportReport.Details] names all.
const listedInWarnings = 5

// Warnings returns one short line per kind of thing the import left out, ignored or
// changed, for a command to print; nil when nothing was. Lists (fields outside the
// OSCAL model, skipped maps) name their first few entries; [ImportReport.Details]
// has them all.
func (r *ImportReport) Warnings() []string {
	var out []string
	var counts []catalog.KindCount
	for _, s := range r.Withdrawn {
		i := slices.IndexFunc(counts, func(kc catalog.KindCount) bool { return kc.Kind == s.Kind })
		if i < 0 {
			counts = append(counts, catalog.KindCount{Kind: s.Kind})
			i = len(counts) - 1
		}
		counts[i].Count++
	}
	for _, kc := range counts {
		out = append(out, fmt.Sprintf("%d withdrawn %s node(s) kept and marked withdrawn (never gap items)", kc.Count, kc.Kind))
	}
	if n := len(r.Unknown); n > 0 {
		out = append(out, fmt.Sprintf("ignored %d field(s) outside the OSCAL model: %s", n, listFirst(r.Unknown, listedInWarnings, ", ")))
	}
	if n := len(r.Skipped); n > 0 {
		var first []string
		for _, s := range r.Skipped[:min(n, listedInWarnings)] {
			first = append(first, s.line())
		}
		more := ""
		if n > listedInWarnings {
			more = fmt.Sprintf("; and %d more", n-listedInWarnings)
		}
		out = append(out, fmt.Sprintf("skipped %d map(s) citing controls the catalog does not hold or holds as withdrawn: %s%s", n, strings.Join(first, "; "), more))
	}
	for _, x := range []struct {
		n    int
		what string
	}{{r.Links, "link(s)"}, {r.Parts, "part(s) other than statements"}, {r.BackMatter, "back-matter resource(s)"}, {r.Gaps, "gap-summary entr(ies), recomputed on export"}} {
		if x.n > 0 && !(r.Ours && x.what[0] == 'b') && !(r.Ours && x.what[0] == 'g') {
			out = append(out, fmt.Sprintf("ignored %d %s", x.n, x.what))
		}
	}
	return append(out, r.Notes...)
}

// Details returns one line per field outside the OSCAL model and per skipped map,
// every one of them (what [ImportReport.Warnings] cuts short).
func (r *ImportReport) Details() []string {
	var out []string
	for _, u := range r.Unknown {
		out = append(out, "field outside the OSCAL model ignored: "+u)
	}
	for _, s := range r.Skipped {
		out = append(out, "map skipped: "+s.line())
	}
	return out
}

// Summary returns one line saying what the import read and how many warnings
// [ImportReport.Warnings] has.
func (r *ImportReport) Summary() string {
	var b strings.Builder
	if r.File != "" {
		b.WriteString(r.File + ": ")
	}
	switch r.Model {
	case "catalog":
		n := 0
		for _, kc := range r.Imported {
			n += kc.Count
		}
		fmt.Fprintf(&b, "OSCAL catalog, framework %s with %d node(s)", r.Framework, n)
		if w := len(r.Withdrawn); w > 0 {
			fmt.Fprintf(&b, " (%d withdrawn)", w)
		}
	default:
		fmt.Fprintf(&b, "OSCAL mapping-collection, %d mapping set(s) with %d edge(s)", r.Sets, r.Edges)
		if n := len(r.Skipped); n > 0 {
			fmt.Fprintf(&b, ", %d map(s) skipped", n)
		}
	}
	if n := len(r.Unknown); n > 0 {
		fmt.Fprintf(&b, ", %d field(s) outside the OSCAL model ignored", n)
	}
	if n := len(r.Warnings()); n > 0 {
		fmt.Fprintf(&b, "; %d warning(s)", n)
	}
	return b.String()
}

func (s Skipped) line() string {
	if s.ID == "" {
		return s.Path + ": " + s.Reason
	}
	return fmt.Sprintf("%s (%s): %s", s.Path, clip(s.ID), s.Reason)
}

func (r *ImportReport) count(k catalog.Kind) {
	i := slices.IndexFunc(r.Imported, func(kc catalog.KindCount) bool { return kc.Kind == k })
	if i < 0 {
		r.Imported = append(r.Imported, catalog.KindCount{Kind: k})
		i = len(r.Imported) - 1
	}
	r.Imported[i].Count++
}

// ImportCatalog reads an OSCAL 1.x catalog (JSON) and returns it as a framework, with
// a report of what it left out; name is the file name used in errors. Documents
// written by [ExportCatalog] come back exactly as exported. For others:
//
//   - the framework ID is the one given with [WithFrameworkID], or else a short one
//     made from the metadata title and version, the same every time: the title's
//     acronyms and words with a digit (at most four), else its first three words,
//     then the version ("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT
//     BASELINE", "5.1.1+u4" → "nist-800-53-low-impact:5.1.1-u4"; "Electronic Version
//     of NIST Cybersecurity Framework 2.0", "1.2.0" → "nist-2.0:1.2.0");
//   - a group or control becomes a node whose parent is the enclosing group or control;
//     its class becomes the kind when it is a valid kind (lower-case letters, '-' and
//     '_'), otherwise "group", "control", or "enhancement" for a control inside a
//     control, with a note in the report;
//   - the statement part (or, lacking one, the overview part) becomes the summary,
//     with nested items on their own lines, prefixed by their label; when the title is
//     just the ID, as in NIST's CSF subcategories, the statement becomes the title;
//   - a statement's "{{ insert: param, ID }}" is rendered as NIST prints SP 800-53,
//     from the document's own params: "[Assignment: organization-defined frequency]"
//     (the param's label, or its guidelines), "[Selection (one or more): a; b]" (its
//     choices, each rendered in turn), or the values a profile set; no placeholder is
//     left in any text;
//   - OSCAL label props are kept in the attribute [AttrLabel] ("AC-2(1)"), the plain
//     label first; other props but OSCAL's sort-id and status become attributes
//     named after the prop;
//   - nodes with the prop status=withdrawn are skipped with their descendants and
//     listed in [ImportReport.Skipped];
//   - Source names the document (title, version, uuid, file), Licence stays empty.
//
// Problems are reported as [*catalog.DataError] values (joined with errors.Join
// when there are several), each naming the file, the JSON path and the value; the framework is also
// checked as [catalog.New] checks it.
func ImportCatalog(name string, data []byte, opts ...Option) (catalog.Framework, *ImportReport, error) {
	cfg := newConfig(opts)
	v, err := decodeDocument(name, data)
	if err != nil {
		return catalog.Framework{}, nil, err
	}
	r := &reader{p: problems{file: name}, strict: cfg.strict}
	root := r.object("", v, rootKeys)
	if root == nil {
		return catalog.Framework{}, nil, r.p.err()
	}
	cv, ok := root["catalog"]
	if !ok {
		return catalog.Framework{}, nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: want an OSCAL catalog, found %s", ErrWrongDocument, modelOf(root))}
	}
	im := &catalogImport{r: r, cfg: cfg, rep: &ImportReport{File: name, Model: "catalog"}, seen: map[string]string{}, controlKinds: map[catalog.Kind]bool{}}
	f := im.read(cv)
	im.rep.Unknown = r.unknown
	if err := r.p.err(); err != nil {
		return catalog.Framework{}, nil, err
	}
	check := f
	check.AnnexOf = "" // the annex framework is not part of this import
	if _, err := catalog.New(check); err != nil {
		return catalog.Framework{}, nil, fmt.Errorf("%s: the imported framework is not valid: %w", name, err)
	}
	return f, im.rep, nil
}

// modelOf names the OSCAL model of a root object, for errors.
func modelOf(root map[string]any) string {
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range root {
			if k != "$schema" && !yield(k) {
				return
			}
		}
	}) {
		return "an OSCAL " + k
	}
	return "no OSCAL model"
}

type catalogImport struct {
	r     *reader
	cfg   config
	rep   *ImportReport
	ours  bool
	specs []catalog.ControlSpec
	sort  []int // sort-id per spec, for documents of ours
	seen  map[string]string
	// classes not usable as kinds: class → kind used, count
	fallback map[[2]string]int
	groupsN  int
	// params by id, for rendering inserts; missing collects ids inserted but not defined.
	params  map[string]param
	missing map[string]bool
	// controlKinds are the kinds of the nodes read from OSCAL controls (not groups).
	controlKinds map[catalog.Kind]bool
}

func (im *catalogImport) read(cv any) catalog.Framework {
	r := im.r
	const path = "catalog"
	cm := r.object(path, cv, catalogKeys)
	if cm == nil {
		return catalog.Framework{}
	}
	if u := r.str(cm, path, "uuid", true); u != "" && !validUUID(u) {
		r.p.add(path+".uuid", u, fmt.Errorf("%w: not a UUID", ErrInvalid))
	} else {
		im.rep.UUID = u
	}
	md := r.metadata(cm, path+".metadata")
	rep := im.rep
	rep.Title, rep.Version, rep.OSCALVersion = md.title, md.version, md.oscalVersion
	_, im.ours = ourValue(md.props, propFrameworkID)
	rep.Ours = im.ours
	res := r.backMatter(cm, path)
	rep.BackMatter = len(res)
	rep.Params += len(r.array(cm, path, "params"))
	if !im.ours {
		im.params, im.missing = map[string]param{}, map[string]bool{}
		collectParams(cm, im.params, 0)
	}

	f := im.identity(cm, md, res)
	rep.Framework = f.ID
	for i, v := range r.array(cm, path, "controls") {
		im.node(member(path, "controls", i), v, false, nil, false, "", 0)
	}
	for i, v := range r.array(cm, path, "groups") {
		im.node(member(path, "groups", i), v, true, nil, false, "", 0)
	}
	if im.ours && len(im.sort) == len(im.specs) {
		im.specs = sortedBy(im.specs, im.sort)
	}
	f.Controls = im.specs
	if !im.ours {
		f.ItemKinds = im.itemKinds(f.Controls)
	}
	for _, s := range f.Controls {
		rep.count(s.Kind)
	}
	rep.Notes = append(rep.Notes, im.notes()...)
	return f
}

// identity returns the framework a catalog describes, without its controls: for a
// document of ours, as its props and back-matter say; for another, named after its
// metadata, with a short ID ([WithFrameworkID] wins in both cases).
func (im *catalogImport) identity(cm map[string]any, md metadata, res []resource) catalog.Framework {
	f := catalog.Framework{Name: md.title, Version: md.version, Publisher: md.publisher}
	if im.ours {
		ourIdentity(&f, md.props, res)
	} else {
		f.ID = shortID(md.title, md.version)
		u, _ := cm["uuid"].(string)
		f.Source = fmt.Sprintf("OSCAL catalog %q, version %s (uuid %s), read from %s", md.title, md.version, u, filepath.Base(im.rep.File))
	}
	if im.cfg.frameworkID != "" {
		f.ID = im.cfg.frameworkID
	}
	return f
}

// ourIdentity fills in what a catalog written by [ExportCatalog] says of its
// framework in the metadata props and back-matter resources of [Namespace].
func ourIdentity(f *catalog.Framework, props []prop, res []resource) {
	id, _ := ourValue(props, propFrameworkID)
	f.ID = catalog.FrameworkID(id)
	if _, unset := ourValue(props, propVersionUnset); unset {
		f.Version = ""
	}
	f.Aliases = ourValues(props, propAlias)
	a, _ := ourValue(props, propAnnexOf)
	f.AnnexOf = catalog.FrameworkID(a)
	q, _ := ourValue(props, propQualifiedOnly)
	f.QualifiedOnly = q == "true"
	for _, k := range ourValues(props, propItemKind) {
		f.ItemKinds = append(f.ItemKinds, catalog.Kind(k))
	}
	for _, rs := range res {
		switch role, _ := ourValue(rs.props, propRole); role {
		case "source":
			f.Source = rs.remarks
		case "licence":
			f.Licence = rs.remarks
		}
	}
}

// sortedBy returns specs in the order of their sort keys (stable for equal keys).
func sortedBy(specs []catalog.ControlSpec, keys []int) []catalog.ControlSpec {
	idx := make([]int, len(specs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	sorted := make([]catalog.ControlSpec, len(idx))
	for i, j := range idx {
		sorted[i] = specs[j]
	}
	return sorted
}

// itemKinds returns the kinds of the nodes read from OSCAL controls, in order of
// first appearance: every OSCAL control, at every depth, is a requirement, a base
// control of SP 800-53 as much as its enhancements. Groups are not.
func (im *catalogImport) itemKinds(specs []catalog.ControlSpec) []catalog.Kind {
	var kinds []catalog.Kind
	for _, s := range specs {
		if im.controlKinds[s.Kind] && !slices.Contains(kinds, s.Kind) {
			kinds = append(kinds, s.Kind)
		}
	}
	return kinds
}

// notes are the report's lines about decisions the import took: classes read as
// other kinds, parameters inserted but not defined, groups given IDs.
func (im *catalogImport) notes() []string {
	var out []string
	keys := slices.SortedFunc(maps.Keys(im.fallback), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, k := range keys {
		out = append(out, fmt.Sprintf("class %q is not a kind (lower-case letters, '-' and '_'): read as %q (%d node(s))", k[0], k[1], im.fallback[k]))
	}
	if len(im.missing) > 0 {
		ids := slices.Sorted(maps.Keys(im.missing))
		out = append(out, fmt.Sprintf("%d parameter(s) inserted in statements but not defined, rendered as [Assignment: ID]: %s", len(ids), listFirst(ids, 5, ", ")))
	}
	if im.groupsN > 0 {
		out = append(out, fmt.Sprintf("%d group(s) without an id were given the IDs group-1, group-2, ...", im.groupsN))
	}
	return out
}

// shortID makes a short framework ID from a catalog's title and version, the same
// for the same title and version: the title's acronyms and words with a digit
// ("NIST", "800-53", "LOW"), at most four, less a number the version starts with;
// or, when it has none, its first three words; then ':' and the version.
// "NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", "5.1.1+u4"
// gives "nist-800-53-low-impact:5.1.1-u4".
func shortID(title, version string) catalog.FrameworkID {
	words := strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.'
	})
	var kept []string
	for _, w := range words {
		if w = strings.Trim(w, ".-"); w != "" && telling(w, version) {
			kept = append(kept, w)
			if len(kept) == 4 {
				break
			}
		}
	}
	if len(kept) == 0 {
		kept = words[:min(3, len(words))]
	}
	t := cutSlug(slug(strings.Join(kept, " ")), 40)
	if t == "" {
		t = "oscal"
	}
	v := slug(version)
	if len(v) > 20 {
		v = strings.Trim(v[:20], ".-")
	}
	if v != "" {
		return catalog.FrameworkID(t + ":" + v)
	}
	return catalog.FrameworkID(t)
}

// telling reports whether a word of a catalog's title goes into its short ID: a
// word with a digit ("800-53") or an acronym ("NIST", "LOW"), but not the number
// the version starts with ("Revision 5" of version "5.1.1").
func telling(w, version string) bool {
	digit, upper, letters := false, true, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLetter(r):
			letters++
			upper = upper && unicode.IsUpper(r)
		}
	}
	number := strings.Trim(w, "0123456789.") == ""
	if number && version != "" && (version == w || strings.HasPrefix(version, w+".") || strings.HasPrefix(version, w+"+")) {
		return false
	}
	return digit || (letters >= 2 && upper)
}

// cutSlug cuts a slug to at most n bytes, at a '-' when it has one, without '.' or
// '-' at either end.
func cutSlug(t string, n int) string {
	if len(t) <= n {
		return t
	}
	t = t[:n]
	if i := strings.LastIndexByte(t, '-'); i > 0 {
		t = t[:i]
	}
	return strings.Trim(t, ".-")
}

// derivedID makes a framework ID from a title and a version.
func derivedID(title, version string) catalog.FrameworkID {
	t := slug(title)
	if t == "" {
		t = "oscal"
	}
	if v := slug(version); v != "" {
		return catalog.FrameworkID(t + ":" + v)
	}
	return catalog.FrameworkID(t)
}

// node reads one group or control at path. parent is the spec of the enclosing node
// (nil at the top); skip is "" or why the enclosing node was skipped.
func (im *catalogImport) node(path string, v any, group bool, parent *catalog.ControlSpec, parentGroup bool, skip string, depth int) {
	r := im.r
	if r.p.full() {
		return
	}
	if depth >= maxDepth {
		r.p.add(path, "", fmt.Errorf("%w: more than %d levels of groups and controls", ErrTooDeep, maxDepth))
		return
	}
	keys := controlKeys
	if group {
		keys = groupKeys
	}
	m := r.object(path, v, keys)
	if m == nil {
		return
	}
	rawID := r.str(m, path, "id", !group)
	class := r.str(m, path, "class", false)
	title := r.str(m, path, "title", true)
	props := r.props(m, path)
	im.rep.Params += len(r.array(m, path, "params"))
	im.rep.Links += len(r.array(m, path, "links"))

	id := im.nodeID(path, rawID, group)
	kind := im.kind(class, group, parent != nil && !parentGroup)
	stmt := im.statement(m, path, depth)
	childSkip := im.withdrawal(path, id, kind, props, skip)

	spec := catalog.ControlSpec{ID: id, Title: title, Kind: kind}
	if parent != nil {
		spec.Parent = parent.ID
	}
	im.describe(&spec, stmt, rawID)
	sortID := im.attributes(&spec, path, props)
	if !im.ours {
		im.markForeign(&spec, m, props, childSkip != "")
	}
	im.specs = append(im.specs, spec)
	if !group {
		im.controlKinds[kind] = true
	}
	if sortID >= 0 {
		im.sort = append(im.sort, sortID)
	}
	for i, cv := range r.array(m, path, "controls") {
		im.node(member(path, "controls", i), cv, false, &spec, group, childSkip, depth+1)
	}
	if group {
		for i, gv := range r.array(m, path, "groups") {
			im.node(member(path, "groups", i), gv, true, &spec, true, childSkip, depth+1)
		}
	}
}

// nodeID returns the ID of the node at path whose id member is rawID: decoded when
// the document is ours, made up for a group without one ("group-1", ...), checked to
// be unique in the document.
func (im *catalogImport) nodeID(path, rawID string, group bool) string {
	id := rawID
	switch {
	case rawID == "" && group:
		im.groupsN++
		id = fmt.Sprintf("group-%d", im.groupsN)
	case rawID != "" && im.ours:
		d, ok := DecodeID(rawID)
		if !ok {
			im.r.p.add(path+".id", rawID, fmt.Errorf("%w: not an ID written by this package", ErrInvalid))
		}
		id = d
	}
	if rawID != "" {
		if prev, dup := im.seen[rawID]; dup {
			im.r.p.add(path+".id", rawID, fmt.Errorf("%w: also at %s.id", ErrDuplicate, prev))
		} else {
			im.seen[rawID] = path
		}
	}
	return id
}

// statement returns the text of a node's statement part or, lacking one (in a
// document not ours), of its overview part. Every part is read and checked; other
// parts (guidance, assessment) are counted in the report, their text not built.
func (im *catalogImport) statement(m map[string]any, path string, depth int) string {
	r := im.r
	stmt, hasStmt, overview := "", false, ""
	for i, pv := range r.array(m, path, "parts") {
		pp := member(path, "parts", i)
		pm := r.object(pp, pv, partKeys)
		if pm == nil {
			continue
		}
		name := r.str(pm, pp, "name", true)
		isStmt := name == "statement" && !hasStmt
		isOverview := !isStmt && name == "overview" && overview == "" && !im.ours
		text, _ := im.prose(pm, pp, depth, isStmt || isOverview)
		switch {
		case isStmt:
			stmt, hasStmt = text, true
		case isOverview:
			overview = text
			im.rep.Parts++
		default:
			im.rep.Parts++
		}
	}
	if !hasStmt && overview != "" {
		im.rep.Parts-- // the overview stands in for the statement
		return overview
	}
	return stmt
}

// withdrawal lists a node marked withdrawn by its props, or under a withdrawn node
// (skip says why), in the report, and returns what its children are under: "" when
// nothing is withdrawn. Documents of ours carry the status as an attribute instead.
func (im *catalogImport) withdrawal(path, id string, kind catalog.Kind, props []prop, skip string) string {
	withdrawn := slices.ContainsFunc(props, func(p prop) bool {
		return isCore(p) && p.name == "status" && strings.EqualFold(p.value, "withdrawn")
	})
	if im.ours || (!withdrawn && skip == "") {
		return skip
	}
	reason := skip
	if withdrawn {
		reason = "withdrawn"
	}
	im.rep.Withdrawn = append(im.rep.Withdrawn, Skipped{Path: path, ID: id, Kind: kind, Reason: reason})
	if skip == "" {
		return "under withdrawn " + id
	}
	return skip
}

// describe puts a node's statement into its spec: as the summary, or as the title
// when the title only repeats the id (NIST's CSF subcategories).
func (im *catalogImport) describe(spec *catalog.ControlSpec, stmt, rawID string) {
	switch {
	case im.ours:
		spec.Summary = stmt
	case stmt != "" && (spec.Title == "" || spec.Title == rawID):
		spec.Title = stmt
	default:
		spec.Summary = stmt
	}
}

// attributes turns a node's props into attributes of spec and returns the node's
// sort-id in a document of ours (-1 when there is none). In a document not ours,
// every prop with a value but OSCAL's label, sort-id and status is an attribute,
// named after the prop (OSCAL's labels are kept apart, see markForeign; a "label"
// prop of another namespace ns is the attribute "label (ns)").
func (im *catalogImport) attributes(spec *catalog.ControlSpec, path string, props []prop) int {
	if im.ours {
		return im.ourAttributes(spec, path, props)
	}
	for _, p := range props {
		switch {
		case isCore(p) && (p.name == "label" || p.name == "sort-id" || p.name == "status"):
		case strings.TrimSpace(p.value) == "":
		case p.name == AttrLabel:
			// Another namespace's "label" is not OSCAL's: kept apart, under its
			// namespace, so that the OSCAL labels (markForeign) do not overwrite it.
			spec.Attributes = addAttr(spec.Attributes, AttrLabel+" ("+p.ns+")", p.value)
		default:
			spec.Attributes = addAttr(spec.Attributes, p.name, p.value)
		}
	}
	return -1
}

// ourAttributes reads the props of a node of a document of ours: those in
// [Namespace] are its attributes, their names decoded; OSCAL's sort-id keeps the
// order of the framework; it returns the sort-id, or -1.
func (im *catalogImport) ourAttributes(spec *catalog.ControlSpec, path string, props []prop) int {
	sortID := -1
	for _, p := range props {
		switch {
		case p.ns == Namespace:
			n, ok := DecodeID(p.name)
			if !ok {
				im.r.p.add(path+".props", p.name, fmt.Errorf("%w: not an attribute name written by this package", ErrInvalid))
				continue
			}
			spec.Attributes = addAttr(spec.Attributes, n, p.text())
		case isCore(p) && p.name == "sort-id":
			if n, err := strconv.Atoi(p.value); err == nil && n >= 0 {
				sortID = n
			}
		}
	}
	return sortID
}

// markForeign adds to the spec of a node of a document not ours what OSCAL says of
// it beyond props: withdrawn (itself or an ancestor; kept so that references
// resolve, marked so that it is never an item) and where it went, when the document
// says; and its labels in [AttrLabel], the plain label first (NIST writes "AC-1"
// plain and "AC-01" with class zero-padded), each spelling once.
func (im *catalogImport) markForeign(spec *catalog.ControlSpec, m map[string]any, props []prop, withdrawn bool) {
	if withdrawn {
		if spec.Attributes == nil {
			spec.Attributes = map[string][]string{}
		}
		spec.Attributes[catalog.AttrStatus] = []string{catalog.StatusWithdrawn}
		if into := im.movedTo(m); len(into) > 0 {
			spec.Attributes[catalog.AttrIncorporatedInto] = into
		}
	}
	if labels := labelsOf(props); len(labels) > 0 {
		if spec.Attributes == nil {
			spec.Attributes = map[string][]string{}
		}
		spec.Attributes[AttrLabel] = labels
	}
}

// AttrLabel is the attribute in which [ImportCatalog] keeps the OSCAL label props of
// a group or control of a document written elsewhere: the label as people print it
// ("AC-2(1)" for the control with id "ac-2.1"), the plain label first and then other
// spellings (NIST's zero-padded "AC-02(01)"), each once.
const AttrLabel = "label"

// labelsOf returns the distinct values of the OSCAL label props, the plain ones
// (without class) first.
func labelsOf(props []prop) []string {
	var plain, other []string
	for _, p := range props {
		v := strings.TrimSpace(p.value)
		if !isCore(p) || p.name != "label" || v == "" || slices.Contains(plain, v) || slices.Contains(other, v) {
			continue
		}
		if p.class == "" {
			plain = append(plain, v)
		} else {
			other = append(other, v)
		}
	}
	return append(plain, other...)
}

func addAttr(a map[string][]string, name, value string) map[string][]string {
	if a == nil {
		a = map[string][]string{}
	}
	a[name] = append(a[name], value)
	return a
}

// kind returns the kind a node's class gives.
// nested is true for a control inside a control.
func (im *catalogImport) kind(class string, group, nested bool) catalog.Kind {
	if im.ours {
		if class == "" {
			return catalog.KindControl
		}
		if k, ok := DecodeID(class); ok {
			return catalog.Kind(k)
		}
		return catalog.Kind(class) // reported by catalog.New
	}
	k := strings.ToLower(class)
	if isKind(k) {
		return catalog.Kind(k)
	}
	fb := catalog.KindControl
	switch {
	case group:
		fb = "group"
	case nested:
		fb = "enhancement"
	}
	if class != "" {
		if im.fallback == nil {
			im.fallback = map[[2]string]int{}
		}
		im.fallback[[2]string{class, string(fb)}]++
	}
	return fb
}

func isKind(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		if (c < 'a' || c > 'z') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// prose returns the text of a part: its prose, then the text of its sub-parts, each
// on its own line and prefixed with its label; and the part's own label. With want
// false it only reads and checks the part and its sub-parts, and returns "".
func (im *catalogImport) prose(pm map[string]any, path string, depth int, want bool) (text, label string) {
	r := im.r
	text = r.str(pm, path, "prose", false)
	if !want {
		text = ""
	} else if !im.ours {
		text = strings.TrimSpace(renderInserts(text, im.params, im.missing))
	}
	for _, p := range r.props(pm, path) {
		if isCore(p) && p.name == "label" && label == "" {
			label = p.value
		}
	}
	im.rep.Links += len(r.array(pm, path, "links"))
	if depth >= maxDepth {
		r.p.add(path, "", fmt.Errorf("%w: more than %d levels of parts", ErrTooDeep, maxDepth))
		return text, label
	}
	var lines []string
	if text != "" {
		lines = append(lines, text)
	}
	for i, sv := range r.array(pm, path, "parts") {
		sp := member(path, "parts", i)
		sm := r.object(sp, sv, partKeys)
		if sm == nil {
			continue
		}
		r.str(sm, sp, "name", true)
		sub, l := im.prose(sm, sp, depth+1, want)
		if l != "" && sub != "" {
			sub = l + " " + sub
		}
		if sub != "" {
			lines = append(lines, sub)
		}
	}
	return strings.Join(lines, "\n"), label
}

// movedTo returns the ids a withdrawn control's links say it went to (rel
// "incorporated-into" or "moved-to", href "#id"), in document order.
func (im *catalogImport) movedTo(m map[string]any) []string {
	var out []string
	links, _ := m["links"].([]any)
	for _, lv := range links {
		lm, ok := lv.(map[string]any)
		if !ok {
			continue
		}
		rel, _ := lm["rel"].(string)
		href, _ := lm["href"].(string)
		if rel != "incorporated-into" && rel != "moved-to" {
			continue
		}
		if id, ok := strings.CutPrefix(href, "#"); ok && id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
