package catalog

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Catalog is an immutable set of frameworks with their controls and the indexes to
// find them. It is safe for concurrent use; nothing it returns can change it.
type Catalog struct {
	fws      []*fwData
	byID     map[FrameworkID]*fwData
	names    map[string]FrameworkID   // normalised ID or version alias → framework
	families map[string][]FrameworkID // normalised family name or alias → versions, newest first
}

type fwData struct {
	info     Info
	order    int
	controls []Control
	pos      map[string]int   // exact ID → index
	keys     map[string][]int // normalised ID → indexes
	children [][]int
	spec     Framework // deep copy of the input, for export
	// summaries, when set, holds the summaries that the controls (and spec) lack,
	// read on first use: the embedded frameworks whose summaries are kept apart.
	summaries *lazySummaries
}

// locator gives the position of a control of a framework being built, for errors.
type locator func(fw, ctrl int) (file string, line int)

// New builds a catalog from frameworks, checking each: IDs well formed and unique,
// titles present, parents existing and acyclic, kinds and attributes well formed,
// AnnexOf naming a framework of the catalog. All problems are reported together as
// [*DataError] values joined with [errors.Join]. The catalog keeps its own copy.
func New(fws ...Framework) (*Catalog, error) {
	return build(fws, nil, false)
}

// build makes a catalog of fws. When owned, the catalog takes fws over instead of
// copying them: only for data nobody else can change (the embedded frameworks).
func build(fws []Framework, loc locator, owned bool) (*Catalog, error) {
	c := &Catalog{
		byID:     map[FrameworkID]*fwData{},
		names:    map[string]FrameworkID{},
		families: map[string][]FrameworkID{},
	}
	var p problems
	where := func(fi, ci int) (string, int) {
		if loc == nil {
			return "", 0
		}
		return loc(fi, ci)
	}
	for fi, f := range fws {
		file, line := where(fi, -1)
		rec := fmt.Sprintf("framework %q", f.ID)
		if !validFrameworkID(f.ID) {
			p.add(&DataError{File: file, Line: line, Record: fmt.Sprintf("framework #%d", fi+1), Field: "id", Value: string(f.ID),
				Err: fmt.Errorf("%w: a framework ID is lower-case letters, digits, '-', '_' and '.', with one optional ':' before the version", ErrInvalidValue)})
			continue
		}
		if _, dup := c.byID[f.ID]; dup {
			p.add(&DataError{File: file, Line: line, Record: rec, Field: "id", Value: string(f.ID), Err: ErrDuplicateFramework})
			continue
		}
		if strings.TrimSpace(f.Name) == "" {
			p.add(&DataError{File: file, Line: line, Record: rec, Field: "name", Err: ErrEmptyField})
		}
		d := newFwData(f, fi, owned, func(ci int, field, value string, err error) {
			file, line := where(fi, ci)
			r := rec
			if ci >= 0 {
				r = fmt.Sprintf("%s control #%d", rec, ci+1)
				if id := f.Controls[ci].ID; id != "" {
					r += " " + safetext.Quote(id)
				}
			}
			p.add(&DataError{File: file, Line: line, Record: r, Field: field, Value: value, Err: err})
		})
		c.fws = append(c.fws, d)
		c.byID[f.ID] = d
	}
	for fi, d := range c.fws {
		if a := d.info.AnnexOf; a != "" {
			if _, ok := c.byID[a]; !ok || a == d.info.ID {
				file, line := where(fi, -1)
				p.add(&DataError{File: file, Line: line, Record: fmt.Sprintf("framework %q", d.info.ID), Field: "annex_of", Value: string(a), Err: ErrUnknownAnnex})
			}
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	c.indexNames()
	return c, nil
}

func newFwData(f Framework, order int, owned bool, bad func(ci int, field, value string, err error)) *fwData {
	d := &fwData{
		order: order,
		pos:   make(map[string]int, len(f.Controls)),
		keys:  make(map[string][]int, len(f.Controls)),
	}
	if owned {
		d.spec = f
	} else {
		d.spec = cloneFramework(f)
	}
	d.info = Info{
		ID: f.ID, Name: f.Name, Version: f.Version, Publisher: f.Publisher, Source: f.Source,
		Licence: f.Licence, Aliases: slices.Clone(f.Aliases), AnnexOf: f.AnnexOf,
		QualifiedOnly: f.QualifiedOnly, ItemKinds: slices.Clone(f.ItemKinds), Controls: len(f.Controls),
	}
	for _, k := range f.ItemKinds {
		if !validKind(k) {
			bad(-1, "item_kinds", string(k), fmt.Errorf("%w: a kind is a lower-case word", ErrInvalidValue))
		}
	}
	for ci, s := range f.Controls {
		if why := controlIDProblem(s.ID); why != "" {
			if s.ID == "" {
				bad(ci, "id", "", ErrEmptyField)
			} else {
				bad(ci, "id", s.ID, fmt.Errorf("%w: %s", ErrInvalidValue, why))
			}
		} else if _, dup := d.pos[s.ID]; dup {
			bad(ci, "id", s.ID, ErrDuplicateID)
		} else {
			d.pos[s.ID] = ci
		}
		if strings.TrimSpace(s.Title) == "" {
			bad(ci, "title", "", ErrEmptyField)
		}
		if s.Kind != "" && !validKind(s.Kind) {
			bad(ci, "kind", string(s.Kind), fmt.Errorf("%w: a kind is a lower-case word", ErrInvalidValue))
		}
		if attrsOK(s.Attributes) {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(s.Attributes)) {
			if strings.TrimSpace(name) == "" {
				bad(ci, "attributes", name, fmt.Errorf("%w: empty attribute name", ErrInvalidValue))
			}
			for _, v := range s.Attributes[name] {
				if strings.TrimSpace(v) == "" {
					bad(ci, "attributes."+name, v, fmt.Errorf("%w: empty attribute value", ErrInvalidValue))
				}
			}
		}
	}
	d.controls = make([]Control, len(f.Controls))
	d.children = make([][]int, len(f.Controls))
	var counts []KindCount
	for ci, s := range f.Controls {
		k := s.Kind
		if k == "" {
			k = KindControl
		}
		ctl := Control{Ref: Ref{f.ID, s.ID}, Title: s.Title, Kind: k, Summary: s.Summary}
		if owned {
			ctl.attrs = d.spec.Controls[ci].Attributes
		} else if len(s.Attributes) > 0 {
			ctl.attrs = d.spec.Controls[ci].Attributes // the spec is already a private copy
		}
		if s.Parent != "" {
			pi, ok := d.pos[s.Parent]
			switch {
			case !ok:
				bad(ci, "parent", s.Parent, ErrDanglingParent)
			case pi == ci:
				bad(ci, "parent", s.Parent, ErrParentCycle)
			default:
				ctl.Parent = Ref{f.ID, s.Parent}
				d.children[pi] = append(d.children[pi], ci)
			}
		}
		d.controls[ci] = ctl
		key := normKey(s.ID)
		d.keys[key] = append(d.keys[key], ci)
		i := slices.IndexFunc(counts, func(kc KindCount) bool { return kc.Kind == k })
		if i < 0 {
			counts = append(counts, KindCount{Kind: k})
			i = len(counts) - 1
		}
		counts[i].Count++
	}
	d.info.Counts = counts
	// Cycles longer than one step: walk each chain at most len steps.
	for ci := range d.controls {
		cur, steps := d.controls[ci].Parent, 0
		for !cur.IsZero() && steps <= len(d.controls) {
			pi, ok := d.pos[cur.ID]
			if !ok {
				break
			}
			if pi == ci {
				bad(ci, "parent", f.Controls[ci].Parent, ErrParentCycle)
				break
			}
			cur = d.controls[pi].Parent
			steps++
		}
	}
	return d
}

// attrsOK reports whether every attribute name and value is non-blank.
func attrsOK(attrs map[string][]string) bool {
	for name, vs := range attrs {
		if strings.TrimSpace(name) == "" {
			return false
		}
		for _, v := range vs {
			if strings.TrimSpace(v) == "" {
				return false
			}
		}
	}
	return true
}

func cloneFramework(f Framework) Framework {
	g := f
	g.Aliases = slices.Clone(f.Aliases)
	g.ItemKinds = slices.Clone(f.ItemKinds)
	g.Controls = make([]ControlSpec, len(f.Controls))
	for i, s := range f.Controls {
		if s.Kind == "" {
			s.Kind = KindControl
		}
		if s.Attributes != nil {
			a := make(map[string][]string, len(s.Attributes))
			for k, v := range s.Attributes {
				a[k] = slices.Clone(v)
			}
			s.Attributes = a
		}
		g.Controls[i] = s
	}
	return g
}

func (c *Catalog) indexNames() {
	// Newest version first within a family.
	fam := map[string][]*fwData{}
	for _, d := range c.fws {
		c.names[normFW(string(d.info.ID))] = d.info.ID
		fam[d.info.ID.Family()] = append(fam[d.info.ID.Family()], d)
	}
	for _, name := range slices.Sorted(maps.Keys(fam)) {
		ds := fam[name]
		slices.SortStableFunc(ds, func(a, b *fwData) int { return -compareVersions(a.info.Version, b.info.Version) })
		ids := make([]FrameworkID, len(ds))
		for i, d := range ds {
			ids[i] = d.info.ID
		}
		c.families[normFW(name)] = ids
	}
	// An alias with a colon, or one that only one version of a family with several
	// versions lists ("csf2"), names that version. Any other alias names every
	// framework that lists it, newest first ("csf" → CSF 2.0, then 1.1).
	listed := map[string][]*fwData{}
	var order []string
	for _, d := range c.fws {
		for _, a := range d.info.Aliases {
			n := normFW(a)
			if n == "" {
				continue
			}
			if _, ok := listed[n]; !ok {
				order = append(order, n)
			}
			if !slices.Contains(listed[n], d) {
				listed[n] = append(listed[n], d)
			}
		}
	}
	for _, n := range order {
		ds := listed[n]
		if strings.Contains(n, ":") || (len(ds) == 1 && len(fam[ds[0].info.ID.Family()]) > 1) {
			if _, taken := c.names[n]; !taken {
				c.names[n] = ds[0].info.ID
			}
			continue
		}
		if _, taken := c.families[n]; taken {
			continue
		}
		ds = slices.Clone(ds)
		slices.SortStableFunc(ds, func(a, b *fwData) int { return -compareVersions(a.info.Version, b.info.Version) })
		ids := make([]FrameworkID, len(ds))
		for i, d := range ds {
			ids[i] = d.info.ID
		}
		c.families[n] = ids
	}
	// Version aliases under family aliases: "csf:2.0" when "csf" names nist-csf.
	// Sorted, so that a clash between user-given names resolves the same way each time.
	for _, n := range slices.Sorted(maps.Keys(c.families)) {
		for _, id := range c.families[n] {
			k := n + ":" + normFW(id.Version())
			if _, taken := c.names[k]; !taken {
				c.names[k] = id
			}
		}
	}
}

// fwSeparators drops what [normFW] ignores in a framework name (a Replacer is safe for
// concurrent use; making one per call cost more than the rest of normFW).
var fwSeparators = strings.NewReplacer(" ", "", "_", "", "-", "")

// normFW normalises a framework name for look-up: lower case, no spaces, '-' or '_'
// ("NIST CSF", "nist_csf" and "nist-csf" are one name), "iso/iec" read as "iso", a
// 'v' before the version dropped.
func normFW(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "iso/iec", "iso")
	s = fwSeparators.Replace(s)
	if f, v, ok := strings.Cut(s, ":"); ok {
		v = strings.TrimPrefix(v, "v")
		s = f + ":" + v
	}
	return s
}

// normKey normalises a control ID for look-up: upper case, a leading "A." dropped,
// leading zeros of numbers dropped ("GV.OC-01" and "gv.oc-1" give "GV.OC-1").
func normKey(id string) string {
	s := strings.ToUpper(strings.TrimSpace(id))
	s = strings.TrimPrefix(s, "A.")
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		if !isDigit(s[0]) {
			b.WriteByte(s[0])
			s = s[1:]
			continue
		}
		run, rest := digitRun(s)
		for len(run) > 1 && run[0] == '0' {
			run = run[1:]
		}
		b.WriteString(run)
		s = rest
	}
	return b.String()
}

