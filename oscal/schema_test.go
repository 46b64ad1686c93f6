package oscal

import (
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/require"
)

func TestExportCatalogValidates(t *testing.T) {
	for _, f := range catalog.Embedded() {
		t.Run(string(f.ID), func(t *testing.T) {
			b, err := ExportCatalog(f)
			require.NoError(t, err)
			validate(t, b)
		})
	}
}
