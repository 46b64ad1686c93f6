package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

func init() {
	register(&command{
		name:    "mappings",
		args:    "--from FRAMEWORK --to FRAMEWORK [--set ID] [flags]",
		summary: "the published mapping edges between two frameworks, and what the sources state instead",
		detail: `Lists every published edge between the two frameworks, read "from R to": the edges of
the sets published from --from to --to as they are, and those of sets published the
other way read backwards (the relationship inverted: subset-of becomes superset-of)
and marked inverse. Each edge names its relationship (NIST IR 8477; "related" is a
link its source does not characterise), the source document, the mapping set, the
source's own label and a note where the data reads the source differently (a
misprinted clause number kept as printed). Rows are in document order of the from
control, then the to control.

A framework that carries another as its Annex A answers for both: --to iso27001:2022
lists the edges to its clauses and to its Annex A controls (the ISO/IEC 27002:2022
controls); --to iso27002:2022 lists only the latter.

The statements section lists what the sets published from --from state about its
elements instead of edges: NIST's "none" (no ISO reference for the clauses of
GV.OC-05), "All applicable controls" for function PR, references to documents
that are not frameworks here. --set ID limits both to one mapping set.`,
		examples: []string{
			"mappings --from csf --to iso27002:2022",
			"mappings --from iso27002:2022 --to cis:8 --format csv -o iso-cis.csv",
			"mappings --from nist-csf:1.1 --to nist-csf:2.0 --set nist-csf-1.1_to_nist-csf-2.0 --format md",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupMappings,
	})
}

// mappingsJSON is the output of "mappings --format json".
type mappingsJSON struct {
	From       string                 `json:"from"`
	To         string                 `json:"to"`
	Edges      []mappingEdgeJSON      `json:"edges"`
	Statements []mappingStatementJSON `json:"statements"`
}

type mappingEdgeJSON struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Relationship string `json:"relationship"`
	// Inverse: the source published the edge to → from; it is read backwards here.
	Inverse  bool   `json:"inverse,omitempty"`
	Set      string `json:"set"`
	Source   string `json:"source"`
	Label    string `json:"label,omitempty"`
	Note     string `json:"note,omitempty"`
	Misprint string `json:"misprint,omitempty"`
	Strength *int   `json:"strength,omitempty"`
	// Succession names the framework whose published edge this is, carried across an
	// identity succession to its same-ID twin ("cis:8" for a CIS v8.1 safeguard).
	Succession string `json:"succession,omitempty"`
}

type mappingStatementJSON struct {
	Ref      string `json:"ref"`
	Kind     string `json:"kind"`
	Target   string `json:"target,omitempty"`
	Note     string `json:"note,omitempty"`
	Misprint string `json:"misprint,omitempty"`
	Reading  string `json:"reading,omitempty"`
	Set      string `json:"set"`
}

