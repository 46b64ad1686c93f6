package oscal

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogDoc wraps groups (a JSON array) in a valid OSCAL 1.1.2 catalog.
func catalogDoc(groups string) []byte {
	return []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
	  "metadata": {"title": "Test Catalog", "version": "2", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"},
	  "groups": ` + groups + `}}`)
}

// specByID returns the imported node with id, or fails.
func specByID(t *testing.T, f catalog.Framework, id string) catalog.ControlSpec {
	t.Helper()
	for _, s := range f.Controls {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no node %q among %d", id, len(f.Controls))
	return catalog.ControlSpec{}
}

// Each place a field outside the OSCAL model can stand: the lenient import lists
// its JSON path (sorted within one object, in document order across objects) and
// reads the rest; the strict import refuses the document, naming the path.
func TestImportCatalogUnknownFieldsEverywhere(t *testing.T) {
	doc := []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", "x-catalog": 1,
	  "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z",
	    "x-meta": true, "parties": [{"uuid": "p", "name": "N", "x-party": 1}], "responsible-parties": [{"role-id": "creator", "party-uuids": ["p"], "x-rp": 1}]},
	  "groups": [{"id": "g", "title": "G", "z-group": 1, "a-group": 2,
	    "controls": [{"id": "c-1", "title": "C", "x-control": [],
	      "props": [{"name": "p", "value": "v", "x-prop": "?"}],
	      "parts": [{"name": "statement", "prose": "Do it.", "x-part": {}, "parts": [{"name": "item", "prose": "sub", "x-sub": 1}]}]}]}],
	  "back-matter": {"resources": [{"uuid": "r", "x-resource": 1}], "x-bm": 1}}}`)
	f, rep, err := ImportCatalog("u.json", doc)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"catalog.x-catalog",
		"catalog.metadata.x-meta",
		"catalog.metadata.parties[0].x-party",
		"catalog.metadata.responsible-parties[0].x-rp",
		"catalog.back-matter.x-bm",
		"catalog.back-matter.resources[0].x-resource",
		"catalog.groups[0].a-group",
		"catalog.groups[0].z-group",
		"catalog.groups[0].controls[0].x-control",
		"catalog.groups[0].controls[0].props[0].x-prop",
		"catalog.groups[0].controls[0].parts[0].x-part",
		"catalog.groups[0].controls[0].parts[0].parts[0].x-sub",
	}, rep.Unknown)
	c := specByID(t, f, "c-1")
	assert.Equal(t, "Do it.\nsub", c.Summary)
	assert.Equal(t, []string{"v"}, c.Attributes["p"])
	assert.Equal(t, "N", f.Publisher, "the creator, for want of a publisher")
	assert.Contains(t, rep.Summary(), ", 12 field(s) outside the OSCAL model ignored")

	_, _, err = ImportCatalog("u.json", doc, WithStrict())
	require.ErrorIs(t, err, ErrUnknownField)
	errs := errorsOf(err)
	assert.Len(t, errs, 12, "every unknown field is an error of its own")
	var first *catalog.DataError
	require.True(t, errors.As(errs[0], &first))
	assert.Equal(t, catalog.DataError{File: "u.json", Record: "catalog.x-catalog", Err: ErrUnknownField}, *first)
}

// Strict mode adds no other refusal: a document without unknown fields imports
// the same with and without it.
func TestImportCatalogStrictSameWhenClean(t *testing.T) {
	doc := catalogDoc(`[{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C", "props": [{"name": "status", "value": "withdrawn"}]}]}]`)
	lenient, lrep, err := ImportCatalog("c.json", doc)
	require.NoError(t, err)
	strict, srep, err := ImportCatalog("c.json", doc, WithStrict())
	require.NoError(t, err)
	assert.Equal(t, lenient, strict)
	assert.Equal(t, lrep, srep)
	assert.Empty(t, srep.Unknown)
}

