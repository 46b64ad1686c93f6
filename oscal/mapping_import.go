package oscal

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

var (
	collectionKeys = keySet("uuid", "metadata", "provenance", "mappings", "back-matter")
	provenanceKeys = keySet("method", "matching-rationale", "status", "mapping-description", "confidence-score",
		"coverage", "props", "links", "responsible-parties", "remarks")
	mappingKeys = keySet("uuid", "method", "matching-rationale", "status", "source-resource", "target-resource",
		"mapping-description", "confidence-score", "coverage", "props", "links", "maps", "source-gap-summary",
		"target-gap-summary", "remarks")
	resourceRefKeys = keySet("type", "href", "ns", "props", "links", "remarks")
	mapKeys         = keySet("uuid", "ns", "matching-rationale", "relationship", "confidence-score", "coverage",
		"qualifiers", "props", "links", "sources", "targets", "remarks")
	mappingItemKeys = keySet("type", "id-ref", "props", "links", "remarks")
	gapKeys         = keySet("uuid", "unmapped-controls")
)

// ImportMappings reads an OSCAL 1.2 mapping-collection (JSON) and returns one mapping
// set per mapping, with a report; name is the file name used in errors. Documents
// written by [ExportMappings] come back exactly as exported. For others:
//
//   - the frameworks of a mapping come from [WithResource] options keyed by the
//     resource's href (or an rlink of the back-matter resource it points to, or a
//     file name), else from the framework props of documents of ours, else from a
//     [WithCatalogFile] whose file name or uuid the href names; without [WithCatalog]
//     a resource nothing binds gets an ID made from the title of its back-matter
//     resource or its file name, with it such a resource is an error ([ErrUnbound]);
//   - each map gives one edge per pair of its sources and targets; items of type
//     "statement" (a part of a control, not a control) are skipped and counted in the
//     notes; with [WithCatalog] the items are resolved in the catalog (label
//     spellings such as "AC-02(01)", Annex A's "A.5.1") and a map citing a control
//     the catalog does not hold or holds as withdrawn is skipped whole and listed in
//     [ImportReport.Skipped] (an error wrapping [ErrCitesUnknown] under [WithStrict]);
//   - relationships are read with [mappings.ParseRelationship]; the matching rationale
//     of a map is the map's, else the mapping's, else the provenance's;
//   - the set's ID is "<from>_to_<to>" and its source is the document itself (its
//     metadata title and publisher); the kind is crosswalk.
//
// Gap summaries are not imported: [ExportMappings] computes them from the catalog.
// Fields outside the OSCAL model are listed in [ImportReport.Unknown] (errors under
// [WithStrict]). Check the sets against the catalog with [mappings.Validate].
func ImportMappings(name string, data []byte, opts ...Option) ([]mappings.Set, *ImportReport, error) {
	cfg := newConfig(opts)
	v, err := decodeDocument(name, data)
	if err != nil {
		return nil, nil, err
	}
	r := &reader{p: problems{file: name}, strict: cfg.strict}
	root := r.object("", v, rootKeys)
	if root == nil {
		return nil, nil, r.p.err()
	}
	mv, ok := root["mapping-collection"]
	if !ok {
		return nil, nil, &catalog.DataError{File: name, Err: fmt.Errorf("%w: want an OSCAL mapping-collection, found %s", ErrWrongDocument, modelOf(root))}
	}
	mi := &mappingImport{r: r, cfg: cfg, rep: &ImportReport{File: name, Model: "mapping-collection"}, ids: map[string]bool{}}
	sets := mi.read(mv)
	mi.rep.Unknown = r.unknown
	if err := r.p.err(); err != nil {
		return nil, nil, err
	}
	return sets, mi.rep, nil
}

type mappingImport struct {
	r         *reader
	cfg       config
	rep       *ImportReport
	ours      bool
	resources map[string]resource // "#uuid" → back-matter resource
	ids       map[string]bool
	stmtItems int
	multi     int
}

