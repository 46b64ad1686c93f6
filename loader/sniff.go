package loader

import (
	"bytes"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
)

// Kind is what a file handed over holds, as [SniffCSV] and [SniffJSON] tell from its
// content.
type Kind string

// The kinds of files.
const (
	// KindAssessment: an assessment of a baseline (CSV, XLSX or JSON), which package
	// crosswalk reads.
	KindAssessment Kind = "assessment"
	// KindOSCAL: an OSCAL document (a catalog or a mapping-collection).
	KindOSCAL Kind = "oscal"
	// KindDocument: an export document {"frameworks": [...], "mappings": [...]}, or
	// JSON that is nothing else (its reader says what is wrong with it).
	KindDocument Kind = "document"
	// KindMappingSet: one mapping set.
	KindMappingSet Kind = "mappings"
	// KindFramework: one framework.
	KindFramework Kind = "framework"
)

// IsXLSX reports whether data starts as a ZIP archive does, as an XLSX workbook
// (only assessments come as workbooks).
func IsXLSX(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// SniffJSON says what a JSON document is from its top-level members: "catalog" or
// "mapping-collection" an OSCAL document, "frameworks" or "mappings" an export
// document, "edges" a mapping set, "name" a framework, "controls" (without "name")
// an assessment. JSON that cannot be read (a trailing comma) is an assessment when
// its first 4 KiB name "controls" and "status" (a member of an assessment's
// records), else KindDocument; so is a document that is not a JSON object or has
// none of these members, so that its reader reports what is wrong.
func SniffJSON(data []byte) Kind {
	var m map[string]any
	if codec.DecodeStrict(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), &m) != nil {
		return sniffBrokenJSON(data)
	}
	switch {
	case m["catalog"] != nil || m["mapping-collection"] != nil:
		return KindOSCAL
	case m["frameworks"] != nil || m["mappings"] != nil:
		return KindDocument
	case m["edges"] != nil:
		return KindMappingSet
	case m["name"] != nil:
		return KindFramework
	case m["controls"] != nil:
		return KindAssessment
	}
	return KindDocument
}

// brokenHead is how much of JSON that cannot be read [SniffJSON] looks at.
const brokenHead = 4 << 10

// sniffBrokenJSON says what JSON that cannot be read most likely is: an assessment
// when its start names "controls" and "status", else a document.
func sniffBrokenJSON(data []byte) Kind {
	head := data[:min(len(data), brokenHead)]
	if bytes.Contains(head, []byte(`"controls"`)) && bytes.Contains(head, []byte(`"status"`)) {
		return KindAssessment
	}
	return KindDocument
}

// sniffRows is how many rows the dialect of a CSV file is told from.
const sniffRows = 50

// SniffCSV says what a CSV file is from its first rows (head, the start of the
// file), read in any dialect the readers take (',', ';' or tab; UTF-8 or UTF-16): a
// mapping set when its first row has a relationship column; a framework when its
// first row has no status column and a title column, or an id column with kind,
// parent or summary (the columns of a framework CSV); else an assessment, by far the most likely kind — whether a header row
// with a status column is found or not, so that the assessment reader says what is
// wrong with an empty file, a title block without a header row, an Excel 97-2003
// workbook or a file that is not text.
func SniffCSV(head []byte) Kind {
	cr, _ := csvdialect.Open(bytes.NewReader(head), csvdialect.Config{Header: csvKindHeader, Search: sniffRows})
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	for {
		rec, err := cr.Read()
		if err != nil {
			return KindAssessment
		}
		if csvdialect.Blank(rec) {
			continue
		}
		cols := headerKeys(rec)
		switch {
		case cols["status"]:
			return KindAssessment
		case cols["relationship"]:
			return KindMappingSet
		case cols["title"] || cols["id"] && cols["framework"]:
			return KindFramework
		}
		return KindAssessment
	}
}

// csvKindHeader rates a row for [csvdialect.Sniff]: a header row of an assessment
// (status and control), of a mapping set (relationship) or of a framework (title).
func csvKindHeader(rec []string) (int, bool) {
	cols := headerKeys(rec)
	n := len(cols)
	return n, (cols["status"] && cols["control"]) || cols["relationship"] || cols["title"]
}

// headerKeys returns the columns of rec that tell the kinds of CSV apart: "status"
// and "control" for an assessment's status and control columns, under every name
// the assessment reader reads them by ([crosswalk.AssessmentColumn]), "id" too for
// a column named "ID", "relationship" for a mapping set's, and "id", "title" and
// "framework" (kind, parent or summary) for a framework's.
func headerKeys(rec []string) map[string]bool {
	cols := map[string]bool{}
	for _, c := range rec {
		switch f := crosswalk.AssessmentColumn(c); f {
		case "status", "control":
			cols[f] = true
		}
		switch csvdialect.Key(c) {
		case "id":
			cols["id"] = true
		case "title":
			cols["title"] = true
		case "kind", "parent", "summary":
			cols["framework"] = true
		case "relationship":
			cols["relationship"] = true
		}
	}
	return cols
}
