package catalog_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
)

func FuzzParseRef(f *testing.F) {
	for _, s := range []string{
		"5.1", "A.5.1", "a.5.1", "ISO27002:5.1", "iso27001:2022/A.5.1", "iso27002:2022/5.1",
		"ISO/IEC 27001:2022 A.8.16", "GV.OC-01", "gv.oc-1", "ID.AM-1", "ID.AM-01", "CIS 4.1",
		"cis:4.1", "cis:8:4.1", "cis:v8.1/16.14", "A.12.4.1", "csf:1.1/id.am-1", "foo:1", "",
		"/", ":", "iso27002:", " : / ", "A.", "0", "ID.AM-001", "iso27002:2022/A.12.4.1",
		"AC-2(1)", "ac-02.01", "800-53 AC-2 (1)", "sp800-53:5/si-4", "nis2:1.1.1", "AC-2(",
	} {
		f.Add(s, "")
		f.Add(s, "iso27001")
	}
	f.Add("5.1", "cis")
	f.Add("4.1", "nist-csf:2.0")
	f.Add("ac-2.1", "800-53")
	c := catalog.Default()
	f.Fuzz(func(t *testing.T, s, fw string) {
		var in []catalog.FrameworkID
		if fw != "" {
			in = append(in, catalog.FrameworkID(fw))
		}
		r, err := c.ParseRef(s, in...)
		if err != nil {
			checkRefError(t, c, err)
			return
		}
		checkParsedRef(t, c, r)
	})
}

// checkRefError fails unless err is a *RefError of one of ParseRef's kinds, and, when
// ambiguous, lists at least two candidates the catalog holds.
func checkRefError(t *testing.T, c *catalog.Catalog, err error) {
	t.Helper()
	var re *catalog.RefError
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *RefError", err)
	}
	if !errors.Is(err, catalog.ErrSyntax) && !errors.Is(err, catalog.ErrUnknownFramework) &&
		!errors.Is(err, catalog.ErrNotFound) && !errors.Is(err, catalog.ErrAmbiguous) {
		t.Fatalf("unexpected error kind %v", err)
	}
	if errors.Is(err, catalog.ErrAmbiguous) {
		if len(re.Candidates) < 2 {
			t.Fatalf("ambiguous with %d candidates", len(re.Candidates))
		}
		for _, cand := range re.Candidates {
			if _, ok := c.Control(cand); !ok {
				t.Fatalf("candidate %v is not in the catalog", cand)
			}
		}
	}
	_ = err.Error()
}

