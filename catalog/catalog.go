package catalog

import (
	"iter"
)

// Catalog is an immutable set of frameworks with their controls and the indexes to
// find them. It is safe for concurrent use; nothing it returns can change it.
//
// A framework's controls are indexed when a query first needs them: [Default] builds
// no framework's index until it is asked about that framework, so its first use does
// not grow with the number of embedded frameworks.
type Catalog struct {
	fws      []*fwData
	byID     map[FrameworkID]*fwData
	names    map[string]FrameworkID   // normalised ID or version alias → framework
	families map[string][]FrameworkID // normalised family name or alias → versions, newest first
}

// New builds a catalog from frameworks, checking each: IDs well formed and unique,
// titles present, parents existing and acyclic, kinds and attributes well formed,
// AnnexOf naming a framework of the catalog. All problems are reported together as
// [*DataError] values joined with [errors.Join]. The catalog keeps its own copy.
func New(fws ...Framework) (*Catalog, error) {
	return build(fws, nil)
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
// every control (kinds filled in: "control" where none was given); it is what exports
// write. The summaries of an embedded framework that keeps them apart (SP 800-53's
// statements) are filled in.
func (c *Catalog) Spec(id FrameworkID) (Framework, bool) {
	d, ok := c.byID[id]
	if !ok {
		return Framework{}, false
	}
	return d.spec(), true
}

// spec returns the framework as a [Framework] the caller owns.
func (d *fwData) spec() Framework {
	in := d.infoCopy()
	f := Framework{
		ID: in.ID, Name: in.Name, Version: in.Version, Publisher: in.Publisher, Source: in.Source,
		Licence: in.Licence, Aliases: in.Aliases, AnnexOf: in.AnnexOf, QualifiedOnly: in.QualifiedOnly,
		ItemKinds: in.ItemKinds,
	}
	ix := d.index()
	f.Controls = make([]ControlSpec, len(ix.controls))
	for i, c := range ix.controls {
		f.Controls[i] = ControlSpec{
			ID: c.Ref.ID, Title: c.Title, Kind: c.Kind, Parent: c.Parent.ID,
			Summary: d.summary(i), Attributes: c.attrs.toMap(),
		}
	}
	return f
}

// Summary returns the summary of the control r names ("" when it has none) and
// whether the catalog has that control. It is the control's [Control.Summary], except
// for the embedded frameworks whose summaries are kept apart so that the catalog's
// controls do not carry text few callers read: the statements of NIST SP 800-53,
// which [Control.Summary] leaves empty and this returns.
func (c *Catalog) Summary(r Ref) (string, bool) {
	d, i, ok := c.find(r)
	if !ok {
		return "", false
	}
	return d.summary(i), true
}
