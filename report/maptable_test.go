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

// mapResult runs "map REF --to FW" on the embedded crosswalk.
func mapResult(t *testing.T, ref catalog.Ref, to catalog.FrameworkID, maxHops int) *MapResult {
	t.Helper()
	c, ok := catalog.Default().Control(ref)
	require.True(t, ok, ref)
	var opts []crosswalk.MapOption
	if maxHops > 0 {
		opts = append(opts, crosswalk.WithDerived(maxHops))
	}
	ms, err := crosswalk.Default().Map(ref, to, opts...)
	require.NoError(t, err)
	return &MapResult{From: ref, Title: c.Title, To: to, Derived: maxHops > 0, MaxHops: maxHops, Links: ms}
}

func TestMapFormats(t *testing.T) {
	r := mapResult(t, catalog.NewRef(catalog.ISO27002v2022, "8.16"), catalog.CSF20, 0)
	for _, f := range []Format{Table, JSON, CSV, Markdown} {
		golden(t, "map-8.16-csf"+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderMap(b, r, f, Options{Width: 100}) }))
	}
	// GV.OC-01 has no edge of its own: its category GV.OC's edges answer for it.
	r = mapResult(t, catalog.NewRef(catalog.CSF20, "GV.OC-01"), catalog.ISO27002v2022, 0)
	golden(t, "map-gv.oc-01-iso.txt", render(t, func(b *bytes.Buffer) error { return RenderMap(b, r, Table, Options{Width: 100}) }))
	var b bytes.Buffer
	assert.ErrorIs(t, RenderMap(&b, r, HTML, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, CSV, Markdown, Mermaid, DOT} {
		assert.ErrorContains(t, RenderMap(&b, nil, f, Options{}), "no map result", f)
	}
}

func TestMapTable(t *testing.T) {
	r := mapResult(t, catalog.NewRef(catalog.ISO27002v2013, "A.12.4.1"), catalog.ISO27002v2022, 0)
	s := string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{Width: 80}) }))
	// ISO/IEC 27002:2022 Annex B: 12.4.1 Event logging became 8.15 Logging.
	assert.Equal(t, "iso27002:2013/A.12.4.1  Event logging\n"+
		"→ iso27002:2022, read \"source RELATIONSHIP target\"\n\n"+
		"RELATIONSHIP  ID    TITLE    BASIS\n"+
		"related       8.15  Logging  iso27002-2022-annex-b\n", s)

	// ISO/IEC 27001 clause 5.1 has no published edge to CSF 2.0.
	r = mapResult(t, catalog.NewRef(catalog.ISO27001v2022, "5.1"), catalog.CSF20, 0)
	s = string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{Width: 80}) }))
	assert.True(t, strings.HasSuffix(s, "\n\nno mapping to nist-csf:2.0 (try --derived)\n"), s)
	r.Derived = true
	s = string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{Width: 80}) }))
	assert.True(t, strings.HasSuffix(s, "\n\nno mapping to nist-csf:2.0\n"), "no hint once derived paths were searched: %s", s)
	md := string(render(t, func(b *bytes.Buffer) error { return MapMarkdown(b, r) }))
	assert.Equal(t, "| relationship | id | title | basis |\n| --- | --- | --- | --- |\n", md)
}

func TestMapJSONContract(t *testing.T) {
	r := mapResult(t, catalog.NewRef(catalog.CSF20, "GV.OC-01"), catalog.ISO27002v2022, 3)
	var b bytes.Buffer
	require.NoError(t, MapJSON(&b, r))
	var doc MapDoc
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &doc))
	assert.Equal(t, "nist-csf:2.0/GV.OC-01", doc.From)
	assert.Equal(t, "iso27002:2022", doc.To)
	assert.True(t, doc.Derived)
	assert.Equal(t, 3, doc.MaxHops)
	assert.Equal(t, len(r.Links), doc.Count)
	kinds := map[string]int{}
	for i, m := range doc.Mappings {
		kinds[m.Kind]++
		l := r.Links[i]
		assert.Equal(t, l.To.String(), m.Ref)
		assert.Equal(t, l.ToTitle, m.Title, "the title the link carries")
		switch m.Kind {
		case "via-parent":
			// published for the category GV.OC or the function GV
			assert.Contains(t, []string{"nist-csf:2.0/GV.OC", "nist-csf:2.0/GV"}, m.ViaParent)
			assert.Equal(t, "published for "+m.ViaParent+": "+strings.Join(m.Sources, ", "), m.basis())
		case "derived":
			require.NotEmpty(t, m.Path)
			assert.Equal(t, m.Ref, m.Path[len(m.Path)-1].To, "the path ends at the target")
			assert.Contains(t, m.basis(), "derived via ")
		}
	}
	assert.Positive(t, kinds["via-parent"])

	// Without derived paths, max_hops is left out.
	r.Derived = false
	b.Reset()
	require.NoError(t, MapJSON(&b, r))
	assert.NotContains(t, b.String(), "max_hops")
}

func TestMapCSV(t *testing.T) {
	r := mapResult(t, catalog.NewRef(catalog.ISO27002v2022, "8.16"), catalog.CSF20, 0)
	var b bytes.Buffer
	require.NoError(t, MapCSV(&b, r))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(r.Links)+1)
	assert.Equal(t, []string{"from", "to", "title", "relationship", "kind", "inverse", "via_parent", "sources", "path"}, rows[0])
	for _, row := range rows[1:] {
		assert.Equal(t, "iso27002:2022/8.16", row[0])
		assert.Equal(t, "published", row[4])
	}
}

func TestMapTableEscapes(t *testing.T) {
	r := &MapResult{From: catalog.NewRef("evil:1", "E-1"), Title: "Title\x1b[2J\nnext", To: catalog.CSF20}
	s := string(render(t, func(b *bytes.Buffer) error { return MapTable(b, r, Options{}) }))
	assert.Equal(t, "evil:1/E-1  Title\\x1b[2J next\n→ nist-csf:2.0, read \"source RELATIONSHIP target\"\n\nno mapping to nist-csf:2.0 (try --derived)\n", s)
}

func TestMapLinkBasis(t *testing.T) {
	d := MapLinkDoc{Kind: "derived", Routes: 1, Path: []HopDoc{{To: "a:1/X"}, {To: "b:1/Y"}, {To: "c:1/Z"}}}
	assert.Equal(t, "derived via a:1/X → b:1/Y (1 route)", d.basis())
	d.Routes = 2
	assert.Equal(t, "derived via a:1/X → b:1/Y (2 routes)", d.basis())
	d = MapLinkDoc{Kind: "succession", Through: "cis:8", Sources: []string{"s1", "s2"}}
	assert.Equal(t, "via cis:8 (succession): s1, s2", d.basis())
	d = MapLinkDoc{Kind: "published", Sources: []string{"s1"}}
	assert.Equal(t, "s1", d.basis())
	assert.Equal(t, "derived via  (0 routes)", MapLinkDoc{Kind: "derived"}.basis(), "no path: no panic")
}
