package catalog_test

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The "nothing differs from the reference" check: every row of every framework CSV
// under ../shared/reference/frameworks is read here on its own (not through the
// generator) and compared with the embedded control: same ID, title, kind, parent and
// attribute values, and no embedded control that the reference does not account for.

// fact is what the reference says about one node.
type fact struct {
	id, title, parent string
	kind              catalog.Kind
	attrs             map[string][]string
}

func splitCell(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func flag(t *testing.T, row map[string]string, col string) string {
	t.Helper()
	switch row[col] {
	case "1":
		return "true"
	case "0":
		return "false"
	}
	t.Fatalf("row %v: column %s is %q, want 0 or 1", row, col, row[col])
	return ""
}

// compareFacts checks that framework fw holds exactly the facts, in this order.
func compareFacts(t *testing.T, fw catalog.FrameworkID, facts []fact) {
	t.Helper()
	c := catalog.Default()
	var got []string
	for ctl := range c.Controls(fw) {
		got = append(got, ctl.Ref.ID)
	}
	var want []string
	for _, f := range facts {
		want = append(want, f.id)
	}
	require.Equal(t, want, got, "%s: the embedded IDs, in document order, are the reference's", fw)
	for _, f := range facts {
		ctl, ok := c.Control(catalog.NewRef(fw, f.id))
		require.True(t, ok, f.id)
		assert.Equal(t, f.title, ctl.Title, "%s %s title", fw, f.id)
		assert.Equal(t, f.kind, ctl.Kind, "%s %s kind", fw, f.id)
		if f.parent == "" {
			assert.True(t, ctl.IsRoot(), "%s %s is a root", fw, f.id)
		} else {
			assert.Equal(t, catalog.NewRef(fw, f.parent), ctl.Parent, "%s %s parent", fw, f.id)
		}
		gotAttrs := map[string][]string{}
		for name, vs := range ctl.Attrs() {
			gotAttrs[name] = vs
		}
		wantAttrs := f.attrs
		if wantAttrs == nil {
			wantAttrs = map[string][]string{}
		}
		assert.Equal(t, wantAttrs, gotAttrs, "%s %s attributes", fw, f.id)
	}
}

func TestFactsISO27002v2022(t *testing.T) {
	rows := readReference(t, "iso27002-2022.csv")
	require.Len(t, rows, 93)
	var facts []fact
	seen := map[string]bool{}
	for _, r := range rows {
		clause, _, _ := strings.Cut(r["id"], ".")
		if !seen[clause] {
			seen[clause] = true
			facts = append(facts, fact{id: clause, title: r["theme"] + " controls", kind: catalog.KindTheme})
		}
		attrs := map[string][]string{
			catalog.AttrTheme:        {r["theme"]},
			catalog.AttrControlType:  splitCell(r["control_type"]),
			catalog.AttrProperties:   splitCell(r["properties"]),
			catalog.AttrConcepts:     splitCell(r["concepts"]),
			catalog.AttrCapabilities: splitCell(r["capabilities"]),
			catalog.AttrDomains:      splitCell(r["domains"]),
			catalog.AttrNewIn2022:    {flag(t, r, "new_in_2022")},
		}
		facts = append(facts, fact{id: r["id"], title: r["title"], parent: clause, kind: catalog.KindControl, attrs: attrs})
	}
	compareFacts(t, catalog.ISO27002v2022, facts)
}

func TestFactsISO27001v2022(t *testing.T) {
	rows := readReference(t, "iso27001-2022-clauses.csv")
	require.Len(t, rows, 41)
	var facts []fact
	for _, r := range rows {
		attrs := map[string][]string{
			catalog.AttrMandatoryDocInfo: {flag(t, r, "mandatory_documented_information")},
			catalog.AttrClimate:          {flag(t, r, "amd1_2024_climate")},
		}
		if n := strings.TrimSpace(r["mdi_note"]); n != "" {
			attrs[catalog.AttrDocInfoNote] = []string{n}
		}
		facts = append(facts, fact{id: r["id"], title: r["title"], parent: r["parent"], kind: catalog.KindClause, attrs: attrs})
	}
	compareFacts(t, catalog.ISO27001v2022, facts)
}

func TestFactsISO27002v2013(t *testing.T) {
	rows := readReference(t, "iso27002-2013.csv")
	require.Len(t, rows, 114)
	var facts []fact
	for _, r := range rows {
		facts = append(facts, fact{id: r["id"], title: r["title"], kind: catalog.KindControl})
	}
	compareFacts(t, catalog.ISO27002v2013, facts)
}

func TestFactsCSF(t *testing.T) {
	for _, tt := range []struct {
		file         string
		fw           catalog.FrameworkID
		fn, cat, sub int
	}{
		{"nist-csf-2.0.csv", catalog.CSF20, 6, 22, 106},
		{"nist-csf-1.1.csv", catalog.CSF11, 5, 23, 108},
	} {
		t.Run(string(tt.fw), func(t *testing.T) {
			rows := readReference(t, tt.file)
			require.Len(t, rows, tt.sub)
			var facts []fact
			seen := map[string]bool{}
			counts := map[catalog.Kind]int{}
			add := func(f fact) {
				facts = append(facts, f)
				counts[f.kind]++
			}
			for _, r := range rows {
				if fn := r["function_id"]; !seen[fn] {
					seen[fn] = true
					add(fact{id: fn, title: r["function"], kind: catalog.KindFunction})
				}
				if cat := r["category_id"]; !seen[cat] {
					seen[cat] = true
					add(fact{id: cat, title: r["category"], parent: r["function_id"], kind: catalog.KindCategory})
				}
				add(fact{id: r["subcategory_id"], title: r["statement"], parent: r["category_id"], kind: catalog.KindSubcategory})
			}
			assert.Equal(t, map[catalog.Kind]int{catalog.KindFunction: tt.fn, catalog.KindCategory: tt.cat, catalog.KindSubcategory: tt.sub}, counts)
			compareFacts(t, tt.fw, facts)
		})
	}
}

// TestFactsNIS2: every row of the Annex of Regulation (EU) 2024/2690. A section is
// titled with its section_title and keeps the heading as printed as its summary; a
// requirement keeps its text (5.2 and 12.5) as its summary; a point keeps its text
// as its summary and, having no title of its own, is titled with the text's first
// line. The counts per kind are the reference
// README's (13 sections, 47 requirements, 159 points), counted here from the file.
func TestFactsNIS2(t *testing.T) {
	rows := readReference(t, "nis2-ir-2024-2690.csv")
	var facts []fact
	summaries := map[string]string{}
	counts := map[catalog.Kind]int{}
	for _, r := range rows {
		f := fact{id: r["id"], parent: r["parent"], kind: catalog.Kind(r["kind"])}
		switch f.kind {
		case catalog.KindSection:
			f.title, summaries[f.id] = r["section_title"], r["title"]
		case catalog.KindRequirement:
			f.title, summaries[f.id] = r["title"], r["text"]
		case catalog.KindPoint:
			require.Empty(t, r["title"], r["id"])
			first, _, _ := strings.Cut(r["text"], "\n")
			f.title, summaries[f.id] = strings.TrimSpace(first), r["text"]
		default:
			t.Fatalf("row %s: unknown kind %q", r["id"], r["kind"])
		}
		counts[f.kind]++
		facts = append(facts, f)
	}
	assert.Equal(t, map[catalog.Kind]int{catalog.KindSection: 13, catalog.KindRequirement: 47, catalog.KindPoint: 159}, counts)
	compareFacts(t, catalog.NIS2v2024, facts)
	c := catalog.Default()
	for id, want := range summaries {
		ctl, ok := c.Control(catalog.NewRef(catalog.NIS2v2024, id))
		require.True(t, ok, id)
		assert.Equal(t, want, ctl.Summary, "summary of %s", id)
	}
	for ctl := range c.Controls(catalog.NIS2v2024) {
		assert.NotContains(t, ctl.Title, "\n", "a title is one line: %s", ctl.Ref)
	}
	in, ok := c.Framework(catalog.NIS2v2024)
	require.True(t, ok)
	assert.True(t, in.QualifiedOnly, "NIS2 numbers (5.1, 8.2) are ISO's too: a bare number stays ISO's")
	assert.Equal(t, []catalog.Kind{catalog.KindRequirement}, in.ItemKinds, "ENISA maps the requirements")
	assert.Equal(t, []catalog.KindCount{{catalog.KindSection, 13}, {catalog.KindRequirement, 47}, {catalog.KindPoint, 159}}, in.Counts)
	// Sections 7 and 9 have no sub-headings: their points sit under the section.
	p, ok := c.Control(catalog.NewRef(catalog.NIS2v2024, "7.1"))
	require.True(t, ok)
	assert.Equal(t, catalog.NewRef(catalog.NIS2v2024, "7"), p.Parent)
	assert.Equal(t, catalog.KindPoint, p.Kind)
	got, err := c.ParseRef("nis2 11.2.1")
	require.NoError(t, err)
	assert.Equal(t, catalog.NewRef(catalog.NIS2v2024, "11.2.1"), got)
}

// TestFactsSP80053: every row of SP 800-53 Rev. 5 (release 5.0.1), with a family node
// before each family's first control; the statement is the summary (read apart, see
// Catalog.Summary), a withdrawn item is marked status=withdrawn with where it went,
// the baselines are the attribute baseline. Counts and baseline sizes are read from
// the file and compared with the reference README's (1189 = 1007 active + 182
// withdrawn; LOW 149, MODERATE 287, HIGH 370, PRIVACY 96).
func TestFactsSP80053(t *testing.T) {
	rows := readReference(t, "nist-sp800-53-r5.csv")
	ref := sp80053Facts(t, rows)
	assert.Len(t, rows, 1189)
	assert.Equal(t, map[string]int{"active": 1007, "withdrawn": 182}, ref.status)
	assert.Equal(t, map[string]int{"LOW": 149, "MODERATE": 287, "HIGH": 370, "PRIVACY": 96}, ref.baselines)
	compareFacts(t, catalog.SP80053v5, ref.facts)

	c := catalog.Default()
	checkSP80053Statements(t, c, ref.statements)
	in, ok := c.Framework(catalog.SP80053v5)
	require.True(t, ok)
	assert.Equal(t, []catalog.KindCount{{catalog.KindFamily, 20}, {catalog.KindControl, 322}, {catalog.KindEnhancement, 867}}, in.Counts)
	assert.Equal(t, []catalog.Kind{catalog.KindControl, catalog.KindEnhancement}, in.ItemKinds)
	withdrawn := 0
	for ctl := range c.Controls(catalog.SP80053v5) {
		if ctl.Withdrawn() {
			withdrawn++
		}
	}
	assert.Equal(t, ref.status["withdrawn"], withdrawn)
	// Baseline filtering works as CIS's implementation groups do: any case.
	for v, n := range ref.baselines {
		assert.Len(t, ids(c.Controls(catalog.SP80053v5, catalog.InBaseline(strings.ToLower(v)))), n, v)
	}
	checkSP80053Spellings(t, c, rows)
}

// sp80053Ref is what the SP 800-53 reference file says: the facts of every row (with
// a family node before each family's first control), the statements by ID, and the
// rows counted by status and by baseline.
type sp80053Ref struct {
	facts             []fact
	statements        map[string]string
	status, baselines map[string]int
}

// sp80053Facts reads the reference rows: the statement is the summary (read apart,
// see Catalog.Summary), a withdrawn item is marked status=withdrawn with where it
// went, the baselines are the attribute baseline.
func sp80053Facts(t *testing.T, rows []map[string]string) sp80053Ref {
	ref := sp80053Ref{statements: map[string]string{}, status: map[string]int{}, baselines: map[string]int{}}
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r["family"]] {
			seen[r["family"]] = true
			ref.facts = append(ref.facts, fact{id: r["family"], title: r["family_title"], kind: catalog.KindFamily})
		}
		f := fact{id: r["id"], title: r["title"], parent: cmp.Or(r["parent"], r["family"]), kind: catalog.Kind(r["kind"]), attrs: map[string][]string{}}
		for _, b := range []struct{ col, v string }{{"baseline_low", "LOW"}, {"baseline_moderate", "MODERATE"}, {"baseline_high", "HIGH"}, {"baseline_privacy", "PRIVACY"}} {
			if flag(t, r, b.col) == "true" {
				f.attrs[catalog.AttrBaseline] = append(f.attrs[catalog.AttrBaseline], b.v)
				ref.baselines[b.v]++
			}
		}
		ref.status[r["status"]]++
		if r["status"] == "withdrawn" {
			f.attrs[catalog.AttrStatus] = []string{catalog.StatusWithdrawn}
			if to := splitCell(r["withdrawn_to"]); len(to) > 0 {
				f.attrs[catalog.AttrIncorporatedInto] = to
			}
		}
		if len(f.attrs) == 0 {
			f.attrs = nil
		}
		ref.statements[f.id] = r["statement"]
		ref.facts = append(ref.facts, f)
	}
	return ref
}

