package loader_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/loader"
)

// kinds returns, for each problem of c, its line and whether it is a warning.
func kinds(c *loader.Checked) (lines []int, warn []bool) {
	for _, p := range c.Problems {
		lines = append(lines, p.Where().Line)
		warn = append(warn, p.Warning)
	}
	return lines, warn
}

// An assessment with an error lists its warnings too, each as a warning (it said
// "0 warnings"); under --strict every one is an error, all listed.
func TestCheckAssessmentErrorKeepsWarnings(t *testing.T) {
	mix := []byte("Control,Status,Extra\n5.1,Yes,x\n5.2,Maybe,x\n5.3,,x\n")
	c := check(t, "mix.csv", mix, loader.CheckOptions{})
	assert.Equal(t, loader.KindAssessment, c.Kind)
	assert.False(t, c.Valid())
	assert.False(t, c.Read)
	lines, warn := kinds(c)
	assert.Equal(t, []int{3, 1, 4}, lines)
	assert.Equal(t, []bool{false, true, true}, warn)
	require.Len(t, c.Problems, 3)
	assert.Equal(t, `mix.csv:4: field "status": a control with no status; counted as not assessed`, c.Problems[2].Message())

	c = check(t, "mix.csv", mix, loader.CheckOptions{Strict: true})
	lines, warn = kinds(c)
	assert.Equal(t, []int{3, 1, 4}, lines)
	assert.Equal(t, []bool{false, false, false}, warn)

	// Warnings alone under --strict: each an error.
	c = check(t, "semi.csv", []byte("Control;Status;Extra\n5.1;Yes;x\n5.3;;x\n"), loader.CheckOptions{Strict: true})
	lines, warn = kinds(c)
	assert.Equal(t, []int{1, 3}, lines)
	assert.Equal(t, []bool{false, false}, warn)
}
