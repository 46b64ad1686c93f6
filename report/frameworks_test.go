package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// frameworkInfos returns the embedded frameworks other than the CIS Controls (so
// that the golden files are the same with -tags nocis), in catalog order.
func frameworkInfos(t testing.TB) []catalog.Info {
	t.Helper()
	var infos []catalog.Info
	for in := range catalog.Default().Frameworks() {
		if in.ID.Family() != "cis" {
			infos = append(infos, in)
		}
	}
	require.Len(t, infos, 7)
	return infos
}

func TestFrameworksFormats(t *testing.T) {
	infos := frameworkInfos(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		got := render(t, func(b *bytes.Buffer) error { return RenderFrameworks(b, infos, f, Options{Width: 80}) })
		golden(t, "frameworks"+f.Ext(), got)
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderFrameworks(&b, infos, HTML, Options{}), ErrUnsupported)
}

func TestFrameworksJSONContract(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, FrameworksJSON(&b, frameworkInfos(t)))
	var doc FrameworksDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	assert.Equal(t, catalog.DataVersion, doc.DataVersion)
	iso := doc.Frameworks[0]
	assert.Equal(t, "iso27002:2022", iso.ID)
	assert.Equal(t, 97, iso.Nodes, "4 themes and 93 controls")
	assert.Equal(t, []KindCountDoc{{Kind: "theme", Count: 4}, {Kind: "control", Count: 93}}, iso.Counts)
	assert.Equal(t, "iso27001:2022", doc.Frameworks[1].ID)
	assert.Equal(t, "iso27002:2022", doc.Frameworks[1].AnnexOf, "ISO/IEC 27001's Annex A is ISO/IEC 27002's controls")

	// No framework: an empty list, not null.
	b.Reset()
	require.NoError(t, FrameworksJSON(&b, nil))
	assert.Contains(t, b.String(), `"frameworks": []`)
}

func TestFrameworksCSV(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, FrameworksCSV(&b, frameworkInfos(t)))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 8)
	assert.Equal(t, []string{"id", "name", "version", "publisher", "nodes", "counts", "aliases", "annex_of", "source", "licence"}, rows[0])
	assert.Equal(t, "nist-csf:2.0", rows[4][0])
	assert.Equal(t, "134", rows[4][4], "6 functions, 22 categories and 106 subcategories")
	assert.Equal(t, "6 function;22 category;106 subcategory", rows[4][5])
}

// hostileInfo is a framework of a user's catalog whose every text field holds
// control characters, line breaks and Markdown punctuation.
var hostileInfo = catalog.Info{
	ID: "evil:1", Name: "Evil\nframework \x1b[31m red", Version: "1", Publisher: "Nobody | pipes",
	Licence: "A long licence note that goes on so that it must wrap, with\nnewline \u202e.",
	Counts:  []catalog.KindCount{{Kind: "control", Count: 2}}, Controls: 2,
}

func TestFrameworksTableHostile(t *testing.T) {
	got := string(render(t, func(b *bytes.Buffer) error {
		return FrameworksTable(b, []catalog.Info{hostileInfo}, Options{Width: 40})
	}))
	assert.NotContains(t, got, "\x1b")
	assert.Equal(t, ""+
		"ID      NAME                         VERSION  PUBLISHER       NODES\n"+
		"evil:1  Evil framework \\x1b[31m red  1        Nobody | pipes  2 control\n"+
		"\n"+
		"Licences:\n"+
		"  evil:1: A long licence note that goes\n"+
		"    on so that it must wrap, with\n"+
		"    newline \\u202e.\n", got)
	md := string(render(t, func(b *bytes.Buffer) error { return FrameworksMarkdown(b, []catalog.Info{hostileInfo}) }))
	assert.Equal(t, 3, strings.Count(md, "\n"), "one header, one separator, one row: no line break leaks")
	assert.Contains(t, md, `Nobody \| pipes`)
}
