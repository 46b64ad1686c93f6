package catalog_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Counts from shared/reference/README.md, re-checked against the CSV files.
// TestEmbeddedCountsISO27002v2022: ISO/IEC 27002:2022: 93 controls in four themes,
// counted by theme, by clause and new in 2022.
func TestEmbeddedCountsISO27002v2022(t *testing.T) {
	c := catalog.Default()
	fw := catalog.ISO27002v2022
	assert.Equal(t, 93, c.Len(fw, catalog.KindControl))
	assert.Equal(t, 4, c.Len(fw, catalog.KindTheme))
	assert.Equal(t, 97, c.Len(fw))
	assert.Equal(t, 97, c.Len(fw, catalog.KindControl, catalog.KindTheme, catalog.KindControl))
	assert.Equal(t, 0, c.Len(fw, catalog.KindSafeguard))
	assert.Equal(t, []string{"5", "6", "7", "8"}, ids(c.Controls(fw, catalog.OfKind(catalog.KindTheme))))
	for theme, want := range map[catalog.Theme]int{
		catalog.Organizational: 37, catalog.People: 8, catalog.Physical: 14, catalog.Technological: 34,
	} {
		n := 0
		for range c.Controls(fw, catalog.OfKind(catalog.KindControl), catalog.Where(catalog.AttrTheme, string(theme))) {
			n++
		}
		assert.Equal(t, want, n, theme)
	}
	// The clause of the ID is the theme: 5.x organizational, 6.x people, ...
	for clause, want := range map[string]int{"5": 37, "6": 8, "7": 14, "8": 34} {
		assert.Len(t, ids(c.Children(catalog.NewRef(fw, clause))), want, clause)
	}
	assert.Equal(t,
		[]string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"},
		ids(c.Controls(fw, catalog.Where(catalog.AttrNewIn2022, "true"))))
	assert.Equal(t, 82, len(ids(c.Controls(fw, catalog.Where(catalog.AttrNewIn2022, "false")))))
}