func (mi *mappingImport) read(mv any) []mappings.Set {
	r := mi.r
	const p = "mapping-collection"
	mc := r.object(p, mv, collectionKeys)
	if mc == nil {
		return nil
	}
	if u := r.str(mc, p, "uuid", true); u != "" && !validUUID(u) {
		r.p.add(p+".uuid", u, fmt.Errorf("%w: not a UUID", ErrInvalid))
	} else {
		mi.rep.UUID = u
	}
	md := r.metadata(mc, p+".metadata")
	rep := mi.rep
	rep.Title, rep.Version, rep.OSCALVersion = md.title, md.version, md.oscalVersion
	_, mi.ours = ourValue(md.props, propRationaleNoted)
	rep.Ours = mi.ours
	provRationale := mi.provenance(mc, p+".provenance")
	res := r.backMatter(mc, p)
	rep.BackMatter = len(res)
	mi.resources = make(map[string]resource, len(res))
	for _, rs := range res {
		mi.resources["#"+rs.uuid] = rs
	}
	docSource := mappings.Source{ID: "oscal-" + slug(md.title), Title: md.title, Publisher: md.publisher}
	if docSource.ID == "oscal-" {
		docSource.ID = "oscal-mapping-collection"
	}

	list, paths := mi.mappingList(mc, p+".mappings")
	var sets []mappings.Set
	for i, v := range list {
		if r.p.full() {
			break
		}
		if s, ok := mi.mapping(paths[i], v, provRationale, docSource); ok {
			sets = append(sets, s)
			rep.Edges += len(s.Edges)
		}
	}
	rep.Sets = len(sets)
	if mi.stmtItems > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("skipped %d map source(s)/target(s) of type statement (a part of a control, not a control)", mi.stmtItems))
	}
	if mi.multi > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d map(s) with several sources or targets were read as one edge per pair", mi.multi))
	}
	return sets
}

// provenance reads and checks the collection's provenance (at path) and returns
// its matching rationale, the default of every map.
func (mi *mappingImport) provenance(mc map[string]any, path string) string {
	r := mi.r
	pv, ok := mc["provenance"]
	if !ok {
		r.p.add(path, "", ErrMissing)
		return ""
	}
	pm := r.object(path, pv, provenanceKeys)
	if pm == nil {
		return ""
	}
	rationale := r.str(pm, path, "matching-rationale", true)
	r.str(pm, path, "method", true)
	r.str(pm, path, "status", true)
	r.str(pm, path, "mapping-description", true)
	return rationale
}

// mappingList returns the mappings of a collection with their paths: "mappings"
// (at path) is an array, or a single mapping object.
func (mi *mappingImport) mappingList(mc map[string]any, path string) (list []any, paths []string) {
	r := mi.r
	switch x := mc["mappings"].(type) {
	case []any:
		for i := range x {
			paths = append(paths, index(path, i))
		}
		return x, paths
	case map[string]any:
		return []any{x}, []string{path}
	case nil:
		if _, ok := mc["mappings"]; !ok {
			r.p.add(path, "", ErrMissing)
		} else {
			r.p.add(path, "", fmt.Errorf("%w: want an array or an object, got null", ErrType))
		}
	default:
		r.p.add(path, "", fmt.Errorf("%w: want an array or an object, got %s", ErrType, jsonType(x)))
	}
	return nil, nil
}

// framework returns the framework a source-resource or target-resource (at path)
// names: one a binding or the document says ([mappingImport.boundFramework]), else
// one named after the resource.
func (mi *mappingImport) framework(m map[string]any, path string) catalog.FrameworkID {
	r := mi.r
	v, ok := m[lastKey(path)]
	if !ok {
		r.p.add(path, "", ErrMissing)
		return ""
	}
	rm := r.object(path, v, resourceRefKeys)
	if rm == nil {
		return ""
	}
	r.str(rm, path, "type", true)
	href := r.str(rm, path, "href", true)
	props := r.props(rm, path)
	rs, isRes := mi.resources[href]
	if id, ok := mi.boundFramework(href, props, rs, isRes); ok {
		return id
	}
	if strings.HasPrefix(href, "#") && href != "#" && !isRes {
		r.p.add(path+".href", href, fmt.Errorf("%w: no back-matter resource has this uuid", ErrUnknownRef))
		return ""
	}
	return mi.namedFramework(path, href, rs, isRes)
}

