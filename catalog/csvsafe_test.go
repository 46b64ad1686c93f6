package catalog_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// WriteCSV puts an apostrophe before a cell a spreadsheet would evaluate, and ReadCSV
// takes it off: the file is safe to open and still round-trips.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	f := catalog.Framework{ID: "acme:1", Name: "A", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "X", Title: "=HYPERLINK(\"http://x\")", Summary: "-see below", Attributes: map[string][]string{"note": {"@SUM(A1)", "+1"}}},
		{ID: "Y", Title: "'quoted' title", Parent: "X", Summary: "plain"},
	}}
	var b bytes.Buffer
	require.NoError(t, catalog.WriteCSV(&b, f))
	assert.Equal(t, "id,title,kind,parent,summary,note\n"+
		"X,\"'=HYPERLINK(\"\"http://x\"\")\",control,,'-see below,'@SUM(A1);+1\n"+
		"Y,''quoted' title,control,X,plain,\n", b.String())
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	require.NoError(t, err)
	for _, r := range rows {
		for _, c := range r {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "cell %q", c)
			}
		}
	}
	back, err := catalog.ReadCSV("acme.csv", &b, catalog.Framework{ID: "acme:1", Name: "A", Version: "1"})
	require.NoError(t, err)
	for i := range f.Controls {
		f.Controls[i].Kind = catalog.KindControl
	}
	assert.Equal(t, f.Controls, back.Controls, "read back as written")
}
