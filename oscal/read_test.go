package oscal

import (
	"errors"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemsOf returns the path and error text of each problem a reader recorded.
func problemsOf(t *testing.T, r *reader) []string {
	t.Helper()
	var out []string
	for _, e := range r.p.list {
		var oe *catalog.DataError
		require.True(t, errors.As(e, &oe))
		out = append(out, oe.Record+": "+oe.Err.Error())
	}
	return out
}

func TestJSONType(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "null"}, {map[string]any{}, "an object"}, {[]any{}, "an array"}, {"s", "a string"},
		{true, "a boolean"}, {1.5, "a number"},
	} {
		assert.Equal(t, tc.want, jsonType(tc.v))
	}
}

// The reader's accessors: a wrong type, a missing or blank required member, and
// unknown members (listed leniently, errors strictly, long keys clipped).
func TestReaderAccessors(t *testing.T) {
	m := plain(t, `{"s": "x", "blank": "  ", "n": 3, "a": [1], "o": {"k": 1}}`).(map[string]any)
	r := &reader{}
	assert.Equal(t, "x", r.str(m, "p", "s", true))
	assert.Equal(t, "", r.str(m, "p", "absent", false))
	assert.Equal(t, "", r.str(m, "p", "absent", true))
	assert.Equal(t, "  ", r.str(m, "p", "blank", true), "the value is returned, and reported")
	assert.Equal(t, "", r.str(m, "p", "n", false))
	assert.Equal(t, []any{1.0}, r.array(m, "p", "a"))
	assert.Nil(t, r.array(m, "p", "absent"))
	assert.Nil(t, r.array(m, "p", "s"))
	assert.Nil(t, r.object("p.n", m["n"], nil))
	assert.Equal(t, map[string]any{"k": 1.0}, r.object("p.o", m["o"], nil))
	assert.Equal(t, []string{
		"p.absent: required field is missing or empty",
		"p.blank: required field is missing or empty",
		"p.n: wrong JSON type: want a string, got a number",
		"p.s: wrong JSON type: want an array, got a string",
		"p.n: wrong JSON type: want an object, got a number",
	}, problemsOf(t, r))
	assert.Equal(t, "  ", r.p.list[1].(*catalog.DataError).Value)

	long := strings.Repeat("k", 300)
	obj := map[string]any{"b": 1, "a": 2, long: 3, "ok": 4}
	lenient := &reader{}
	lenient.object("x", obj, keySet("ok"))
	require.Len(t, lenient.unknown, 3)
	assert.Equal(t, []string{"x.a", "x.b"}, lenient.unknown[:2], "sorted")
	assert.Less(t, len(lenient.unknown[2]), 200, "a long key is clipped")
	assert.Empty(t, lenient.p.list)
	strict := &reader{strict: true}
	strict.object("", obj, keySet("ok"))
	assert.Empty(t, strict.unknown)
	assert.Equal(t, "a: field is not part of the OSCAL model here", problemsOf(t, strict)[0], "at the top, the path is the key")
}

// Props are read with every member; a prop that is not an object is reported and
// passed over.
func TestReaderProps(t *testing.T) {
	m := plain(t, `{"props": [{"name": "n", "ns": "https://x", "value": "v", "class": "c", "group": "g", "remarks": "r"}, 7, {"name": "only"}]}`).(map[string]any)
	r := &reader{}
	assert.Equal(t, []prop{{name: "n", ns: "https://x", value: "v", class: "c", group: "g", remarks: "r"}, {name: "only"}}, r.props(m, "c"))
	assert.Equal(t, []string{"c.props[1]: wrong JSON type: want an object, got a number"}, problemsOf(t, r))
	assert.Nil(t, r.props(map[string]any{}, "c"))
}

// A prop is OSCAL's when it has no namespace or OSCAL's; ours when in Namespace.
func TestPropNamespaces(t *testing.T) {
	ps := []prop{{name: "a", ns: Namespace, value: "1"}, {name: "a", value: "2"}, {name: "a", ns: Namespace, value: "3"}, {name: "b", ns: oscalNS}}
	assert.True(t, isCore(ps[1]))
	assert.True(t, isCore(ps[3]))
	assert.False(t, isCore(ps[0]))
	v, ok := ourValue(ps, "a")
	assert.True(t, ok)
	assert.Equal(t, "1", v)
	_, ok = ourValue(ps, "b")
	assert.False(t, ok)
	assert.Equal(t, []string{"1", "3"}, ourValues(ps, "a"))
	p, ok := ourProp(ps, "a")
	assert.True(t, ok)
	assert.Equal(t, "1", p.value)
	assert.Equal(t, "in remarks", prop{class: classInRemarks, value: "see remarks", remarks: "in remarks"}.text())
	assert.Equal(t, "v", prop{value: "v", remarks: "r"}.text())
}

