package mappings

import (
	_ "embed" // the data files
	"fmt"
	"sync"

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

// The embedded files are byte slices rather than an embed.FS: reading a file of an
// embed.FS copies it, and the decoder makes its own copy anyway. They are only read.
var (
	//go:embed data/iso27002-2013_to_iso27002-2022.json
	iso2013ToISO2022JSON []byte
	//go:embed data/nist-csf-2.0_to_iso27001-2022.json
	csf20ToISO27001JSON []byte
	//go:embed data/nist-csf-1.1_to_nist-csf-2.0.json
	csf11ToCSF20JSON []byte
	//go:embed data/nist-csf-1.1_to_iso27001-2013.json
	csf11ToISO2013JSON []byte
	//go:embed data/nis2-ir-2024-2690_to_iso27002-2022.json
	nis2ToISO27001JSON []byte
	//go:embed data/nis2-ir-2024-2690_to_nist-csf-2.0.json
	nis2ToCSF20JSON []byte
	//go:embed data/nist-csf-2.0_to_nist-sp800-53-r5.json
	csf20ToSP80053JSON []byte
	//go:embed data/nist-sp800-53-r5_to_iso27001-2022.json
	sp80053ToISO27001JSON []byte
)

// embeddedFile is one embedded data file: its name under mappings/ and its content
// (read-only).
type embeddedFile struct {
	name string
	data []byte
}

// embeddedFiles lists the embedded set files in the order of [Embedded]. The CIS
// files are added by cis.go unless the build has the tag nocis.
var embeddedFiles = []embeddedFile{
	{"data/" + SetISO2013ToISO2022 + ".json", iso2013ToISO2022JSON},
	{"data/" + SetCSF20ToISO27001 + ".json", csf20ToISO27001JSON},
	{"data/" + SetCSF11ToCSF20 + ".json", csf11ToCSF20JSON},
	{"data/" + SetCSF11ToISO2013 + ".json", csf11ToISO2013JSON},
	{"data/" + SetNIS2ToISO27001 + ".json", nis2ToISO27001JSON},
	{"data/" + SetNIS2ToCSF20 + ".json", nis2ToCSF20JSON},
	{"data/" + SetCSF20ToSP80053 + ".json", csf20ToSP80053JSON},
	{"data/" + SetSP80053ToISO27001 + ".json", sp80053ToISO27001JSON},
}

var loadEmbedded = sync.OnceValues(func() ([]Set, error) {
	var sets []Set
	for _, ef := range embeddedFiles {
		got, err := readTrusted(ef.name, ef.data)
		if err != nil {
			return nil, err
		}
		sets = append(sets, got...)
	}
	return sets, nil
})

func embedded() []Set {
	sets, err := loadEmbedded()
	if err != nil {
		panic(fmt.Sprintf("mappings: embedded data is corrupt: %v", err))
	}
	return sets
}

// Embedded returns a fresh deep copy of the embedded mapping sets, in a fixed order:
// ISO 2013 → 2022, CSF 2.0 → ISO/IEC 27001:2022, CSF 1.1 → 2.0, CSF 1.1 → ISO/IEC
// 27001:2013, NIS2 → ISO/IEC 27001:2022, NIS2 → CSF 2.0, CSF 2.0 → SP 800-53, SP 800-53
// → ISO/IEC 27001:2022, then (unless built with -tags nocis) CSF 2.0 → CIS v8 and v8.1, CIS v8 →
// ISO/IEC 27002:2022, CIS v8 → CSF 1.1 and CIS v8 → v8.1. Edges are in document order
// of their From and To controls. The data is decoded once, on first use; the embedded
// data is checked by the package's tests, and a corrupt build panics here.
func Embedded() []Set {
	sets := embedded()
	out := make([]Set, len(sets))
	for i, s := range sets {
		out[i] = s.Clone()
	}
	return out
}

// EmbeddedSet returns a copy of the embedded set with the given ID (see the Set...
// constants).
func EmbeddedSet(id string) (Set, bool) {
	for _, s := range embedded() {
		if s.ID == id {
			return s.Clone(), true
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
	for _, s := range embedded() {
		if (from == "" || s.From == from) && (to == "" || s.To == to || annexOf(s.To) == to) {
			out = append(out, s.Clone())
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
func HasCIS() bool { return hasCIS }
