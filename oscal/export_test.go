package oscal

import (
	"errors"
	"testing"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Errors of the framework's own fields, each at its input path with its value.
func TestExportCatalogFrameworkErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*catalog.Framework)
		want catalog.DataError
	}{
		{"ID with a space at the end", func(f *catalog.Framework) { f.ID = "acme:1 " }, catalog.DataError{Record: "id", Value: "acme:1 ", Err: ErrInvalid}},
		{"empty name", func(f *catalog.Framework) { f.Name = "" }, catalog.DataError{Record: "name", Err: ErrNotExpressible}},
		{"two-line name", func(f *catalog.Framework) { f.Name = "a\nb" }, catalog.DataError{Record: "name", Value: "a\nb", Err: ErrNotExpressible}},
		{"padded version", func(f *catalog.Framework) { f.Version = " 1" }, catalog.DataError{Record: "version", Value: " 1", Err: ErrNotExpressible}},
		{"padded alias", func(f *catalog.Framework) { f.Aliases = []string{"ok", "bad "} }, catalog.DataError{Record: "aliases[1]", Value: "bad ", Err: ErrNotExpressible}},
		{"padded item kind", func(f *catalog.Framework) { f.ItemKinds = []catalog.Kind{"\tkind"} }, catalog.DataError{Record: "item-kinds[0]", Value: "\tkind", Err: ErrNotExpressible}},
		{"padded publisher", func(f *catalog.Framework) { f.Publisher = "ACME " }, catalog.DataError{Record: "publisher", Value: "ACME ", Err: ErrNotExpressible}},
		{"control without ID", func(f *catalog.Framework) { f.Controls[3].ID = "" }, catalog.DataError{Record: "controls[3].id", Err: ErrMissing}},
		{"padded control ID", func(f *catalog.Framework) { f.Controls[1].ID = "2 " }, catalog.DataError{Record: "controls[1].id", Value: "2 ", Err: ErrNotExpressible}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := userFramework()
			tc.edit(&f)
			_, err := ExportCatalog(f)
			require.Error(t, err)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.want.Record, e.Record)
			assert.Equal(t, tc.want.Value, e.Value)
			assert.ErrorIs(t, e, tc.want.Err)
			assert.Empty(t, e.File, "an export names no file")
		})
	}
}

// The metadata of an exported catalog says everything about the framework that
// OSCAL has no field for, in the package's namespace, in a fixed order.
func TestCatalogMetadataProps(t *testing.T) {
	var p problems
	f := catalog.Framework{ID: "x:1", Name: "X", Aliases: []string{"a1", "a2"}, AnnexOf: "y:2", QualifiedOnly: true,
		ItemKinds: []catalog.Kind{"control", "enhancement"}, Publisher: "Pub"}
	md := catalogMetadata(f, "2024-01-01T00:00:00Z", &p)
	require.NoError(t, p.err())
	assert.Equal(t, []xProp{
		nsProp(propFrameworkID, "x:1"), nsProp(propVersionUnset, "true"),
		nsProp(propAlias, "a1"), nsProp(propAlias, "a2"),
		nsProp(propAnnexOf, "y:2"), nsProp(propQualifiedOnly, "true"),
		nsProp(propItemKind, "control"), nsProp(propItemKind, "enhancement"),
	}, md.Props)
	assert.Equal(t, catalog.DataVersion, md.Version, "a framework without a version gets the data's")
	assert.Equal(t, "X", md.Title)
	require.Len(t, md.Parties, 1)
	assert.Equal(t, UUID("party/Pub"), md.Parties[0].UUID)
	assert.Equal(t, []xResponsibleParty{{RoleID: "publisher", PartyUUIDs: []string{UUID("party/Pub")}}}, md.ResponsibleParties)

	f.Version, f.Aliases, f.AnnexOf, f.QualifiedOnly, f.ItemKinds, f.Publisher = "3", nil, "", false, nil, ""
	md = catalogMetadata(f, "2024-01-01T00:00:00Z", &p)
	assert.Equal(t, []xProp{nsProp(propFrameworkID, "x:1")}, md.Props)
	assert.Equal(t, "3", md.Version)
	assert.Empty(t, md.Parties)
}