// checkSP80053Statements: each statement is read apart (the control's Summary is
// empty; Catalog.Summary has it), and the spec (what exports write) and Embedded carry
// them all.
func checkSP80053Statements(t *testing.T, c *catalog.Catalog, statements map[string]string) {
	for id, want := range statements {
		ctl, ok := c.Control(catalog.NewRef(catalog.SP80053v5, id))
		require.True(t, ok, id)
		assert.Empty(t, ctl.Summary, "%s: the statement is read apart", id)
		got, ok := c.Summary(ctl.Ref)
		require.True(t, ok, id)
		assert.Equal(t, want, got, "statement of %s", id)
	}
	spec, ok := c.Spec(catalog.SP80053v5)
	require.True(t, ok)
	for _, s := range spec.Controls {
		assert.Equal(t, statements[s.ID], s.Summary, s.ID)
	}
	for _, f := range catalog.Embedded() {
		if f.ID == catalog.SP80053v5 {
			assert.Equal(t, spec, f)
		}
	}
}

// checkSP80053Spellings: every spelling NIST uses resolves to the printed label: the
// reference's OSCAL id (ac-2.1), the zero-padded label of the CSF 2.0 export and OLIR
// #155 (AC-02(01)), the label with a blank before the enhancement (AC-2 (1)), lower
// case, and with the framework named.
func checkSP80053Spellings(t *testing.T, c *catalog.Catalog, rows []map[string]string) {
	for _, id := range []string{"AC-2(1)", "SC-7(25)", "AC-2"} {
		got, err := c.ParseRef(id)
		require.NoError(t, err, id)
		assert.Equal(t, catalog.NewRef(catalog.SP80053v5, id), got)
	}
	got, err := c.ParseRef("800-53 AC-02(01)")
	require.NoError(t, err)
	assert.Equal(t, catalog.NewRef(catalog.SP80053v5, "AC-2(1)"), got)
	pad := regexp.MustCompile(`(\d+)`)
	for _, r := range rows {
		want := catalog.NewRef(catalog.SP80053v5, r["id"])
		padded := pad.ReplaceAllStringFunc(r["id"], func(n string) string {
			if len(n) == 1 {
				return "0" + n
			}
			return n
		})
		for _, spelling := range []string{r["oscal_id"], padded, strings.Replace(r["id"], "(", " (", 1), strings.ToLower(r["id"])} {
			got, err := c.ParseRef(spelling)
			if assert.NoError(t, err, spelling) {
				assert.Equal(t, want, got, spelling)
			}
		}
	}
}

