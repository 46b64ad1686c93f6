package oscal

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// Names of the props in [Namespace] on mappings, maps, mapping items and back-matter.
const (
	propSetID          = "set-id"
	propSetKind        = "set-kind"
	propSourceID       = "source-id"
	propSourceTitle    = "source-title"
	propPublisher      = "publisher"
	propLicence        = "licence"
	propURL            = "url"
	propRelationship   = "relationship"
	propStrength       = "strength"
	propLabel          = "label"
	propMisprint       = "misprint"
	propRepeats        = "repeats"
	propEdgeSource     = "source"
	propFramework      = "framework"
	propStatement      = "statement"
	propStmtKind       = "statement-kind"
	propStmtFramework  = "statement-framework"
	propStmtTarget     = "statement-target"
	propStmtNote       = "statement-note"
	propStmtMisprint   = "statement-misprint"
	propStmtReading    = "statement-reading"
	propRationaleNoted = "rationale-stated"
)

// classInRemarks marks a prop whose value OSCAL cannot hold as a prop value (white
// space at either end, a line break): the value is in the prop's remarks instead.
const classInRemarks = "value-in-remarks"

// textProp returns a prop in [Namespace] holding any non-empty string exactly.
func textProp(name, v string) xProp {
	if isString(v) {
		return nsProp(name, v)
	}
	return xProp{Name: name, NS: Namespace, Value: "see remarks", Class: classInRemarks, Remarks: v}
}

// text returns the value textProp stored.
func (p prop) text() string {
	if p.class == classInRemarks {
		return p.remarks
	}
	return p.value
}

// ExportMappings returns the mapping sets as one OSCAL 1.2 mapping-collection in
// indented JSON, with one mapping per set in the order given; the package
// documentation says how edges are written. cat names the frameworks and gives their
// controls for the gap summaries (nil means [catalog.Default]); a framework cat does
// not hold gets no gap summary. The catalogs are referred to by the uuids
// [ExportCatalog] gives them, with the same options, so a mapping-collection and the
// catalogs exported beside it fit together.
func ExportMappings(sets []mappings.Set, cat *catalog.Catalog, opts ...Option) ([]byte, error) {
	doc, err := buildMappings(sets, cat, newConfig(opts))
	if err != nil {
		return nil, err
	}
	return codec.MarshalIndent(doc)
}

