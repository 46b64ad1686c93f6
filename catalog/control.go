package catalog

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the place of a control in its framework's hierarchy.
type Kind string

// Kinds used by the embedded frameworks. Frameworks loaded by the caller may use
// others (any lower-case word).
const (
	KindTheme       Kind = "theme"       // ISO/IEC 27002:2022 theme (clauses 5 to 8)
	KindControl     Kind = "control"     // ISO control, CIS control
	KindClause      Kind = "clause"      // ISO/IEC 27001 management-system clause
	KindFunction    Kind = "function"    // NIST CSF function
	KindCategory    Kind = "category"    // NIST CSF category
	KindSubcategory Kind = "subcategory" // NIST CSF subcategory
	KindSafeguard   Kind = "safeguard"   // CIS safeguard
	KindSection     Kind = "section"     // NIS2 Implementing Regulation: section of the Annex (1 to 13)
	KindRequirement Kind = "requirement" // NIS2 Implementing Regulation: titled sub-heading (1.1 … 13.3)
	KindPoint       Kind = "point"       // NIS2 Implementing Regulation: numbered point (1.1.1 …)
	KindFamily      Kind = "family"      // NIST SP 800-53: control family (AC, AT, …)
	KindEnhancement Kind = "enhancement" // NIST SP 800-53: control enhancement (AC-2(1))
)

func validKind(k Kind) bool {
	if k == "" {
		return false
	}
	for _, r := range string(k) {
		if (r < 'a' || r > 'z') && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

// Attribute names used by the embedded frameworks.
const (
	// ISO/IEC 27002:2022 (Annex A attribute types).
	AttrTheme        = "theme"                    // Organizational, People, Physical, Technological
	AttrControlType  = "control_type"             // Preventive, Detective, Corrective
	AttrProperties   = "security_properties"      // Confidentiality, Integrity, Availability
	AttrConcepts     = "cybersecurity_concepts"   // Identify, Protect, Detect, Respond, Recover
	AttrCapabilities = "operational_capabilities" // Governance, Asset_management, ...
	AttrDomains      = "security_domains"         // Governance_and_Ecosystem, Protection, Defence, Resilience
	AttrNewIn2022    = "new_in_2022"              // "true" or "false"
	// ISO/IEC 27001:2022 clauses.
	AttrMandatoryDocInfo = "mandatory_documented_information" // "true" or "false"
	AttrDocInfoNote      = "documented_information_note"      // what the clause asks to document
	AttrClimate          = "amd1_2024_climate"                // "true" when Amd 1:2024 added climate change
	// CIS Controls.
	AttrAssetType      = "asset_type"           // Devices, Software, Data, ...
	AttrSecurityFunc   = "security_function"    // Identify, Protect, ..., Govern (v8.1)
	AttrImplementation = "implementation_group" // IG1, IG2, IG3
	// NIST SP 800-53 Rev. 5.
	AttrBaseline = "baseline" // LOW, MODERATE, HIGH (SP 800-53B control baselines), PRIVACY (privacy baseline)
	// Any framework.
	AttrStatus           = "status"            // StatusWithdrawn for a withdrawn control
	AttrIncorporatedInto = "incorporated_into" // IDs of the controls a withdrawn one moved to
)

// StatusWithdrawn is the value of [AttrStatus] of a control its publisher withdrew:
// kept so that references to it resolve, never an item of a gap analysis.
const StatusWithdrawn = "withdrawn"

// Control is one node of a framework: a control, clause, theme, function, category,
// subcategory or safeguard. It is a value: changing a copy changes nothing in the
// [Catalog] it came from.
type Control struct {
	Ref     Ref    // framework and ID
	Title   string // for CSF subcategories, NIST's outcome statement
	Kind    Kind
	Parent  Ref    // zero for a root
	Summary string // optional description; for SP 800-53, see [Catalog.Summary]

	attrs attrList // sorted by name; shared and never mutated, accessors copy
}

// Withdrawn reports whether the publisher withdrew the control ([AttrStatus] is
// [StatusWithdrawn]).
func (c Control) Withdrawn() bool {
	v := c.attrs.get(AttrStatus)
	return len(v) == 1 && v[0] == StatusWithdrawn
}

// Attr returns the values of the named attribute, or nil. The slice is the caller's.
func (c Control) Attr(name string) []string {
	return slices.Clone(c.attrs.get(name))
}

// Has reports whether the attribute name has the value v, compared without regard to
// case, to a leading '#' (ISO writes attribute values as "#Preventive") and to ' '
// written for '_' ("threat and vulnerability management").
func (c Control) Has(name, v string) bool {
	for _, x := range c.attrs.get(name) {
		if sameAttrValue(x, v) {
			return true
		}
	}
	return false
}

// AttrNames returns the names of the control's attributes, sorted.
func (c Control) AttrNames() []string {
	return c.attrs.names()
}

// Attrs yields the control's attributes, sorted by name. Each slice is a fresh copy.
func (c Control) Attrs() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		for _, p := range c.attrs {
			if !yield(p.name, slices.Clone(p.vals)) {
				return
			}
		}
	}
}

// IsRoot reports whether the control has no parent.
func (c Control) IsRoot() bool { return c.Parent.IsZero() }

// sameAttrValue reports whether two attribute values are the same without regard to
// case, surrounding spaces, a leading '#', and ' ' written for '_'
// ("#Information_security_event_management" and "information security event
// management"). It does not allocate.
func sameAttrValue(a, b string) bool {
	a = strings.TrimPrefix(strings.TrimSpace(a), "#")
	b = strings.TrimPrefix(strings.TrimSpace(b), "#")
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if ra == rb {
			continue
		}
		if ra == ' ' {
			ra = '_'
		}
		if rb == ' ' {
			rb = '_'
		}
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
	}
	return a == "" && b == ""
}
