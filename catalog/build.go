package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// locator gives the position of a control of a framework being built, for errors.
type locator func(fw, ctrl int) (file string, line int)

// badFunc records a problem with control ci (-1: the framework) of the framework
// being built.
type badFunc func(ci int, field, value string, err error)

// build makes a catalog of fws, checking each framework and the catalog as a whole;
// loc, when not nil, places the problems in the files the frameworks came from.
func build(fws []Framework, loc locator) (*Catalog, error) {
	c := newCatalog(len(fws))
	var p problems
	where := func(fi, ci int) (string, int) {
		if loc == nil {
			return "", 0
		}
		return loc(fi, ci)
	}
	for fi, f := range fws {
		if !c.checkFrameworkID(f, fi, where, &p) {
			continue
		}
		d := newFwData(f, fi, false, controlProblems(f, fi, where, &p))
		c.fws = append(c.fws, d)
		c.byID[f.ID] = d
	}
	c.checkAnnexes(where, &p)
	if err := p.err(); err != nil {
		return nil, err
	}
	c.indexNames()
	return c, nil
}

// newFwData checks framework f (everything but its ID, name and AnnexOf, which
// [build] checks), reporting each problem to bad, and returns it indexed as the
// catalog's order-th framework. The catalog's controls are always private copies, so
// the third argument (whether the caller gives f up) changes nothing; it stays for
// the readers in load.go.
func newFwData(f Framework, order int, _ bool, bad badFunc) *fwData {
	d := &fwData{order: order, info: infoOf(f)}
	d.ix = indexSpec(f, &d.info, bad)
	return d
}

// newCatalog returns an empty catalog with room for n frameworks.
func newCatalog(n int) *Catalog {
	return &Catalog{
		fws:      make([]*fwData, 0, n),
		byID:     make(map[FrameworkID]*fwData, n),
		names:    map[string]FrameworkID{},
		families: map[string][]FrameworkID{},
	}
}

// checkFrameworkID reports the problems of f's ID and name, and whether f can be
// added to the catalog (its ID well formed and not taken).
func (c *Catalog) checkFrameworkID(f Framework, fi int, where locator, p *problems) bool {
	file, line := where(fi, -1)
	rec := fmt.Sprintf("framework %q", f.ID)
	if !validFrameworkID(f.ID) {
		p.add(&DataError{File: file, Line: line, Record: fmt.Sprintf("framework #%d", fi+1), Field: "id", Value: string(f.ID),
			Err: fmt.Errorf("%w: a framework ID is lower-case letters, digits, '-', '_' and '.', with one optional ':' before the version", ErrInvalidValue)})
		return false
	}
	if _, dup := c.byID[f.ID]; dup {
		p.add(&DataError{File: file, Line: line, Record: rec, Field: "id", Value: string(f.ID), Err: ErrDuplicateFramework})
		return false
	}
	if strings.TrimSpace(f.Name) == "" {
		p.add(&DataError{File: file, Line: line, Record: rec, Field: "name", Err: ErrEmptyField})
	}
	return true
}

// controlProblems returns the function that records a problem with a control of f
// (or with f itself, for ci = -1) as a [*DataError] naming it.
func controlProblems(f Framework, fi int, where locator, p *problems) badFunc {
	rec := fmt.Sprintf("framework %q", f.ID)
	return func(ci int, field, value string, err error) {
		file, line := where(fi, ci)
		r := rec
		if ci >= 0 {
			r = fmt.Sprintf("%s control #%d", rec, ci+1)
			if id := f.Controls[ci].ID; id != "" {
				r += " " + safetext.Quote(id)
			}
		}
		p.add(&DataError{File: file, Line: line, Record: r, Field: field, Value: value, Err: err})
	}
}

// checkAnnexes reports every framework whose AnnexOf names no other framework of the
// catalog.
func (c *Catalog) checkAnnexes(where locator, p *problems) {
	for fi, d := range c.fws {
		if a := d.info.AnnexOf; a != "" {
			if _, ok := c.byID[a]; !ok || a == d.info.ID {
				file, line := where(fi, -1)
				p.add(&DataError{File: file, Line: line, Record: fmt.Sprintf("framework %q", d.info.ID), Field: "annex_of", Value: string(a), Err: ErrUnknownAnnex})
			}
		}
	}
}

// infoOf returns the Info of f, with slices of its own; Counts is filled by
// [indexSpec].
func infoOf(f Framework) Info {
	return Info{
		ID: f.ID, Name: f.Name, Version: f.Version, Publisher: f.Publisher, Source: f.Source,
		Licence: f.Licence, Aliases: slices.Clone(f.Aliases), AnnexOf: f.AnnexOf,
		QualifiedOnly: f.QualifiedOnly, ItemKinds: slices.Clone(f.ItemKinds), Controls: len(f.Controls),
	}
}

