package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// A framework of the caller's own: two categories with two controls each, one of
// them mapped to nothing; the heat map has one row (and cell) per category.
func TestGapHTMLCustomFramework(t *testing.T) {
	const fw catalog.FrameworkID = "acme:1"
	acme := catalog.Framework{ID: fw, Name: "ACME <Baseline>", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "AC", Title: "Access", Kind: catalog.KindCategory},
		{ID: "AC-1", Title: "Personal accounts", Parent: "AC"},
		{ID: "AC-2", Title: "Second factor for admins", Parent: "AC"},
		{ID: "OP", Title: "Operations", Kind: catalog.KindCategory},
		{ID: "OP-1", Title: "Patching", Parent: "OP"},
		{ID: "OP-2", Title: "Laptop location", Parent: "OP"},
	}}
	cat, err := catalog.New(append(catalog.Embedded(), acme)...)
	require.NoError(t, err)
	iso := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	own := func(id string) catalog.Ref { return catalog.NewRef(fw, id) }
	set := mappings.Set{ID: "acme", From: fw, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "acme-src", Title: "ACME mapping"},
		Edges: []mappings.Edge{
			{From: own("AC-1"), To: iso("5.16"), Relationship: mappings.SubsetOf, Source: "acme-src"},
			{From: own("AC-2"), To: iso("8.5"), Relationship: mappings.SubsetOf, Source: "acme-src"},
			{From: own("OP-1"), To: iso("8.8"), Relationship: mappings.Equal, Source: "acme-src"},
		}}
	cw, err := crosswalk.New(cat, set)
	require.NoError(t, err)
	a, err := crosswalk.NewAssessment(cat, catalog.ISO27002v2022,
		crosswalk.Entry{Control: iso("5.16"), Status: crosswalk.Implemented},
		crosswalk.Entry{Control: iso("8.5"), Status: crosswalk.NotImplemented},
		crosswalk.Entry{Control: iso("8.8"), Status: crosswalk.Partial})
	require.NoError(t, err)
	res, err := cw.Gap(a, fw)
	require.NoError(t, err)
	// hand-checked: AC-1 covered (5.16 ⊃ AC-1, implemented), AC-2 gap, OP-1 partial, OP-2 unreached
	assert.Equal(t, crosswalk.Summary{Total: 4, Covered: 1, Partial: 1, Gap: 1, Unreached: 1, Applicable: 4,
		CoveredPercent: 25, PartialPercent: 25, GapPercent: 25, UnreachedPercent: 25, CoveragePercent: 25}, res.Summary)

	hm := buildHeatMap(res, cat)
	require.Len(t, hm.Rows, 2)
	assert.Equal(t, []heatCell{{ID: "AC", Title: "Access", counts: counts{Total: 2, Covered: 1, Gap: 1}, Percent: 50, Band: 2}}, hm.Rows[0].Cells)
	assert.Equal(t, []heatCell{{ID: "OP", Title: "Operations", counts: counts{Total: 2, Partial: 1, Unreached: 1}, Percent: 0, Band: 0}}, hm.Rows[1].Cells)

	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{Catalog: cat}) }))
	checkGapPage(t, res, page)
	assert.Contains(t, page, "Heat map: categories")
	assert.Contains(t, page, "against ACME &lt;Baseline&gt;")
	assert.Contains(t, page, `data-not-assessed="5.1"`, "the 90 controls the assessment does not rate are listed")
	assert.Equal(t, 90, strings.Count(page, `data-not-assessed="`))
	assert.Equal(t, []string{"AC-1"}, extract(page, `data-status="covered"`))
}

// extract returns the data-item IDs of the rows with attr.
func extract(page, attr string) []string {
	var out []string
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, `<tr data-item="`) && strings.Contains(line, attr) {
			rest := strings.TrimPrefix(line, `<tr data-item="`)
			out = append(out, rest[:strings.Index(rest, `"`)])
		}
	}
	return out
}

func TestViaLabel(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: catalog.ISO27002v2022}
	iso := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	csf := func(id string) catalog.Ref { return catalog.NewRef(catalog.CSF20, id) }
	assert.Equal(t, "8.16 (subset-of, not-implemented)",
		viaLabel(res, crosswalk.Link{From: iso("8.16"), Relationship: mappings.SubsetOf, Status: crosswalk.NotImplemented}))
	assert.Equal(t, "5.1 (related at GV, implemented)",
		viaLabel(res, crosswalk.Link{From: iso("5.1"), Relationship: mappings.Related, Status: crosswalk.Implemented, Basis: crosswalk.BasisAncestor, Ancestor: csf("GV")}))
	cis := catalog.NewRef("cis:8", "1.1")
	assert.Equal(t, "5.1 (derived intersects-with via nist-csf:2.0/GV.PO-01, partial)",
		viaLabel(res, crosswalk.Link{From: iso("5.1"), To: cis, Relationship: mappings.IntersectsWith, Status: crosswalk.Partial, Basis: crosswalk.BasisDerived,
			Path: []crosswalk.Hop{{From: iso("5.1"), To: csf("GV.PO-01")}, {From: csf("GV.PO-01"), To: cis}}}))
	isms := &crosswalk.GapResult{Baseline: catalog.ISO27001v2022}
	assert.Equal(t, "A.5.1 (equal, implemented)",
		viaLabel(isms, crosswalk.Link{From: iso("5.1"), Relationship: mappings.Equal, Status: crosswalk.Implemented}), "an Annex A control as the ISMS baseline names it")
	c, x := splitViaTitled(res, []crosswalk.Link{{From: iso("1"), FromTitle: "One", Relationship: mappings.Equal},
		{From: iso("2"), Relationship: mappings.Related, Basis: crosswalk.BasisAncestor, Ancestor: csf("P")}})
	assert.Equal(t, []string{"1 One (equal, not-assessed)"}, c)
	assert.Equal(t, []string{"2 (related at P, not-assessed)"}, x)
	assert.Equal(t, "3 partial, 2 unreached", countsText(counts{Total: 5, Partial: 3, Unreached: 2}))
	assert.Equal(t, "no items", countsText(counts{}))
	b := newBar(counts{Total: 4, Covered: 1, Gap: 3}, false)
	assert.Equal(t, []barPart{{Status: crosswalk.ItemCovered, N: 1, Width: "25.00"}, {Status: crosswalk.ItemGap, N: 3, Width: "75.00"}}, b.Parts)
}
