package catalog_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

func ExampleCatalog_Aliases() {
	cat := catalog.Default()
	fmt.Println(cat.Aliases(catalog.NewRef(catalog.ISO27002v2022, "5.1")))
	fmt.Println(cat.Aliases(catalog.NewRef(catalog.ISO27001v2022, "A.5.1")))
	fmt.Println(cat.Aliases(catalog.NewRef(catalog.CSF20, "GV.OC-01")))
	// Output:
	// [iso27001:2022/A.5.1]
	// [iso27002:2022/5.1]
	// []
}

func TestAnnexID(t *testing.T) {
	assert.Equal(t, "A.5.1", catalog.AnnexID("5.1"))
	for in, want := range map[string]string{"A.5.1": "5.1", "a.8.16": "8.16", "A.12.4.1": "12.4.1"} {
		got, ok := catalog.CutAnnexID(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"5.1", "A.", "A", "", "AC-1", "GV.OC-01", "B.5.1"} {
		got, ok := catalog.CutAnnexID(in)
		assert.False(t, ok, in)
		assert.Empty(t, got, in)
	}
}

// Every ISO/IEC 27002:2022 control has exactly one other name, its Annex A spelling
// in ISO/IEC 27001:2022, and that spelling names it back.
func TestAliasesISOAnnexA(t *testing.T) {
	cat := catalog.Default()
	n := 0
	for c := range cat.Controls(catalog.ISO27002v2022) {
		al := cat.Aliases(c.Ref)
		if c.Kind == catalog.KindTheme {
			// A theme is an Annex A heading too: the rule is the framework's, not the kind's.
			require.Len(t, al, 1, c.Ref)
			continue
		}
		n++
		require.Equal(t, []catalog.Ref{catalog.NewRef(catalog.ISO27001v2022, "A."+c.Ref.ID)}, al, c.Ref)
		assert.Equal(t, []catalog.Ref{c.Ref}, cat.Aliases(al[0]), al[0])
		canon, ok := cat.Canonical(al[0])
		assert.True(t, ok)
		assert.Equal(t, c.Ref, canon)
	}
	assert.Equal(t, 93, n)
	// A clause of ISO/IEC 27001 is its own and has no other name.
	assert.Empty(t, cat.Aliases(catalog.NewRef(catalog.ISO27001v2022, "6.1.2")))
	// The 2013 controls are no framework's annex here.
	assert.Empty(t, cat.Aliases(catalog.NewRef(catalog.ISO27002v2013, "12.4.1")))
	// Unknown refs have no aliases.
	assert.Nil(t, cat.Aliases(catalog.NewRef(catalog.ISO27002v2022, "9.9")))
	assert.Nil(t, cat.Aliases(catalog.NewRef(catalog.ISO27001v2022, "A.9.9")))
	assert.Nil(t, cat.Aliases(catalog.NewRef("nope:1", "5.1")))
}

// A user catalog with two frameworks carrying the same annex: each names the control.
func TestAliasesTwoCarriers(t *testing.T) {
	ctl := catalog.Framework{ID: "ctl:1", Name: "controls", Version: "1", Controls: []catalog.ControlSpec{{ID: "1", Title: "one"}}}
	a := catalog.Framework{ID: "isms:1", Name: "isms 1", Version: "1", AnnexOf: "ctl:1", Controls: []catalog.ControlSpec{{ID: "4", Title: "context"}}}
	b := catalog.Framework{ID: "isms:2", Name: "isms 2", Version: "2", AnnexOf: "ctl:1", Controls: []catalog.ControlSpec{{ID: "4", Title: "context"}}}
	cat, err := catalog.New(ctl, a, b)
	require.NoError(t, err)
	assert.Equal(t, []catalog.Ref{catalog.NewRef("isms:1", "A.1"), catalog.NewRef("isms:2", "A.1")}, cat.Aliases(catalog.NewRef("ctl:1", "1")))
	assert.Equal(t, []catalog.Ref{catalog.NewRef("ctl:1", "1"), catalog.NewRef("isms:2", "A.1")}, cat.Aliases(catalog.NewRef("isms:1", "A.1")))
	// Returned slices are fresh: changing one changes no later answer.
	al := cat.Aliases(catalog.NewRef("ctl:1", "1"))
	al[0] = catalog.Ref{}
	assert.Equal(t, catalog.NewRef("isms:1", "A.1"), cat.Aliases(catalog.NewRef("ctl:1", "1"))[0])
}

func ExampleAnnexID() {
	fmt.Println(catalog.AnnexID("5.1"))
	id, ok := catalog.CutAnnexID("a.8.16")
	fmt.Println(id, ok)
	_, ok = catalog.CutAnnexID("GV.OC-01")
	fmt.Println(ok)
	// Output:
	// A.5.1
	// 8.16 true
	// false
}
