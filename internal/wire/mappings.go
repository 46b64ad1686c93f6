package wire

// MappingSet is one published (or user-supplied) set of mapping edges between two
// frameworks. Its shape is owned by package mappings.
type MappingSet struct {
	ID     string `json:"id"`
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Source string `json:"source"`
	Edges  []Edge `json:"edges"`
}

// Edge is one mapping edge.
type Edge struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Relationship string `json:"relationship"`
	Source       string `json:"source,omitempty"`
}