// Frameworks yields information about every framework, in catalog order.
func (c *Catalog) Frameworks() iter.Seq[Info] {
	return func(yield func(Info) bool) {
		for _, d := range c.fws {
			if !yield(d.infoCopy()) {
				return
			}
		}
	}
}

func (d *fwData) infoCopy() Info {
	in := d.info
	in.Aliases = slices.Clone(in.Aliases)
	in.Counts = slices.Clone(in.Counts)
	return in
}

// Framework returns information about the framework with exactly this ID.
func (c *Catalog) Framework(id FrameworkID) (Info, bool) {
	d, ok := c.byID[id]
	if !ok {
		return Info{}, false
	}
	return d.infoCopy(), true
}

// Has reports whether the catalog holds the framework with exactly this ID.
func (c *Catalog) Has(id FrameworkID) bool {
	_, ok := c.byID[id]
	return ok
}

// Spec returns a deep copy of the framework as it was given to the catalog, with
// every control; it is what exports write. The summaries of an embedded framework
// that keeps them apart (SP 800-53's statements) are filled in.
func (c *Catalog) Spec(id FrameworkID) (Framework, bool) {
	d, ok := c.byID[id]
	if !ok {
		return Framework{}, false
	}
	f := cloneFramework(d.spec)
	if d.summaries != nil {
		d.summaries.fill(&f)
	}
	return f, true
}

