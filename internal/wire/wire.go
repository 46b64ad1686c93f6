// Package wire holds the flat structs that frameworks and mapping sets take in JSON:
// the embedded data files, the export document and the files users load. They pass
// through [github.com/controlgraph/controlgraph/internal/codec] only.
package wire

// Document is the export shape: every framework and every mapping set.
type Document struct {
	Frameworks []Framework  `json:"frameworks,omitempty"`
	Mappings   []MappingSet `json:"mappings,omitempty"`
}

// Framework is one framework with its controls in document order.
type Framework struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Version       string    `json:"version"`
	Publisher     string    `json:"publisher,omitempty"`
	Source        string    `json:"source,omitempty"`
	Licence       string    `json:"licence,omitempty"`
	Aliases       []string  `json:"aliases,omitempty"`
	AnnexOf       string    `json:"annex_of,omitempty"`
	QualifiedOnly bool      `json:"qualified_only,omitempty"`
	ItemKinds     []string  `json:"item_kinds,omitempty"`
	Controls      []Control `json:"controls"`
}

// Control is one node of a framework.
type Control struct {
	ID         string              `json:"id"`
	Title      string              `json:"title"`
	Kind       string              `json:"kind"`
	Parent     string              `json:"parent,omitempty"`
	Summary    string              `json:"summary,omitempty"`
	Attributes map[string][]string `json:"attributes,omitempty"`
}

// Summaries holds the summaries of one framework's controls apart from the framework
// file, so that the catalog reads them only when one is asked for (the statements of
// SP 800-53, which would otherwise more than double what the first use decodes).
type Summaries struct {
	Framework string    `json:"framework"`
	Summaries []Summary `json:"summaries"`
}

// Summary is the summary of one control, by ID.
type Summary struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}
