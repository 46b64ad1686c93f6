package catalog

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
)

// dataFiles reads the framework JSON files under data/ that the generator writes
// beside the Go tables (the CIS ones only when this build embeds CIS), each strictly
// with ReadJSON, the summaries file folded into its framework. It returns them by ID
// and in file order.
func dataFiles(t *testing.T) map[FrameworkID]Framework {
	t.Helper()
	out := map[FrameworkID]Framework{}
	names, err := filepath.Glob("data/*.json")
	require.NoError(t, err)
	if HasCIS() {
		cis, err := filepath.Glob("data/cis/*.json")
		require.NoError(t, err)
		names = append(names, cis...)
	}
	var apart []string
	for _, name := range names {
		if strings.HasSuffix(name, ".summaries.json") {
			apart = append(apart, name)
			continue
		}
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		fws, err := ReadJSON(name, b)
		require.NoError(t, err, name)
		// The lenient decoder Default used to read them with agrees.
		fast, err := readJSON(name, b, true)
		require.NoError(t, err, name)
		require.Equal(t, fws, fast, name)
		for _, f := range fws {
			out[f.ID] = f
		}
	}
	for _, name := range apart {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		var ws wire.Summaries
		require.NoError(t, codec.DecodeStrict(b, &ws), name)
		f, ok := out[FrameworkID(ws.Framework)]
		require.True(t, ok, "%s: no framework %s", name, ws.Framework)
		for _, s := range ws.Summaries {
			i := slices.IndexFunc(f.Controls, func(c ControlSpec) bool { return c.ID == s.ID })
			require.GreaterOrEqual(t, i, 0, "%s: no control %s", name, s.ID)
			require.Empty(t, f.Controls[i].Summary, "%s: %s has a summary in both files", name, s.ID)
			f.Controls[i].Summary = s.Text
		}
	}
	return out
}

// TestEmbeddedTablesEqualJSON: the generated Go tables hold exactly the frameworks of
// the JSON files the generator writes from the same data (and which
// internal/gen's tests compare with the reference): same frameworks, every control,
// title, kind, parent, summary and attribute, in the same order.
func TestEmbeddedTablesEqualJSON(t *testing.T) {
	files := dataFiles(t)
	emb := Embedded()
	var ids []FrameworkID
	for _, f := range emb {
		ids = append(ids, f.ID)
		want, ok := files[f.ID]
		if assert.True(t, ok, "%s has a table but no JSON file", f.ID) {
			assert.Equal(t, want, f, f.ID)
		}
	}
	assert.Len(t, files, len(emb), "JSON files without a table")
	want := []FrameworkID{ISO27002v2022, ISO27001v2022, ISO27002v2013, CSF20, CSF11, NIS2v2024, SP80053v5}
	if HasCIS() {
		want = append(want, CIS8, CIS81)
	}
	assert.Equal(t, want, ids, "catalog order")
}

// TestEmbeddedPassesStrictChecks: Default trusts the tables and checks nothing; New
// checks everything, so embedded data that would fail its checks cannot ship. The
// catalog New builds answers as Default does.
func TestEmbeddedPassesStrictChecks(t *testing.T) {
	c, err := New(Embedded()...)
	require.NoError(t, err)
	d := Default()
	assert.Equal(t, slices.Collect(c.Frameworks()), slices.Collect(d.Frameworks()))
	// Default's SP 800-53 controls leave their statements to Summary.
	var all []Control
	for ctl := range d.All() {
		ctl.Summary, _ = d.Summary(ctl.Ref)
		all = append(all, ctl)
	}
	assert.Equal(t, slices.Collect(c.All()), all)
	assert.Equal(t, c.names, d.names)
	assert.Equal(t, c.families, d.families)
}

// TestSummariesKeptApart: SP 800-53's statements are not its controls' summaries
// (they would weigh on every copy of a control) nor in the string table queries read,
// but Summary, Spec and Embedded give them.
func TestSummariesKeptApart(t *testing.T) {
	c := Default()
	r := NewRef(SP80053v5, "AC-2(1)")
	ctl, ok := c.Control(r)
	require.True(t, ok)
	assert.Empty(t, ctl.Summary)
	s, ok := c.Summary(r)
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(s, "Support the management of system accounts using"), s)
	// The statements are a string table of their own: the framework's table, which
	// indexing and every other query read, does not carry them.
	require.NotNil(t, tableSP80053v5.apart)
	assert.NotContains(t, tableSP80053v5.strs, s)
	assert.Contains(t, tableSP80053v5.apart.strs, s)
	assert.Greater(t, len(tableSP80053v5.apart.strs), 2*len(tableSP80053v5.strs), "most of SP 800-53's text is its statements")
	spec, _ := c.Spec(SP80053v5)
	i := slices.IndexFunc(spec.Controls, func(x ControlSpec) bool { return x.ID == "AC-2(1)" })
	assert.Equal(t, s, spec.Controls[i].Summary)
	if s, ok := c.Summary(NewRef(ISO27002v2022, "5.1")); !ok || s != "" {
		t.Fatalf("Summary of an ISO control: %v %q", ok, s)
	}
	if _, ok := c.Summary(NewRef(SP80053v5, "XX-1")); ok {
		t.Fatal("Summary of a control that does not exist")
	}
}

// indexed returns the frameworks of c whose index has been built.
func indexed(c *Catalog) []FrameworkID {
	var out []FrameworkID
	for _, d := range c.fws {
		if d.table == nil || d.ix != nil {
			out = append(out, d.info.ID)
		}
	}
	return out
}

