package mappings_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
	"github.com/controlgraph/controlgraph/mappings"
)

// referenceDir returns ../shared/reference beside the module, or skips the test.
func referenceDir(t testing.TB) string {
	t.Helper()
	return testref.Dir(t)
}

// readRef reads a reference mapping CSV as maps by column name, cells trimmed.
func readRef(t *testing.T, _ string, name string) []map[string]string {
	t.Helper()
	rows := testref.ReadCSV(t, "mappings", name)
	for _, m := range rows {
		for k, v := range m {
			m[k] = strings.TrimSpace(v)
		}
	}
	return rows
}

func edgeKey(from, to catalog.Ref, r mappings.Relationship, label string) string {
	return fmt.Sprintf("%s %s %s %s", from, r, to, label)
}

func stmtKey(r catalog.Ref, k mappings.StatementKind, target string) string {
	return fmt.Sprintf("%s %s %s", r, k, target)
}

// facts returns the distinct edge and statement keys of a set.
func facts(s mappings.Set) (edges, stmts []string) {
	for _, e := range s.Edges {
		edges = append(edges, edgeKey(e.From, e.To, e.Relationship, e.Label))
	}
	for _, st := range s.Statements {
		stmts = append(stmts, stmtKey(st.Ref, st.Kind, st.Target))
	}
	slices.Sort(edges)
	slices.Sort(stmts)
	return edges, stmts
}

// expect collects what a reference file says, row by row, read with the rules of the
// reference README (the quirk readings written out here by hand).
type expect struct {
	edges, stmts []string
}

func (x *expect) edge(from, to catalog.Ref, r mappings.Relationship, label string) {
	if k := edgeKey(from, to, r, label); !slices.Contains(x.edges, k) {
		x.edges = append(x.edges, k)
	}
}

func (x *expect) stmt(r catalog.Ref, k mappings.StatementKind, target string) {
	x.stmts = append(x.stmts, stmtKey(r, k, target))
}

func (x *expect) check(t *testing.T, id string) {
	t.Helper()
	s, ok := mappings.EmbeddedSet(id)
	require.True(t, ok, id)
	slices.Sort(x.edges)
	slices.Sort(x.stmts)
	edges, stmts := facts(s)
	assert.Equal(t, x.edges, edges, "edges of %s", id)
	assert.Equal(t, x.stmts, stmts, "statements of %s", id)
}

