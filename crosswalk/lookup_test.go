package crosswalk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// TestLookup: what a person types resolves to one control of the crosswalk's catalog,
// with its title from the reference files, by the rules of catalog.ParseRef; the
// package-level Lookup is the default crosswalk's.
func TestLookup(t *testing.T) {
	cw := Default()
	for _, c := range []struct {
		in    string
		in2   []catalog.FrameworkID
		want  catalog.Ref
		title string
	}{
		{in: "5.1", in2: []catalog.FrameworkID{catalog.ISO27002v2022}, want: iso("5.1"), title: "Policies for information security"},
		{in: "iso27002:2022/8.16", want: iso("8.16"), title: "Monitoring activities"},
		{in: "gv.oc-1", want: catalog.NewRef(catalog.CSF20, "GV.OC-01")},
		{in: "ID.AM-1", want: catalog.NewRef(catalog.CSF11, "ID.AM-1")},
		{in: "8.8", in2: []catalog.FrameworkID{catalog.ISO27002v2022}, want: iso("8.8"), title: "Management of technical vulnerabilities"},
	} {
		got, err := cw.Lookup(c.in, c.in2...)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got.Ref, c.in)
		if c.title != "" {
			assert.Equal(t, c.title, got.Title, c.in)
		}
		pkg, err := Lookup(c.in, c.in2...)
		require.NoError(t, err, c.in)
		assert.Equal(t, got, pkg, c.in)
	}
	// "5.1" is both ISO/IEC 27001's clause and ISO/IEC 27002's control: not guessed.
	for in, kind := range map[string]error{"5.1": catalog.ErrAmbiguous, "": catalog.ErrSyntax, "9.99": catalog.ErrNotFound, "foo:1/5.1": catalog.ErrUnknownFramework} {
		_, err := cw.Lookup(in)
		assert.ErrorIs(t, err, kind, "%q", in)
	}
	// A synthetic crosswalk looks up in its own catalog only.
	s := synth(t)
	got, err := s.Lookup("B3")
	require.NoError(t, err)
	assert.Equal(t, ref(fwBase, "B3"), got.Ref)
	_, err = s.Lookup("5.1")
	assert.ErrorIs(t, err, catalog.ErrNotFound)
}
