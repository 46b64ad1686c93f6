//go:build !nocis

package mappings

import _ "embed" // the data files

// The CIS mapping sets are © Center for Internet Security, licensed CC BY-NC-ND 4.0;
// see data/cis/LICENSE. Build with -tags nocis to leave them out.
var (
	//go:embed data/cis/nist-csf-2.0_to_cis-controls-v8.json
	csf20ToCIS8JSON []byte
	//go:embed data/cis/nist-csf-2.0_to_cis-controls-v8.1.json
	csf20ToCIS81JSON []byte
	//go:embed data/cis/cis-controls-v8_to_iso27002-2022.json
	cis8ToISO2022JSON []byte
	//go:embed data/cis/cis-controls-v8_to_nist-csf-1.1.json
	cis8ToCSF11JSON []byte
	//go:embed data/cis/cis-controls-v8_to_cis-controls-v8.1.json
	cis8ToCIS81JSON []byte
)

const hasCIS = true

func init() {
	embeddedFiles = append(embeddedFiles,
		embeddedFile{"data/cis/" + SetCSF20ToCIS8 + ".json", csf20ToCIS8JSON},
		embeddedFile{"data/cis/" + SetCSF20ToCIS81 + ".json", csf20ToCIS81JSON},
		embeddedFile{"data/cis/" + SetCIS8ToISO2022 + ".json", cis8ToISO2022JSON},
		embeddedFile{"data/cis/" + SetCIS8ToCSF11 + ".json", cis8ToCSF11JSON},
		embeddedFile{"data/cis/" + SetCIS8ToCIS81 + ".json", cis8ToCIS81JSON},
	)
}
