package catalog_test

import (
	"errors"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseRefISO: ISO/IEC 27002:2022 and the Annex A of 27001, the 27001 clauses
// (an exact ID beats a 2013 "A." spelling) and ISO/IEC 27002:2013.
func TestParseRefISO(t *testing.T) {
	type fw = catalog.FrameworkID
	runParseRefCases(t, []parseRefCase{
		// ISO/IEC 27002:2022 and the Annex A of 27001.
		{in: "5.1", err: catalog.ErrAmbiguous},
		{in: "5.1", fws: []fw{"iso27002"}, want: "iso27002:2022/5.1"},
		{in: "5.1", fws: []fw{catalog.ISO27002v2022}, want: "iso27002:2022/5.1"},
		{in: "5.1", fws: []fw{catalog.ISO27001v2022}, want: "iso27001:2022/5.1"},
		{in: "5.1", fws: []fw{"ISO/IEC 27001:2022"}, want: "iso27001:2022/5.1"},
		{in: " 5.1 ", fws: []fw{"27002"}, want: "iso27002:2022/5.1"},
		{in: "A.5.1", want: "iso27002:2022/5.1"},
		{in: "a.5.1", want: "iso27002:2022/5.1"},
		{in: "ISO27002:5.1", want: "iso27002:2022/5.1"},
		{in: "iso27002:2022/5.1", want: "iso27002:2022/5.1"},
		{in: "iso27001:2022/A.5.1", want: "iso27002:2022/5.1"},
		{in: "ISO/IEC 27001:2022 A.8.16", want: "iso27002:2022/8.16"},
		{in: "iso27001:A.5.1", want: "iso27002:2022/5.1"},
		{in: "A.5.1", fws: []fw{catalog.ISO27001v2022}, want: "iso27002:2022/5.1"},
		{in: "8.16", fws: []fw{"iso27002"}, want: "iso27002:2022/8.16"},
		{in: "5.10", want: "iso27002:2022/5.10"},
		{in: "8.10", want: "iso27002:2022/8.10"},
		{in: "5.37", want: "iso27002:2022/5.37"},
		// ISO/IEC 27001:2022 clauses: an exact ID beats a 2013 "A." spelling.
		{in: "4.1", want: "iso27001:2022/4.1"},
		{in: "10.1", want: "iso27001:2022/10.1"},
		{in: "6.1.1", want: "iso27001:2022/6.1.1"},
		{in: "iso27001:6.1.3", want: "iso27001:2022/6.1.3"},
		// ISO/IEC 27002:2013.
		{in: "A.12.4.1", want: "iso27002:2013/A.12.4.1"},
		{in: "a.12.4.1", want: "iso27002:2013/A.12.4.1"},
		{in: "12.4.1", want: "iso27002:2013/A.12.4.1"},
		{in: "A.10.1.1", want: "iso27002:2013/A.10.1.1"},
		{in: "iso27002:2013/A.5.1.1", want: "iso27002:2013/A.5.1.1"},
		{in: "iso27002:A.18.2.3", want: "iso27002:2013/A.18.2.3"},
		{in: "A.6.1.1", want: "iso27002:2013/A.6.1.1"},
	})
}

// TestParseRefCSF: NIST CSF 2.0 pads with zeros, 1.1 does not; an exact spelling
// wins, then the newest version of the family that has the control.
func TestParseRefCSF(t *testing.T) {
	type fw = catalog.FrameworkID
	runParseRefCases(t, []parseRefCase{
		// NIST CSF: 2.0 pads with zeros, 1.1 does not; an exact match wins.
		{in: "GV.OC-01", want: "nist-csf:2.0/GV.OC-01"},
		{in: "gv.oc-1", want: "nist-csf:2.0/GV.OC-01"},
		{in: "GV.OC-1", want: "nist-csf:2.0/GV.OC-01"},
		{in: "ID.AM-1", want: "nist-csf:1.1/ID.AM-1"},
		{in: "ID.AM-01", want: "nist-csf:2.0/ID.AM-01"},
		{in: "id.am-01", want: "nist-csf:2.0/ID.AM-01"},
		{in: "id.am-1", want: "nist-csf:1.1/ID.AM-1"},
		{in: "ID.AM-1", fws: []fw{"csf"}, want: "nist-csf:1.1/ID.AM-1"}, // the spelling wins over the family's newest
		{in: "csf:ID.AM-1", want: "nist-csf:1.1/ID.AM-1"},
		{in: "csf:id.am-01", want: "nist-csf:2.0/ID.AM-01"},
		{in: "csf:GV.OC-1", want: "nist-csf:2.0/GV.OC-01"},
		{in: "ID.BE-01", want: "nist-csf:1.1/ID.BE-1"}, // only 1.1 has ID.BE
		{in: "ID.AM-1", fws: []fw{catalog.CSF20, catalog.CSF11}, want: "nist-csf:1.1/ID.AM-1"},
		{in: "PR.AC-1", fws: []fw{"csf"}, want: "nist-csf:1.1/PR.AC-1"},
		{in: "5.1", fws: []fw{catalog.ISO27002v2022, catalog.ISO27001v2022}, err: catalog.ErrAmbiguous},
		{in: "5.1", fws: []fw{"iso27002", "iso27001"}, err: catalog.ErrAmbiguous},
		{in: "iso27002:5.1", fws: []fw{"iso27002", "iso27001"}, want: "iso27002:2022/5.1"},
		{in: "nist-csf:1.1/ID.AM-1", want: "nist-csf:1.1/ID.AM-1"},
		{in: "csf:1.1/id.am-1", want: "nist-csf:1.1/ID.AM-1"},
		{in: "csf1.1:ID.AM-01", want: "nist-csf:1.1/ID.AM-1"},
		{in: "csf2:ID.AM-1", want: "nist-csf:2.0/ID.AM-01"},
		{in: "ID.AM-1", fws: []fw{catalog.CSF20}, want: "nist-csf:2.0/ID.AM-01"},
		{in: "ID.BE-1", want: "nist-csf:1.1/ID.BE-1"},
		{in: "gv", want: "nist-csf:2.0/GV"},
		{in: "ID", err: catalog.ErrAmbiguous},
		{in: "GV.OC", want: "nist-csf:2.0/GV.OC"},
		{in: "nist-csf:2.0/GV.OC-01", want: "nist-csf:2.0/GV.OC-01"},
		{in: "NIST CSF 2.0 GV.OC-01", want: "nist-csf:2.0/GV.OC-01"},
		{in: "NIST CSF 1.1 ID.AM-01", want: "nist-csf:1.1/ID.AM-1"},
		{in: "NIST CSF ID.AM-01", want: "nist-csf:2.0/ID.AM-01"},
	})
}

// TestParseRefCIS: the CIS Controls are found only when named; the family means
// v8.1.
func TestParseRefCIS(t *testing.T) {
	type fw = catalog.FrameworkID
	runParseRefCases(t, []parseRefCase{
		// CIS: found only when named; the family means v8.1.
		{in: "CIS 4.1", want: "cis:8.1/4.1", cis: true},
		{in: "cis 4.1", want: "cis:8.1/4.1", cis: true},
		{in: "cis:4.1", want: "cis:8.1/4.1", cis: true},
		{in: "cis:8:4.1", want: "cis:8/4.1", cis: true},
		{in: "cis:8.0:4.1", want: "cis:8/4.1", cis: true},
		{in: "cis:v8.1/4.1", want: "cis:8.1/4.1", cis: true},
		{in: "cis:8.1/16.14", want: "cis:8.1/16.14", cis: true},
		{in: "CIS v8 4.1", want: "cis:8/4.1", cis: true},
		{in: "CIS Controls 8.1 4.1", want: "cis:8.1/4.1", cis: true},
		{in: "cis 8.1", want: "cis:8.1/8.1", cis: true}, // safeguard 8.1, not the version
		{in: "4.1", fws: []fw{"cis"}, want: "cis:8.1/4.1", cis: true},
		{in: "4.1", fws: []fw{"cis", "iso27001"}, err: catalog.ErrAmbiguous, cis: true},
		{in: "4.1", fws: []fw{"cis:8", "cis:8.1"}, err: catalog.ErrAmbiguous, cis: true},
		{in: "cis:4.1", fws: []fw{"cis:8"}, want: "cis:8/4.1", cis: true},
		{in: "4", fws: []fw{catalog.CIS8}, want: "cis:8/4", cis: true},
		{in: "18.5", err: catalog.ErrNotFound}, // CIS only, and CIS needs naming
		{in: "CIS 18.99", err: catalog.ErrNotFound, cis: true},
	})
}

// TestParseRefErrors: syntax errors, unknown frameworks and controls not found.
func TestParseRefErrors(t *testing.T) {
	type fw = catalog.FrameworkID
	runParseRefCases(t, []parseRefCase{
		// Errors.
		{in: "", err: catalog.ErrSyntax},
		{in: "   ", err: catalog.ErrSyntax},
		{in: "iso27002:", err: catalog.ErrSyntax},
		{in: "iso27002:2022/", err: catalog.ErrSyntax},
		{in: "/5.1", err: catalog.ErrSyntax},
		{in: "foo:1", err: catalog.ErrUnknownFramework},
		{in: "iso27003:2017/5.1", err: catalog.ErrUnknownFramework},
		{in: "5.1", fws: []fw{"nope"}, err: catalog.ErrUnknownFramework},
		{in: "9.99", err: catalog.ErrNotFound},
		{in: "A.9.99", err: catalog.ErrNotFound},
		{in: "A.4.1", err: catalog.ErrNotFound}, // clause 4.1 has no Annex A spelling
		{in: "iso27002:2022/A.12.4.1", err: catalog.ErrNotFound},
		{in: "GV.OC-99", err: catalog.ErrNotFound},
		{in: "5.1", fws: []fw{catalog.CSF20}, err: catalog.ErrNotFound},
		{in: "iso27002:5.1", fws: []fw{catalog.CSF20}, err: catalog.ErrNotFound},
	})
}

// parseRefCase is one input of ParseRef and what it should give.
type parseRefCase struct {
	in   string
	fws  []catalog.FrameworkID
	want string // canonical Ref; "" when an error is expected
	err  error
	cis  bool // needs the CIS data
}

// runParseRefCases runs each case as a subtest: the error of its kind as a
// *RefError, or the Ref, which the package-level ParseRef gives too, which parses to
// itself and names a control of the catalog.
func runParseRefCases(t *testing.T, tests []parseRefCase) {
	c := catalog.Default()
	for _, tt := range tests {
		name := tt.in
		if len(tt.fws) > 0 {
			name += " in " + string(tt.fws[0])
		}
		t.Run(name, func(t *testing.T) {
			if tt.cis && !catalog.HasCIS() {
				t.Skip("built with -tags nocis: no CIS data")
			}
			got, err := c.ParseRef(tt.in, tt.fws...)
			if tt.err != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.err)
				var re *catalog.RefError
				require.ErrorAs(t, err, &re)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
			// The package-level function agrees.
			pkg, err := catalog.ParseRef(tt.in, tt.fws...)
			require.NoError(t, err)
			assert.Equal(t, got, pkg)
			// The canonical form parses to itself and names a control.
			again, err := c.ParseRef(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, again)
			_, ok := c.Control(got)
			assert.True(t, ok)
		})
	}
}

