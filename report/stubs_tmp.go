package report

import (
	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
	"io"
)

func MapMermaid(w io.Writer, from catalog.Ref, ms []crosswalk.Mapping, opts Options) error {
	return nil
}
func MapDOT(w io.Writer, from catalog.Ref, ms []crosswalk.Mapping, opts Options) error { return nil }
func SetMermaid(w io.Writer, from, to catalog.FrameworkID, sets []mappings.Set, opts Options) error {
	return nil
}
func SetDOT(w io.Writer, from, to catalog.FrameworkID, sets []mappings.Set, opts Options) error {
	return nil
}
