package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/internal/codec"
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