// indexSpec checks the controls of f and indexes private copies of them, counting
// them by kind into info. Problems go to bad; the index is built either way (the
// caller drops it when there were problems).
func indexSpec(f Framework, info *Info, bad badFunc) *fwIndex {
	for _, k := range f.ItemKinds {
		if !validKind(k) {
			bad(-1, "item_kinds", string(k), fmt.Errorf("%w: a kind is a lower-case word", ErrInvalidValue))
		}
	}
	pos := make(map[string]int32, len(f.Controls))
	for ci, s := range f.Controls {
		checkControl(ci, s, pos, bad)
	}
	controls, parent := linkControls(f, pos, bad)
	checkCycles(f, controls, parent, bad)
	info.Counts = countKinds(controls)
	return newIndex(controls, parent)
}

// checkControl reports the problems of one control taken alone (its ID, title, kind
// and attributes) and records its ID in pos unless another control has it.
func checkControl(ci int, s ControlSpec, pos map[string]int32, bad badFunc) {
	if why := controlIDProblem(s.ID); why != "" {
		if s.ID == "" {
			bad(ci, "id", "", ErrEmptyField)
		} else {
			bad(ci, "id", s.ID, fmt.Errorf("%w: %s", ErrInvalidValue, why))
		}
	} else if _, dup := pos[s.ID]; dup {
		bad(ci, "id", s.ID, ErrDuplicateID)
	} else {
		pos[s.ID] = int32(ci)
	}
	if strings.TrimSpace(s.Title) == "" {
		bad(ci, "title", "", ErrEmptyField)
	}
	if s.Kind != "" && !validKind(s.Kind) {
		bad(ci, "kind", string(s.Kind), fmt.Errorf("%w: a kind is a lower-case word", ErrInvalidValue))
	}
	if !attrsOK(s.Attributes) {
		checkAttrs(ci, s.Attributes, bad)
	}
}

// checkAttrs reports the blank attribute names and values of control ci, in name order.
func checkAttrs(ci int, attrs map[string][]string, bad badFunc) {
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if strings.TrimSpace(name) == "" {
			bad(ci, "attributes", name, fmt.Errorf("%w: empty attribute name", ErrInvalidValue))
		}
		for _, v := range attrs[name] {
			if strings.TrimSpace(v) == "" {
				bad(ci, "attributes."+name, v, fmt.Errorf("%w: empty attribute value", ErrInvalidValue))
			}
		}
	}
}

// linkControls makes the catalog's controls of f (kinds defaulted, attributes copied)
// and resolves each parent through pos: parent[i] is the index of control i's parent,
// or -1. A parent that does not exist, or is the control itself, is reported.
func linkControls(f Framework, pos map[string]int32, bad badFunc) ([]Control, []int32) {
	controls := make([]Control, len(f.Controls))
	parent := make([]int32, len(f.Controls))
	for ci, s := range f.Controls {
		k := s.Kind
		if k == "" {
			k = KindControl
		}
		ctl := Control{Ref: Ref{f.ID, s.ID}, Title: s.Title, Kind: k, Summary: s.Summary, attrs: newAttrList(s.Attributes)}
		parent[ci] = -1
		if s.Parent != "" {
			pi, ok := pos[s.Parent]
			switch {
			case !ok:
				bad(ci, "parent", s.Parent, ErrDanglingParent)
			case int(pi) == ci:
				bad(ci, "parent", s.Parent, ErrParentCycle)
			default:
				ctl.Parent = Ref{f.ID, s.Parent}
				parent[ci] = pi
			}
		}
		controls[ci] = ctl
	}
	return controls, parent
}

// checkCycles reports the controls whose chain of parents comes back to them after
// more than one step (one step is reported by [linkControls]). Each chain is walked
// at most len(controls) steps.
func checkCycles(f Framework, controls []Control, parent []int32, bad badFunc) {
	for ci := range controls {
		cur := parent[ci]
		for steps := 0; cur >= 0 && steps <= len(controls); steps++ {
			if int(cur) == ci {
				bad(ci, "parent", f.Controls[ci].Parent, ErrParentCycle)
				break
			}
			cur = parent[cur]
		}
	}
}

// countKinds counts controls by kind, in order of first appearance.
func countKinds(controls []Control) []KindCount {
	var counts []KindCount
	for _, c := range controls {
		i := slices.IndexFunc(counts, func(kc KindCount) bool { return kc.Kind == c.Kind })
		if i < 0 {
			counts = append(counts, KindCount{Kind: c.Kind})
			i = len(counts) - 1
		}
		counts[i].Count++
	}
	return counts
}
