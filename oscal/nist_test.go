package oscal

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NIST's own OSCAL catalog of CSF 2.0 holds the 106 active subcategories and, marked
// status=withdrawn, 12 categories and 79 subcategories of CSF 1.1; the active ones
// must equal the embedded CSF 2.0.
func TestImportNISTCSF(t *testing.T) {
	data := readReference(t, "NIST_CSF_v2.0_catalog.json")
	validate(t, data)
	f, rep, err := ImportCatalog("NIST_CSF_v2.0_catalog.json", data, WithFrameworkID("nist-csf-oscal:2.0"))
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("nist-csf-oscal:2.0"), f.ID)
	assert.Equal(t, "Electronic Version of NIST Cybersecurity Framework 2.0", f.Name)
	assert.Equal(t, "1.2.0", f.Version)
	assert.False(t, rep.Ours)
	assert.Equal(t, "v1.2.2", rep.OSCALVersion)
	assert.Equal(t, []catalog.KindCount{{Kind: "function", Count: 6}, {Kind: "category", Count: 22 + 12}, {Kind: "subcategory", Count: 106 + 79}}, rep.Imported)
	assert.Equal(t, 12, rep.WithdrawnCount(catalog.KindCategory))
	assert.Equal(t, 79, rep.WithdrawnCount(catalog.KindSubcategory))
	assert.Equal(t, 91, rep.WithdrawnCount(""))
	for _, s := range rep.Withdrawn {
		assert.Equal(t, "withdrawn", s.Reason, s.ID) // NIST marks every withdrawn element itself
	}
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, []catalog.Kind{catalog.KindCategory, catalog.KindSubcategory}, f.ItemKinds, "OSCAL controls at every depth are items")
	// The withdrawn ones are kept, marked, so that references to them resolve.
	active := f.Controls[:0:0]
	for _, c := range f.Controls {
		if c.Attributes[catalog.AttrStatus] == nil {
			active = append(active, c)
		} else {
			assert.Equal(t, []string{catalog.StatusWithdrawn}, c.Attributes[catalog.AttrStatus], c.ID)
		}
	}
	f.Controls = active
	assert.Equal(t, 4, rep.BackMatter)
	assert.Equal(t, 363, rep.Parts, "the 363 example parts are counted, not imported")

	want, ok := catalog.Default().Spec(catalog.CSF20)
	require.True(t, ok)
	require.Len(t, f.Controls, len(want.Controls))
	for i, w := range want.Controls {
		g := f.Controls[i]
		assert.Equal(t, w.ID, g.ID)
		assert.Equal(t, w.Kind, g.Kind, w.ID)
		assert.Equal(t, w.Parent, g.Parent, w.ID)
		if w.Kind == catalog.KindFunction {
			// NIST's OSCAL catalog writes function titles in capitals ("GOVERN").
			assert.Equal(t, strings.ToUpper(w.Title), g.Title, w.ID)
		} else {
			assert.Equal(t, w.Title, g.Title, w.ID)
		}
		if w.Kind == catalog.KindSubcategory {
			assert.Empty(t, g.Summary, "a subcategory's statement is its title")
			assert.Subset(t, []string{"risk-party", AttrLabel}, keys(g.Attributes), w.ID)
		} else {
			assert.NotEmpty(t, g.Summary, "%s keeps NIST's description as summary", w.ID)
		}
	}
	// A gap analysis could run against it: it is a valid catalog.
	_, err = catalog.New(f)
	require.NoError(t, err)
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// NIST's SP 800-53 rev. 5 LOW baseline, an OSCAL 1.1.2 catalog with parameters,
// nested statement items, control enhancements and back-matter.
func TestImportNIST80053Low(t *testing.T) {
	data := readReference(t, "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json")
	f, rep, err := ImportCatalog("800-53-low.json", data)
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("nist-800-53-low-impact:5.1.1-u4"), f.ID)
	assert.Equal(t, "1.1.2", rep.OSCALVersion)
	assert.Equal(t, []catalog.KindCount{{Kind: "family", Count: 18}, {Kind: "control", Count: 131}, {Kind: "enhancement", Count: 18}}, rep.Imported)
	assert.Empty(t, rep.Skipped)
	assert.Empty(t, rep.Withdrawn)
	assert.Empty(t, rep.Unknown)
	assert.Equal(t, []catalog.Kind{"control", "enhancement"}, f.ItemKinds, "base controls are items as well as enhancements")
	assert.Equal(t, 135, rep.BackMatter)
	assert.Positive(t, rep.Params)
	assert.Positive(t, rep.Links)
	assert.Contains(t, rep.Warnings(), `class "SP800-53" is not a kind (lower-case letters, '-' and '_'): read as "control" (131 node(s))`)
	assert.Contains(t, rep.Warnings(), `class "SP800-53-enhancement" is not a kind (lower-case letters, '-' and '_'): read as "enhancement" (18 node(s))`)

	byID := map[string]catalog.ControlSpec{}
	for _, s := range f.Controls {
		byID[s.ID] = s
	}
	ac := byID["ac"]
	assert.Equal(t, "Access Control", ac.Title)
	ac1 := byID["ac-1"]
	assert.Equal(t, "Policy and Procedures", ac1.Title)
	assert.Equal(t, "ac", ac1.Parent)
	assert.Equal(t, []string{"organization"}, ac1.Attributes["implementation-level"])
	assert.True(t, strings.HasPrefix(ac1.Summary, "a. "), "nested statement items keep their labels: %q", ac1.Summary)
	assert.Equal(t, "ia-2", byID["ia-2.1"].Parent)
	assert.Equal(t, catalog.Kind("enhancement"), byID["ia-2.1"].Kind)
	var enh []string
	for _, s := range f.Controls {
		if s.Kind == "enhancement" {
			enh = append(enh, s.ID)
		}
	}
	assert.Len(t, enh, 18)
}

