package oscal

import (
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
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: want an OSCAL mapping-collection, found %s", ErrWrongDocument, modelOf(root))}
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
	var provRationale string
	if _, ok := mc["provenance"]; !ok {
		r.p.add(p+".provenance", "", ErrMissing)
	} else if pm := r.object(p+".provenance", mc["provenance"], provenanceKeys); pm != nil {
		provRationale = r.str(pm, p+".provenance", "matching-rationale", true)
		r.str(pm, p+".provenance", "method", true)
		r.str(pm, p+".provenance", "status", true)
		r.str(pm, p+".provenance", "mapping-description", true)
	}
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

	// "mappings" is an array, or a single mapping object.
	var list []any
	paths := []string{}
	switch x := mc["mappings"].(type) {
	case []any:
		list = x
		for i := range x {
			paths = append(paths, index(p+".mappings", i))
		}
	case map[string]any:
		list = []any{x}
		paths = append(paths, p+".mappings")
	case nil:
		if _, ok := mc["mappings"]; !ok {
			r.p.add(p+".mappings", "", ErrMissing)
		} else {
			r.p.add(p+".mappings", "", fmt.Errorf("%w: want an array or an object, got null", ErrType))
		}
	default:
		r.p.add(p+".mappings", "", fmt.Errorf("%w: want an array or an object, got %s", ErrType, jsonType(x)))
	}
	var sets []mappings.Set
	for i, v := range list {
		if r.p.full() {
			break
		}
		if s, ok := mi.mapping(paths[i], v, provRationale, docSource); ok {
			sets = append(sets, s)
		}
	}
	rep.Sets = len(sets)
	for _, s := range sets {
		rep.Edges += len(s.Edges)
	}
	if mi.stmtItems > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("skipped %d map source(s)/target(s) of type statement (a part of a control, not a control)", mi.stmtItems))
	}
	if mi.multi > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d map(s) with several sources or targets were read as one edge per pair", mi.multi))
	}
	return sets
}

// framework returns the framework a source-resource or target-resource names.
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
	// Candidates for the resource: its href, and the rlinks of the back-matter
	// resource it points to.
	rs, isRes := mi.resources[href]
	cands := []string{href}
	if isRes {
		cands = append(cands, rs.rlinks...)
	}
	if id, ok := mi.cfg.bound(cands); ok {
		return id
	}
	if id, ok := ourValue(props, propFrameworkID); ok {
		return catalog.FrameworkID(id)
	}
	if isRes {
		if id, ok := ourValue(rs.props, propFrameworkID); ok {
			return catalog.FrameworkID(id)
		}
	}
	if id, ok := mi.cfg.boundFile(cands, href, isRes); ok {
		return id
	}
	if strings.HasPrefix(href, "#") && href != "#" && !isRes {
		r.p.add(path+".href", href, fmt.Errorf("%w: no back-matter resource has this uuid", ErrUnknownRef))
		return ""
	}
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
		r.p.add(path+".href", href, fmt.Errorf("%w: %s names no framework of the catalog; load its catalog (--catalog FILE) or bind it: --bind %s=FRAMEWORK", ErrUnbound, clip(what), clip(href)))
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
	ours := mi.ours
	if id, ok := ourProp(props, propSetID); ok && ours {
		s.ID = id.text()
		if k, ok := ourProp(props, propSetKind); ok {
			s.Kind = mappings.SetKind(k.text())
		}
		s.Source = mappings.Source{}
		if sid, ok := ourProp(props, propSourceID); ok {
			s.Source.ID = sid.text()
		}
		for i, lv := range r.array(m, p, "links") {
			lp := index(p+".links", i)
			lm := r.object(lp, lv, keySet("href", "rel", "media-type", "resource-fragment", "text"))
			if lm == nil {
				continue
			}
			if href := r.str(lm, lp, "href", true); r.str(lm, lp, "rel", false) == "source" {
				rs, ok := mi.resources[href]
				if !ok {
					r.p.add(lp+".href", href, fmt.Errorf("%w: no back-matter resource has this uuid", ErrUnknownRef))
					continue
				}
				for _, rp := range rs.props {
					if rp.ns != Namespace {
						continue
					}
					switch rp.name {
					case propSourceTitle:
						s.Source.Title = rp.text()
					case propPublisher:
						s.Source.Publisher = rp.text()
					case propLicence:
						s.Source.Licence = rp.text()
					case propURL:
						s.Source.URL = rp.text()
					}
				}
			}
		}
		s.Statements = mi.statements(props, from, p)
	} else {
		ours = false
		s.ID = strings.ReplaceAll(string(from)+"_to_"+string(to), ":", "-")
		for n := 2; mi.ids[s.ID]; n++ {
			s.ID = strings.ReplaceAll(string(from)+"_to_"+string(to), ":", "-") + "-" + strconv.Itoa(n)
		}
		mi.rep.Links += len(r.array(m, p, "links"))
	}
	mi.ids[s.ID] = true
	for _, side := range []string{"source-gap-summary", "target-gap-summary"} {
		gv, ok := m[side]
		if !ok {
			continue
		}
		gp := p + "." + side
		if gm := r.object(gp, gv, gapKeys); gm != nil {
			for i, sv := range r.array(gm, gp, "unmapped-controls") {
				if sm, ok := sv.(map[string]any); ok {
					if ids, ok := sm["with-ids"].([]any); ok {
						mi.rep.Gaps += len(ids)
					}
				} else {
					r.p.add(index(gp+".unmapped-controls", i), "", fmt.Errorf("%w: want an object, got %s", ErrType, jsonType(sv)))
				}
			}
		}
	}
	if _, ok := m["maps"]; !ok {
		r.p.add(p+".maps", "", ErrMissing)
	}
	for i, mv := range r.array(m, p, "maps") {
		if r.p.full() {
			break
		}
		mp := index(p+".maps", i)
		s.Edges = append(s.Edges, mi.edges(mp, mv, s, ours, mappingRationale, provRationale)...)
	}
	return s, true
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

