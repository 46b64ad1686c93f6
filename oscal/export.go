package oscal

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// Names of the props in [Namespace] that carry framework metadata.
const (
	propFrameworkID   = "framework-id"
	propAlias         = "alias"
	propAnnexOf       = "annex-of"
	propQualifiedOnly = "qualified-only"
	propVersionUnset  = "version-unset"
	propItemKind      = "item-kind"
	propRole          = "role" // on back-matter resources: "source", "licence"
)

// ExportCatalog returns framework f as an OSCAL 1.2 catalog in indented JSON; the
// package documentation says how the framework is laid out. The output depends only
// on f and the options, so exporting the same framework twice gives the same bytes.
// Data OSCAL cannot carry (a title with a line break, an attribute value with white
// space at either end) is reported as a [*catalog.DataError] wrapping
// [ErrNotExpressible].
func ExportCatalog(f catalog.Framework, opts ...Option) ([]byte, error) {
	doc, err := buildCatalog(f, newConfig(opts))
	if err != nil {
		return nil, err
	}
	return codec.MarshalIndent(doc)
}

// WriteCatalog writes [ExportCatalog]'s output for f to w.
func WriteCatalog(w io.Writer, f catalog.Framework, opts ...Option) error {
	b, err := ExportCatalog(f, opts...)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// catalogUUID is the uuid of the exported catalog of framework id at timestamp ts;
// mapping-collections refer to catalogs by it.
func catalogUUID(id catalog.FrameworkID, ts string) string {
	return UUID("catalog/" + string(id) + "/" + ts)
}

func nsProp(name, value string) xProp { return xProp{Name: name, NS: Namespace, Value: value} }

func buildCatalog(f catalog.Framework, cfg config) (*xCatalogDoc, error) {
	var p problems
	ts, err := cfg.timestamp()
	if err != nil {
		return nil, err
	}
	if !isString(string(f.ID)) {
		p.add("id", string(f.ID), fmt.Errorf("%w: not a framework ID", ErrInvalid))
	}
	if !isLine(f.Name) {
		p.add("name", f.Name, fmt.Errorf("%w: the catalog title must be one non-empty line", ErrNotExpressible))
	}
	md := catalogMetadata(f, ts, &p)
	res := sourceResources(f)
	for _, r := range res {
		md.Remarks = joinNonEmpty(md.Remarks, r.Title+": "+r.Remarks)
	}
	doc := &xCatalogDoc{Catalog: xCatalog{UUID: catalogUUID(f.ID, ts), Metadata: md}}
	if len(res) > 0 {
		doc.Catalog.BackMatter = &xBackMatter{Resources: res}
	}

	h := hierarchyOf(f.Controls, &p)
	if err := p.err(); err != nil {
		return nil, err
	}
	w := treeWriter{controls: f.Controls, children: h.children, width: len(strconv.Itoa(len(f.Controls))), p: &p}
	asGroups := len(h.roots) > 0
	for _, r := range h.roots {
		if len(h.children[r]) == 0 {
			asGroups = false
		}
	}
	for _, r := range h.roots {
		c := w.control(r, 0)
		if asGroups {
			doc.Catalog.Groups = append(doc.Catalog.Groups, xGroup(c))
		} else {
			doc.Catalog.Controls = append(doc.Catalog.Controls, c)
		}
	}
	if w.visited != len(f.Controls) {
		unreached(f.Controls, h.pos, &p)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return doc, nil
}

// joinNonEmpty joins a and b with a blank line, or returns the one that is not
// empty.
func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}

// catalogMetadata returns the metadata of the catalog of f: its title and version,
// and the framework's identity as props in [Namespace]; what OSCAL cannot hold is
// reported to p.
func catalogMetadata(f catalog.Framework, ts string, p *problems) xMetadata {
	md := xMetadata{
		Title:        f.Name,
		LastModified: ts,
		Version:      f.Version,
		OSCALVersion: OSCALVersion,
		Props:        []xProp{nsProp(propFrameworkID, string(f.ID))},
	}
	if f.Version == "" {
		md.Version = catalog.DataVersion
		md.Props = append(md.Props, nsProp(propVersionUnset, "true"))
	} else if !isString(f.Version) {
		p.add("version", f.Version, fmt.Errorf("%w: a version has no white space at either end", ErrNotExpressible))
	}
	md.Props = append(md.Props, listProps("aliases", propAlias, f.Aliases, "an alias", p)...)
	if f.AnnexOf != "" {
		md.Props = append(md.Props, nsProp(propAnnexOf, string(f.AnnexOf)))
	}
	if f.QualifiedOnly {
		md.Props = append(md.Props, nsProp(propQualifiedOnly, "true"))
	}
	kinds := make([]string, len(f.ItemKinds))
	for i, k := range f.ItemKinds {
		kinds[i] = string(k)
	}
	md.Props = append(md.Props, listProps("item-kinds", propItemKind, kinds, "a kind", p)...)
	if f.Publisher != "" {
		if !isString(f.Publisher) {
			p.add("publisher", f.Publisher, fmt.Errorf("%w: a party name has no white space at either end", ErrNotExpressible))
		}
		party := UUID("party/" + f.Publisher)
		md.Roles = []xRole{{ID: "publisher", Title: "Publisher"}}
		md.Parties = []xParty{{UUID: party, Type: "organization", Name: f.Publisher}}
		md.ResponsibleParties = []xResponsibleParty{{RoleID: "publisher", PartyUUIDs: []string{party}}}
	}
	return md
}

// listProps returns one prop name per value of a list field (field names it in
// errors, what names one value), reporting values a prop cannot hold.
func listProps(field, name string, values []string, what string, p *problems) []xProp {
	out := make([]xProp, 0, len(values))
	for i, v := range values {
		if !isString(v) {
			p.add(fmt.Sprintf("%s[%d]", field, i), v, fmt.Errorf("%w: %s has no white space at either end", ErrNotExpressible, what))
		}
		out = append(out, nsProp(name, v))
	}
	return out
}

// sourceResources returns the back-matter resources holding the framework's
// source and licence, when it has them.
func sourceResources(f catalog.Framework) []xResource {
	var res []xResource
	if f.Source != "" {
		res = append(res, xResource{UUID: UUID("source/" + string(f.ID)), Title: "Source",
			Props: []xProp{nsProp(propRole, "source")}, Remarks: f.Source})
	}
	if f.Licence != "" {
		res = append(res, xResource{UUID: UUID("licence/" + string(f.ID)), Title: "Licence",
			Props: []xProp{nsProp(propRole, "licence")}, Remarks: f.Licence})
	}
	return res
}

// hierarchy is the tree of a framework's controls, by position in its list.
type hierarchy struct {
	pos      map[string]int // 1 + position, by ID
	children [][]int        // children of each control, in list order
	roots    []int          // controls without a parent, in list order
}

// hierarchyOf returns the tree of controls, reporting missing and duplicate IDs and
// parents that no control has to p.
func hierarchyOf(controls []catalog.ControlSpec, p *problems) hierarchy {
	h := hierarchy{pos: make(map[string]int, len(controls)), children: make([][]int, len(controls))}
	for i, s := range controls {
		path := fmt.Sprintf("controls[%d]", i)
		switch {
		case s.ID == "":
			p.add(path+".id", "", ErrMissing)
		case h.pos[s.ID] > 0:
			p.add(path+".id", s.ID, ErrDuplicate)
		default:
			h.pos[s.ID] = i + 1
		}
	}
	for i, s := range controls {
		if s.Parent == "" {
			h.roots = append(h.roots, i)
			continue
		}
		pi := h.pos[s.Parent] - 1
		if pi < 0 {
			p.add(fmt.Sprintf("controls[%d].parent", i), s.Parent, fmt.Errorf("%w: no control has this ID", ErrInvalid))
			continue
		}
		h.children[pi] = append(h.children[pi], i)
	}
	return h
}

// treeWriter writes controls as nested OSCAL controls, counting those it wrote.
type treeWriter struct {
	controls []catalog.ControlSpec
	children [][]int
	width    int // digits of the sort-ids
	visited  int
	p        *problems
}

// control returns control i with its descendants, down to maxDepth.
func (w *treeWriter) control(i, depth int) xControl {
	w.visited++
	s := w.controls[i]
	path := fmt.Sprintf("controls[%d]", i)
	c := xControl{ID: EncodeID(s.ID), Class: EncodeID(string(kindOf(s))), Title: s.Title}
	if !isLine(s.Title) {
		w.p.add(path+".title", s.Title, fmt.Errorf("%w: a title is one non-empty line", ErrNotExpressible))
	}
	c.Props = nodeProps(s, i, w.width, path, w.p)
	if s.Summary != "" {
		c.Parts = []xPart{{Name: "statement", Prose: s.Summary}}
	}
	if depth < maxDepth {
		for _, ci := range w.children[i] {
			c.Controls = append(c.Controls, w.control(ci, depth+1))
		}
	}
	return c
}

// unreached reports to p the controls whose parent chain loops or is too deep.
func unreached(controls []catalog.ControlSpec, pos map[string]int, p *problems) {
	for i, s := range controls {
		if s.Parent != "" && !reaches(controls, pos, i) {
			p.add(fmt.Sprintf("controls[%d].parent", i), s.Parent, fmt.Errorf("%w: the parent chain loops or is deeper than %d", ErrInvalid, maxDepth))
		}
	}
}

// maxDepth bounds the nesting of groups and controls, on export and import.
const maxDepth = 64

// reaches reports whether the parent chain of control i ends at a root within
// maxDepth steps.
func reaches(cs []catalog.ControlSpec, pos map[string]int, i int) bool {
	for steps := 0; steps <= maxDepth; steps++ {
		if cs[i].Parent == "" {
			return true
		}
		i = pos[cs[i].Parent] - 1
		if i < 0 {
			return false
		}
	}
	return false
}

func kindOf(s catalog.ControlSpec) catalog.Kind {
	if s.Kind == "" {
		return catalog.KindControl
	}
	return s.Kind
}

// nodeProps returns the props of one node: label, sort-id, OSCAL's status=withdrawn
// for a withdrawn node, then the attributes in name order. A value OSCAL cannot hold as a prop value (white space at either end, a
// line break) is written in the prop's remarks, with class "value-in-remarks".
func nodeProps(s catalog.ControlSpec, i, width int, path string, p *problems) []xProp {
	props := []xProp{
		{Name: "label", Value: s.ID},
		{Name: "sort-id", Value: fmt.Sprintf("%0*d", width, i+1)},
	}
	if st := s.Attributes[catalog.AttrStatus]; len(st) == 1 && st[0] == catalog.StatusWithdrawn {
		// OSCAL's own marker, for tools that do not read our namespace.
		props = append(props, xProp{Name: "status", Value: catalog.StatusWithdrawn})
	}
	if !isString(s.ID) {
		p.add(path+".id", s.ID, fmt.Errorf("%w: an ID has no white space at either end", ErrNotExpressible))
	}
	names := make([]string, 0, len(s.Attributes))
	for n := range s.Attributes {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		for j, v := range s.Attributes[n] {
			if v == "" {
				p.add(fmt.Sprintf("%s.attributes.%s[%d]", path, n, j), v, fmt.Errorf("%w: an empty attribute value", ErrNotExpressible))
			}
			props = append(props, textProp(EncodeID(n), v))
		}
	}
	return props
}
