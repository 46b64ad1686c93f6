package crosswalk

import (
	"strconv"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// GapBrief is the brief form of a [GapResult] that [Crosswalk.GapBatchBrief] writes:
// the same members under the same JSON names, except that each item carries only its
// ID and coverage status, and that the roll-ups, the recommendations and the list of
// unreached items (their status says it) are left out. The summary is the full
// result's, and so are the notes a reader needs to read its numbers right.
type GapBrief struct {
	Baseline    catalog.FrameworkID `json:"baseline"`                        // [GapResult].Baseline: the framework assessed
	Target      catalog.FrameworkID `json:"target"`                          // [GapResult].Target: the framework measured
	Policy      Policy              `json:"policy"`                          // [GapResult].Policy: the policy asked for
	Derived     bool                `json:"derived"`                         // [GapResult].Derived: derived paths were searched
	MinRoutes   int                 `json:"min_routes,omitempty"`            // [GapResult].MinRoutes; 0 without Derived
	NoPublished bool                `json:"no_published_mapping,omitempty"`  // [GapResult].NoPublishedMapping: nothing published joins baseline and target
	IGs         []string            `json:"implementation_groups,omitempty"` // [GapResult].IGs: the groups the target was limited to
	Profiles    []string            `json:"profiles,omitempty"`              // [GapResult].Profiles: the SP 800-53B baselines it was limited to
	Scope       []string            `json:"scope,omitempty"`                 // [GapResult].Scope: the scopes it was limited to
	Notes       []string            `json:"notes,omitempty"`                 // [GapResult].Notes: what a reader must know to read the numbers
	Summary     Summary             `json:"summary"`                         // [GapResult].Summary, the same numbers
	Items       []ItemStatus        `json:"items"`                           // one per item of [GapResult].Items, in the same order
	NotAssessed []string            `json:"not_assessed"`                    // [GapResult].NotAssessed: baseline controls the assessment does not rate
	SearchCut   []string            `json:"search_cut,omitempty"`            // [GapResult].SearchCut: items whose derived search was cut short
}

// ItemStatus is one item of a [GapBrief]: the item's ID and coverage, as in the full
// result's [GapItem].
type ItemStatus struct {
	ID     string   `json:"id"`     // the item's ID in the target framework
	Status Coverage `json:"status"` // its coverage
}

// Brief returns the brief form of g. Its lists of strings (notes, limits, controls
// not assessed) are g's own: a change to one shows in the other.
func (g *GapResult) Brief() *GapBrief {
	b := &GapBrief{
		Baseline: g.Baseline, Target: g.Target, Policy: g.Policy, Derived: g.Derived,
		MinRoutes: g.MinRoutes, NoPublished: g.NoPublishedMapping, IGs: g.IGs, Profiles: g.Profiles, Scope: g.Scope,
		Notes: g.Notes, Summary: g.Summary, NotAssessed: g.NotAssessed, SearchCut: g.SearchCut,
	}
	if g.Items != nil {
		b.Items = make([]ItemStatus, len(g.Items))
	}
	for i, it := range g.Items {
		b.Items[i] = ItemStatus{ID: it.ID, Status: it.Status}
	}
	return b
}

// appendBriefLine appends the line of [Crosswalk.GapBatchBrief] for the result g of
// the line numbered line with the ID id: byte for byte what codec.Marshal writes for
// BatchResult{ID: id, Line: line, Brief: g.Brief()}, without building the GapBrief
// or reflecting on it. It is the batch's hot path: with Marshal, encoding was a
// third of a brief line's CPU. TestAppendBriefLine and FuzzGapBatch hold it to
// Marshal.
func appendBriefLine(dst []byte, id string, line int, g *GapResult) ([]byte, error) {
	dst = append(dst, `{"id":`...)
	dst = codec.AppendString(dst, id)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	dst = append(dst, `,"brief":{"baseline":`...)
	dst = codec.AppendString(dst, string(g.Baseline))
	dst = append(dst, `,"target":`...)
	dst = codec.AppendString(dst, string(g.Target))
	dst = append(dst, `,"policy":`...)
	dst = codec.AppendString(dst, string(g.Policy))
	dst = append(dst, `,"derived":`...)
	dst = strconv.AppendBool(dst, g.Derived)
	if g.MinRoutes != 0 {
		dst = append(dst, `,"min_routes":`...)
		dst = strconv.AppendInt(dst, int64(g.MinRoutes), 10)
	}
	if g.NoPublishedMapping {
		dst = append(dst, `,"no_published_mapping":true`...)
	}
	dst = appendNonEmpty(dst, `,"implementation_groups":`, g.IGs)
	dst = appendNonEmpty(dst, `,"profiles":`, g.Profiles)
	dst = appendNonEmpty(dst, `,"scope":`, g.Scope)
	dst = appendNonEmpty(dst, `,"notes":`, g.Notes)
	dst = append(dst, `,"summary":`...)
	dst, err := appendSummary(dst, &g.Summary)
	if err != nil {
		return nil, err
	}
	dst = append(dst, `,"items":`...)
	dst = appendItemStatuses(dst, g.Items)
	dst = append(dst, `,"not_assessed":`...)
	dst = codec.AppendStrings(dst, g.NotAssessed)
	dst = appendNonEmpty(dst, `,"search_cut":`, g.SearchCut)
	return append(dst, "}}"...), nil
}

// appendNonEmpty appends the member named by key (`,"name":`) with list, unless the
// list is empty (the omitempty of the struct tags).
func appendNonEmpty(dst []byte, key string, list []string) []byte {
	if len(list) == 0 {
		return dst
	}
	return codec.AppendStrings(append(dst, key...), list)
}

// appendItemStatuses appends the items as a JSON array of {"id", "status"}.
func appendItemStatuses(dst []byte, items []GapItem) []byte {
	if items == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = codec.AppendString(dst, items[i].ID)
		dst = append(dst, `,"status":`...)
		dst = codec.AppendString(dst, string(items[i].Status))
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendSummary appends s as a JSON object ([Summary.MarshalJSON]); the error is a
// percentage that is not a number.
func appendSummary(dst []byte, s *Summary) ([]byte, error) {
	for _, f := range []struct {
		key string
		n   int
	}{{`{"total":`, s.Total}, {`,"covered":`, s.Covered}, {`,"partial":`, s.Partial}, {`,"gap":`, s.Gap},
		{`,"unreached":`, s.Unreached}, {`,"not_applicable":`, s.NotApplicable}, {`,"applicable":`, s.Applicable}} {
		dst = strconv.AppendInt(append(dst, f.key...), int64(f.n), 10)
	}
	var err error
	for _, f := range []struct {
		key string
		v   float64
	}{{`,"covered_percent":`, s.CoveredPercent}, {`,"partial_percent":`, s.PartialPercent}, {`,"gap_percent":`, s.GapPercent},
		{`,"unreached_percent":`, s.UnreachedPercent}, {`,"coverage_percent":`, s.CoveragePercent}} {
		if dst, err = appendPercent(append(dst, f.key...), s.Measurable(), f.v); err != nil {
			return nil, err
		}
	}
	if s.DerivedOnly != 0 {
		dst = strconv.AppendInt(append(dst, `,"derived_only":`...), int64(s.DerivedOnly), 10)
	}
	if s.CoveredOutside != 0 {
		dst = strconv.AppendInt(append(dst, `,"covered_outside_baseline":`...), int64(s.CoveredOutside), 10)
	}
	return append(dst, '}'), nil
}