// TestEmbeddedCountsISO27001v2022: ISO/IEC 27001:2022: clauses 4 to 10, the documented-
// information and climate flags, Annex A as ISO/IEC 27002:2022.
func TestEmbeddedCountsISO27001v2022(t *testing.T) {
	c := catalog.Default()
	fw := catalog.ISO27001v2022
	assert.Equal(t, 41, c.Len(fw))
	assert.Equal(t, 41, c.Len(fw, catalog.KindClause))
	assert.Equal(t, []string{"4", "5", "6", "7", "8", "9", "10"}, ids(c.Roots(fw)))
	// By hand from iso27001-2022-clauses.csv: rows with mandatory_documented_information=1
	// and with amd1_2024_climate=1.
	assert.Equal(t,
		[]string{"4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "8.1", "8.2", "8.3", "9.1", "9.2.2", "9.3.3", "10.2"},
		ids(c.Controls(fw, catalog.Where(catalog.AttrMandatoryDocInfo, "true"))))
	assert.Equal(t, []string{"4.1", "4.2"}, ids(c.Controls(fw, catalog.Where(catalog.AttrClimate, "true"))))
	in, ok := c.Framework(fw)
	require.True(t, ok)
	assert.Equal(t, catalog.ISO27002v2022, in.AnnexOf)
}

// TestEmbeddedCountsISO27002v2013: ISO/IEC 27002:2013: the 114 legacy controls, A.5.1.1
// to A.18.2.3.
func TestEmbeddedCountsISO27002v2013(t *testing.T) {
	c := catalog.Default()
	fw := catalog.ISO27002v2013
	assert.Equal(t, 114, c.Len(fw))
	assert.Equal(t, 114, c.Len(fw, catalog.KindControl))
	all := ids(c.Controls(fw))
	assert.Equal(t, "A.5.1.1", all[0])
	assert.Equal(t, "A.18.2.3", all[len(all)-1])
}

// TestEmbeddedCountsCSF20: NIST CSF 2.0: six functions (Govern first), 22 categories,
// 106 subcategories.
func TestEmbeddedCountsCSF20(t *testing.T) {
	c := catalog.Default()
	fw := catalog.CSF20
	assert.Equal(t, 6, c.Len(fw, catalog.KindFunction))
	assert.Equal(t, 22, c.Len(fw, catalog.KindCategory))
	assert.Equal(t, 106, c.Len(fw, catalog.KindSubcategory))
	assert.Equal(t, 134, c.Len(fw))
	assert.Equal(t, []string{"GV", "ID", "PR", "DE", "RS", "RC"}, ids(c.Controls(fw, catalog.OfKind(catalog.KindFunction))))
}

// TestEmbeddedCountsCSF11: NIST CSF 1.1: five functions, 23 categories, 108
// subcategories.
func TestEmbeddedCountsCSF11(t *testing.T) {
	c := catalog.Default()
	fw := catalog.CSF11
	assert.Equal(t, 5, c.Len(fw, catalog.KindFunction))
	assert.Equal(t, 23, c.Len(fw, catalog.KindCategory))
	assert.Equal(t, 108, c.Len(fw, catalog.KindSubcategory))
	assert.Equal(t, []string{"ID", "PR", "DE", "RS", "RC"}, ids(c.Controls(fw, catalog.OfKind(catalog.KindFunction))))
}

// TestEmbeddedCountsCIS: CIS Controls v8 and v8.1: 18 controls, 153 safeguards,
// cumulative implementation groups.
func TestEmbeddedCountsCIS(t *testing.T) {
	c := catalog.Default()
	if !catalog.HasCIS() {
		assert.False(t, c.Has(catalog.CIS8))
		assert.False(t, c.Has(catalog.CIS81))
		t.Skip("built with -tags nocis: no CIS data")
	}
	for _, fw := range []catalog.FrameworkID{catalog.CIS8, catalog.CIS81} {
		assert.Equal(t, 18, c.Len(fw, catalog.KindControl), fw)
		assert.Equal(t, 153, c.Len(fw, catalog.KindSafeguard), fw)
		for ig, want := range map[string]int{"IG1": 56, "IG2": 130, "IG3": 153} {
			n := len(ids(c.Controls(fw, catalog.InGroup(ig))))
			assert.Equal(t, want, n, "%s %s", fw, ig)
		}
		// The groups are cumulative (as InGroup's doc says): IG1 ⊂ IG2 ⊂ IG3.
		assert.Empty(t, ids(c.Controls(fw, catalog.InGroup("IG1"), catalog.Not(catalog.InGroup("IG2")))))
		assert.Empty(t, ids(c.Controls(fw, catalog.InGroup("IG2"), catalog.Not(catalog.InGroup("IG3")))))
		assert.Equal(t, ids(c.Controls(fw, catalog.OfKind(catalog.KindSafeguard))), ids(c.Controls(fw, catalog.InGroup("ig3"))))
		in, ok := c.Framework(fw)
		require.True(t, ok)
		assert.True(t, in.QualifiedOnly)
	}
}

// TestEmbeddedCountsNIS2AndSP80053: the NIS2 Annex has 13 sections, 47 requirements
// and 159 points; SP 800-53 Rev. 5 has 20 families, 322 controls and 867
// enhancements (1189, of which 182 withdrawn).
func TestEmbeddedCountsNIS2AndSP80053(t *testing.T) {
	c := catalog.Default()
	assert.Equal(t, 13, c.Len(catalog.NIS2v2024, catalog.KindSection))
	assert.Equal(t, 47, c.Len(catalog.NIS2v2024, catalog.KindRequirement))
	assert.Equal(t, 159, c.Len(catalog.NIS2v2024, catalog.KindPoint))
	assert.Equal(t, 219, c.Len(catalog.NIS2v2024))
	assert.Equal(t, 20, c.Len(catalog.SP80053v5, catalog.KindFamily))
	assert.Equal(t, 322, c.Len(catalog.SP80053v5, catalog.KindControl))
	assert.Equal(t, 867, c.Len(catalog.SP80053v5, catalog.KindEnhancement))
	assert.Len(t, ids(c.Controls(catalog.SP80053v5, catalog.Where(catalog.AttrStatus, catalog.StatusWithdrawn))), 182)
}

func TestFrameworksInfo(t *testing.T) {
	c := catalog.Default()
	var got []catalog.FrameworkID
	for in := range c.Frameworks() {
		got = append(got, in.ID)
		assert.NotEmpty(t, in.Name, in.ID)
		assert.NotEmpty(t, in.Licence, in.ID)
		assert.Equal(t, c.Len(in.ID), in.Controls, in.ID)
	}
	want := []catalog.FrameworkID{catalog.ISO27002v2022, catalog.ISO27001v2022, catalog.ISO27002v2013, catalog.CSF20, catalog.CSF11, catalog.NIS2v2024, catalog.SP80053v5}
	if catalog.HasCIS() {
		want = append(want, catalog.CIS8, catalog.CIS81)
	}
	assert.Equal(t, want, got)

	in, ok := c.Framework(catalog.CSF20)
	require.True(t, ok)
	assert.Equal(t, "NIST Cybersecurity Framework 2.0", in.Name)
	assert.Equal(t, "2.0", in.Version)
	assert.Equal(t, []catalog.KindCount{{catalog.KindFunction, 6}, {catalog.KindCategory, 22}, {catalog.KindSubcategory, 106}}, in.Counts)
	_, ok = c.Framework("nope:1")
	assert.False(t, ok)
	assert.Equal(t, 0, c.Len("nope:1"))
	assert.Empty(t, ids(c.Controls("nope:1")))
}

// Spot values checked by hand against shared/reference/frameworks/*.csv.
// TestSpotValuesISO27002Control: an ISO/IEC 27002:2022 control (8.16) has its title,
// parent and attributes, in the order ISO gives them, the names sorted.
func TestSpotValuesISO27002Control(t *testing.T) {
	c := catalog.Default()
	ctl, ok := c.Control(catalog.NewRef(catalog.ISO27002v2022, "8.16"))
	require.True(t, ok)
	assert.Equal(t, "Monitoring activities", ctl.Title)
	assert.Equal(t, catalog.KindControl, ctl.Kind)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "8"), ctl.Parent)
	assert.Equal(t, []string{"Detective", "Corrective"}, ctl.Attr(catalog.AttrControlType))
	assert.Equal(t, []string{"Detect", "Respond"}, ctl.Attr(catalog.AttrConcepts))
	assert.Equal(t, []string{"Confidentiality", "Integrity", "Availability"}, ctl.Attr(catalog.AttrProperties))
	assert.Equal(t, []string{"Information_security_event_management"}, ctl.Attr(catalog.AttrCapabilities))
	assert.Equal(t, []string{"Defence"}, ctl.Attr(catalog.AttrDomains))
	assert.True(t, ctl.Has(catalog.AttrControlType, "#detective"))
	assert.False(t, ctl.Has(catalog.AttrControlType, "Preventive"))
	assert.Nil(t, ctl.Attr("no-such-attribute"))
	assert.Equal(t, []string{
		catalog.AttrControlType, catalog.AttrConcepts, catalog.AttrNewIn2022, catalog.AttrCapabilities,
		catalog.AttrDomains, catalog.AttrProperties, catalog.AttrTheme,
	}, ctl.AttrNames())
}

