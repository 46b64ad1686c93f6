//go:build !nocis

package mappings_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/mappings"
)

func TestHasCIS(t *testing.T) {
	assert.True(t, mappings.HasCIS())
	assert.Len(t, mappings.Embedded(), 9)
}
