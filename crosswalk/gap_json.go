package crosswalk

import (
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
	Summary         Summary             `json:"summary"`
	Items           []gapItemWire       `json:"items"`
	Groups          []Rollup            `json:"groups"`
	Unreached       []string            `json:"unreached"`
	NotAssessed     []string            `json:"not_assessed"`
	SearchCut       []string            `json:"search_cut,omitempty"`
	Recommendations []Recommendation    `json:"recommendations"`
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
		IGs: r.IGs, Profiles: r.Profiles, Scope: r.Scope, Notes: r.Notes, Summary: r.Summary, Groups: r.Groups,
		Unreached: r.Unreached, NotAssessed: r.NotAssessed, SearchCut: r.SearchCut, Recommendations: r.Recommendations}
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
		IGs: w.IGs, Profiles: w.Profiles, Scope: w.Scope, Notes: w.Notes, Summary: w.Summary, Groups: w.Groups,
		Unreached: w.Unreached, NotAssessed: w.NotAssessed, SearchCut: w.SearchCut, Recommendations: w.Recommendations}
	if w.Items != nil {
		r.Items = make([]GapItem, len(w.Items))
	}
	for i, it := range w.Items {
		item := GapItem{ID: it.ID, Title: it.Title, Status: it.Status, Rule: it.Rule, Statements: it.Statements, Outside: it.Outside}
		links := make([]Link, len(it.Via))
		for j, v := range it.Via {
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
