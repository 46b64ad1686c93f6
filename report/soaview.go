package report

import "github.com/controlgraph/controlgraph/crosswalk"

// notGiven is what a report shows for a document field of a SoA that is empty.
const notGiven = "not given"

// docField is one field of a SoA's document block: its label, its CSV/JSON key and
// its value ("" when not given).
type docField struct {
	Label, Key, Value string
}

// Shown is the value, or "not given".
func (f docField) Shown() string {
	if f.Value == "" {
		return notGiven
	}
	return f.Value
}

// docFields lists the document fields of a SoA (organisation, scope, version, date,
// approved by) in that order, with the keys of the JSON form.
func docFields(d crosswalk.SoADocument) []docField {
	keys := []string{"organization", "scope", "version", "date", "approved_by"}
	fs := d.Fields()
	out := make([]docField, len(fs))
	for i, f := range fs {
		out[i] = docField{Label: f[0], Key: keys[i], Value: f[1]}
	}
	return out
}