// Summary returns the summary of the control r names ("" when it has none) and
// whether the catalog has that control. It is the control's [Control.Summary], except
// for the embedded frameworks whose summaries are kept in a file of their own so that
// [Default] does not decode text few callers read: the statements of NIST SP 800-53,
// which [Control.Summary] leaves empty and this reads on its first call.
func (c *Catalog) Summary(r Ref) (string, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return "", false
	}
	ctl := d.controls[i]
	if ctl.Summary == "" && d.summaries != nil {
		return d.summaries.get()[ctl.Ref.ID], true
	}
	return ctl.Summary, true
}

// ResolveFramework returns the framework a name means: an ID ("iso27002:2022"), an
// alias ("csf:2.0"), or a family name or alias ("iso27002", "csf", "cis"), which means
// the newest version of that family. Case, spaces, '-' and '_', a 'v' before the
// version and an "ISO/IEC" prefix do not matter, and the version may follow a space:
// "NIST CSF 2.0", "CIS v8.1", "ISO/IEC 27001:2022".
func (c *Catalog) ResolveFramework(name string) (FrameworkID, error) {
	ids := c.resolveFW(name)
	if len(ids) == 0 {
		return "", &RefError{Input: name, Err: ErrUnknownFramework}
	}
	return ids[0], nil
}