// Source and licence go to back-matter resources and to the remarks.
func TestExportSourceAndLicence(t *testing.T) {
	f := catalog.Framework{ID: "x:1", Source: "Book", Licence: "CC BY 4.0"}
	res := sourceResources(f)
	assert.Equal(t, []xResource{
		{UUID: UUID("source/x:1"), Title: "Source", Props: []xProp{nsProp(propRole, "source")}, Remarks: "Book"},
		{UUID: UUID("licence/x:1"), Title: "Licence", Props: []xProp{nsProp(propRole, "licence")}, Remarks: "CC BY 4.0"},
	}, res)
	assert.Empty(t, sourceResources(catalog.Framework{ID: "x:1"}))

	doc, err := buildCatalog(catalog.Framework{ID: "x:1", Name: "X", Version: "1", Source: "Book", Licence: "CC BY 4.0",
		Controls: []catalog.ControlSpec{{ID: "a", Title: "A"}}}, newConfig(nil))
	require.NoError(t, err)
	assert.Equal(t, "Source: Book\n\nLicence: CC BY 4.0", doc.Catalog.Metadata.Remarks)
	require.NotNil(t, doc.Catalog.BackMatter)
	assert.Len(t, doc.Catalog.BackMatter.Resources, 2)

	doc, err = buildCatalog(catalog.Framework{ID: "x:1", Name: "X", Version: "1", Licence: "CC0",
		Controls: []catalog.ControlSpec{{ID: "a", Title: "A"}}}, newConfig(nil))
	require.NoError(t, err)
	assert.Equal(t, "Licence: CC0", doc.Catalog.Metadata.Remarks)
}

func TestJoinNonEmpty(t *testing.T) {
	assert.Equal(t, "b", joinNonEmpty("", "b"))
	assert.Equal(t, "a\n\nb", joinNonEmpty("a", "b"))
}

// The hierarchy by position: roots and children in list order, whatever the order
// of the list; problems with IDs and parents reported.
func TestHierarchyOf(t *testing.T) {
	var p problems
	h := hierarchyOf([]catalog.ControlSpec{
		{ID: "c", Parent: "a"}, {ID: "a"}, {ID: "b", Parent: "a"}, {ID: "d"}, {ID: "e", Parent: "c"},
	}, &p)
	require.NoError(t, p.err())
	assert.Equal(t, []int{1, 3}, h.roots)
	assert.Equal(t, [][]int{{4}, {0, 2}, nil, nil, nil}, h.children)
	assert.Equal(t, map[string]int{"c": 1, "a": 2, "b": 3, "d": 4, "e": 5}, h.pos)

	hierarchyOf([]catalog.ControlSpec{{ID: ""}, {ID: "x"}, {ID: "x"}, {ID: "y", Parent: "z"}}, &p)
	var got []string
	for _, e := range errorsOf(p.err()) {
		var oe *catalog.DataError
		require.True(t, errors.As(e, &oe))
		got = append(got, oe.Record+" "+oe.Value)
	}
	assert.Equal(t, []string{"controls[0].id ", "controls[2].id x", "controls[3].parent z"}, got)
}

// A parent chain that loops is reported for each control on it.
func TestExportCatalogLoop(t *testing.T) {
	_, err := ExportCatalog(catalog.Framework{ID: "x:1", Name: "X", Controls: []catalog.ControlSpec{
		{ID: "root", Title: "R"}, {ID: "a", Title: "A", Parent: "b"}, {ID: "b", Title: "B", Parent: "a"},
	}})
	require.ErrorIs(t, err, ErrInvalid)
	var paths []string
	for _, e := range errorsOf(err) {
		var oe *catalog.DataError
		require.True(t, errors.As(e, &oe))
		paths = append(paths, oe.Record)
	}
	assert.Equal(t, []string{"controls[1].parent", "controls[2].parent"}, paths)
}

// A withdrawn node carries OSCAL's status prop after label and sort-id; attributes
// follow in name order, a value OSCAL cannot hold moved to the remarks.
func TestNodeProps(t *testing.T) {
	var p problems
	got := nodeProps(catalog.ControlSpec{ID: "AC-1", Attributes: map[string][]string{
		catalog.AttrStatus: {catalog.StatusWithdrawn}, "b": {"two\nlines"}, "a": {"x"},
	}}, 8, 3, "controls[8]", &p)
	require.NoError(t, p.err())
	assert.Equal(t, []xProp{
		{Name: "label", Value: "AC-1"},
		{Name: "sort-id", Value: "009"},
		{Name: "status", Value: catalog.StatusWithdrawn},
		nsProp("a", "x"),
		{Name: "b", NS: Namespace, Value: "see remarks", Class: classInRemarks, Remarks: "two\nlines"},
		nsProp(EncodeID(catalog.AttrStatus), catalog.StatusWithdrawn),
	}, got)
}

