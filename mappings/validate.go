package mappings

import (
	"errors"
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// knownMisprints are references that sources print and that name no control, with the
// evident reading (see the reference data README, "Source quirks"). Validate uses them
// to say what a dangling reference probably means.
var knownMisprints = map[catalog.Ref]struct {
	reading catalog.Ref
	who     string
}{
	{Framework: catalog.ISO27001v2022, ID: "6.11"}: {catalog.NewRef(catalog.ISO27001v2022, "6.1.1"), "NIST's CSF 2.0 informative references (GV.RM-07)"},
	{Framework: catalog.ISO27001v2022, ID: "6.13"}: {catalog.NewRef(catalog.ISO27001v2022, "6.1.3"), "NIST's CSF 2.0 informative references (ID.RA-06)"},
}

// Validate checks a mapping set against a catalog (nil means [catalog.Default]) and
// returns every problem found, in order: the set itself, then its edges, then its
// statements. It never stops early and never panics.
//
// Errors ([Error] severity):
//   - empty set ID, From, To, Kind or Source.ID, or a From/To framework that is not in
//     the catalog;
//   - an edge or statement ref that names no control ([ErrDanglingRef], saying which
//     edge and which ID, and the likely meant control when the catalog can tell);
//   - an edge leaving a framework other than the set's From, or reaching one other
//     than its To ([ErrFrameworkMismatch]); the framework a set's framework carries as
//     its annex counts as the set's (see [Set]);
//   - an edge listed twice: same From, To, Relationship, Label and Source
//     ([ErrDuplicateEdge]);
//   - edges between the same From and To from the same source with different
//     relationships ([ErrContradiction]);
//   - an invalid relationship ([ErrUnknownRelationship]), strength, rationale or
//     statement kind ([ErrInvalidValue]); an edge from a control to itself
//     ([ErrSelfLoop]).
//
// Warnings ([Warning] severity) report the known quirks of a source that the data
// keeps as published: an edge or statement with a Misprint ([ErrSourceQuirk], with the
// reading), and an edge the source lists more than once (Repeats > 0,
// [ErrDuplicateEdge]). Warnings do not make the set wrong.
func Validate(s Set, cat *catalog.Catalog) []*Problem {
	return validate(s, cat, func(i int) (string, string, int) {
		n := fmt.Sprintf("edge #%d", i+1)
		return n, n, 0
	})
}

// validate is Validate with the position of edge i given by where: how its record is
// named ("edge #3", or "edge" when the line says where), how another problem refers
// to it ("edge #3", "line 7") and its line (0 when unknown).
func validate(s Set, cat *catalog.Catalog, where func(i int) (record, ref string, line int)) []*Problem {
	if cat == nil {
		cat = catalog.Default()
	}
	var out []*Problem
	line := 0
	add := func(sev Severity, rec, field, value string, err error, detail string) {
		out = append(out, &Problem{Severity: sev, Set: s.ID, Line: line, Record: rec, Field: field, Value: value, Err: err, Detail: detail})
	}
	if s.ID == "" {
		add(Error, "", "id", "", ErrEmptyField, "")
	}
	sides := map[string]map[catalog.FrameworkID]bool{}
	for _, f := range []struct {
		name string
		id   catalog.FrameworkID
	}{{"from", s.From}, {"to", s.To}} {
		allowed := map[catalog.FrameworkID]bool{f.id: true}
		sides[f.name] = allowed
		if f.id == "" {
			add(Error, "", f.name, "", ErrEmptyField, "")
			continue
		}
		info, ok := cat.Framework(f.id)
		if !ok {
			add(Error, "", f.name, string(f.id), ErrUnknownSetFramework, "")
			continue
		}
		if info.AnnexOf != "" {
			allowed[info.AnnexOf] = true
		}
	}
	if !s.Kind.Valid() {
		add(Error, "", "kind", string(s.Kind), ErrInvalidValue, `want "crosswalk" or "succession"`)
	}
	if s.Source.ID == "" {
		add(Error, "", "source", "", ErrEmptyField, "a set names its source document")
	}

	// checkRef reports a ref that is empty, of the wrong framework or dangling, and
	// returns its canonical form (or the ref itself when it does not resolve).
	checkRef := func(rec, field string, r catalog.Ref, allowed map[catalog.FrameworkID]bool) catalog.Ref {
		if r.IsZero() || r.ID == "" {
			add(Error, rec, field, "", ErrEmptyField, "")
			return r
		}
		if !allowed[r.Framework] {
			add(Error, rec, field, r.String(), ErrFrameworkMismatch, fmt.Sprintf("the set's %q framework is %s", field, setSide(s, field)))
		}
		canon, ok := cat.Canonical(r)
		if ok {
			return canon
		}
		add(Error, rec, field, r.String(), ErrDanglingRef, danglingDetail(cat, r))
		return r
	}

	type pairKey struct {
		from, to catalog.Ref
		source   string
	}
	type edgeKey struct {
		pairKey
		rel   Relationship
		label string
	}
	firstPair := map[pairKey]int{}
	firstEdge := map[edgeKey]int{}
	for i, e := range s.Edges {
		name, _, ln := where(i)
		line = ln
		rec := fmt.Sprintf("%s (%s → %s)", name, e.From, e.To)
		from := checkRef(rec, "from", e.From, sides["from"])
		to := checkRef(rec, "to", e.To, sides["to"])
		if !e.Relationship.Valid() {
			add(Error, rec, "relationship", e.Relationship.String(), ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
		}
		if e.HasStrength && (e.Strength < 0 || e.Strength > 10) {
			add(Error, rec, "strength", fmt.Sprint(e.Strength), ErrInvalidValue, "a strength is 0 to 10")
		}
		if !e.Rationale.Valid() {
			add(Error, rec, "rationale", string(e.Rationale), ErrInvalidValue, "want syntactic, semantic or functional")
		}
		if e.Source == "" {
			add(Error, rec, "source", "", ErrEmptyField, "every edge names its source document")
		}
		if !from.IsZero() && from == to {
			add(Error, rec, "to", e.To.String(), ErrSelfLoop, "")
		}
		if e.Repeats < 0 {
			add(Error, rec, "repeats", fmt.Sprint(e.Repeats), ErrInvalidValue, "repeats is not negative")
		} else if e.Repeats > 0 {
			add(Warning, rec, "", "", ErrDuplicateEdge, fmt.Sprintf("the source lists %s %s %s %d times; kept once", e.From, e.Relationship, e.To, e.Repeats+1))
		}
		if e.Misprint != "" {
			add(Warning, rec, "", e.Misprint, ErrSourceQuirk, fmt.Sprintf("the source printed %q; read as %s → %s", e.Misprint, e.From, e.To))
		}
		pk := pairKey{from, to, e.Source}
		ek := edgeKey{pk, e.Relationship, e.Label}
		if j, dup := firstEdge[ek]; dup {
			_, other, _ := where(j)
			add(Error, rec, "", "", ErrDuplicateEdge, fmt.Sprintf("same as %s (%s %s %s, source %q)", other, e.From, e.Relationship, e.To, e.Source))
			continue
		}
		firstEdge[ek] = i
		if j, seen := firstPair[pk]; seen {
			if r := s.Edges[j].Relationship; r != e.Relationship {
				_, other, _ := where(j)
				add(Error, rec, "relationship", e.Relationship.String(), ErrContradiction,
					fmt.Sprintf("%s says %s %s %s from the same source %q", other, s.Edges[j].From, r, s.Edges[j].To, e.Source))
			}
		} else {
			firstPair[pk] = i
		}
	}
	line = 0
	for i, st := range s.Statements {
		rec := fmt.Sprintf("statement #%d (%s %s)", i+1, st.Ref, st.Kind)
		checkRef(rec, "ref", st.Ref, sides["from"])
		if !st.Kind.Valid() {
			add(Error, rec, "kind", string(st.Kind), ErrInvalidValue, "unknown statement kind")
		}
		if !st.Reading.IsZero() {
			if _, ok := cat.Canonical(st.Reading); !ok {
				add(Error, rec, "reading", st.Reading.String(), ErrDanglingRef, danglingDetail(cat, st.Reading))
			}
		}
		if st.Misprint != "" {
			d := fmt.Sprintf("the source printed %q for %s, which names nothing", st.Misprint, st.Ref)
			if !st.Reading.IsZero() {
				d += fmt.Sprintf("; probably %s (not applied)", st.Reading)
			}
			add(Warning, rec, "", st.Misprint, ErrSourceQuirk, d)
		}
	}
	return out
}

func setSide(s Set, field string) string {
	if field == "from" || field == "ref" {
		return string(s.From)
	}
	return string(s.To)
}

// danglingDetail says why r names nothing and, when it can, what it likely means.
func danglingDetail(cat *catalog.Catalog, r catalog.Ref) string {
	if !cat.Has(r.Framework) {
		return fmt.Sprintf("framework %q is not in the catalog", r.Framework)
	}
	if m, ok := knownMisprints[r]; ok {
		return fmt.Sprintf("%s print %s as %q; read it as %s", m.who, m.reading, r.ID, m.reading)
	}
	if got, err := cat.ParseRef(r.ID, r.Framework); err == nil {
		return fmt.Sprintf("did you mean %s?", got)
	} else {
		var re *catalog.RefError
		if errors.As(err, &re) && len(re.Candidates) > 0 {
			return fmt.Sprintf("did you mean %s?", re.Candidates[0])
		}
	}
	return fmt.Sprintf("%s has no control %q", r.Framework, r.ID)
}

// HasErrors reports whether any of the problems has [Error] severity.
func HasErrors(problems []*Problem) bool {
	for _, p := range problems {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Errors joins the problems of [Error] severity into one error ([errors.Join]), or
// returns nil when there are none.
func Errors(problems []*Problem) error {
	var errs []error
	for _, p := range problems {
		if p.Severity == Error {
			errs = append(errs, p)
		}
	}
	return errors.Join(errs...)
}

// Resolve returns a copy of s whose refs are rewritten to the catalog's canonical form
// where the catalog can tell what they mean: an Annex A spelling becomes the annex
// framework's control ("iso27001:2022/A.5.1" → "iso27002:2022/5.1") and a spelling
// [catalog.Catalog.ParseRef] resolves within the ref's framework becomes that control
// ("nist-csf:2.0/GV.OC-1" → "nist-csf:2.0/GV.OC-01"). Refs it cannot resolve are left
// as they are, for [Validate] to report. cat nil means [catalog.Default].
func Resolve(s Set, cat *catalog.Catalog) Set {
	if cat == nil {
		cat = catalog.Default()
	}
	fix := func(r catalog.Ref) catalog.Ref {
		if r.IsZero() {
			return r
		}
		if c, ok := cat.Canonical(r); ok {
			return c
		}
		if !cat.Has(r.Framework) {
			return r
		}
		if c, err := cat.ParseRef(r.ID, r.Framework); err == nil {
			return c
		}
		return r
	}
	out := s.Clone()
	for i := range out.Edges {
		out.Edges[i].From = fix(out.Edges[i].From)
		out.Edges[i].To = fix(out.Edges[i].To)
	}
	for i := range out.Statements {
		out.Statements[i].Ref = fix(out.Statements[i].Ref)
		out.Statements[i].Reading = fix(out.Statements[i].Reading)
	}
	return out
}