// TestParseRefNIS2AndSP80053: NIS2 is found only when named (its IDs look like
// ISO's); SP 800-53 labels resolve under every spelling NIST uses.
func TestParseRefNIS2AndSP80053(t *testing.T) {
	type fw = catalog.FrameworkID
	runParseRefCases(t, []parseRefCase{
		{in: "nis2:1.1", want: "nis2:2024/1.1"},
		{in: "NIS2 1.1.1", want: "nis2:2024/1.1.1"},
		{in: "7", fws: []fw{"nis2"}, want: "nis2:2024/7"},
		{in: "1.1.1", fws: []fw{catalog.NIS2v2024}, want: "nis2:2024/1.1.1"},
		{in: "13.3.99", fws: []fw{"nis2"}, err: catalog.ErrNotFound},
		{in: "AC-2(1)", want: "sp800-53:5/AC-2(1)"},
		{in: "ac-2.1", want: "sp800-53:5/AC-2(1)"},
		{in: "AC-02(01)", want: "sp800-53:5/AC-2(1)"},
		{in: "800-53 ac-2 (1)", want: "sp800-53:5/AC-2(1)"},
		{in: "nist-800-53:SI-4", want: "sp800-53:5/SI-4"},
		{in: "AC", fws: []fw{"800-53"}, want: "sp800-53:5/AC"},
		{in: "AC-2(999)", err: catalog.ErrNotFound},
	})
}

