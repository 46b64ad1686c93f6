package main

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

const (
	cisMapLicence  = "CIS Critical Security Controls content, © Center for Internet Security, Inc., licensed under CC BY-NC-ND 4.0 (https://creativecommons.org/licenses/by-nc-nd/4.0/); see mappings/data/cis/LICENSE."
	nistCISLicence = "Work of the US Government (NIST), public domain in the United States; the CIS Controls identifiers it names are © Center for Internet Security, Inc., CC BY-NC-ND 4.0 (see mappings/data/cis/LICENSE)."
)

// cisLicenceFile is written to mappings/data/cis/LICENSE.
const cisLicenceFile = `The mapping sets in this directory carry content of the CIS Critical Security
Controls (identifiers of CIS Controls v8 and v8.1 safeguards and the mappings CIS
publishes between them and other frameworks).

CIS Critical Security Controls © Center for Internet Security, Inc.
Licensed under the Creative Commons Attribution-NonCommercial-NoDerivatives 4.0
International licence (CC BY-NC-ND 4.0):
https://creativecommons.org/licenses/by-nc-nd/4.0/

Files:
  nist-csf-2.0_to_cis-controls-v8.json    NIST CSF 2.0 Reference Tool informative references
  nist-csf-2.0_to_cis-controls-v8.1.json  to CIS Controls v8.0 / v8.1 (the NIST export is a US
                                          Government work; the CIS identifiers are CIS's)
  cis-controls-v8_to_iso27002-2022.json   CIS workbook CIS_Controls_v8_NEW_MAPPING_to_ISO.IEC_27001.2022_2_2023.xlsx
  cis-controls-v8_to_nist-csf-1.1.json    CIS workbook CIS_Controls_v8_Mapping_to_NIST_CSF_2_2023.xlsx
  cis-controls-v8_to_cis-controls-v8.1.json  v8 and v8.1 share their numbering

The data was converted to JSON without change to its content, and from it to the Go
tables of mappings/embed_tables_cis.go, which the binary holds. Build controlgraph with
-tags nocis to leave every CIS file out of the binary.
`

// genMappings writes the mapping sets: one JSON file per set under mappings/data (the
// CIS ones under mappings/data/cis, with their LICENSE). It reads the frameworks that
// genFrameworks has just generated, so every ref is checked against the data it will
// be embedded with, and it fails on any error [mappings.Validate] finds.
func genMappings(ref string, files map[string][]byte) error {
	cat, err := generatedCatalog(files)
	if err != nil {
		return err
	}
	steps := []struct {
		cis bool
		gen func(ref string, cat *catalog.Catalog) ([]mappings.Set, error)
	}{
		{false, genISO2013to2022},
		{false, genCSF20toISO27001},
		{false, genCSF11toCSF20},
		{false, genCSF11toISO2013},
		{false, genNIS2toISO27001},
		{false, genNIS2toCSF20},
		{false, genCSF20toSP80053},
		{false, genSP80053toISO27001},
		{true, genCSF20toCIS},
		{true, func(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
			return genCISSetTheory(ref, cat, "mappings/cis-controls-v8_to_iso27002-2022.csv", "iso27002_2022", mappings.SetCIS8ToISO2022, catalog.ISO27002v2022, "cis-v8-iso27001-2022-workbook")
		}},
		{true, func(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
			return genCISSetTheory(ref, cat, "mappings/cis-controls-v8_to_nist-csf-1.1.csv", "csf11_id", mappings.SetCIS8ToCSF11, catalog.CSF11, "cis-v8-nist-csf-workbook")
		}},
		{true, genCIS8toCIS81},
	}
	var base, cis []mappings.Set
	for _, st := range steps {
		sets, err := st.gen(ref, cat)
		if err != nil {
			return err
		}
		for _, s := range sets {
			sortSet(cat, &s)
			if err := mappings.Errors(mappings.Validate(s, cat)); err != nil {
				return fmt.Errorf("set %s: %w", s.ID, err)
			}
			dir := "mappings/data/"
			if st.cis {
				dir += "cis/"
			}
			var buf bytes.Buffer
			if err := mappings.EncodeSet(&buf, s); err != nil {
				return err
			}
			files[dir+s.ID+".json"] = buf.Bytes()
			if st.cis {
				cis = append(cis, s)
			} else {
				base = append(base, s)
			}
		}
	}
	for _, t := range []struct {
		file, list, tag, licence string
		sets                     []mappings.Set
	}{
		{"mappings/embed_tables.go", "baseSetTables", "", "", base},
		{"mappings/embed_tables_cis.go", "cisSetTables", "!nocis", "mappings/data/cis", cis},
	} {
		src, err := mappingTables(t.list, t.tag, t.licence, t.sets)
		if err != nil {
			return err
		}
		files[t.file] = src
	}
	files["mappings/data/cis/LICENSE"] = []byte(cisLicenceFile)
	return nil
}

