//go:build nographtables

package crosswalk

// embeddedGraph is nil in a build with the tag nographtables: [Default] builds the
// embedded crosswalk with [New], and TestGraphTables can write embed_graph.go anew.
var embeddedGraph *graphData