// TestSpotValuesISO27002Typed: the typed ISO/IEC 27002:2022 attributes, the normalised
// quirks of the ISO table (6.6, 5.22), and no typed attributes for anything but an
// ISO/IEC 27002:2022 control.
func TestSpotValuesISO27002Typed(t *testing.T) {
	c := catalog.Default()
	ctl, ok := c.Control(catalog.NewRef(catalog.ISO27002v2022, "8.16"))
	require.True(t, ok)
	a, ok := ctl.ISO27002()
	require.True(t, ok)
	assert.Equal(t, catalog.ISO27002Attributes{
		Theme:        catalog.Technological,
		ControlTypes: []catalog.ControlType{catalog.Detective, catalog.Corrective},
		Properties:   []catalog.SecurityProperty{catalog.Confidentiality, catalog.Integrity, catalog.Availability},
		Concepts:     []catalog.CybersecurityConcept{catalog.Detect, catalog.Respond},
		Capabilities: []catalog.OperationalCapability{"Information_security_event_management"},
		Domains:      []catalog.SecurityDomain{catalog.Defence},
		NewIn2022:    true,
	}, a)

	ctl, ok = c.Control(catalog.NewRef(catalog.ISO27002v2022, "5.7"))
	require.True(t, ok)
	assert.Equal(t, "Threat intelligence", ctl.Title)
	a, ok = ctl.ISO27002()
	require.True(t, ok)
	assert.True(t, a.NewIn2022)
	assert.Equal(t, catalog.Organizational, a.Theme)

	ctl, ok = c.Control(catalog.NewRef(catalog.ISO27002v2022, "5.1"))
	require.True(t, ok)
	a, ok = ctl.ISO27002()
	require.True(t, ok)
	assert.False(t, a.NewIn2022)
	assert.Equal(t, []catalog.SecurityDomain{catalog.GovernanceAndEcosystem, catalog.Resilience}, a.Domains)

	// Normalised quirks of the ISO table (reference README): 6.6 and 5.22.
	ctl, _ = c.Control(catalog.NewRef(catalog.ISO27002v2022, "6.6"))
	assert.Equal(t, []string{"Human_resource_security", "Information_protection", "Supplier_relationships_security"}, ctl.Attr(catalog.AttrCapabilities))
	ctl, _ = c.Control(catalog.NewRef(catalog.ISO27002v2022, "5.22"))
	assert.Equal(t, []string{"Governance_and_Ecosystem", "Protection", "Defence"}, ctl.Attr(catalog.AttrDomains))

	// Not an ISO/IEC 27002:2022 control: a theme, or another framework.
	for _, r := range []catalog.Ref{catalog.NewRef(catalog.ISO27002v2022, "8"), catalog.NewRef(catalog.ISO27001v2022, "5.1"), catalog.NewRef(catalog.CSF20, "GV")} {
		ctl, ok := c.Control(r)
		require.True(t, ok, r)
		_, ok = ctl.ISO27002()
		assert.False(t, ok, r)
	}
}

