package mappings

import (
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
)

// IDs of the embedded mapping sets. Each is also the name of its data file under
// mappings/data (the CIS ones under mappings/data/cis) and, except where one reference
// file gives two sets, the name of the reference file it was generated from.
const (
	// ISO/IEC 27002:2013 → 27002:2022, Annex B of ISO/IEC 27002:2022 (succession).
	SetISO2013ToISO2022 = "iso27002-2013_to_iso27002-2022"
	// NIST CSF 2.0 → ISO/IEC 27001:2022 (clauses) and its Annex A (ISO/IEC 27002:2022
	// controls), NIST's informative references.
	SetCSF20ToISO27001 = "nist-csf-2.0_to_iso27001-2022"
	// NIST CSF 1.1 → CSF 2.0, NIST's withdrawal notes and informative references
	// (succession).
	SetCSF11ToCSF20 = "nist-csf-1.1_to_nist-csf-2.0"
	// NIST CSF 1.1 → ISO/IEC 27001:2013 Annex A (ISO/IEC 27002:2013 controls), CSF
	// 1.1's Table 2; its references to ISO/IEC 27001:2013 clauses are statements.
	SetCSF11ToISO2013 = "nist-csf-1.1_to_iso27001-2013"
	// NIS2 Implementing Regulation (EU) 2024/2690 → ISO/IEC 27001:2022 (clauses) and its
	// Annex A (ISO/IEC 27002:2022 controls), ENISA's mapping table.
	SetNIS2ToISO27001 = "nis2-ir-2024-2690_to_iso27002-2022"
	// NIS2 Implementing Regulation (EU) 2024/2690 → NIST CSF 2.0, ENISA's mapping table.
	SetNIS2ToCSF20 = "nis2-ir-2024-2690_to_nist-csf-2.0"
	// NIST CSF 2.0 → NIST SP 800-53 Rev. 5, NIST's informative references (cited as
	// Rev. 5.1.1); IA-13 (not in release 5.0.1) and family-level references are
	// statements.
	SetCSF20ToSP80053 = "nist-csf-2.0_to_nist-sp800-53-r5"
	// NIST SP 800-53 Rev. 5 → ISO/IEC 27001:2022 (clauses) and its Annex A (ISO/IEC
	// 27002:2022 controls), NIST OLIR #155, which prints no relationship: related.
	SetSP80053ToISO27001 = "nist-sp800-53-r5_to_iso27001-2022"
	// NIST CSF 2.0 → CIS Controls v8, NIST's informative references (CIS content).
	SetCSF20ToCIS8 = "nist-csf-2.0_to_cis-controls-v8"
	// NIST CSF 2.0 → CIS Controls v8.1, NIST's informative references (CIS content).
	SetCSF20ToCIS81 = "nist-csf-2.0_to_cis-controls-v8.1"
	// CIS Controls v8 → ISO/IEC 27002:2022, CIS's set-theory mapping (CIS content).
	SetCIS8ToISO2022 = "cis-controls-v8_to_iso27002-2022"
	// CIS Controls v8 → NIST CSF 1.1, CIS's set-theory mapping (CIS content).
	SetCIS8ToCSF11 = "cis-controls-v8_to_nist-csf-1.1"
	// CIS Controls v8 → v8.1, same numbering, every ID equal (succession, CIS content).
	SetCIS8ToCIS81 = "cis-controls-v8_to_cis-controls-v8.1"
)

// The embedded sets are Go tables (embed_tables.go, and embed_tables_cis.go unless
// the build has the tag nocis) that internal/gen writes from the reference data beside
// the JSON files under data/ it writes from the same sets; the package's tests check
// that the two agree. Reading a table decodes nothing: a set is made with two
// allocations (its edges and its statements), whose strings point into the table.
// (go generate ./catalog runs the generator, which writes both packages' data.)

// setTable is one embedded set as the generator writes it: the set without its edges
// and statements, the frameworks its refs name, one string table, and the edges and
// statements as rows of small integers.
type setTable struct {
	set   Set                   // no edges or statements
	fws   []catalog.FrameworkID // a ref's framework index; 0 is "" (the zero Ref)
	strs  string                // every distinct string of the set, concatenated
	offs  []uint32              // string i is strs[offs[i]:offs[i+1]]; string 0 is ""
	edges []edgeRow
	stmts []stmtRow
}

// edgeRow is one edge: its refs (framework index, ID string index), relationship,
// strength (-1: none given) and string indexes of the other fields.
type edgeRow struct {
	fromFW                                   uint8
	from                                     uint16
	toFW                                     uint8
	to                                       uint16
	rel                                      Relationship
	strength                                 int8
	rationale, source, note, label, misprint uint16
	repeats                                  uint16
}

