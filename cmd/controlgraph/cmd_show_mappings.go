package main

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
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

// publishedRelations lists the published edges of the mapping sets that leave or
// reach c, each read from c (crosswalk.Crosswalk.EdgesOf): an edge published the
// other way is read backwards (its relationship inverted) and marked Inverse.
func publishedRelations(x *invocation, c catalog.Control, _ showOptions) ([]relation, error) {
	var out []relation
	for _, e := range x.crosswalk().EdgesOf(c.Ref, x.allSets()) {
		out = append(out, edgeRelation(e))
	}
	return out, nil
}

// edgeRelation is the relation show lists for a published edge read from the
// control shown; a misprint the edge has no note about is said.
func edgeRelation(e crosswalk.PairEdge) relation {
	note := e.Note
	if note == "" && e.Misprint != "" {
		note = "printed as " + e.Misprint
	}
	return relation{Other: e.To, Relationship: e.Relationship.String(), Source: e.Source, Inverse: e.Inverse, Label: e.Label, Note: note}
}

// derivedRelations lists, for every other framework, the controls no published edge
// links to c but an identity succession carries a published edge to (CIS v8's edges
// for CIS v8.1), labelled with the succession, and, with derived paths, those a path
// of published edges through a third framework reaches (crosswalk.Map with derived
// paths), labelled derived with the path. A control is listed once, under its own
// framework (an ISO/IEC 27002 control, not again as ISO/IEC 27001's Annex A).
func derivedRelations(x *invocation, c catalog.Control, opt showOptions) ([]relation, error) {
	var opts []crosswalk.MapOption
	if opt.derived {
		opts = append(opts, crosswalk.WithDerived(opt.maxHops))
	}
	links, err := x.crosswalk().MapAll(c.Ref, opts...)
	if err != nil {
		return nil, err
	}
	var succ, out []relation
	for _, m := range links {
		switch {
		case m.Basis == crosswalk.BasisSuccession:
			succ = append(succ, relation{Other: m.To, Relationship: m.Relationship.String(),
				Source: "via " + string(m.Through) + " (succession): " + strings.Join(m.Sources, ", "), Inverse: m.Inverse})
		case m.Derived():
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
