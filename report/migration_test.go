package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// legacyMigration carries examples/assessments/legacy-2013.csv to ISO/IEC
// 27002:2022.
func legacyMigration(t testing.TB) *crosswalk.Migration {
	t.Helper()
	a := exampleAssessment(t, "legacy-2013.csv", crosswalk.WithBaseline(catalog.ISO27002v2013))
	m, err := crosswalk.Default().Migrate(a, catalog.ISO27002v2022)
	require.NoError(t, err)
	return m
}

func TestMigrationFormats(t *testing.T) {
	m := legacyMigration(t)
	opts := Options{Assessment: "legacy-2013.csv", Width: 100}
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "migrate-legacy-2013"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderMigration(b, m, f, opts) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderMigration(&b, m, HTML, opts), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderMigration(&b, nil, f, opts), "no migration", f)
	}
}

func TestMigrationTable(t *testing.T) {
	m := legacyMigration(t)
	s := string(render(t, func(b *bytes.Buffer) error {
		return MigrationTable(b, m, Options{Assessment: "legacy-2013.csv", Width: 100})
	}))
	// The tables fit; the counts line above them is one line, whatever the width.
	_, tables, _ := strings.Cut(s, "\nMIGRATED\n")
	assertFits(t, tables, 100)
	assert.True(t, strings.HasPrefix(s, "Migration of legacy-2013.csv from iso27002:2013 to iso27002:2022\n\n"+
		"82 controls rated from the old assessment; 11 controls to assess afresh; 0 controls of the old edition lead nowhere.\n"), s)
	// ISO/IEC 27002:2022 Annex B: 5.14 Information transfer takes 13.2.1 to 13.2.3
	// of 2013; one of them partial, so 5.14 is partial.
	assert.Contains(t, s, "\n5.14  Information transfer                    partial         A.13.2.1 implemented; A.13.2.2\n")
	// The eleven controls new in 2022 are to be assessed afresh, 8.16 among them.
	assert.Contains(t, s, "\nTO ASSESS AFRESH (11)\nID    TITLE\n")
	assert.Contains(t, s, "\n8.16  Monitoring activities\n")
	assert.True(t, strings.HasSuffix(s, "\nLEADING NOWHERE (0)\n"), "an empty section has its heading only")
}

func TestMigrationMarkdown(t *testing.T) {
	m := legacyMigration(t)
	s := string(render(t, func(b *bytes.Buffer) error { return MigrationMarkdown(b, m, Options{Assessment: "legacy-2013.csv"}) }))
	assert.True(t, strings.HasPrefix(s, "# Migration of legacy-2013.csv from iso27002:2013 to iso27002:2022\n"), s)
	assert.Contains(t, s, "\n## Migrated\n\n| id | title | status | from |\n| --- | --- | --- | --- |\n")
	assert.Contains(t, s, "| 5.14 | Information transfer | partial | A.13.2.1 implemented; A.13.2.2 implemented; A.13.2.3 partial; the weakest status is kept |\n")
}

func TestMigrationJSONAndCSVAreTheAssessment(t *testing.T) {
	m := legacyMigration(t)
	var b bytes.Buffer
	require.NoError(t, MigrationCSV(&b, m))
	// What migrate writes, gap reads: the CSV reads back as the same assessment.
	back, err := crosswalk.ReadAssessmentCSV("migrated.csv", &b, nil)
	require.NoError(t, err)
	assert.Equal(t, catalog.ISO27002v2022, back.Baseline())
	assert.Equal(t, m.Assessment.Len(), back.Len())
	e, ok := back.Entry(catalog.NewRef(catalog.ISO27002v2022, "5.14"))
	require.True(t, ok)
	assert.Equal(t, crosswalk.Partial, e.Status)

	b.Reset()
	require.NoError(t, MigrationJSON(&b, m))
	back, err = crosswalk.ReadAssessmentJSON("migrated.json", b.Bytes(), nil)
	require.NoError(t, err)
	assert.Equal(t, m.Assessment.Len(), back.Len())
}