// A node's text: the statement, its items prefixed by their labels on their own
// lines; lacking a statement, the overview; a title that only repeats the id
// takes the statement; other parts are counted, not read.
func TestImportCatalogStatements(t *testing.T) {
	f, rep, err := ImportCatalog("s.json", catalogDoc(`[{"id": "g", "title": "G",
	  "parts": [{"name": "overview", "prose": "  About the group.  "}],
	  "controls": [
	    {"id": "c-1", "title": "One", "parts": [
	      {"name": "guidance", "prose": "not kept"},
	      {"name": "statement", "prose": "Lead:", "parts": [
	        {"name": "item", "props": [{"name": "label", "value": "a."}], "prose": "first;", "parts": [
	          {"name": "item", "props": [{"name": "label", "value": "1."}], "prose": "deep"}]},
	        {"name": "item", "prose": "unlabelled"}]},
	      {"name": "statement", "prose": "a second statement is just a part"}]},
	    {"id": "c-2", "title": "c-2", "parts": [{"name": "statement", "prose": "The statement is the title."}]},
	    {"id": "c-3", "title": "Three", "parts": [{"name": "overview", "prose": "overview"}, {"name": "statement", "prose": "statement wins"}]}]}]`))
	require.NoError(t, err)
	assert.Equal(t, "About the group.", specByID(t, f, "g").Summary)
	assert.Equal(t, "Lead:\na. first;\n1. deep\nunlabelled", specByID(t, f, "c-1").Summary)
	c2 := specByID(t, f, "c-2")
	assert.Equal(t, "The statement is the title.", c2.Title)
	assert.Empty(t, c2.Summary)
	assert.Equal(t, "statement wins", specByID(t, f, "c-3").Summary)
	// Counted: c-1's guidance and second statement, c-3's overview; the group's
	// overview stands in for a statement and is not.
	assert.Equal(t, 3, rep.Parts)
	assert.Contains(t, rep.Warnings(), "ignored 3 part(s) other than statements")
}

// Kinds come from classes when they are kinds; otherwise a group is "group", a
// control "control", a control in a control "enhancement", each with a note.
// Groups without an id are numbered.
func TestImportCatalogKindsAndGroupIDs(t *testing.T) {
	f, rep, err := ImportCatalog("k.json", catalogDoc(`[
	  {"title": "No id", "class": "family", "controls": [
	    {"id": "c-1", "title": "C", "class": "Base Control", "controls": [{"id": "c-1.1", "title": "E", "class": "SP800-53-enhancement"}]},
	    {"id": "c-2", "title": "C2"}]},
	  {"title": "No id either", "class": "Family!", "groups": [{"id": "sub", "title": "S", "controls": [{"id": "c-3", "title": "C3", "class": "practice"}]}]}]`))
	require.NoError(t, err)
	kinds := map[string]catalog.Kind{}
	parents := map[string]string{}
	for _, s := range f.Controls {
		kinds[s.ID], parents[s.ID] = s.Kind, s.Parent
	}
	assert.Equal(t, map[string]catalog.Kind{
		"group-1": "family", "c-1": "control", "c-1.1": "enhancement", "c-2": "control",
		"group-2": "group", "sub": "group", "c-3": "practice",
	}, kinds)
	assert.Equal(t, map[string]string{
		"group-1": "", "c-1": "group-1", "c-1.1": "c-1", "c-2": "group-1", "group-2": "", "sub": "group-2", "c-3": "sub",
	}, parents)
	assert.Equal(t, []catalog.Kind{"control", "enhancement", "practice"}, f.ItemKinds, "controls at every depth are items, groups are not")
	assert.Equal(t, []string{
		`class "Base Control" is not a kind (lower-case letters, '-' and '_'): read as "control" (1 node(s))`,
		`class "Family!" is not a kind (lower-case letters, '-' and '_'): read as "group" (1 node(s))`,
		`class "SP800-53-enhancement" is not a kind (lower-case letters, '-' and '_'): read as "enhancement" (1 node(s))`,
		"2 group(s) without an id were given the IDs group-1, group-2, ...",
	}, rep.Notes)
	assert.Equal(t, []catalog.KindCount{{Kind: "family", Count: 1}, {Kind: "control", Count: 2}, {Kind: "enhancement", Count: 1},
		{Kind: "group", Count: 2}, {Kind: "practice", Count: 1}}, rep.Imported)
}

