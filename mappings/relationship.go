package mappings

import (
	"fmt"
	"strings"
)

// Relationship is how the source of an edge relates to its target, in the
// set-theory vocabulary of NIST IR 8477, read "source R target", plus Related for a
// published link its source does not characterise.
type Relationship uint8

// The relationships. The zero value is not a relationship.
const (
	Equal          Relationship = iota + 1 // source and target are the same set of requirements
	SubsetOf                               // source ⊂ target: the target asks for more
	SupersetOf                             // source ⊃ target: the source asks for more
	IntersectsWith                         // they overlap; neither contains the other
	NotRelatedTo                           // explicitly unrelated
	Related                                // linked by the source, relationship not characterised
)

var relNames = [...]string{
	Equal:          "equal",
	SubsetOf:       "subset-of",
	SupersetOf:     "superset-of",
	IntersectsWith: "intersects-with",
	NotRelatedTo:   "not-related-to",
	Related:        "related",
}

// Relationships returns every relationship, strongest first.
func Relationships() []Relationship {
	return []Relationship{Equal, SubsetOf, SupersetOf, IntersectsWith, Related, NotRelatedTo}
}

// String returns the IR 8477 word ("equal", "subset-of", ...).
func (r Relationship) String() string {
	if r.Valid() {
		return relNames[r]
	}
	return fmt.Sprintf("Relationship(%d)", uint8(r))
}

// Valid reports whether r is one of the defined relationships.
func (r Relationship) Valid() bool { return r >= Equal && r <= Related }

// Inverse returns the relationship read the other way: SubsetOf ↔ SupersetOf; the
// others are symmetric.
func (r Relationship) Inverse() Relationship {
	switch r {
	case SubsetOf:
		return SupersetOf
	case SupersetOf:
		return SubsetOf
	}
	return r
}

// Rank orders relationships by how much they say, for ranking results: Equal 5,
// SubsetOf and SupersetOf 4, IntersectsWith 3, Related 2, NotRelatedTo 0.
func (r Relationship) Rank() int {
	switch r {
	case Equal:
		return 5
	case SubsetOf, SupersetOf:
		return 4
	case IntersectsWith:
		return 3
	case Related:
		return 2
	}
	return 0
}

// ErrUnknownRelationship is returned for a word that names no relationship.
var ErrUnknownRelationship = fmt.Errorf("unknown relationship")

// relSeparators removes what ParseRelationship ignores between words.
var relSeparators = strings.NewReplacer("-", "", "_", "", " ", "")

// ParseRelationship reads a relationship in any of the spellings in use, without
// regard to case, spaces, '-' or '_': IR 8477 ("equal", "subset-of", "superset-of",
// "intersects-with", "not-related-to", "related"), OSCAL 1.2 tokens ("equal-to",
// "equivalent-to", "subset-of", "superset-of", "intersects-with", "no-relationship")
// and the CISO Assistant / SCF words ("equal", "subset", "superset", "intersect",
// "not_related").
func ParseRelationship(s string) (Relationship, error) {
	for r := Equal; r <= Related; r++ {
		if s == relNames[r] {
			return r, nil
		}
	}
	k := relSeparators.Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "equal", "equalto", "equivalentto", "equivalent", "eq":
		return Equal, nil
	case "subsetof", "subset":
		return SubsetOf, nil
	case "supersetof", "superset":
		return SupersetOf, nil
	case "intersectswith", "intersect", "intersects":
		return IntersectsWith, nil
	case "notrelatedto", "notrelated", "norelationship":
		return NotRelatedTo, nil
	case "related", "relatedto":
		return Related, nil
	}
	return 0, fmt.Errorf("%w %q (want equal, subset-of, superset-of, intersects-with, not-related-to or related)", ErrUnknownRelationship, s)
}

// MarshalText implements [encoding.TextMarshaler] with the IR 8477 word.
func (r Relationship) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("mappings: cannot encode %v", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRelationship].
func (r *Relationship) UnmarshalText(b []byte) error {
	v, err := ParseRelationship(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// OSCAL returns the OSCAL 1.2 mapping relationship token. Related has no OSCAL token:
// it is written as "intersects-with" and exact is false, so the writer must mark the
// edge as uncharacterised (package oscal adds a prop saying so).
func (r Relationship) OSCAL() (token string, exact bool) {
	switch r {
	case Equal:
		return "equal-to", true
	case SubsetOf:
		return "subset-of", true
	case SupersetOf:
		return "superset-of", true
	case IntersectsWith:
		return "intersects-with", true
	case NotRelatedTo:
		return "no-relationship", true
	case Related:
		return "intersects-with", false
	}
	return "", false
}

// SCF returns the CISO Assistant / Secure Controls Framework spelling ("equal",
// "subset", "superset", "intersect", "not_related"); Related has none and gives "".
func (r Relationship) SCF() string {
	switch r {
	case Equal:
		return "equal"
	case SubsetOf:
		return "subset"
	case SupersetOf:
		return "superset"
	case IntersectsWith:
		return "intersect"
	case NotRelatedTo:
		return "not_related"
	}
	return ""
}

// Compose returns the relationship of A to C given A r1 B and B r2 C:
//
//   - equal∘R = R∘equal = R;
//   - subset∘subset = subset; superset∘superset = superset;
//   - every other pair, and any pair with Related, gives Related.
//
// Some of those pairs prove more than "related" and less than IR 8477's
// intersects-with: superset∘subset (A and C both contain B), intersects∘subset and
// superset∘intersects show only that A and C share content, not that each has content
// the other lacks (A may contain C, or equal it). IR 8477 has no word for "overlap,
// nothing more known", so the composition says Related, and a derived result's path
// shows why.
//
// ok is false when either step is NotRelatedTo (or invalid): the path stops there.
func Compose(r1, r2 Relationship) (r Relationship, ok bool) {
	if !r1.Valid() || !r2.Valid() || r1 == NotRelatedTo || r2 == NotRelatedTo {
		return 0, false
	}
	switch {
	case r1 == Equal:
		return r2, true
	case r2 == Equal:
		return r1, true
	case r1 == Related || r2 == Related:
		return Related, true
	case r1 == SubsetOf && r2 == SubsetOf:
		return SubsetOf, true
	case r1 == SupersetOf && r2 == SupersetOf:
		return SupersetOf, true
	}
	return Related, true
}
