package crosswalk

import (
	"fmt"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// Overlap is how much of each framework the published mappings reach from each
// other: the honest answer to "how much do these frameworks overlap?", with its
// denominator stated. It needs no assessment.
type Overlap struct {
	Frameworks []catalog.FrameworkID `json:"frameworks"` // as given; all of the crosswalk's, in catalog order, when none was
	Derived    bool                  `json:"derived"`    // derived paths were counted too (OverlapPair.Derived)
	// Pairs has one entry per ordered pair (From, To), From ≠ To, in the order of
	// Frameworks (From, then To); a framework and the one it carries as its Annex A
	// (ISO/IEC 27001:2022 and 27002:2022) make no pair that way round.
	Pairs []OverlapPair `json:"pairs"`
}

// OverlapPair is the share of To's items that From reaches.
type OverlapPair struct {
	From catalog.FrameworkID `json:"from"` // the framework whose items reach
	To   catalog.FrameworkID `json:"to"`   // the framework whose items are reached
	// Items is the number of To's items (see [catalog.Framework.ItemKinds]): the
	// denominator.
	Items int `json:"items"`
	// Published is the number of To's items an item of From reaches by a published
	// edge (either direction), or by one an identity succession carries; Derived the
	// number reached by published edges or derived paths (with [WithDerived]).
	Published        int     `json:"published"`
	PublishedPercent float64 `json:"published_percent"` // Published of Items, in percent, rounded half up to one decimal; 0 when Items is 0
	// Carried is the number of the Published items reached only by edges an identity
	// succession carries: published for another edition with the same IDs (CSF 2.0's
	// reference to CIS v8.1 safeguard 5.6, carried to v8's 5.6), as [Crosswalk.Gap]
	// and [Crosswalk.Map] count them too.
	Carried        int     `json:"carried,omitempty"`
	Derived        int     `json:"derived,omitempty"`         // 0 without [WithDerived]
	DerivedPercent float64 `json:"derived_percent,omitempty"` // Derived of Items, as PublishedPercent; 0 without [WithDerived]
	// Unreached are the IDs of To's items that nothing in From reaches by a published
	// edge, in document order.
	Unreached []string `json:"unreached"`
}

// Overlap computes the overlap of every ordered pair of the frameworks given (all the
// catalog's frameworks when none), from published edges and, with [WithDerived] (and
// [WithMinRoutes]), derived paths too. An item of From counts as reaching when it is
// an item of its framework (a CSF subcategory, a CIS safeguard, an ISO control), as
// in a gap analysis with From as the baseline. Percentages are rounded half up to one
// decimal.
func (cw *Crosswalk) Overlap(frameworks []catalog.FrameworkID, opts ...DerivedOption) (*Overlap, error) {
	gopts := make([]GapOption, 0, len(opts))
	for _, o := range opts {
		gopts = append(gopts, o)
	}
	cfg, err := newGapConfig(gopts)
	if err != nil {
		return nil, err
	}
	if len(frameworks) == 0 {
		for _, f := range cw.fws {
			frameworks = append(frameworks, f.id)
		}
	}
	for _, f := range frameworks {
		if _, ok := cw.fwIdx[f]; !ok {
			return nil, &catalog.RefError{Input: string(f), Err: catalog.ErrUnknownFramework}
		}
	}
	o := &Overlap{Frameworks: frameworks, Derived: cfg.derived, Pairs: []OverlapPair{}}
	for _, from := range frameworks {
		for _, to := range frameworks {
			if from == to || cw.baseSet(cw.fwIdx[from]).has(cw.fwIdx[to]) {
				continue // itself, or its own annex (ISO/IEC 27001 and 27002)
			}
			p, err := cw.overlapPair(from, to, cfg)
			if err != nil {
				return nil, err
			}
			o.Pairs = append(o.Pairs, p)
		}
	}
	return o, nil
}

func (cw *Crosswalk) overlapPair(from, to catalog.FrameworkID, cfg gapConfig) (OverlapPair, error) {
	bf, tf := cw.fwIdx[from], cw.fwIdx[to]
	p := OverlapPair{From: from, To: to, Unreached: []string{}}
	if cw.baseSet(bf).has(tf) {
		return p, fmt.Errorf("crosswalk: overlap of %s with %s, which it carries as its annex", from, to)
	}
	plain := cw.reachTable(bf, tf, &gapConfig{})
	p.Items = len(plain.items)
	var der *target
	if cfg.derived {
		der = cw.reachTable(bf, tf, &gapConfig{derived: true, hops: cfg.hops, minRoutes: max(cfg.minRoutes, 1)})
	}
	for k, it := range plain.items {
		if countsForReach(plain.reaches[k], false) {
			p.Published++
			if !slices.ContainsFunc(plain.reaches[k], func(r reach) bool { return r.basis == BasisPublished }) {
				p.Carried++
			}
		} else {
			p.Unreached = append(p.Unreached, cw.nodes[it].ref.ID)
		}
		if der != nil && countsForReach(der.reaches[k], true) {
			p.Derived++
		}
	}
	p.PublishedPercent = percents(p.Items, p.Published)[0]
	if der != nil {
		p.DerivedPercent = percents(p.Items, p.Derived)[0]
	}
	return p, nil
}

// countsForReach reports whether an item is reached: by a published or succession
// edge, or, when derived is true, by a derived path too (never by an edge at an
// ancestor, which is context).
func countsForReach(rs []reach, derived bool) bool {
	for _, r := range rs {
		switch r.basis {
		case BasisPublished, BasisSuccession:
			return true
		case BasisDerived:
			if derived {
				return true
			}
		}
	}
	return false
}
