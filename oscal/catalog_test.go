package oscal

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// normalised returns f with empty attribute maps as nil, as an import returns them.
func normalised(f catalog.Framework) catalog.Framework {
	f.Controls = append([]catalog.ControlSpec(nil), f.Controls...)
	for i := range f.Controls {
		if len(f.Controls[i].Attributes) == 0 {
			f.Controls[i].Attributes = nil
		}
		if f.Controls[i].Kind == "" {
			f.Controls[i].Kind = catalog.KindControl
		}
	}
	if len(f.Aliases) == 0 {
		f.Aliases = nil
	}
	return f
}

func TestCatalogRoundTrip(t *testing.T) {
	for _, f := range catalog.Embedded() {
		t.Run(string(f.ID), func(t *testing.T) {
			b, err := ExportCatalog(f)
			require.NoError(t, err)
			got, rep, err := ImportCatalog("export.json", b)
			require.NoError(t, err)
			assert.True(t, rep.Ours)
			assert.Empty(t, rep.Skipped)
			assert.Empty(t, rep.Warnings())
			assert.Equal(t, normalised(f), normalised(got))
			b2, err := ExportCatalog(got)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(b2), "export → import → export must give the same bytes")
		})
	}
}

// A user framework that exercises the encodings: IDs that are not tokens, an ID
// starting with '_', kinds and attribute names that need escaping, a summary, roots
// without children (so everything is a nested control), an order that is not a
// pre-order of the hierarchy, and no version.
func userFramework() catalog.Framework {
	return catalog.Framework{
		ID: "acme:1", Name: "ACME controls", Publisher: "ACME Corp.", Source: "ACME policy handbook\nsecond line",
		Aliases: []string{"acme"}, QualifiedOnly: true,
		Controls: []catalog.ControlSpec{
			{ID: "1", Title: "Access", Kind: "domain"},
			{ID: "2", Title: "Lonely root", Kind: "-odd-kind"},
			{ID: "AC-2(1)", Title: "Account management (1)", Parent: "1", Summary: "Multi-line\nsummary  ", Attributes: map[string][]string{"risk level": {"high", "médium", " padded "}, "_x": {"two\nlines"}}},
			{ID: "_hidden", Title: "Starts with underscore", Parent: "1"},
			{ID: "1.1", Title: "Listed after its sibling's child", Parent: "1"},
			{ID: "ÄÖ.1", Title: "Unicode id", Parent: "AC-2(1)"},
		},
	}
}

func TestCatalogRoundTripUserFramework(t *testing.T) {
	f := userFramework()
	b, err := ExportCatalog(f)
	require.NoError(t, err)
	validate(t, b)
	s := string(b)
	assert.Contains(t, s, `"id": "_AC-2_281_29"`)
	assert.Contains(t, s, `"id": "__5Fhidden"`)
	assert.Contains(t, s, `"id": "ÄÖ.1"`)
	assert.NotContains(t, s, `"groups"`, "a root without children makes every node a control")
	got, _, err := ImportCatalog("acme.json", b)
	require.NoError(t, err)
	assert.Equal(t, normalised(f), normalised(got))
	b2, err := ExportCatalog(got)
	require.NoError(t, err)
	assert.Equal(t, s, string(b2))
}

func TestExportCatalogDeterministic(t *testing.T) {
	f := catalog.Embedded()[0]
	a, err := ExportCatalog(f)
	require.NoError(t, err)
	b, err := ExportCatalog(f)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Contains(t, string(a), `"last-modified": "2026-02-01T00:00:00Z"`)
	c, err := ExportCatalog(f, WithLastModified(time.Date(2027, 3, 4, 5, 6, 7, 0, time.UTC)))
	require.NoError(t, err)
	assert.Contains(t, string(c), `"last-modified": "2027-03-04T05:06:07Z"`)
	assert.NotEqual(t, a, c)
}

func TestExportCatalogLayout(t *testing.T) {
	csf, ok := catalog.Default().Spec(catalog.CSF20)
	require.True(t, ok)
	b, err := ExportCatalog(csf)
	require.NoError(t, err)
	s := string(b)
	// Functions are groups, categories controls, subcategories nested controls, as in
	// NIST's own catalog.
	assert.Contains(t, s, "\"groups\": [\n      {\n        \"id\": \"GV\",\n        \"class\": \"function\",\n        \"title\": \"Govern\"")
	assert.Contains(t, s, "\"controls\": [\n          {\n            \"id\": \"GV.OC\",\n            \"class\": \"category\"")
	assert.Contains(t, s, "\"controls\": [\n              {\n                \"id\": \"GV.OC-01\",\n                \"class\": \"subcategory\"")
	assert.Contains(t, s, `"oscal-version": "1.2.2"`)
}

func TestExportCatalogErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*catalog.Framework)
		path string
		want error
	}{
		{"title with line break", func(f *catalog.Framework) { f.Controls[1].Title = "a\nb" }, "controls[1].title", ErrNotExpressible},
		{"empty attribute value", func(f *catalog.Framework) { f.Controls[2].Attributes = map[string][]string{"a": {""}} }, "controls[2].attributes.a[0]", ErrNotExpressible},
		{"dangling parent", func(f *catalog.Framework) { f.Controls[2].Parent = "nope" }, "controls[2].parent", ErrInvalid},
		{"duplicate", func(f *catalog.Framework) { f.Controls[2].ID = f.Controls[1].ID }, "controls[2].id", ErrDuplicate},
		{"cycle", func(f *catalog.Framework) { f.Controls[0].Parent = f.Controls[2].ID }, "controls[0].parent", ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := userFramework()
			tc.edit(&f)
			_, err := ExportCatalog(f)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var e *catalog.DataError
			require.True(t, errors.As(err, &e))
			assert.Contains(t, err.Error(), tc.path)
		})
	}
}

func TestImportCatalogErrors(t *testing.T) {
	const valid = `{"catalog": {"uuid": "5e3e6f3c-6c2a-4c3b-9a8e-0d1c2b3a4f5e", "metadata": {"title": "T", "version": "1", "oscal-version": "1.1.2", "last-modified": "2024-01-01T00:00:00Z"}, "groups": [{"id": "g", "title": "G", "controls": [{"id": "c-1", "title": "C"}]}]}}`
	f, rep, err := ImportCatalog("ok.json", []byte(valid))
	require.NoError(t, err)
	assert.Equal(t, catalog.FrameworkID("t:1"), f.ID)
	assert.Equal(t, []catalog.KindCount{{Kind: "group", Count: 1}, {Kind: "control", Count: 1}}, rep.Imported)
	assert.Equal(t, "g", f.Controls[1].Parent)

	// A field outside the OSCAL model: listed by default, an error under WithStrict.
	typo := strings.Replace(valid, `"controls"`, `"contols"`, 1)
	f, rep, err = ImportCatalog("typo.json", []byte(typo))
	require.NoError(t, err)
	assert.Equal(t, []string{"catalog.groups[0].contols"}, rep.Unknown)
	assert.Len(t, f.Controls, 1, "the misspelt member's controls are not read")
	assert.Contains(t, rep.Warnings(), "ignored 1 field(s) outside the OSCAL model: catalog.groups[0].contols")
	// An extra member beside the model, too.
	extra := strings.Replace(valid, `{"catalog": `, `{"x-exported-by": "tool", "catalog": `, 1)
	model, err := DocumentModel("extra.json", []byte(extra))
	require.NoError(t, err)
	assert.Equal(t, "catalog", model)
	_, rep, err = ImportCatalog("extra.json", []byte(extra))
	require.NoError(t, err)
	assert.Equal(t, []string{"x-exported-by"}, rep.Unknown)
	_, _, err = ImportCatalog("extra.json", []byte(extra), WithStrict())
	require.ErrorIs(t, err, ErrUnknownField)
	_, err = DocumentModel("x.json", []byte(`{"x": {}}`))
	require.ErrorIs(t, err, ErrWrongDocument)

	_, _, err = ImportCatalog("typo.json", []byte(typo), WithStrict())
	require.ErrorIs(t, err, ErrUnknownField)
	assert.Contains(t, err.Error(), "typo.json: catalog.groups[0].contols: ")

	for _, tc := range []struct {
		name, doc, path string
		want            error
	}{
		{"not JSON", `{"catalog": `, "", ErrSyntax},
		{"profile", `{"profile": {}}`, "", ErrWrongDocument},
		{"missing id", strings.Replace(valid, `"id": "c-1", `, ``, 1), "catalog.groups[0].controls[0].id", ErrMissing},
		{"wrong type", strings.Replace(valid, `"title": "C"`, `"title": 3`, 1), "catalog.groups[0].controls[0].title", ErrType},
		{"bad uuid", strings.Replace(valid, `5e3e6f3c`, `xx`, 1), "catalog.uuid", ErrInvalid},
		{"OSCAL 2", strings.Replace(valid, `1.1.2`, `2.0.0`, 1), "catalog.metadata.oscal-version", ErrUnsupported},
		{"duplicate", strings.Replace(valid, `"id": "c-1"`, `"id": "g"`, 1), "catalog.groups[0].controls[0].id", ErrDuplicate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ImportCatalog("bad.json", []byte(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "bad.json")
			assert.Contains(t, err.Error(), tc.path)
		})
	}
}