// WriteMappings writes [ExportMappings]'s output to w.
func WriteMappings(w io.Writer, sets []mappings.Set, cat *catalog.Catalog, opts ...Option) error {
	b, err := ExportMappings(sets, cat, opts...)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func sourceUUID(id string) string { return UUID("source-document/" + id) }

func buildMappings(sets []mappings.Set, cat *catalog.Catalog, cfg config) (*xMappingDoc, error) {
	if cat == nil {
		cat = catalog.Default()
	}
	ts, err := cfg.timestamp()
	if err != nil {
		return nil, err
	}
	w := &mappingWriter{cat: cat, ts: ts, seenRes: map[string]bool{}}
	if len(sets) == 0 {
		w.p.add("sets", "", fmt.Errorf("%w: a mapping-collection holds at least one mapping", ErrNotExpressible))
		return nil, w.p.err()
	}
	mc := collectionHeader(sets, ts)
	for si, s := range sets {
		if m, ok := w.mapping(fmt.Sprintf("sets[%d]", si), s); ok {
			mc.Mappings = append(mc.Mappings, m)
		}
	}
	if err := w.p.err(); err != nil {
		return nil, err
	}
	if len(w.res) > 0 {
		mc.BackMatter = &xBackMatter{Resources: w.res}
	}
	return &xMappingDoc{MappingCollection: mc}, nil
}

// collectionHeader returns a mapping-collection for sets without its mappings: its
// uuid, metadata and provenance.
func collectionHeader(sets []mappings.Set, ts string) xMappingCollection {
	ids := make([]string, len(sets))
	for i, s := range sets {
		ids[i] = s.ID
	}
	title := "Mapping sets " + strings.Join(ids, ", ")
	if len(sets) == 1 {
		title = fmt.Sprintf("Mapping set %s: %s to %s", sets[0].ID, sets[0].From, sets[0].To)
	}
	return xMappingCollection{
		UUID: UUID("mapping-collection/" + strings.Join(ids, "\n") + "/" + ts),
		Metadata: xMetadata{
			Title: title, LastModified: ts, Version: catalog.DataVersion, OSCALVersion: OSCALVersion,
			Props: []xProp{nsProp(propRationaleNoted, "per-map")},
			Remarks: "Written by controlgraph. Relationships follow NIST IR 8477, read \"source relationship target\". " +
				"A map with relationship intersects-with and the prop relationship=related in namespace " + Namespace +
				" is a link its source does not characterise, for which OSCAL has no relationship token.",
		},
		Provenance: xProvenance{
			Method: "human", MatchingRationale: "semantic", Status: "complete",
			MappingDescription: "Published crosswalks and succession tables between security frameworks, " +
				"each mapping naming its source document in back-matter.",
			Remarks: "OSCAL requires a matching rationale here. The sources do not state one for the collection as a whole: " +
				"\"semantic\" is written because these mappings relate the meaning of controls; where a source states a " +
				"rationale for an edge, its map says so.",
		},
	}
}

// mappingWriter turns sets into OSCAL mappings, collecting the back-matter
// resources they refer to (each once) and the problems.
type mappingWriter struct {
	cat     *catalog.Catalog
	ts      string
	p       problems
	res     []xResource
	seenRes map[string]bool
}

// catalogRef returns the href of the catalog resource of framework fw, adding the
// resource the first time.
func (w *mappingWriter) catalogRef(fw catalog.FrameworkID) string {
	u := catalogUUID(fw, w.ts)
	if !w.seenRes[u] {
		w.seenRes[u] = true
		title := string(fw)
		if info, ok := w.cat.Framework(fw); ok && isLine(info.Name) {
			title = info.Name
		}
		w.res = append(w.res, xResource{UUID: u, Title: title, Props: []xProp{nsProp(propRole, "catalog"), nsProp(propFrameworkID, string(fw))}})
	}
	return "#" + u
}

// sourceRef returns the href of the resource describing a set's source document,
// adding the resource the first time.
func (w *mappingWriter) sourceRef(src mappings.Source) string {
	u := sourceUUID(src.ID)
	if w.seenRes[u] {
		return "#" + u
	}
	w.seenRes[u] = true
	r := xResource{UUID: u, Props: []xProp{nsProp(propRole, "source-document"), textProp(propSourceID, src.ID)}}
	if isLine(src.Title) {
		r.Title = src.Title
	}
	for _, kv := range [][2]string{{propSourceTitle, src.Title}, {propPublisher, src.Publisher}, {propLicence, src.Licence}, {propURL, src.URL}} {
		if kv[1] != "" {
			r.Props = append(r.Props, textProp(kv[0], kv[1]))
		}
	}
	if src.URL != "" && isString(src.URL) {
		r.Rlinks = []xRlink{{Href: src.URL}}
	}
	w.res = append(w.res, r)
	return "#" + u
}

// mapping returns set s (at path in the input) as one OSCAL mapping; false when
// the set cannot be one (reported).
func (w *mappingWriter) mapping(path string, s mappings.Set) (xMapping, bool) {
	if s.ID == "" || s.From == "" || s.To == "" {
		w.p.add(path, s.ID, fmt.Errorf("%w: a set needs an ID, From and To", ErrMissing))
		return xMapping{}, false
	}
	if len(s.Edges) == 0 {
		w.p.add(path+".edges", s.ID, fmt.Errorf("%w: an OSCAL mapping holds at least one map", ErrNotExpressible))
		return xMapping{}, false
	}
	m := xMapping{
		UUID:           UUID("mapping/" + s.ID),
		SourceResource: xResourceRef{Type: "catalog", Href: w.catalogRef(s.From), Props: []xProp{nsProp(propFrameworkID, string(s.From))}},
		TargetResource: xResourceRef{Type: "catalog", Href: w.catalogRef(s.To), Props: []xProp{nsProp(propFrameworkID, string(s.To))}},
		Props:          []xProp{textProp(propSetID, s.ID)},
	}
	if s.Kind != "" {
		m.Props = append(m.Props, textProp(propSetKind, string(s.Kind)))
	}
	if src := s.Source; src.ID != "" {
		m.Props = append(m.Props, textProp(propSourceID, src.ID))
		m.Links = []xLink{{Href: w.sourceRef(src), Rel: "source"}}
	}
	for i, st := range s.Statements {
		m.Props = append(m.Props, statementProps(st, i, s.From)...)
		if st.Ref.ID == "" {
			w.p.add(fmt.Sprintf("%s.statements[%d].ref", path, i), "", ErrMissing)
		}
	}
	usedFrom, usedTo := map[catalog.Ref]bool{}, map[catalog.Ref]bool{}
	seenMap := map[string]int{}
	for i, e := range s.Edges {
		xm, ok := w.edgeMap(fmt.Sprintf("%s.edges[%d]", path, i), s, e, seenMap)
		if !ok {
			continue
		}
		usedFrom[e.From], usedTo[e.To] = true, true
		m.Maps = append(m.Maps, xm)
	}
	m.SourceGapSummary = gapSummary(w.cat, s.From, usedFrom, "gap/source/"+s.ID)
	m.TargetGapSummary = gapSummary(w.cat, s.To, usedTo, "gap/target/"+s.ID)
	return m, true
}

// statementProps returns statement i of a set (whose edges go from framework from)
// as props in [Namespace] sharing the group "statement-N".
func statementProps(st mappings.Statement, i int, from catalog.FrameworkID) []xProp {
	g := fmt.Sprintf("statement-%d", i+1)
	var out []xProp
	add := func(name, v string) {
		if v != "" {
			xp := textProp(name, v)
			xp.Group = g
			out = append(out, xp)
		}
	}
	add(propStatement, st.Ref.ID)
	if st.Ref.Framework != from {
		add(propStmtFramework, string(st.Ref.Framework))
	}
	add(propStmtKind, string(st.Kind))
	add(propStmtTarget, st.Target)
	add(propStmtNote, st.Note)
	add(propStmtMisprint, st.Misprint)
	add(propStmtReading, st.Reading.String())
	return out
}

// edgeMap returns edge e of set s (at path in the input) as one OSCAL map, whose
// uuid is made from what the edge says (seen counts the edges saying the same, so
// that each uuid is unique); false when the edge cannot be written (reported).
func (w *mappingWriter) edgeMap(path string, s mappings.Set, e mappings.Edge, seen map[string]int) (xMap, bool) {
	tok, exact := e.Relationship.OSCAL()
	if tok == "" {
		w.p.add(path+".relationship", e.Relationship.String(), fmt.Errorf("%w: %w", ErrInvalid, mappings.ErrUnknownRelationship))
		return xMap{}, false
	}
	if e.From.ID == "" || e.To.ID == "" {
		w.p.add(path, "", fmt.Errorf("%w: an edge needs From and To", ErrMissing))
		return xMap{}, false
	}
	if e.Rationale != "" && !e.Rationale.Valid() {
		w.p.add(path+".rationale", string(e.Rationale), ErrInvalid)
	}
	key := strings.Join([]string{s.ID, e.From.String(), e.To.String(), e.Relationship.String(), e.Label}, "\n")
	seen[key]++
	if n := seen[key]; n > 1 {
		key += "\n" + strconv.Itoa(n)
	}
	return xMap{UUID: UUID("map/" + key), MatchingRationale: string(e.Rationale), Relationship: tok, Remarks: e.Note,
		Sources: []xMappingItem{mappingItem(e.From, s.From)},
		Targets: []xMappingItem{mappingItem(e.To, s.To)},
		Props:   edgeProps(e, exact, s.Source.ID),
	}, true
}

// edgeProps returns the props in [Namespace] that carry what OSCAL's map cannot:
// the relationship when the OSCAL token is not exact, strength, label, misprint,
// repeats, and the edge's source when it is not the set's (setSource).
func edgeProps(e mappings.Edge, exact bool, setSource string) []xProp {
	var out []xProp
	if !exact {
		out = append(out, nsProp(propRelationship, e.Relationship.String()))
	}
	if e.HasStrength {
		out = append(out, nsProp(propStrength, strconv.Itoa(e.Strength)))
	}
	if e.Label != "" {
		out = append(out, textProp(propLabel, e.Label))
	}
	if e.Misprint != "" {
		out = append(out, textProp(propMisprint, e.Misprint))
	}
	if e.Repeats != 0 {
		out = append(out, nsProp(propRepeats, strconv.Itoa(e.Repeats)))
	}
	if e.Source != setSource && e.Source != "" {
		out = append(out, textProp(propEdgeSource, e.Source))
	}
	return out
}

// mappingItem is the source or target of a map: the control's OSCAL id, and the
// framework when it is not the mapping's (an Annex A control named under the framework
// that defines it).
func mappingItem(r catalog.Ref, fw catalog.FrameworkID) xMappingItem {
	it := xMappingItem{Type: "control", IDRef: EncodeID(r.ID)}
	if r.Framework != fw {
		it.Props = []xProp{nsProp(propFramework, string(r.Framework))}
	}
	return it
}

// gapSummary lists the controls of fw that no edge touches, in document order; nil
// when there are none or cat does not hold fw.
func gapSummary(cat *catalog.Catalog, fw catalog.FrameworkID, used map[catalog.Ref]bool, name string) *xGapSummary {
	var ids []string
	for c := range cat.Controls(fw) {
		if !used[c.Ref] {
			ids = append(ids, EncodeID(c.Ref.ID))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return &xGapSummary{UUID: UUID(name), UnmappedControls: []xSelectByID{{WithIDs: ids}}}
}