// generatedCatalog builds a catalog from the framework files generated in this run.
func generatedCatalog(files map[string][]byte) (*catalog.Catalog, error) {
	var fws []catalog.Framework
	for _, name := range []string{
		"catalog/data/iso27002-2022.json", "catalog/data/iso27001-2022.json", "catalog/data/iso27002-2013.json",
		"catalog/data/nist-csf-2.0.json", "catalog/data/nist-csf-1.1.json", "catalog/data/nis2-2024.json", "catalog/data/sp800-53-5.json",
		"catalog/data/cis/cis-controls-8.json", "catalog/data/cis/cis-controls-8.1.json",
	} {
		b, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("mappings: framework file %s was not generated", name)
		}
		got, err := catalog.ReadJSON(name, b)
		if err != nil {
			return nil, err
		}
		fws = append(fws, got...)
	}
	return catalog.New(fws...)
}

// sortSet puts edges and statements in document order of their refs.
func sortSet(cat *catalog.Catalog, s *mappings.Set) {
	slices.SortStableFunc(s.Edges, func(a, b mappings.Edge) int {
		return cmp.Or(cat.Compare(a.From, b.From), cat.Compare(a.To, b.To),
			cmp.Compare(a.Relationship, b.Relationship), cmp.Compare(a.Label, b.Label))
	})
	slices.SortStableFunc(s.Statements, func(a, b mappings.Statement) int {
		return cmp.Or(cat.Compare(a.Ref, b.Ref), cmp.Compare(a.Kind, b.Kind), catalog.CompareIDs(a.Target, b.Target))
	})
}

// builder collects the edges of one set, checking every ref against the catalog and
// folding an edge the source lists again into Repeats.
type builder struct {
	cat  *catalog.Catalog
	t    *table
	set  mappings.Set
	seen map[edgeKey]int
}

type edgeKey struct {
	from, to catalog.Ref
	rel      mappings.Relationship
	label    string
}

func newBuilder(cat *catalog.Catalog, t *table, s mappings.Set) *builder {
	s.Edges = []mappings.Edge{}
	return &builder{cat: cat, t: t, set: s, seen: map[edgeKey]int{}}
}

// ref returns the ref of id in fw, failing when the catalog has no such control.
func (b *builder) ref(r row, fw catalog.FrameworkID, id string) (catalog.Ref, error) {
	x := catalog.NewRef(fw, id)
	if _, ok := b.cat.Control(x); !ok {
		return x, fmt.Errorf("%s:%d: %s has no control %q", b.t.file, r.line, fw, id)
	}
	return x, nil
}

func (b *builder) edge(e mappings.Edge) {
	e.Source = b.set.Source.ID
	k := edgeKey{e.From, e.To, e.Relationship, e.Label}
	if i, ok := b.seen[k]; ok {
		b.set.Edges[i].Repeats++
		return
	}
	b.seen[k] = len(b.set.Edges)
	b.set.Edges = append(b.set.Edges, e)
}

// mergeEdge adds e, or merges it into the edge the set already has between the same
// two controls with the same relationship: one pair is one edge, its labels and notes
// joined with "; " in the order met, so that counts and derived paths are not
// inflated by the several ways a source lists one link.
func (b *builder) mergeEdge(e mappings.Edge) {
	e.Source = b.set.Source.ID
	for i := range b.set.Edges {
		x := &b.set.Edges[i]
		if x.From != e.From || x.To != e.To || x.Relationship != e.Relationship {
			continue
		}
		x.Label = joinNew(x.Label, e.Label)
		x.Note = joinNew(x.Note, e.Note)
		return
	}
	b.set.Edges = append(b.set.Edges, e)
}

// joinNew appends the "; "-separated parts of add that list does not hold yet.
func joinNew(list, add string) string {
	have := strings.Split(list, "; ")
	for _, p := range strings.Split(add, "; ") {
		if p != "" && !slices.Contains(have, p) {
			if list != "" {
				list += "; "
			}
			list += p
			have = append(have, p)
		}
	}
	return list
}

func (b *builder) statement(st mappings.Statement) {
	b.set.Statements = append(b.set.Statements, st)
}

// sourceTitle returns the value of the source column, which must be the same on every
// row.
// newSourcedBuilder is newBuilder for a table whose every row names the same source
// document: that text becomes the set's Source.Title.
func newSourcedBuilder(cat *catalog.Catalog, t *table, s mappings.Set) (*builder, error) {
	title, err := sourceTitle(t)
	if err != nil {
		return nil, err
	}
	s.Source.Title = title
	return newBuilder(cat, t, s), nil
}