// Props become attributes (but OSCAL's sort-id and status, and empty values);
// labels go to AttrLabel, plain first, each spelling once; links and params are
// counted.
func TestImportCatalogPropsLabelsCounts(t *testing.T) {
	f, rep, err := ImportCatalog("p.json", catalogDoc(`[{"id": "g", "title": "G", "params": [{"id": "g_prm"}], "controls": [
	  {"id": "ac-2.1", "title": "E", "links": [{"href": "#x", "rel": "related"}, {"href": "#y"}], "params": [{"id": "p1"}, {"id": "p2"}],
	   "props": [
	     {"name": "label", "value": "AC-02(01)", "class": "zero-padded"},
	     {"name": "label", "value": "AC-2(1)"},
	     {"name": "label", "value": "AC-2(1)", "ns": "http://csrc.nist.gov/ns/oscal"},
	     {"name": "sort-id", "value": "ac-02.01"},
	     {"name": "status", "value": "active"},
	     {"name": "implementation-level", "value": "organization"},
	     {"name": "implementation-level", "value": "system"},
	     {"name": "blank", "value": "  "}]}]}]`))
	require.NoError(t, err)
	c := specByID(t, f, "ac-2.1")
	assert.Equal(t, map[string][]string{
		AttrLabel:              {"AC-2(1)", "AC-02(01)"},
		"implementation-level": {"organization", "system"},
	}, c.Attributes)
	assert.Equal(t, 3, rep.Params)
	assert.Equal(t, 2, rep.Links)
	assert.Contains(t, rep.Warnings(), "ignored 2 link(s)")
}

// A withdrawn control is kept, marked, and points where it went; its descendants
// are marked as under it; the report lists all of them in document order.
func TestImportCatalogWithdrawnSubtree(t *testing.T) {
	f, rep, err := ImportCatalog("w.json", catalogDoc(`[{"id": "g", "title": "G", "controls": [
	  {"id": "c-1", "title": "Gone", "props": [{"name": "status", "value": "Withdrawn"}],
	   "links": [{"href": "#c-2", "rel": "incorporated-into"}, {"href": "#c-3", "rel": "moved-to"}, {"href": "#c-2", "rel": "moved-to"}, {"href": "#c-9", "rel": "related"}, {"href": "c-4", "rel": "moved-to"}],
	   "controls": [{"id": "c-1.1", "title": "Gone too", "controls": [{"id": "c-1.1.1", "title": "Deep"}]}]},
	  {"id": "c-2", "title": "Here"}, {"id": "c-3", "title": "Here too"}]}]`))
	require.NoError(t, err)
	gone := specByID(t, f, "c-1")
	assert.Equal(t, []string{catalog.StatusWithdrawn}, gone.Attributes[catalog.AttrStatus])
	assert.Equal(t, []string{"c-2", "c-3"}, gone.Attributes[catalog.AttrIncorporatedInto])
	for _, id := range []string{"c-1.1", "c-1.1.1"} {
		assert.Equal(t, []string{catalog.StatusWithdrawn}, specByID(t, f, id).Attributes[catalog.AttrStatus], id)
	}
	assert.Empty(t, specByID(t, f, "c-2").Attributes)
	assert.Equal(t, []Skipped{
		{Path: "catalog.groups[0].controls[0]", ID: "c-1", Kind: "control", Reason: "withdrawn"},
		{Path: "catalog.groups[0].controls[0].controls[0]", ID: "c-1.1", Kind: "enhancement", Reason: "under withdrawn c-1"},
		{Path: "catalog.groups[0].controls[0].controls[0].controls[0]", ID: "c-1.1.1", Kind: "enhancement", Reason: "under withdrawn c-1"},
	}, rep.Withdrawn)
	assert.Equal(t, 1, rep.WithdrawnCount("control"))
	assert.Equal(t, 2, rep.WithdrawnCount("enhancement"))
	assert.Equal(t, 3, rep.WithdrawnCount(""))
	assert.Equal(t, "w.json: OSCAL catalog, framework test-catalog:2 with 6 node(s) (3 withdrawn); 3 warning(s)", rep.Summary())
	assert.Equal(t, []string{
		"1 withdrawn control node(s) kept and marked withdrawn (never gap items)",
		"2 withdrawn enhancement node(s) kept and marked withdrawn (never gap items)",
		"ignored 5 link(s)",
	}, rep.Warnings())
}

