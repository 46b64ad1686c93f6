package catalog

import (
	"slices"
	"strings"
)

// attrPair is one attribute of a control: its name and its values, in the order the
// source gives them.
type attrPair struct {
	name string
	vals []string
}

// attrList is a control's attributes, sorted by name. Its slices are shared between
// the copies of a [Control] and never mutated; the accessors copy.
type attrList []attrPair

// get returns the values of the attribute name, or nil. A control has a handful of
// attributes, so a linear search beats a map.
func (a attrList) get(name string) []string {
	for _, p := range a {
		if p.name == name {
			return p.vals
		}
	}
	return nil
}

// has reports whether the list has the attribute name.
func (a attrList) has(name string) bool {
	return slices.ContainsFunc(a, func(p attrPair) bool { return p.name == name })
}

// names returns the attribute names, sorted.
func (a attrList) names() []string {
	out := make([]string, len(a))
	for i, p := range a {
		out[i] = p.name
	}
	return out
}

// toMap returns the attributes as a map the caller owns, or nil when there are none.
func (a attrList) toMap() map[string][]string {
	if len(a) == 0 {
		return nil
	}
	m := make(map[string][]string, len(a))
	for _, p := range a {
		m[p.name] = slices.Clone(p.vals)
	}
	return m
}

// newAttrList makes the attribute list of a map given to [New]: a private copy,
// sorted by name.
func newAttrList(m map[string][]string) attrList {
	if len(m) == 0 {
		return nil
	}
	a := make(attrList, 0, len(m))
	for name, vals := range m {
		a = append(a, attrPair{name, slices.Clone(vals)})
	}
	slices.SortFunc(a, func(x, y attrPair) int { return strings.Compare(x.name, y.name) })
	return a
}

// attrsOK reports whether every attribute name and value is non-blank.
func attrsOK(attrs map[string][]string) bool {
	for name, vs := range attrs {
		if strings.TrimSpace(name) == "" {
			return false
		}
		for _, v := range vs {
			if strings.TrimSpace(v) == "" {
				return false
			}
		}
	}
	return true
}
