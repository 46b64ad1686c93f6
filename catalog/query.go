package catalog

import (
	"cmp"
	"iter"
	"maps"
	"slices"
)

// Control returns the control r names. A reference to an Annex A control through the
// framework that carries it ("iso27001:2022/A.5.1") returns that control under its own
// framework ("iso27002:2022/5.1").
func (c *Catalog) Control(r Ref) (Control, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return Control{}, false
	}
	return d.index().controls[i], true
}

// Canonical returns the Ref a control is known by in the catalog: itself, or for an
// Annex A spelling the control of the annex framework.
func (c *Catalog) Canonical(r Ref) (Ref, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return Ref{}, false
	}
	return d.index().controls[i].Ref, true
}

// find returns the framework and the index of the control r names, reading an Annex
// A spelling as the control of the annex framework.
func (c *Catalog) find(r Ref) (*fwData, int, bool) {
	d, ok := c.byID[r.Framework]
	if !ok {
		return nil, 0, false
	}
	if i, ok := d.index().lookup(r.ID); ok {
		return d, i, true
	}
	if d.info.AnnexOf != "" {
		if rest, ok := cutAnnex(r.ID); ok {
			if a, ok := c.byID[d.info.AnnexOf]; ok {
				if i, ok := a.index().lookup(rest); ok {
					return a, i, true
				}
			}
		}
	}
	return nil, 0, false
}

// cutAnnex returns id without its Annex A prefix ("A." or "a."), and whether it had
// one (the rule of [CutAnnexID], alias.go).
func cutAnnex(id string) (string, bool) { return CutAnnexID(id) }

// Controls yields the controls of framework fw that meet every condition, in document
// order. Without conditions it yields them all. fw may be an alias or a family name
// ("iso27002", "csf:2.0"), read as [Catalog.ResolveFramework] reads it; a name the
// catalog does not know yields nothing. [Catalog.Select] says why when nothing
// matches: an unknown framework, attribute or value.
func (c *Catalog) Controls(fw FrameworkID, conds ...Condition) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, ok := c.byID[fw]
		if !ok {
			if ids := c.resolveFW(string(fw)); len(ids) > 0 {
				d, ok = c.byID[ids[0]]
			}
		}
		if !ok {
			return
		}
	next:
		for _, ctl := range d.index().controls {
			for _, cond := range conds {
				if cond != nil && !cond.match(ctl) {
					continue next
				}
			}
			if !yield(ctl) {
				return
			}
		}
	}
}

// All yields every control of every framework, in catalog order.
func (c *Catalog) All() iter.Seq[Control] {
	return func(yield func(Control) bool) {
		for _, d := range c.fws {
			for _, ctl := range d.index().controls {
				if !yield(ctl) {
					return
				}
			}
		}
	}
}

// Roots yields the controls of framework fw that have no parent (ISO themes and
// clauses, CSF functions, CIS controls), in document order.
func (c *Catalog) Roots(fw FrameworkID) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		for ctl := range c.Controls(fw) {
			if ctl.Parent.IsZero() && !yield(ctl) {
				return
			}
		}
	}
}

// Children yields the direct children of r, in document order.
func (c *Catalog) Children(r Ref) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, i, ok := c.find(r)
		if !ok {
			return
		}
		ix := d.index()
		for _, ci := range ix.children(i) {
			if !yield(ix.controls[ci]) {
				return
			}
		}
	}
}

// Ancestors yields the parent of r, its parent, and so on up to the root.
func (c *Catalog) Ancestors(r Ref) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, i, ok := c.find(r)
		if !ok {
			return
		}
		ix := d.index()
		for steps := 0; steps < len(ix.controls); steps++ {
			p := ix.controls[i].Parent
			if p.IsZero() {
				return
			}
			pi, ok := ix.lookup(p.ID)
			if !ok || !yield(ix.controls[pi]) {
				return
			}
			i = pi
		}
	}
}

// Len returns the number of controls of framework fw, of the given kinds or, without
// kinds, of every kind.
func (c *Catalog) Len(fw FrameworkID, kinds ...Kind) int {
	d, ok := c.byID[fw]
	if !ok {
		return 0
	}
	if len(kinds) == 0 {
		return d.info.Controls
	}
	n := 0
	for i, k := range kinds {
		if !slices.Contains(kinds[:i], k) {
			n += d.info.Count(k)
		}
	}
	return n
}

// AttributeValues returns the distinct values of attribute name among the controls of
// framework fw, sorted.
func (c *Catalog) AttributeValues(fw FrameworkID, name string) []string {
	seen := map[string]bool{}
	for ctl := range c.Controls(fw) {
		for _, v := range ctl.attrs.get(name) {
			seen[v] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// AttributeNames returns the names of the attributes used by framework fw, sorted.
func (c *Catalog) AttributeNames(fw FrameworkID) []string {
	seen := map[string]bool{}
	for ctl := range c.Controls(fw) {
		for _, p := range ctl.attrs {
			seen[p.name] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Compare orders refs by the catalog's document order: frameworks in catalog order,
// controls in their document's order. An Annex A spelling ("iso27001:2022/A.5.1")
// sorts with the control it names, just after its canonical Ref. Refs the catalog
// does not hold sort after those it holds, by [Ref.Compare]. Compare returns 0 only
// for equal refs.
func (c *Catalog) Compare(a, b Ref) int {
	da, ia, oka := c.find(a)
	db, ib, okb := c.find(b)
	switch {
	case oka && okb:
		if x := cmp.Compare(da.order, db.order); x != 0 {
			return x
		}
		if x := cmp.Compare(ia, ib); x != 0 {
			return x
		}
		// The same control under two spellings: the canonical one first.
		ca, cb := a == da.index().controls[ia].Ref, b == db.index().controls[ib].Ref
		switch {
		case ca && !cb:
			return -1
		case cb && !ca:
			return 1
		}
		return a.Compare(b)
	case oka:
		return -1
	case okb:
		return 1
	}
	return a.Compare(b)
}
