package mappings_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// WriteCSV puts an apostrophe before a note or label a spreadsheet would evaluate,
// and ReadCSV takes it off: a note starting with '-' survives the round trip.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	s := acmeMeta()
	s.Kind = mappings.Crosswalk
	s.Edges = []mappings.Edge{
		{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.1"), Relationship: mappings.SubsetOf,
			Source: "acme-doc", Note: "-see 5.2 too", Label: "=1+1"},
		{From: catalog.NewRef("acme:1", "AC-2"), To: catalog.NewRef(catalog.ISO27002v2022, "5.15"), Relationship: mappings.Equal,
			Source: "@doc", Note: "'as printed'", Label: "+x"},
	}
	var buf bytes.Buffer
	require.NoError(t, mappings.WriteCSV(&buf, s))
	assert.Equal(t, "from,to,relationship,strength,rationale,source,label,note\n"+
		"acme:1/AC-1,iso27002:2022/5.1,subset-of,,,acme-doc,'=1+1,'-see 5.2 too\n"+
		"acme:1/AC-2,iso27002:2022/5.15,equal,,,'@doc,'+x,''as printed'\n", buf.String())
	back, err := mappings.ReadCSV("again.csv", strings.NewReader(buf.String()), acmeMeta())
	require.NoError(t, err)
	assert.Equal(t, s.Edges, back.Edges)
}
