package mappings

import (
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// Rationale is the IR 8477 reason an edge was drawn.
type Rationale string

// Rationales of IR 8477.
const (
	Syntactic  Rationale = "syntactic"  // the wording is the same or alike
	Semantic   Rationale = "semantic"   // the meaning is the same or alike
	Functional Rationale = "functional" // the effect of implementing them is alike
)

// Edge is one mapping: From R To, with where it was published.
type Edge struct {
	From         catalog.Ref
	To           catalog.Ref
	Relationship Relationship
	Strength     int  // IR 8477 strength 0–10, meaningful when HasStrength
	HasStrength  bool // whether the source gave a strength
	Rationale    Rationale
	Source       string // ID of the source document (a Set's Source.ID), required
	// Note keeps what the source printed when the edge reads it differently (a
	// misprinted clause number, a list item of a clause), so the reading is visible.
	Note string
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

// Source describes the published document a set comes from.
type Source struct {
	ID        string // short stable ID, referenced by every edge
	Title     string
	Publisher string
	Licence   string
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
)

// Statement is a fact about one element of the From framework that is not an edge.
type Statement struct {
	Ref    catalog.Ref // element of the set's From framework
	Kind   StatementKind
	Target string // what the statement is about, e.g. "Annex A controls" or "clauses"
	Note   string // as printed
}

// Set is a mapping set: the edges one source publishes between two frameworks.
type Set struct {
	ID         string
	From       catalog.FrameworkID
	To         catalog.FrameworkID
	Kind       SetKind
	Source     Source
	Edges      []Edge
	Statements []Statement
}

// Clone returns a deep copy of s.
func (s Set) Clone() Set {
	s.Edges = slices.Clone(s.Edges)
	s.Statements = slices.Clone(s.Statements)
	return s
}