// Statements render the catalog's params; inserts of params no one defines are
// rendered by id and listed in a note.
func TestImportCatalogParamsNote(t *testing.T) {
	f, rep, err := ImportCatalog("m.json", catalogDoc(`[{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C",
	  "params": [{"id": "c-1_prm_1", "label": "frequency"}],
	  "parts": [{"name": "statement", "prose": "Review {{ insert: param, c-1_prm_1 }} by {{ insert: param, f }}{{ insert: param, e }}{{ insert: param, d }}{{ insert: param, c }}{{ insert: param, b }}{{ insert: param, a }}{{ insert: param, a }}."}]}]}]`))
	require.NoError(t, err)
	assert.Equal(t, "Review [Assignment: frequency] by [Assignment: f][Assignment: e][Assignment: d][Assignment: c][Assignment: b][Assignment: a][Assignment: a].", specByID(t, f, "c-1").Summary)
	assert.Equal(t, []string{"6 parameter(s) inserted in statements but not defined, rendered as [Assignment: ID]: a, b, c, d, e, and 1 more"}, rep.Notes)
}

// Errors name the file, the JSON path and the value, for each kind of problem in a
// catalog's nodes.
func TestImportCatalogNodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, groups string
		want         catalog.DataError
	}{
		{"control without id", `[{"id": "g", "title": "G", "controls": [{"title": "C"}]}]`,
			catalog.DataError{Record: "catalog.groups[0].controls[0].id", Err: ErrMissing}},
		{"blank title", `[{"id": "g", "title": "  "}]`,
			catalog.DataError{Record: "catalog.groups[0].title", Value: "  ", Err: ErrMissing}},
		{"id of the wrong type", `[{"id": 7, "title": "G"}]`,
			catalog.DataError{Record: "catalog.groups[0].id", Err: ErrType}},
		{"node not an object", `[{"id": "g", "title": "G", "controls": ["c-1"]}]`,
			catalog.DataError{Record: "catalog.groups[0].controls[0]", Err: ErrType}},
		{"controls not an array", `[{"id": "g", "title": "G", "controls": {"id": "c"}}]`,
			catalog.DataError{Record: "catalog.groups[0].controls", Err: ErrType}},
		{"part without name", `[{"id": "g", "title": "G", "parts": [{"prose": "x"}]}]`,
			catalog.DataError{Record: "catalog.groups[0].parts[0].name", Err: ErrMissing}},
		{"prop without name", `[{"id": "g", "title": "G", "props": [{"value": "x"}]}]`,
			catalog.DataError{Record: "catalog.groups[0].props[0].name", Err: ErrMissing}},
		{"id twice", `[{"id": "g", "title": "G"}, {"id": "g", "title": "G again"}]`,
			catalog.DataError{Record: "catalog.groups[1].id", Value: "g", Err: ErrDuplicate}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ImportCatalog("n.json", catalogDoc(tc.groups))
			require.Error(t, err)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, "n.json", e.File)
			assert.Equal(t, tc.want.Record, e.Record)
			assert.Equal(t, tc.want.Value, e.Value)
			assert.ErrorIs(t, e, tc.want.Err)
		})
	}
}

// A duplicate id names the place of the first one.
func TestImportCatalogDuplicateSaysWhere(t *testing.T) {
	_, _, err := ImportCatalog("d.json", catalogDoc(`[{"id": "g", "title": "G", "controls": [{"id": "x", "title": "X"}]}, {"id": "h", "title": "H", "controls": [{"id": "x", "title": "X"}]}]`))
	require.ErrorIs(t, err, ErrDuplicate)
	assert.Equal(t, `d.json: catalog.groups[1].controls[0].id = "x": duplicate identifier: also at catalog.groups[0].controls[0].id`, err.Error())
}