func TestEncodeID(t *testing.T) {
	for id, tok := range map[string]string{
		"GV.OC-01": "GV.OC-01", "A.12.4.1": "A.12.4.1", "5.1": "_5.1", "5": "_5",
		"AC-2(1)": "_AC-2_281_29", "_x": "__5Fx", "a b": "_a_20b", "ac-2.1": "ac-2.1", "x_y": "x_y",
	} {
		assert.Equal(t, tok, EncodeID(id), id)
		assert.True(t, isToken(tok), tok)
		back, ok := DecodeID(tok)
		assert.True(t, ok, tok)
		assert.Equal(t, id, back)
	}
	for _, bad := range []string{"", "_", "_zz_", "_5_2", "5.1", "__5fx", "_abc", "_a_FF"} {
		_, ok := DecodeID(bad)
		assert.False(t, ok, bad)
	}
}

func TestUUID(t *testing.T) {
	// RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS name space.
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	assert.Equal(t, "2ed6657d-e927-568b-95e1-2665a8aea6a2", formatUUID(uuid5raw(dns, "www.example.com")))
	assert.Equal(t, UUID("x"), UUID("x"))
	assert.NotEqual(t, UUID("x"), UUID("y"))
	assert.True(t, validUUID(UUID("x")))
}

func TestDocumentModel(t *testing.T) {
	m, err := DocumentModel("a.json", []byte(minimalCatalog))
	require.NoError(t, err)
	assert.Equal(t, "catalog", m)
	m, err = DocumentModel("b.json", []byte(foreignMappings))
	require.NoError(t, err)
	assert.Equal(t, "mapping-collection", m)
	_, err = DocumentModel("c.json", []byte(`{"frameworks": []}`))
	assert.ErrorIs(t, err, ErrWrongDocument)
	_, err = DocumentModel("d.json", []byte(`{"catalog": {}, "profile": {}}`))
	assert.ErrorIs(t, err, ErrWrongDocument)
	_, err = DocumentModel("e.json", []byte(`[`))
	assert.ErrorIs(t, err, ErrSyntax)
}

// A long value is cut in an error message at a character boundary, never inside a
// multi-byte character (which %q would print as a stray \x byte), and the message
// says how long the whole value is (internal/safetext, as every package's errors).
func TestErrorClipsAtCharacter(t *testing.T) {
	e := &catalog.DataError{File: "x.json", Record: "catalog.title", Value: strings.Repeat("a", 79) + "éééé", Err: ErrInvalid}
	assert.Equal(t, `x.json: catalog.title = "`+strings.Repeat("a", 79)+`é"… (87 bytes): invalid value`, e.Error())
}

func TestShortID(t *testing.T) {
	for _, tc := range []struct{ title, version, want string }{
		{"NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", "5.1.1+u4", "nist-800-53-low-impact:5.1.1-u4"},
		{"NIST Special Publication 800-53 Revision 5: Security and Privacy Controls for Federal Information Systems and Organizations", "5.0.1", "nist-800-53:5.0.1"},
		{"Electronic Version of NIST Cybersecurity Framework 2.0", "1.2.0", "nist-2.0:1.2.0"},
		{"Acme Controls", "3", "acme-controls:3"},
		{"Fictional excerpt of an SP 800-53 style catalog (test fixture)", "5.9", "sp-800-53:5.9"},
		{"T", "1", "t:1"},
		{"", "", "oscal"},
	} {
		assert.Equal(t, catalog.FrameworkID(tc.want), shortID(tc.title, tc.version), tc.title)
	}
}

// A withdrawn control (the embedded SP 800-53's AC-13) carries OSCAL's own
// status=withdrawn prop as well as the attribute, so other tools see it; the
// document stays valid and comes back exactly.
func TestExportWithdrawn(t *testing.T) {
	spec, ok := catalog.Default().Spec("sp800-53:5")
	require.True(t, ok, "SP 800-53 rev. 5 is embedded")
	b, err := ExportCatalog(spec)
	require.NoError(t, err)
	validate(t, b)
	s := string(b)
	i := strings.Index(s, `"id": "AC-13"`)
	require.Positive(t, i)
	j := strings.Index(s[i:], `"name": "status",`)
	require.Positive(t, j)
	// The first status prop of AC-13 is OSCAL's: no ns between name and value.
	assert.Regexp(t, `^"name": "status",\s*"value": "withdrawn"`, s[i+j:])
	got, _, err := ImportCatalog("sp800-53.json", b)
	require.NoError(t, err)
	assert.Equal(t, normalised(spec), normalised(got))
}
