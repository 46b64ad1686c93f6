package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/crosswalk"
)

func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"html", "MD", " markdown ", "gv", "", "pdf", "x\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFormat(s)
		if err != nil {
			if got != "" {
				t.Fatalf("%q: format %q with error", s, got)
			}
			return
		}
		again, err := ParseFormat(string(got))
		if err != nil || again != got {
			t.Fatalf("%q → %q does not parse back (%v)", s, got, err)
		}
	})
}

// FuzzUserText renders a SoA whose free-text fields hold arbitrary text and checks
// that the text cannot break out: no tag in HTML, no extra cell or line in Markdown.
func FuzzUserText(f *testing.F) {
	for _, s := range []string{hostileNote, "a|b", "x\r\ny", "<img src=x onerror=alert(1)>", "]]>", "&lt;", "`|`\\|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		soa := &crosswalk.SoA{Standard: "iso27001:2022", Baseline: "iso27002:2022",
			Document: crosswalk.SoADocument{Organization: note, Scope: note, Version: note, Date: note, ApprovedBy: note},
			Controls: []crosswalk.SoAEntry{{Control: "5.1", AnnexA: "A.5.1", Title: note, Applicable: true,
				Justification: note, InclusionReason: note, Status: crosswalk.Implemented, Owner: note, Evidence: note, Notes: note}}}
		var h bytes.Buffer
		if err := SoAHTML(&h, soa, Options{}); err != nil {
			t.Fatal(err)
		}
		page := h.String()
		if strings.Count(page, "<script") != 1 || strings.Count(page, "<tr ") != 1 || strings.Count(page, "<td") != 10 ||
			strings.Count(page, "<dd") != 8 {
			t.Fatalf("note %q changed the page's structure", note)
		}
		var m bytes.Buffer
		if err := SoAMarkdown(&m, soa, Options{}); err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, line := range strings.Split(m.String(), "\n") {
			if strings.HasPrefix(line, "| A.5.1 |") {
				rows++
				if n := strings.Count(strings.ReplaceAll(line, `\\`, ""), "|") - strings.Count(strings.ReplaceAll(line, `\\`, ""), `\|`); n != 11 {
					t.Fatalf("note %q: row has %d separators: %s", note, n, line)
				}
			}
		}
		if rows != 1 {
			t.Fatalf("note %q: %d rows for one control", note, rows)
		}
	})
}
