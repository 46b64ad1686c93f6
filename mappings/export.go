package mappings

import (
	"bytes"
	"io"
	"slices"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
)

// WriteExport writes the export document {"frameworks": [...], "mappings": [...]},
// indented: the frameworks as [catalog.WriteJSON] writes them, then the mapping sets
// as [WriteJSON] does, each in the order given. It is what `controlgraph export`
// writes. [catalog.ReadJSON] reads its frameworks back and [ReadJSON] its sets, both
// unchanged, so an export can be edited and loaded again, and writing what was read
// gives the same bytes. A set whose relationship is not valid is an error (a
// [*catalog.DataError]) and nothing is written.
func WriteExport(w io.Writer, fws []catalog.Framework, sets []Set) error {
	var fb bytes.Buffer
	if err := catalog.WriteJSON(&fb, fws...); err != nil {
		return err
	}
	var doc wire.Document
	if err := codec.DecodeStrict(fb.Bytes(), &doc); err != nil {
		return err
	}
	for _, s := range sets {
		ws, err := toWire(s)
		if err != nil {
			return err
		}
		doc.Mappings = append(doc.Mappings, ws)
	}
	return codec.Encode(w, doc)
}

// Within reports whether every control s names, and both of its frameworks, belong
// to one of fws: the sets an export of fws carries along.
func (s Set) Within(fws ...catalog.FrameworkID) bool {
	if !slices.Contains(fws, s.From) || !slices.Contains(fws, s.To) {
		return false
	}
	for _, e := range s.Edges {
		if !slices.Contains(fws, e.From.Framework) || !slices.Contains(fws, e.To.Framework) {
			return false
		}
	}
	return true
}
