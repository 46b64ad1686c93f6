package crosswalk

import (
	"fmt"
	"strconv"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/mappings"
)

// The JSON form of a [GapResult] is the CLI's gap contract (and the result lines of
// [Crosswalk.GapBatch]). It names controls as the assessment does ("5.1", "A.5.1"
// for an Annex A control of an ISMS baseline) rather than as refs, so it is written
// from these flat wire structs (the codec handles flat structs best).

type gapWire struct {
	Baseline        catalog.FrameworkID `json:"baseline"`
	Target          catalog.FrameworkID `json:"target"`
	Policy          Policy              `json:"policy"`
	Derived         bool                `json:"derived"`
	MinRoutes       int                 `json:"min_routes,omitempty"`
	NoPublished     bool                `json:"no_published_mapping,omitempty"`
	IGs             []string            `json:"implementation_groups,omitempty"`
	Profiles        []string            `json:"profiles,omitempty"`
	Scope           []string            `json:"scope,omitempty"`
	Notes           []string            `json:"notes,omitempty"`
	Summary         summaryWire         `json:"summary"`
	Items           []gapItemWire       `json:"items"`
	Groups          []rollupWire        `json:"groups"`
	Unreached       []string            `json:"unreached"`
	NotAssessed     []string            `json:"not_assessed"`
	BaselineCount   int                 `json:"baseline_controls,omitempty"`
	SearchCut       []string            `json:"search_cut,omitempty"`
	Recommendations []Recommendation    `json:"recommendations"`
}

// summaryWire is [Summary] as the contract writes it, with its percentages null when
// nothing is applicable. Written from a result, its percentages point into the
// result's summary; [Summary.MarshalJSON] writes the same bytes.
type summaryWire struct {
	Total            int      `json:"total"`
	Covered          int      `json:"covered"`
	Partial          int      `json:"partial"`
	Gap              int      `json:"gap"`
	Unreached        int      `json:"unreached"`
	NotApplicable    int      `json:"not_applicable"`
	Applicable       int      `json:"applicable"`
	CoveredPercent   *float64 `json:"covered_percent"`
	PartialPercent   *float64 `json:"partial_percent"`
	GapPercent       *float64 `json:"gap_percent"`
	UnreachedPercent *float64 `json:"unreached_percent"`
	CoveragePercent  *float64 `json:"coverage_percent"`
	DerivedOnly      int      `json:"derived_only,omitempty"`
	CoveredOutside   int      `json:"covered_outside_baseline,omitempty"`
}

// rollupWire is [Rollup] as the contract writes it ([Rollup.MarshalJSON]'s bytes).
type rollupWire struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Kind            string   `json:"kind"`
	Total           int      `json:"total"`
	Covered         int      `json:"covered"`
	Partial         int      `json:"partial"`
	Gap             int      `json:"gap"`
	Unreached       int      `json:"unreached"`
	NotApplicable   int      `json:"not_applicable"`
	CoveragePercent *float64 `json:"coverage_percent"`
}

// wireSummary is s as the contract writes it: the percentages point into s, or are
// nil when nothing is applicable.
func wireSummary(s *Summary) summaryWire {
	w := summaryWire{Total: s.Total, Covered: s.Covered, Partial: s.Partial, Gap: s.Gap, Unreached: s.Unreached,
		NotApplicable: s.NotApplicable, Applicable: s.Applicable, DerivedOnly: s.DerivedOnly, CoveredOutside: s.CoveredOutside}
	if s.Measurable() {
		w.CoveredPercent, w.PartialPercent, w.GapPercent = &s.CoveredPercent, &s.PartialPercent, &s.GapPercent
		w.UnreachedPercent, w.CoveragePercent = &s.UnreachedPercent, &s.CoveragePercent
	}
	return w
}

// summary is the Summary w holds (0 for a null percentage).
func (w *summaryWire) summary() Summary {
	return Summary{Total: w.Total, Covered: w.Covered, Partial: w.Partial, Gap: w.Gap, Unreached: w.Unreached,
		NotApplicable: w.NotApplicable, Applicable: w.Applicable, CoveredPercent: orZero(w.CoveredPercent),
		PartialPercent: orZero(w.PartialPercent), GapPercent: orZero(w.GapPercent), UnreachedPercent: orZero(w.UnreachedPercent),
		CoveragePercent: orZero(w.CoveragePercent), DerivedOnly: w.DerivedOnly, CoveredOutside: w.CoveredOutside}
}

// wireRollups is rs as the contract writes them (percentages pointing into rs).
func wireRollups(rs []Rollup) []rollupWire {
	if rs == nil {
		return nil
	}
	out := make([]rollupWire, len(rs))
	for i := range rs {
		r := &rs[i]
		out[i] = rollupWire{ID: r.ID, Title: r.Title, Kind: r.Kind, Total: r.Total, Covered: r.Covered, Partial: r.Partial,
			Gap: r.Gap, Unreached: r.Unreached, NotApplicable: r.NotApplicable}
		if r.Measurable() {
			out[i].CoveragePercent = &r.CoveragePercent
		}
	}
	return out
}