// Errors of mapping sets on export, each at its input path.
func TestExportMappingsErrors(t *testing.T) {
	good := detailedSet()
	for _, tc := range []struct {
		name string
		sets func() []mappings.Set
		path string
		want error
	}{
		{"no sets", func() []mappings.Set { return nil }, "sets", ErrNotExpressible},
		{"set without ID", func() []mappings.Set { s := good; s.ID = ""; return []mappings.Set{s} }, "sets[0]", ErrMissing},
		{"set without edges", func() []mappings.Set { s := good; s.Edges = nil; return []mappings.Set{s} }, "sets[0].edges", ErrNotExpressible},
		{"edge without From", func() []mappings.Set {
			s := good
			s.Edges = append([]mappings.Edge(nil), s.Edges...)
			s.Edges[0].From.ID = ""
			return []mappings.Set{s}
		}, "sets[0].edges[0]", ErrMissing},
		{"unknown relationship", func() []mappings.Set {
			s := good
			s.Edges = append([]mappings.Edge(nil), s.Edges...)
			s.Edges[1].Relationship = mappings.Relationship(99)
			return []mappings.Set{s}
		}, "sets[0].edges[1].relationship", ErrInvalid},
		{"invalid rationale", func() []mappings.Set {
			s := good
			s.Edges = append([]mappings.Edge(nil), s.Edges...)
			s.Edges[0].Rationale = "gut feeling"
			return []mappings.Set{s}
		}, "sets[0].edges[0].rationale", ErrInvalid},
		{"statement without ref", func() []mappings.Set {
			s := good
			s.Statements = []mappings.Statement{{Kind: "note"}}
			return []mappings.Set{s}
		}, "sets[0].statements[0].ref", ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ExportMappings(tc.sets(), nil)
			require.Error(t, err)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.path, e.Record)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

// What OSCAL's map has no field for is carried in props, only when it says
// something.
func TestEdgeProps(t *testing.T) {
	assert.Empty(t, edgeProps(mappings.Edge{Source: "set-source"}, true, "set-source"))
	assert.Equal(t, []xProp{
		nsProp(propRelationship, mappings.Related.String()),
		nsProp(propStrength, "0"),
		nsProp(propLabel, "L"),
		nsProp(propMisprint, "M"),
		nsProp(propRepeats, "2"),
		nsProp(propEdgeSource, "other"),
	}, edgeProps(mappings.Edge{Relationship: mappings.Related, HasStrength: true, Label: "L", Misprint: "M", Repeats: 2, Source: "other"}, false, "set-source"))
}

// A set's statements are grouped props, leaving out empty fields and the
// framework when it is the set's own.
func TestStatementProps(t *testing.T) {
	got := statementProps(mappings.Statement{Ref: catalog.NewRef("a:1", "x"), Note: "n"}, 1, "a:1")
	want := []xProp{textProp(propStatement, "x"), textProp(propStmtNote, "n")}
	for i := range want {
		want[i].Group = "statement-2"
	}
	assert.Equal(t, want, got)
	full := statementProps(mappings.Statement{Ref: catalog.NewRef("a:1", "x"), Kind: mappings.UnresolvedReference, Target: "T",
		Misprint: "M", Reading: catalog.NewRef("c:1", "9")}, 0, "a:1")
	var names []string
	for _, p := range full {
		names = append(names, p.Name+"="+p.Value)
	}
	assert.Equal(t, []string{propStatement + "=x", propStmtKind + "=" + string(mappings.UnresolvedReference),
		propStmtTarget + "=T", propStmtMisprint + "=M", propStmtReading + "=c:1/9"}, names)
	other := statementProps(mappings.Statement{Ref: catalog.NewRef("b:1", "y")}, 0, "a:1")
	assert.Equal(t, "statement-1", other[1].Group)
	assert.Equal(t, propStmtFramework, other[1].Name)
	assert.Equal(t, "b:1", other[1].Value)
}

// The collection's uuid depends on its sets and timestamp; its title names the set
// when there is one.
func TestCollectionHeader(t *testing.T) {
	one := collectionHeader([]mappings.Set{{ID: "s1", From: "a:1", To: "b:1"}}, "2024-01-01T00:00:00Z")
	assert.Equal(t, "Mapping set s1: a:1 to b:1", one.Metadata.Title)
	two := collectionHeader([]mappings.Set{{ID: "s1"}, {ID: "s2"}}, "2024-01-01T00:00:00Z")
	assert.Equal(t, "Mapping sets s1, s2", two.Metadata.Title)
	assert.NotEqual(t, one.UUID, two.UUID)
	later := collectionHeader([]mappings.Set{{ID: "s1"}, {ID: "s2"}}, "2025-01-01T00:00:00Z")
	assert.NotEqual(t, two.UUID, later.UUID)
	assert.True(t, validUUID(one.UUID))
	assert.Equal(t, "human", one.Provenance.Method)
}

// Each catalog and source document is one back-matter resource, however many
// mappings refer to it.
func TestExportMappingsSharedResources(t *testing.T) {
	s := detailedSet()
	s2 := s
	s2.ID = s.ID + "-again"
	ts := WithLastModified(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	doc, err := buildMappings([]mappings.Set{s, s2}, nil, newConfig([]Option{ts}))
	require.NoError(t, err)
	seen := map[string]int{}
	for _, r := range doc.MappingCollection.BackMatter.Resources {
		seen[r.UUID]++
	}
	for u, n := range seen {
		assert.Equal(t, 1, n, u)
	}
	want := 2 // the two catalogs
	if s.Source.ID != "" {
		want++
	}
	assert.Len(t, seen, want)
	assert.Len(t, doc.MappingCollection.Mappings, 2)
}