func TestFactsCIS(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS data")
	}
	controls := readReference(t, "cis-controls-v8.csv")
	require.Len(t, controls, 18)
	for _, tt := range []struct {
		file string
		fw   catalog.FrameworkID
	}{
		{"cis-controls-v8-safeguards.csv", catalog.CIS8},
		{"cis-controls-v8.1-safeguards.csv", catalog.CIS81},
	} {
		t.Run(string(tt.fw), func(t *testing.T) {
			rows := readReference(t, tt.file)
			require.Len(t, rows, 153)
			var facts []fact
			used := 0
			for _, ctl := range controls {
				facts = append(facts, fact{id: ctl["id"], title: ctl["title"], kind: catalog.KindControl})
				for _, r := range rows {
					if r["control_id"] != ctl["id"] {
						continue
					}
					used++
					attrs := map[string][]string{}
					if v := splitCell(r["asset_type"]); len(v) > 0 {
						attrs[catalog.AttrAssetType] = v
					}
					if v := splitCell(r["security_function"]); len(v) > 0 {
						attrs[catalog.AttrSecurityFunc] = v
					}
					var igs []string
					for i, col := range []string{"ig1", "ig2", "ig3"} {
						if flag(t, r, col) == "true" {
							igs = append(igs, fmt.Sprintf("IG%d", i+1))
						}
					}
					if len(igs) > 0 {
						attrs[catalog.AttrImplementation] = igs
					}
					facts = append(facts, fact{id: r["id"], title: r["title"], parent: ctl["id"], kind: catalog.KindSafeguard, attrs: attrs})
				}
			}
			require.Equal(t, len(rows), used, "every safeguard belongs to a control")
			compareFacts(t, tt.fw, facts)
		})
	}
}