// rollups are the Rollups ws hold (0 for a null percentage).
func rollups(ws []rollupWire) []Rollup {
	if ws == nil {
		return nil
	}
	out := make([]Rollup, len(ws))
	for i, w := range ws {
		out[i] = Rollup{ID: w.ID, Title: w.Title, Kind: w.Kind, Total: w.Total, Covered: w.Covered, Partial: w.Partial,
			Gap: w.Gap, Unreached: w.Unreached, NotApplicable: w.NotApplicable, CoveragePercent: orZero(w.CoveragePercent)}
	}
	return out
}

func orZero(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

type gapItemWire struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Status     Coverage  `json:"status"`
	Rule       Rule      `json:"rule,omitempty"`
	Via        []viaWire `json:"via"`
	Statements []string  `json:"statements,omitempty"`
	Outside    []string  `json:"outside_baseline,omitempty"`
}

type viaWire struct {
	Control      string                `json:"control"`
	Title        string                `json:"title"`
	Relationship mappings.Relationship `json:"relationship"`
	Status       Status                `json:"status"`
	Basis        Basis                 `json:"basis"`
	Through      catalog.FrameworkID   `json:"through,omitempty"`
	ViaParent    string                `json:"via_parent,omitempty"`
	Derived      bool                  `json:"derived,omitempty"`
	Path         []string              `json:"path,omitempty"`
	Routes       int                   `json:"routes,omitempty"`
	Sources      []string              `json:"sources,omitempty"`
}

// MarshalJSON writes the gap contract: the result's fields, each item's links as
// "via" entries naming the baseline control as the assessment does.
func (r GapResult) MarshalJSON() ([]byte, error) {
	return codec.Marshal(r.wire())
}

func (r *GapResult) wire() *gapWire {
	w := &gapWire{Baseline: r.Baseline, Target: r.Target, Policy: r.Policy, Derived: r.Derived, MinRoutes: r.MinRoutes, NoPublished: r.NoPublishedMapping,
		IGs: r.IGs, Profiles: r.Profiles, Scope: r.Scope, Notes: r.Notes, Summary: wireSummary(&r.Summary), Groups: wireRollups(r.Groups),
		Unreached: r.Unreached, NotAssessed: r.NotAssessed, BaselineCount: r.BaselineControls, SearchCut: r.SearchCut,
		Recommendations: r.Recommendations}
	if r.Items != nil {
		w.Items = make([]gapItemWire, len(r.Items))
	}
	n := 0
	for i := range r.Items {
		n += r.Items[i].via.len()
	}
	vias := make([]viaWire, n) // one backing array for every item's via
	for i := range r.Items {
		it := &r.Items[i]
		m := it.via.len()
		vs := vias[:m:m]
		vias = vias[m:]
		j := 0
		it.via.visit(func(l *Link, st Status) {
			vs[j] = r.viaWire(l, st)
			j++
		})
		w.Items[i] = gapItemWire{ID: it.ID, Title: it.Title, Status: it.Status, Rule: it.Rule, Via: vs,
			Statements: it.Statements, Outside: it.Outside}
	}
	return w
}

func (r *GapResult) viaWire(l *Link, st Status) viaWire {
	v := viaWire{Control: r.ControlID(l.From), Title: l.FromTitle, Relationship: l.Relationship, Status: st,
		Basis: l.Basis, Through: l.Through, ViaParent: l.Ancestor.ID, Derived: l.Derived(), Routes: l.Routes, Sources: l.Sources}
	if len(l.Path) > 0 {
		v.Path = make([]string, 0, len(l.Path)+1)
		for _, c := range l.Controls() {
			v.Path = append(v.Path, c.String())
		}
	}
	return v
}

// ControlID names baseline control ref as the assessment and the result's lists do:
// its ID, with "A." before it when it is an Annex A control of an ISMS baseline
// (ISO/IEC 27001:2022, whose clause 5.1 is not Annex A control 5.1).
func (r *GapResult) ControlID(ref catalog.Ref) string { return controlID(r.Baseline, ref) }

