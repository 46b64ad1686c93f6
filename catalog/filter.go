package catalog

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Condition selects controls in [Catalog.Controls] and [Catalog.Select]. Conditions
// given together must all hold. Make them with [Where], [OfKind], [InGroup],
// [InBaseline], [ChildOf] and [Not]; a nil Condition holds for every control.
type Condition interface {
	match(Control) bool
}

// Errors of [Catalog.Select]; test with [errors.Is].
var (
	ErrUnknownAttribute = errors.New("unknown attribute")
	ErrUnknownValue     = errors.New("unknown attribute value")
)

type where struct {
	name   string
	values []string
}

func (w where) match(c Control) bool {
	name := c.attrKey(w.name)
	return slices.ContainsFunc(w.values, func(v string) bool { return c.Has(name, v) })
}

// attrKey returns the name of c's attribute that name means: name itself when c has
// it, else the one it folds to as [attrName] folds ("Control type" for control_type).
func (c Control) attrKey(name string) string {
	if c.attrs.has(name) {
		return name
	}
	k := attrName(name)
	for _, p := range c.attrs {
		if attrName(p.name) == k {
			return p.name
		}
	}
	return name
}

// attrName folds an attribute name as people write it to the form of the attribute
// constants: lower case, '_' for spaces and '-' ("Control type" is control_type).
func attrName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// Where holds for a control whose attribute name has any of values, compared as
// [Control.Has] does (case, a leading '#' and ' ' for '_' do not matter); the name
// too is read without regard to case, with ' ' or '-' for '_' ("Control type" is
// [AttrControlType]). Where(AttrControlType, "Detective") selects the detective
// ISO/IEC 27002 controls; several values mean "any of them", and with no values Where
// holds for no control. A misspelt name or value selects nothing: use
// [Catalog.Select] to have it reported.
func Where(name string, values ...string) Condition {
	return where{name: name, values: slices.Clone(values)}
}

type ofKind []Kind

func (k ofKind) match(c Control) bool { return slices.Contains(k, c.Kind) }

// OfKind holds for a control of any of the given kinds.
func OfKind(kinds ...Kind) Condition { return ofKind(slices.Clone(kinds)) }

// InGroup holds for a CIS safeguard in the implementation group ig ("IG1", "IG2" or
// "IG3", in any case). The groups are cumulative: every IG1 safeguard is also in IG2
// and IG3.
func InGroup(ig string) Condition { return Where(AttrImplementation, ig) }

// InBaseline holds for a NIST SP 800-53 control or enhancement in the baseline b
// ("LOW", "MODERATE", "HIGH" or "PRIVACY", in any case), as SP 800-53B lists them. The
// control baselines are cumulative: every LOW item is also MODERATE, every MODERATE
// item also HIGH; the privacy baseline stands apart.
func InBaseline(b string) Condition { return Where(AttrBaseline, b) }

type not struct{ c Condition }

func (n not) match(c Control) bool { return n.c != nil && !n.c.match(c) }

// Not holds where c does not (so Not(nil) holds for no control).
func Not(c Condition) Condition { return not{c} }

type under struct{ parent Ref }

func (u under) match(c Control) bool { return c.Parent == u.parent }

// ChildOf holds for the direct children of parent.
func ChildOf(parent Ref) Condition { return under{parent} }

// Select returns the controls of framework fw that meet every condition, in document
// order, as [Catalog.Controls] yields them, but never a silent empty result for a
// mistake: fw may be an ID, alias or family name, and an unknown one is an error
// wrapping [ErrUnknownFramework]; a [Where] (also inside [Not], and [InGroup]) naming
// an attribute that no control of fw has, or a value that none has, is an error
// wrapping [ErrUnknownAttribute] or [ErrUnknownValue] that lists those there are. An
// empty result without error means that no control meets the conditions together.
func (c *Catalog) Select(fw FrameworkID, conds ...Condition) ([]Control, error) {
	id, err := c.ResolveFramework(string(fw))
	if err != nil {
		return nil, err
	}
	var check func(Condition) error
	check = func(cond Condition) error {
		switch x := cond.(type) {
		case not:
			return check(x.c)
		case where:
			names := c.AttributeNames(id)
			name := x.name
			if !slices.Contains(names, name) {
				i := slices.IndexFunc(names, func(n string) bool { return attrName(n) == attrName(name) })
				if i < 0 {
					return fmt.Errorf("%w %q in %s (its attributes: %s)", ErrUnknownAttribute, name, id, strings.Join(names, ", "))
				}
				name = names[i]
			}
			have := c.AttributeValues(id, name)
			for _, v := range x.values {
				if !slices.ContainsFunc(have, func(h string) bool { return sameAttrValue(h, v) }) {
					return fmt.Errorf("%w %q for %s in %s (its values: %s)", ErrUnknownValue, v, name, id, strings.Join(have, ", "))
				}
			}
		}
		return nil
	}
	for _, cond := range conds {
		if err := check(cond); err != nil {
			return nil, err
		}
	}
	return slices.Collect(c.Controls(id, conds...)), nil
}
