package crosswalk

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// Assessment.WriteCSV (what "migrate --format csv" writes) puts an apostrophe before
// a cell a spreadsheet would evaluate, and the reader takes it off again.
func TestAssessmentWriteCSVNeutralisesFormulas(t *testing.T) {
	iso := func(id string) catalog.Ref { return catalog.NewRef(catalog.ISO27002v2022, id) }
	a, err := NewAssessment(nil, catalog.ISO27002v2022,
		Entry{Control: iso("5.1"), Status: Implemented, Justification: "=cmd|' /C calc'!A0", Owner: "@ciso", Evidence: "+1", Notes: "-see 5.2"},
		Entry{Control: iso("7.4"), Status: NotApplicable, Justification: "'no premises'", Notes: "\t=1"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, a.WriteCSV(&buf))
	assert.Equal(t, "control,status,justification,owner,evidence,notes\n"+
		"5.1,implemented,'=cmd|' /C calc'!A0,'@ciso,'+1,'-see 5.2\n"+
		"7.4,not-applicable,''no premises',,,'\t=1\n", buf.String())
	b, err := ReadAssessmentCSV("b.csv", bytes.NewReader(buf.Bytes()), nil)
	require.NoError(t, err)
	var got []Entry
	for _, e := range b.entries {
		e.Line = 0
		got = append(got, e)
	}
	var want []Entry
	for _, e := range a.entries {
		e.Line = 0
		want = append(want, e)
	}
	assert.Equal(t, want, got)
}