// TestSpotValuesISO27001Clause: an ISO/IEC 27001:2022 clause with its documented-
// information and climate flags.
func TestSpotValuesISO27001Clause(t *testing.T) {
	c := catalog.Default()
	ctl, ok := c.Control(catalog.NewRef(catalog.ISO27001v2022, "6.1.3"))
	require.True(t, ok)
	assert.Equal(t, "Information security risk treatment", ctl.Title)
	assert.Equal(t, catalog.KindClause, ctl.Kind)
	assert.Equal(t, "6.1", ctl.Parent.ID)
	assert.Equal(t, []string{"true"}, ctl.Attr(catalog.AttrMandatoryDocInfo))
	assert.Equal(t, []string{"false"}, ctl.Attr(catalog.AttrClimate))
	ctl, ok = c.Control(catalog.NewRef(catalog.ISO27001v2022, "4.1"))
	require.True(t, ok)
	assert.Equal(t, []string{"true"}, ctl.Attr(catalog.AttrClimate))
	assert.Nil(t, ctl.Attr(catalog.AttrDocInfoNote))
}

// TestSpotValuesCSF: a CSF subcategory is titled by its outcome statement, under its
// category and function.
func TestSpotValuesCSF(t *testing.T) {
	c := catalog.Default()
	ctl, ok := c.Control(catalog.NewRef(catalog.CSF20, "GV.OC-01"))
	require.True(t, ok)
	assert.Equal(t, "The organizational mission is understood and informs cybersecurity risk management", ctl.Title)
	assert.Equal(t, catalog.KindSubcategory, ctl.Kind)
	assert.Equal(t, []string{"nist-csf:2.0/GV.OC", "nist-csf:2.0/GV"}, refStrings(c.Ancestors(ctl.Ref)))
	cat, ok := c.Control(ctl.Parent)
	require.True(t, ok)
	assert.Equal(t, "Organizational Context", cat.Title)

	ctl, ok = c.Control(catalog.NewRef(catalog.CSF11, "ID.AM-1"))
	require.True(t, ok)
	assert.Equal(t, "Physical devices and systems within the organization are inventoried", ctl.Title)
}