// boundFramework returns the framework a resource reference is bound to: by a
// [WithResource] option (for its href or the rlinks of the back-matter resource rs
// it points to, when isRes), by the framework prop of a document of ours (on the
// reference or on rs), or by a [WithCatalogFile] option.
func (mi *mappingImport) boundFramework(href string, props []prop, rs resource, isRes bool) (catalog.FrameworkID, bool) {
	cands := []string{href}
	if isRes {
		cands = append(cands, rs.rlinks...)
	}
	if id, ok := mi.cfg.bound(cands); ok {
		return id, true
	}
	if id, ok := ourValue(props, propFrameworkID); ok {
		return catalog.FrameworkID(id), true
	}
	if isRes {
		if id, ok := ourValue(rs.props, propFrameworkID); ok {
			return catalog.FrameworkID(id), true
		}
	}
	return mi.cfg.boundFile(cands, href, isRes)
}

// namedFramework returns the ID made from the title of the back-matter resource
// (when isRes and it has one) or the file name of href; with [WithCatalog], a
// framework the catalog does not hold is an error ([ErrUnbound]) that names the
// href and suggests --bind.
func (mi *mappingImport) namedFramework(path, href string, rs resource, isRes bool) catalog.FrameworkID {
	var id catalog.FrameworkID
	if isRes && rs.title != "" {
		id = derivedID(rs.title, "")
	} else {
		base := path0(href)
		id = derivedID(strings.TrimSuffix(base, pathExt(base)), "")
	}
	if mi.cfg.cat != nil && !mi.cfg.cat.Has(id) {
		what := href
		if isRes && rs.title != "" {
			what = fmt.Sprintf("%s (%q)", clip(href), clip(rs.title))
		}
		mi.r.p.add(path+".href", href, fmt.Errorf("%w: %s names no framework of the catalog; load its catalog (--catalog FILE) or bind it: --bind %s=FRAMEWORK", ErrUnbound, clip(what), clip(href)))
		return ""
	}
	return id
}

// bound returns the framework a [WithResource] option binds one of the hrefs to:
// the href as written, else by base file name for a ref without '/'.
func (c config) bound(hrefs []string) (catalog.FrameworkID, bool) {
	for _, h := range hrefs {
		if id, ok := c.resources[h]; ok {
			return id, true
		}
	}
	for _, h := range hrefs {
		if strings.HasPrefix(h, "#") {
			continue
		}
		base := path0(h)
		for ref, id := range sortedBinds(c.resources) {
			if !strings.Contains(ref, "/") && !strings.HasPrefix(ref, "#") && ref == base {
				return id, true
			}
		}
	}
	return "", false
}

