//go:build !nocis

package catalog

import "embed"

// The CIS Controls are © Center for Internet Security, licensed CC BY-NC-ND 4.0; see
// data/cis/LICENSE. Build with -tags nocis to leave them out.
//
//go:embed data/cis/*.json
var cisData embed.FS

const hasCIS = true

func init() {
	embeddedFiles = append(embeddedFiles,
		embeddedFile{cisData, "data/cis/cis-controls-8.json"},
		embeddedFile{cisData, "data/cis/cis-controls-8.1.json"},
	)
}
