package crosswalk

import (
	"slices"

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
	// NoPublishedMapping is true when no published mapping (nor one an identity
	// succession carries) joins the baseline and the target: its items cannot be
	// measured with published mappings, so an unreached item is not a gap of the
	// baseline. A note says what can reach them.
	NoPublishedMapping bool
	IGs                []string // the implementation groups the target was limited to
	Profiles           []string // the SP 800-53B baselines the target was limited to
	Scope              []string // the scopes the target was limited to
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
	// BaselineControls is how many controls of the baseline an assessment rates (93
	// for ISO/IEC 27002:2022): NotAssessed are of them, so a report can say "92 of 93
	// controls not assessed" next to its headline. 0 when unknown (a result read
	// from JSON written before it was added).
	BaselineControls int
	SearchCut        []string // items whose derived search stopped at DerivedSearchBudget
	// Recommendations are the baseline controls to implement next, best first, as
	// [Crosswalk.Recommend] chooses them: at most [DefaultRecommendations] unless
	// [WithRecommendations] says otherwise. Gap leaves it empty, not nil, when none
	// is asked for or no control would move an item.
	Recommendations []Recommendation

	links gapLinks // the link table its items' Via read
}

// Summary counts the target items by coverage. Total = Covered + Partial + Gap +
// Unreached + NotApplicable. The percentages are of the applicable items
// (Total − NotApplicable), each rounded half up to one decimal on its own, as a reader
// checks them by hand (so they need not add up to exactly 100.0), except that a share
// short of the whole is at most 99.9 and a share above nothing at least 0.1.
// CoveragePercent is the covered share. When no item is applicable the percentages
// measure nothing ([Summary.Measurable] is false): they are 0 here, null in the JSON
// form, and reports show "n/a" — never read them as 0 %. A gate comparing coverage
// with a threshold compares Covered/Applicable, not the rounded percentage.
type Summary struct {
	Total            int     `json:"total"`             // the items counted (len of [GapResult].Items)
	Covered          int     `json:"covered"`           // items [ItemCovered]
	Partial          int     `json:"partial"`           // items [ItemPartial]
	Gap              int     `json:"gap"`               // items [ItemGap]
	Unreached        int     `json:"unreached"`         // items [ItemUnreached]: no baseline control maps to them
	NotApplicable    int     `json:"not_applicable"`    // items [ItemNotApplicable], left out of the percentages
	Applicable       int     `json:"applicable"`        // Total − NotApplicable: the whole of the percentages
	CoveredPercent   float64 `json:"covered_percent"`   // Covered of Applicable, in percent
	PartialPercent   float64 `json:"partial_percent"`   // Partial of Applicable, in percent
	GapPercent       float64 `json:"gap_percent"`       // Gap of Applicable, in percent
	UnreachedPercent float64 `json:"unreached_percent"` // Unreached of Applicable, in percent
	CoveragePercent  float64 `json:"coverage_percent"`  // the headline figure: equal to CoveredPercent (partial counts nothing)
	// DerivedOnly counts the items (partial or gap) that only derived paths reach:
	// their status rests on inference, not on a published mapping.
	DerivedOnly int `json:"derived_only,omitempty"`
	// CoveredOutside counts the covered items whose source also maps them to controls
	// outside the baseline ([GapItem].Outside: ISO/IEC 27001 management-system clauses
	// for an ISO/IEC 27002 baseline): covered on the baseline's controls alone, the
	// others not assessed. A note of the result says so.
	CoveredOutside int `json:"covered_outside_baseline,omitempty"`
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
	// Statements are what the mapping sources state about the item instead of an
	// edge ("no-reference: ..."), which can explain an unreached item.
	Statements []string
	// Outside are the controls outside the baseline that a published edge links to the
	// item in a framework that carries the baseline as its annex ("iso27001:2022/6.1.2",
	// a management-system clause of ISO/IEC 27001): they do not count for coverage of an
	// ISO/IEC 27002 baseline, and explain why an item is reached by the standard but not
	// by its controls.
	Outside []string

	via linkSet // what Via returns
}

// Via returns the links from the baseline controls that reach the item (From, with
// its assessed Status) to it (To), by control in document order. Each call returns
// a fresh copy the caller may change: a gap query computes the links of its target
// once and shares them, so [Crosswalk.Gap] costs only what depends on the
// assessment, and a reader that never asks for an item's links never pays for them.
func (it GapItem) Via() []Link {
	if it.via.src == nil {
		return cloneLinks(it.via.own)
	}
	return it.via.src.links(it.via.k)
}

// SetVia sets the links [GapItem.Via] returns to a copy of links: for a result
// built by hand (a renderer's test, a result read from elsewhere).
func (it *GapItem) SetVia(links []Link) { it.via = linkSet{own: cloneLinks(links)} }