// checkParsedRef fails unless r is a canonical ref of the catalog that parses back
// to itself, as a string and as text.
func checkParsedRef(t *testing.T, c *catalog.Catalog, r catalog.Ref) {
	t.Helper()
	ctl, ok := c.Control(r)
	if !ok {
		t.Fatalf("%v: the catalog does not hold it", r)
	}
	if ctl.Ref != r {
		t.Fatalf("%v is not canonical (%v)", r, ctl.Ref)
	}
	again, err := c.ParseRef(r.String())
	if err != nil || again != r {
		t.Fatalf("ParseRef(%q) = %v, %v; want %v", r.String(), again, err, r)
	}
	var back catalog.Ref
	b, _ := r.MarshalText()
	if err := back.UnmarshalText(b); err != nil || back != r {
		t.Fatalf("text round trip of %v: %v, %v", r, back, err)
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(goodJSON))
	f.Add([]byte(`{"frameworks": [` + goodJSON + `]}`))
	f.Add([]byte(`{"id": "acme:1", "name": "A", "version": "1", "controls": [{"id": "A", "title": "A", "kind": "control", "parent": "A"}]}`))
	f.Add([]byte("{\"id\": \"acme:1\",\n\"bogus\": 1}"))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fws, err := catalog.ReadJSON("fuzz.json", data)
		if err != nil {
			var de *catalog.DataError
			if !errors.As(err, &de) {
				t.Fatalf("error %v holds no *DataError", err)
			}
			if de.File != "fuzz.json" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		// What was accepted builds a catalog and writes back to the same frameworks.
		if _, err := catalog.New(fws...); err != nil && !errors.Is(err, catalog.ErrUnknownAnnex) && !errors.Is(err, catalog.ErrDuplicateFramework) {
			t.Fatalf("ReadJSON accepted what New rejects: %v", err)
		}
		var b bytes.Buffer
		if err := catalog.WriteJSON(&b, fws...); err != nil {
			t.Fatal(err)
		}
		back, err := catalog.ReadJSON("again.json", b.Bytes())
		if err != nil {
			t.Fatalf("re-reading the export: %v", err)
		}
		var b2 bytes.Buffer
		if err := catalog.WriteJSON(&b2, back...); err != nil {
			t.Fatal(err)
		}
		if b.String() != b2.String() {
			t.Fatalf("export not stable:\n%s\n%s", b.String(), b2.String())
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add(goodCSV)
	f.Add("id,title,parent\nA,Alpha,B\nB,Beta,A\n")
	f.Add("id,title\nA,Al\"pha\n")
	f.Add("id,title,note\nA,Alpha,a\\;b;c\n")
	f.Add("\ufeffID,Title\n")
	f.Add("")
	meta := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"}
	f.Fuzz(func(t *testing.T, in string) {
		fw, err := catalog.ReadCSV("fuzz.csv", strings.NewReader(in), meta)
		if err != nil {
			var de *catalog.DataError
			if !errors.As(err, &de) {
				t.Fatalf("error %v holds no *DataError", err)
			}
			if de.File != "fuzz.csv" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if _, err := catalog.New(fw); err != nil {
			t.Fatalf("ReadCSV accepted what New rejects: %v", err)
		}
		// Write and read back: the same framework.
		var b bytes.Buffer
		if err := catalog.WriteCSV(&b, fw); err != nil {
			return // attribute names CSV cannot give back are refused, never mangled
		}
		back, err := catalog.ReadCSV("again.csv", &b, meta)
		if err != nil {
			t.Fatalf("re-reading %q: %v", b.String(), err)
		}
		for i := range fw.Controls {
			if fw.Controls[i].Kind == "" {
				fw.Controls[i].Kind = catalog.KindControl
			}
		}
		var x, y bytes.Buffer
		_ = catalog.WriteJSON(&x, fw)
		_ = catalog.WriteJSON(&y, back)
		if x.String() != y.String() {
			t.Fatalf("CSV round trip changed the data:\n%s\n%s", x.String(), y.String())
		}
	})
}

func FuzzCompareIDs(f *testing.F) {
	for _, s := range [][3]string{
		{"5.2", "5.10", "5.1"}, {"GV.OC-01", "GV.OC-1", "GV.OC-10"}, {"A.5.1.1", "A.10.1.1", "A.5.1"},
		{"01", "1", "001"}, {"", "0", "a"}, {"9", ":", "/"}, {"10a", "1a", "10"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		ab, ba := catalog.CompareIDs(a, b), catalog.CompareIDs(b, a)
		if sign(ab) != -sign(ba) {
			t.Fatalf("not antisymmetric: (%q, %q) = %d, reverse %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Fatalf("CompareIDs(%q, %q) = %d", a, b, ab)
		}
		if catalog.CompareIDs(a, a) != 0 {
			t.Fatalf("CompareIDs(%q, %q) != 0", a, a)
		}
		// Transitive.
		bc, ac := catalog.CompareIDs(b, c), catalog.CompareIDs(a, c)
		if ab <= 0 && bc <= 0 && ac > 0 {
			t.Fatalf("not transitive: %q <= %q <= %q but %q > %q", a, b, c, a, c)
		}
		if ab >= 0 && bc >= 0 && ac < 0 {
			t.Fatalf("not transitive: %q >= %q >= %q but %q < %q", a, b, c, a, c)
		}
	})
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// FuzzParseRefOwn checks the same properties on a catalog with unusual but valid IDs.
func FuzzParseRefOwn(f *testing.F) {
	own := []catalog.Framework{
		{ID: "acme:1", Name: "ACME 1", Version: "1", Aliases: []string{"acme-sec"}, Controls: []catalog.ControlSpec{
			{ID: "X:1", Title: "Colon"}, {ID: "a b", Title: "Space"}, {ID: "A.1", Title: "A-dot"},
			{ID: "01", Title: "Zero"}, {ID: "1", Title: "One"}, {ID: "ID.AM-1", Title: "Like CSF"},
			{ID: "ac-2", Title: "OSCAL id"}, {ID: "ac-2.1", Title: "OSCAL enhancement id"},
		}},
		{ID: "acme:2", Name: "ACME 2", Version: "2", Controls: []catalog.ControlSpec{
			{ID: "1", Title: "One"}, {ID: "acme 1", Title: "Prefix-like"},
			{ID: "AC-2", Title: "NIST label"}, {ID: "AC-2(1)", Title: "NIST enhancement label"}, {ID: "AC-2.1", Title: "Both spellings"},
		}},
		{ID: "annex:1", Name: "Annex", Version: "1", AnnexOf: "acme:1", Controls: []catalog.ControlSpec{
			{ID: "A.1", Title: "Own A.1"}, {ID: "2", Title: "Two"},
		}},
	}
	c, err := catalog.New(own...)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"X:1", "acme:1/X:1", "a b", "acme a b", "A.1", "annex:1/A.1", "annex:1/A.A.1", "01", "1", "acme 1", "acme:2/acme 1", "acme-sec:ID.AM-01", "annex A.X:1",
		"AC-02(01)", "ac-2.1", "acme:2/ac-2(1)", "acme:1/AC-2(1)", "acme:2/AC-2 (01)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := c.ParseRef(s)
		if err != nil {
			var re *catalog.RefError
			if !errors.As(err, &re) {
				t.Fatalf("ParseRef(%q): error %v is not a *RefError", s, err)
			}
			return
		}
		ctl, ok := c.Control(r)
		if !ok || ctl.Ref != r {
			t.Fatalf("ParseRef(%q) = %v: not a canonical control of the catalog", s, r)
		}
		again, err := c.ParseRef(r.String())
		if err != nil || again != r {
			t.Fatalf("ParseRef(%q) = %v, %v; want %v", r.String(), again, err, r)
		}
	})
}
