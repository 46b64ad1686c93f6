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
// are errors, each a [*catalog.DataError] naming the file (name), the record, the field and the
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
	s := fromWire(ws, "", func(p *catalog.DataError) { p.File = name; pl.add(p) })
	if err := pl.err(); err != nil {
		return nil, err
	}
	return []Set{s}, nil
}

// jsonUnion is the union of the two shapes [ReadJSON] reads, the export document
// and one set object, decoded once strictly and then told apart.
type jsonUnion struct {
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

// sets returns the sets of the document u decodes, and whether it is the export
// document (isDoc) rather than one set object; a document with fields of both is an
// error.
func (u *jsonUnion) sets() (wsets []wire.MappingSet, isDoc bool, ok bool) {
	setFields := u.hasSetFields()
	isDoc = u.Frameworks != nil || u.Mappings != nil || !setFields
	if isDoc && setFields {
		return nil, false, false
	}
	if isDoc {
		// {} is the export document of nothing (what WriteJSON writes for no sets).
		if u.Mappings != nil {
			wsets = *u.Mappings
		}
		return wsets, true, true
	}
	ws := wire.MappingSet{From: u.From, To: u.To, Kind: u.Kind, Source: u.Source, SourceDocument: u.SourceDocument, Statements: u.Statements}
	if u.ID != nil {
		ws.ID = *u.ID
	}
	if u.Edges != nil {
		ws.Edges = *u.Edges
	}
	return []wire.MappingSet{ws}, false, true
}

// hasSetFields reports whether the document has a field of a set object.
func (u *jsonUnion) hasSetFields() bool {
	return u.ID != nil || u.From != "" || u.To != "" || u.Kind != "" || u.Source != "" || u.SourceDocument != nil || u.Edges != nil || u.Statements != nil
}

func readJSON(name string, data []byte) ([]Set, error) {
	var u jsonUnion
	if err := codec.DecodeStrict(data, &u); err != nil {
		return nil, jsonProblem(name, err)
	}
	wsets, isDoc, ok := u.sets()
	if !ok {
		return nil, &catalog.DataError{File: name, Err: ErrMalformed, Detail: `a document is either one set object or {"frameworks": [...], "mappings": [...]}, not both`}
	}
	var pl problemList
	sets := make([]Set, len(wsets))
	for i, ws := range wsets {
		prefix := ""
		if isDoc {
			prefix = fmt.Sprintf("mappings[%d]", i)
		}
		sets[i] = fromWire(ws, prefix, func(p *catalog.DataError) {
			p.File = name
			pl.add(p)
		})
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	return sets, nil
}

func jsonProblem(name string, err error) error {
	p := &catalog.DataError{File: name, Err: ErrMalformed, Detail: err.Error()}
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

// fromWire converts a decoded set, reporting to bad every field it cannot take; the
// records of the problems start with prefix, the set's path in its document ("" for
// a document that is the set).
func fromWire(ws wire.MappingSet, prefix string, bad func(*catalog.DataError)) Set {
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
	checkWireSet(ws, s, func(field, value string, err error, detail string) {
		bad(&catalog.DataError{Record: setRecord(ws.ID, prefix), Field: field, Value: value, Err: err, Detail: detail})
	})
	var rr refReader
	if len(ws.Edges) > 0 {
		s.Edges = make([]Edge, len(ws.Edges))
	}
	for i, we := range ws.Edges {
		s.Edges[i] = edgeOfWire(we, ws.Source, &rr, func(field, value string, err error, detail string) { // the record is named only for a problem
			bad(&catalog.DataError{Record: setRecord(ws.ID, jsonPath(prefix, fmt.Sprintf("edges[%d]", i))), Field: field, Value: value, Err: err, Detail: detail})
		})
	}
	if len(ws.Statements) > 0 {
		s.Statements = make([]Statement, len(ws.Statements))
	}
	for i, wst := range ws.Statements {
		s.Statements[i] = statementOfWire(wst, &rr, func(field, value string, err error, detail string) {
			bad(&catalog.DataError{Record: setRecord(ws.ID, jsonPath(prefix, fmt.Sprintf("statements[%d]", i))), Field: field, Value: value, Err: err, Detail: detail})
		})
	}
	return s
}

// checkWireSet reports the fields of the set itself that are empty or malformed.
func checkWireSet(ws wire.MappingSet, s Set, bad badFunc) {
	if strings.TrimSpace(ws.ID) == "" {
		bad("id", "", ErrEmptyField, "")
	}
	for _, f := range []struct {
		name string
		id   catalog.FrameworkID
	}{{"from", s.From}, {"to", s.To}} {
		if f.id == "" {
			bad(f.name, "", ErrEmptyField, "")
		} else if !validFramework(f.id) {
			bad(f.name, string(f.id), ErrInvalidValue, "not a framework ID")
		}
	}
	if !s.Kind.Valid() {
		bad("kind", ws.Kind, ErrInvalidValue, `want "crosswalk" or "succession"`)
	}
	if strings.TrimSpace(ws.Source) == "" {
		bad("source", "", ErrEmptyField, "a set names its source document")
	}
}

// edgeOfWire converts a decoded edge; an edge without a source takes the set's
// (source).
func edgeOfWire(we wire.Edge, source string, rr *refReader, bad badFunc) Edge {
	e := Edge{Rationale: Rationale(we.Rationale), Source: we.Source, Label: we.Label, Note: we.Note, Misprint: we.Misprint, Repeats: we.Repeats}
	if e.Source == "" {
		e.Source = source
	}
	e.From = wireRef(rr, "from", we.From, bad)
	e.To = wireRef(rr, "to", we.To, bad)
	if we.Relationship == "" {
		bad("relationship", "", ErrEmptyField, "")
	} else if rel, err := ParseRelationship(we.Relationship); err != nil {
		bad("relationship", we.Relationship, ErrUnknownRelationship, "want equal, subset-of, superset-of, intersects-with, not-related-to or related")
	} else {
		e.Relationship = rel
	}
	if we.Strength != nil {
		if *we.Strength < 0 || *we.Strength > 10 {
			bad("strength", fmt.Sprint(*we.Strength), ErrInvalidValue, "a strength is 0 to 10")
		} else {
			e.Strength, e.HasStrength = *we.Strength, true
		}
	}
	if !e.Rationale.Valid() {
		bad("rationale", we.Rationale, ErrInvalidValue, "want syntactic, semantic or functional")
	}
	if we.Repeats < 0 {
		bad("repeats", fmt.Sprint(we.Repeats), ErrInvalidValue, "repeats is not negative")
	}
	return e
}

// wireRef reads the required ref v of field; a problem leaves it zero.
func wireRef(rr *refReader, field, v string, bad badFunc) catalog.Ref {
	if v == "" {
		bad(field, "", ErrEmptyField, "")
		return catalog.Ref{}
	}
	r, err := rr.parse(v)
	if err != nil {
		bad(field, v, ErrInvalidValue, refDetail(v, `a ref is written "framework/id"`))
		return catalog.Ref{}
	}
	return r
}

// statementOfWire converts a decoded statement.
func statementOfWire(wst wire.Statement, rr *refReader, bad badFunc) Statement {
	st := Statement{Kind: StatementKind(wst.Kind), Target: wst.Target, Note: wst.Note, Misprint: wst.Misprint}
	st.Ref = wireRef(rr, "ref", wst.Ref, bad)
	if !st.Kind.Valid() {
		bad("kind", wst.Kind, ErrInvalidValue, "unknown statement kind")
	}
	if wst.Reading != "" {
		st.Reading = wireRef(rr, "reading", wst.Reading, bad)
	}
	return st
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
			return ws, &catalog.DataError{Record: setRecord(s.ID, edgeRecord(i, e)), Field: "relationship", Value: e.Relationship.String(), Err: ErrUnknownRelationship}
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
