package loader_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/loader"
)

func TestSniffCSV(t *testing.T) {
	for in, want := range map[string]loader.Kind{
		"control,status\n": loader.KindAssessment,
		"Status;Owner\n":   loader.KindAssessment,
		"Title block\n\nRef;Implementation status\n": loader.KindAssessment,
		"from,to,relationship\n":                     loader.KindMappingSet,
		"From\tTo\tRelationship\n":                   loader.KindMappingSet,
		"x\nfrom,to,relationship\n":                  loader.KindAssessment, // a mapping set's header is its first row
		"id,title\nA,status\n":                       loader.KindFramework,  // "status" below the first row is a value
		"id,title,kind,parent\n":                     loader.KindFramework,
		"":                                           loader.KindAssessment, // the assessment reader says it is empty
		"id;title\n":                                 loader.KindFramework,
		"ID,Title,Status\n":                          loader.KindAssessment,
		"ID,Title,Implemented\n":                     loader.KindAssessment, // every status column name the reader reads
		"Reference,Title,Implementation\n":           loader.KindAssessment,
		"title,summary\n":                            loader.KindFramework, // the framework reader says "id" is missing
		"id,parent\n":                                loader.KindFramework,
		"ID,Owner\n":                                 loader.KindAssessment, // the assessment reader says "status" is missing
		"ISMS Assessment 2025\nCompany: ACME\n\n":    loader.KindAssessment,
		"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest":       loader.KindAssessment, // an .xls: the reader says how to save it
		"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n":     loader.KindAssessment,
		"\xff\xfec\x00o\x00n\x00t\x00r\x00o\x00l\x00,\x00s\x00t\x00a\x00t\x00u\x00s\x00\n\x00": loader.KindAssessment, // UTF-16LE
	} {
		assert.Equal(t, want, loader.SniffCSV([]byte(in)), "%q", in)
	}
}

// The fixtures are told apart by content.
func TestSniffFixtures(t *testing.T) {
	for file, want := range map[string]loader.Kind{
		acmeJSON:     loader.KindFramework,
		acmeMapJSON:  loader.KindMappingSet,
		acmeOSCAL:    loader.KindOSCAL,
		acmeMapOSCAL: loader.KindOSCAL,
	} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		assert.Equal(t, want, loader.SniffJSON(data), file)
		assert.False(t, loader.IsXLSX(data))
	}
	for file, want := range map[string]loader.Kind{acmeCSV: loader.KindFramework, acmeMapCSV: loader.KindMappingSet} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		assert.Equal(t, want, loader.SniffCSV(data), file)
	}
}

func TestSniffJSON(t *testing.T) {
	for in, want := range map[string]loader.Kind{
		`{"catalog": {}}`:                                              loader.KindOSCAL,
		`{"mapping-collection": {}}`:                                   loader.KindOSCAL,
		`{"frameworks": []}`:                                           loader.KindDocument,
		`{"mappings": [], "frameworks": []}`:                           loader.KindDocument,
		`{"id": "s", "edges": []}`:                                     loader.KindMappingSet,
		`{"id": "f", "name": "F", "controls": []}`:                     loader.KindFramework,
		`{"baseline": "iso27002:2022", "controls": []}`:                loader.KindAssessment,
		"\uFEFF \n{\"edges\": []}":                                     loader.KindMappingSet,
		`{"other": 1}`:                                                 loader.KindDocument,
		`{"edges": [}`:                                                 loader.KindDocument,   // the reader says what is wrong
		`{"controls": [{"control": "5.1", "status": "implemented"},]}`: loader.KindAssessment, // its reader's syntax error
		`{"id": "f", "name": "F", "controls": [{"id": "A",}]}`:         loader.KindDocument,
		`{"controls": [,], "status": 1`:                                loader.KindAssessment,
		`[{"edges": []}]`:                                              loader.KindDocument,
		``:                                                             loader.KindDocument,
		`{"edges": null}`:                                              loader.KindDocument,
	} {
		assert.Equal(t, want, loader.SniffJSON([]byte(in)), "%q", in)
	}
}

func TestIsXLSX(t *testing.T) {
	assert.True(t, loader.IsXLSX([]byte("PK\x03\x04rest")))
	assert.False(t, loader.IsXLSX([]byte("PK\x03")))
	assert.False(t, loader.IsXLSX([]byte("control,status\n")))
	assert.False(t, loader.IsXLSX(nil))
}
