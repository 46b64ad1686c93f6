package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

func init() {
	relationSources = append(relationSources, publishedRelations, derivedRelations)
	statementsOf = sourceStatements
}

// sourceStatements lists what the mapping sets state about r instead of
// edges, such as NIST's "All applicable controls" for CSF function PR.
func sourceStatements(x *invocation, r catalog.Ref) []statementJSON {
	var out []statementJSON
	for st := range x.crosswalk().Statements(r) {
		note := st.Note
		if st.Misprint != "" && !strings.Contains(note, st.Misprint) {
			note = strings.TrimSpace(note + " (printed " + st.Misprint + ")")
		}
		out = append(out, statementJSON{Kind: string(st.Kind), Target: st.Target, Note: note})
	}
	return out
}

// publishedRelations lists the published edges of the mapping sets that
// leave or reach c, each read from c: an edge published the other way is read
// backwards (its relationship inverted) and marked Inverse.
func publishedRelations(x *invocation, c catalog.Control, _ showOptions) ([]relation, error) {
	var out []relation
	for _, s := range x.allSets() {
		for e := range s.EdgesFrom(c.Ref) {
			out = append(out, edgeRelation(e, false))
		}
		for e := range s.EdgesTo(c.Ref) {
			out = append(out, edgeRelation(e.Inverse(), true))
		}
	}
	slices.SortStableFunc(out, func(a, b relation) int {
		if d := x.cat.Compare(a.Other, b.Other); d != 0 {
			return d
		}
		if d := cmp.Compare(a.Source, b.Source); d != 0 {
			return d
		}
		return cmp.Compare(a.Relationship, b.Relationship)
	})
	return out, nil
}

func edgeRelation(e mappings.Edge, inverse bool) relation {
	note := e.Note
	if note == "" && e.Misprint != "" {
		note = "printed as " + e.Misprint
	}
	return relation{Other: e.To, Relationship: e.Relationship.String(), Source: e.Source, Inverse: inverse, Label: e.Label, Note: note}
}

// derivedRelations lists, for every other framework, the controls no published edge
// links to c but an identity succession carries a published edge to (CIS v8's edges
// for CIS v8.1), labelled with the succession, and, with derived paths, those a path
// of published edges through a third framework reaches (crosswalk.Map with derived
// paths), labelled derived with the path. A control is listed once, under its own
// framework (an ISO/IEC 27002 control, not again as ISO/IEC 27001's Annex A).
func derivedRelations(x *invocation, c catalog.Control, opt showOptions) ([]relation, error) {
	cw := x.crosswalk()
	var succ, out []relation
	for in := range x.cat.Frameworks() {
		if in.ID == c.Ref.Framework {
			continue
		}
		var opts []crosswalk.MapOption
		if opt.derived {
			opts = append(opts, crosswalk.WithDerived(opt.maxHops))
		}
		ms, err := cw.Map(c.Ref, in.ID, opts...)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.To.Framework != in.ID || !m.Ancestor.IsZero() {
				continue // the annex's own controls come under their framework
			}
			if m.Basis == crosswalk.BasisSuccession {
				succ = append(succ, relation{Other: m.To, Relationship: m.Relationship.String(),
					Source: "via " + string(m.Through) + " (succession): " + strings.Join(m.Sources, ", "), Inverse: m.Inverse})
				continue
			}
			if !m.Derived() {
				continue
			}
			r := relation{Other: m.To, Relationship: m.Relationship.String(), Source: strings.Join(m.Sources, ", "), Derived: true,
				Note: fmt.Sprintf("%d %s", m.Routes, map[bool]string{true: "route", false: "routes"}[m.Routes == 1])}
			for _, h := range m.Path[:len(m.Path)-1] {
				r.Via = append(r.Via, h.To.String())
			}
			out = append(out, r)
		}
	}
	return append(succ, out...), nil
}
