package catalog

import "slices"

// Condition selects controls in [Catalog.Controls]. Conditions given together must
// all hold. Make them with [Where], [OfKind], [InGroup], [InBaseline], [ChildOf] and [Not]; a nil
// Condition holds for every control.
type Condition interface {
	match(Control) bool
}

type where struct {
	name   string
	values []string
}

func (w where) match(c Control) bool {
	return slices.ContainsFunc(w.values, func(v string) bool { return c.Has(w.name, v) })
}

// Where holds for a control whose attribute name has any of values, compared as
// [Control.Has] does (case, a leading '#' and ' ' for '_' do not matter).
// Where(AttrControlType, "Detective") selects the detective ISO/IEC 27002 controls;
// several values mean "any of them", and with no values Where holds for no control.
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