// The publisher is the party in role publisher, else creator, else author; the
// first named party of the role.
func TestMetadataPublisher(t *testing.T) {
	for _, tc := range []struct{ roles, want string }{
		{`[{"role-id": "author", "party-uuids": ["a"]}, {"role-id": "creator", "party-uuids": ["c"]}]`, "Creator"},
		{`[{"role-id": "author", "party-uuids": ["a"]}]`, "Author"},
		{`[{"role-id": "publisher", "party-uuids": ["none", "p", "c"]}, {"role-id": "creator", "party-uuids": ["c"]}]`, "Publisher"},
		{`[{"role-id": "publisher", "party-uuids": ["unknown"]}]`, ""},
		{`[{"role-id": "reviewer", "party-uuids": ["p"]}]`, ""},
	} {
		m := plain(t, `{"metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "x",
		  "parties": [{"uuid": "a", "name": "Author"}, {"uuid": "c", "name": "Creator"}, {"uuid": "p", "name": "Publisher"}, {"uuid": "none"}],
		  "responsible-parties": `+tc.roles+`}}`).(map[string]any)
		r := &reader{}
		md := r.metadata(m, "metadata")
		assert.Empty(t, r.p.list, tc.roles)
		assert.Equal(t, tc.want, md.publisher, tc.roles)
	}
}

// OSCAL versions: 1.x is read, with or without 'v'; others are unsupported.
func TestMetadataOSCALVersion(t *testing.T) {
	for v, ok := range map[string]bool{"1.0.0": true, "v1.2.2": true, "1.1": true, "2.0.0": false, "v0.9": false} {
		m := plain(t, `{"metadata": {"title": "T", "version": "1", "oscal-version": "`+v+`", "last-modified": "x"}}`).(map[string]any)
		r := &reader{}
		md := r.metadata(m, "metadata")
		assert.Equal(t, v, md.oscalVersion)
		if ok {
			assert.Empty(t, r.p.list, v)
		} else {
			assert.Equal(t, []string{"metadata.oscal-version: unsupported OSCAL version: this package reads OSCAL 1.x"}, problemsOf(t, r), v)
		}
	}
}

// Back-matter resources keep their uuid, title, remarks, props and the hrefs of
// their rlinks, read leniently.
func TestBackMatter(t *testing.T) {
	m := plain(t, `{"back-matter": {"resources": [
	  {"uuid": "u1", "title": "T", "remarks": "R", "props": [{"name": "p", "value": "v"}],
	   "rlinks": [{"href": "a.json"}, {"href": ""}, {"media-type": "x"}, "junk", {"href": "b.json"}]},
	  {"uuid": "u2"}]}}`).(map[string]any)
	r := &reader{}
	assert.Equal(t, []resource{
		{uuid: "u1", title: "T", remarks: "R", props: []prop{{name: "p", value: "v"}}, rlinks: []string{"a.json", "b.json"}},
		{uuid: "u2"},
	}, r.backMatter(m, "c"))
	assert.Empty(t, r.p.list)
	assert.Nil(t, r.backMatter(map[string]any{}, "c"))
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"NIST SP 800-53":            "nist-sp-800-53",
		"  ISO/IEC 27001:2022  ":    "iso-iec-27001-2022",
		"v1.2.0+u4":                 "v1.2.0-u4",
		"Été – résumé":              "t-r-sum",
		"...":                       "",
		"a..b":                      "a..b",
		strings.Repeat("word ", 30): strings.TrimSuffix(strings.Repeat("word-", 16), "-"),
	} {
		assert.Equal(t, want, slug(in), in)
		assert.LessOrEqual(t, len(slug(in)), 80)
	}
}

// The words of a title that go into a short ID.
func TestTelling(t *testing.T) {
	for _, tc := range []struct {
		w, version string
		want       bool
	}{
		{"NIST", "", true}, {"800-53", "", true}, {"LOW", "", true}, {"SP", "", true},
		{"Special", "", false}, {"A", "", false}, {"iOS", "", false},
		{"5", "5.1.1", false}, {"5.1.1", "5.1.1", false}, {"5", "5+u4", false}, {"5", "6.0", true}, {"2.0", "1.2.0", true},
	} {
		assert.Equal(t, tc.want, telling(tc.w, tc.version), "%s (version %q)", tc.w, tc.version)
	}
}