func sourceTitle(t *table) (string, error) {
	title := ""
	for _, r := range t.rows {
		if title == "" {
			title = r.get("source")
		} else if r.get("source") != title {
			return "", fmt.Errorf("%s:%d: source %q differs from the first row's %q", t.file, r.line, r.get("source"), title)
		}
	}
	return title, nil
}

func genISO2013to2022(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/iso27002-2013_to_iso27002-2022.csv", "iso27002_2013", "iso27002_2022", "source")
	if err != nil {
		return nil, err
	}
	b, err := newSourcedBuilder(cat, t, mappings.Set{
		ID: mappings.SetISO2013ToISO2022, From: catalog.ISO27002v2013, To: catalog.ISO27002v2022, Kind: mappings.Succession,
		Source: mappings.Source{ID: "iso27002-2022-annex-b", Publisher: "ISO/IEC", Licence: isoLicence},
	})
	if err != nil {
		return nil, err
	}
	for _, r := range t.rows {
		from, err := b.ref(r, catalog.ISO27002v2013, r.get("iso27002_2013"))
		if err != nil {
			return nil, err
		}
		to, err := b.ref(r, catalog.ISO27002v2022, r.get("iso27002_2022"))
		if err != nil {
			return nil, err
		}
		// Annex B states a correspondence, not a set relation.
		b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
	}
	return []mappings.Set{b.set}, nil
}

// clauseItem matches a clause with a list item: "4.2(a)", "4.2 (b)".
var clauseItem = regexp.MustCompile(`^(\d+(?:\.\d+)*)\s*\(([a-z])\)$`)

// csf20ClauseMisprints are the clause numbers NIST's CSF 2.0 export prints that
// ISO/IEC 27001:2022 does not have, with their evident reading (reference README,
// "Source quirks").
var csf20ClauseMisprints = map[string]string{"6.11": "6.1.1", "6.13": "6.1.3"}

func genCSF20toISO27001(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-csf-2.0_to_iso27001-2022.csv", "csf_id", "csf_level", "iso_kind", "iso_id", "as_printed", "source")
	if err != nil {
		return nil, err
	}
	b, err := newSourcedBuilder(cat, t, mappings.Set{
		ID: mappings.SetCSF20ToISO27001, From: catalog.CSF20, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "nist-cprt-csf-2.0-iso27001-2022", Publisher: "NIST", Licence: nistLicence},
	})
	if err != nil {
		return nil, err
	}
	items := clauseItems{}
	for _, r := range t.rows {
		if err := csf20ISORow(b, t, r, items); err != nil {
			return nil, err
		}
	}
	items.addEdges(b)
	return []mappings.Set{b.set}, nil
}

// csf20ISORow adds what one row of NIST's CSF 2.0 → ISO/IEC 27001:2022 export says:
// a statement (no reference, an empty one, all Annex A controls or all clauses), an
// edge to an Annex A control, or an edge to a clause (list items of a clause are
// collected into items, to become one edge per clause).
func csf20ISORow(b *builder, t *table, r row, items clauseItems) error {
	from, err := b.ref(r, catalog.CSF20, r.get("csf_id"))
	if err != nil {
		return err
	}
	printed := r.get("as_printed")
	var target string
	switch {
	case strings.Contains(printed, "Annex A Controls"):
		target = "Annex A controls"
	case strings.Contains(printed, "Mandatory Clause"):
		target = "clauses"
	default:
		return fmt.Errorf("%s:%d: as_printed %q names neither Annex A controls nor a clause", t.file, r.line, printed)
	}
	id, kind := r.get("iso_id"), r.get("iso_kind")
	if sk, ok := csf20StatementKind(kind, id); ok {
		b.statement(mappings.Statement{Ref: from, Kind: sk, Target: target, Note: printed})
		return nil
	}
	switch kind {
	case "annex_a":
		to, err := b.ref(r, catalog.ISO27002v2022, id)
		if err != nil {
			return err
		}
		b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
		return nil
	case "clause":
		_, cell, _ := strings.Cut(printed, ": ")
		_, cell, _ = strings.Cut(cell, ": ")
		return csf20ClauseEdge(b, r, from, id, cell, items)
	}
	return fmt.Errorf("%s:%d: unknown iso_kind %q", t.file, r.line, kind)
}

// csf20StatementKind returns the statement a row of kind iso_kind and iso_id makes
// instead of an edge, if any.
func csf20StatementKind(kind, id string) (mappings.StatementKind, bool) {
	switch {
	case kind == "none":
		return mappings.NoReference, true
	case kind == "empty":
		return mappings.EmptyReference, true
	case id == "ALL" && kind == "annex_a":
		return mappings.AllControls, true
	case id == "ALL" && kind == "clause":
		return mappings.AllClauses, true
	}
	return "", false
}

