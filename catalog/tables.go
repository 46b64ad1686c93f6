package catalog

// fwTable is one embedded framework as the generator (internal/gen) writes it into
// embed_tables.go and embed_tables_cis.go: the framework's [Info], and its controls
// as rows of small integers that index one string table. Tables are static data: the
// program reads them in place, and building a framework's index from one allocates a
// few slices per framework, not per control, and decodes nothing.
type fwTable struct {
	info Info
	// apart marks a framework whose summaries are not its controls' [Control.Summary]
	// but read by [Catalog.Summary] (SP 800-53's statements: text few callers read).
	apart bool
	strs  string   // every distinct string of the framework, concatenated
	offs  []uint32 // string i is strs[offs[i]:offs[i+1]]; string 0 is ""
	rows  []ctlRow
	attrs []attrRow
	vals  []uint16 // attribute values, as string indexes
}

// ctlRow is one control: string indexes of its ID, title, kind and summary, the row
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
func (t *fwTable) summary(i int) string { return t.str(t.rows[i].summary) }

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
		if !t.apart {
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
