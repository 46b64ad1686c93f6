package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestValidationForms(t *testing.T) {
	v := &Validation{File: "m.csv", Kind: "mappings", Summary: "2 edges", Problems: []ValidationProblem{
		{Severity: "error", Message: `m.csv:3: field "relationship" = "sort-of": unknown relationship`},
		{Severity: "warning", Message: "a|b"},
	}}
	v.Count()
	assert.Equal(t, 1, v.Errors)
	assert.Equal(t, 1, v.Warnings)
	assert.False(t, v.Valid)

	var b bytes.Buffer
	require.NoError(t, ValidationTable(&b, v, Options{Width: 40}))
	assert.Equal(t, "m.csv (mappings): NOT valid; 1 error, 1 warning; 2 edges\n"+
		"  error    m.csv:3: field \"relationship\"\n"+ // 29 = 40 − 11 columns for the message
		"           = \"sort-of\": unknown\n"+
		"           relationship\n"+
		"  warning  a|b\n", b.String())

	b.Reset()
	require.NoError(t, ValidationMarkdown(&b, v))
	assert.Contains(t, b.String(), "# Validation of m.csv\n\nm.csv (mappings): NOT valid; 1 error, 1 warning; 2 edges\n\n")
	assert.Contains(t, b.String(), `a\|b`, "a | in a problem does not break the table")

	b.Reset()
	require.NoError(t, RenderValidation(&b, v, JSON, Options{}))
	var back Validation
	require.NoError(t, codec.DecodeStrict(b.Bytes(), &back))
	assert.Equal(t, *v, back)
	assert.ErrorIs(t, RenderValidation(&b, v, HTML, Options{}), ErrUnsupported)
	assert.Error(t, ValidationTable(&b, nil, Options{}))
}

func TestValidationValidWithWarnings(t *testing.T) {
	v := &Validation{File: "f", Kind: "framework", Problems: []ValidationProblem{{Severity: "warning", Message: "w"}, {Severity: "warning", Message: "... and 4 more problems"}}}
	v.Count()
	assert.True(t, v.Valid, "warnings do not fail")
	assert.Equal(t, 5, v.Warnings)
	var b bytes.Buffer
	require.NoError(t, ValidationTable(&b, v, Options{Width: 100}))
	assert.Equal(t, "f (framework): valid; 0 errors, 5 warnings\n  warning  w\n  warning  ... and 4 more problems\n", b.String())
}

// checked runs loader.Check on data named name.
func checked(t *testing.T, name, data string, opts loader.CheckOptions) *loader.Checked {
	t.Helper()
	c, err := loader.Check(name, strings.NewReader(data), opts)
	require.NoError(t, err)
	return c
}