// csf20ClauseEdge adds the edge from a CSF 2.0 element to the ISO/IEC 27001:2022
// clause id: a list item ("4.2(a)", printed as cell) is collected into items; a
// misprinted clause number is read as [csf20ClauseMisprints] says, the edge keeping
// the misprint.
func csf20ClauseEdge(b *builder, r row, from catalog.Ref, id, cell string, items clauseItems) error {
	if m := clauseItem.FindStringSubmatch(id); m != nil {
		to, err := b.ref(r, catalog.ISO27001v2022, m[1])
		if err != nil {
			return err
		}
		items.add(from, to, m[2], cell)
		return nil
	}
	if reading, ok := csf20ClauseMisprints[id]; ok {
		to, err := b.ref(r, catalog.ISO27001v2022, reading)
		if err != nil {
			return err
		}
		b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related, Misprint: id,
			Note: fmt.Sprintf("NIST prints clause %q, which ISO/IEC 27001:2022 does not have; read as %s", id, reading)})
		return nil
	}
	to, err := b.ref(r, catalog.ISO27001v2022, id)
	if err != nil {
		return err
	}
	b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
	return nil
}

// itemKey is a CSF element and an ISO/IEC 27001 clause whose list items it cites.
type itemKey struct{ from, to catalog.Ref }

// itemList is the list items of one clause an element cites: their letters and how
// each was printed.
type itemList struct{ letters, printed []string }

// clauseItems collects the list items of clauses cited by CSF elements: the items of
// one clause cited by one element become one edge to the clause.
type clauseItems map[itemKey]*itemList

// add records that from cites item letter of clause to, printed as cell.
func (ci clauseItems) add(from, to catalog.Ref, letter, cell string) {
	k := itemKey{from, to}
	l := ci[k]
	if l == nil {
		l = &itemList{}
		ci[k] = l
	}
	l.letters = append(l.letters, letter)
	l.printed = append(l.printed, cell)
}

// addEdges adds one edge per element and clause, in document order, whose note names
// the items; when the element also cites the whole clause, that edge gets the note.
func (ci clauseItems) addEdges(b *builder) {
	keys := slices.Collect(maps.Keys(ci))
	slices.SortFunc(keys, func(a, c itemKey) int { return cmp.Or(b.cat.Compare(a.from, c.from), b.cat.Compare(a.to, c.to)) })
	for _, k := range keys {
		note := ci[k].note(k.to.ID)
		if i, ok := b.seen[edgeKey{k.from, k.to, mappings.Related, ""}]; ok {
			if e := &b.set.Edges[i]; e.Note == "" {
				e.Note = note
			} else {
				e.Note += "; " + note
			}
			continue
		}
		b.edge(mappings.Edge{From: k.from, To: k.to, Relationship: mappings.Related, Note: note})
	}
}

// note says which items of clause the edge stands for, and how they were printed.
func (l *itemList) note(clause string) string {
	letters := make([]string, len(l.letters))
	for i, x := range l.letters {
		letters[i] = x + ")"
	}
	quoted := make([]string, len(l.printed))
	for i, p := range l.printed {
		quoted[i] = fmt.Sprintf("%q", p)
	}
	word := "item"
	if len(letters) > 1 {
		word = "items"
	}
	return fmt.Sprintf("list %s %s of clause %s (printed %s)", word, strings.Join(letters, " and "), clause, strings.Join(quoted, ", "))
}

func genCSF20toCIS(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-csf-2.0_to_cis-controls.csv", "csf_id", "csf_level", "cis_version", "cis_id", "source")
	if err != nil {
		return nil, err
	}
	versions := []struct {
		version, id, srcID string
		to                 catalog.FrameworkID
	}{
		{"8.0", mappings.SetCSF20ToCIS8, "nist-cprt-csf-2.0-cis-v8.0", catalog.CIS8},
		{"8.1", mappings.SetCSF20ToCIS81, "nist-cprt-csf-2.0-cis-v8.1", catalog.CIS81},
	}
	var sets []mappings.Set
	for _, v := range versions {
		var b *builder
		for _, r := range t.rows {
			switch r.get("cis_version") {
			case v.version:
			case "8.0", "8.1":
				continue
			default:
				return nil, fmt.Errorf("%s:%d: unknown cis_version %q", t.file, r.line, r.get("cis_version"))
			}
			if b == nil {
				b = newBuilder(cat, t, mappings.Set{
					ID: v.id, From: catalog.CSF20, To: v.to, Kind: mappings.Crosswalk,
					Source: mappings.Source{ID: v.srcID, Title: r.get("source"), Publisher: "NIST", Licence: nistCISLicence},
				})
			} else if r.get("source") != b.set.Source.Title {
				return nil, fmt.Errorf("%s:%d: source %q differs from %q", t.file, r.line, r.get("source"), b.set.Source.Title)
			}
			from, err := b.ref(r, catalog.CSF20, r.get("csf_id"))
			if err != nil {
				return nil, err
			}
			to, err := b.ref(r, v.to, r.get("cis_id"))
			if err != nil {
				return nil, err
			}
			b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
		}
		if b == nil {
			return nil, fmt.Errorf("%s: no rows for CIS version %s", t.file, v.version)
		}
		sets = append(sets, b.set)
	}
	return sets, nil
}

