package oscal

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
)

// Option changes how a document is written or read. Options are made by the
// functions of this package ([WithLastModified], [WithFrameworkID], [WithResource]);
// an option that does not apply to a call is ignored.
type Option interface {
	apply(*config)
}

type config struct {
	lastModified time.Time
	hasModified  bool
	frameworkID  catalog.FrameworkID
	resources    map[string]catalog.FrameworkID
	strict       bool
	cat          *catalog.Catalog
	files        []catalogFile
}

// catalogFile is a framework read from a file, for binding resources to it.
type catalogFile struct {
	name, uuid string
	id         catalog.FrameworkID
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithLastModified sets the metadata last-modified timestamp of an export. Without
// it the timestamp is derived from [catalog.DataVersion] ("2026.1" gives
// 2026-01-01T00:00:00Z), never from the clock, so that exporting the same data twice
// gives the same bytes. The time is written in UTC, to the second.
func WithLastModified(t time.Time) Option {
	return optionFunc(func(c *config) { c.lastModified, c.hasModified = t.UTC().Truncate(time.Second), true })
}

// WithFrameworkID sets the ID of the framework [ImportCatalog] returns, instead of the
// one the document names (documents written by this package) or the one derived from
// its metadata title and version (other documents).
func WithFrameworkID(id catalog.FrameworkID) Option {
	return optionFunc(func(c *config) { c.frameworkID = id })
}

// WithResource binds a resource to a framework: it tells [ImportMappings] which
// framework a mapping's source-resource or target-resource means. ref is the
// resource's href as written in the document (a URL, a file name, or "#uuid" of a
// back-matter resource), or an rlink href of the back-matter resource it points to;
// a ref without '/' also matches any href of that base file name. Any framework of
// the catalog may be named, embedded ones included: a third party's "ISO 27001 Annex
// A" catalog bound to iso27002:2022 makes its ids "5.1" to "8.34" resolve. Documents
// written by this package name their frameworks themselves and need no such option.
func WithResource(ref string, id catalog.FrameworkID) Option {
	return optionFunc(func(c *config) {
		if c.resources == nil {
			c.resources = map[string]catalog.FrameworkID{}
		}
		c.resources[ref] = id
	})
}

// WithStrict makes an import refuse any deviation instead of reporting it: a member
// the OSCAL model does not define (ignored and listed in [ImportReport.Unknown]
// otherwise), and a map citing a control the catalog of [WithCatalog] does not hold
// or holds as withdrawn (skipped and listed in [ImportReport.Skipped] otherwise).
// Either is then a [*catalog.DataError] wrapping [ErrUnknownField] or
// [ErrCitesUnknown].
func WithStrict() Option {
	return optionFunc(func(c *config) { c.strict = true })
}

// WithCatalog gives [ImportMappings] the catalog its mappings will be used with.
// Then every source and target is resolved in it (as [catalog.Catalog.ParseRef]
// does within the mapping's framework: "AC-02(01)" finds "ac-2.1"), a map citing a
// control the catalog does not hold or holds as withdrawn is skipped and listed in
// [ImportReport.Skipped] (refused under [WithStrict]), and a source-resource or
// target-resource that nothing binds to a framework of the catalog is an error
// wrapping [ErrUnbound]. Without it references are read as written and a resource
// no option binds gets a framework ID derived from its title or file name.
func WithCatalog(cat *catalog.Catalog) Option {
	return optionFunc(func(c *config) { c.cat = cat })
}

// WithCatalogFile says that framework id was read from the file name (a path or a
// base name) whose OSCAL catalog uuid is uuid ("" when it is no OSCAL catalog): a
// mapping's source-resource or target-resource binds to it when its href, or an
// rlink of the back-matter resource the href points to, names a file of that base
// name ("../catalogs/NIST_SP-800-53_rev5_catalog.json", a URL ending so) or that
// uuid ("urn:uuid:…", "#…"). [WithResource] wins over it.
func WithCatalogFile(name, uuid string, id catalog.FrameworkID) Option {
	return optionFunc(func(c *config) { c.files = append(c.files, catalogFile{name: name, uuid: uuid, id: id}) })
}

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		if o != nil {
			o.apply(&c)
		}
	}
	return c
}

// timestamp returns the last-modified value to write.
func (c config) timestamp() (string, error) {
	t := c.lastModified
	if !c.hasModified {
		t = dataVersionTime(catalog.DataVersion)
	}
	if y := t.Year(); y < 1900 || y > 2999 {
		return "", &catalog.DataError{Record: "metadata.last-modified", Value: t.String(), Err: fmt.Errorf("%w: the OSCAL schema accepts years 1900 to 2999", ErrNotExpressible)}
	}
	return t.Format(time.RFC3339), nil
}

// dataVersionTime reads a data version "YYYY.N" as the first day of month N of year
// YYYY (N outside 1–12 is clamped), midnight UTC. Anything else gives 2000-01-01.
func dataVersionTime(v string) time.Time {
	ys, ms, _ := strings.Cut(v, ".")
	y, err := strconv.Atoi(ys)
	if err != nil || y < 1900 || y > 2999 {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	m, err := strconv.Atoi(ms)
	if err != nil || m < 1 {
		m = 1
	}
	return time.Date(y, time.Month(min(m, 12)), 1, 0, 0, 0, 0, time.UTC)
}
