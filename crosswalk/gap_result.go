package crosswalk

import (
	"github.com/controlgraph/controlgraph/catalog"
)

// GapResult is the coverage of a target framework by an assessed baseline. Its JSON
// form ([GapResult.MarshalJSON]) is the CLI's gap contract; every list but
// Recommendations (best first) is in document order.
type GapResult struct {
	Baseline catalog.FrameworkID // the framework the assessment rates
	Target   catalog.FrameworkID // the framework measured, as passed to [Crosswalk.Gap]
	Policy   Policy              // the policy asked for; each item says which rule decided it
	Derived  bool                // derived paths were searched (for items no published edge reaches)
	// MinRoutes is the fewest routes a derived reach needed to count (with Derived).
	MinRoutes int
	IGs       []string // the implementation groups the target was limited to
	Profiles  []string // the SP 800-53B baselines the target was limited to
	Scope     []string // the scopes the target was limited to
	// Notes say what a reader must know to read the numbers right (for example that
	// CIS v8.1 safeguards are reached through CIS v8's published mappings); every
	// report shows them.
	Notes   []string
	Summary Summary   // the counts and percentages of Items
	Items   []GapItem // one per target item within the limits (IGs, Profiles, Scope)
	// Groups are the roll-ups: per ancestor node in scope, then per CIS implementation
	// group and per SP 800-53B baseline (only those of IGs and Profiles when limited).
	Groups      []Rollup
	Unreached   []string // IDs of the unreached items
	NotAssessed []string // IDs of baseline controls the assessment does not rate
	SearchCut   []string // items whose derived search stopped at DerivedSearchBudget
	// Recommendations are the baseline controls to implement next, best first, as
	// [Crosswalk.Recommend] chooses them: at most [DefaultRecommendations] unless
	// [WithRecommendations] says otherwise. Gap leaves it empty, not nil, when none
	// is asked for or no control would move an item.
	Recommendations []Recommendation
}

// Summary counts the target items by coverage. Total = Covered + Partial + Gap +
// Unreached + NotApplicable. The percentages are of the applicable items
// (Total − NotApplicable), each rounded half up to one decimal on its own, as a reader
// checks them by hand (so they need not add up to exactly 100.0); all zero when no
// item is applicable. CoveragePercent is the covered share.
type Summary struct {
	Total            int     `json:"total"`             // the items counted (len of [GapResult].Items)
	Covered          int     `json:"covered"`           // items [Covered]
	Partial          int     `json:"partial"`           // items [PartlyCovered]
	Gap              int     `json:"gap"`               // items [Gap]
	Unreached        int     `json:"unreached"`         // items [Unreached]: no baseline control maps to them
	NotApplicable    int     `json:"not_applicable"`    // items [NotApplicableCov], left out of the percentages
	Applicable       int     `json:"applicable"`        // Total − NotApplicable: the whole of the percentages
	CoveredPercent   float64 `json:"covered_percent"`   // Covered of Applicable, in percent
	PartialPercent   float64 `json:"partial_percent"`   // Partial of Applicable, in percent
	GapPercent       float64 `json:"gap_percent"`       // Gap of Applicable, in percent
	UnreachedPercent float64 `json:"unreached_percent"` // Unreached of Applicable, in percent
	CoveragePercent  float64 `json:"coverage_percent"`  // the headline figure: equal to CoveredPercent (partial counts nothing)
	// DerivedOnly counts the items (partial or gap) that only derived paths reach:
	// their status rests on inference, not on a published mapping.
	DerivedOnly int `json:"derived_only,omitempty"`
}

// GapItem is one target item and the baseline controls behind its coverage.
type GapItem struct {
	ID     string   // the item's ID in the target framework ("GV.OC-01")
	Title  string   // the item's title in the catalog
	Status Coverage // how far the baseline, as assessed, covers the item
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
	ID              string  `json:"id"`               // the node's ID ("GV.OC"), or the group's name ("IG1", "LOW")
	Title           string  `json:"title"`            // the node's title, or "Implementation Group 1", "LOW baseline"
	Kind            string  `json:"kind"`             // the node's kind, "implementation-group" or "baseline-profile"
	Total           int     `json:"total"`            // the items of the result under the node or in the group
	Covered         int     `json:"covered"`          // of those, items [Covered]
	Partial         int     `json:"partial"`          // of those, items [PartlyCovered]
	Gap             int     `json:"gap"`              // of those, items [Gap]
	Unreached       int     `json:"unreached"`        // of those, items [Unreached]
	NotApplicable   int     `json:"not_applicable"`   // of those, items [NotApplicableCov]
	CoveragePercent float64 `json:"coverage_percent"` // Covered of Total − NotApplicable, as [Summary] rounds it; 0 when none applies
}
