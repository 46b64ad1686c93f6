package oscal

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
	Skipped   []Skipped           // withdrawn nodes and their descendants, in document order
	Params    int                 // parameters seen (not imported)
	Links     int                 // links of groups and controls seen (not imported)
	Parts     int                 // parts other than the one read as statement (guidance, examples, ...)

	// Mapping collections.
	Sets  int // mappings read, one set each
	Edges int // maps read, one edge each
	Gaps  int // controls listed in gap summaries (recomputed, not imported)

	BackMatter int      // back-matter resources seen
	Notes      []string // other decisions worth a look, such as a class read as another kind
}

// Skipped is a node an import left out.
type Skipped struct {
	Path   string       // JSON path, e.g. "catalog.groups[1].controls[1]"
	ID     string       // its id as written
	Kind   catalog.Kind // its kind, as it would have been imported
	Reason string       // "withdrawn", or "under withdrawn <id>"
}

// SkippedCount returns how many nodes of kind k were skipped; k == "" counts all.
func (r *ImportReport) SkippedCount(k catalog.Kind) int {
	n := 0
	for _, s := range r.Skipped {
		if k == "" || s.Kind == k {
			n++
		}
	}
	return n
}

// Warnings returns one line per kind of thing the import left out or changed, for a
// command to print; nil when nothing was.
func (r *ImportReport) Warnings() []string {
	var out []string
	var counts []catalog.KindCount
	for _, s := range r.Skipped {
		i := slices.IndexFunc(counts, func(kc catalog.KindCount) bool { return kc.Kind == s.Kind })
		if i < 0 {
			counts = append(counts, catalog.KindCount{Kind: s.Kind})
			i = len(counts) - 1
		}
		counts[i].Count++
	}
	for _, kc := range counts {
		out = append(out, fmt.Sprintf("skipped %d withdrawn %s node(s)", kc.Count, kc.Kind))
	}
	for _, x := range []struct {
		n    int
		what string
	}{{r.Params, "parameter(s)"}, {r.Links, "link(s)"}, {r.Parts, "part(s) other than statements"}, {r.BackMatter, "back-matter resource(s)"}, {r.Gaps, "gap-summary entr(ies), recomputed on export"}} {
		if x.n > 0 && !(r.Ours && x.what[0] == 'b') && !(r.Ours && x.what[0] == 'g') {
			out = append(out, fmt.Sprintf("ignored %d %s", x.n, x.what))
		}
	}
	return append(out, r.Notes...)
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
//   - the framework ID is the one given with [WithFrameworkID], or else derived from
//     the metadata title and version ("Electronic Version of NIST Cybersecurity
//     Framework 2.0", "1.2.0" → "electronic-version-of-nist-cybersecurity-framework-2.0:1.2.0");
//   - a group or control becomes a node whose parent is the enclosing group or control;
//     its class becomes the kind when it is a valid kind (lower-case letters, '-' and
//     '_'), otherwise "group", "control", or "enhancement" for a control inside a
//     control, with a note in the report;
//   - the statement part (or, lacking one, the overview part) becomes the summary,
//     with nested items on their own lines, prefixed by their label; when the title is
//     just the ID, as in NIST's CSF subcategories, the statement becomes the title;
//   - props other than OSCAL's own label, sort-id and status become attributes named
//     after the prop;
//   - nodes with the prop status=withdrawn are skipped with their descendants and
//     listed in [ImportReport.Skipped];
//   - Source names the document (title, version, uuid, file), Licence stays empty.
//
// Problems are reported as [*Error] values (joined with errors.Join when there are
// several), each naming the file, the JSON path and the value; the framework is also
// checked as [catalog.New] checks it.
func ImportCatalog(name string, data []byte, opts ...Option) (catalog.Framework, *ImportReport, error) {
	cfg := newConfig(opts)
	v, err := decodeDocument(name, data)
	if err != nil {
		return catalog.Framework{}, nil, err
	}
	r := &reader{p: problems{file: name}}
	root := r.object("", v, rootKeys)
	if root == nil {
		return catalog.Framework{}, nil, r.p.err()
	}
	cv, ok := root["catalog"]
	if !ok {
		return catalog.Framework{}, nil, &Error{File: name, Err: fmt.Errorf("%w: want an OSCAL catalog, found %s", ErrWrongDocument, modelOf(root))}
	}
	im := &catalogImport{r: r, cfg: cfg, rep: &ImportReport{File: name, Model: "catalog"}, seen: map[string]string{}}
	f := im.read(cv)
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
	}
	md := r.metadata(cm, path+".metadata")
	rep := im.rep
	rep.Title, rep.Version, rep.OSCALVersion = md.title, md.version, md.oscalVersion
	fwID, ours := ourValue(md.props, propFrameworkID)
	im.ours, rep.Ours = ours, ours
	res := r.backMatter(cm, path)
	rep.BackMatter = len(res)
	rep.Params += len(r.array(cm, path, "params"))

	f := catalog.Framework{Name: md.title, Version: md.version, Publisher: md.publisher}
	if ours {
		f.ID = catalog.FrameworkID(fwID)
		if _, unset := ourValue(md.props, propVersionUnset); unset {
			f.Version = ""
		}
		f.Aliases = ourValues(md.props, propAlias)
		a, _ := ourValue(md.props, propAnnexOf)
		f.AnnexOf = catalog.FrameworkID(a)
		q, _ := ourValue(md.props, propQualifiedOnly)
		f.QualifiedOnly = q == "true"
		for _, k := range ourValues(md.props, propItemKind) {
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
	} else {
		f.ID = derivedID(md.title, md.version)
		u, _ := cm["uuid"].(string)
		f.Source = fmt.Sprintf("OSCAL catalog %q, version %s (uuid %s), read from %s", md.title, md.version, u, filepath.Base(rep.File))
	}
	if im.cfg.frameworkID != "" {
		f.ID = im.cfg.frameworkID
	}
	rep.Framework = f.ID

	for i, v := range r.array(cm, path, "controls") {
		im.node(index(path+".controls", i), v, false, nil, false, "", 0)
	}
	for i, v := range r.array(cm, path, "groups") {
		im.node(index(path+".groups", i), v, true, nil, false, "", 0)
	}
	if ours && len(im.sort) == len(im.specs) {
		idx := make([]int, len(im.specs))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(im.sort[a], im.sort[b]) })
		sorted := make([]catalog.ControlSpec, len(idx))
		for i, j := range idx {
			sorted[i] = im.specs[j]
		}
		im.specs = sorted
	}
	f.Controls = im.specs
	for _, s := range f.Controls {
		rep.count(s.Kind)
	}
	keys := slices.SortedFunc(func(yield func([2]string) bool) {
		for k := range im.fallback {
			if !yield(k) {
				return
			}
		}
	}, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for _, k := range keys {
		rep.Notes = append(rep.Notes, fmt.Sprintf("class %q is not a kind (lower-case letters, '-' and '_'): read as %q (%d node(s))", k[0], k[1], im.fallback[k]))
	}
	if im.groupsN > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d group(s) without an id were given the IDs group-1, group-2, ...", im.groupsN))
	}
	return f
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

	id := rawID
	switch {
	case rawID == "" && group:
		im.groupsN++
		id = fmt.Sprintf("group-%d", im.groupsN)
	case rawID != "" && im.ours:
		d, ok := DecodeID(rawID)
		if !ok {
			r.p.add(path+".id", rawID, fmt.Errorf("%w: not an ID written by this package", ErrInvalid))
		}
		id = d
	}
	if rawID != "" {
		if prev, dup := im.seen[rawID]; dup {
			r.p.add(path+".id", rawID, fmt.Errorf("%w: also at %s", ErrDuplicate, prev))
		} else {
			im.seen[rawID] = path + ".id"
		}
	}
	kind := im.kind(class, group, parent != nil && !parentGroup)

	// Statement and summary.
	stmt, hasStmt, overview := "", false, ""
	for i, pv := range r.array(m, path, "parts") {
		pp := index(path+".parts", i)
		pm := r.object(pp, pv, partKeys)
		if pm == nil {
			continue
		}
		name := r.str(pm, pp, "name", true)
		text, _ := im.prose(pm, pp, depth)
		switch {
		case name == "statement" && !hasStmt:
			stmt, hasStmt = text, true
		case name == "overview" && overview == "" && !im.ours:
			overview = text
			im.rep.Parts++
		default:
			im.rep.Parts++
		}
	}
	if !hasStmt && overview != "" {
		stmt = overview
		im.rep.Parts--
	}

	withdrawn := false
	for _, p := range props {
		if isCore(p) && p.name == "status" && strings.EqualFold(p.value, "withdrawn") {
			withdrawn = true
		}
	}
	childSkip := skip
	if withdrawn || skip != "" {
		reason := skip
		if withdrawn {
			reason = "withdrawn"
		}
		im.rep.Skipped = append(im.rep.Skipped, Skipped{Path: path, ID: rawID, Kind: kind, Reason: reason})
		if skip == "" {
			childSkip = "under withdrawn " + rawID
		}
	}

	spec := catalog.ControlSpec{ID: id, Title: title, Kind: kind}
	if parent != nil {
		spec.Parent = parent.ID
	}
	switch {
	case im.ours:
		spec.Summary = stmt
	case stmt != "" && (title == "" || title == rawID):
		spec.Title = stmt
	default:
		spec.Summary = stmt
	}
	sortID := -1
	for _, p := range props {
		switch {
		case im.ours && p.ns == Namespace:
			n, ok := DecodeID(p.name)
			if !ok {
				r.p.add(path+".props", p.name, fmt.Errorf("%w: not an attribute name written by this package", ErrInvalid))
				continue
			}
			spec.Attributes = addAttr(spec.Attributes, n, p.text())
		case im.ours && isCore(p) && p.name == "sort-id":
			if n, err := strconv.Atoi(p.value); err == nil && n >= 0 {
				sortID = n
			}
		case im.ours:
		case isCore(p) && (p.name == "label" || p.name == "sort-id" || p.name == "status"):
		case strings.TrimSpace(p.value) == "":
		default:
			spec.Attributes = addAttr(spec.Attributes, p.name, p.value)
		}
	}
	if childSkip == "" {
		im.specs = append(im.specs, spec)
		if sortID >= 0 {
			im.sort = append(im.sort, sortID)
		}
	}
	for i, cv := range r.array(m, path, "controls") {
		im.node(index(path+".controls", i), cv, false, &spec, group, childSkip, depth+1)
	}
	if group {
		for i, gv := range r.array(m, path, "groups") {
			im.node(index(path+".groups", i), gv, true, &spec, true, childSkip, depth+1)
		}
	}
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
// on its own line and prefixed with its label; and the part's own label.
func (im *catalogImport) prose(pm map[string]any, path string, depth int) (text, label string) {
	r := im.r
	text = r.str(pm, path, "prose", false)
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
		sp := index(path+".parts", i)
		sm := r.object(sp, sv, partKeys)
		if sm == nil {
			continue
		}
		r.str(sm, sp, "name", true)
		sub, l := im.prose(sm, sp, depth+1)
		if l != "" && sub != "" {
			sub = l + " " + sub
		}
		if sub != "" {
			lines = append(lines, sub)
		}
	}
	return strings.Join(lines, "\n"), label
}