// Nesting deeper than the bound is an error, not a stack overflow.
func TestImportCatalogTooDeep(t *testing.T) {
	var b strings.Builder
	for i := range maxDepth + 1 {
		fmt.Fprintf(&b, `[{"id": "g%d", "title": "G", "groups": `, i)
	}
	groups := b.String() + "[]" + strings.Repeat("}]", maxDepth+1)
	_, _, err := ImportCatalog("deep.json", catalogDoc(groups))
	require.ErrorIs(t, err, ErrTooDeep)
	assert.Len(t, errorsOf(err), 1)
	parts := strings.Repeat(`[{"name": "item", "parts": `, maxDepth+1) + "[]" + strings.Repeat("}]", maxDepth+1)
	_, _, err = ImportCatalog("deep.json", catalogDoc(`[{"id": "g", "title": "G", "parts": `+parts+`}]`))
	require.ErrorIs(t, err, ErrTooDeep)
}

// Problems beyond the bound are counted, not listed: one line says how many more.
func TestImportCatalogErrorsBounded(t *testing.T) {
	props := strings.TrimSuffix(strings.Repeat(`{"value": "no name"},`, maxErrors+7), ",")
	_, _, err := ImportCatalog("many.json", catalogDoc(`[{"id": "g", "title": "G", "props": [`+props+`]}]`))
	errs := errorsOf(err)
	require.Len(t, errs, maxErrors+1)
	assert.Equal(t, "... and 7 more problems", errs[maxErrors].Error())
	assert.ErrorIs(t, errs[maxErrors-1], ErrMissing)
}

// Once the bound is reached, no further node is read.
func TestImportCatalogStopsWhenFull(t *testing.T) {
	var groups []string
	for i := range maxErrors + 5 {
		groups = append(groups, fmt.Sprintf(`{"id": "g%d", "title": ""}`, i))
	}
	_, _, err := ImportCatalog("full.json", catalogDoc("["+strings.Join(groups, ",")+"]"))
	errs := errorsOf(err)
	require.Len(t, errs, maxErrors, "one error per group until the bound, then no more groups read")
	assert.Contains(t, errs[maxErrors-1].Error(), fmt.Sprintf("catalog.groups[%d].title", maxErrors-1))
}

// What the metadata says becomes the framework's name, version, publisher and
// source; WithFrameworkID replaces the short ID.
func TestImportCatalogIdentity(t *testing.T) {
	doc := []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
	  "metadata": {"title": "ACME Secure Baseline", "version": "v3.1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z",
	    "parties": [{"uuid": "p1", "name": "Author Org"}, {"uuid": "p2", "name": "Publisher Org"}, {"uuid": "p3"}],
	    "responsible-parties": [{"role-id": "author", "party-uuids": ["p1"]}, {"role-id": "publisher", "party-uuids": ["p3", "p2"]}]},
	  "groups": [{"id": "g", "title": "G"}]}}`)
	f, rep, err := ImportCatalog("dir/acme.json", doc)
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("acme:v3.1"), f.ID)
	assert.Equal(t, "ACME Secure Baseline", f.Name)
	assert.Equal(t, "v3.1", f.Version)
	assert.Equal(t, "Publisher Org", f.Publisher, "the first publisher with a name")
	assert.Equal(t, `OSCAL catalog "ACME Secure Baseline", version v3.1 (uuid 5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e), read from acme.json`, f.Source)
	assert.Empty(t, f.Licence)
	assert.Equal(t, "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", rep.UUID)
	assert.Equal(t, "1.1.2", rep.OSCALVersion)
	assert.False(t, rep.Ours)

	f, rep, err = ImportCatalog("acme.json", doc, WithFrameworkID("acme:3"))
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("acme:3"), f.ID)
	assert.Equal(t, catalog.FrameworkID("acme:3"), rep.Framework)
}

// A party uuid that is not a string is an error at its place.
func TestImportCatalogPartyUUIDType(t *testing.T) {
	doc := []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e",
	  "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z",
	    "responsible-parties": [{"role-id": "publisher", "party-uuids": [1]}]}, "groups": [{"id": "g", "title": "G"}]}}`)
	_, _, err := ImportCatalog("p.json", doc)
	require.ErrorIs(t, err, ErrType)
	assert.Contains(t, err.Error(), "catalog.metadata.responsible-parties[0].party-uuids[0]")
}

