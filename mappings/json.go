package mappings

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/safetext"
	"github.com/controlgraph/controlgraph/internal/wire"
)

// ReadJSON reads mapping sets from a JSON document: either one set object, as in the
// files under mappings/data, or the export document {"frameworks": [...],
// "mappings": [...]} that `controlgraph export --format json` writes (its
// "frameworks" are ignored here; see [catalog.ReadJSON]).
//
// A set object has "id", "from", "to", "kind" ("crosswalk" or "succession"), "source"
// (the source document's ID), optionally "source_document" {"title", "publisher",
// "licence", "url"}, "edges" [{"from", "to", "relationship", "strength", "rationale",
// "source", "label", "note", "misprint", "repeats"}] and "statements" [{"ref", "kind",
// "target", "note", "misprint", "reading"}]. Refs are written "framework/id". An edge
// without "source" takes the set's.
//
// Decoding is strict: unknown fields, a field given twice in one object, malformed
// refs, unknown relationship words, strengths outside 0–10 and empty required fields
// are errors, each a [*Problem] naming the file (name), the record, the field and the
// value; all of them are returned together ([errors.Join]). Whether the refs name real controls is checked by
// [Validate], which needs a catalog.
func ReadJSON(name string, data []byte) ([]Set, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return readJSON(name, data)
}

// readTrusted decodes one set of the embedded data: the fast decoder, no strict
// checks (the tests read every embedded file with [ReadJSON]).
func readTrusted(name string, data []byte) ([]Set, error) {
	var ws wire.MappingSet
	if err := codec.DecodeTrusted(data, &ws); err != nil {
		return nil, jsonProblem(name, err)
	}
	var pl problemList
	s := fromWire(ws, func(p *Problem) { p.File = name; pl.add(p) })
	if err := pl.err(); err != nil {
		return nil, err
	}
	return []Set{s}, nil
}

func readJSON(name string, data []byte) ([]Set, error) {
	// One strict decode into the union of both shapes, then see which one it was.
	var u struct {
		Frameworks     *[]any               `json:"frameworks,omitempty"`
		Mappings       *[]wire.MappingSet   `json:"mappings,omitempty"`
		ID             *string              `json:"id,omitempty"`
		From           string               `json:"from"`
		To             string               `json:"to"`
		Kind           string               `json:"kind"`
		Source         string               `json:"source"`
		SourceDocument *wire.SourceDocument `json:"source_document,omitempty"`
		Edges          *[]wire.Edge         `json:"edges,omitempty"`
		Statements     []wire.Statement     `json:"statements,omitempty"`
	}
	if err := codec.DecodeStrict(data, &u); err != nil {
		return nil, jsonProblem(name, err)
	}
	setFields := u.ID != nil || u.From != "" || u.To != "" || u.Kind != "" || u.Source != "" || u.SourceDocument != nil || u.Edges != nil || u.Statements != nil
	isDoc := u.Frameworks != nil || u.Mappings != nil || !setFields
	if isDoc && setFields {
		return nil, &Problem{Severity: Error, File: name, Err: ErrMalformed, Detail: `a document is either one set object or {"frameworks": [...], "mappings": [...]}, not both`}
	}
	var wsets []wire.MappingSet
	if isDoc {
		// {} is the export document of nothing (what WriteJSON writes for no sets).
		if u.Mappings != nil {
			wsets = *u.Mappings
		}
	} else {
		ws := wire.MappingSet{From: u.From, To: u.To, Kind: u.Kind, Source: u.Source, SourceDocument: u.SourceDocument, Statements: u.Statements}
		if u.ID != nil {
			ws.ID = *u.ID
		}
		if u.Edges != nil {
			ws.Edges = *u.Edges
		}
		wsets = []wire.MappingSet{ws}
	}
	var pl problemList
	sets := make([]Set, len(wsets))
	for i, ws := range wsets {
		prefix := ""
		if isDoc {
			prefix = fmt.Sprintf("mappings[%d]", i)
		}
		sets[i] = fromWire(ws, func(p *Problem) {
			p.File = name
			if prefix != "" {
				if p.Record == "" {
					p.Record = prefix
				} else {
					p.Record = prefix + "." + p.Record
				}
			}
			pl.add(p)
		})
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	return sets, nil
}

func jsonProblem(name string, err error) error {
	p := &Problem{Severity: Error, File: name, Err: ErrMalformed, Detail: err.Error()}
	var se *codec.SyntaxError
	if errors.As(err, &se) {
		p.Line = se.Line
		p.Detail = se.Err.Error()
		if strings.Contains(p.Detail, "unknown field") {
			p.Err = ErrUnknownField
		}
	}
	return p
}

// parseRef reads a ref written "framework/id".
func parseRef(s string) (catalog.Ref, error) {
	var r catalog.Ref
	if err := r.UnmarshalText([]byte(s)); err != nil {
		return catalog.Ref{}, err
	}
	return r, nil
}

// refReader parses the refs of one set. A set names few frameworks: each is checked
// once by [parseRef] and remembered, so that a ref in a known framework costs only
// the check of its ID (the same as [catalog.Ref.UnmarshalText]'s) and no copy.
type refReader struct {
	known []catalog.FrameworkID
}

func (rr *refReader) parse(s string) (catalog.Ref, error) {
	fw, id, ok := strings.Cut(s, "/")
	if ok && id != "" && strings.TrimSpace(id) == id && !strings.Contains(id, "/") && noControl(id) {
		for _, k := range rr.known {
			if string(k) == fw {
				return catalog.Ref{Framework: k, ID: id}, nil
			}
		}
	}
	r, err := parseRef(s)
	if err == nil && r.Framework != "" && len(rr.known) < 8 && !slices.Contains(rr.known, r.Framework) {
		rr.known = append(rr.known, r.Framework)
	}
	return r, err
}

// noControl reports whether id is free of control characters (see
// [safetext.IsControl]); [catalog.Ref.UnmarshalText] refuses them.
func noControl(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < 0x20 || c >= 0x7f { // ASCII IDs, the usual case, cost one pass
			off, _ := safetext.FirstControl(id)
			return off < 0
		}
	}
	return true
}