func setupMappings(fs *flag.FlagSet) action {
	from := fs.String("from", "", "the `FRAMEWORK` the edges are read from (an ID or alias); required")
	to := fs.String("to", "", "the `FRAMEWORK` the edges are read to; required")
	setID := fs.String("set", "", "only the mapping set `ID`")
	return func(x *invocation, _ []string) error {
		if *from == "" || *to == "" {
			return badInput("missing --from FRAMEWORK or --to FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
		}
		a, err := x.resolveFramework(*from)
		if err != nil {
			return err
		}
		b, err := x.resolveFramework(*to)
		if err != nil {
			return err
		}
		if a == b {
			return badInput("--from and --to name the same framework %s; 'controlgraph controls %s' lists its hierarchy", a, a)
		}
		sets := x.allSets()
		if *setID != "" {
			s, err := x.findSet(*setID)
			if err != nil {
				return err
			}
			sets = []mappings.Set{s}
		}
		doc := mappingsDoc(x.crosswalk().Edges(a, b, sets))
		if *setID != "" && len(doc.Edges) == 0 && len(doc.Statements) == 0 {
			return badInput("mapping set %q links %s and %s, not %s and %s", *setID, sets[0].From, sets[0].To, a, b)
		}
		return x.writeMappings(a, b, doc)
	}
}

// mappingsDoc is the output of the mappings command for the published edges and
// statements between two frameworks (crosswalk.Crosswalk.Edges).
func mappingsDoc(p crosswalk.Pair) mappingsJSON {
	doc := mappingsJSON{From: string(p.From), To: string(p.To), Edges: []mappingEdgeJSON{}, Statements: []mappingStatementJSON{}}
	for _, e := range p.Edges {
		ej := mappingEdgeJSON{From: e.From.String(), To: e.To.String(), Relationship: e.Relationship.String(), Inverse: e.Inverse,
			Set: e.Set, Source: e.Source, Label: e.Label, Note: e.Note, Misprint: e.Misprint, Succession: string(e.Succession)}
		if e.HasStrength {
			v := e.Strength
			ej.Strength = &v
		}
		doc.Edges = append(doc.Edges, ej)
	}
	for _, st := range p.Statements {
		sj := mappingStatementJSON{Ref: st.Ref.String(), Kind: string(st.Kind), Target: st.Target, Note: st.Note, Misprint: st.Misprint, Set: st.Set}
		if !st.Reading.IsZero() {
			sj.Reading = st.Reading.String()
		}
		doc.Statements = append(doc.Statements, sj)
	}
	return doc
}

// short writes a ref as its bare ID when it belongs to fw, else in full.
func short(ref string, fw catalog.FrameworkID) string {
	if id, ok := strings.CutPrefix(ref, string(fw)+"/"); ok {
		return id
	}
	return ref
}

// edgeNote is what the table shows beside an edge: label, note, misprint.
func edgeNote(e mappingEdgeJSON) string {
	var parts []string
	if e.Succession != "" {
		parts = append(parts, "via "+e.Succession+" (succession)")
	}
	if e.Inverse {
		parts = append(parts, "inverse")
	}
	if e.Label != "" {
		parts = append(parts, "label "+e.Label)
	}
	if e.Misprint != "" {
		parts = append(parts, "printed "+e.Misprint)
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	return strings.Join(parts, "; ")
}

func (x *invocation) writeMappings(a, b catalog.FrameworkID, doc mappingsJSON) error {
	switch x.format {
	case formatJSON:
		return x.writeJSON(doc)
	case formatCSV:
		t := newTable(-1, "record", "from", "to", "relationship", "inverse", "set", "source", "label", "note", "misprint", "succession")
		for _, e := range doc.Edges {
			inv := ""
			if e.Inverse {
				inv = "yes"
			}
			t.Add("edge", e.From, e.To, e.Relationship, inv, e.Set, e.Source, e.Label, e.Note, e.Misprint, e.Succession)
		}
		// A statement has no to control: "to" holds what it is about, "relationship"
		// its kind.
		for _, s := range doc.Statements {
			t.Add("statement", s.Ref, s.Target, s.Kind, "", s.Set, "", "", s.Note, s.Misprint, "")
		}
		return t.WriteCSV(x.out)
	}
	md := x.format == formatMD
	heading := func(s string) {
		if md {
			fmt.Fprintf(x.out, "## %s\n\n", s)
		} else {
			fmt.Fprintf(x.out, "%s\n", s)
		}
	}
	inverse := 0
	for _, e := range doc.Edges {
		if e.Inverse {
			inverse++
		}
	}
	if len(doc.Edges) > 0 && doc.Edges[0].Succession != "" {
		heading(fmt.Sprintf("Edges %s → %s: %d, none published between them: the edges of %s, carried across the identity succession (same IDs, every edge equal) and labelled so",
			a, b, len(doc.Edges), doc.Edges[0].Succession))
	} else {
		heading(fmt.Sprintf("Edges %s → %s: %d (%d read backwards from sets published %s → %s)", a, b, len(doc.Edges), inverse, b, a))
	}
	if len(doc.Edges) > 0 {
		t := newTable(5, "from", "to", "relationship", "set", "source", "note")
		for _, e := range doc.Edges {
			t.Add(short(e.From, a), short(e.To, b), e.Relationship, e.Set, e.Source, edgeNote(e))
		}
		if err := x.writeTable(t); err != nil {
			return err
		}
	}
	if len(doc.Statements) > 0 {
		fmt.Fprintln(x.out)
		heading(fmt.Sprintf("Statements about %s elements instead of edges: %d", a, len(doc.Statements)))
		t := newTable(3, "ref", "kind", "about", "note", "set")
		for _, s := range doc.Statements {
			note := s.Note
			if s.Misprint != "" {
				note = strings.TrimSpace(note + " (printed " + s.Misprint + ")")
			}
			t.Add(short(s.Ref, a), s.Kind, s.Target, note, s.Set)
		}
		if err := x.writeTable(t); err != nil {
			return err
		}
	}
	return nil
}
