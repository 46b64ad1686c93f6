package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/mappings"
)

// Policy is how [Crosswalk.Gap] turns the statuses of the baseline controls that
// reach a target item into the item's coverage. The package documentation
// ("Coverage") has the rules as a table.
type Policy string

// The policies.
const (
	// Auto, the default, reads each edge by what it is: set-theory edges (equal,
	// subset-of, superset-of, intersects-with) under the Strict rule, uncharacterised
	// related edges (NIST's and ENISA's informative references) under the Referenced
	// rule; an item reached by both kinds is covered when either rule covers it.
	Auto Policy = "auto"
	// Strict reads the relationships as sets: an item is covered when an implemented
	// baseline control is equal to it or a superset of it. A source that publishes
	// only related links (NIST's CSF informative references) therefore makes items
	// partial at best under Strict.
	Strict Policy = "strict"
	// Referenced reads every mapping as an informative reference: an item is covered
	// when every applicable baseline control that maps to it is implemented.
	Referenced Policy = "referenced"
)

func (p Policy) applyGap(c *gapConfig) { c.policy = p }

// ParsePolicy reads "auto", "strict" or "referenced" (any case).
func ParsePolicy(s string) (Policy, error) {
	switch p := Policy(lower(s)); p {
	case Auto, Strict, Referenced:
		return p, nil
	}
	return "", fmt.Errorf("crosswalk: unknown coverage policy %q (want auto, strict or referenced)", s)
}

func (p Policy) valid() bool { return p == Auto || p == Strict || p == Referenced }

// Rule is the rule that gave one item its coverage, reported per item ([GapItem.Rule])
// so that a reader of an Auto result knows how each status was reached.
type Rule string

// The rules.
const (
	RuleStrict     Rule = "strict"            // set-theory edges read as sets
	RuleReferenced Rule = "referenced"        // related edges read as informative references
	RuleBoth       Rule = "strict+referenced" // Auto, an item reached by both kinds: covered when either rule covers it
	RuleDerived    Rule = "derived"           // only derived paths reach the item: at most partial
)

// Coverage is the status of one target item in a [GapResult].
type Coverage string

// The coverage statuses of an item (named Item… to keep them apart from the
// [Status] of a control: a partial control, an item partly covered).
const (
	ItemCovered       Coverage = "covered"        // the baseline, as assessed, covers the item
	ItemPartial       Coverage = "partial"        // it covers part of it
	ItemGap           Coverage = "gap"            // controls reach it but none (enough) is implemented
	ItemUnreached     Coverage = "unreached"      // no baseline control maps to it: a gap of the baseline itself
	ItemNotApplicable Coverage = "not-applicable" // every control that reaches it is not applicable
)

// level orders the coverage statuses an implementation can move: gap 0, partial 1,
// covered 2.
func (c Coverage) level() int {
	switch c {
	case ItemPartial:
		return 1
	case ItemCovered:
		return 2
	}
	return 0
}

// How a counted reach reads, for coverage.
const (
	reachStrong  uint8 = iota // equal or superset-of: covers under the strict rule
	reachWeakSet              // subset-of or intersects-with: partial under the strict rule
	reachRelated              // related: an informative reference
)

func reachKind(r mappings.Relationship) uint8 {
	switch r {
	case mappings.Equal, mappings.SupersetOf:
		return reachStrong
	case mappings.Related:
		return reachRelated
	}
	return reachWeakSet
}

// countedReach is a reach that counts for coverage (not one at an ancestor of the item, which
// is context only), in the form coverage reads: the baseline control's position in
// the baseline and how the reach reads.
type countedReach struct {
	pos     int32
	kind    uint8
	derived bool
}

// The shape of an item's counted reaches, for coverage: what does not depend on
// the statuses.
const (
	shapeDerived uint8 = 1 << iota // a derived reach
	shapeSet                       // a set-theory reach (equal, subset-of, superset-of, intersects-with)
	shapeRel                       // a related reach
)

// reachShape returns the shape of reaches rs.
func reachShape(rs []countedReach) uint8 {
	var sh uint8
	for _, r := range rs {
		if r.derived {
			sh |= shapeDerived
		}
		if r.kind == reachRelated {
			sh |= shapeRel
		} else {
			sh |= shapeSet
		}
	}
	return sh
}

// coverage decides the coverage of one item from the reaches that count and the
// statuses (indexed by baseline position), and the rule that decided it.
func coverage(rs []countedReach, st []Status, pol Policy) (Coverage, Rule) {
	return coverageOf(rs, reachShape(rs), st, pol)
}

// coverageOf is [coverage] with the shape of rs known (reachShape(rs)).
func coverageOf(rs []countedReach, shape uint8, st []Status, pol Policy) (Coverage, Rule) {
	if len(rs) == 0 {
		return ItemUnreached, ""
	}
	rule := ruleOf(shape, pol)
	n := tallyOf(rs, st)
	if n.applicable == 0 {
		return ItemNotApplicable, rule
	}
	var covered bool
	switch rule {
	case RuleDerived:
		covered = false // an inference, never proof: at most partial
	case RuleStrict:
		covered = n.strictCover
	case RuleReferenced:
		covered = n.good == n.applicable
	case RuleBoth:
		covered = n.strictCover || (n.relApplicable > 0 && n.relGood == n.relApplicable)
	}
	switch {
	case covered:
		return ItemCovered, rule
	case n.some:
		return ItemPartial, rule
	}
	return ItemGap, rule
}

// ruleOf is the rule that decides an item whose counted reaches have the given
// shape, under policy pol.
func ruleOf(shape uint8, pol Policy) Rule {
	switch {
	case shape&shapeDerived != 0:
		return RuleDerived
	case pol == Strict:
		return RuleStrict
	case pol == Referenced:
		return RuleReferenced
	case shape&shapeSet != 0 && shape&shapeRel != 0:
		return RuleBoth
	case shape&shapeRel != 0:
		return RuleReferenced
	}
	return RuleStrict
}

// tally counts what the rules read from an item's counted reaches under statuses
// st: the applicable reaches and the implemented ones (in all, and the related
// ones), whether an implemented control reaches it by a strong set relationship, and
// whether any is implemented or partial.
type tally struct {
	applicable, good, relApplicable, relGood int
	strictCover, some                        bool
}

func tallyOf(rs []countedReach, st []Status) tally {
	var n tally
	for _, r := range rs {
		switch st[r.pos] {
		case NotApplicable:
			continue
		case Implemented:
			n.good++
			n.some = true
			n.strictCover = n.strictCover || r.kind == reachStrong
			if r.kind == reachRelated {
				n.relGood++
			}
		case Partial:
			n.some = true
		}
		n.applicable++
		if r.kind == reachRelated {
			n.relApplicable++
		}
	}
	return n
}
