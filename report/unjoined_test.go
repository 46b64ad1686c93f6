package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestUnjoinedTargetReports: no published mapping joins ISO/IEC 27002:2022 and CSF
// 1.1 (crosswalk's TestUnjoinedTarget), so its 108 unreached items are not gaps of
// the baseline: no format says they need measures of their own, and each says by
// the headline that the 0.0 % measures nothing published. A joined target keeps
// the old wording.
func TestUnjoinedTargetReports(t *testing.T) {
	res := smallGap(t, catalog.CSF11)
	require.True(t, res.NoPublishedMapping)
	require.Equal(t, 108, res.Summary.Unreached)
	const line = "Not measurable with published mappings: no published mapping joins ISO/IEC 27002:2022 and NIST Cybersecurity " +
		"Framework 1.1, so the coverage above measures nothing published (see the note)."
	const reason = "No published mapping joins ISO/IEC 27002:2022 and NIST Cybersecurity Framework 1.1: these items cannot be " +
		"measured with published mappings, and are not gaps of the baseline (see the note)."
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	txt := flat(string(render(t, func(b *bytes.Buffer) error { return GapTable(b, res, Options{Width: 100}) })))
	assert.Contains(t, txt, "Coverage 0.0% (0 of 108 applicable items covered) "+line+" STATUS")
	assert.Contains(t, txt, "Unreached: "+reason+" ID.AM-1, ")
	assert.Contains(t, txt, "--derived reaches ") // 105 of them with CIS data, 104 without (crosswalk's test)

	mdText := string(render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{}) }))
	assert.Contains(t, mdText, "Coverage: **0.0 %** of 108 applicable items covered.\n\n**"+md(line)+"**\n")
	assert.Contains(t, mdText, "## Unreached items\n\n"+md(reason)+"\n")

	page := string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, res, Options{}) }))
	assert.Contains(t, page, `<p class="note" data-unmeasured>`+strings.ReplaceAll(line, "'", "&#39;")+`</p>`)
	assert.Contains(t, page, "<p>"+reason+"</p>")
	assert.NotContains(t, page, "gaps of the baseline itself")
	assert.NotContains(t, page, "measures of their own")

	// A joined target: no such line, and its unreached items are gaps of the baseline.
	csf := smallGap(t, catalog.CSF20)
	page = string(render(t, func(b *bytes.Buffer) error { return GapHTML(b, csf, Options{}) }))
	assert.NotContains(t, page, "data-unmeasured")
	assert.Contains(t, page, "These are gaps of the baseline itself: implementing more ISO/IEC 27002:2022 controls does not close them; they need measures of their own.</p>")
	assert.NotContains(t, string(render(t, func(b *bytes.Buffer) error { return GapTable(b, csf, Options{}) })), "Not measurable")
}
