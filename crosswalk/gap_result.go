package crosswalk

import (
	"github.com/controlgraph/controlgraph/catalog"
)

// GapResult is the coverage of a target framework by an assessed baseline. Its JSON
// form ([GapResult.MarshalJSON]) is the CLI's gap contract; every list is in
// document order.
type GapResult struct {
	Baseline catalog.FrameworkID
	Target   catalog.FrameworkID
	Policy   Policy // the policy asked for; each item says which rule decided it
	Derived  bool   // derived paths were searched (for items no published edge reaches)
	// MinRoutes is the fewest routes a derived reach needed to count (with Derived).
	MinRoutes int
	IGs       []string // the implementation groups the target was limited to
	Profiles  []string // the SP 800-53B baselines the target was limited to
	Scope     []string // the scopes the target was limited to
	// Notes say what a reader must know to read the numbers right (for example that
	// CIS v8.1 safeguards are reached through CIS v8's published mappings); every
	// report shows them.
	Notes           []string
	Summary         Summary
	Items           []GapItem
	Groups          []Rollup // roll-ups: per ancestor node in scope, then per implementation group (those of IGs when limited)
	Unreached       []string // IDs of the unreached items
	NotAssessed     []string // IDs of baseline controls the assessment does not rate
	SearchCut       []string // items whose derived search stopped at DerivedSearchBudget
	Recommendations []Recommendation
}

// Summary counts the target items by coverage. Total = Covered + Partial + Gap +
// Unreached + NotApplicable. The percentages are of the applicable items
// (Total − NotApplicable), each rounded half up to one decimal on its own, as a reader
// checks them by hand (so they need not add up to exactly 100.0); all zero when no
// item is applicable. CoveragePercent is the covered share.
type Summary struct {
	Total            int     `json:"total"`
	Covered          int     `json:"covered"`
	Partial          int     `json:"partial"`
	Gap              int     `json:"gap"`
	Unreached        int     `json:"unreached"`
	NotApplicable    int     `json:"not_applicable"`
	Applicable       int     `json:"applicable"`
	CoveredPercent   float64 `json:"covered_percent"`
	PartialPercent   float64 `json:"partial_percent"`
	GapPercent       float64 `json:"gap_percent"`
	UnreachedPercent float64 `json:"unreached_percent"`
	CoveragePercent  float64 `json:"coverage_percent"`
	// DerivedOnly counts the items (partial or gap) that only derived paths reach:
	// their status rests on inference, not on a published mapping.
	DerivedOnly int `json:"derived_only,omitempty"`
}

// GapItem is one target item and the baseline controls behind its coverage.
type GapItem struct {
	ID     string
	Title  string
	Status Coverage
	// Rule is the rule that decided Status: strict, referenced, strict+referenced
	// (policy Auto, an item reached by both kinds of edge) or derived (only derived
	// paths reach the item: at most partial); empty for an unreached item.
	Rule Rule
	// Via are the links from the baseline controls that reach the item (From, with
	// its assessed Status) to it (To), by control in document order.
	Via []Link
	// Statements are what the mapping sources state about the item instead of an
	// edge ("no-reference: ..."), which can explain an unreached item.
	Statements []string
	// Outside are the controls outside the baseline that a published edge links to the
	// item in a framework that carries the baseline as its annex ("iso27001:2022/6.1.2",
	// a management-system clause of ISO/IEC 27001): they do not count for coverage of an
	// ISO/IEC 27002 baseline, and explain why an item is reached by the standard but not
	// by its controls.
	Outside []string
}

// Rollup is the coverage of the items under one node of the target framework (a CSF
// function or category, a CIS control) or of a CIS implementation group.
type Rollup struct {
	ID              string  `json:"id"`
	Title           string  `json:"title"`
	Kind            string  `json:"kind"` // the node's kind, or "implementation-group"
	Total           int     `json:"total"`
	Covered         int     `json:"covered"`
	Partial         int     `json:"partial"`
	Gap             int     `json:"gap"`
	Unreached       int     `json:"unreached"`
	NotApplicable   int     `json:"not_applicable"`
	CoveragePercent float64 `json:"coverage_percent"`
}