// twoDigit matches a CSF 1.1 subcategory ID re-numbered to two digits ("ID.AM-06").
var twoDigit = regexp.MustCompile(`^(.*-)0(\d)$`)

func genCSF11toCSF20(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-csf-1.1_to_nist-csf-2.0.csv", "csf11_id", "csf11_level", "relation", "csf20_id", "note", "source")
	if err != nil {
		return nil, err
	}
	b := newBuilder(cat, t, mappings.Set{
		ID: mappings.SetCSF11ToCSF20, From: catalog.CSF11, To: catalog.CSF20, Kind: mappings.Succession,
		Source: mappings.Source{
			ID:        "nist-cprt-csf-2.0-csf-1.1",
			Title:     "NIST CSF 2.0 Reference Tool: withdrawal notes of CSF 1.1 elements (incorporated into, moved to) and the CSF v1.1 elements CSF 2.0 elements list as informative references",
			Publisher: "NIST", Licence: nistLicence,
		},
	})
	for _, r := range t.rows {
		id := r.get("csf11_id")
		var notes []string
		if n := r.get("note"); n != "" {
			notes = append(notes, fmt.Sprintf("NIST: %q", n))
		}
		if _, ok := cat.Control(catalog.NewRef(catalog.CSF11, id)); !ok {
			if m := twoDigit.FindStringSubmatch(id); m != nil {
				notes = append(notes, fmt.Sprintf("the CSF 1.1 ID is printed %q", id))
				id = m[1] + m[2]
			}
		}
		from, err := b.ref(r, catalog.CSF11, id)
		if err != nil {
			return nil, err
		}
		label := r.get("relation")
		switch label {
		case "incorporated_into", "moved_to", "informative_reference_of":
		default:
			return nil, fmt.Errorf("%s:%d: unknown relation %q", t.file, r.line, label)
		}
		if r.get("csf20_id") == "" {
			if label == "informative_reference_of" {
				return nil, fmt.Errorf("%s:%d: informative reference without a CSF 2.0 element", t.file, r.line)
			}
			b.statement(mappings.Statement{Ref: from, Kind: mappings.IncorporatedElsewhere, Target: "CSF 2.0 elements not named", Note: r.get("note")})
			continue
		}
		to, err := b.ref(r, catalog.CSF20, r.get("csf20_id"))
		if err != nil {
			return nil, err
		}
		b.mergeEdge(mappings.Edge{From: from, To: to, Relationship: mappings.Related, Label: label, Note: strings.Join(notes, "; ")})
	}
	return []mappings.Set{b.set}, nil
}

// csf11ISOQuirks are the references of CSF 1.1's Table 2 that the reference README
// lists as printed slips, keyed by subcategory and reference: the text as printed and,
// for a reference that names nothing, the probable reading.
var csf11ISOQuirks = map[[2]string]struct{ printed, reading string }{
	{"RS.CO-3", "16.1.2"}:  {"Clause 16.1.2", "A.16.1.2"},
	{"PR.AC-6", "A.7.1.1"}: {", A.7.1.1", ""},
}

func genCSF11toISO2013(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-csf-1.1_to_iso27001-2013.csv", "csf11_id", "iso_kind", "iso_ref", "as_printed", "note", "source")
	if err != nil {
		return nil, err
	}
	b, err := newSourcedBuilder(cat, t, mappings.Set{
		ID: mappings.SetCSF11ToISO2013, From: catalog.CSF11, To: catalog.ISO27002v2013, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "nist-csf-1.1-table2-iso27001-2013", Publisher: "NIST", Licence: nistLicence},
	})
	if err != nil {
		return nil, err
	}
	for _, r := range t.rows {
		from, err := b.ref(r, catalog.CSF11, r.get("csf11_id"))
		if err != nil {
			return nil, err
		}
		id, printed := r.get("iso_ref"), r.get("as_printed")
		q, quirk := csf11ISOQuirks[[2]string{r.get("csf11_id"), id}]
		switch r.get("iso_kind") {
		case "annex_a":
			to, err := b.ref(r, catalog.ISO27002v2013, id)
			if err != nil {
				return nil, err
			}
			e := mappings.Edge{From: from, To: to, Relationship: mappings.Related}
			if quirk {
				e.Misprint = q.printed
				e.Note = fmt.Sprintf("printed %q; read as %s", q.printed, id)
			} else if printed != id {
				return nil, fmt.Errorf("%s:%d: as_printed %q differs from iso_ref %q and is not a known quirk", t.file, r.line, printed, id)
			}
			b.edge(e)
		case "clause":
			// ISO/IEC 27001:2013's clauses are no framework of the catalog: keep the
			// reference as a statement rather than invent a node.
			st := mappings.Statement{Ref: from, Kind: mappings.UnresolvedReference, Target: "ISO/IEC 27001:2013 clause " + id, Note: printed}
			if n := r.get("note"); n != "" {
				st.Note = printed + " — " + n
			}
			if quirk {
				st.Misprint = q.printed
				if q.reading != "" {
					reading, err := b.ref(r, catalog.ISO27002v2013, q.reading)
					if err != nil {
						return nil, err
					}
					st.Reading = reading
				}
			}
			b.statement(st)
		default:
			return nil, fmt.Errorf("%s:%d: unknown iso_kind %q", t.file, r.line, r.get("iso_kind"))
		}
	}
	return []mappings.Set{b.set}, nil
}