// TestIndexBuiltOnFirstQuery: a catalog of the tables indexes no framework until a
// query touches it, and then only that one.
func TestIndexBuiltOnFirstQuery(t *testing.T) {
	c := fromTables(embeddedTables())
	assert.Empty(t, indexed(c))
	_ = slices.Collect(c.Frameworks())
	_, _ = c.Framework(SP80053v5)
	assert.Equal(t, 1209, c.Len(SP80053v5))
	assert.Equal(t, 1189, c.Len(SP80053v5, KindControl, KindEnhancement))
	_, _ = c.ResolveFramework("800-53")
	assert.Empty(t, indexed(c), "listing, counting and resolving names index nothing")

	_, ok := c.Control(NewRef(ISO27002v2022, "5.1"))
	require.True(t, ok)
	assert.Equal(t, []FrameworkID{ISO27002v2022}, indexed(c))
	// An Annex A spelling indexes the framework named and its annex.
	_, ok = c.Control(NewRef(ISO27001v2022, "A.8.16"))
	require.True(t, ok)
	assert.Equal(t, []FrameworkID{ISO27002v2022, ISO27001v2022}, indexed(c))
	r, err := c.ParseRef("sp800-53:5/ac-2.1")
	require.NoError(t, err)
	assert.Equal(t, NewRef(SP80053v5, "AC-2(1)"), r)
	assert.Equal(t, []FrameworkID{ISO27002v2022, ISO27001v2022, SP80053v5}, indexed(c))
}

// TestIndexConcurrentFirstUse: readers that all touch fresh frameworks at once (run
// with -race) see the same answers as one reader alone.
func TestIndexConcurrentFirstUse(t *testing.T) {
	want := Default()
	queries := []func(c *Catalog) any{
		func(c *Catalog) any { return slices.Collect(c.All()) },
		func(c *Catalog) any { r, err := c.ParseRef("GV.OC-01"); return []any{r, err} },
		func(c *Catalog) any { return slices.Collect(c.Children(NewRef(SP80053v5, "AC-2"))) },
		func(c *Catalog) any { return slices.Collect(c.Ancestors(NewRef(NIS2v2024, "1.1.1"))) },
		func(c *Catalog) any { s, _ := c.Summary(NewRef(SP80053v5, "SI-4")); return s },
		func(c *Catalog) any { x, _ := c.Control(NewRef(ISO27001v2022, "A.5.1")); return x },
	}
	for round := range 4 {
		c := fromTables(embeddedTables())
		got := make([]any, len(queries)*2)
		var wg sync.WaitGroup
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				runtime.Gosched()
				got[i] = queries[(i+round)%len(queries)](c)
			}()
		}
		wg.Wait()
		for i, g := range got {
			assert.Equal(t, queries[(i+round)%len(queries)](want), g, "round %d query %d", round, i)
		}
	}
}

// TestFirstUseAllocationBudget: making the embedded catalog allocates a fixed, small
// amount that does not grow with the frameworks' controls (their name indexes only:
// about 17 allocations per framework, 153 for the nine),
// and indexing a framework allocates per framework, not per control: SP 800-53, with
// 1189 controls, takes no more allocations than a framework of ten.
func TestFirstUseAllocationBudget(t *testing.T) {
	ts := embeddedTables()
	allocs := testing.AllocsPerRun(20, func() { fromTables(ts) })
	t.Logf("fromTables: %.0f allocations", allocs)
	assert.LessOrEqual(t, allocs, 170.0, "making the catalog of the tables")
	for _, tb := range ts {
		a := testing.AllocsPerRun(5, func() { tb.index() })
		t.Logf("%s (%d controls): %.0f allocations", tb.info.ID, len(tb.rows), a)
		assert.LessOrEqual(t, a, 40.0, "indexing %s", tb.info.ID)
	}
}

// TestIndexKeys: a framework whose IDs are all their own normalised form needs one
// map for both look-ups; one with IDs to normalise (CSF 2.0's leading zeros, the
// 2013 controls' "A.") finds them by the normalised form; IDs that normalise alike
// ("01" and "1") share their key, in document order.
func TestIndexKeys(t *testing.T) {
	iso := tableISO27002v2022.index()
	assert.Equal(t, reflect.ValueOf(iso.pos).Pointer(), reflect.ValueOf(iso.keys).Pointer(), "one map")
	assert.Equal(t, []int32{1}, iso.keyed("5.1"))

	csf := tableCSF20.index()
	assert.NotEqual(t, reflect.ValueOf(csf.pos).Pointer(), reflect.ValueOf(csf.keys).Pointer())
	got := csf.keyed("GV.OC-1")
	require.Len(t, got, 1)
	assert.Equal(t, "GV.OC-01", csf.controls[got[0]].Ref.ID)
	assert.Nil(t, csf.keyed("GV.OC-01"), "keys hold normalised IDs only")

	iso13 := tableISO27002v2013.index()
	got = iso13.keyed("5.1.1")
	require.Len(t, got, 1)
	assert.Equal(t, "A.5.1.1", iso13.controls[got[0]].Ref.ID)

	c, err := New(Framework{ID: "x:1", Name: "X", Version: "1", Controls: []ControlSpec{
		{ID: "1", Title: "One"}, {ID: "01", Title: "Zero one"}, {ID: "2", Title: "Two"}, {ID: "001", Title: "Zero zero one"},
	}})
	require.NoError(t, err)
	ix := c.byID["x:1"].index()
	assert.Equal(t, []int32{0, 1, 3}, ix.keyed("1"))
	assert.Equal(t, []int32{2}, ix.keyed("2"))
	i, ok := ix.lookup("01")
	assert.True(t, ok)
	assert.Equal(t, 1, i)
}