// edges reads one map as edges.
func (mi *mappingImport) edges(p string, v any, s mappings.Set, ours bool, mappingRationale, provRationale string) []mappings.Edge {
	r := mi.r
	m := r.object(p, v, mapKeys)
	if m == nil {
		return nil
	}
	r.str(m, p, "uuid", true)
	tok := r.str(m, p, "relationship", true)
	rationale := r.str(m, p, "matching-rationale", false)
	if !ours && rationale == "" {
		rationale = mappingRationale
		if rationale == "" {
			rationale = provRationale
		}
	}
	if !mappings.Rationale(rationale).Valid() {
		r.p.add(p+".matching-rationale", rationale, fmt.Errorf("%w: want syntactic, semantic or functional", ErrInvalid))
	}
	props := r.props(m, p)
	remarks := r.str(m, p, "remarks", false)
	e := mappings.Edge{Rationale: mappings.Rationale(rationale), Source: s.Source.ID, Note: remarks}
	relText := tok
	if ours {
		if rp, ok := ourProp(props, propRelationship); ok {
			relText = rp.text()
		}
	}
	if relText != "" {
		rel, err := mappings.ParseRelationship(relText)
		if err != nil {
			r.p.add(p+".relationship", relText, fmt.Errorf("%w: %w", ErrInvalid, err))
		}
		e.Relationship = rel
	}
	if ours {
		for _, pr := range props {
			if pr.ns != Namespace {
				continue
			}
			switch pr.name {
			case propStrength:
				n, err := strconv.Atoi(pr.value)
				if err != nil || n < 0 || n > 10 {
					r.p.add(p+".props", pr.value, fmt.Errorf("%w: a strength is 0 to 10", ErrInvalid))
				}
				e.Strength, e.HasStrength = n, true
			case propLabel:
				e.Label = pr.text()
			case propMisprint:
				e.Misprint = pr.text()
			case propRepeats:
				n, err := strconv.Atoi(pr.value)
				if err != nil || n < 0 {
					r.p.add(p+".props", pr.value, fmt.Errorf("%w: repeats is a count", ErrInvalid))
				}
				e.Repeats = n
			case propEdgeSource:
				e.Source = pr.text()
			}
		}
	}
	froms := mi.items(p+".sources", r.array(m, p, "sources"), s.From, ours)
	tos := mi.items(p+".targets", r.array(m, p, "targets"), s.To, ours)
	if _, ok := m["sources"]; !ok {
		r.p.add(p+".sources", "", ErrMissing)
	}
	if _, ok := m["targets"]; !ok {
		r.p.add(p+".targets", "", ErrMissing)
	}
	if mi.cfg.cat != nil && len(froms) > 0 && len(tos) > 0 {
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
			// A map is one claim about all its sources and targets: without one
			// of them it is another claim, so the whole map is left out.
			mi.skip(p, froms, tos, listFirst(why, 3, "; "))
			return nil
		}
	}
	if len(froms) > 1 || len(tos) > 1 {
		mi.multi++
	}
	var out []mappings.Edge
	for _, f := range froms {
		for _, t := range tos {
			x := e
			x.From, x.To = f, t
			out = append(out, x)
		}
	}
	return out
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