// TestSpotValuesCIS: a CIS v8.1 safeguard with its asset type, security function
// (Govern, new in v8.1) and implementation groups, beside the same safeguard in v8.
func TestSpotValuesCIS(t *testing.T) {
	c := catalog.Default()
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	ctl, ok := c.Control(catalog.NewRef(catalog.CIS81, "4.1"))
	require.True(t, ok)
	assert.Equal(t, "Establish and Maintain a Secure Configuration Process", ctl.Title)
	assert.Equal(t, catalog.KindSafeguard, ctl.Kind)
	assert.Equal(t, catalog.NewRef(catalog.CIS81, "4"), ctl.Parent)
	assert.Equal(t, []string{"Documentation"}, ctl.Attr(catalog.AttrAssetType))
	assert.Equal(t, []string{"Govern"}, ctl.Attr(catalog.AttrSecurityFunc))
	assert.Equal(t, []string{"IG1", "IG2", "IG3"}, ctl.Attr(catalog.AttrImplementation))
	// The same safeguard in v8: asset type Applications, function Protect.
	v8, ok := c.Control(catalog.NewRef(catalog.CIS8, "4.1"))
	require.True(t, ok)
	assert.Equal(t, ctl.Title, v8.Title)
	assert.Equal(t, []string{"Applications"}, v8.Attr(catalog.AttrAssetType))
	assert.Equal(t, []string{"Protect"}, v8.Attr(catalog.AttrSecurityFunc))
	// 1.3 is not in IG1.
	ctl, _ = c.Control(catalog.NewRef(catalog.CIS81, "1.3"))
	assert.Equal(t, []string{"IG2", "IG3"}, ctl.Attr(catalog.AttrImplementation))
	// Govern exists only in v8.1.
	assert.Equal(t, []string{"Detect", "Govern", "Identify", "Protect", "Recover", "Respond"}, c.AttributeValues(catalog.CIS81, catalog.AttrSecurityFunc))
	assert.Equal(t, []string{"Detect", "Identify", "Protect", "Recover", "Respond"}, c.AttributeValues(catalog.CIS8, catalog.AttrSecurityFunc))
}

// TestSpotValuesNIS2AndSP80053: a NIS2 requirement and point under their section (a
// point titled by its first line); an SP 800-53 enhancement under its control with
// its baselines, and a withdrawn one with where it went (values by hand from the
// reference files).
func TestSpotValuesNIS2AndSP80053(t *testing.T) {
	c := catalog.Default()
	req, ok := c.Control(catalog.NewRef(catalog.NIS2v2024, "1.1"))
	require.True(t, ok)
	assert.Equal(t, "Policy on the security of network and information systems", req.Title)
	assert.Equal(t, catalog.KindRequirement, req.Kind)
	assert.Equal(t, catalog.NewRef(catalog.NIS2v2024, "1"), req.Parent)
	pt, ok := c.Control(catalog.NewRef(catalog.NIS2v2024, "1.1.1"))
	require.True(t, ok)
	assert.Equal(t, catalog.KindPoint, pt.Kind)
	assert.True(t, strings.HasPrefix(pt.Title, "For the purpose of Article 21(2), point (a) of Directive (EU) 2022/2555"), pt.Title)
	assert.Equal(t, []string{"nis2:2024/1.1", "nis2:2024/1"}, refStrings(c.Ancestors(pt.Ref)))

	enh, ok := c.Control(catalog.NewRef(catalog.SP80053v5, "AC-2(1)"))
	require.True(t, ok)
	assert.Equal(t, "Automated System Account Management", enh.Title)
	assert.Equal(t, catalog.KindEnhancement, enh.Kind)
	assert.Equal(t, catalog.NewRef(catalog.SP80053v5, "AC-2"), enh.Parent)
	assert.Equal(t, []string{"MODERATE", "HIGH"}, enh.Attr(catalog.AttrBaseline))
	assert.False(t, enh.Withdrawn())
	gone, ok := c.Control(catalog.NewRef(catalog.SP80053v5, "AC-2(10)"))
	require.True(t, ok)
	assert.Equal(t, "Shared and Group Account Credential Change", gone.Title)
	assert.True(t, gone.Withdrawn())
	assert.Equal(t, []string{"AC-2k"}, gone.Attr(catalog.AttrIncorporatedInto))
	assert.Nil(t, gone.Attr(catalog.AttrBaseline))
	assert.Equal(t, []string{catalog.AttrIncorporatedInto, catalog.AttrStatus}, gone.AttrNames())
}

