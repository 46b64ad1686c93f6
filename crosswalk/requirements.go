package crosswalk

import (
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// Requirement is one baseline control a target scope needs, with the target items it
// serves.
type Requirement struct {
	Control catalog.Ref
	Title   string
	Items   []ItemLink // in document order of the items
}

// ItemLink is how a baseline control reaches one target item, read "control
// Relationship item".
type ItemLink struct {
	Item         catalog.Ref
	Relationship mappings.Relationship
	Basis        Basis               // see [Via.Basis]
	Through      catalog.FrameworkID // basis succession: the framework whose edge was carried
	ViaParent    catalog.Ref         // the ancestor of the item the edge is published at, if any
	Derived      bool
	Routes       int           // derived: the number of distinct paths
	Path         []catalog.Ref // derived: from the control to the item
	Sources      []string
}

// Requirements answers the reverse of [Crosswalk.Gap]: which baseline controls the
// target items need, each with the items it reaches and how. The items are the
// items of targetFW limited by [WithGroup] ("CIS IG1") and [WithScope] ("CSF
// function PR"); the baseline is [DefaultBaseline] unless [WithBaseline] names
// another; reaches follow the rules of Gap (edges at an ancestor of an item count,
// marked ViaParent; derived paths only with [WithDerived]). Controls come in
// document order.
func (cw *Crosswalk) Requirements(targetFW catalog.FrameworkID, opts ...GapOption) ([]Requirement, error) {
	cfg := gapConfig{policy: Auto}
	for _, o := range opts {
		if o != nil {
			o.applyGap(&cfg)
		}
	}
	t, err := cw.prepare(targetFW, &cfg)
	if err != nil {
		return nil, err
	}
	byCtl := map[int32]*Requirement{}
	var order []int32
	for k, it := range t.items {
		for _, r := range t.reaches[k] {
			req := byCtl[r.ctl]
			if req == nil {
				ctl, _ := cw.cat.Control(cw.nodes[r.ctl].ref)
				req = &Requirement{Control: ctl.Ref, Title: ctl.Title}
				byCtl[r.ctl] = req
				order = append(order, r.ctl)
			}
			l := ItemLink{Item: cw.nodes[it].ref, Relationship: r.rel, Basis: r.basis, Derived: r.basis == BasisDerived, Routes: r.routes}
			if r.through >= 0 {
				l.Through = cw.fws[r.through].id
			}
			if r.parent >= 0 {
				l.ViaParent = cw.nodes[r.parent].ref
			}
			if r.basis == BasisDerived {
				for i := len(r.path) - 1; i >= 0; i-- {
					l.Path = append(l.Path, cw.nodes[r.path[i].a.to].ref)
				}
				l.Path = append(l.Path, cw.nodes[r.path[0].from].ref)
			}
			l.Sources = slices.Clone(r.tmpl.Sources) // the reach's sources, as Gap reports them
			req.Items = append(req.Items, l)
		}
	}
	slices.Sort(order)
	out := make([]Requirement, len(order))
	for i, c := range order {
		out[i] = *byCtl[c]
	}
	return out, nil
}