func TestEmbeddedEqualsReference(t *testing.T) {
	ref := referenceDir(t)

	t.Run("iso2013", func(t *testing.T) {
		var x expect
		for _, r := range readRef(t, ref, "iso27002-2013_to_iso27002-2022.csv") {
			x.edge(catalog.NewRef(catalog.ISO27002v2013, r["iso27002_2013"]), catalog.NewRef(catalog.ISO27002v2022, r["iso27002_2022"]), mappings.Related, "")
		}
		x.check(t, mappings.SetISO2013ToISO2022)
	})

	t.Run("csf20-iso27001", func(t *testing.T) {
		var x expect
		misprints := map[string]string{"6.11": "6.1.1", "6.13": "6.1.3"}
		item := regexp.MustCompile(`^(.*?)\s*\([a-z]\)$`)
		for _, r := range readRef(t, ref, "nist-csf-2.0_to_iso27001-2022.csv") {
			from := catalog.NewRef(catalog.CSF20, r["csf_id"])
			target := "clauses"
			if strings.Contains(r["as_printed"], "Annex A") {
				target = "Annex A controls"
			}
			id := r["iso_id"]
			switch {
			case r["iso_kind"] == "none":
				x.stmt(from, mappings.NoReference, target)
			case r["iso_kind"] == "empty":
				x.stmt(from, mappings.EmptyReference, target)
			case id == "ALL" && r["iso_kind"] == "annex_a":
				x.stmt(from, mappings.AllControls, target)
			case id == "ALL":
				x.stmt(from, mappings.AllClauses, target)
			case r["iso_kind"] == "annex_a":
				x.edge(from, catalog.NewRef(catalog.ISO27002v2022, id), mappings.Related, "")
			default:
				if m := item.FindStringSubmatch(id); m != nil {
					id = m[1]
				}
				if m, ok := misprints[id]; ok {
					id = m
				}
				x.edge(from, catalog.NewRef(catalog.ISO27001v2022, id), mappings.Related, "")
			}
		}
		x.check(t, mappings.SetCSF20ToISO27001)
	})

	t.Run("csf11-csf20", func(t *testing.T) {
		var x expect
		two := regexp.MustCompile(`-0(\d)$`)
		// One edge per pair, its relations joined in the order the file lists them.
		type pair struct{ from, to catalog.Ref }
		var order []pair
		labels := map[pair][]string{}
		for _, r := range readRef(t, ref, "nist-csf-1.1_to_nist-csf-2.0.csv") {
			from := catalog.NewRef(catalog.CSF11, two.ReplaceAllString(r["csf11_id"], "-$1"))
			if r["csf20_id"] == "" {
				x.stmt(from, mappings.IncorporatedElsewhere, "CSF 2.0 elements not named")
				continue
			}
			p := pair{from, catalog.NewRef(catalog.CSF20, r["csf20_id"])}
			if _, ok := labels[p]; !ok {
				order = append(order, p)
			}
			if !slices.Contains(labels[p], r["relation"]) {
				labels[p] = append(labels[p], r["relation"])
			}
		}
		for _, p := range order {
			x.edge(p.from, p.to, mappings.Related, strings.Join(labels[p], "; "))
		}
		x.check(t, mappings.SetCSF11ToCSF20)
	})

	t.Run("csf11-iso2013", func(t *testing.T) {
		var x expect
		for _, r := range readRef(t, ref, "nist-csf-1.1_to_iso27001-2013.csv") {
			from := catalog.NewRef(catalog.CSF11, r["csf11_id"])
			if r["iso_kind"] == "clause" {
				x.stmt(from, mappings.UnresolvedReference, "ISO/IEC 27001:2013 clause "+r["iso_ref"])
				continue
			}
			x.edge(from, catalog.NewRef(catalog.ISO27002v2013, r["iso_ref"]), mappings.Related, "")
		}
		x.check(t, mappings.SetCSF11ToISO2013)
	})

	// ENISA's rows: 7.1 and 9.1 stand for sections 7 and 9; an empty target id is an
	// id that does not exist, kept as printed.
	nis2From := func(id string) catalog.Ref {
		if id == "7.1" || id == "9.1" {
			id = id[:1]
		}
		return catalog.NewRef(catalog.NIS2v2024, id)
	}
	t.Run("nis2-iso27001", func(t *testing.T) {
		var x expect
		for _, r := range readRef(t, ref, "nis2-ir-2024-2690_to_iso27002-2022.csv") {
			from := nis2From(r["nis2_id"])
			switch {
			case r["iso_id"] == "" && r["iso_kind"] == "annex_a":
				x.stmt(from, mappings.UnresolvedReference, fmt.Sprintf("ISO/IEC 27001:2022 Annex A control %q", r["as_printed"]))
			case r["iso_id"] == "":
				x.stmt(from, mappings.UnresolvedReference, fmt.Sprintf("ISO/IEC 27001:2022 clause %q", r["as_printed"]))
			case r["iso_kind"] == "annex_a":
				x.edge(from, catalog.NewRef(catalog.ISO27002v2022, r["iso_id"]), mappings.Related, "")
			default:
				x.edge(from, catalog.NewRef(catalog.ISO27001v2022, r["iso_id"]), mappings.Related, "")
			}
		}
		x.check(t, mappings.SetNIS2ToISO27001)
	})

	t.Run("nis2-csf20", func(t *testing.T) {
		var x expect
		for _, r := range readRef(t, ref, "nis2-ir-2024-2690_to_nist-csf-2.0.csv") {
			from := nis2From(r["nis2_id"])
			if r["csf_id"] == "" {
				x.stmt(from, mappings.UnresolvedReference, fmt.Sprintf("NIST CSF 2.0 subcategory %q", r["as_printed"]))
				continue
			}
			x.edge(from, catalog.NewRef(catalog.CSF20, r["csf_id"]), mappings.Related, "")
		}
		x.check(t, mappings.SetNIS2ToCSF20)
	})

	t.Run("csf20-sp80053", func(t *testing.T) {
		var x expect
		families := map[string]string{}
		for _, r := range testref.ReadCSV(t, "frameworks", "nist-sp800-53-r5.csv") {
			families[r["family"]] = r["family_title"]
		}
		for _, r := range readRef(t, ref, "nist-csf-2.0_to_nist-sp800-53-r5.csv") {
			from := catalog.NewRef(catalog.CSF20, r["csf_id"])
			id := r["sp80053_id"]
			switch {
			case families[id] != "":
				x.stmt(from, mappings.AllControls, fmt.Sprintf("SP 800-53 Rev. 5 family %s (%s)", id, families[id]))
			case id == "IA-13": // cited from Rev. 5.1.1, not in release 5.0.1
				x.stmt(from, mappings.UnresolvedReference, "SP 800-53 Rev. 5.1.1 IA-13")
			default:
				x.edge(from, catalog.NewRef(catalog.SP80053v5, id), mappings.Related, "")
			}
		}
		x.check(t, mappings.SetCSF20ToSP80053)
	})

	t.Run("sp80053-iso27001", func(t *testing.T) {
		var x expect
		for _, r := range readRef(t, ref, "nist-sp800-53-r5_to_iso27001-2022.csv") {
			require.Empty(t, r["relationship"], "OLIR #155 prints no relationship")
			to := catalog.NewRef(catalog.ISO27001v2022, r["iso_id"])
			if r["iso_kind"] == "annex_a" {
				to = catalog.NewRef(catalog.ISO27002v2022, r["iso_id"])
			}
			x.edge(catalog.NewRef(catalog.SP80053v5, r["sp80053_id"]), to, mappings.Related, "")
		}
		x.check(t, mappings.SetSP80053ToISO27001)
	})

	if !mappings.HasCIS() {
		return
	}
	t.Run("csf20-cis", func(t *testing.T) {
		var v8, v81 expect
		for _, r := range readRef(t, ref, "nist-csf-2.0_to_cis-controls.csv") {
			from := catalog.NewRef(catalog.CSF20, r["csf_id"])
			switch r["cis_version"] {
			case "8.0":
				v8.edge(from, catalog.NewRef(catalog.CIS8, r["cis_id"]), mappings.Related, "")
			case "8.1":
				v81.edge(from, catalog.NewRef(catalog.CIS81, r["cis_id"]), mappings.Related, "")
			default:
				t.Errorf("unknown cis_version %q", r["cis_version"])
			}
		}
		v8.check(t, mappings.SetCSF20ToCIS8)
		v81.check(t, mappings.SetCSF20ToCIS81)
	})

	for _, c := range []struct {
		file, col, id string
		to            catalog.FrameworkID
	}{
		{"cis-controls-v8_to_iso27002-2022.csv", "iso27002_2022", mappings.SetCIS8ToISO2022, catalog.ISO27002v2022},
		{"cis-controls-v8_to_nist-csf-1.1.csv", "csf11_id", mappings.SetCIS8ToCSF11, catalog.CSF11},
	} {
		t.Run(c.id, func(t *testing.T) {
			var x expect
			rows := readRef(t, ref, c.file)
			for _, r := range rows {
				rel, err := mappings.ParseRelationship(r["relationship"])
				require.NoError(t, err)
				x.edge(catalog.NewRef(catalog.CIS8, r["cis_id"]), catalog.NewRef(c.to, r[c.col]), rel, "")
			}
			x.check(t, c.id)
			// Every row is accounted for: distinct edges plus the repeats.
			s, _ := mappings.EmbeddedSet(c.id)
			n := 0
			for _, e := range s.Edges {
				n += 1 + e.Repeats
			}
			assert.Equal(t, len(rows), n)
		})
	}
}
