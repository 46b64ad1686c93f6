package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

func isoRef(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
func csfRef(id string) catalog.Ref { return catalog.NewRef(catalog.CSF20, id) }

// The labels of one reach, one row per kind of link: the basis decides what the
// parenthesis says, the title goes after the ID only when the link carries one.
func TestViaLabelsByBasis(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: catalog.CIS81}
	cis := func(id string) catalog.Ref { return catalog.NewRef(catalog.CIS8, id) }
	hops := func(refs ...catalog.Ref) []crosswalk.Hop {
		var out []crosswalk.Hop
		for i := 0; i+1 < len(refs); i++ {
			out = append(out, crosswalk.Hop{From: refs[i], To: refs[i+1]})
		}
		return out
	}
	tests := []struct {
		name        string
		link        crosswalk.Link
		plain, with string
	}{
		{"published, no title",
			crosswalk.Link{From: isoRef("5.15"), Relationship: mappings.Equal, Status: crosswalk.Implemented, Basis: crosswalk.BasisPublished},
			"5.15 (equal, implemented)", "5.15 (equal, implemented)"},
		{"published, titled",
			crosswalk.Link{From: isoRef("5.15"), FromTitle: "Access control", Relationship: mappings.SupersetOf, Status: crosswalk.Planned, Basis: crosswalk.BasisPublished},
			"5.15 (superset-of, planned)", "5.15 Access control (superset-of, planned)"},
		{"succession names the carrying framework",
			crosswalk.Link{From: isoRef("8.16"), FromTitle: "Monitoring activities", Relationship: mappings.IntersectsWith, Status: crosswalk.Partial,
				Basis: crosswalk.BasisSuccession, Through: catalog.CIS8},
			"8.16 (intersects-with via cis:8 (succession), partial)", "8.16 Monitoring activities (intersects-with via cis:8 (succession), partial)"},
		{"derived, one route, two hops: the middle control",
			crosswalk.Link{From: isoRef("5.1"), Relationship: mappings.Related, Status: crosswalk.NotImplemented, Basis: crosswalk.BasisDerived, Routes: 1,
				Path: hops(isoRef("5.1"), csfRef("GV.PO-01"), cis("1.1"))},
			"5.1 (derived related via nist-csf:2.0/GV.PO-01, 1 route, not-implemented)", ""},
		{"derived, three hops: both middle controls, routes counted",
			crosswalk.Link{From: isoRef("5.1"), FromTitle: "Policies", Relationship: mappings.SubsetOf, Status: crosswalk.Implemented, Basis: crosswalk.BasisDerived, Routes: 3,
				Path: hops(isoRef("5.1"), csfRef("GV.PO-01"), csfRef("GV.PO-02"), cis("1.1"))},
			"5.1 (derived subset-of via nist-csf:2.0/GV.PO-01, nist-csf:2.0/GV.PO-02, 3 routes, implemented)",
			"5.1 Policies (derived subset-of via nist-csf:2.0/GV.PO-01, nist-csf:2.0/GV.PO-02, 3 routes, implemented)"},
		{"derived without a path: no via, no routes",
			crosswalk.Link{From: isoRef("5.1"), Relationship: mappings.Related, Status: crosswalk.Planned, Basis: crosswalk.BasisDerived},
			"5.1 (derived related, planned)", ""},
		{"an ancestor wins over every other basis",
			crosswalk.Link{From: isoRef("5.2"), FromTitle: "Roles", Relationship: mappings.Related, Status: crosswalk.NotApplicable, Basis: crosswalk.BasisAncestor, Ancestor: cis("1")},
			"5.2 (related at 1, not-applicable)", "5.2 Roles (related at 1, not-applicable)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.plain, viaLabel(res, tt.link))
			want := tt.with
			if want == "" {
				want = tt.plain
			}
			assert.Equal(t, want, titledVia(res, tt.link))
		})
	}
}

// An ISMS baseline names its Annex A controls "A.x"; the title still goes after
// the whole label's ID, and a control of the baseline itself keeps its bare ID.
func TestTitledViaAnnexA(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27001v2022}
	l := crosswalk.Link{From: isoRef("5.1"), FromTitle: "Policies for information security", Relationship: mappings.Equal, Status: crosswalk.Implemented}
	assert.Equal(t, "A.5.1 Policies for information security (equal, implemented)", titledVia(res, l))
	clause := crosswalk.Link{From: catalog.NewRef(catalog.ISO27001v2022, "6.1.2"), FromTitle: "Risk assessment", Relationship: mappings.Related, Status: crosswalk.Partial}
	assert.Equal(t, "6.1.2 Risk assessment (related, partial)", titledVia(res, clause))
}

