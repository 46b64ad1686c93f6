package mappings_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// exportFixture is one small framework and one set from it to ISO/IEC 27002:2022.
func exportFixture() ([]catalog.Framework, []mappings.Set) {
	fw := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1", Controls: []catalog.ControlSpec{
		{ID: "AC-1", Title: "Least privilege", Kind: catalog.KindControl},
	}}
	set := mappings.Set{ID: "acme-iso", From: "acme:1", To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "acme-doc", Title: "ACME crosswalk"},
		Edges: []mappings.Edge{{From: catalog.NewRef("acme:1", "AC-1"), To: catalog.NewRef(catalog.ISO27002v2022, "5.15"),
			Relationship: mappings.SubsetOf, Source: "acme-doc", Strength: 8, HasStrength: true}},
	}
	return []catalog.Framework{fw}, []mappings.Set{set}
}

func ExampleWriteExport() {
	fws, sets := exportFixture()
	if err := mappings.WriteExport(os.Stdout, fws, sets); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "frameworks": [
	//     {
	//       "id": "acme:1",
	//       "name": "ACME",
	//       "version": "1",
	//       "controls": [
	//         {
	//           "id": "AC-1",
	//           "title": "Least privilege",
	//           "kind": "control"
	//         }
	//       ]
	//     }
	//   ],
	//   "mappings": [
	//     {
	//       "id": "acme-iso",
	//       "from": "acme:1",
	//       "to": "iso27002:2022",
	//       "kind": "crosswalk",
	//       "source": "acme-doc",
	//       "source_document": {
	//         "title": "ACME crosswalk"
	//       },
	//       "edges": [
	//         {
	//           "from": "acme:1/AC-1",
	//           "to": "iso27002:2022/5.15",
	//           "relationship": "subset-of",
	//           "strength": 8,
	//           "source": "acme-doc"
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// The export of every embedded framework and set reads back unchanged, each half by
// its own reader, and writes again to the same bytes.
func TestWriteExportRoundTripEmbedded(t *testing.T) {
	fws, sets := catalog.Embedded(), mappings.Embedded()
	var buf bytes.Buffer
	require.NoError(t, mappings.WriteExport(&buf, fws, sets))
	gotF, err := catalog.ReadJSON("export.json", buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, fws, gotF)
	gotS, err := mappings.ReadJSON("export.json", buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, sets, gotS)
	var again bytes.Buffer
	require.NoError(t, mappings.WriteExport(&again, gotF, gotS))
	assert.Equal(t, buf.String(), again.String())
}

// Without sets the document is exactly catalog.WriteJSON's; the sets part is
// exactly WriteJSON's "mappings".
func TestWriteExportHalves(t *testing.T) {
	fws, sets := exportFixture()
	var plain, export bytes.Buffer
	require.NoError(t, catalog.WriteJSON(&plain, fws...))
	require.NoError(t, mappings.WriteExport(&export, fws, nil))
	assert.Equal(t, plain.String(), export.String())

	var setsOnly, both bytes.Buffer
	require.NoError(t, mappings.WriteJSON(&setsOnly, sets...))
	require.NoError(t, mappings.WriteExport(&both, fws, sets))
	_, tail, ok := strings.Cut(both.String(), "  \"mappings\": [")
	require.True(t, ok)
	_, want, _ := strings.Cut(setsOnly.String(), "  \"mappings\": [")
	assert.Equal(t, want, tail)
}

// A set with no valid relationship is refused before anything is written.
func TestWriteExportInvalidRelationship(t *testing.T) {
	fws, sets := exportFixture()
	sets[0].Edges[0].Relationship = mappings.Relationship(99)
	var buf bytes.Buffer
	err := mappings.WriteExport(&buf, fws, sets)
	require.Error(t, err)
	assert.True(t, errors.Is(err, mappings.ErrUnknownRelationship), err)
	var p *catalog.DataError
	require.ErrorAs(t, err, &p)
	assert.Equal(t, `set "acme-iso": edge #1 (acme:1/AC-1 → iso27002:2022/5.15)`, p.Record)
	assert.Empty(t, buf.String())
}

func TestSetWithin(t *testing.T) {
	_, sets := exportFixture()
	s := sets[0]
	assert.True(t, s.Within("acme:1", catalog.ISO27002v2022))
	assert.True(t, s.Within(catalog.CSF20, catalog.ISO27002v2022, "acme:1"))
	assert.False(t, s.Within("acme:1"), "the set's to framework is not exported")
	assert.False(t, s.Within())
	// An edge to an annex framework's control leaves the set's own two frameworks.
	csf, ok := mappings.EmbeddedSet(mappings.SetCSF20ToISO27001)
	require.True(t, ok)
	assert.False(t, csf.Within(catalog.CSF20, catalog.ISO27001v2022))
	assert.True(t, csf.Within(catalog.CSF20, catalog.ISO27001v2022, catalog.ISO27002v2022))
}

func ExampleSet_Within() {
	s, _ := mappings.EmbeddedSet(mappings.SetCSF20ToISO27001)
	// NIST's set names ISO/IEC 27001's clauses and its Annex A controls, which are
	// ISO/IEC 27002's.
	fmt.Println(s.Within(catalog.CSF20, catalog.ISO27001v2022))
	fmt.Println(s.Within(catalog.CSF20, catalog.ISO27001v2022, catalog.ISO27002v2022))
	// Output:
	// false
	// true
}
