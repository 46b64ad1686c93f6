package wire

// MappingSet is one published (or user-supplied) set of mapping edges between two
// frameworks: the files under mappings/data, the "mappings" of the export document
// and the sets users load. Its meaning is owned by package mappings.
type MappingSet struct {
	ID             string          `json:"id"`
	From           string          `json:"from"`
	To             string          `json:"to"`
	Kind           string          `json:"kind"`
	Source         string          `json:"source"`
	SourceDocument *SourceDocument `json:"source_document,omitempty"`
	Edges          []Edge          `json:"edges"`
	Statements     []Statement     `json:"statements,omitempty"`
}

// SourceDocument describes the published document named by MappingSet.Source.
type SourceDocument struct {
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Licence   string `json:"licence,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Edge is one mapping edge. Refs are written "framework/id".
type Edge struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Relationship string `json:"relationship"`
	Strength     *int   `json:"strength,omitempty"`
	Rationale    string `json:"rationale,omitempty"`
	Source       string `json:"source,omitempty"`
	Label        string `json:"label,omitempty"`
	Note         string `json:"note,omitempty"`
	Misprint     string `json:"misprint,omitempty"`
	Repeats      int    `json:"repeats,omitempty"`
}

// Statement is a fact a source states about one element instead of an edge.
type Statement struct {
	Ref      string `json:"ref"`
	Kind     string `json:"kind"`
	Target   string `json:"target,omitempty"`
	Note     string `json:"note,omitempty"`
	Misprint string `json:"misprint,omitempty"`
	Reading  string `json:"reading,omitempty"`
}
