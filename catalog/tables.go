package catalog

// fwTable is one embedded framework as the generator (internal/gen) writes it into
// embed_tables.go and embed_tables_cis.go: the framework's [Info], and its controls
// as rows of small integers that index one string table. Tables are static data: the
// program reads them in place, and building a framework's index from one allocates a
// few slices per framework, not per control, and decodes nothing.
type fwTable struct {
	info Info
	// apart, when set, holds the summaries of a framework that keeps them apart: its
	// controls' [Control.Summary] is empty, and [Catalog.Summary] reads them from this
	// string table of their own, which nothing else touches (SP 800-53's statements:
	// most of the framework's text, which few callers read).
	apart *apartTable
	strs  string   // every distinct string of the framework, concatenated
	offs  []uint32 // string i is strs[offs[i]:offs[i+1]]; string 0 is ""
	rows  []ctlRow
	attrs []attrRow
	vals  []uint16 // attribute values, as string indexes
}

// apartTable is the string table of the summaries a framework keeps apart; string 0
// is "".
type apartTable struct {
	strs string
	offs []uint32
}

// ctlRow is one control: string indexes of its ID, title, kind and summary (into the
// apart table, when the framework has one), the row
// of its parent plus one (0: a root), and its attributes attrs[attrLo:attrHi].
type ctlRow struct {
	id, title, kind, summary uint16
	parent                   uint16
	attrLo, attrHi           uint16
}

// attrRow is one attribute of a control: the string index of its name, and its values
// vals[lo:hi].
type attrRow struct {
	name, lo, hi uint16
}

// str returns string i of the table (a substring of strs: no allocation).
func (t *fwTable) str(i uint16) string { return t.strs[t.offs[i]:t.offs[i+1]] }

// summary returns the summary of control i.
func (t *fwTable) summary(i int) string {
	j := t.rows[i].summary
	if a := t.apart; a != nil {
		return a.strs[a.offs[j]:a.offs[j+1]]
	}
	return t.str(j)
}

// index builds the framework's index: its controls in document order, sharing the
// table's strings, with their attributes.
func (t *fwTable) index() *fwIndex {
	vals := make([]string, len(t.vals))
	for i, v := range t.vals {
		vals[i] = t.str(v)
	}
	attrs := make(attrList, len(t.attrs))
	for i, a := range t.attrs {
		attrs[i] = attrPair{t.str(a.name), vals[a.lo:a.hi:a.hi]}
	}
	controls := make([]Control, len(t.rows))
	parent := make([]int32, len(t.rows))
	for i, r := range t.rows {
		c := Control{
			Ref:   Ref{t.info.ID, t.str(r.id)},
			Title: t.str(r.title), Kind: Kind(t.str(r.kind)),
			attrs: attrs[r.attrLo:r.attrHi:r.attrHi],
		}
		if len(c.attrs) == 0 {
			c.attrs = nil
		}
		if t.apart == nil {
			c.Summary = t.str(r.summary)
		}
		parent[i] = int32(r.parent) - 1
		if r.parent > 0 {
			c.Parent = Ref{t.info.ID, t.str(t.rows[r.parent-1].id)}
		}
		controls[i] = c
	}
	return newIndex(controls, parent)
}