// stmtRow is one statement: its ref, string indexes of its fields, and its reading
// (framework 0: none).
type stmtRow struct {
	refFW                        uint8
	ref                          uint16
	kind, target, note, misprint uint16
	readFW                       uint8
	reading                      uint16
}

// str returns string i of the table (a substring: no allocation).
func (t *setTable) str(i uint16) string { return t.strs[t.offs[i]:t.offs[i+1]] }

// ref returns the ref of framework fw and ID string id (the zero Ref for fw 0).
func (t *setTable) ref(fw uint8, id uint16) catalog.Ref {
	if fw == 0 {
		return catalog.Ref{}
	}
	return catalog.Ref{Framework: t.fws[fw], ID: t.str(id)}
}

// build returns the set, with edges and statements the caller owns.
func (t *setTable) build() Set {
	s := t.set
	if len(t.edges) > 0 {
		s.Edges = make([]Edge, len(t.edges))
	}
	for i, r := range t.edges {
		e := Edge{
			From: t.ref(r.fromFW, r.from), To: t.ref(r.toFW, r.to), Relationship: r.rel,
			Rationale: Rationale(t.str(r.rationale)), Source: t.str(r.source), Note: t.str(r.note),
			Label: t.str(r.label), Misprint: t.str(r.misprint), Repeats: int(r.repeats),
		}
		if r.strength >= 0 {
			e.Strength, e.HasStrength = int(r.strength), true
		}
		s.Edges[i] = e
	}
	if len(t.stmts) > 0 {
		s.Statements = make([]Statement, len(t.stmts))
	}
	for i, r := range t.stmts {
		s.Statements[i] = Statement{
			Ref: t.ref(r.refFW, r.ref), Kind: StatementKind(t.str(r.kind)), Target: t.str(r.target),
			Note: t.str(r.note), Misprint: t.str(r.misprint), Reading: t.ref(r.readFW, r.reading),
		}
	}
	return s
}

// embeddedTables returns the tables of the embedded sets, in the order of [Embedded].
func embeddedTables() []*setTable {
	return append(slices.Clip(baseSetTables), cisSetTables...)
}

// Embedded returns a fresh deep copy of the embedded mapping sets, in a fixed order:
// ISO 2013 → 2022, CSF 2.0 → ISO/IEC 27001:2022, CSF 1.1 → 2.0, CSF 1.1 → ISO/IEC
// 27001:2013, NIS2 → ISO/IEC 27001:2022, NIS2 → CSF 2.0, CSF 2.0 → SP 800-53, SP 800-53
// → ISO/IEC 27001:2022, then (unless built with -tags nocis) CSF 2.0 → CIS v8 and v8.1, CIS v8 →
// ISO/IEC 27002:2022, CIS v8 → CSF 1.1 and CIS v8 → v8.1. Edges are in document order
// of their From and To controls. Each call reads the generated tables anew (no JSON
// is decoded); the embedded data is checked by the package's tests.
func Embedded() []Set {
	ts := embeddedTables()
	out := make([]Set, len(ts))
	for i, t := range ts {
		out[i] = t.build()
	}
	return out
}

// EmbeddedSet returns a copy of the embedded set with the given ID (see the Set...
// constants).
func EmbeddedSet(id string) (Set, bool) {
	for _, t := range embeddedTables() {
		if t.set.ID == id {
			return t.build(), true
		}
	}
	return Set{}, false
}

// Sets returns copies of the embedded sets that map from framework from to framework
// to, in the order of [Embedded]. Sets are directed: a set from A to B is found by
// Sets(A, B) only (read it backwards with [Set.Inverse]). A set whose To framework
// carries another as its annex is found under either: Sets("nist-csf:2.0",
// "iso27002:2022") finds the CSF 2.0 → ISO/IEC 27001:2022 set, whose Annex A edges
// reach ISO/IEC 27002:2022 controls. Either ID may be "" to match any framework.
func Sets(from, to catalog.FrameworkID) []Set {
	var out []Set
	for _, t := range embeddedTables() {
		if s := t.set; (from == "" || s.From == from) && (to == "" || s.To == to || annexOf(s.To) == to) {
			out = append(out, t.build())
		}
	}
	return out
}

// annexOf returns the framework whose controls fw carries as its annex in the embedded
// catalog, or "".
func annexOf(fw catalog.FrameworkID) catalog.FrameworkID {
	if info, ok := catalog.Default().Framework(fw); ok {
		return info.AnnexOf
	}
	return ""
}

// HasCIS reports whether this build embeds the CIS mapping sets (false with the build
// tag nocis).
func HasCIS() bool { return len(cisSetTables) > 0 }
