package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
)

// showInput reads a control view the show command wrote (testdata/<name>.input.json:
// "show 8.16" with the relations through the CIS Controls left out, so that the
// golden files are the same with -tags nocis, and "show GV.OC-01 --derived=false").
func showInput(t testing.TB, name string) (*ControlView, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".input.json"))
	require.NoError(t, err)
	var v ControlView
	require.NoError(t, codec.DecodeStrict(data, &v))
	return &v, data
}

func TestControlViewFormats(t *testing.T) {
	for _, name := range []string{"show-8.16", "show-gv.oc-01"} {
		v, data := showInput(t, name)
		for _, f := range []Format{Table, Markdown} {
			golden(t, name+f.Ext(), render(t, func(b *bytes.Buffer) error { return RenderControlView(b, v, f, Options{Width: 100}) }))
		}
		// The JSON contract reads back to the bytes the command wrote.
		assert.Equal(t, string(data), string(render(t, func(b *bytes.Buffer) error { return RenderControlView(b, v, JSON, Options{}) })), name)
	}
	var b bytes.Buffer
	v, _ := showInput(t, "show-8.16")
	assert.ErrorIs(t, RenderControlView(&b, v, CSV, Options{}), ErrUnsupported)
	for _, f := range []Format{Table, JSON, Markdown} {
		assert.ErrorContains(t, RenderControlView(&b, nil, f, Options{}), "no control view", f)
	}
}

func TestControlViewTable(t *testing.T) {
	v, _ := showInput(t, "show-8.16")
	s := string(render(t, func(b *bytes.Buffer) error { return ControlViewTable(b, v, Options{Width: 100}) }))
	assertFits(t, s, 100)
	assert.True(t, strings.HasPrefix(s, "iso27002:2022/8.16  Monitoring activities\n\n"+
		"Framework:   ISO/IEC 27002:2022 (iso27002:2022)\n"+
		"ID:          8.16\n"+
		"Kind:        control\n"+
		"Parents:     8 Technological controls\n"+
		"Also:        iso27001:2022/A.8.16\n"), s)
	// 7 published and 3 derived relations, each group under its framework's name.
	assert.Contains(t, s, "\nMappings (7 published, 3 derived — leads, not evidence), read \"8.16 RELATIONSHIP target\":\n")
	assert.Contains(t, s, "\n  NIST Cybersecurity Framework 2.0 (nist-csf:2.0), source nist-cprt-csf-2.0-iso27001-2022:\n")
	assert.Contains(t, s, "\n  ISO/IEC 27001:2022 (iso27001:2022), derived through a third framework:\n"+
		"  RELATIONSHIP  ID     TITLE                                                 VIA\n"+
		"  related       9.1    Monitoring, measurement, analysis and evaluation      nist-csf:2.0/DE.CM\n"+
		"                       [note: 1 route]\n")
	assert.NotContains(t, s, "Source statements")
}

func TestControlViewRelationGroups(t *testing.T) {
	// A fictional control with two sources for one framework: the table gets a
	// source column instead of naming the source in the heading.
	v := &ControlView{Ref: "acme:1/AC-1", Framework: "acme:1", FrameworkName: "ACME", ID: "AC-1", Title: "Access", Kind: "control",
		Mappings: []RelationView{
			{Ref: "iso27002:2022/5.15", Framework: "iso27002:2022", ID: "5.15", Title: "Access control", Relationship: "subset-of", Source: "a", Label: "partial"},
			{Ref: "iso27002:2022/5.18", Framework: "iso27002:2022", ID: "5.18", Title: "Access rights", Relationship: "related", Source: "b", Inverse: true},
		},
		Statements: []StatementView{{Kind: "no-reference", Target: "clauses", Note: "none printed"}},
	}
	s := string(render(t, func(b *bytes.Buffer) error { return ControlViewTable(b, v, Options{Width: 80}) }))
	assert.Equal(t, "acme:1/AC-1  Access\n\n"+
		"Framework:   ACME (acme:1)\n"+
		"ID:          AC-1\n"+
		"Kind:        control\n"+
		"\n"+
		"Mappings (2), read \"AC-1 RELATIONSHIP target\":\n"+
		"\n"+
		"  ISO/IEC 27002:2022 (iso27002:2022):\n"+
		"  RELATIONSHIP  ID    TITLE                     SOURCE\n"+
		"  subset-of     5.15  Access control [partial]  a\n"+
		"  related       5.18  Access rights             b\n"+
		"\n"+
		"Source statements:\n"+
		"  - no-reference (clauses): none printed\n", s)

	v.Mappings = nil
	s = string(render(t, func(b *bytes.Buffer) error { return ControlViewTable(b, v, Options{Width: 80}) }))
	assert.Contains(t, s, "\nMappings: none\n")
}

func TestControlViewHostile(t *testing.T) {
	v := &ControlView{Ref: "evil:1/E", Framework: "evil:1", FrameworkName: "Evil | fw", ID: "E", Title: "Title | with\npipe",
		Kind: "domain", Summary: "a *summary* \x1b[2J",
		Children: []NodeView{{Ref: "evil:1/E-1", ID: "E-1", Title: "child\nwith \x1b[31m escape", Kind: "control"}}}
	s := string(render(t, func(b *bytes.Buffer) error { return ControlViewTable(b, v, Options{Width: 60}) }))
	assert.Contains(t, s, "  E-1  child with \\x1b[31m escape  control\n", "table cells are escaped and one line")
	// The heading and the fields too: a catalog's text cannot reach the terminal
	// as a control sequence.
	assert.NotContains(t, s, "\x1b")
	assert.True(t, strings.HasPrefix(s, "evil:1/E  Title | with pipe\n\nFramework:   Evil | fw (evil:1)\n"), s)
	assert.Contains(t, s, "\nSummary:     a *summary* \\x1b[2J\n")
	md := string(render(t, func(b *bytes.Buffer) error { return ControlViewMarkdown(b, v) }))
	assert.NotContains(t, md, "\x1b")
	assert.True(t, strings.HasPrefix(md, "# evil:1/E Title \\| with pipe\n\n- **Framework:** Evil \\| fw (`evil:1`)\n"), md)
	assert.Contains(t, md, "| E-1 | child with \\x1b[31m escape | control |\n")
}