func TestParseRefAmbiguousCandidates(t *testing.T) {
	_, err := catalog.ParseRef("5.1")
	var re *catalog.RefError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, catalog.ErrAmbiguous)
	assert.Equal(t, "5.1", re.Input)
	assert.Equal(t, []catalog.Ref{
		catalog.NewRef(catalog.ISO27002v2022, "5.1"),
		catalog.NewRef(catalog.ISO27001v2022, "5.1"),
	}, re.Candidates)
	assert.Equal(t, `"5.1": ambiguous reference (could be iso27002:2022/5.1 or iso27001:2022/5.1; name the framework, e.g. "iso27002:2022/5.1")`, err.Error())

	_, err = catalog.ParseRef("id.am-1", catalog.CSF20, catalog.CSF11)
	require.NoError(t, err)
	_, err = catalog.ParseRef("Id.Am-01", "nist-csf:1.1", "nist-csf:2.0")
	require.NoError(t, err)
	_, err = catalog.ParseRef("ID", catalog.CSF20, catalog.CSF11)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, []catalog.Ref{
		catalog.NewRef(catalog.CSF20, "ID"),
		catalog.NewRef(catalog.CSF11, "ID"),
	}, re.Candidates)
	_, err = catalog.ParseRef("ID.AM-001", catalog.CSF20, catalog.CSF11)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, []catalog.Ref{
		catalog.NewRef(catalog.CSF20, "ID.AM-01"),
		catalog.NewRef(catalog.CSF11, "ID.AM-1"),
	}, re.Candidates)

	_, err = catalog.ParseRef("5.1", catalog.CSF20)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, []catalog.FrameworkID{catalog.CSF20}, re.Frameworks)
	assert.Equal(t, `"5.1": no such control in nist-csf:2.0`, err.Error())

	_, err = catalog.ParseRef("5.1", "nope")
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "nope", re.Input)
	assert.Equal(t, `"nope": unknown framework`, err.Error())
}

