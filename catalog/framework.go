package catalog

import (
	"fmt"
	"strings"
)

// FrameworkID identifies a framework and its version, such as "iso27002:2022": a family
// name, a colon, and the version.
type FrameworkID string

// The embedded frameworks.
const (
	ISO27002v2022 FrameworkID = "iso27002:2022" // ISO/IEC 27002:2022
	ISO27001v2022 FrameworkID = "iso27001:2022" // ISO/IEC 27001:2022 (with Amd 1:2024)
	ISO27002v2013 FrameworkID = "iso27002:2013" // ISO/IEC 27002:2013 (= ISO/IEC 27001:2013 Annex A)
	CSF20         FrameworkID = "nist-csf:2.0"  // NIST Cybersecurity Framework 2.0
	CSF11         FrameworkID = "nist-csf:1.1"  // NIST Cybersecurity Framework 1.1
	CIS8          FrameworkID = "cis:8"         // CIS Critical Security Controls v8
	CIS81         FrameworkID = "cis:8.1"       // CIS Critical Security Controls v8.1
	NIS2v2024     FrameworkID = "nis2:2024"     // NIS2 Implementing Regulation (EU) 2024/2690, Annex
	SP80053v5     FrameworkID = "sp800-53:5"    // NIST SP 800-53 Rev. 5 (OSCAL release 5.0.1)
)

// Versions of the embedded data.
const (
	ISO27002Edition = "2022"      // edition of ISO/IEC 27002 the baseline framework follows
	ISO27001Edition = "2022"      // edition of ISO/IEC 27001, including Amendment 1:2024
	CSFVersion      = "2.0"       // newest embedded NIST CSF version
	CISVersion      = "8.1.2"     // values of the CIS Controls v8.1 data (workbook v8.1.2)
	NIS2Version     = "2024/2690" // Commission Implementing Regulation (EU) 2024/2690, the NIS2 Annex embedded
	SP80053Version  = "5.0.1"     // NIST SP 800-53 Rev. 5 OSCAL catalog release embedded (CSF 2.0 cites 5.1.1)
	DataVersion     = "2026.2"    // version of the embedded data set as a whole
)

// Family returns the part of the ID before the colon ("iso27002" for
// "iso27002:2022"), or the whole ID when it has no colon.
func (id FrameworkID) Family() string {
	f, _, _ := strings.Cut(string(id), ":")
	return f
}

// Version returns the part of the ID after the colon, or "" when it has none.
func (id FrameworkID) Version() string {
	_, v, _ := strings.Cut(string(id), ":")
	return v
}

// String returns the ID as written.
func (id FrameworkID) String() string { return string(id) }

// validFrameworkID reports whether id is a usable framework ID: lower-case letters,
// digits, '-', '_', '.', with at most one ':'; no spaces or slashes, so that it can
// prefix a control ID in a [Ref].
func validFrameworkID(id FrameworkID) bool {
	if id == "" || strings.Count(string(id), ":") > 1 {
		return false
	}
	for _, r := range string(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == ':':
		default:
			return false
		}
	}
	return !strings.HasPrefix(string(id), ":") && !strings.HasSuffix(string(id), ":")
}

// Framework describes one framework and its controls. It is the input to [New], and
// what [ReadJSON] and [ReadCSV] return; a [Catalog] keeps its own copy.
type Framework struct {
	ID        FrameworkID // "iso27002:2022"
	Name      string      // "ISO/IEC 27002:2022"
	Version   string      // "2022"
	Publisher string      // "ISO/IEC"
	Source    string      // the document the data comes from
	Licence   string      // the terms of the data, for attribution
	// Aliases are other names for the framework, besides its ID and its family name
	// (the part of the ID before the colon). A name with a colon ("cis:8.0") names
	// this framework. A name without one that several versions of a family list
	// ("csf") is a name of the family, meaning its newest version; one that only this
	// version lists while the family has others ("csf2") names this version.
	Aliases []string
	// AnnexOf names the framework whose controls this one carries as its Annex A:
	// ISO/IEC 27001:2022 has AnnexOf = ISO27002v2022, so "iso27001:2022/A.5.1" is the
	// ISO/IEC 27002:2022 control 5.1 (one control, not a copy).
	AnnexOf FrameworkID
	// QualifiedOnly frameworks are found by [Catalog.ParseRef] only when the input
	// names them ("CIS 4.1", "cis:4.1"); a bare "4.1" is read as an ISO reference.
	QualifiedOnly bool
	// ItemKinds are the kinds of control that are the items of a gap analysis against
	// this framework: every control of one of these kinds is an item, except a
	// withdrawn one (see [Control.Withdrawn]). A leaf that is neither an item nor below
	// one makes its root-most ancestor with no item below it an item, so a section
	// without sub-headings still counts once. Nil means the leaves (CSF subcategories,
	// CIS safeguards).
	ItemKinds []Kind
	Controls  []ControlSpec // in document order
}

// ControlSpec is one control of a [Framework] as given to [New].
type ControlSpec struct {
	ID         string              // "5.1", "GV.OC-01", "A.12.4.1"
	Title      string              // required
	Kind       Kind                // "control" when empty
	Parent     string              // ID of the parent in the same framework, "" for a root
	Summary    string              // optional description
	Attributes map[string][]string // optional, see the Attr constants
}

// Info is what a [Catalog] tells about one of its frameworks: the fields of its
// [Framework] but the controls, and how many controls it has. The Aliases and Counts
// slices are the caller's own copies.
type Info struct {
	ID            FrameworkID // "iso27002:2022"
	Name          string      // "ISO/IEC 27002:2022"
	Version       string      // "2022"
	Publisher     string      // "ISO/IEC"
	Source        string      // the document the data comes from
	Licence       string      // the terms of the data, for attribution
	Aliases       []string    // see [Framework.Aliases]; empty when it has none
	AnnexOf       FrameworkID // see [Framework.AnnexOf]; "" for a framework with no Annex A
	QualifiedOnly bool        // see [Framework.QualifiedOnly]
	ItemKinds     []Kind      // see [Framework.ItemKinds]
	Controls      int         // number of controls of every kind (Annex A controls count in AnnexOf)
	Counts        []KindCount // controls per kind, in order of first appearance
}

// KindCount is the number of controls of one kind in a framework.
type KindCount struct {
	Kind  Kind // the kind counted
	Count int  // controls of that kind, withdrawn ones included; never 0 in [Info].Counts
}

// Count returns the number of controls of kind k.
func (in Info) Count(k Kind) int {
	for _, kc := range in.Counts {
		if kc.Kind == k {
			return kc.Count
		}
	}
	return 0
}

// compareVersions orders version strings naturally ("8" < "8.1" < "10").
func compareVersions(a, b string) int {
	return CompareIDs(a, b)
}

// String returns the framework's name and ID, as in "ISO/IEC 27002:2022 (iso27002:2022)".
func (f Framework) String() string { return fmt.Sprintf("%s (%s)", f.Name, f.ID) }
