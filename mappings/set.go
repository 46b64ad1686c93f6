package mappings

import (
	"iter"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// Rationale is the IR 8477 reason an edge was drawn.
type Rationale string

// Valid reports whether r is empty or one of the IR 8477 rationales.
func (r Rationale) Valid() bool {
	return r == "" || r == Syntactic || r == Semantic || r == Functional
}

// Rationales of IR 8477.
const (
	Syntactic  Rationale = "syntactic"  // the wording is the same or alike
	Semantic   Rationale = "semantic"   // the meaning is the same or alike
	Functional Rationale = "functional" // the effect of implementing them is alike
)

// Edge is one mapping: From R To, with where it was published.
type Edge struct {
	From         catalog.Ref  // control of the set's From framework (or of the framework it carries as its annex)
	To           catalog.Ref  // control of the set's To framework (or of the framework it carries as its annex)
	Relationship Relationship // how From relates to To; the zero value is invalid
	Strength     int          // IR 8477 strength 0–10, meaningful when HasStrength
	HasStrength  bool         // whether the source gave a strength
	Rationale    Rationale    // "" when the source gives none
	Source       string       // ID of the source document (a Set's Source.ID), required
	// Note keeps what the source printed when the edge reads it differently (a
	// misprinted clause number, a list item of a clause), so the reading is visible.
	Note string
	// Label is the source's own word for the link, when it has one beyond the
	// relationship: the CSF 2.0 Reference Tool's "incorporated_into", "moved_to" and
	// "informative_reference_of" for CSF 1.1 → 2.0. Two edges that differ only in
	// Label are two facts, not a duplicate.
	Label string
	// Misprint is set when the source printed a reference that is evidently a slip
	// (NIST's clause "6.11" for 6.1.1): it holds the text as printed, and From/To hold
	// the evident reading. [Validate] reports every such edge as a warning.
	Misprint string
	// Repeats counts how many more times the source lists this very edge: the
	// embedded data keeps one edge and says so here (CIS lists 15.2 → 5.10 twice);
	// [Validate] reports it as a warning. Zero for an edge listed once.
	Repeats int
}

// Inverse returns the same edge read backwards: To R' From with R' = R.Inverse().
func (e Edge) Inverse() Edge {
	e.From, e.To = e.To, e.From
	e.Relationship = e.Relationship.Inverse()
	return e
}

// SetKind says what a mapping set relates.
type SetKind string

// Kinds of mapping sets.
const (
	Crosswalk  SetKind = "crosswalk"  // two different frameworks
	Succession SetKind = "succession" // an edition and its successor (2013 → 2022, CSF 1.1 → 2.0)
)

// Valid reports whether k is Crosswalk or Succession.
func (k SetKind) Valid() bool { return k == Crosswalk || k == Succession }

// Source describes the published document a set comes from.
type Source struct {
	ID        string // short stable ID, referenced by every edge
	Title     string // the document's title, for attribution
	Publisher string // who published it ("NIST", "ISO/IEC")
	Licence   string // the terms under which the set reproduces it
	URL       string // "" when not known
}

// StatementKind is a fact a source states about one element instead of an edge.
type StatementKind string

// Statement kinds.
const (
	// NoReference: the source explicitly lists no reference for the element ("none").
	NoReference StatementKind = "no-reference"
	// EmptyReference: the source has an empty cell for the element.
	EmptyReference StatementKind = "empty"
	// AllControls: the source says every control of the target (e.g. NIST's "All
	// applicable controls" for CSF function PR) instead of listing edges.
	AllControls StatementKind = "all-controls"
	// AllClauses: the source says every clause of the target ("ALL").
	AllClauses StatementKind = "all-clauses"
	// UnresolvedReference: the source names something that has no node in the
	// catalog, such as a management-system clause of ISO/IEC 27001:2013 (only its
	// Annex A, ISO/IEC 27002:2013, is a framework here). Target says what was named.
	UnresolvedReference StatementKind = "unresolved-reference"
	// IncorporatedElsewhere: the source says the element was withdrawn into others
	// without naming them (CSF 1.1 PR.IP "Incorporated into other Categories and
	// Functions").
	IncorporatedElsewhere StatementKind = "incorporated-elsewhere"
)

// StatementKinds returns every statement kind, in a fixed order.
func StatementKinds() []StatementKind {
	return []StatementKind{NoReference, EmptyReference, AllControls, AllClauses, UnresolvedReference, IncorporatedElsewhere}
}

// Valid reports whether k is one of the defined statement kinds.
func (k StatementKind) Valid() bool {
	for _, x := range StatementKinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Statement is a fact about one element of the From framework that is not an edge.
type Statement struct {
	Ref    catalog.Ref   // element of the set's From framework
	Kind   StatementKind // what the source states about Ref
	Target string        // what the statement is about, e.g. "Annex A controls" or "clauses"
	Note   string        // as printed
	// Misprint holds the text as printed when it is evidently a slip that the
	// statement does not resolve (NIST CSF 1.1 prints "Clause 16.1.2" for RS.CO-3);
	// Reading is the suggested reading, not applied. [Validate] warns about both.
	Misprint string
	Reading  catalog.Ref // zero when there is no suggested reading
}

// Set is a mapping set: the edges one source publishes between two frameworks.
//
// Every edge leads from a control of From to a control of To, with one allowance: when
// a framework carries another's controls as its annex (ISO/IEC 27001:2022 carries the
// ISO/IEC 27002:2022 controls as Annex A, see [catalog.Framework].AnnexOf), edges may
// name the annex framework's controls directly. So the CSF 2.0 → ISO/IEC 27001:2022
// set has edges to "iso27001:2022/6.1.2" (a clause) and to "iso27002:2022/8.16" (an
// Annex A control).
type Set struct {
	ID         string              // "nist-csf-2.0_to_iso27001-2022"; required
	From       catalog.FrameworkID // the framework the edges leave
	To         catalog.FrameworkID // the framework the edges reach
	Kind       SetKind             // [Crosswalk] or [Succession]
	Source     Source              // the document every edge of the set comes from
	Edges      []Edge              // as given; the embedded sets order them by From, then To, in document order
	Statements []Statement         // as given (embedded: by Ref in document order); empty when there are none
}

// Clone returns a deep copy of s.
func (s Set) Clone() Set {
	s.Edges = slices.Clone(s.Edges)
	s.Statements = slices.Clone(s.Statements)
	return s
}

// All yields the edges of s in order.
func (s Set) All() iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for _, e := range s.Edges {
			if !yield(e) {
				return
			}
		}
	}
}