// findControl returns the group or control with the given id in a decoded catalog.
func findControl(v any, id string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	if m["id"] == id {
		return m
	}
	for _, key := range []string{"catalog", "groups", "controls"} {
		switch x := m[key].(type) {
		case map[string]any:
			if c := findControl(x, id); c != nil {
				return c
			}
		case []any:
			for _, c := range x {
				if c := findControl(c, id); c != nil {
					return c
				}
			}
		}
	}
	return nil
}

func paramOf(t *testing.T, control map[string]any, id string) map[string]any {
	t.Helper()
	for _, p := range control["params"].([]any) {
		if pm := p.(map[string]any); pm["id"] == id {
			return pm
		}
	}
	t.Fatalf("param %s not in control %v", id, control["id"])
	return nil
}

// The LOW baseline's statements insert parameters; the import renders them as NIST
// prints SP 800-53, from the params of the file itself, and keeps the labels.
func TestImportNIST80053LowParamsAndLabels(t *testing.T) {
	data := readReference(t, "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json")
	var doc any
	require.NoError(t, codec.DecodeStrict(data, &doc))
	f, rep, err := ImportCatalog("800-53-low.json", data)
	require.NoError(t, err)
	byID := map[string]catalog.ControlSpec{}
	for _, s := range f.Controls {
		byID[s.ID] = s
		assert.NotContains(t, s.Summary, "{{", s.ID)
		assert.NotContains(t, s.Title, "{{", s.ID)
	}
	assert.NotContains(t, strings.Join(rep.Warnings(), "\n"), "not defined")

	// AC-1 a.: "Develop, document, and disseminate to {{ insert: param, ac-1_prm_1 }}:"
	// and a.1.: " {{ insert: param, ac-01_odp.03 }} access control policy that:".
	ac1 := findControl(doc, "ac-1")
	require.NotNil(t, ac1)
	label := paramOf(t, ac1, "ac-1_prm_1")["label"].(string)
	require.Equal(t, "organization-defined personnel or roles", label)
	sel := paramOf(t, ac1, "ac-01_odp.03")["select"].(map[string]any)
	require.Equal(t, "one-or-more", sel["how-many"])
	var choices []string
	for _, c := range sel["choice"].([]any) {
		choices = append(choices, c.(string))
	}
	require.Equal(t, []string{"organization-level", "mission/business process-level", "system-level"}, choices)
	sum := byID["ac-1"].Summary
	// AC-1 b.: "Designate an {{ insert: param, ac-01_odp.04 }} to manage ...", a param
	// the file labels "official" and names "AC-01_ODP[04]": an organization-defined
	// parameter, which NIST prints "organization-defined official".
	odp := paramOf(t, ac1, "ac-01_odp.04")
	require.Equal(t, "official", odp["label"])
	require.Contains(t, fmt.Sprint(odp["props"]), "AC-01_ODP[04]")
	assert.Contains(t, sum, "\nb. Designate an [Assignment: organization-defined official] to manage")
	assert.Contains(t, sum, "a. Develop, document, and disseminate to [Assignment: "+label+"]:\n")
	assert.Contains(t, sum, "\n1. [Selection (one or more): "+strings.Join(choices, "; ")+"] access control policy that:\n")

	// Labels: the plain one first, then NIST's zero-padded spelling.
	for _, id := range []string{"ac-1", "ia-2.1", "si-12"} {
		var plain, other []string
		for _, p := range findControl(doc, id)["props"].([]any) {
			pm := p.(map[string]any)
			v, _ := pm["value"].(string)
			switch {
			case pm["name"] != "label" || slices.Contains(plain, v) || slices.Contains(other, v):
			case pm["class"] == nil:
				plain = append(plain, v)
			default:
				other = append(other, v)
			}
		}
		want := append(plain, other...)
		require.NotEmpty(t, want, id)
		assert.Equal(t, want, byID[id].Attributes[AttrLabel], id)
	}
	assert.Equal(t, []string{"AC-1", "AC-01"}, byID["ac-1"].Attributes[AttrLabel])
	assert.Equal(t, "IA-2(1)", byID["ia-2.1"].Attributes[AttrLabel][0])
}