// NewValidation composes the summary of each kind as validate prints it, and lists
// each problem with its severity.
func TestNewValidation(t *testing.T) {
	for _, c := range []struct {
		name, file, data string
		opts             loader.CheckOptions
		kind, summary    string
		errors, warnings int
	}{
		{"document", "d.json", `{"frameworks":[{"id":"x:1","name":"X","controls":[{"id":"A","title":"A"},{"id":"B","title":"B"}]}],"mappings":[]}`, loader.CheckOptions{},
			"document", "1 framework with 2 nodes; 0 mapping sets", 0, 0},
		{"framework JSON", "f.json", `{"id":"x:1","name":"X","controls":[{"id":"A","title":"A"}]}`, loader.CheckOptions{},
			"framework", "1 framework with 1 node", 0, 0},
		{"framework CSV", "f.csv", "\uFEFFid;title\r\nA;Alpha\r\nB;Beta\r\n", loader.CheckOptions{Framework: "x:1"},
			"framework", "1 framework with 2 nodes; read as CSV (semicolon-separated, UTF-8 with BOM)", 0, 0},
		{"framework CSV not read", "f.csv", "id\ttitle\tparent\nA\tAlpha\tZ\n", loader.CheckOptions{Framework: "x:1"},
			"framework", "", 1, 0},
		{"mapping CSV", "m.csv", "from\tto\trelationship\n5.1\tGV.PO-01\trelated\n9.9\tGV.PO-01\trelated\n", loader.CheckOptions{From: "iso27002", To: "csf"},
			"mappings", "2 edges; read as CSV (tab-separated, UTF-8)", 1, 0},
		{"mapping JSON", "m.json", `{"id":"m","from":"nist-csf:2.0","to":"iso27002:2022","kind":"crosswalk","source":"d","edges":[{"from":"nist-csf:2.0/GV.OC-01","to":"iso27002:2022/5.1","relationship":"related"}]}`, loader.CheckOptions{},
			"mappings", "1 mapping set", 0, 0},
		{"assessment CSV", "a.csv", "Control;Status\n5.1;yes\n", loader.CheckOptions{},
			"assessment", `1 control of iso27002:2022 rated; read as CSV (semicolon-separated, UTF-8), header on line 1: "Control" → control, "Status" → status`, 0, 1},
		{"assessment JSON", "a.json", `{"controls":[{"control":"5.1","status":"yes"},{"control":"5.2","status":"no"}]}`, loader.CheckOptions{},
			"assessment", "2 controls of iso27002:2022 rated", 0, 1},
		{"OSCAL", "o.json", `{"catalog":{"uuid":"8b9a5a5e-7a56-4c4e-9d4b-2f8f6f3c1a11","metadata":{"title":"T","last-modified":"2026-01-01T00:00:00Z","version":"1","oscal-version":"1.1.2"},"groups":[{"id":"g","title":"G","controls":[{"id":"c-1","title":"C"}]}]}}`, loader.CheckOptions{},
			"oscal", `OSCAL catalog "T" (OSCAL 1.1.2)`, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := NewValidation(checked(t, c.file, c.data, c.opts))
			assert.Equal(t, c.file, v.File)
			assert.Equal(t, c.kind, v.Kind)
			assert.Equal(t, c.summary, v.Summary)
			assert.Equal(t, c.errors, v.Errors)
			assert.Equal(t, c.warnings, v.Warnings)
			assert.Equal(t, c.errors == 0, v.Valid)
			assert.NotNil(t, v.Problems, "never nil in the contract")
		})
	}
}

// A mapping warning loses the "warning: " its message starts with (the severity
// says it); an error of the whole file without a position is listed as it is, and
// "... and N more problems" counts N.
func TestNewValidationProblems(t *testing.T) {
	quirk := &catalog.DataError{Warning: true, File: "m.json", Record: `set "s"`, Err: mappings.ErrDuplicateEdge, Detail: "kept as published"}
	c := &loader.Checked{Name: "m.json", Kind: loader.KindMappingSet, Problems: []loader.Problem{
		{Err: quirk, Warning: true},
		{Err: errors.New("warning: not a mapping problem")},
		{Err: catalog.MoreProblems(4)},
	}}
	v := NewValidation(c)
	assert.Equal(t, []ValidationProblem{
		{Severity: "warning", Message: strings.TrimPrefix(quirk.Error(), "warning: ")},
		{Severity: "error", Message: "warning: not a mapping problem"},
		{Severity: "error", Message: "... and 4 more problems"},
	}, v.Problems)
	assert.True(t, strings.HasPrefix(quirk.Error(), "warning: m.json: "), "the prefix dropped is there")
	assert.Equal(t, 5, v.Errors)
	assert.Equal(t, 1, v.Warnings)
	assert.False(t, v.Valid)
	assert.Empty(t, v.Summary, "not read through")
}

// A mapping CSV with more problems than a reader lists counts every one of them:
// the list's last entry stands for the rest, whichever reader capped it (a review
// found the CSV reader's entry counted as one problem).
func TestNewValidationCountsCappedLists(t *testing.T) {
	var b strings.Builder
	b.WriteString("from,to,relationship\n")
	for range 150 {
		b.WriteString("GV.OC-01,5.1,sort-of\n")
	}
	c, err := loader.Check("m.csv", strings.NewReader(b.String()), loader.CheckOptions{Kind: loader.KindMappingSet, From: "nist-csf:2.0", To: "iso27002:2022"})
	require.NoError(t, err)
	v := NewValidation(c)
	assert.Len(t, v.Problems, 101, "100 listed and one that counts the rest")
	assert.Equal(t, 150, v.Errors)
}
