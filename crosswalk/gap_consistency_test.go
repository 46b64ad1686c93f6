package crosswalk

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// realGapCase is one gap query on the embedded data.
type realGapCase struct {
	name   string
	a      func(t *testing.T) *Assessment
	target catalog.FrameworkID
	opts   []GapOption
	cis    bool // needs the CIS data
	// bases are the bases of the links the result has, and no other (read off the
	// reference files: NIST gives every CSF 2.0 subcategory an ISO/IEC 27001 clause
	// or Annex A reference, so an ISMS baseline reaches each by a published edge and
	// neither category-level context nor derived paths appear; CIS v8.1 has no
	// published edge of its own).
	bases []Basis
}

func realGapCases() []realGapCase {
	small := func(t *testing.T) *Assessment { return readExample(t, "small-company.csv") }
	isms := func(t *testing.T) *Assessment {
		csv := "control,status\n4.1,implemented\nA.5.9,implemented\nA.8.8,partial\n6.1.1,implemented\nA.5.1,not-applicable\n"
		a, err := ReadAssessmentCSV("isms.csv", strings.NewReader(csv), nil, WithBaseline(catalog.ISO27001v2022))
		require.NoError(t, err)
		return a
	}
	return []realGapCase{
		{name: "small-company/csf2", a: small, target: catalog.CSF20,
			bases: []Basis{BasisAncestor, BasisPublished}},
		{name: "small-company/csf2/derived", a: small, target: catalog.CSF20, opts: []GapOption{WithDerived(2)},
			bases: []Basis{BasisAncestor, BasisDerived, BasisPublished}},
		{name: "small-company/csf2/strict", a: small, target: catalog.CSF20, opts: []GapOption{Strict},
			bases: []Basis{BasisAncestor, BasisPublished}},
		{name: "small-company/cis8.1/IG1", a: small, target: catalog.CIS81, opts: []GapOption{WithGroup("IG1")}, cis: true,
			bases: []Basis{BasisSuccession}},
		{name: "small-company/cis8/derived", a: small, target: catalog.CIS8, opts: []GapOption{WithDerived(2)}, cis: true,
			bases: []Basis{BasisDerived, BasisPublished}},
		{name: "isms/csf2", a: isms, target: catalog.CSF20,
			bases: []Basis{BasisPublished}},
		{name: "isms/csf2/derived", a: isms, target: catalog.CSF20, opts: []GapOption{WithDerived(2), Referenced},
			bases: []Basis{BasisPublished}},
	}
}

// TestGapJSONRoundTripRealData: the gap contract reads back into the result it was
// written from, on the embedded data: ISO/IEC 27002 and ISMS baselines (Annex A
// controls named "A.x" and read back as ISO/IEC 27002 refs), CIS v8.1 reached across
// the succession, derived paths. The one loss is documented: the hops of a derived
// path keep only their controls.
func TestGapJSONRoundTripRealData(t *testing.T) {
	for _, c := range realGapCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.cis && !catalog.HasCIS() {
				t.Skip("built with -tags nocis: no CIS data")
			}
			res, err := Default().Gap(c.a(t), c.target, c.opts...)
			require.NoError(t, err)
			data, err := codec.Marshal(res)
			require.NoError(t, err)
			var back GapResult
			require.NoError(t, codec.DecodeStrict(data, &back))
			bases := map[Basis]int{}
			for i := range res.Items {
				require.Len(t, back.Items[i].Via(), len(res.Items[i].Via()), res.Items[i].ID)
				for j := range res.Items[i].Via() {
					want, got := res.Items[i].Via()[j], back.Items[i].Via()[j]
					bases[want.Basis]++
					if want.Derived() {
						assert.Equal(t, want.Controls(), got.Controls())
						want.Path, got.Path = nil, nil
					}
					assert.Equal(t, want, got)
				}
				res.Items[i].SetVia(nil)
				back.Items[i].SetVia(nil)
			}
			res.links = gapLinks{} // the link table behind Via, compared above
			assert.Equal(t, res, &back)
			// The case shows what it is named for.
			var got []Basis
			for b := range bases {
				got = append(got, b)
			}
			slices.SortFunc(got, func(a, b Basis) int { return strings.Compare(a.String(), b.String()) })
			assert.Equal(t, c.bases, got)
			if c.target == catalog.CIS81 {
				assert.NotEmpty(t, back.Notes, "the succession is noted")
			}
		})
	}
}

