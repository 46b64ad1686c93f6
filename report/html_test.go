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
)

var (
	tagRE     = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	attrRE    = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)`)
	cssURL    = regexp.MustCompile(`(?i)url\(\s*([^)]*)\)`)
	cssImport = regexp.MustCompile(`(?i)@import`)
)

// assertSelfContained checks that a page loads nothing: no src=, href=, url(…) or
// @import other than data: URIs and fragment links, and no http(s) URL anywhere.
func assertSelfContained(t *testing.T, page string) {
	t.Helper()
	for _, tag := range tagRE.FindAllString(page, -1) {
		for _, m := range attrRE.FindAllStringSubmatch(tag, -1) {
			switch strings.ToLower(m[1]) {
			case "src", "href", "action", "srcset", "poster", "data", "formaction", "xlink:href":
			default:
				continue
			}
			v := strings.Trim(m[2], `"'`)
			assert.True(t, strings.HasPrefix(v, "#") || strings.HasPrefix(v, "data:"), "external %s=%q", m[1], v)
		}
	}
	for _, m := range cssURL.FindAllStringSubmatch(page, -1) {
		assert.True(t, strings.HasPrefix(strings.Trim(m[1], `"' `), "data:"), "external url(%s)", m[1])
	}
	assert.False(t, cssImport.MatchString(page), "@import")
	assert.NotContains(t, page, "http://")
	assert.NotContains(t, page, "https://")
	assert.NotContains(t, page, "//cdn")
}

var kpiRE = regexp.MustCompile(`data-kpi="([a-z-]+)"><span class="num">([0-9.]+|n/a)%?</span>`)

func kpis(page string) map[string]string {
	out := map[string]string{}
	for _, m := range kpiRE.FindAllStringSubmatch(page, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// checkGapPage checks a rendered gap page against its result.
func checkGapPage(t *testing.T, res *crosswalk.GapResult, page string) {
	t.Helper()
	assertSelfContained(t, page)
	for _, it := range res.Items {
		assert.Equal(t, 1, strings.Count(page, `data-item="`+it.ID+`"`), "item %s once", it.ID)
		assert.Contains(t, page, `<tr data-item="`+it.ID+`" data-status="`+string(it.Status)+`">`)
	}
	assert.Equal(t, len(res.Items), strings.Count(page, `<tr data-item="`))
	for _, id := range res.Unreached {
		assert.Equal(t, 1, strings.Count(page, `data-unreached="`+id+`"`), id)
	}
	assert.Equal(t, len(res.Unreached), strings.Count(page, `data-unreached="`))
	assert.Equal(t, len(res.Recommendations), strings.Count(page, `data-rec="`))
	s := res.Summary
	assert.Equal(t, map[string]string{
		"coverage": share(s.Measurable(), s.CoveragePercent, ""), "covered": itoa(s.Covered), "partial": itoa(s.Partial),
		"gap": itoa(s.Gap), "unreached": itoa(s.Unreached), "not-applicable": itoa(s.NotApplicable),
		"total": itoa(s.Total),
	}, kpis(page))
	assert.Contains(t, page, `data-policy="`+string(res.Policy)+`"`)
	assert.Contains(t, page, "@media print")
	assert.Equal(t, 1, strings.Count(page, "<html"))
}

func TestGapHTMLSmallCompanyCSF(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	page := string(render(t, func(b *bytes.Buffer) error {
		return RenderGap(b, res, HTML, Options{Assessment: "small-company.csv"})
	}))
	checkGapPage(t, res, page)
	assert.Contains(t, page, "Heat map: functions × categories")
	// one row per CSF function, one cell per category
	assert.Equal(t, 6, strings.Count(page, `<tr data-row="`))
	assert.Equal(t, 22, strings.Count(page, `data-cell="`))
	assert.Contains(t, page, "No ISO/IEC 27002:2022 control maps here in any published source.")
	golden(t, "gap-small-csf.html", []byte(page))
}

func TestGapHTMLSmallCompanyCIS(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS Controls")
	}
	res := smallGap(t, catalog.CIS8)
	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	checkGapPage(t, res, page)
	assert.Contains(t, page, "Heat map: controls × implementation groups")
	assert.Equal(t, 18, strings.Count(page, `<tr data-row="`))
	assert.Equal(t, 18*3, strings.Count(page, `data-cell="`))
}

func TestGapHTMLDeterministic(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	a := render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) })
	b := render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) })
	assert.Equal(t, a, b)
	assert.NotContains(t, string(a), "Generated")
	c := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{Generated: "2026-11-23"}) }))
	assert.Contains(t, c, "Generated 2026-11-23")
}

func TestSoAHTMLEscapesUserText(t *testing.T) {
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	page := string(render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, HTML, Options{}) }))
	assertSelfContained(t, page)
	assert.NotContains(t, page, "<script>alert")
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt; | pipe\nsecond line &amp; &#34;quotes&#34; `code`")
	// the only script element is the page's own
	assert.Equal(t, 1, strings.Count(page, "<script>"))
	for _, e := range soa.Controls {
		assert.Equal(t, 1, strings.Count(page, `data-control="`+e.Control+`"`), e.Control)
	}
	assert.Equal(t, "93", kpis(page)["total"])
	assert.Equal(t, "1", kpis(page)["not-applicable"])
	golden(t, "soa-small.html", render(t, func(b *bytes.Buffer) error { return SoAHTML(b, smallSoA(t), Options{}) }))
}

func TestGapHTMLEscapesTitles(t *testing.T) {
	res := &crosswalk.GapResult{Baseline: "x:1", Target: "y:1", Policy: crosswalk.Strict,
		Summary:   crosswalk.Summary{Total: 1, Unreached: 1, Applicable: 1, UnreachedPercent: 100},
		Items:     []crosswalk.GapItem{{ID: `a"><img src=x>`, Title: "<b>bold</b>", Status: crosswalk.ItemUnreached, Statements: []string{"<i>x</i>"}}},
		Unreached: []string{`a"><img src=x>`}}
	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{Title: "<script>t</script>"}) }))
	assertSelfContained(t, page)
	assert.NotContains(t, page, "<img")
	assert.NotContains(t, page, "<b>bold")
	assert.NotContains(t, page, "<i>x")
	assert.Contains(t, page, "&lt;script&gt;t&lt;/script&gt;")
	assert.Contains(t, page, "Heat map: groups")
}
