package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// detectionRequirements is "requirements --target nist-csf:2.0 --scope DE.CM".
func detectionRequirements(t *testing.T, opts ...crosswalk.GapOption) *RequirementsResult {
	t.Helper()
	reqs, err := crosswalk.Default().Requirements(catalog.CSF20, append(opts, crosswalk.WithScope(catalog.NewRef(catalog.CSF20, "DE.CM")))...)
	require.NoError(t, err)
	return &RequirementsResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20, Requirements: reqs}
}

func TestRequirementsFormats(t *testing.T) {
	r := detectionRequirements(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "requirements-csf-de.cm"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderRequirements(b, r, f, Options{Width: 100}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderRequirements(&b, r, XLSX, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderRequirements(&b, nil, f, Options{}), "no requirements result", f)
	}
}

func TestRequirementsTable(t *testing.T) {
	s := string(render(t, func(b *bytes.Buffer) error {
		return RequirementsTable(b, detectionRequirements(t), Options{Width: 100})
	}))
	assertFits(t, s, 100)
	// The NIST CSF 2.0 reference tool links DE.CM-01, -03, -06 and -09 to 8.16,
	// DE.CM-02 and -03 to 7.4, DE.CM-06 to 5.22 (as the gap example shows).
	assert.Equal(t, "iso27002:2022 controls that nist-csf:2.0 needs: 3, serving 5 items\n"+
		"CONTROL  TITLE                                     ITEMS  REACHED\n"+
		"5.22     Monitoring, review and change management  1      DE.CM-06 (related)\n"+
		"         of supplier services\n"+
		"7.4      Physical security monitoring              2      DE.CM-02 (related); DE.CM-03 (related)\n"+
		"8.16     Monitoring activities                     4      DE.CM-01 (related); DE.CM-03 (related);\n"+
		"                                                          DE.CM-06 (related); DE.CM-09 (related)\n", s)

	empty := &RequirementsResult{Baseline: catalog.ISO27002v2022, Target: catalog.CSF20}
	s = string(render(t, func(b *bytes.Buffer) error { return RequirementsTable(b, empty, Options{}) }))
	assert.Equal(t, "iso27002:2022 controls that nist-csf:2.0 needs: 0, serving 0 items\n", s, "no table without rows")
	s = string(render(t, func(b *bytes.Buffer) error { return RequirementsMarkdown(b, empty) }))
	assert.Equal(t, "## iso27002:2022 controls that nist-csf:2.0 needs: 0, serving 0 items\n\n", s)
}

func TestRequirementsJSONAndCSV(t *testing.T) {
	r := detectionRequirements(t)
	var b bytes.Buffer
	require.NoError(t, RequirementsJSON(&b, r))
	var doc RequirementsDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	assert.Equal(t, "iso27002:2022", doc.Baseline)
	require.Len(t, doc.Controls, 3)
	assert.Equal(t, RequirementDoc{Control: "7.4", Title: "Physical security monitoring", Items: []ItemLinkDoc{
		{Item: "DE.CM-02", Relationship: "related", Sources: []string{"nist-cprt-csf-2.0-iso27001-2022"}},
		{Item: "DE.CM-03", Relationship: "related", Sources: []string{"nist-cprt-csf-2.0-iso27001-2022"}},
	}}, doc.Controls[1])

	b.Reset()
	require.NoError(t, RequirementsCSV(&b, r))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 1+1+2+4, "one row per control and item")
	assert.Equal(t, []string{"7.4", "Physical security monitoring", "DE.CM-02", "related", "", "", "", "nist-cprt-csf-2.0-iso27001-2022"}, rows[2])
}

func TestItemLinkLabel(t *testing.T) {
	assert.Equal(t, "DE.CM-01 (related)", ItemLinkDoc{Item: "DE.CM-01", Relationship: "related"}.label())
	assert.Equal(t, "GV.OC-01 (related, via GV.OC)", ItemLinkDoc{Item: "GV.OC-01", Relationship: "related", ViaParent: "GV.OC"}.label())
	assert.Equal(t, "1.1 (subset-of, derived)", ItemLinkDoc{Item: "1.1", Relationship: "subset-of", Derived: true}.label())
	d := ItemLinkDoc{Item: "1.1", Relationship: "subset-of", Derived: true, Path: []string{"a", "b"}}
	assert.True(t, strings.HasSuffix(d.label(), ", derived)"))
}
