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
// statements, each a [*catalog.DataError] whose Record names the set and the edge or
// statement (`set "s": edge #3 (a → b)`). It never stops early and never panics.
//
// Errors (Warning not set):
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
// Warnings (problems with Warning set) report the known quirks of a source that the data
// keeps as published: an edge or statement with a Misprint ([ErrSourceQuirk], with the
// reading), and an edge the source lists more than once (Repeats > 0,
// [ErrDuplicateEdge]). Warnings do not make the set wrong.
func Validate(s Set, cat *catalog.Catalog) []*catalog.DataError {
	return validate(s, cat, func(i int) (string, string, int) {
		n := fmt.Sprintf("edge #%d", i+1)
		return n, n, 0
	})
}

// validate is Validate with the position of edge i given by where: how its record is
// named ("edge #3", or "edge" when the line says where), how another problem refers
// to it ("edge #3", "line 7") and its line (0 when unknown).
func validate(s Set, cat *catalog.Catalog, where func(i int) (record, ref string, line int)) []*catalog.DataError {
	if cat == nil {
		cat = catalog.Default()
	}
	c := &checker{s: s, cat: cat, where: where, firstPair: map[pairKey]int{}, firstEdge: map[edgeKey]int{}}
	c.set()
	for i, e := range s.Edges {
		c.edge(i, e)
	}
	c.line = 0
	for i, st := range s.Statements {
		c.statement(i, st)
	}
	return c.out
}

// pairKey is an edge without its relationship and label: two edges of one pairKey
// and different relationships contradict each other.
type pairKey struct {
	from, to catalog.Ref
	source   string
}

// edgeKey is what makes an edge the same as another.
type edgeKey struct {
	pairKey
	rel   Relationship
	label string
}

// checker collects the problems of one set as [validate] finds them.
type checker struct {
	s     Set
	cat   *catalog.Catalog
	where func(i int) (record, ref string, line int)
	out   []*catalog.DataError
	line  int // of the edge being checked
	// allowed are the frameworks of each side ("from", "to"): the set's, and the
	// framework it carries as its annex.
	allowed   map[string]map[catalog.FrameworkID]bool
	firstPair map[pairKey]int // the first edge of each pair
	firstEdge map[edgeKey]int // the first edge of each edge key
}

// add reports a problem of the set at its element rec ("" for the set itself).
func (c *checker) add(sev severity, rec, field, value string, err error, detail string) {
	c.out = append(c.out, &catalog.DataError{Line: c.line, Record: setRecord(c.s.ID, rec), Field: field, Value: value, Err: err, Detail: detail, Warning: sev == warning})
}

// severity is whether a problem the checker adds is an error or a warning.
type severity bool

const (
	isError severity = false
	warning severity = true
)

// set checks the fields of the set itself and finds the frameworks of its sides.
func (c *checker) set() {
	s := c.s
	if s.ID == "" {
		c.add(isError, "", "id", "", ErrEmptyField, "")
	}
	c.allowed = map[string]map[catalog.FrameworkID]bool{}
	for _, f := range []struct {
		name string
		id   catalog.FrameworkID
	}{{"from", s.From}, {"to", s.To}} {
		allowed := map[catalog.FrameworkID]bool{f.id: true}
		c.allowed[f.name] = allowed
		if f.id == "" {
			c.add(isError, "", f.name, "", ErrEmptyField, "")
			continue
		}
		info, ok := c.cat.Framework(f.id)
		if !ok {
			c.add(isError, "", f.name, string(f.id), ErrUnknownSetFramework, "")
			continue
		}
		if info.AnnexOf != "" {
			allowed[info.AnnexOf] = true
		}
	}
	if !s.Kind.Valid() {
		c.add(isError, "", "kind", string(s.Kind), ErrInvalidValue, `want "crosswalk" or "succession"`)
	}
	if s.Source.ID == "" {
		c.add(isError, "", "source", "", ErrEmptyField, "a set names its source document")
	}
}

// ref reports a ref that is empty, of a framework not of its side or dangling, and
// returns its canonical form (or the ref itself when it does not resolve).
func (c *checker) ref(rec, field string, r catalog.Ref, side string) catalog.Ref {
	if r.IsZero() || r.ID == "" {
		c.add(isError, rec, field, "", ErrEmptyField, "")
		return r
	}
	if !c.allowed[side][r.Framework] {
		c.add(isError, rec, field, r.String(), ErrFrameworkMismatch, fmt.Sprintf("the set's %q framework is %s", field, setSide(c.s, field)))
	}
	canon, ok := c.cat.Canonical(r)
	if ok {
		return canon
	}
	c.add(isError, rec, field, r.String(), ErrDanglingRef, danglingDetail(c.cat, r))
	return r
}

