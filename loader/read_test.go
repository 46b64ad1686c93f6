package loader_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestCSVSetMeta(t *testing.T) {
	s, err := loader.CSVSetMeta("m.csv", "dir/acme-iso.csv", []byte("\uFEFF From ,TO,relationship\n acme:1/AC-1 ,iso27002:2022/5.15,equal\n"))
	require.NoError(t, err)
	assert.Equal(t, mappings.Set{ID: "acme-iso", From: "acme:1", To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "acme-iso", Title: "acme-iso.csv"}}, s)

	for _, tc := range []struct{ data, saying string }{
		{"", "m.csv: mapping CSV does not name its frameworks: cannot read the CSV header: EOF"},
		{"from,to,relationship\n", "m.csv: mapping CSV does not name its frameworks: no edges"},
		{"from,to,relationship\n\"open,x,y\n", "m.csv: "},
		{"from,to,relationship\nAC-1,iso27002:2022/5.15,equal\n", `m.csv:2: field "from" = "AC-1": mapping CSV does not name its frameworks: write refs in full`},
		{"from,to,relationship\nacme:1/AC-1,5.15,equal\n", `m.csv:2: field "to" = "5.15": mapping CSV does not name its frameworks: write refs in full`},
		{"source,target,relationship\nacme:1/AC-1,iso27002:2022/5.15,equal\n", "the header needs the columns from, to and relationship"},
		{"from,relationship,to\nacme:1/AC-1,equal\n", "the header needs the columns from, to and relationship"},
	} {
		_, err := loader.CSVSetMeta("m.csv", "m.csv", []byte(tc.data))
		require.Error(t, err, tc.data)
		assert.ErrorIs(t, err, loader.ErrCSVSet, tc.data)
		assert.Contains(t, err.Error(), tc.saying, tc.data)
		var de *catalog.DataError
		require.ErrorAs(t, err, &de, tc.data)
		assert.Equal(t, "m.csv", de.File)
	}
	// A short ref: its line, column and value.
	_, err = loader.CSVSetMeta("m.csv", "m.csv", []byte("from,to,relationship\n\nacme:1/AC-1,5.15,equal\n"))
	var de *catalog.DataError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, catalog.DataError{File: "m.csv", Line: 3, Field: "to", Value: "5.15", Err: loader.ErrCSVSet,
		Detail: "write refs in full (framework/id, e.g. iso27002:2022/5.15) so that the set's frameworks are known"}, *de)
}

func TestOSCALOptions(t *testing.T) {
	cat := catalog.Default()
	opts, err := loader.OSCALOptions(cat, false, nil, nil)
	require.NoError(t, err)
	assert.Len(t, opts, 1, "the catalog")
	files := []loader.CatalogFile{{File: "a.json", UUID: "u", Framework: catalog.CSF20}}
	opts, err = loader.OSCALOptions(cat, true, files, []string{"annex.json=iso27002", " x.json = csf "})
	require.NoError(t, err)
	assert.Len(t, opts, 5, "strict, the catalog, one file, two binds")

	for bind, saying := range map[string]string{
		"annex.json":       `--bind "annex.json": want HREF=FRAMEWORK`,
		"=iso27002":        `--bind "=iso27002": want HREF=FRAMEWORK`,
		"annex.json=":      `--bind "annex.json=": want HREF=FRAMEWORK`,
		"annex.json=iso99": `--bind "annex.json=iso99": unknown framework "iso99"; accepted: iso27002:2022, iso27001:2022`,
	} {
		_, err := loader.OSCALOptions(cat, false, nil, []string{bind})
		require.Error(t, err, bind)
		assert.ErrorIs(t, err, loader.ErrBind)
		assert.Contains(t, err.Error(), saying)
	}
	// A long value is clipped in the message.
	long := make([]byte, 300)
	for i := range long {
		long[i] = 'x'
	}
	_, err = loader.OSCALOptions(cat, false, nil, []string{string(long)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), string(long[:120])+"…")
	assert.NotContains(t, err.Error(), string(long[:121]))
}

func TestLooksJSON(t *testing.T) {
	for in, want := range map[string]bool{
		`{"id": 1}`:         true,
		"\uFEFF \r\n\t{}":   true,
		"[{}]":              false,
		"id,title\n1,x\n":   false,
		"":                  false,
		"\uFEFF":            false,
		" \"{\"":            false,
		"\uFEFF\uFEFF{\"\"": false,
	} {
		assert.Equal(t, want, loader.LooksJSON([]byte(in)), "%q", in)
	}
}
