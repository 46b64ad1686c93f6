package oscal

// The structs below are the subset of the OSCAL 1.2 JSON model this package writes,
// with members in the order of the OSCAL metaschema so that the output reads like
// NIST's own documents. They are flat and use only omitempty, as internal/codec asks.
// Reading does not use them: see read.go.

type xCatalogDoc struct {
	Catalog xCatalog `json:"catalog"`
}

type xCatalog struct {
	UUID       string       `json:"uuid"`
	Metadata   xMetadata    `json:"metadata"`
	Controls   []xControl   `json:"controls,omitempty"`
	Groups     []xGroup     `json:"groups,omitempty"`
	BackMatter *xBackMatter `json:"back-matter,omitempty"`
}

type xMetadata struct {
	Title              string              `json:"title"`
	LastModified       string              `json:"last-modified"`
	Version            string              `json:"version"`
	OSCALVersion       string              `json:"oscal-version"`
	Props              []xProp             `json:"props,omitempty"`
	Roles              []xRole             `json:"roles,omitempty"`
	Parties            []xParty            `json:"parties,omitempty"`
	ResponsibleParties []xResponsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string              `json:"remarks,omitempty"`
}

type xRole struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type xParty struct {
	UUID string `json:"uuid"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type xResponsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
}

type xProp struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Group   string `json:"group,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type xLink struct {
	Href string `json:"href"`
	Rel  string `json:"rel,omitempty"`
}

type xGroup struct {
	ID       string     `json:"id"`
	Class    string     `json:"class,omitempty"`
	Title    string     `json:"title"`
	Props    []xProp    `json:"props,omitempty"`
	Parts    []xPart    `json:"parts,omitempty"`
	Controls []xControl `json:"controls,omitempty"`
}

type xControl struct {
	ID       string     `json:"id"`
	Class    string     `json:"class,omitempty"`
	Title    string     `json:"title"`
	Props    []xProp    `json:"props,omitempty"`
	Parts    []xPart    `json:"parts,omitempty"`
	Controls []xControl `json:"controls,omitempty"`
}

type xPart struct {
	Name  string `json:"name"`
	Prose string `json:"prose,omitempty"`
}

type xBackMatter struct {
	Resources []xResource `json:"resources"`
}

type xResource struct {
	UUID     string     `json:"uuid"`
	Title    string     `json:"title,omitempty"`
	Props    []xProp    `json:"props,omitempty"`
	Citation *xCitation `json:"citation,omitempty"`
	Rlinks   []xRlink   `json:"rlinks,omitempty"`
	Remarks  string     `json:"remarks,omitempty"`
}

type xCitation struct {
	Text string `json:"text"`
}

type xRlink struct {
	Href string `json:"href"`
}

type xMappingDoc struct {
	MappingCollection xMappingCollection `json:"mapping-collection"`
}

type xMappingCollection struct {
	UUID       string       `json:"uuid"`
	Metadata   xMetadata    `json:"metadata"`
	Provenance xProvenance  `json:"provenance"`
	Mappings   []xMapping   `json:"mappings"`
	BackMatter *xBackMatter `json:"back-matter,omitempty"`
}

type xProvenance struct {
	Method             string  `json:"method"`
	MatchingRationale  string  `json:"matching-rationale"`
	Status             string  `json:"status"`
	MappingDescription string  `json:"mapping-description"`
	Props              []xProp `json:"props,omitempty"`
	Remarks            string  `json:"remarks,omitempty"`
}

type xMapping struct {
	UUID             string       `json:"uuid"`
	SourceResource   xResourceRef `json:"source-resource"`
	TargetResource   xResourceRef `json:"target-resource"`
	Props            []xProp      `json:"props,omitempty"`
	Links            []xLink      `json:"links,omitempty"`
	Maps             []xMap       `json:"maps"`
	SourceGapSummary *xGapSummary `json:"source-gap-summary,omitempty"`
	TargetGapSummary *xGapSummary `json:"target-gap-summary,omitempty"`
	Remarks          string       `json:"remarks,omitempty"`
}

type xResourceRef struct {
	Type  string  `json:"type"`
	Href  string  `json:"href"`
	Props []xProp `json:"props,omitempty"`
}

type xMap struct {
	UUID              string         `json:"uuid"`
	MatchingRationale string         `json:"matching-rationale,omitempty"`
	Relationship      string         `json:"relationship"`
	Props             []xProp        `json:"props,omitempty"`
	Sources           []xMappingItem `json:"sources"`
	Targets           []xMappingItem `json:"targets"`
	Remarks           string         `json:"remarks,omitempty"`
}

type xMappingItem struct {
	Type  string  `json:"type"`
	IDRef string  `json:"id-ref"`
	Props []xProp `json:"props,omitempty"`
}

type xGapSummary struct {
	UUID             string        `json:"uuid"`
	UnmappedControls []xSelectByID `json:"unmapped-controls"`
}

type xSelectByID struct {
	WithChildControls string   `json:"with-child-controls,omitempty"`
	WithIDs           []string `json:"with-ids"`
}
