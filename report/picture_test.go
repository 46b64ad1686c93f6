package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

func mapOf(t *testing.T, id string, to catalog.FrameworkID, opts ...crosswalk.MapOption) (catalog.Ref, []crosswalk.Link) {
	t.Helper()
	ref := catalog.NewRef(catalog.ISO27002v2022, id)
	ms, err := crosswalk.Default().Map(ref, to, opts...)
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	return ref, ms
}

func TestMapPictures(t *testing.T) {
	ref, ms := mapOf(t, "8.16", catalog.CSF20)
	mm := string(render(t, func(b *bytes.Buffer) error { return RenderMap(b, &MapResult{From: ref, Links: ms}, Mermaid, Options{}) }))
	golden(t, "map-8.16-csf.mmd", []byte(mm))
	dot := string(render(t, func(b *bytes.Buffer) error { return RenderMap(b, &MapResult{From: ref, Links: ms}, DOT, Options{}) }))
	golden(t, "map-8.16-csf.dot", []byte(dot))
	assert.True(t, strings.HasPrefix(mm, "---\ntitle: \"What iso27002:2022 8.16 maps to\"\n---\nflowchart LR\n"))
	assert.Contains(t, mm, `n0["8.16<br/>Monitoring activities"]`)
	// one arrow per mapping target, from the control
	for _, m := range ms {
		if m.Ancestor.IsZero() && !m.Derived() {
			assert.Regexp(t, regexp.MustCompile(`n0 -->\|"`+m.Relationship.String()+`"\| n\d+`), mm)
			assert.Contains(t, dot, `[label="`+m.To.ID)
		}
	}
	assert.Equal(t, strings.Count(dot, "{"), strings.Count(dot, "}"))
	assert.Equal(t, len(ms), strings.Count(mm, "-->"))
}

func TestMapPictureDerivedAndParent(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS Controls")
	}
	ref, ms := mapOf(t, "5.1", catalog.CIS8, crosswalk.WithDerived(2))
	mm := string(render(t, func(b *bytes.Buffer) error { return MapMermaid(b, ref, ms, Options{}) }))
	derived := 0
	for _, m := range ms {
		if m.Derived() {
			derived++
		}
	}
	if derived > 0 {
		assert.Contains(t, mm, "-.->")
		assert.Contains(t, mm, "⇒ derived")
	}
	// a CSF subcategory mapped only at category level goes through its category
	sub := catalog.NewRef(catalog.CSF20, "GV.OC-01")
	pms, err := crosswalk.Default().Map(sub, catalog.ISO27002v2022)
	require.NoError(t, err)
	require.NotEmpty(t, pms)
	require.False(t, pms[0].Ancestor.IsZero(), "GV.OC-01 is mapped at a higher level")
	pm := string(render(t, func(b *bytes.Buffer) error { return MapDOT(b, sub, pms, Options{}) }))
	assert.Contains(t, pm, `label="part of", style=dotted, arrowhead=none`)
}

func TestSetPictures(t *testing.T) {
	sets := mappings.Embedded()
	mm := string(render(t, func(b *bytes.Buffer) error {
		return RenderSet(b, catalog.ISO27002v2022, catalog.CSF20, sets, Mermaid, Options{})
	}))
	golden(t, "set-iso-csf.mmd", []byte(mm))
	dot := string(render(t, func(b *bytes.Buffer) error {
		return RenderSet(b, catalog.ISO27002v2022, catalog.CSF20, sets, DOT, Options{})
	}))
	golden(t, "set-iso-csf.dot", []byte(dot))
	// CSF nodes are categories (lifted), never subcategories
	assert.NotRegexp(t, `\["[A-Z]{2}\.[A-Z]{2}-\d\d`, mm)
	assert.Contains(t, mm, `subgraph c`)
	assert.Contains(t, mm, `["GV.OC<br/>Organizational Context"]`)
	// the counts on the arrows add up to the published edges they aggregate
	want := 0
	cat := catalog.Default()
	for _, s := range sets {
		for e := range s.All() {
			a, _ := cat.Canonical(e.From)
			b, _ := cat.Canonical(e.To)
			if e.Relationship == mappings.NotRelatedTo {
				continue
			}
			if (a.Framework == catalog.ISO27002v2022 && b.Framework == catalog.CSF20) ||
				(b.Framework == catalog.ISO27002v2022 && a.Framework == catalog.CSF20) {
				want++
			}
		}
	}
	require.NotZero(t, want)
	got := 0
	for _, m := range regexp.MustCompile(`\|"(\d+)`).FindAllStringSubmatch(mm, -1) {
		got += atoi(t, m[1])
	}
	assert.Equal(t, want, got)
	// empty when no set joins the pair
	empty := string(render(t, func(b *bytes.Buffer) error { return SetMermaid(b, "x:1", "y:1", sets, Options{}) }))
	assert.NotContains(t, empty, "-->")
}

func TestLabelsEscaped(t *testing.T) {
	p := newPicture(`a "quoted" <title>`)
	p.nodes = append(p.nodes, pnode{label: "x\"]; evil[\"<b>"})
	p.clusters = append(p.clusters, pcluster{label: "c"})
	var mm, dot bytes.Buffer
	require.NoError(t, p.mermaid(&mm))
	require.NoError(t, p.dot(&dot))
	assert.Contains(t, mm.String(), `n0["x#quot;]; evil[#quot;#lt;b#gt;"]`)
	assert.Contains(t, mm.String(), `title: "a \"quoted\" <title>"`)
	assert.Contains(t, dot.String(), `n0 [label="x\"]; evil[\"<b>"];`)
	assert.Equal(t, "one two\nthree", wrapLabel("one two three", 7))
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