// linkSet is where an item's links come from: a gap query's shared link table, or
// links of its own.
type linkSet struct {
	src *gapLinks // the result's link table, or nil
	k   int32     // the item's index in src's table
	own []Link    // without src: the links themselves (nil for none)
}

// len returns the number of links.
func (ls linkSet) len() int {
	if ls.src == nil {
		return len(ls.own)
	}
	fl := ls.src.flat
	return int(fl.viaOff[ls.k+1] - fl.viaOff[ls.k])
}

// visit calls f with each link, read-only (a template shared with other results,
// or the item's own), and its status, without copying it.
func (ls linkSet) visit(f func(l *Link, st Status)) {
	if ls.src == nil {
		for i := range ls.own {
			f(&ls.own[i], ls.own[i].Status)
		}
		return
	}
	fl := ls.src.flat
	for j := fl.viaOff[ls.k]; j < fl.viaOff[ls.k+1]; j++ {
		f(&fl.vias[j], ls.src.st[fl.vpos[j]])
	}
}

// gapLinks is the link table of one gap result: the target's link templates
// (shared, read-only) and the statuses of the assessed controls (the result's own).
type gapLinks struct {
	flat *flatVias
	st   []Status // by baseline position
}

// links returns a fresh copy of the links of item k: the templates with their
// statuses, and their own Sources and Path.
func (g *gapLinks) links(k int32) []Link {
	fl := g.flat
	vt := fl.vias[fl.viaOff[k]:fl.viaOff[k+1]]
	if len(vt) == 0 {
		return []Link{}
	}
	vp := fl.vpos[fl.viaOff[k]:fl.viaOff[k+1]]
	out := slices.Clone(vt)
	nsrc := 0
	for _, v := range vt {
		nsrc += len(v.Sources)
	}
	strs := make([]string, 0, nsrc)
	var hops []Hop
	if n := fl.hopOff[k+1] - fl.hopOff[k]; n > 0 {
		hops = slices.Clone(fl.hops[fl.hopOff[k]:fl.hopOff[k+1]])
	}
	h := 0
	for j := range out {
		v := &out[j]
		v.Status = g.st[vp[j]]
		if n := len(v.Sources); n > 0 {
			s := len(strs)
			strs = append(strs, v.Sources...)
			v.Sources = strs[s : s+n : s+n]
		}
		if n := len(v.Path); n > 0 {
			v.Path = hops[h : h+n : h+n]
			h += n
		}
	}
	return out
}

// cloneLinks returns a copy of links with slices of their own ([]Link{} for none,
// as a query returns).
func cloneLinks(links []Link) []Link {
	out := make([]Link, len(links))
	for i, l := range links {
		l.Sources = slices.Clone(l.Sources)
		l.Edges = slices.Clone(l.Edges)
		l.Path = slices.Clone(l.Path)
		if l.Alternatives != nil {
			alts := make([][]Hop, len(l.Alternatives))
			for a, p := range l.Alternatives {
				alts[a] = slices.Clone(p)
			}
			l.Alternatives = alts
		}
		out[i] = l
	}
	return out
}

// Rollup is the coverage of the items under one node of the target framework (a CSF
// function or category, a CIS control) or of a CIS implementation group.
type Rollup struct {
	ID              string  `json:"id"`               // the node's ID ("GV.OC"), or the group's name ("IG1", "LOW")
	Title           string  `json:"title"`            // the node's title, or "Implementation Group 1", "LOW baseline"
	Kind            string  `json:"kind"`             // the node's kind, "implementation-group" or "baseline-profile"
	Total           int     `json:"total"`            // the items of the result under the node or in the group
	Covered         int     `json:"covered"`          // of those, items [ItemCovered]
	Partial         int     `json:"partial"`          // of those, items [ItemPartial]
	Gap             int     `json:"gap"`              // of those, items [ItemGap]
	Unreached       int     `json:"unreached"`        // of those, items [ItemUnreached]
	NotApplicable   int     `json:"not_applicable"`   // of those, items [ItemNotApplicable]
	CoveragePercent float64 `json:"coverage_percent"` // Covered of Total − NotApplicable, as [Summary] rounds it; 0 (null in JSON) when none applies
}

// Measurable reports whether the summary's percentages measure anything: whether
// some item is applicable. When none is (every item is not applicable, or no item is
// within the limits), the percentages are 0 in Go and null in JSON, and a report
// shows "n/a (nothing applicable)".
func (s Summary) Measurable() bool { return s.Applicable > 0 }

// Measurable reports whether the roll-up's CoveragePercent measures anything:
// whether some of its items are applicable (see [Summary.Measurable]).
func (r Rollup) Measurable() bool { return r.Total-r.NotApplicable > 0 }