func TestAttributeValuesAndNames(t *testing.T) {
	c := catalog.Default()
	assert.Equal(t, []string{"Corrective", "Detective", "Preventive"}, c.AttributeValues(catalog.ISO27002v2022, catalog.AttrControlType))
	assert.Equal(t, []string{"Detect", "Identify", "Protect", "Recover", "Respond"}, c.AttributeValues(catalog.ISO27002v2022, catalog.AttrConcepts))
	assert.Equal(t, []string{"Defence", "Governance_and_Ecosystem", "Protection", "Resilience"}, c.AttributeValues(catalog.ISO27002v2022, catalog.AttrDomains))
	assert.Equal(t, []string{"Organizational", "People", "Physical", "Technological"}, c.AttributeValues(catalog.ISO27002v2022, catalog.AttrTheme))
	assert.Equal(t, []string{
		catalog.AttrControlType, catalog.AttrConcepts, catalog.AttrNewIn2022, catalog.AttrCapabilities,
		catalog.AttrDomains, catalog.AttrProperties, catalog.AttrTheme,
	}, c.AttributeNames(catalog.ISO27002v2022))
	assert.Empty(t, c.AttributeNames(catalog.ISO27002v2013))
	assert.Empty(t, c.AttributeValues("nope:1", catalog.AttrTheme))
}

func TestDocumentOrder(t *testing.T) {
	c := catalog.Default()
	all := ids(c.Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)))
	require.Len(t, all, 93)
	assert.Equal(t, []string{"5.1", "5.2", "5.3"}, all[:3])
	assert.Less(t, slices.Index(all, "5.2"), slices.Index(all, "5.10"))
	assert.Less(t, slices.Index(all, "5.37"), slices.Index(all, "6.1"))
	assert.Equal(t, "8.34", all[92])

	csf := ids(c.Controls(catalog.CSF20))
	assert.Equal(t, []string{"GV", "GV.OC", "GV.OC-01"}, csf[:3])
	assert.Less(t, slices.Index(csf, "GV.SC-10"), slices.Index(csf, "ID"))

	// Catalog.Compare follows document order; Ref.Compare is natural order.
	r := func(fw catalog.FrameworkID, id string) catalog.Ref { return catalog.NewRef(fw, id) }
	assert.Negative(t, c.Compare(r(catalog.ISO27002v2022, "5.2"), r(catalog.ISO27002v2022, "5.10")))
	assert.Negative(t, c.Compare(r(catalog.CSF20, "GV.OC-01"), r(catalog.CSF20, "ID.AM-01")))
	assert.Negative(t, r(catalog.CSF20, "GV.OC-01").Compare(r(catalog.CSF20, "ID.AM-01")))
	assert.Positive(t, r(catalog.ISO27002v2022, "5.10").Compare(r(catalog.ISO27002v2022, "5.2")))
	assert.Negative(t, c.Compare(r(catalog.ISO27002v2022, "8.34"), r(catalog.ISO27001v2022, "4")))
	assert.Zero(t, c.Compare(r(catalog.ISO27002v2022, "5.1"), r(catalog.ISO27002v2022, "5.1")))
	// Two spellings of one control: the canonical first, then the Annex A one, both
	// before the next control; never 0.
	assert.Negative(t, c.Compare(r(catalog.ISO27002v2022, "5.1"), r(catalog.ISO27001v2022, "A.5.1")))
	assert.Positive(t, c.Compare(r(catalog.ISO27001v2022, "A.5.1"), r(catalog.ISO27002v2022, "5.1")))
	assert.Negative(t, c.Compare(r(catalog.ISO27001v2022, "A.5.1"), r(catalog.ISO27002v2022, "5.2")))
	assert.Negative(t, c.Compare(r(catalog.ISO27001v2022, "A.5.1"), r(catalog.ISO27001v2022, "a.5.1")))
	assert.Zero(t, c.Compare(r(catalog.ISO27001v2022, "A.5.1"), r(catalog.ISO27001v2022, "A.5.1")))
	// A ref the catalog does not hold sorts after every ref it holds.
	assert.Positive(t, c.Compare(r("zz:1", "1"), r(catalog.CIS81, "18.5")))
	assert.Negative(t, c.Compare(r(catalog.CSF11, "RC.CO-3"), r("aa:1", "1")))
	assert.Negative(t, c.Compare(r("aa:1", "1"), r("aa:1", "2")))

	// All walks the frameworks in catalog order.
	first := refStrings(c.All())
	assert.Equal(t, "iso27002:2022/5", first[0])
	assert.Equal(t, "iso27001:2022/4", first[97])
}