// UnmarshalJSON reads the gap contract back. The contract names each hop of a
// derived path by its controls only, so a decoded link's Path has hops with From and
// To set and nothing else; an "A.x" control of an ISMS baseline is resolved to the
// framework the default catalog says that baseline carries as its Annex A.
func (r *GapResult) UnmarshalJSON(data []byte) error {
	var w gapWire
	if err := codec.DecodeStrict(data, &w); err != nil {
		return err
	}
	*r = GapResult{Baseline: w.Baseline, Target: w.Target, Policy: w.Policy, Derived: w.Derived, MinRoutes: w.MinRoutes, NoPublishedMapping: w.NoPublished,
		IGs: w.IGs, Profiles: w.Profiles, Scope: w.Scope, Notes: w.Notes, Summary: w.Summary.summary(), Groups: rollups(w.Groups),
		Unreached: w.Unreached, NotAssessed: w.NotAssessed, BaselineControls: w.BaselineCount, SearchCut: w.SearchCut,
		Recommendations: w.Recommendations}
	if w.Items != nil {
		r.Items = make([]GapItem, len(w.Items))
	}
	for i, it := range w.Items {
		item := GapItem{ID: it.ID, Title: it.Title, Status: it.Status, Rule: it.Rule, Statements: it.Statements, Outside: it.Outside}
		links := make([]Link, len(it.Via))
		for j, v := range it.Via {
			// Absent members the contract always writes: a result without them could
			// not be written back.
			if !v.Relationship.Valid() {
				return fmt.Errorf("crosswalk: gap result: item %q, via %d (control %q): no \"relationship\"; want one of equal, subset-of, superset-of, intersects-with, not-related-to, related",
					it.ID, j+1, v.Control)
			}
			if v.Basis == 0 {
				return fmt.Errorf("crosswalk: gap result: item %q, via %d (control %q): no \"basis\"; want one of published, succession, ancestor, derived",
					it.ID, j+1, v.Control)
			}
			l, err := r.linkOf(v, catalog.NewRef(w.Target, it.ID), it.Title)
			if err != nil {
				return err
			}
			links[j] = l
		}
		item.via = linkSet{own: links}
		r.Items[i] = item
	}
	return nil
}

func (r *GapResult) linkOf(v viaWire, to catalog.Ref, toTitle string) (Link, error) {
	l := Link{From: r.controlRef(v.Control), To: to, FromTitle: v.Title, ToTitle: toTitle, Relationship: v.Relationship,
		Status: v.Status, Basis: v.Basis, Through: v.Through, Routes: v.Routes, Sources: v.Sources}
	if v.ViaParent != "" {
		l.Ancestor = catalog.NewRef(r.Target, v.ViaParent)
	}
	var prev catalog.Ref
	for k, s := range v.Path {
		var c catalog.Ref
		if err := c.UnmarshalText([]byte(s)); err != nil {
			return l, err
		}
		if k > 0 {
			l.Path = append(l.Path, Hop{From: prev, To: c})
		}
		prev = c
	}
	return l, nil
}

// controlRef is the inverse of [GapResult.ControlID].
func (r *GapResult) controlRef(id string) catalog.Ref {
	if rest, ok := catalog.CutAnnexID(id); ok {
		if info, ok := catalog.Default().Framework(r.Baseline); ok && info.AnnexOf != "" {
			return catalog.NewRef(info.AnnexOf, rest)
		}
	}
	return catalog.NewRef(r.Baseline, id)
}

// MarshalJSON writes the summary under the names of its fields' tags, with every
// percentage null when it measures nothing ([Summary.Measurable] is false: no item is
// applicable), so that a share of nothing never reads as 0 %. Reading it back gives
// 0 for a null percentage, as the Go fields hold it.
func (s Summary) MarshalJSON() ([]byte, error) { return appendSummary(nil, &s) }

// MarshalJSON writes the roll-up under the names of its fields' tags, with
// coverage_percent null when it measures nothing ([Rollup.Measurable] is false),
// as [Summary.MarshalJSON] does.
func (r Rollup) MarshalJSON() ([]byte, error) {
	dst := codec.AppendString(append(make([]byte, 0, 192), `{"id":`...), r.ID)
	dst = codec.AppendString(append(dst, `,"title":`...), r.Title)
	dst = codec.AppendString(append(dst, `,"kind":`...), r.Kind)
	for _, f := range []struct {
		key string
		n   int
	}{{`,"total":`, r.Total}, {`,"covered":`, r.Covered}, {`,"partial":`, r.Partial}, {`,"gap":`, r.Gap},
		{`,"unreached":`, r.Unreached}, {`,"not_applicable":`, r.NotApplicable}} {
		dst = strconv.AppendInt(append(dst, f.key...), int64(f.n), 10)
	}
	dst, err := appendPercent(append(dst, `,"coverage_percent":`...), r.Measurable(), r.CoveragePercent)
	if err != nil {
		return nil, err
	}
	return append(dst, '}'), nil
}

// appendPercent appends v as a JSON number, or null when the share is not
// measurable (nothing applicable).
func appendPercent(dst []byte, measurable bool, v float64) ([]byte, error) {
	if !measurable {
		return append(dst, "null"...), nil
	}
	return codec.AppendFloat(dst, v)
}