func TestRenderInserts(t *testing.T) {
	params := map[string]param{
		"a":   {label: "organization-defined frequency"},
		"b":   {selection: true, howMany: "one-or-more", choices: []string{"x", " {{ insert: param, a }} ", ""}},
		"c":   {selection: true, choices: []string{"one", "two"}},
		"d":   {guidelines: []string{"a number of days"}},
		"e":   {label: "ignored when set", values: []string{"30 days", "60 days"}},
		"odp": {label: "frequency", odp: true},
		"od2": {label: "organization-defined frequency", odp: true},
		"cyc": {selection: true, choices: []string{"{{ insert: param, cyc }}"}},
	}
	missing := map[string]bool{}
	for in, want := range map[string]string{
		"every {{ insert: param, a }}.":      "every [Assignment: organization-defined frequency].",
		"{{insert:param,b}}":                 "[Selection (one or more): x; [Assignment: organization-defined frequency]]",
		"{{ insert: param, c }}":             "[Selection: one; two]",
		"{{ insert: param, d }}":             "[Assignment: a number of days]",
		"{{ insert: param, e }}":             "30 days, 60 days",
		"{{ insert: param, nope }}":          "[Assignment: nope]",
		"{{ insert: other, x }} and {{ y }}": "[x] and [y]",
		"unclosed {{ insert: param, a":       "unclosed  insert: param, a",
		"no inserts":                         "no inserts",
	} {
		assert.Equal(t, want, renderInserts(in, params, missing), in)
	}
	assert.Equal(t, map[string]bool{"nope": true}, missing)
	got := renderInserts("{{ insert: param, cyc }}", params, nil)
	assert.NotContains(t, got, "{{", "a param inserting itself stops")
}

// Every label the LOW baseline prints for a control finds it after import, under
// NIST's spellings: "IA-2(1)", "IA-02(01)", "ia-2.1", "ia-2(1)".
func TestImportNIST80053LowLabelsResolve(t *testing.T) {
	data := readReference(t, "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json")
	f, _, err := ImportCatalog("800-53-low.json", data, WithFrameworkID("low:5"))
	require.NoError(t, err)
	f.QualifiedOnly = true
	cat, err := catalog.New(append(catalog.Embedded(), f)...)
	require.NoError(t, err)
	n := 0
	for _, s := range f.Controls {
		if s.Kind == "family" {
			continue
		}
		assert.NotEmpty(t, s.Attributes[AttrLabel], s.ID)
		for _, l := range s.Attributes[AttrLabel] {
			r, err := cat.ParseRef(l, "low:5")
			require.NoError(t, err, l)
			assert.Equal(t, s.ID, r.ID, l)
			n++
		}
	}
	assert.Equal(t, 267, n, "149 controls and enhancements, 118 of them with a zero-padded label besides")
	for _, in := range []string{"IA-2(1)", "IA-02(01)", "ia-2.1", "ia-2(1)", "low:5/IA-2(1)"} {
		r, err := cat.ParseRef(in, "low:5")
		require.NoError(t, err, in)
		assert.Equal(t, "low:5/ia-2.1", r.String(), in)
	}
}