func genCISSetTheory(ref string, cat *catalog.Catalog, file, toCol, id string, to catalog.FrameworkID, srcID string) ([]mappings.Set, error) {
	t, err := readTable(ref, file, "cis_id", toCol, "relationship", "source")
	if err != nil {
		return nil, err
	}
	b, err := newSourcedBuilder(cat, t, mappings.Set{
		ID: id, From: catalog.CIS8, To: to, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: srcID, Publisher: "Center for Internet Security", Licence: cisMapLicence},
	})
	if err != nil {
		return nil, err
	}
	for _, r := range t.rows {
		from, err := b.ref(r, catalog.CIS8, r.get("cis_id"))
		if err != nil {
			return nil, err
		}
		target, err := b.ref(r, to, r.get(toCol))
		if err != nil {
			return nil, err
		}
		rel, err := mappings.ParseRelationship(r.get("relationship"))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", t.file, r.line, err)
		}
		b.edge(mappings.Edge{From: from, To: target, Relationship: rel})
	}
	return []mappings.Set{b.set}, nil
}

func genCIS8toCIS81(_ string, cat *catalog.Catalog) ([]mappings.Set, error) {
	s := mappings.Set{
		ID: mappings.SetCIS8ToCIS81, From: catalog.CIS8, To: catalog.CIS81, Kind: mappings.Succession,
		Source: mappings.Source{
			ID:        "controlgraph-reference-cis-v8.1-numbering",
			Title:     `controlgraph reference data README ("CIS update", "CIS version"): CIS Controls v8.1 keeps the numbering of v8, so every control and safeguard ID present in both editions is taken as equal`,
			Publisher: "controlgraph reference data (not a CIS publication)",
			Licence:   "The identifiers are those of the CIS Controls, © Center for Internet Security, Inc., CC BY-NC-ND 4.0; see mappings/data/cis/LICENSE.",
		},
		Edges: []mappings.Edge{},
	}
	for c := range cat.Controls(catalog.CIS8) {
		to := catalog.NewRef(catalog.CIS81, c.Ref.ID)
		if _, ok := cat.Control(to); !ok {
			continue
		}
		s.Edges = append(s.Edges, mappings.Edge{From: c.Ref, To: to, Relationship: mappings.Equal, Source: s.Source.ID})
	}
	if len(s.Edges) == 0 {
		return nil, fmt.Errorf("cis:8 and cis:8.1 share no ID")
	}
	return []mappings.Set{s}, nil
}

// enisaLicence is ENISA's reuse statement for its mapping table (CC BY 4.0), as the
// reference README quotes it; the changes CC BY asks to indicate are the edges' notes
// and misprints.
const enisaLicence = "© European Union Agency for Cybersecurity (ENISA), 2025, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). The table is advisory and not legally binding; ENISA: it \"should not be interpreted as a measure of equivalency\". Changes: ids printed with a Greek Alpha, a missing dot or inner spaces are normalised and say so in the edge note; ids that do not exist are kept as printed (statements); rows 7.1 and 9.1 are read as sections 7 and 9."

// enisaSource is the ENISA workbook both NIS2 mapping sets come from; column names
// the column of sheet 'Mapping table'.
func enisaSource(id, column string) mappings.Source {
	return mappings.Source{
		ID:        id,
		Title:     "ENISA, Technical Implementation Guidance on Commission Implementing Regulation (EU) 2024/2690, mapping table version 1.0 (June 2025), ENISA_Technical_Implementation_Guidance_Mapping_table_version_1.0.xlsx, sheet 'Mapping table', " + column + ", rows 3-51",
		Publisher: "ENISA",
		Licence:   enisaLicence,
	}
}

