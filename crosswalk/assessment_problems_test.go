package crosswalk_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// problemsOf returns the problems joined in err, each as its message and whether it
// is a warning.
func problemsOf(t *testing.T, err error) (msgs []string, warn []bool) {
	t.Helper()
	require.Error(t, err)
	j, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "a joined error: %v", err)
	for _, e := range j.Unwrap() {
		var de *catalog.DataError
		require.True(t, errors.As(e, &de), "%v", e)
		msgs = append(msgs, e.Error())
		warn = append(warn, de.Warning)
	}
	return msgs, warn
}

// An assessment with an error still reports its warnings, after the errors (issue:
// validate said "0 warnings"); under strict they are errors, all listed.
func TestReadAssessmentErrorKeepsWarnings(t *testing.T) {
	const mix = "Control,Status,Extra\n5.1,Yes,x\n5.2,Maybe,x\n5.3,,x\n"
	_, err := crosswalk.ReadAssessment("mix.csv", strings.NewReader(mix), nil)
	msgs, warn := problemsOf(t, err)
	require.Len(t, msgs, 3, "%q", msgs)
	assert.Equal(t, []bool{false, true, true}, warn)
	assert.Contains(t, msgs[0], `mix.csv:3: field "status" = "Maybe"`)
	assert.True(t, strings.HasPrefix(msgs[1], `warning: mix.csv:1: field "header"`), msgs[1])
	assert.Contains(t, msgs[1], "Extra")
	assert.True(t, strings.HasPrefix(msgs[2], `warning: mix.csv:4: field "status"`), msgs[2])
	assert.ErrorIs(t, err, crosswalk.ErrUnknownStatus)

	_, err = crosswalk.ReadAssessment("mix.csv", strings.NewReader(mix), nil, crosswalk.WithStrict())
	msgs, warn = problemsOf(t, err)
	require.Len(t, msgs, 3, "%q", msgs)
	assert.Equal(t, []bool{false, false, false}, warn)
	assert.True(t, strings.HasPrefix(msgs[1], `mix.csv:1: field "header"`), msgs[1])
	assert.True(t, strings.HasPrefix(msgs[2], `mix.csv:4: field "status"`), msgs[2])
	assert.ErrorIs(t, err, crosswalk.ErrUnknownColumn)
}

// Under strict, a file with warnings only is refused with every one of them.
func TestReadAssessmentStrictListsEveryWarning(t *testing.T) {
	const semi = "Control;Status;Extra\n5.1;Yes;x\n5.3;;x\n"
	a, err := crosswalk.ReadAssessment("semi.csv", strings.NewReader(semi), nil)
	require.NoError(t, err)
	require.Len(t, a.Warnings(), 3) // the column, the empty status, the controls not rated
	_, err = crosswalk.ReadAssessment("semi.csv", strings.NewReader(semi), nil, crosswalk.WithStrict())
	msgs, warn := problemsOf(t, err)
	assert.Equal(t, []bool{false, false}, warn, "%q", msgs)
}

// A JSON assessment with an error keeps the warnings found with it.
func TestReadAssessmentJSONErrorKeepsWarnings(t *testing.T) {
	doc := `{"controls": [{"control": "5.1", "status": "maybe"}, {"control": "5.2 Not its title", "status": "yes"}]}`
	_, err := crosswalk.ReadAssessmentJSON("a.json", []byte(doc), nil)
	msgs, warn := problemsOf(t, err)
	assert.Equal(t, []bool{false, true}, warn, "%q", msgs)
	assert.Contains(t, msgs[0], "controls[0]")
	assert.Contains(t, msgs[1], "warning: a.json: controls[1]")
}