func TestCutSlug(t *testing.T) {
	assert.Equal(t, "short", cutSlug("short", 40))
	assert.Equal(t, "aaaa-bbbb", cutSlug("aaaa-bbbb-cccc", 12))
	assert.Equal(t, "abcdefghij", cutSlug("abcdefghijkl", 10), "no '-' to cut at")
	assert.Equal(t, "ab", cutSlug("ab.-cd", 4))
}

// Short IDs keep at most four telling words, cut long results, and bound the
// version.
func TestShortIDBounds(t *testing.T) {
	assert.Equal(t, catalog.FrameworkID("aa-bb-cc-dd:1"), shortID("AA BB CC DD EE FF", "1"))
	id := string(shortID("ABCDEFGHIJKLMNOPQRSTU ABCDEFGHIJKLMNOPQRSTU ABCDEFGHIJKLMNOPQRSTU", "1"))
	assert.Equal(t, "abcdefghijklmnopqrstu:1", id, "cut to 40 bytes at a '-'")
	assert.Equal(t, catalog.FrameworkID("x:1.2.3.4.5.6.7.8.9.10"), shortID("X", "1.2.3.4.5.6.7.8.9.10.11"))
	assert.Equal(t, catalog.FrameworkID("only-title"), shortID("only title", ""))
	assert.Equal(t, catalog.FrameworkID("oscal:2"), shortID("!!!", "2"))
}

func TestDerivedID(t *testing.T) {
	assert.Equal(t, catalog.FrameworkID("nist-csf-2.0"), derivedID("NIST CSF 2.0", ""))
	assert.Equal(t, catalog.FrameworkID("acme:v1"), derivedID("ACME", "v1"))
	assert.Equal(t, catalog.FrameworkID("oscal"), derivedID("", ""))
}

// The model of a document, or why there is none.
func TestDocumentModelCases(t *testing.T) {
	for _, tc := range []struct {
		doc, model string
		want       error
	}{
		{`{"$schema": "x", "profile": {}}`, "profile", nil},
		{`{"component-definition": {}, "x-extra": 1}`, "component-definition", nil},
		{`{"$schema": "x"}`, "", ErrWrongDocument},
		{`{}`, "", ErrWrongDocument},
		{`"catalog"`, "", ErrType},
		{`{"catalog": {}, "catalog": {}}`, "", ErrSyntax},
	} {
		m, err := DocumentModel("d.json", []byte(tc.doc))
		assert.Equal(t, tc.model, m, tc.doc)
		if tc.want == nil {
			assert.NoError(t, err, tc.doc)
		} else {
			assert.ErrorIs(t, err, tc.want, tc.doc)
		}
	}
	_, err := DocumentModel("d.json", []byte(`{"catalog": {}, "profile": {}}`))
	assert.Equal(t, `d.json: value "catalog, profile": not the expected OSCAL document: an OSCAL document has exactly one top-level model`, err.Error())
}

// The wrong model names the one found.
func TestImportWrongModel(t *testing.T) {
	_, _, err := ImportCatalog("x.json", []byte(`{"$schema": "s", "profile": {}}`))
	assert.Equal(t, "x.json: not the expected OSCAL document: want an OSCAL catalog, found an OSCAL profile", err.Error())
	_, _, err = ImportMappings("x.json", []byte(`{"catalog": {}}`))
	assert.Equal(t, "x.json: not the expected OSCAL document: want an OSCAL mapping-collection, found an OSCAL catalog", err.Error())
	_, _, err = ImportMappings("x.json", []byte(`{"$schema": "s"}`))
	assert.Equal(t, "x.json: not the expected OSCAL document: want an OSCAL mapping-collection, found no OSCAL model", err.Error())
	_, _, err = ImportCatalog("x.json", []byte(`[]`))
	assert.ErrorIs(t, err, ErrType)
}

// Paths of elements and members.
func TestPathHelpers(t *testing.T) {
	assert.Equal(t, "a.b", join("a", "b"))
	assert.Equal(t, "b", join("", "b"))
	assert.Equal(t, "a[3]", index("a", 3))
	assert.Equal(t, "catalog.groups[12]", member("catalog", "groups", 12))
	assert.Equal(t, "groups[0]", member("", "groups", 0))
	assert.Equal(t, "c", lastKey("a.b.c"))
	assert.Equal(t, "c", lastKey("c"))
	assert.Equal(t, "x.json", path0("https://h/a/x.json?v=1#frag"))
	assert.Equal(t, ".json", pathExt("x.json"))
}
