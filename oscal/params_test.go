package oscal

import (
	"testing"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plain decodes a JSON text into plain values, as the import reads documents.
func plain(t *testing.T, doc string) any {
	t.Helper()
	var v any
	require.NoError(t, codec.DecodeStrict([]byte(doc), &v))
	return v
}

// The params of the catalog, its groups and its controls at every depth are
// collected; the first definition of an id wins; what is not a param object, or
// has no id, is passed over.
func TestCollectParams(t *testing.T) {
	doc := plain(t, `{
	  "params": [{"id": "top", "label": "top label"}, "not an object", {"label": "no id"}],
	  "groups": [{"id": "g", "params": [{"id": "in-group", "guidelines": [{"prose": "  g1  "}, {"prose": " "}, {"x": 1}]}],
	    "controls": [{"id": "c", "params": [{"id": "top", "label": "second definition"}, {"id": "in-control",
	      "select": {"how-many": "one-or-more", "choice": ["a", 3, "b"]}}],
	      "controls": [{"id": "c.1", "params": [{"id": "deep", "values": ["v1", "v2"],
	        "props": [{"name": "label", "value": "AC-01_ODP[02]", "class": "sp800-53a"}]}]}]}]}],
	  "controls": [{"id": "loose", "params": [{"id": "select-only", "select": {}}]}]
	}`)
	got := map[string]param{}
	collectParams(doc, got, 0)
	assert.Equal(t, map[string]param{
		"top":         {label: "top label"},
		"in-group":    {guidelines: []string{"g1"}},
		"in-control":  {selection: true, howMany: "one-or-more", choices: []string{"a", "b"}},
		"deep":        {values: []string{"v1", "v2"}, odp: true},
		"select-only": {selection: true},
	}, got)
}

// collectParams stops at the depth bound instead of following a deeper nesting.
func TestCollectParamsDepthBound(t *testing.T) {
	var v any = map[string]any{"params": []any{map[string]any{"id": "bottom", "label": "x"}}}
	for range maxDepth + 1 {
		v = map[string]any{"controls": []any{v}}
	}
	got := map[string]param{}
	collectParams(v, got, 0)
	assert.Empty(t, got, "a param below the depth bound is not read")
	got = map[string]param{}
	collectParams(v.(map[string]any)["controls"].([]any)[0], got, 0)
	assert.Contains(t, got, "bottom", "one level less is read")
}

// An ODP is named by a label prop in any case ("_odp"); other label props, or an
// ODP name in another prop, do not make one.
func TestReadParamODP(t *testing.T) {
	for _, tc := range []struct {
		props string
		odp   bool
	}{
		{`[{"name": "label", "value": "AC-02_ODP[01]"}]`, true},
		{`[{"name": "label", "value": "ac-02_odp[01]"}]`, true},
		{`[{"name": "label", "value": "AC-2"}]`, false},
		{`[{"name": "alt-identifier", "value": "AC-02_ODP[01]"}]`, false},
		{`[{"name": "label", "value": 5}]`, false},
		{`["label"]`, false},
		{`[]`, false},
	} {
		pm := plain(t, `{"id": "p", "label": "thing", "props": `+tc.props+`}`).(map[string]any)
		assert.Equal(t, tc.odp, readParam(pm).odp, tc.props)
	}
}

// The inside of "{{ ... }}" is read as an insert type and an id, white space
// around each part ignored; without "insert:" it is all id.
func TestInsertOf(t *testing.T) {
	for _, tc := range []struct{ in, typ, id string }{
		{" insert: param, ac-1_prm_1 ", "param", "ac-1_prm_1"},
		{"insert:param,x", "param", "x"},
		{"insert: other , y ", "other", "y"},
		{"insert: lonely", "", "lonely"},
		{" just-an-id ", "", "just-an-id"},
		{"", "", ""},
	} {
		typ, id := insertOf(tc.in)
		assert.Equal(t, tc.typ, typ, tc.in)
		assert.Equal(t, tc.id, id, tc.in)
	}
}

// How each kind of param renders, as NIST prints SP 800-53.
func TestRenderParamKinds(t *testing.T) {
	params := map[string]param{
		"label":       {label: "organization-defined  personnel\n or roles"},
		"odp-bare":    {label: "personnel or roles", odp: true},
		"odp-written": {label: "Organization-defined frequency", odp: true},
		"one":         {selection: true, howMany: "one", choices: []string{"daily", "weekly"}},
		"empty-sel":   {selection: true, label: "fallback label"},
		"values":      {values: []string{"  30   days ", "{{ insert: param, label }}"}},
		"guides":      {guidelines: []string{"at least", "annually"}},
		"bare":        {},
		"blank-label": {label: "   ", guidelines: []string{"from the guidelines"}},
	}
	for in, want := range map[string]string{
		"{{ insert: param, label }}":                               "[Assignment: organization-defined personnel or roles]",
		"{{ insert: param, odp-bare }}":                            "[Assignment: organization-defined personnel or roles]",
		"{{ insert: param, odp-written }}":                         "[Assignment: Organization-defined frequency]",
		"{{ insert: param, one }}":                                 "[Selection: daily; weekly]",
		"{{ insert: param, empty-sel }}":                           "[Assignment: fallback label]",
		"{{ insert: param, values }}":                              "30 days, [Assignment: organization-defined personnel or roles]",
		"{{ insert: param, guides }}":                              "[Assignment: at least annually]",
		"{{ insert: param, bare }}":                                "[Assignment: bare]",
		"{{ insert: param, blank-label }}":                         "[Assignment: from the guidelines]",
		"a {{ insert: param, one }} b {{ insert: param, bare }} c": "a [Selection: daily; weekly] b [Assignment: bare] c",
	} {
		missing := map[string]bool{}
		assert.Equal(t, want, renderInserts(in, params, missing), in)
		assert.Empty(t, missing, in)
	}
}

// Params inserted into params render in turn, down to a bound: a cycle ends in
// "[Assignment: ID]" without a placeholder left, and the ids a statement inserts
// without defining are collected once each.
func TestRenderNestedAndMissing(t *testing.T) {
	params := map[string]param{
		"outer": {selection: true, choices: []string{"{{ insert: param, inner }} review", "none"}},
		"inner": {label: "frequency of"},
		"ping":  {selection: true, choices: []string{"{{ insert: param, pong }}"}},
		"pong":  {selection: true, choices: []string{"{{ insert: param, ping }}"}},
	}
	missing := map[string]bool{}
	assert.Equal(t, "[Selection: [Assignment: frequency of] review; none]",
		renderInserts("{{ insert: param, outer }}", params, missing))
	got := renderInserts("{{ insert: param, ping }}", params, missing)
	assert.NotContains(t, got, "{{")
	assert.Contains(t, got, "[Assignment: p", "the cycle ends at the bound")
	assert.Empty(t, missing, "a cycle is not a missing param")
	assert.Equal(t, "[Assignment: x] and [Assignment: x], [Assignment: y]",
		renderInserts("{{ insert: param, x }} and {{ insert: param, x }}, {{ insert: param, y }}", params, missing))
	assert.Equal(t, map[string]bool{"x": true, "y": true}, missing)
}

// A nil missing map is allowed (nothing is collected).
func TestRenderWithoutMissingMap(t *testing.T) {
	assert.Equal(t, "[Assignment: gone]", renderInserts("{{ insert: param, gone }}", nil, nil))
}

func TestListFirst(t *testing.T) {
	list := []string{"a", "b", "c", "d"}
	assert.Equal(t, "a, b, c, d", listFirst(list, 4, ", "))
	assert.Equal(t, "a, b, c, d", listFirst(list, 10, ", "))
	assert.Equal(t, "a; b; and 2 more", listFirst(list, 2, "; "))
	assert.Equal(t, ", and 4 more", listFirst(list, 0, ", "))
	assert.Equal(t, "", listFirst(nil, 3, ", "))
}

func TestMapNonEmpty(t *testing.T) {
	trim := func(s string) string { return s[:len(s)/2] }
	assert.Equal(t, []string{"a", "", "bb"}, mapNonEmpty([]string{"ab", "x", "bbbb"}, trim, false))
	assert.Equal(t, []string{"a", "bb"}, mapNonEmpty([]string{"ab", "x", "bbbb"}, trim, true))
	assert.Empty(t, mapNonEmpty(nil, trim, true))
}