func TestResolveFramework(t *testing.T) {
	c := catalog.Default()
	tests := map[string]catalog.FrameworkID{
		"iso27002":           catalog.ISO27002v2022,
		"ISO27002":           catalog.ISO27002v2022,
		"iso27002:2022":      catalog.ISO27002v2022,
		"ISO/IEC 27002:2022": catalog.ISO27002v2022,
		"iso27002:2013":      catalog.ISO27002v2013,
		"27002":              catalog.ISO27002v2022,
		"27002:2013":         catalog.ISO27002v2013,
		"iso27001":           catalog.ISO27001v2022,
		"ISO/IEC 27001:2022": catalog.ISO27001v2022,
		"27001":              catalog.ISO27001v2022,
		"csf":                catalog.CSF20,
		"CSF":                catalog.CSF20,
		"nist-csf":           catalog.CSF20,
		"nist_csf":           catalog.CSF20,
		"nistcsf":            catalog.CSF20,
		"csf:2.0":            catalog.CSF20,
		"csf:2":              catalog.CSF20,
		"nist-csf:2":         catalog.CSF20,
		"csf2":               catalog.CSF20,
		"csf:1.1":            catalog.CSF11,
		"csf1.1":             catalog.CSF11,
		"nist-csf:v1.1":      catalog.CSF11,
		" NIST-CSF:1.1 ":     catalog.CSF11,
		"NIST CSF":           catalog.CSF20,
		"NIST CSF 2.0":       catalog.CSF20,
		"NIST CSF 1.1":       catalog.CSF11,
		"nist csf v1.1":      catalog.CSF11,
		"ISO 27002 2013":     catalog.ISO27002v2013,
		"ISO/IEC 27002":      catalog.ISO27002v2022,
	}
	if catalog.HasCIS() {
		tests["cis"] = catalog.CIS81
		tests["CIS"] = catalog.CIS81
		tests["cis-controls"] = catalog.CIS81
		tests["cis:8.1"] = catalog.CIS81
		tests["cis:v8.1"] = catalog.CIS81
		tests["cis:8"] = catalog.CIS8
		tests["cis:8.0"] = catalog.CIS8
		tests["cis:v8"] = catalog.CIS8
		tests["CIS v8"] = catalog.CIS8
		tests["CIS Controls v8.1"] = catalog.CIS81
		tests["cis controls"] = catalog.CIS81
	}
	for in, want := range tests {
		got, err := c.ResolveFramework(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, in := range []string{"", "  ", "iso", "iso27002:2030", "csf:3", "iso27003", "cis:7", "NIST CSF 3", "ISO 27002 2030", "csf 2.0 extra"} {
		_, err := c.ResolveFramework(in)
		assert.ErrorIs(t, err, catalog.ErrUnknownFramework, in)
		var re *catalog.RefError
		assert.True(t, errors.As(err, &re), in)
	}
	if !catalog.HasCIS() {
		_, err := c.ResolveFramework("cis")
		assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	}
}

func TestRefText(t *testing.T) {
	r := catalog.NewRef(catalog.CSF20, "GV.OC-01")
	b, err := r.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "nist-csf:2.0/GV.OC-01", string(b))
	var back catalog.Ref
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, r, back)

	require.NoError(t, back.UnmarshalText(nil))
	assert.True(t, back.IsZero())
	assert.Equal(t, "", catalog.Ref{}.String())
	b, err = catalog.Ref{}.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)

	for _, bad := range []string{"5.1", "ISO27002:5.1/x/", "iso27002:2022/", "/5.1", "Bad Framework/5.1", "a:b:c/1", "iso27002:2022/ 5.1"} {
		var r catalog.Ref
		err := r.UnmarshalText([]byte(bad))
		assert.ErrorIs(t, err, catalog.ErrSyntax, bad)
		assert.True(t, r.IsZero(), bad)
	}
	// No control ID holds a '/' or a line break.
	for _, bad := range []string{"acme:1/a/b", "acme:1/a\nb"} {
		var r catalog.Ref
		assert.ErrorIs(t, r.UnmarshalText([]byte(bad)), catalog.ErrSyntax, bad)
	}

	// Refs are comparable map keys.
	m := map[catalog.Ref]int{catalog.NewRef(catalog.ISO27002v2022, "5.1"): 1}
	assert.Equal(t, 1, m[catalog.NewRef("iso27002:2022", "5.1")])
}