// resolveFW returns the frameworks name may mean, newest first.
func (c *Catalog) resolveFW(name string) []FrameworkID {
	name = strings.TrimSpace(name)
	if _, ok := c.byID[FrameworkID(name)]; ok {
		return []FrameworkID{FrameworkID(name)}
	}
	if ids := c.resolveNorm(normFW(name)); ids != nil {
		return ids
	}
	// "NIST CSF 2.0", "CIS v8.1": the version after the last space.
	if i := strings.LastIndexByte(name, ' '); i > 0 && !strings.Contains(name, ":") {
		f, v := name[:i], strings.TrimSpace(name[i+1:])
		if v != "" && (isDigit(v[0]) || (len(v) > 1 && (v[0] == 'v' || v[0] == 'V') && isDigit(v[1]))) {
			if ids := c.resolveNorm(normFW(f + ":" + v)); len(ids) == 1 {
				return ids
			}
		}
	}
	return nil
}

func (c *Catalog) resolveNorm(n string) []FrameworkID {
	if n == "" {
		return nil
	}
	if id, ok := c.names[n]; ok {
		return []FrameworkID{id}
	}
	if ids, ok := c.families[n]; ok {
		return ids
	}
	// "cis:8.0" for "cis:8", "csf:2" for "csf:2.0".
	if f, v, ok := strings.Cut(n, ":"); ok {
		for _, alt := range []string{strings.TrimSuffix(v, ".0"), v + ".0"} {
			if id, ok := c.names[f+":"+alt]; ok && alt != v {
				return []FrameworkID{id}
			}
		}
	}
	return nil
}

// Control returns the control r names. A reference to an Annex A control through the
// framework that carries it ("iso27001:2022/A.5.1") returns that control under its own
// framework ("iso27002:2022/5.1").
func (c *Catalog) Control(r Ref) (Control, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return Control{}, false
	}
	return d.controls[i], true
}

// Canonical returns the Ref a control is known by in the catalog: itself, or for an
// Annex A spelling the control of the annex framework.
func (c *Catalog) Canonical(r Ref) (Ref, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return Ref{}, false
	}
	return d.controls[i].Ref, true
}

func (c *Catalog) find(r Ref) (*fwData, int, bool) {
	d, ok := c.byID[r.Framework]
	if !ok {
		return nil, 0, false
	}
	if i, ok := d.pos[r.ID]; ok {
		return d, i, true
	}
	if d.info.AnnexOf != "" {
		if rest, ok := cutAnnex(r.ID); ok {
			if a, ok := c.byID[d.info.AnnexOf]; ok {
				if i, ok := a.pos[rest]; ok {
					return a, i, true
				}
			}
		}
	}
	return nil, 0, false
}