// sortedBinds yields the binds in order of their refs, so that the first match
// does not depend on map order.
func sortedBinds(m map[string]catalog.FrameworkID) func(func(string, catalog.FrameworkID) bool) {
	return func(yield func(string, catalog.FrameworkID) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

// boundFile returns the framework of a [WithCatalogFile] option that one of the
// hrefs names by base file name or by uuid.
func (c config) boundFile(hrefs []string, href string, isRes bool) (catalog.FrameworkID, bool) {
	for _, f := range c.files {
		for _, h := range hrefs {
			if strings.HasPrefix(h, "#") && isRes && h == href {
				continue // the back-matter resource's own uuid, not the catalog's
			}
			if f.uuid != "" && strings.HasSuffix(strings.ToLower(h), strings.ToLower(f.uuid)) {
				return f.id, true
			}
			if base := path0(f.name); base != "" && base != "." && !strings.HasPrefix(h, "#") && path0(h) == base {
				return f.id, true
			}
		}
	}
	return "", false
}

func lastKey(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func path0(href string) string {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	return path.Base(href)
}

func pathExt(s string) string { return path.Ext(s) }

// mapping reads one mapping (at p) as a set; false when it is not an object.
func (mi *mappingImport) mapping(p string, v any, provRationale string, docSource mappings.Source) (mappings.Set, bool) {
	r := mi.r
	m := r.object(p, v, mappingKeys)
	if m == nil {
		return mappings.Set{}, false
	}
	from := mi.framework(m, p+".source-resource")
	to := mi.framework(m, p+".target-resource")
	mappingRationale := r.str(m, p, "matching-rationale", false)
	props := r.props(m, p)
	s := mappings.Set{From: from, To: to, Kind: mappings.Crosswalk, Source: docSource}
	_, hasSetID := ourProp(props, propSetID)
	ours := mi.ours && hasSetID
	if ours {
		mi.ourSet(&s, m, p, props)
	} else {
		s.ID = mi.setID(from, to)
		mi.rep.Links += len(r.array(m, p, "links"))
	}
	mi.ids[s.ID] = true
	mi.gapSummaries(m, p)
	if _, ok := m["maps"]; !ok {
		r.p.add(p+".maps", "", ErrMissing)
	}
	for i, mv := range r.array(m, p, "maps") {
		if r.p.full() {
			break
		}
		s.Edges = append(s.Edges, mi.edges(member(p, "maps", i), mv, s, ours, mappingRationale, provRationale)...)
	}
	return s, true
}

// setID returns "<from>_to_<to>" (':' read as '-'), numbered from 2 when an
// earlier mapping of the document has it.
func (mi *mappingImport) setID(from, to catalog.FrameworkID) string {
	base := strings.ReplaceAll(string(from)+"_to_"+string(to), ":", "-")
	id := base
	for n := 2; mi.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// ourSet reads what a mapping of ours (m at p, with props) says of its set: ID,
// kind, source (from the back-matter resource its source link points to) and
// statements.
func (mi *mappingImport) ourSet(s *mappings.Set, m map[string]any, p string, props []prop) {
	id, _ := ourProp(props, propSetID)
	s.ID = id.text()
	if k, ok := ourProp(props, propSetKind); ok {
		s.Kind = mappings.SetKind(k.text())
	}
	s.Source = mappings.Source{}
	if sid, ok := ourProp(props, propSourceID); ok {
		s.Source.ID = sid.text()
	}
	r := mi.r
	for i, lv := range r.array(m, p, "links") {
		lp := member(p, "links", i)
		lm := r.object(lp, lv, linkKeys)
		if lm == nil {
			continue
		}
		if href := r.str(lm, lp, "href", true); r.str(lm, lp, "rel", false) == "source" {
			rs, ok := mi.resources[href]
			if !ok {
				r.p.add(lp+".href", href, fmt.Errorf("%w: no back-matter resource has this uuid", ErrUnknownRef))
				continue
			}
			sourceFromProps(&s.Source, rs.props)
		}
	}
	s.Statements = mi.statements(props, s.From, p)
}

// linkKeys are the members of an OSCAL link.
var linkKeys = keySet("href", "rel", "media-type", "resource-fragment", "text")

// sourceFromProps fills in a set's source from the props in [Namespace] of the
// back-matter resource describing it.
func sourceFromProps(src *mappings.Source, props []prop) {
	for _, rp := range props {
		if rp.ns != Namespace {
			continue
		}
		switch rp.name {
		case propSourceTitle:
			src.Title = rp.text()
		case propPublisher:
			src.Publisher = rp.text()
		case propLicence:
			src.Licence = rp.text()
		case propURL:
			src.URL = rp.text()
		}
	}
}

// gapSummaries checks a mapping's gap summaries and counts the controls they list
// (recomputed on export, not imported).
func (mi *mappingImport) gapSummaries(m map[string]any, p string) {
	r := mi.r
	for _, side := range []string{"source-gap-summary", "target-gap-summary"} {
		gv, ok := m[side]
		if !ok {
			continue
		}
		gp := p + "." + side
		gm := r.object(gp, gv, gapKeys)
		for i, sv := range r.array(gm, gp, "unmapped-controls") {
			sm, ok := sv.(map[string]any)
			if !ok {
				r.p.add(member(gp, "unmapped-controls", i), "", fmt.Errorf("%w: want an object, got %s", ErrType, jsonType(sv)))
				continue
			}
			if ids, ok := sm["with-ids"].([]any); ok {
				mi.rep.Gaps += len(ids)
			}
		}
	}
}

func ourProp(ps []prop, name string) (prop, bool) {
	for _, p := range ps {
		if p.ns == Namespace && p.name == name {
			return p, true
		}
	}
	return prop{}, false
}

// statements reads the statements a mapping of ours carries as grouped props.
func (mi *mappingImport) statements(ps []prop, from catalog.FrameworkID, path string) []mappings.Statement {
	var out []mappings.Statement
	byGroup := map[string]int{}
	for _, p := range ps {
		if p.ns != Namespace || !strings.HasPrefix(p.name, propStatement) || p.group == "" {
			continue
		}
		i, ok := byGroup[p.group]
		if !ok {
			out = append(out, mappings.Statement{Ref: catalog.Ref{Framework: from}})
			i = len(out) - 1
			byGroup[p.group] = i
		}
		st := &out[i]
		switch p.name {
		case propStatement:
			st.Ref.ID = p.text()
		case propStmtFramework:
			st.Ref.Framework = catalog.FrameworkID(p.text())
		case propStmtKind:
			st.Kind = mappings.StatementKind(p.text())
		case propStmtTarget:
			st.Target = p.text()
		case propStmtNote:
			st.Note = p.text()
		case propStmtMisprint:
			st.Misprint = p.text()
		case propStmtReading:
			if err := st.Reading.UnmarshalText([]byte(p.text())); err != nil {
				mi.r.p.add(path+".props", p.text(), fmt.Errorf("%w: %v", ErrInvalid, err))
			}
		}
	}
	return out
}

// edges reads one map (at p) of set s as edges: one per pair of its sources and
// targets, none when it is skipped.
func (mi *mappingImport) edges(p string, v any, s mappings.Set, ours bool, mappingRationale, provRationale string) []mappings.Edge {
	r := mi.r
	m := r.object(p, v, mapKeys)
	if m == nil {
		return nil
	}
	e := mi.edgeOf(m, p, s.Source.ID, ours, cmp.Or(mappingRationale, provRationale))
	froms := mi.items(p+".sources", r.array(m, p, "sources"), s.From, ours)
	tos := mi.items(p+".targets", r.array(m, p, "targets"), s.To, ours)
	for _, side := range []string{"sources", "targets"} {
		if _, ok := m[side]; !ok {
			r.p.add(p+"."+side, "", ErrMissing)
		}
	}
	if mi.cfg.cat != nil && len(froms) > 0 && len(tos) > 0 && !mi.resolveAll(p, froms, tos) {
		return nil
	}
	if len(froms) > 1 || len(tos) > 1 {
		mi.multi++
	}
	out := make([]mappings.Edge, 0, len(froms)*len(tos))
	for _, f := range froms {
		for _, t := range tos {
			x := e
			x.From, x.To = f, t
			out = append(out, x)
		}
	}
	return out
}

// edgeOf reads what a map (m at p) says of each of its edges but their ends: the
// relationship, the matching rationale (fallback when the map of a document not
// ours states none), the note, and in a document of ours what its props carry.
// source is the set's source.
func (mi *mappingImport) edgeOf(m map[string]any, p, source string, ours bool, fallback string) mappings.Edge {
	r := mi.r
	r.str(m, p, "uuid", true)
	tok := r.str(m, p, "relationship", true)
	rationale := r.str(m, p, "matching-rationale", false)
	if !ours && rationale == "" {
		rationale = fallback
	}
	if !mappings.Rationale(rationale).Valid() {
		r.p.add(p+".matching-rationale", rationale, fmt.Errorf("%w: want syntactic, semantic or functional", ErrInvalid))
	}
	props := r.props(m, p)
	remarks := r.str(m, p, "remarks", false)
	e := mappings.Edge{Rationale: mappings.Rationale(rationale), Source: source, Note: remarks}
	if rp, ok := ourProp(props, propRelationship); ok && ours {
		tok = rp.text()
	}
	if tok != "" {
		rel, err := mappings.ParseRelationship(tok)
		if err != nil {
			r.p.add(p+".relationship", tok, fmt.Errorf("%w: %w", ErrInvalid, err))
		}
		e.Relationship = rel
	}
	if ours {
		mi.ourEdge(&e, props, p)
	}
	return e
}

// ourEdge reads what the props in [Namespace] of a map of ours (at p) say of its
// edge: strength, label, misprint, repeats and source.
func (mi *mappingImport) ourEdge(e *mappings.Edge, props []prop, p string) {
	for _, pr := range props {
		if pr.ns != Namespace {
			continue
		}
		switch pr.name {
		case propStrength:
			n, err := strconv.Atoi(pr.value)
			if err != nil || n < 0 || n > 10 {
				mi.r.p.add(p+".props", pr.value, fmt.Errorf("%w: a strength is 0 to 10", ErrInvalid))
			}
			e.Strength, e.HasStrength = n, true
		case propLabel:
			e.Label = pr.text()
		case propMisprint:
			e.Misprint = pr.text()
		case propRepeats:
			n, err := strconv.Atoi(pr.value)
			if err != nil || n < 0 {
				mi.r.p.add(p+".props", pr.value, fmt.Errorf("%w: repeats is a count", ErrInvalid))
			}
			e.Repeats = n
		case propEdgeSource:
			e.Source = pr.text()
		}
	}
}

// resolveAll resolves the sources and targets of the map at p in the catalog of
// [WithCatalog], in place; when one cannot be used it skips the map and returns
// false. A map is one claim about all its sources and targets: without one of them
// it is another claim, so the whole map is left out.
func (mi *mappingImport) resolveAll(p string, froms, tos []catalog.Ref) bool {
	var why []string
	for _, list := range [][]catalog.Ref{froms, tos} {
		for i, ref := range list {
			res, reason := mi.resolve(ref)
			if reason != "" {
				why = append(why, reason)
			}
			list[i] = res
		}
	}
	if len(why) > 0 {
		mi.skip(p, froms, tos, listFirst(why, 3, "; "))
		return false
	}
	return true
}

// items reads the sources or targets of a map as refs into framework fw.
func (mi *mappingImport) items(p string, list []any, fw catalog.FrameworkID, ours bool) []catalog.Ref {
	r := mi.r
	var out []catalog.Ref
	for i, v := range list {
		ip := index(p, i)
		m := r.object(ip, v, mappingItemKeys)
		if m == nil {
			continue
		}
		typ := r.str(m, ip, "type", true)
		idRef := r.str(m, ip, "id-ref", true)
		props := r.props(m, ip)
		if typ != "control" {
			if typ != "" {
				mi.stmtItems++
			}
			continue
		}
		ref := catalog.Ref{Framework: fw, ID: idRef}
		if ours {
			id, ok := DecodeID(idRef)
			if !ok && idRef != "" {
				r.p.add(ip+".id-ref", idRef, fmt.Errorf("%w: not an ID written by this package", ErrInvalid))
			}
			ref.ID = id
			if f, ok := ourProp(props, propFramework); ok {
				ref.Framework = catalog.FrameworkID(f.text())
			}
		}
		if ref.ID != "" {
			out = append(out, ref)
		}
	}
	return out
}

// resolve finds ref in the catalog of [WithCatalog]: as written, else as
// [catalog.Catalog.ParseRef] reads its ID within its framework ("AC-02(01)" finds
// "ac-2.1"), else the ID decoded from an OSCAL token ("_5.1" is "5.1"). reason says
// why it cannot be used: not in the catalog, or withdrawn. A ref into a framework
// the catalog does not hold is returned as it is, for the set's own check
// ([mappings.Validate]) to report.
func (mi *mappingImport) resolve(ref catalog.Ref) (catalog.Ref, string) {
	cat := mi.cfg.cat
	if !cat.Has(ref.Framework) {
		return ref, ""
	}
	c, ok := cat.Control(ref)
	if !ok {
		if r, err := cat.ParseRef(ref.ID, ref.Framework); err == nil {
			c, ok = cat.Control(r)
		} else if d, dok := DecodeID(ref.ID); dok && d != ref.ID {
			if r, err := cat.ParseRef(d, ref.Framework); err == nil {
				c, ok = cat.Control(r)
			}
		}
		if ok {
			ref = c.Ref
		}
	}
	switch {
	case !ok:
		return ref, fmt.Sprintf("%s has no control %q", ref.Framework, clip(ref.ID))
	case c.Withdrawn():
		why := fmt.Sprintf("%s is withdrawn", c.Ref)
		if into := c.Attr(catalog.AttrIncorporatedInto); len(into) > 0 {
			why += " (incorporated into " + strings.Join(into, ", ") + ")"
		}
		return ref, why
	}
	return ref, ""
}

// skip leaves a map out: listed in the report, or under [WithStrict] an error.
func (mi *mappingImport) skip(path string, froms, tos []catalog.Ref, reason string) {
	ids := func(list []catalog.Ref) string {
		var out []string
		for _, r := range list {
			out = append(out, r.ID)
		}
		return strings.Join(out, ", ")
	}
	what := ids(froms) + " → " + ids(tos)
	if mi.cfg.strict {
		mi.r.p.add(path, what, fmt.Errorf("%w: %s", ErrCitesUnknown, reason))
		return
	}
	mi.rep.Skipped = append(mi.rep.Skipped, Skipped{Path: path, ID: what, Kind: "map", Reason: reason})
}
