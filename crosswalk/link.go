package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Link is one control reaching another across frameworks, read "From Relationship
// To". It is the one answer of every query that joins two controls:
//
//   - [Crosswalk.Map]: From is the queried control, To a control of the target
//     framework;
//   - [Crosswalk.Gap] ([GapItem.Via]) and [Crosswalk.Requirements]
//     ([Requirement.Links]): From is a baseline control, To the target item it
//     reaches.
//
// Basis says on what ground: a published edge, one carried across an identity
// succession, an edge published at an ancestor (context, never coverage), or a
// derived path (an inference, at most partial coverage).
type Link struct {
	// From and To are the two controls, From reaching To, each in its own
	// framework (see above for which is which in each query).
	From, To catalog.Ref
	// FromTitle and ToTitle are the titles of From and To, so that a reader of the
	// link needs no catalog.
	FromTitle, ToTitle string
	// Relationship is read from From to To. For a derived link it is the composition
	// of the path's relationships ([mappings.Compose]); for basis ancestor (in a gap)
	// it is [mappings.Related]: the edge says something about the ancestor, not the
	// item.
	Relationship mappings.Relationship
	// Inverse is true, in a map, when the strongest published edge was published
	// To → From and is read backwards.
	Inverse bool
	// Status is, in a gap result, the assessed status of From; elsewhere NotAssessed.
	Status Status
	// Cut is true, in a map, when the derived search stopped at
	// [DerivedSearchBudget]: Routes counts the paths found until then.
	Cut   bool
	Basis Basis // never zero in a result
	// Through is, when the edge was carried across an identity succession (basis
	// succession, or ancestor in a map), the framework whose published edge was
	// carried ("cis:8" for a CIS v8.1 safeguard).
	Through catalog.FrameworkID
	// Ancestor is set when the published edge is not at the link's own end but at
	// an ancestor of it: in a gap, an ancestor of To (a CSF category: basis
	// ancestor, "mapped at category level", context only); in a map, an ancestor of
	// the queried control, which has no edge of its own to the target framework.
	Ancestor catalog.Ref
	// Routes is, for a derived link, the number of independent routes (distinct
	// sequences of the framework families its paths pass through) that reach To from
	// From: the best measured signal of a derived link being right.
	Routes int
	// Paths is, for a derived link in a map, the number of distinct paths found.
	Paths int
	// Sources are the IDs of the source documents behind the link, without repeats.
	Sources []string
	// Edges are, in a map, the published edges between From (or Ancestor, or a
	// twin) and To (or its twin), strongest first; nil for a derived link and in
	// gap and requirements results, which name the Sources only.
	Edges []Hop
	// Path is, for a derived link, the chain of published edges it composes, hop by
	// hop from From to To; nil otherwise.
	Path []Hop
	// Alternatives are, in a map with [WithDerived], other derived paths found to
	// To, best first, at most [MaxAlternatives].
	Alternatives [][]Hop
}

// Derived reports whether the link is an inference (basis derived) rather than a
// published mapping.
func (l Link) Derived() bool { return l.Basis == BasisDerived }

// Published reports whether a source publishes the link between its two ends (or
// between their same-ID twins, basis succession). A link at an ancestor is not.
func (l Link) Published() bool { return l.Basis == BasisPublished || l.Basis == BasisSuccession }

// Controls returns the controls of a derived link's path, from From to To; nil for
// another link.
func (l Link) Controls() []catalog.Ref {
	if len(l.Path) == 0 {
		return nil
	}
	out := make([]catalog.Ref, 0, len(l.Path)+1)
	out = append(out, l.Path[0].From)
	for _, h := range l.Path {
		out = append(out, h.To)
	}
	return out
}

// String describes the link on one line, for logs and tests:
// "iso27002:2022/5.1 equal nist-csf:2.0/GV.PO-01 (inverse)".
func (l Link) String() string {
	s := fmt.Sprintf("%s %s %s", l.From, l.Relationship, l.To)
	switch {
	case l.Derived():
		routes := "routes"
		if l.Routes == 1 {
			routes = "route"
		}
		s += fmt.Sprintf(" (derived, %d hops, %d %s)", len(l.Path), l.Routes, routes)
	case l.Basis == BasisSuccession:
		s += fmt.Sprintf(" (via %s, succession)", l.Through)
	case !l.Ancestor.IsZero():
		s += fmt.Sprintf(" (mapped at %s level)", l.Ancestor)
	case l.Inverse:
		s += " (inverse)"
	}
	return s
}

// Hop is one published mapping edge on the way from a control to another, read in
// the direction of travel: From Relationship To.
type Hop struct {
	From, To     catalog.Ref           // the control the hop leaves and the one it reaches
	Relationship mappings.Relationship // as read from From to To
	// Inverse is true when the source published the edge To → From and the hop reads
	// it backwards (Relationship is then the inverse of the published one).
	Inverse bool
	Set     string // ID of the mapping set
	Source  string // ID of the source document
	Note    string // what the source printed, when the edge reads it differently
	Label   string // the source's own word for the link (e.g. "incorporated_into"), if any
}

// reversed returns h read the other way: To Relationship⁻¹ From.
func (h Hop) reversed() Hop {
	h.From, h.To = h.To, h.From
	h.Relationship = h.Relationship.Inverse()
	h.Inverse = !h.Inverse
	return h
}

// Basis says on what ground a control reaches another ([Link.Basis]). Its text form
// (String, JSON) is the word: "published", "succession", "ancestor", "derived".
type Basis uint8

// The bases, from the most to the least direct.
const (
	// BasisPublished: a source publishes an edge between the two.
	BasisPublished Basis = iota + 1
	// BasisSuccession: a source publishes the edge for the same-ID control of an
	// identity succession (CIS v8 for CIS v8.1: the same safeguards, all equal), and
	// the edge is carried across it. It is still a published edge, not an inference.
	BasisSuccession
	// BasisAncestor: the edge is published at an ancestor ([Link.Ancestor]): of the
	// item in a gap (a CSF category or function, "mapped at category level"), of the
	// queried control in a map. It is context, and never counts for an item's
	// coverage.
	BasisAncestor
	// BasisDerived: no source publishes it; a path of published edges through other
	// frameworks composes it. An inference: it gives at most partial coverage.
	BasisDerived
)

var basisNames = [...]string{BasisPublished: "published", BasisSuccession: "succession", BasisAncestor: "ancestor", BasisDerived: "derived"}

// String returns the basis word, or "" for the zero Basis.
func (b Basis) String() string {
	if int(b) < len(basisNames) {
		return basisNames[b]
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// MarshalText implements [encoding.TextMarshaler] with the basis word.
func (b Basis) MarshalText() ([]byte, error) {
	if b == 0 || int(b) >= len(basisNames) {
		return nil, fmt.Errorf("crosswalk: invalid basis %d", uint8(b))
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: one of the basis words.
func (b *Basis) UnmarshalText(t []byte) error {
	for i, n := range basisNames {
		if i > 0 && n == string(t) {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("crosswalk: unknown basis %q (want published, succession, ancestor or derived)", t)
}