// edge checks edge i: its refs and fields, then whether it repeats or contradicts
// an edge before it.
func (c *checker) edge(i int, e Edge) {
	name, _, ln := c.where(i)
	c.line = ln
	rec := fmt.Sprintf("%s (%s → %s)", name, e.From, e.To)
	from := c.ref(rec, "from", e.From, "from")
	to := c.ref(rec, "to", e.To, "to")
	c.edgeFields(rec, e)
	if !from.IsZero() && from == to {
		c.add(isError, rec, "to", e.To.String(), ErrSelfLoop, "")
	}
	c.edgeQuirks(rec, e)
	c.repeats(i, rec, e, pairKey{from, to, e.Source})
}

// edgeFields checks the relationship, strength, rationale and source of an edge.
func (c *checker) edgeFields(rec string, e Edge) {
	if !e.Relationship.Valid() {
		c.add(isError, rec, "relationship", e.Relationship.String(), ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
	}
	if e.HasStrength && (e.Strength < 0 || e.Strength > 10) {
		c.add(isError, rec, "strength", fmt.Sprint(e.Strength), ErrInvalidValue, "a strength is 0 to 10")
	}
	if !e.Rationale.Valid() {
		c.add(isError, rec, "rationale", string(e.Rationale), ErrInvalidValue, "want syntactic, semantic or functional")
	}
	if e.Source == "" {
		c.add(isError, rec, "source", "", ErrEmptyField, "every edge names its source document")
	}
}

// edgeQuirks reports the source's quirks an edge keeps: the times the source lists
// it, and a misprint.
func (c *checker) edgeQuirks(rec string, e Edge) {
	if e.Repeats < 0 {
		c.add(isError, rec, "repeats", fmt.Sprint(e.Repeats), ErrInvalidValue, "repeats is not negative")
	} else if e.Repeats > 0 {
		c.add(warning, rec, "", "", ErrDuplicateEdge, fmt.Sprintf("the source lists %s %s %s %d times; kept once", e.From, e.Relationship, e.To, e.Repeats+1))
	}
	if e.Misprint != "" {
		c.add(warning, rec, "misprint", e.Misprint, ErrSourceQuirk, fmt.Sprintf("read as %s → %s", e.From, e.To))
	}
}

// repeats reports edge i when an edge before it is the same edge, or joins the same
// controls from the same source with another relationship.
func (c *checker) repeats(i int, rec string, e Edge, pk pairKey) {
	ek := edgeKey{pk, e.Relationship, e.Label}
	if j, dup := c.firstEdge[ek]; dup {
		_, other, _ := c.where(j)
		c.add(isError, rec, "", "", ErrDuplicateEdge, fmt.Sprintf("same as %s (%s %s %s, source %q)", other, e.From, e.Relationship, e.To, e.Source))
		return
	}
	c.firstEdge[ek] = i
	j, seen := c.firstPair[pk]
	if !seen {
		c.firstPair[pk] = i
		return
	}
	if r := c.s.Edges[j].Relationship; r != e.Relationship {
		_, other, _ := c.where(j)
		c.add(isError, rec, "relationship", e.Relationship.String(), ErrContradiction,
			fmt.Sprintf("%s says %s %s %s from the same source %q", other, c.s.Edges[j].From, r, c.s.Edges[j].To, e.Source))
	}
}

// statement checks statement i: its ref, kind and reading, and its misprint.
func (c *checker) statement(i int, st Statement) {
	rec := fmt.Sprintf("statement #%d (%s %s)", i+1, st.Ref, st.Kind)
	c.ref(rec, "ref", st.Ref, "from")
	if !st.Kind.Valid() {
		c.add(isError, rec, "kind", string(st.Kind), ErrInvalidValue, "unknown statement kind")
	}
	if !st.Reading.IsZero() {
		if _, ok := c.cat.Canonical(st.Reading); !ok {
			c.add(isError, rec, "reading", st.Reading.String(), ErrDanglingRef, danglingDetail(c.cat, st.Reading))
		}
	}
	if st.Misprint != "" {
		d := "names no control"
		if !st.Reading.IsZero() {
			d += fmt.Sprintf("; probably %s (not applied)", st.Reading)
		}
		c.add(warning, rec, "misprint", st.Misprint, ErrSourceQuirk, d)
	}
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

// HasErrors reports whether any of the problems is an error (not a warning).
func HasErrors(problems []*catalog.DataError) bool {
	for _, p := range problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Errors joins the problems that are errors (not warnings) into one error
// ([errors.Join]), or returns nil when there are none.
func Errors(problems []*catalog.DataError) error {
	var errs []error
	for _, p := range problems {
		if !p.Warning {
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
