package catalog_test

import (
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/testref"
)

// readReference reads one reference framework CSV as rows keyed by column name.
func readReference(t testing.TB, name string) []map[string]string {
	t.Helper()
	return testref.ReadCSV(t, "frameworks", name)
}

// ids collects the IDs of a sequence of controls.
func ids(seq func(func(catalog.Control) bool)) []string {
	var out []string
	for c := range seq {
		out = append(out, c.Ref.ID)
	}
	return out
}

// refStrings collects the canonical Refs of a sequence of controls.
func refStrings(seq func(func(catalog.Control) bool)) []string {
	var out []string
	for c := range seq {
		out = append(out, c.Ref.String())
	}
	return out
}