// Metadata members the model requires are errors when missing.
func TestImportCatalogMetadataRequired(t *testing.T) {
	doc := []byte(`{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", "metadata": {"title": "T"}, "groups": [{"id": "g", "title": "G"}]}}`)
	_, _, err := ImportCatalog("m.json", doc)
	var paths []string
	for _, e := range errorsOf(err) {
		var oe *catalog.DataError
		require.True(t, errors.As(e, &oe))
		assert.ErrorIs(t, oe, ErrMissing)
		paths = append(paths, oe.Record)
	}
	assert.Equal(t, []string{"catalog.metadata.version", "catalog.metadata.oscal-version", "catalog.metadata.last-modified"}, paths)
}

// A byte order mark before the document is read past.
func TestImportCatalogBOM(t *testing.T) {
	f, _, err := ImportCatalog("bom.json", append([]byte("\xef\xbb\xbf"), catalogDoc(`[{"id": "g", "title": "G"}]`)...))
	require.NoError(t, err)
	assert.Len(t, f.Controls, 1)
}

// A syntax error names the file and the line.
func TestImportCatalogSyntaxLine(t *testing.T) {
	_, _, err := ImportCatalog("syn.json", []byte("{\n\"catalog\": {\n\"uuid\": ,\n}}"))
	require.ErrorIs(t, err, ErrSyntax)
	var e *catalog.DataError
	require.True(t, errors.As(err, &e))
	assert.Equal(t, 3, e.Line)
	assert.True(t, strings.HasPrefix(err.Error(), "syn.json:3: "), err.Error())
}

// Labels: OSCAL's label props only, trimmed, each spelling once, the plain (no
// class) ones first.
func TestLabelsOf(t *testing.T) {
	assert.Equal(t, []string{"AC-1", "ac-1", "AC-01"}, labelsOf([]prop{
		{name: "label", value: "AC-01", class: "zero-padded"},
		{name: "label", value: " AC-1 "},
		{name: "label", value: "AC-1", ns: oscalNS},
		{name: "label", value: "ac-1"},
		{name: "label", value: "AC-01", class: "other"},
		{name: "label", value: "  "},
		{name: "label", value: "X", ns: Namespace},
		{name: "sort-id", value: "ac-01"},
	}))
	assert.Empty(t, labelsOf(nil))
}

// Where a withdrawn control went: the "#id" of its incorporated-into and moved-to
// links, in order, once each.
func TestMovedTo(t *testing.T) {
	m := plain(t, `{"links": [{"rel": "moved-to", "href": "#b"}, {"rel": "incorporated-into", "href": "#a"},
	  {"rel": "incorporated-into", "href": "#b"}, {"rel": "related", "href": "#c"}, {"rel": "moved-to", "href": "#"},
	  {"rel": "moved-to", "href": "https://x/#d"}, "junk", {"rel": "moved-to"}]}`).(map[string]any)
	im := &catalogImport{}
	assert.Equal(t, []string{"b", "a"}, im.movedTo(m))
	assert.Empty(t, im.movedTo(map[string]any{}))
}

// A kind is lower-case letters, '-' and '_'.
func TestIsKind(t *testing.T) {
	for k, want := range map[string]bool{"control": true, "sub-category": true, "a_b": true, "": false, "Control": false, "sp800-53": false, "a b": false, "é": false} {
		assert.Equal(t, want, isKind(k), k)
	}
}

func TestAddAttr(t *testing.T) {
	a := addAttr(nil, "x", "1")
	a = addAttr(a, "x", "2")
	a = addAttr(a, "y", "3")
	assert.Equal(t, map[string][]string{"x": {"1", "2"}, "y": {"3"}}, a)
}

// A prop named "label" in a namespace other than OSCAL's is not an OSCAL label: it
// is kept, under its namespace, beside the OSCAL labels (it used to be overwritten
// by them, its value lost without a word).
func TestImportCatalogForeignLabelProp(t *testing.T) {
	doc := catalogDoc(`[{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C", "props": [
	  {"name": "label", "value": "C-1"},
	  {"name": "label", "ns": "https://example.com/ns", "value": "X-1"}]}]}]`)
	f, _, err := ImportCatalog("u.json", doc)
	require.NoError(t, err)
	c := specByID(t, f, "c-1")
	assert.Equal(t, []string{"C-1"}, c.Attributes[AttrLabel])
	assert.Equal(t, []string{"X-1"}, c.Attributes["label (https://example.com/ns)"])
}