// nis2Section returns the ref an ENISA row stands for, with the misprint and note to
// keep: ENISA's rows printed 7.1 and 9.1 carry the titles of sections 7 and 9, which
// have no sub-headings, so they stand for those sections (the Annex's own 7.1 and 9.1
// are the sections' first points).
func nis2Section(b *builder, r row, id string) (catalog.Ref, string, string, error) {
	if id == "7.1" || id == "9.1" {
		sec, _, _ := strings.Cut(id, ".")
		to, err := b.ref(r, catalog.NIS2v2024, sec)
		return to, id, fmt.Sprintf("ENISA prints %q with the title of section %s, which has no sub-headings; read as section %s", id, sec, sec), err
	}
	from, err := b.ref(r, catalog.NIS2v2024, id)
	return from, "", "", err
}

// repeatedInCell matches the note of a reference row that merged an id printed more
// than once in one cell.
var repeatedInCell = regexp.MustCompile(`^printed (\d+) times in the cell; one row kept$`)

// nis2Edge adds the edge of a row with a valid target: the row's note (a
// normalisation) is kept with what ENISA printed, a merged repeat counts in Repeats.
func nis2Edge(b *builder, r row, from, to catalog.Ref, misprint, secNote string) {
	e := mappings.Edge{From: from, To: to, Relationship: mappings.Related, Misprint: misprint}
	var notes []string
	if secNote != "" {
		notes = append(notes, secNote)
	}
	repeats := 0
	if n := r.get("note"); n != "" {
		if m := repeatedInCell.FindStringSubmatch(n); m != nil {
			fmt.Sscan(m[1], &repeats)
			repeats--
		}
		notes = append(notes, fmt.Sprintf("printed %q: %s", r.get("as_printed"), n))
	}
	e.Note = strings.Join(notes, "; ")
	b.edge(e)
	if repeats > 0 {
		b.set.Edges[b.seen[edgeKey{e.From, e.To, e.Relationship, e.Label}]].Repeats += repeats
	}
}

func genNIS2toISO27001(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nis2-ir-2024-2690_to_iso27002-2022.csv", "nis2_id", "iso_kind", "iso_id", "as_printed", "note", "source")
	if err != nil {
		return nil, err
	}
	b := newBuilder(cat, t, mappings.Set{
		ID: mappings.SetNIS2ToISO27001, From: catalog.NIS2v2024, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk,
		Source: enisaSource("enisa-tig-mt-1.0-iso27001-2022", `column C ("ISO standard 27001:2022": Annex A controls and clauses of ISO/IEC 27001:2022)`),
	})
	for _, r := range t.rows {
		from, misprint, secNote, err := nis2Section(b, r, r.get("nis2_id"))
		if err != nil {
			return nil, err
		}
		fw, what := catalog.ISO27002v2022, "Annex A control"
		switch r.get("iso_kind") {
		case "annex_a":
		case "clause":
			fw, what = catalog.ISO27001v2022, "clause"
		default:
			return nil, fmt.Errorf("%s:%d: unknown iso_kind %q", t.file, r.line, r.get("iso_kind"))
		}
		if r.get("iso_id") == "" {
			// An id that ISO/IEC 27001:2022 does not have: kept as printed.
			b.statement(mappings.Statement{Ref: from, Kind: mappings.UnresolvedReference, Target: fmt.Sprintf("ISO/IEC 27001:2022 %s %q", what, r.get("as_printed")),
				Misprint: r.get("as_printed"), Note: strings.Join(nonEmpty(secNote, r.get("note")), "; ")})
			continue
		}
		to, err := b.ref(r, fw, r.get("iso_id"))
		if err != nil {
			return nil, err
		}
		nis2Edge(b, r, from, to, misprint, secNote)
	}
	return []mappings.Set{b.set}, nil
}

