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
	var p problems
	if len(sets) == 0 {
		p.add("sets", "", fmt.Errorf("%w: a mapping-collection holds at least one mapping", ErrNotExpressible))
		return nil, p.err()
	}
	ids := make([]string, len(sets))
	for i, s := range sets {
		ids[i] = s.ID
	}
	title := "Mapping sets " + strings.Join(ids, ", ")
	if len(sets) == 1 {
		title = fmt.Sprintf("Mapping set %s: %s to %s", sets[0].ID, sets[0].From, sets[0].To)
	}
	mc := xMappingCollection{
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
	var res []xResource
	seenRes := map[string]bool{}
	catalogRes := func(fw catalog.FrameworkID) string {
		u := catalogUUID(fw, ts)
		if !seenRes[u] {
			seenRes[u] = true
			title := string(fw)
			if info, ok := cat.Framework(fw); ok && isLine(info.Name) {
				title = info.Name
			}
			res = append(res, xResource{UUID: u, Title: title, Props: []xProp{nsProp(propRole, "catalog"), nsProp(propFrameworkID, string(fw))}})
		}
		return "#" + u
	}
	for si, s := range sets {
		path := fmt.Sprintf("sets[%d]", si)
		if s.ID == "" || s.From == "" || s.To == "" {
			p.add(path, s.ID, fmt.Errorf("%w: a set needs an ID, From and To", ErrMissing))
			continue
		}
		if len(s.Edges) == 0 {
			p.add(path+".edges", s.ID, fmt.Errorf("%w: an OSCAL mapping holds at least one map", ErrNotExpressible))
			continue
		}
		m := xMapping{
			UUID:           UUID("mapping/" + s.ID),
			SourceResource: xResourceRef{Type: "catalog", Href: catalogRes(s.From), Props: []xProp{nsProp(propFrameworkID, string(s.From))}},
			TargetResource: xResourceRef{Type: "catalog", Href: catalogRes(s.To), Props: []xProp{nsProp(propFrameworkID, string(s.To))}},
			Props:          []xProp{textProp(propSetID, s.ID)},
		}
		if s.Kind != "" {
			m.Props = append(m.Props, textProp(propSetKind, string(s.Kind)))
		}
		if src := s.Source; src.ID != "" {
			m.Props = append(m.Props, textProp(propSourceID, src.ID))
			u := sourceUUID(src.ID)
			m.Links = []xLink{{Href: "#" + u, Rel: "source"}}
			if !seenRes[u] {
				seenRes[u] = true
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
				res = append(res, r)
			}
		}
		for i, st := range s.Statements {
			g := fmt.Sprintf("statement-%d", i+1)
			add := func(name, v string) {
				if v != "" {
					xp := textProp(name, v)
					xp.Group = g
					m.Props = append(m.Props, xp)
				}
			}
			add(propStatement, st.Ref.ID)
			if st.Ref.Framework != s.From {
				add(propStmtFramework, string(st.Ref.Framework))
			}
			add(propStmtKind, string(st.Kind))
			add(propStmtTarget, st.Target)
			add(propStmtNote, st.Note)
			add(propStmtMisprint, st.Misprint)
			add(propStmtReading, st.Reading.String())
			if st.Ref.ID == "" {
				p.add(fmt.Sprintf("%s.statements[%d].ref", path, i), "", ErrMissing)
			}
		}
		seenMap := map[string]int{}
		usedFrom, usedTo := map[catalog.Ref]bool{}, map[catalog.Ref]bool{}
		for i, e := range s.Edges {
			ep := fmt.Sprintf("%s.edges[%d]", path, i)
			tok, exact := e.Relationship.OSCAL()
			if tok == "" {
				p.add(ep+".relationship", e.Relationship.String(), fmt.Errorf("%w: %w", ErrInvalid, mappings.ErrUnknownRelationship))
				continue
			}
			if e.From.ID == "" || e.To.ID == "" {
				p.add(ep, "", fmt.Errorf("%w: an edge needs From and To", ErrMissing))
				continue
			}
			if e.Rationale != "" && !e.Rationale.Valid() {
				p.add(ep+".rationale", string(e.Rationale), ErrInvalid)
			}
			usedFrom[e.From], usedTo[e.To] = true, true
			key := strings.Join([]string{s.ID, e.From.String(), e.To.String(), e.Relationship.String(), e.Label}, "\n")
			seenMap[key]++
			if n := seenMap[key]; n > 1 {
				key += "\n" + strconv.Itoa(n)
			}
			xm := xMap{UUID: UUID("map/" + key), MatchingRationale: string(e.Rationale), Relationship: tok, Remarks: e.Note,
				Sources: []xMappingItem{mappingItem(e.From, s.From)},
				Targets: []xMappingItem{mappingItem(e.To, s.To)},
			}
			if !exact {
				xm.Props = append(xm.Props, nsProp(propRelationship, e.Relationship.String()))
			}
			if e.HasStrength {
				xm.Props = append(xm.Props, nsProp(propStrength, strconv.Itoa(e.Strength)))
			}
			if e.Label != "" {
				xm.Props = append(xm.Props, textProp(propLabel, e.Label))
			}
			if e.Misprint != "" {
				xm.Props = append(xm.Props, textProp(propMisprint, e.Misprint))
			}
			if e.Repeats != 0 {
				xm.Props = append(xm.Props, nsProp(propRepeats, strconv.Itoa(e.Repeats)))
			}
			if e.Source != s.Source.ID && e.Source != "" {
				xm.Props = append(xm.Props, textProp(propEdgeSource, e.Source))
			}
			m.Maps = append(m.Maps, xm)
		}
		m.SourceGapSummary = gapSummary(cat, s.From, usedFrom, "gap/source/"+s.ID)
		m.TargetGapSummary = gapSummary(cat, s.To, usedTo, "gap/target/"+s.ID)
		mc.Mappings = append(mc.Mappings, m)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	if len(res) > 0 {
		mc.BackMatter = &xBackMatter{Resources: res}
	}
	return &xMappingDoc{MappingCollection: mc}, nil
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