func cutAnnex(id string) (string, bool) {
	if len(id) > 2 && (id[0] == 'A' || id[0] == 'a') && id[1] == '.' {
		return id[2:], true
	}
	return "", false
}

// Controls yields the controls of framework fw that meet every condition, in document
// order. Without conditions it yields them all. fw may be an alias or a family name
// ("iso27002", "csf:2.0"), read as [Catalog.ResolveFramework] reads it; a name the
// catalog does not know yields nothing. [Catalog.Select] says why when nothing
// matches: an unknown framework, attribute or value.
func (c *Catalog) Controls(fw FrameworkID, conds ...Condition) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, ok := c.byID[fw]
		if !ok {
			if ids := c.resolveFW(string(fw)); len(ids) > 0 {
				d, ok = c.byID[ids[0]]
			}
		}
		if !ok {
			return
		}
	next:
		for _, ctl := range d.controls {
			for _, cond := range conds {
				if cond != nil && !cond.match(ctl) {
					continue next
				}
			}
			if !yield(ctl) {
				return
			}
		}
	}
}

// All yields every control of every framework, in catalog order.
func (c *Catalog) All() iter.Seq[Control] {
	return func(yield func(Control) bool) {
		for _, d := range c.fws {
			for _, ctl := range d.controls {
				if !yield(ctl) {
					return
				}
			}
		}
	}
}

// Roots yields the controls of framework fw that have no parent (ISO themes and
// clauses, CSF functions, CIS controls), in document order.
func (c *Catalog) Roots(fw FrameworkID) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		for ctl := range c.Controls(fw) {
			if ctl.Parent.IsZero() && !yield(ctl) {
				return
			}
		}
	}
}

// Children yields the direct children of r, in document order.
func (c *Catalog) Children(r Ref) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, i, ok := c.find(r)
		if !ok {
			return
		}
		for _, ci := range d.children[i] {
			if !yield(d.controls[ci]) {
				return
			}
		}
	}
}

// Ancestors yields the parent of r, its parent, and so on up to the root.
func (c *Catalog) Ancestors(r Ref) iter.Seq[Control] {
	return func(yield func(Control) bool) {
		d, i, ok := c.find(r)
		if !ok {
			return
		}
		for steps := 0; steps < len(d.controls); steps++ {
			p := d.controls[i].Parent
			if p.IsZero() {
				return
			}
			pi, ok := d.pos[p.ID]
			if !ok || !yield(d.controls[pi]) {
				return
			}
			i = pi
		}
	}
}

// Len returns the number of controls of framework fw, of the given kinds or, without
// kinds, of every kind.
func (c *Catalog) Len(fw FrameworkID, kinds ...Kind) int {
	d, ok := c.byID[fw]
	if !ok {
		return 0
	}
	if len(kinds) == 0 {
		return len(d.controls)
	}
	n := 0
	for i, k := range kinds {
		if !slices.Contains(kinds[:i], k) {
			n += d.info.Count(k)
		}
	}
	return n
}

// AttributeValues returns the distinct values of attribute name among the controls of
// framework fw, sorted.
func (c *Catalog) AttributeValues(fw FrameworkID, name string) []string {
	seen := map[string]bool{}
	for ctl := range c.Controls(fw) {
		for _, v := range ctl.attrs[name] {
			seen[v] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// AttributeNames returns the names of the attributes used by framework fw, sorted.
func (c *Catalog) AttributeNames(fw FrameworkID) []string {
	seen := map[string]bool{}
	for ctl := range c.Controls(fw) {
		for k := range ctl.attrs {
			seen[k] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Compare orders refs by the catalog's document order: frameworks in catalog order,
// controls in their document's order. An Annex A spelling ("iso27001:2022/A.5.1")
// sorts with the control it names, just after its canonical Ref. Refs the catalog
// does not hold sort after those it holds, by [Ref.Compare]. Compare returns 0 only
// for equal refs.
func (c *Catalog) Compare(a, b Ref) int {
	da, ia, oka := c.find(a)
	db, ib, okb := c.find(b)
	switch {
	case oka && okb:
		if x := cmp.Compare(da.order, db.order); x != 0 {
			return x
		}
		if x := cmp.Compare(ia, ib); x != 0 {
			return x
		}
		// The same control under two spellings: the canonical one first.
		ca, cb := a == da.controls[ia].Ref, b == db.controls[ib].Ref
		switch {
		case ca && !cb:
			return -1
		case cb && !ca:
			return 1
		}
		return a.Compare(b)
	case oka:
		return -1
	case okb:
		return 1
	}
	return a.Compare(b)
}