func TestHierarchy(t *testing.T) {
	c := catalog.Default()
	assert.Equal(t, []string{"6.1.1", "6.1.2", "6.1.3"}, ids(c.Children(catalog.NewRef(catalog.ISO27001v2022, "6.1"))))
	assert.Equal(t, []string{"iso27001:2022/9.3", "iso27001:2022/9"}, refStrings(c.Ancestors(catalog.NewRef(catalog.ISO27001v2022, "9.3.3"))))
	assert.Empty(t, ids(c.Ancestors(catalog.NewRef(catalog.ISO27001v2022, "9"))))
	assert.Empty(t, ids(c.Children(catalog.NewRef(catalog.ISO27001v2022, "9.3.3"))))
	assert.Empty(t, ids(c.Children(catalog.NewRef("nope:1", "9"))))
	assert.Empty(t, ids(c.Ancestors(catalog.NewRef("nope:1", "9"))))
	root, _ := c.Control(catalog.NewRef(catalog.CSF20, "GV"))
	assert.True(t, root.IsRoot())
	assert.Equal(t, []string{"GV.OC", "GV.OV", "GV.PO", "GV.RM", "GV.RR", "GV.SC"}, ids(c.Children(root.Ref)))
	// The Annex A spelling reaches the 27002 control's place in its hierarchy.
	assert.Equal(t, []string{"iso27002:2022/5"}, refStrings(c.Ancestors(catalog.NewRef(catalog.ISO27001v2022, "A.5.1"))))
	// Stopping early is honoured.
	for range c.Children(root.Ref) {
		break
	}
}

func TestAnnexAIsOneNode(t *testing.T) {
	c := catalog.Default()
	viaAnnex, ok := c.Control(catalog.NewRef(catalog.ISO27001v2022, "A.5.1"))
	require.True(t, ok)
	direct, ok := c.Control(catalog.NewRef(catalog.ISO27002v2022, "5.1"))
	require.True(t, ok)
	assert.Equal(t, direct, viaAnnex)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "5.1"), viaAnnex.Ref)
	can, ok := c.Canonical(catalog.NewRef(catalog.ISO27001v2022, "A.8.16"))
	require.True(t, ok)
	assert.Equal(t, catalog.NewRef(catalog.ISO27002v2022, "8.16"), can)
	can, ok = c.Canonical(catalog.NewRef(catalog.ISO27001v2022, "5.1"))
	require.True(t, ok)
	assert.Equal(t, catalog.NewRef(catalog.ISO27001v2022, "5.1"), can, "a clause is itself")
	_, ok = c.Control(catalog.NewRef(catalog.ISO27001v2022, "A.9.9"))
	assert.False(t, ok)
	_, ok = c.Canonical(catalog.NewRef(catalog.ISO27002v2013, "A.5.1"))
	assert.False(t, ok, "2013 carries no annex")
	// The 27001 framework itself counts only its clauses.
	assert.Equal(t, 41, c.Len(catalog.ISO27001v2022))
}