func TestSplitViaTitledKeepsOrder(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022}
	links := []crosswalk.Link{
		{From: isoRef("5.3"), Relationship: mappings.Related, Basis: crosswalk.BasisAncestor, Ancestor: csfRef("GV")},
		{From: isoRef("5.1"), Relationship: mappings.Equal, Status: crosswalk.Implemented},
		{From: isoRef("5.2"), Relationship: mappings.Related, Basis: crosswalk.BasisAncestor, Ancestor: csfRef("GV.OC")},
		{From: isoRef("5.4"), Relationship: mappings.SubsetOf, Status: crosswalk.Partial},
	}
	counting, context := splitViaTitled(res, links)
	assert.Equal(t, []string{"5.1 (equal, implemented)", "5.4 (subset-of, partial)"}, counting)
	assert.Equal(t, []string{"5.3 (related at GV, not-assessed)", "5.2 (related at GV.OC, not-assessed)"}, context)
	counting, context = splitViaTitled(res, nil)
	assert.Nil(t, counting)
	assert.Nil(t, context)
}

func TestSourcesWithoutRepeats(t *testing.T) {
	links := []crosswalk.Link{
		{Sources: []string{"b", "a"}},
		{},
		{Sources: []string{"a", "c", "b"}},
	}
	assert.Equal(t, []string{"b", "a", "c"}, sources(links), "first met first, each once")
	assert.Nil(t, sources(nil))
}

// A source ID no mapping set knows is shown as it is, with no publisher; a known
// one by its title.
func TestCitedSources(t *testing.T) {
	var known mappings.Source
	for _, s := range mappings.Embedded() {
		if s.Source.ID != "" && s.Source.Title != "" {
			known = s.Source
			break
		}
	}
	require.NotEmpty(t, known.ID, "the embedded mapping sets name their sources")
	it1, it2 := crosswalk.GapItem{ID: "A"}, crosswalk.GapItem{ID: "B"}
	it1.SetVia([]crosswalk.Link{{Sources: []string{"no-such-source", known.ID}}})
	it2.SetVia([]crosswalk.Link{{Sources: []string{known.ID}}, {Sources: []string{"no-such-source"}}})
	res := &crosswalk.GapResult{Items: []crosswalk.GapItem{it1, {ID: "none"}, it2}}
	got := citedSources(res, Options{})
	assert.Equal(t, []sourceRef{
		{ID: "no-such-source", Title: "no-such-source"},
		{ID: known.ID, Title: known.Title, Publisher: known.Publisher},
	}, got)
	assert.Equal(t, known.Title, Options{}.sourceName(known.ID))
	assert.Equal(t, "no-such-source", Options{}.sourceName("no-such-source"))
	assert.Equal(t, []string{"x", known.Title}, Options{}.sourceNames([]string{"x", known.ID}))
	assert.Empty(t, citedSources(&crosswalk.GapResult{}, Options{}))
}

func TestOutsideLabels(t *testing.T) {
	cat := catalog.Default()
	got := outsideLabels(cat, []string{"iso27002:2022/5.1", "iso27002:2022/99.99", "no-slash", "unknown:1/x"})
	assert.Equal(t, []string{
		"iso27002:2022/5.1 Policies for information security",
		"iso27002:2022/99.99", // not in the catalog: no title
		"no-slash",
		"unknown:1/x",
	}, got)
	assert.Empty(t, outsideLabels(cat, nil))
}

func TestFrameworkNameAndMoves(t *testing.T) {
	cat := catalog.Default()
	assert.Equal(t, "ISO/IEC 27002:2022", frameworkName(cat, catalog.ISO27002v2022))
	assert.Equal(t, "acme:1", frameworkName(cat, "acme:1"), "an unknown framework by its ID")
	assert.Equal(t, "acme:1 (acme:1)", movesOf(cat, "acme:1"))
	assert.Equal(t, "ISO/IEC 27002:2022 (iso27002:2022)", movesOf(cat, catalog.ISO27002v2022))
	assert.Equal(t, "", controlTitle(cat, catalog.ISO27002v2022, "0.0"))
	assert.Equal(t, "DE.CM-01 gap → partial", moveLabel(crosswalk.Move{ID: "DE.CM-01", From: crosswalk.ItemGap, To: crosswalk.ItemPartial}))
	assert.Equal(t, []string{"a partial → covered", "b gap → covered"}, moveLabels([]crosswalk.Move{
		{ID: "a", From: crosswalk.ItemPartial, To: crosswalk.ItemCovered}, {ID: "b", From: crosswalk.ItemGap, To: crosswalk.ItemCovered}}))
	assert.Empty(t, moveLabels(nil))
}

func TestRelatedLabelSkipsEmptyFrameworks(t *testing.T) {
	assert.Equal(t, "nist-csf:2.0: GV, GV.OV; cis:8: 15.2", relatedLabel([]crosswalk.SoARelated{
		{Framework: catalog.CSF20, Items: []string{"GV", "GV.OV"}},
		{Framework: "sp800-53:5", Items: []string{}},
		{Framework: catalog.CIS8, Items: []string{"15.2"}},
	}))
	assert.Equal(t, "", relatedLabel(nil))
}

