package catalog

// Theme is the ISO/IEC 27002:2022 theme of a control (its clause, 5 to 8).
type Theme string

// The four themes.
const (
	Organizational Theme = "Organizational"
	People         Theme = "People"
	Physical       Theme = "Physical"
	Technological  Theme = "Technological"
)

// ControlType is the ISO/IEC 27002:2022 attribute saying when a control acts.
type ControlType string

// Control types.
const (
	Preventive ControlType = "Preventive"
	Detective  ControlType = "Detective"
	Corrective ControlType = "Corrective"
)

// SecurityProperty is the ISO/IEC 27002:2022 attribute naming the information security
// properties a control preserves.
type SecurityProperty string

// Information security properties.
const (
	Confidentiality SecurityProperty = "Confidentiality"
	Integrity       SecurityProperty = "Integrity"
	Availability    SecurityProperty = "Availability"
)

// CybersecurityConcept is the ISO/IEC 27002:2022 attribute tying a control to the
// concepts of ISO/IEC TS 27110 (the NIST CSF functions).
type CybersecurityConcept string

// Cybersecurity concepts.
const (
	Identify CybersecurityConcept = "Identify"
	Protect  CybersecurityConcept = "Protect"
	Detect   CybersecurityConcept = "Detect"
	Respond  CybersecurityConcept = "Respond"
	Recover  CybersecurityConcept = "Recover"
)

// OperationalCapability is the ISO/IEC 27002:2022 attribute naming the practitioner's
// view of a control ("Asset_management", "Threat_and_vulnerability_management", ...).
// The values in use are those of [Catalog.AttributeValues] for [AttrCapabilities].
type OperationalCapability string

// SecurityDomain is the ISO/IEC 27002:2022 attribute placing a control in one of four
// security domains.
type SecurityDomain string

// Security domains.
const (
	GovernanceAndEcosystem SecurityDomain = "Governance_and_Ecosystem"
	Protection             SecurityDomain = "Protection"
	Defence                SecurityDomain = "Defence"
	Resilience             SecurityDomain = "Resilience"
)

// ISO27002Attributes are the typed Annex A attributes of an ISO/IEC 27002:2022 control.
type ISO27002Attributes struct {
	Theme        Theme
	ControlTypes []ControlType
	Properties   []SecurityProperty
	Concepts     []CybersecurityConcept
	Capabilities []OperationalCapability
	Domains      []SecurityDomain
	NewIn2022    bool // the control was introduced by the 2022 edition
}

// ISO27002 returns the typed attributes of an ISO/IEC 27002:2022 control, and false for
// any other control (a theme, or a control of another framework).
func (c Control) ISO27002() (ISO27002Attributes, bool) {
	if c.Ref.Framework != ISO27002v2022 || c.Kind != KindControl {
		return ISO27002Attributes{}, false
	}
	a := ISO27002Attributes{NewIn2022: c.Has(AttrNewIn2022, "true")}
	if t := c.attrs.get(AttrTheme); len(t) > 0 {
		a.Theme = Theme(t[0])
	}
	a.ControlTypes = typed[ControlType](c.attrs.get(AttrControlType))
	a.Properties = typed[SecurityProperty](c.attrs.get(AttrProperties))
	a.Concepts = typed[CybersecurityConcept](c.attrs.get(AttrConcepts))
	a.Capabilities = typed[OperationalCapability](c.attrs.get(AttrCapabilities))
	a.Domains = typed[SecurityDomain](c.attrs.get(AttrDomains))
	return a, true
}

func typed[T ~string](vs []string) []T {
	if len(vs) == 0 {
		return nil
	}
	out := make([]T, len(vs))
	for i, v := range vs {
		out[i] = T(v)
	}
	return out
}
