package crosswalk

import (
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// Requirement is one baseline control a target scope needs, with the target items it
// serves.
type Requirement struct {
	Control catalog.Ref
	Title   string
	// Links are how the control reaches each item it serves (From the control, To
	// the item), in document order of the items.
	Links []Link
}

// Requirements answers the reverse of [Crosswalk.Gap]: which baseline controls the
// target items need, each with the items it reaches and how. The items are the
// items of targetFW limited by [WithGroup] ("CIS IG1") and [WithScope] ("CSF
// function PR"); the baseline is [DefaultBaseline] unless [WithBaseline] names
// another; reaches follow the rules of Gap (edges at an ancestor of an item are
// listed, basis ancestor, as context; derived paths only with [WithDerived]). Controls come in
// document order.
func (cw *Crosswalk) Requirements(targetFW catalog.FrameworkID, opts ...GapOption) ([]Requirement, error) {
	cfg, err := newGapConfig(opts)
	if err != nil {
		return nil, err
	}
	t, err := cw.prepare(targetFW, &cfg)
	if err != nil {
		return nil, err
	}
	byCtl := map[int32]*Requirement{}
	var order []int32
	for k := range t.items {
		for _, r := range t.reaches[k] {
			req := byCtl[r.ctl]
			if req == nil {
				ctl, _ := cw.cat.Control(cw.nodes[r.ctl].ref)
				req = &Requirement{Control: ctl.Ref, Title: ctl.Title}
				byCtl[r.ctl] = req
				order = append(order, r.ctl)
			}
			l := r.tmpl // the reach as Gap reports it, with its own slices
			l.Sources = slices.Clone(l.Sources)
			l.Path = slices.Clone(l.Path)
			req.Links = append(req.Links, l)
		}
	}
	slices.Sort(order)
	out := make([]Requirement, len(order))
	for i, c := range order {
		out[i] = *byCtl[c]
	}
	return out, nil
}
