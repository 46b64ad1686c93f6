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

// WithResource tells [ImportMappings] which framework a mapping's source-resource or
// target-resource means: ref is the resource's href as written in the document (a URL,
// a file name, or "#uuid" of a back-matter resource). Documents written by this
// package name their frameworks themselves and need no such option.
func WithResource(ref string, id catalog.FrameworkID) Option {
	return optionFunc(func(c *config) {
		if c.resources == nil {
			c.resources = map[string]catalog.FrameworkID{}
		}
		c.resources[ref] = id
	})
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
		return "", &Error{Path: "metadata.last-modified", Value: t.String(), Err: fmt.Errorf("%w: the OSCAL schema accepts years 1900 to 2999", ErrNotExpressible)}
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