// refDetail explains why the ref v does not parse: its control character, or else
// the form a ref takes (detail).
func refDetail(v, detail string) string {
	if off, r := safetext.FirstControl(v); off >= 0 {
		return "a ref has no control characters: " + safetext.ControlError(off, r)
	}
	return detail
}

// validFramework reports whether id is a well-formed framework ID.
func validFramework(id catalog.FrameworkID) bool {
	if id == "" || strings.Contains(string(id), "/") {
		return false
	}
	_, err := parseRef(string(id) + "/x")
	return err == nil
}

func fromWire(ws wire.MappingSet, bad func(*Problem)) Set {
	s := Set{
		ID:   ws.ID,
		From: catalog.FrameworkID(ws.From),
		To:   catalog.FrameworkID(ws.To),
		Kind: SetKind(ws.Kind),
		Source: Source{
			ID: ws.Source,
		},
	}
	if d := ws.SourceDocument; d != nil {
		s.Source.Title, s.Source.Publisher, s.Source.Licence, s.Source.URL = d.Title, d.Publisher, d.Licence, d.URL
	}
	setProblem := func(field, value string, err error, detail string) {
		bad(&Problem{Severity: Error, Set: ws.ID, Field: field, Value: value, Err: err, Detail: detail})
	}
	if strings.TrimSpace(ws.ID) == "" {
		setProblem("id", "", ErrEmptyField, "")
	}
	for _, f := range []struct {
		name string
		id   catalog.FrameworkID
	}{{"from", s.From}, {"to", s.To}} {
		if f.id == "" {
			setProblem(f.name, "", ErrEmptyField, "")
		} else if !validFramework(f.id) {
			setProblem(f.name, string(f.id), ErrInvalidValue, "not a framework ID")
		}
	}
	if !s.Kind.Valid() {
		setProblem("kind", ws.Kind, ErrInvalidValue, `want "crosswalk" or "succession"`)
	}
	if strings.TrimSpace(ws.Source) == "" {
		setProblem("source", "", ErrEmptyField, "a set names its source document")
	}
	var rr refReader
	if len(ws.Edges) > 0 {
		s.Edges = make([]Edge, len(ws.Edges))
	}
	for i, we := range ws.Edges {
		ep := func(field, value string, err error, detail string) { // the record is named only for a problem
			bad(&Problem{Severity: Error, Set: ws.ID, Record: fmt.Sprintf("edges[%d]", i), Field: field, Value: value, Err: err, Detail: detail})
		}
		e := Edge{Rationale: Rationale(we.Rationale), Source: we.Source, Label: we.Label, Note: we.Note, Misprint: we.Misprint, Repeats: we.Repeats}
		if e.Source == "" {
			e.Source = ws.Source
		}
		for _, f := range []struct {
			name string
			v    string
			dst  *catalog.Ref
		}{{"from", we.From, &e.From}, {"to", we.To, &e.To}} {
			if f.v == "" {
				ep(f.name, "", ErrEmptyField, "")
				continue
			}
			r, err := rr.parse(f.v)
			if err != nil {
				ep(f.name, f.v, ErrInvalidValue, refDetail(f.v, `a ref is written "framework/id"`))
				continue
			}
			*f.dst = r
		}
		if we.Relationship == "" {
			ep("relationship", "", ErrEmptyField, "")
		} else if rel, err := ParseRelationship(we.Relationship); err != nil {
			ep("relationship", we.Relationship, ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
		} else {
			e.Relationship = rel
		}
		if we.Strength != nil {
			if *we.Strength < 0 || *we.Strength > 10 {
				ep("strength", fmt.Sprint(*we.Strength), ErrInvalidValue, "a strength is 0 to 10")
			} else {
				e.Strength, e.HasStrength = *we.Strength, true
			}
		}
		if !e.Rationale.Valid() {
			ep("rationale", we.Rationale, ErrInvalidValue, "want syntactic, semantic or functional")
		}
		if we.Repeats < 0 {
			ep("repeats", fmt.Sprint(we.Repeats), ErrInvalidValue, "repeats is not negative")
		}
		s.Edges[i] = e
	}
	if len(ws.Statements) > 0 {
		s.Statements = make([]Statement, len(ws.Statements))
	}
	for i, wst := range ws.Statements {
		sp := func(field, value string, err error, detail string) {
			bad(&Problem{Severity: Error, Set: ws.ID, Record: fmt.Sprintf("statements[%d]", i), Field: field, Value: value, Err: err, Detail: detail})
		}
		st := Statement{Kind: StatementKind(wst.Kind), Target: wst.Target, Note: wst.Note, Misprint: wst.Misprint}
		if wst.Ref == "" {
			sp("ref", "", ErrEmptyField, "")
		} else if r, err := rr.parse(wst.Ref); err != nil {
			sp("ref", wst.Ref, ErrInvalidValue, refDetail(wst.Ref, `a ref is written "framework/id"`))
		} else {
			st.Ref = r
		}
		if !st.Kind.Valid() {
			sp("kind", wst.Kind, ErrInvalidValue, "unknown statement kind")
		}
		if wst.Reading != "" {
			if r, err := rr.parse(wst.Reading); err != nil {
				sp("reading", wst.Reading, ErrInvalidValue, refDetail(wst.Reading, `a ref is written "framework/id"`))
			} else {
				st.Reading = r
			}
		}
		s.Statements[i] = st
	}
	return s
}

func toWire(s Set) (wire.MappingSet, error) {
	ws := wire.MappingSet{
		ID: s.ID, From: string(s.From), To: string(s.To), Kind: string(s.Kind), Source: s.Source.ID,
		Edges: make([]wire.Edge, len(s.Edges)),
	}
	if src := s.Source; src.Title != "" || src.Publisher != "" || src.Licence != "" || src.URL != "" {
		ws.SourceDocument = &wire.SourceDocument{Title: src.Title, Publisher: src.Publisher, Licence: src.Licence, URL: src.URL}
	}
	for i, e := range s.Edges {
		if !e.Relationship.Valid() {
			return ws, &Problem{Severity: Error, Set: s.ID, Record: edgeRecord(i, e), Field: "relationship", Value: e.Relationship.String(), Err: ErrUnknownRelationship}
		}
		we := wire.Edge{
			From: e.From.String(), To: e.To.String(), Relationship: e.Relationship.String(),
			Rationale: string(e.Rationale), Source: e.Source, Label: e.Label, Note: e.Note,
			Misprint: e.Misprint, Repeats: e.Repeats,
		}
		if e.HasStrength {
			n := e.Strength
			we.Strength = &n
		}
		ws.Edges[i] = we
	}
	for _, st := range s.Statements {
		ws.Statements = append(ws.Statements, wire.Statement{
			Ref: st.Ref.String(), Kind: string(st.Kind), Target: st.Target, Note: st.Note,
			Misprint: st.Misprint, Reading: st.Reading.String(),
		})
	}
	return ws, nil
}

// MarshalJSON encodes the set as one set object, the shape [ReadJSON] reads, so that
// a write and a read give the same set back.
func (s Set) MarshalJSON() ([]byte, error) {
	ws, err := toWire(s)
	if err != nil {
		return nil, err
	}
	return codec.Marshal(ws)
}

// EncodeSet writes s to w as one indented set object followed by a newline: the form
// of the files under mappings/data. [ReadJSON] reads it back unchanged.
func EncodeSet(w io.Writer, s Set) error {
	ws, err := toWire(s)
	if err != nil {
		return err
	}
	return codec.Encode(w, ws)
}

// WriteJSON writes sets as the document {"mappings": [...]}, indented, in the order
// given: the "mappings" part of the export document. [ReadJSON] reads it back
// unchanged.
func WriteJSON(w io.Writer, sets ...Set) error {
	doc := wire.Document{Mappings: make([]wire.MappingSet, len(sets))}
	for i, s := range sets {
		ws, err := toWire(s)
		if err != nil {
			return err
		}
		doc.Mappings[i] = ws
	}
	return codec.Encode(w, doc)
}

func edgeRecord(i int, e Edge) string {
	return fmt.Sprintf("edge #%d (%s → %s)", i+1, e.From, e.To)
}
