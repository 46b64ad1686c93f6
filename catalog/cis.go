//go:build !nocis

package catalog

import _ "embed" // the data files

// The CIS Controls are © Center for Internet Security, licensed CC BY-NC-ND 4.0; see
// data/cis/LICENSE. Build with -tags nocis to leave them out.
var (
	//go:embed data/cis/cis-controls-8.json
	cis8JSON []byte
	//go:embed data/cis/cis-controls-8.1.json
	cis81JSON []byte
)

const hasCIS = true

func init() {
	embeddedFiles = append(embeddedFiles,
		embeddedFile{"data/cis/cis-controls-8.json", cis8JSON},
		embeddedFile{"data/cis/cis-controls-8.1.json", cis81JSON},
	)
}
