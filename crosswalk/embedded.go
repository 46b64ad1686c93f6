package crosswalk

import (
	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// The embedded crosswalk's indexes are static data: embed_graph.go (embed_graph_nocis.go
// in a build with the tag nocis) holds the graphData that New computes from
// catalog.Default() and mappings.Embedded(), written by TestGraphTables from New
// itself, so there is one construction path. The test fails when the committed file
// differs from what New computes now; after a change to the embedded data or to
// graphData, regenerate it (the tag nographtables builds the package without the
// files, so the generator never depends on them):
//
//go:generate go test -tags nographtables -run ^TestGraphTables$ -update-graph .
//go:generate go test -tags nographtables,nocis -run ^TestGraphTables$ -update-graph .

// embeddedSets returns the mapping sets [Default] is built from when it has no static
// data: a copy of the embedded sets ([mappings.Embedded]); [New] keeps what it needs.
func embeddedSets() []mappings.Set { return mappings.Embedded() }

// fromGraphData returns the crosswalk of cat whose indexes d holds, sharing them (they
// are never changed); it builds only the look-up maps.
func fromGraphData(cat *catalog.Catalog, d *graphData) *Crosswalk {
	cw := &Crosswalk{cat: cat, graphData: *d}
	cw.indexIDs()
	cw.makeGraph()
	return cw
}

// fits reports whether d was made for cat: the same frameworks, in the same order,
// with as many controls each. (It reads only what cat knows without indexing a
// framework; the tests prove the rest.)
func (d *graphData) fits(cat *catalog.Catalog) bool {
	f := 0
	for in := range cat.Frameworks() {
		if f >= len(d.fws) || d.fws[f].id != in.ID || int(d.fws[f].end-d.fws[f].start) != in.Controls {
			return false
		}
		f++
	}
	return f == len(d.fws)
}

// indexIDs makes the look-up map of the frameworks, fwIdx, and room for the maps of
// their IDs, made on first use (idsOf).
func (cw *Crosswalk) indexIDs() {
	cw.fwIdx = make(map[catalog.FrameworkID]int32, len(cw.fws))
	for f, sp := range cw.fws {
		cw.fwIdx[sp.id] = int32(f)
	}
	cw.byID = make([]idIndex, len(cw.fws))
}