// EdgesFrom yields, in order, the edges of s that leave r.
func (s Set) EdgesFrom(r catalog.Ref) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for _, e := range s.Edges {
			if e.From == r && !yield(e) {
				return
			}
		}
	}
}

// EdgesTo yields, in order, the edges of s that reach r, as stored (read them
// backwards with [Edge.Inverse]).
func (s Set) EdgesTo(r catalog.Ref) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for _, e := range s.Edges {
			if e.To == r && !yield(e) {
				return
			}
		}
	}
}

// StatementsAbout returns the statements of s about r, in order.
func (s Set) StatementsAbout(r catalog.Ref) []Statement {
	var out []Statement
	for _, st := range s.Statements {
		if st.Ref == r {
			out = append(out, st)
		}
	}
	return out
}

// Inverse returns s read backwards: From and To swapped and every edge inverted
// ([Edge.Inverse]). Statements are about elements of the From framework, so the
// inverse has none. The ID is kept: the edges are still the same source's.
func (s Set) Inverse() Set {
	inv := s
	inv.From, inv.To = s.To, s.From
	inv.Edges = make([]Edge, len(s.Edges))
	for i, e := range s.Edges {
		inv.Edges[i] = e.Inverse()
	}
	inv.Statements = nil
	return inv
}

// IsIdentity reports whether s is an identity succession: a succession set whose
// every edge is equal and joins two controls of the same ID (CIS v8 → v8.1, the same
// safeguards). A published edge of one side holds for the same-ID control of the
// other: package crosswalk carries such edges across as published, labelled with the
// succession, not as derived ones.
func (s Set) IsIdentity() bool {
	if s.Kind != Succession || len(s.Edges) == 0 || s.From == s.To {
		return false
	}
	for _, e := range s.Edges {
		if e.Relationship != Equal || e.From.ID != e.To.ID {
			return false
		}
	}
	return true
}
