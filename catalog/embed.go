package catalog

import (
	"slices"
	"sync"
)

// The embedded frameworks are Go tables (embed_tables.go, and embed_tables_cis.go
// unless the build has the tag nocis) that internal/gen writes from the reference data,
// beside the JSON files under data/ it writes from the same frameworks; the package's
// tests check that the two agree.
//
//go:generate go run ../internal/gen -ref ../../shared/reference -out ..

// embeddedTables returns the tables of the embedded frameworks, in catalog order.
func embeddedTables() []*fwTable {
	return append(slices.Clip(baseTables), cisTables...)
}

// fromTables makes the catalog of generated tables. It checks nothing (the package's
// tests check the embedded data in full, through [New]) and indexes no framework:
// each is indexed on the first query that touches it.
func fromTables(ts []*fwTable) *Catalog {
	c := newCatalog(len(ts))
	for i, t := range ts {
		d := &fwData{info: t.info, order: i, table: t}
		c.fws = append(c.fws, d)
		c.byID[t.info.ID] = d
	}
	c.indexNames()
	return c
}

var defaultCatalog = sync.OnceValue(func() *Catalog { return fromTables(embeddedTables()) })

// Default returns the catalog of the embedded frameworks, made on first use and
// shared afterwards. It is immutable and safe for concurrent use. Its first use reads
// generated tables in place and decodes nothing; a framework's controls are indexed
// when a query first touches that framework.
func Default() *Catalog { return defaultCatalog() }

// Embedded returns a fresh copy of the embedded frameworks, in catalog order, to pass
// to [New] beside the caller's own. The copies are complete: the summaries that
// [Default]'s controls leave to [Catalog.Summary] (SP 800-53's statements) are filled
// in.
func Embedded() []Framework {
	c := Default()
	out := make([]Framework, len(c.fws))
	for i, d := range c.fws {
		out[i] = d.spec()
	}
	return out
}

// HasCIS reports whether this build embeds the CIS Controls (false with the build tag
// nocis).
func HasCIS() bool { return len(cisTables) > 0 }