// TestRequirementsAgreeWithGap: Requirements is Gap read the other way. Over the same
// target and options, every link Requirements lists is a link of the gap's item it
// names (with the assessed status there, not-assessed here), and every link of every
// gap item is listed once under its control.
func TestRequirementsAgreeWithGap(t *testing.T) {
	for _, c := range realGapCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.cis && !catalog.HasCIS() {
				t.Skip("built with -tags nocis: no CIS data")
			}
			cw := Default()
			a := c.a(t)
			res, err := cw.Gap(a, c.target, c.opts...)
			require.NoError(t, err)
			reqs, err := cw.Requirements(c.target, append([]GapOption{WithBaseline(a.Baseline())}, c.opts...)...)
			require.NoError(t, err)

			gapLinks := map[string][]Link{} // item ID → its links, statuses cleared
			for _, it := range res.Items {
				for _, l := range it.Via() {
					assert.Equal(t, a.Status(l.From), l.Status, l.String())
					l.Status = NotAssessed
					gapLinks[it.ID] = append(gapLinks[it.ID], l)
				}
			}
			reqLinks := map[string][]Link{}
			for i, q := range reqs {
				if i > 0 {
					assert.Negative(t, cw.Catalog().Compare(reqs[i-1].Control, q.Control), "controls in document order")
				}
				require.NotEmpty(t, q.Links, q.Control.String())
				for _, l := range q.Links {
					assert.Equal(t, q.Control, l.From, l.String())
					assert.Equal(t, NotAssessed, l.Status, l.String())
					reqLinks[l.To.ID] = append(reqLinks[l.To.ID], l)
				}
			}
			// A gap item lists its links by control in document order, as Requirements
			// walks the controls: the two lists per item are equal, order included.
			assert.Equal(t, gapLinks, reqLinks)
		})
	}
}

// TestRequirementsOfTheSyntheticTarget, read off the synthetic mapping by hand: the
// controls F's items need, each with the items it reaches.
func TestRequirementsOfTheSyntheticTarget(t *testing.T) {
	cw := synth(t)
	reqs, err := cw.Requirements(fwTgt, WithBaseline(fwBase))
	require.NoError(t, err)
	got := map[string][]string{}
	var order []string
	for _, q := range reqs {
		order = append(order, q.Control.ID)
		for _, l := range q.Links {
			got[q.Control.ID] = append(got[q.Control.ID], l.To.ID+" "+l.Basis.String())
		}
	}
	assert.Equal(t, []string{"B1", "B2", "B3", "B4", "B5", "B6", "B7"}, order)
	assert.Equal(t, map[string][]string{
		"B1": {"F.A-1 published", "F.B-4 published", "F.B-5 published"},
		"B2": {"F.A-2 published", "F.B-4 published"},
		"B3": {"F.A-2 published", "F.B-5 published", "F.B-6 published"},
		"B4": {"F.B-1 published"},
		"B5": {"F.A-3 ancestor"}, // F.A related B5, at the category: context
		"B6": {"F.B-1 published", "F.B-2 published"},
		"B7": {"F.B-6 published"},
	}, got)

	// With derived paths, B5 also reaches F.B-3 through M1.
	reqs, err = cw.Requirements(fwTgt, WithBaseline(fwBase), WithDerived(2))
	require.NoError(t, err)
	var b5 []string
	for _, q := range reqs {
		if q.Control.ID == "B5" {
			for _, l := range q.Links {
				b5 = append(b5, l.To.ID+" "+l.Basis.String())
			}
		}
	}
	assert.Equal(t, []string{"F.A-3 ancestor", "F.B-3 derived"}, b5)

	// Scoped to F.A: only the controls its items need.
	reqs, err = cw.Requirements(fwTgt, WithBaseline(fwBase), WithScope(ref(fwTgt, "F.A")))
	require.NoError(t, err)
	order = nil
	for _, q := range reqs {
		order = append(order, q.Control.ID)
	}
	assert.Equal(t, []string{"B1", "B2", "B3", "B5"}, order)
}