func TestPolicyCell(t *testing.T) {
	tests := []struct {
		policy crosswalk.Policy
		rule   crosswalk.Rule
		want   string
	}{
		{crosswalk.Auto, crosswalk.RuleReferenced, "auto: referenced"},
		{crosswalk.Auto, crosswalk.RuleBoth, "auto: strict+referenced"},
		{crosswalk.Auto, "", "auto"}, // an unreached item has no rule
		{crosswalk.Strict, crosswalk.RuleStrict, "strict"},
		{crosswalk.Strict, crosswalk.RuleDerived, "strict: derived"},
		{crosswalk.Referenced, crosswalk.RuleDerived, "referenced: derived"},
		{crosswalk.Referenced, crosswalk.RuleReferenced, "referenced"},
	}
	for _, tt := range tests {
		res := &crosswalk.GapResult{Policy: tt.policy}
		assert.Equal(t, tt.want, policyCell(res, crosswalk.GapItem{Rule: tt.rule}), "%s/%s", tt.policy, tt.rule)
	}
	for _, p := range []crosswalk.Policy{crosswalk.Auto, crosswalk.Strict, crosswalk.Referenced} {
		assert.NotEqual(t, string(p), policyNote(p), "every known policy is explained")
	}
	assert.Equal(t, "custom", policyNote("custom"), "an unknown policy is shown as it is")
}

func TestScopeLabel(t *testing.T) {
	assert.Equal(t, "", scopeLabel(&crosswalk.GapResult{}))
	assert.Equal(t, "implementation groups IG1, IG2", scopeLabel(&crosswalk.GapResult{IGs: []string{"IG1", "IG2"}}))
	assert.Equal(t, "implementation groups IG1; SP 800-53B baselines LOW; scope PR, DE",
		scopeLabel(&crosswalk.GapResult{IGs: []string{"IG1"}, Profiles: []string{"LOW"}, Scope: []string{"PR", "DE"}}))
	assert.Equal(t, "scope GV", scopeLabel(&crosswalk.GapResult{Scope: []string{"GV"}}))
}

func TestTitles(t *testing.T) {
	cat := catalog.Default()
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: "acme:1"}
	assert.Equal(t, "Gap analysis: ISO/IEC 27002:2022 against acme:1", gapTitle(res, cat, Options{}))
	assert.Equal(t, "Mine", gapTitle(res, cat, Options{Title: "Mine"}))
	assert.Equal(t, "Statement of Applicability", soaTitle(Options{}))
	assert.Equal(t, "Mine", soaTitle(Options{Title: "Mine"}))
}

func TestPct(t *testing.T) {
	for in, want := range map[float64]string{0: "0.0", 100: "100.0", 63.8: "63.8", 16.66: "16.7", 33.333: "33.3"} {
		assert.Equal(t, want, pct(in), "%v", in)
	}
}

// The explanation of the unreached items counts those mapped outside the baseline
// and those mapped only at a higher level; an item counts once for each.
func TestUnreachedReason(t *testing.T) {
	cat := catalog.Default()
	base := "No ISO/IEC 27002:2022 control maps here in any published source."
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20}
	assert.Equal(t, base, unreachedReason(cat, res))

	parent := crosswalk.GapItem{ID: "P", Status: crosswalk.ItemUnreached}
	parent.SetVia([]crosswalk.Link{
		{From: isoRef("5.1"), Basis: crosswalk.BasisAncestor, Ancestor: csfRef("GV")},
		{From: isoRef("5.2"), Basis: crosswalk.BasisAncestor, Ancestor: csfRef("GV")},
	})
	covered := crosswalk.GapItem{ID: "C", Status: crosswalk.ItemCovered, Outside: []string{"iso27001:2022/9.1"}}
	covered.SetVia([]crosswalk.Link{{From: isoRef("5.1"), Basis: crosswalk.BasisAncestor, Ancestor: csfRef("GV")}})
	res.Items = []crosswalk.GapItem{
		parent,
		{ID: "O1", Status: crosswalk.ItemUnreached, Outside: []string{"iso27001:2022/6.1.2", "iso27001:2022/9.1"}},
		{ID: "O2", Status: crosswalk.ItemUnreached, Outside: []string{"iso27001:2022/4.1"}},
		covered, // not unreached: counts for nothing
		{ID: "U", Status: crosswalk.ItemUnreached},
	}
	got := unreachedReason(cat, res)
	isms := frameworkName(cat, catalog.ISO27001v2022)
	assert.Equal(t, base+
		" 2 of them are mapped by their source to "+isms+" controls outside this baseline (management-system clauses); an assessment with iso27001:2022 as its baseline rates those too."+
		" 1 of them are mapped only at a higher level (a category, a base control), which is shown for context and does not count.", got)
}
