package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// allISO rates every ISO/IEC 27002:2022 control of the reference file st.
func allISO(t *testing.T, st Status) *Assessment {
	t.Helper()
	var es []Entry
	for _, r := range testref.ReadCSV(t, "frameworks", "iso27002-2022.csv") {
		es = append(es, Entry{Control: iso(r["id"]), Status: st, Justification: "test"})
	}
	require.Len(t, es, 93)
	a, err := NewAssessment(nil, catalog.ISO27002v2022, es...)
	require.NoError(t, err)
	return a
}

// TestGapCISAllImplementedMatchesReference: with every ISO control implemented, the
// coverage of each CIS v8 safeguard follows from CIS's rows alone, read "ISO R⁻¹ CIS":
// a row "CIS subset-of ISO" or "equal" makes an ISO control a superset of (or equal
// to) the safeguard, which covers it; rows that are all "CIS superset-of ISO" leave
// it partial; no row leaves it unreached.
func TestGapCISAllImplementedMatchesReference(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	strong, mapped := map[string]bool{}, map[string]bool{}
	for _, r := range testref.ReadCSV(t, "mappings", "cis-controls-v8_to_iso27002-2022.csv") {
		mapped[r["cis_id"]] = true
		if r["relationship"] == "subset-of" || r["relationship"] == "equal" {
			strong[r["cis_id"]] = true
		}
	}
	for _, pol := range []Policy{Auto, Strict} {
		res, err := Default().Gap(allISO(t, Implemented), catalog.CIS8, pol)
		require.NoError(t, err)
		require.Len(t, res.Items, 153)
		var want Summary
		for _, it := range res.Items {
			w := ItemUnreached
			switch {
			case strong[it.ID]:
				w = ItemCovered
			case mapped[it.ID]:
				w = ItemPartial
			}
			assert.Equal(t, w, it.Status, "%s %s", pol, it.ID)
			switch w {
			case ItemCovered:
				want.Covered++
			case ItemPartial:
				want.Partial++
			default:
				want.Unreached++
			}
		}
		assert.Equal(t, len(strong), want.Covered)
		assert.Equal(t, want.Covered, res.Summary.Covered, pol)
		assert.Equal(t, want.Partial, res.Summary.Partial, pol)
		assert.Equal(t, want.Unreached, res.Summary.Unreached, pol)
		assert.Equal(t, 153-len(mapped), res.Summary.Unreached)
		assert.Zero(t, res.Summary.Gap)
		assert.Empty(t, res.NotAssessed)
		assert.Empty(t, res.Recommendations, "nothing left to implement")
	}
}

// TestGapCSFAllImplementedMatchesReference: NIST's references are informative, read
// related: under Auto (and Referenced) every CSF 2.0 subcategory with an Annex A
// reference of its own is covered when every control is implemented, and the others
// are unreached (a reference at their category is context only); under Strict,
// related edges are partial at best.
func TestGapCSFAllImplementedMatchesReference(t *testing.T) {
	own, clause := map[string]bool{}, map[string]bool{}
	for _, r := range testref.ReadCSV(t, "mappings", "nist-csf-2.0_to_iso27001-2022.csv") {
		if r["csf_level"] == "subcategory" && r["iso_kind"] == "annex_a" {
			own[r["csf_id"]] = true
		}
		if r["csf_level"] == "subcategory" && r["iso_kind"] == "clause" {
			clause[r["csf_id"]] = true
		}
	}
	require.Len(t, own, 97, "subcategories with Annex A references, counted by hand")
	both := 0
	for id := range own {
		if clause[id] {
			both++
		}
	}
	require.Equal(t, 43, both, "of them, with clause references too, counted by hand")
	a := allISO(t, Implemented)
	for _, c := range []struct {
		pol     Policy
		reached Coverage
		rule    Rule
	}{{Auto, ItemCovered, RuleReferenced}, {Referenced, ItemCovered, RuleReferenced}, {Strict, ItemPartial, RuleStrict}} {
		res, err := Default().Gap(a, catalog.CSF20, c.pol)
		require.NoError(t, err)
		require.Len(t, res.Items, 106)
		for _, it := range res.Items {
			if own[it.ID] {
				assert.Equal(t, c.reached, it.Status, "%s %s", c.pol, it.ID)
				assert.Equal(t, c.rule, it.Rule, "%s %s", c.pol, it.ID)
			} else {
				assert.Equal(t, ItemUnreached, it.Status, "%s %s", c.pol, it.ID)
			}
		}
		n := len(own)
		want := Summary{Total: 106, Unreached: 106 - n, Applicable: 106, UnreachedPercent: 8.5}
		if c.reached == ItemCovered {
			want.Covered, want.CoveredPercent, want.CoveragePercent = n, 91.5, 91.5 // 97/106 = 91.509…
			want.CoveredOutside = both
		} else {
			want.Partial, want.PartialPercent = n, 91.5
		}
		assert.Equal(t, want, res.Summary, c.pol)
	}
}

// TestGapAllNotApplicable: with every control not applicable, every reached item is
// not applicable and leaves the percentages, which are of the applicable items: the
// unreached ones are then 100 %.
func TestGapAllNotApplicable(t *testing.T) {
	res, err := Default().Gap(allISO(t, NotApplicable), catalog.CSF20)
	require.NoError(t, err)
	assert.Equal(t, Summary{Total: 106, Unreached: 9, NotApplicable: 97, Applicable: 9, UnreachedPercent: 100}, res.Summary)
	assert.Empty(t, res.Recommendations, "a not-applicable control is never recommended")
	for _, it := range res.Items {
		if it.Status == ItemNotApplicable {
			assert.Equal(t, RuleReferenced, it.Rule, it.ID)
		}
	}
}
