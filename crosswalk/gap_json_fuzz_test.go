package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// FuzzGapResultJSON: reading a gap result back (GapResult.UnmarshalJSON, the
// parser of a result another program wrote) never panics, and what it accepts
// writes out and reads back the same.
func FuzzGapResultJSON(f *testing.F) {
	cw := synth(f)
	a, err := NewAssessment(cw.Catalog(), fwBase, Entry{Control: ref(fwBase, "B5"), Status: Implemented})
	require.NoError(f, err)
	for _, opts := range [][]GapOption{nil, {WithDerived(2)}} {
		res, err := cw.Gap(a, fwTgt, opts...)
		require.NoError(f, err)
		data, err := codec.Marshal(res)
		require.NoError(f, err)
		f.Add(data)
	}
	// An ISMS baseline names its Annex A controls "A.x".
	f.Add([]byte(`{"baseline":"iso27001:2022","target":"nist-csf:2.0","policy":"auto","derived":false,"summary":{"total":1,"covered":1,"partial":0,"gap":0,"unreached":0,"not_applicable":0,"applicable":1,"covered_percent":100,"partial_percent":0,"gap_percent":0,"unreached_percent":0,"coverage_percent":100},"items":[{"id":"GV.PO-01","title":"t","status":"covered","rule":"referenced","via":[{"control":"A.5.1","title":"Policies","relationship":"related","status":"implemented","basis":"published","sources":["s"]}]}],"groups":[],"unreached":[],"not_assessed":[],"recommendations":[]}`))
	f.Add([]byte(`{"baseline":"x:1","items":[{"id":"a","via":[{"control":"A.1","path":["x:1/a","bad"]}]}]}`))
	// The members that say what the numbers mean: nothing published joins the two, and
	// covered items with controls outside the baseline.
	f.Add([]byte(`{"baseline":"iso27002:2022","target":"nist-csf:1.1","policy":"auto","derived":false,"no_published_mapping":true,"notes":["n"],"summary":{"total":1,"covered":1,"partial":0,"gap":0,"unreached":0,"not_applicable":0,"applicable":1,"covered_percent":100,"partial_percent":0,"gap_percent":0,"unreached_percent":0,"coverage_percent":100,"covered_outside_baseline":1},"items":[{"id":"ID.AM-1","title":"t","status":"covered","via":[],"outside_baseline":["iso27001:2022/6.1.2"]}],"groups":[],"unreached":[],"not_assessed":[],"recommendations":[]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var r GapResult
		if codec.DecodeStrict(in, &r) != nil {
			return
		}
		out, err := codec.Marshal(&r)
		require.NoError(t, err)
		var back GapResult
		require.NoError(t, codec.DecodeStrict(out, &back), "%s", out)
		again, err := codec.Marshal(&back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}