func TestCatalogIsImmutable(t *testing.T) {
	c := catalog.Default()
	r := catalog.NewRef(catalog.ISO27002v2022, "8.16")

	ctl, _ := c.Control(r)
	types := ctl.Attr(catalog.AttrControlType)
	types[0] = "Preventive"
	_ = append(types[:1], "X")
	for _, vs := range ctl.Attrs() {
		vs[0] = "changed"
	}
	a, _ := ctl.ISO27002()
	a.ControlTypes[0] = catalog.Preventive
	ctl.Title = "changed"

	again, _ := c.Control(r)
	assert.Equal(t, "Monitoring activities", again.Title)
	assert.Equal(t, []string{"Detective", "Corrective"}, again.Attr(catalog.AttrControlType))
	a2, _ := again.ISO27002()
	assert.Equal(t, []catalog.ControlType{catalog.Detective, catalog.Corrective}, a2.ControlTypes)

	in, _ := c.Framework(catalog.CSF20)
	in.Aliases[0] = "changed"
	in.Counts[0].Count = 99
	in2, _ := c.Framework(catalog.CSF20)
	assert.NotContains(t, in2.Aliases, "changed")
	assert.Equal(t, 6, in2.Counts[0].Count)
	for in := range c.Frameworks() {
		if len(in.Aliases) > 0 {
			in.Aliases[0] = "changed"
		}
	}
	in3, _ := c.Framework(catalog.CSF20)
	assert.NotContains(t, in3.Aliases, "changed")

	spec, ok := c.Spec(catalog.ISO27002v2022)
	require.True(t, ok)
	i := slices.IndexFunc(spec.Controls, func(s catalog.ControlSpec) bool { return s.ID == "8.16" })
	require.GreaterOrEqual(t, i, 0)
	spec.Controls[i].Title = "changed"
	spec.Controls[i].Attributes[catalog.AttrControlType][0] = "Preventive"
	spec.Controls[i].Attributes["new"] = []string{"x"}
	spec.Aliases[0] = "changed"
	spec2, _ := c.Spec(catalog.ISO27002v2022)
	assert.Equal(t, "Monitoring activities", spec2.Controls[i].Title)
	assert.Equal(t, []string{"Detective", "Corrective"}, spec2.Controls[i].Attributes[catalog.AttrControlType])
	assert.NotContains(t, spec2.Controls[i].Attributes, "new")
	assert.NotContains(t, spec2.Aliases, "changed")
	again, _ = c.Control(r)
	assert.Equal(t, []string{"Detective", "Corrective"}, again.Attr(catalog.AttrControlType))

	// Embedded returns fresh copies too.
	e := catalog.Embedded()
	e[0].Controls[1].Title = "changed"
	e[0].Controls[1].Attributes[catalog.AttrTheme][0] = "changed"
	e2 := catalog.Embedded()
	assert.Equal(t, "Policies for information security", e2[0].Controls[1].Title)
	assert.Equal(t, []string{"Organizational"}, e2[0].Controls[1].Attributes[catalog.AttrTheme])

	// Changing the input of New after the call changes nothing in the catalog.
	f := tinyFramework()
	own, err := catalog.New(f)
	require.NoError(t, err)
	f.Controls[0].Title = "changed"
	f.Controls[1].Attributes["level"][0] = "changed"
	f.Aliases[0] = "changed"
	got, _ := own.Control(catalog.NewRef("acme:1", "AC"))
	assert.Equal(t, "Access control", got.Title)
	got, _ = own.Control(catalog.NewRef("acme:1", "AC-1"))
	assert.Equal(t, []string{"basic"}, got.Attr("level"))
	_, err = own.ResolveFramework("changed")
	assert.Error(t, err)

	// Filters keep their own copy of their arguments.
	vals := []string{"Detective"}
	cond := catalog.Where(catalog.AttrControlType, vals...)
	vals[0] = "Preventive"
	assert.Len(t, ids(c.Controls(catalog.ISO27002v2022, cond)), 13)
}

func TestConcurrentReaders(t *testing.T) {
	var wg sync.WaitGroup
	inputs := []string{"A.5.1", "gv.oc-1", "ID.AM-1", "A.12.4.1", "5.1", "iso27001:2022/A.8.16"}
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := catalog.Default()
			for i := range 50 {
				s := inputs[(g+i)%len(inputs)]
				r, err := catalog.ParseRef(s)
				if s == "5.1" {
					if assert.Error(t, err) {
						continue
					}
				}
				if !assert.NoError(t, err, s) {
					return
				}
				_, ok := c.Control(r)
				assert.True(t, ok)
				n := 0
				for range c.Controls(catalog.ISO27002v2022, catalog.Where(catalog.AttrControlType, "Detective")) {
					n++
				}
				assert.Equal(t, 13, n)
				for in := range c.Frameworks() {
					_ = fmt.Sprint(in.Aliases)
				}
			}
		}()
	}
	wg.Wait()
}

// tinyFramework is a small in-house framework for tests.
func tinyFramework() catalog.Framework {
	return catalog.Framework{
		ID: "acme:1", Name: "ACME controls", Version: "1", Aliases: []string{"acme-controls"},
		Controls: []catalog.ControlSpec{
			{ID: "AC", Title: "Access control", Kind: "domain"},
			{ID: "AC-1", Title: "Access policy", Parent: "AC", Attributes: map[string][]string{"level": {"basic"}}},
			{ID: "AC-2", Title: "Account review", Parent: "AC", Attributes: map[string][]string{"level": {"advanced"}}},
		},
	}
}