func genNIS2toCSF20(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nis2-ir-2024-2690_to_nist-csf-2.0.csv", "nis2_id", "csf_id", "as_printed", "note", "source")
	if err != nil {
		return nil, err
	}
	b := newBuilder(cat, t, mappings.Set{
		ID: mappings.SetNIS2ToCSF20, From: catalog.NIS2v2024, To: catalog.CSF20, Kind: mappings.Crosswalk,
		Source: enisaSource("enisa-tig-mt-1.0-nist-csf-2.0", `column D ("NIST Cybersecurity Framework v2.0")`),
	})
	for _, r := range t.rows {
		from, misprint, secNote, err := nis2Section(b, r, r.get("nis2_id"))
		if err != nil {
			return nil, err
		}
		if r.get("csf_id") == "" {
			b.statement(mappings.Statement{Ref: from, Kind: mappings.UnresolvedReference, Target: fmt.Sprintf("NIST CSF 2.0 subcategory %q", r.get("as_printed")),
				Misprint: r.get("as_printed"), Note: strings.Join(nonEmpty(secNote, r.get("note")), "; ")})
			continue
		}
		to, err := b.ref(r, catalog.CSF20, r.get("csf_id"))
		if err != nil {
			return nil, err
		}
		nis2Edge(b, r, from, to, misprint, secNote)
	}
	return []mappings.Set{b.set}, nil
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sp80053Family matches a family-level reference to SP 800-53 ("CP").
var sp80053Family = regexp.MustCompile(`^[A-Z]{2}$`)

func genCSF20toSP80053(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-csf-2.0_to_nist-sp800-53-r5.csv", "csf_id", "csf_level", "sp80053_id", "as_printed", "note", "source")
	if err != nil {
		return nil, err
	}
	b := newBuilder(cat, t, mappings.Set{
		ID: mappings.SetCSF20ToSP80053, From: catalog.CSF20, To: catalog.SP80053v5, Kind: mappings.Crosswalk,
		Source: mappings.Source{
			ID:        "nist-cprt-csf-2.0-sp800-53-r5.1.1",
			Title:     "NIST CSF 2.0 Reference Tool export csf2.xlsx (Generated Date 2026-02-16), sheet CSF 2.0, informative references \"SP 800-53 Rev 5.1.1\" (the embedded SP 800-53 is OSCAL release 5.0.1: IA-13 is not in it)",
			Publisher: "NIST", Licence: nistLicence,
		},
	})
	for _, r := range t.rows {
		from, err := b.ref(r, catalog.CSF20, r.get("csf_id"))
		if err != nil {
			return nil, err
		}
		id, printed := r.get("sp80053_id"), r.get("as_printed")
		to := catalog.NewRef(catalog.SP80053v5, id)
		ctl, ok := cat.Control(to)
		switch {
		case ok && ctl.Kind == catalog.KindFamily:
			// A reference to a whole family: a statement about the CSF element, not an
			// edge to every control of the family.
			b.statement(mappings.Statement{Ref: from, Kind: mappings.AllControls, Target: fmt.Sprintf("SP 800-53 Rev. 5 family %s (%s)", id, ctl.Title), Note: printed})
		case ok:
			b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
		case sp80053Family.MatchString(id):
			return nil, fmt.Errorf("%s:%d: family %q is not in the catalog", t.file, r.line, id)
		default:
			// Cited from Rev. 5.1.1, absent from release 5.0.1 (IA-13): kept as printed.
			if r.get("note") == "" {
				return nil, fmt.Errorf("%s:%d: %s has no control %q and the reference gives no note", t.file, r.line, catalog.SP80053v5, id)
			}
			b.statement(mappings.Statement{Ref: from, Kind: mappings.UnresolvedReference, Target: "SP 800-53 Rev. 5.1.1 " + id, Misprint: printed,
				Note: fmt.Sprintf("NIST cites %s from Rev. 5.1.1; the embedded SP 800-53 is OSCAL release 5.0.1, which does not have it", id)})
		}
	}
	return []mappings.Set{b.set}, nil
}

func genSP80053toISO27001(ref string, cat *catalog.Catalog) ([]mappings.Set, error) {
	t, err := readTable(ref, "mappings/nist-sp800-53-r5_to_iso27001-2022.csv", "sp80053_id", "iso_kind", "iso_id", "relationship", "as_printed", "source")
	if err != nil {
		return nil, err
	}
	b := newBuilder(cat, t, mappings.Set{
		ID: mappings.SetSP80053ToISO27001, From: catalog.SP80053v5, To: catalog.ISO27001v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{
			ID:        "nist-olir-155-sp800-53-r5-iso27001-2022",
			Title:     "NIST OLIR #155, SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (workbook sp800-53r5-to-iso-27001-mapping-2022-OLIR-2023-10-12-UPDATED.xlsx); the workbook prints no relationship, read as related",
			Publisher: "NIST", Licence: nistLicence,
		},
	})
	for _, r := range t.rows {
		if rel := r.get("relationship"); rel != "" {
			return nil, fmt.Errorf("%s:%d: relationship %q: OLIR #155 prints none, the generator reads every pair as related", t.file, r.line, rel)
		}
		from, err := b.ref(r, catalog.SP80053v5, r.get("sp80053_id"))
		if err != nil {
			return nil, err
		}
		var fw catalog.FrameworkID
		switch r.get("iso_kind") {
		case "annex_a":
			fw = catalog.ISO27002v2022
		case "clause":
			fw = catalog.ISO27001v2022
		default:
			return nil, fmt.Errorf("%s:%d: unknown iso_kind %q", t.file, r.line, r.get("iso_kind"))
		}
		to, err := b.ref(r, fw, r.get("iso_id"))
		if err != nil {
			return nil, err
		}
		b.edge(mappings.Edge{From: from, To: to, Relationship: mappings.Related})
	}
	return []mappings.Set{b.set}, nil
}
