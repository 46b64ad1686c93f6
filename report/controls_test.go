package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// detectiveControls is the list "controls iso27002:2022 --type detective" makes.
func detectiveControls(t testing.TB) *ControlList {
	t.Helper()
	cat := catalog.Default()
	l := &ControlList{
		Framework:  catalog.ISO27002v2022,
		Filters:    map[string][]string{catalog.AttrControlType: {"Detective"}},
		Shown:      []string{catalog.AttrControlType},
		Attributes: cat.AttributeNames(catalog.ISO27002v2022),
	}
	for c := range cat.Controls(catalog.ISO27002v2022, catalog.Where(catalog.AttrControlType, "Detective")) {
		l.Controls = append(l.Controls, c)
	}
	require.NotEmpty(t, l.Controls)
	return l
}

func TestControlsFormats(t *testing.T) {
	l := detectiveControls(t)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "controls-iso-detective"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderControls(b, l, f, Options{Width: 80}) }))
	}
	var b bytes.Buffer
	assert.ErrorIs(t, RenderControls(&b, l, Mermaid, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		assert.ErrorContains(t, RenderControls(&b, nil, f, Options{}), "no control list", f)
	}
}

func TestControlsTable(t *testing.T) {
	l := detectiveControls(t)
	s := string(render(t, func(b *bytes.Buffer) error { return ControlsTable(b, l, Options{Width: 70}) }))
	// The titles wrap (never narrower than 24); the attribute column does not, so
	// the widest row, 5.7's three control types, sets the width: 8 + 24 + 2 + 9 +
	// 8 + 33 = 84.
	assertFits(t, s, 84)
	assert.Contains(t, s, "\n8.7   Protection against       control  8       Preventive, Detective, Corrective\n      malware\n")
	assert.True(t, strings.HasPrefix(s, "ID    TITLE"), s)
	assert.True(t, strings.HasSuffix(s, "\n\n"+itoa(len(l.Controls))+" nodes of iso27002:2022\n"), s)
	// 8.16 Monitoring activities is detective; 5.1 Policies is not.
	assert.Contains(t, s, "\n8.16  Monitoring activities")
	assert.NotContains(t, s, "\n5.1 ")

	one := &ControlList{Framework: "x:1", Controls: l.Controls[:1]}
	s = string(render(t, func(b *bytes.Buffer) error { return ControlsTable(b, one, Options{}) }))
	assert.True(t, strings.HasSuffix(s, "\n1 node of x:1\n"), s)
}

func TestControlsJSONContract(t *testing.T) {
	l := detectiveControls(t)
	l.Controls[0].Summary = "a summary"
	var b bytes.Buffer
	require.NoError(t, ControlsJSON(&b, l))
	var doc ControlsDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	assert.Equal(t, "iso27002:2022", doc.Framework)
	assert.Equal(t, len(l.Controls), doc.Count)
	assert.Equal(t, map[string][]string{catalog.AttrControlType: {"Detective"}}, doc.Filters)
	assert.Equal(t, "a summary", doc.Controls[0].Summary)
	for _, c := range doc.Controls {
		assert.Contains(t, c.Attributes[catalog.AttrControlType], "Detective", c.ID)
		assert.NotEmpty(t, c.Attributes[catalog.AttrTheme], "every attribute, not only the shown ones: %s", c.ID)
	}
	// Nothing found: an empty list, not null, and no filters key when none.
	b.Reset()
	require.NoError(t, ControlsJSON(&b, &ControlList{Framework: "x:1"}))
	assert.Equal(t, "{\n  \"framework\": \"x:1\",\n  \"count\": 0,\n  \"controls\": []\n}\n", b.String())
}

func TestControlsCSV(t *testing.T) {
	l := detectiveControls(t)
	var b bytes.Buffer
	require.NoError(t, ControlsCSV(&b, l))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(l.Controls)+1)
	assert.Equal(t, append([]string{"id", "title", "kind", "parent"}, l.Attributes...), rows[0])
	i := slices.IndexFunc(rows, func(r []string) bool { return r[0] == "8.16" })
	require.Positive(t, i)
	types := slices.Index(rows[0], catalog.AttrControlType)
	assert.Equal(t, "Detective;Corrective", rows[i][types], "8.16 is detective and corrective, joined by ';'")
	assert.Equal(t, "8", rows[i][3])
}