func TestCompareIDs(t *testing.T) {
	ordered := []string{"", "1", "01", "2", "5", "5.1", "5.2", "5.10", "5.10.1", "5.37", "10", "10.1", "A.5.1.1", "A.5.1.2", "A.10.1.1", "GV", "GV.OC", "GV.OC-1", "GV.OC-01", "GV.OC-2", "GV.OC-10", "ID", "a"}
	for i, a := range ordered {
		for j, b := range ordered {
			got := catalog.CompareIDs(a, b)
			switch {
			case i < j:
				assert.Negative(t, got, "%q < %q", a, b)
			case i > j:
				assert.Positive(t, got, "%q > %q", a, b)
			default:
				assert.Zero(t, got, "%q = %q", a, b)
			}
		}
	}
	assert.Equal(t, "iso27002:2022", catalog.ISO27002v2022.String())
	assert.Equal(t, "iso27002", catalog.ISO27002v2022.Family())
	assert.Equal(t, "2022", catalog.ISO27002v2022.Version())
	assert.Equal(t, "plain", catalog.FrameworkID("plain").Family())
	assert.Equal(t, "", catalog.FrameworkID("plain").Version())
}

// NIST SP 800-53 labels resolve under every spelling NIST and OSCAL use, whether a
// framework's IDs are printed labels ("AC-2(1)") or OSCAL ids ("ac-2.1").
func TestParseRefNISTLabels(t *testing.T) {
	spec := func(id catalog.FrameworkID, ids ...string) catalog.Framework {
		f := catalog.Framework{ID: id, Name: string(id), QualifiedOnly: true}
		for _, c := range ids {
			f.Controls = append(f.Controls, catalog.ControlSpec{ID: c, Title: "t " + c})
		}
		return f
	}
	cat, err := catalog.New(
		spec("labels:5", "AC-2", "AC-2(1)", "AC-2(12)", "AC-20", "SC-7(4)"),
		spec("oscal:5", "ac-2", "ac-2.1", "ac-2.12", "ac-20", "sc-7.4"),
	)
	require.NoError(t, err)
	for _, in := range []string{"AC-2(1)", "AC-02(01)", "ac-2.1", "ac-2(1)", "AC-2.1", "ac-02.01", "AC-2 (1)", " ac-2(01) "} {
		r, err := cat.ParseRef(in, "labels:5")
		require.NoError(t, err, in)
		assert.Equal(t, "labels:5/AC-2(1)", r.String(), in)
		r, err = cat.ParseRef(in, "oscal:5")
		require.NoError(t, err, in)
		assert.Equal(t, "oscal:5/ac-2.1", r.String(), in)
	}
	for in, want := range map[string]string{"AC-2": "AC-2", "ac-02": "AC-2", "AC-2(12)": "AC-2(12)", "ac-2.12": "AC-2(12)", "AC-20": "AC-20", "sc-7.4": "SC-7(4)", "SC-07(04)": "SC-7(4)"} {
		r, err := cat.ParseRef(in, "labels:5")
		require.NoError(t, err, in)
		assert.Equal(t, want, r.ID, in)
	}
	// Not a spelling of AC-2(1): another enhancement, a broken shape.
	for _, in := range []string{"AC-2(2)", "AC-21", "AC-2(1", "AC-2((1))", "AC-2.1.1", "AC2(1)"} {
		_, err := cat.ParseRef(in, "labels:5")
		assert.ErrorIs(t, err, catalog.ErrNotFound, in)
	}
	// In both frameworks: the closest spelling wins, else it is ambiguous.
	r, err := cat.ParseRef("AC-2(1)", "labels:5", "oscal:5")
	require.NoError(t, err)
	assert.Equal(t, "labels:5/AC-2(1)", r.String())
	r, err = cat.ParseRef("ac-2.1", "labels:5", "oscal:5")
	require.NoError(t, err)
	assert.Equal(t, "oscal:5/ac-2.1", r.String())
	_, err = cat.ParseRef("AC-02(01)", "labels:5", "oscal:5")
	assert.ErrorIs(t, err, catalog.ErrAmbiguous)
}
