//go:build !nocis

package mappings

import "embed"

// The CIS mapping sets are © Center for Internet Security, licensed CC BY-NC-ND 4.0;
// see data/cis/LICENSE. Build with -tags nocis to leave them out.
//
//go:embed data/cis/*.json
var cisData embed.FS

const hasCIS = true

func init() {
	embeddedFiles = append(embeddedFiles,
		embeddedFile{cisData, "data/cis/" + SetCSF20ToCIS8 + ".json"},
		embeddedFile{cisData, "data/cis/" + SetCSF20ToCIS81 + ".json"},
		embeddedFile{cisData, "data/cis/" + SetCIS8ToISO2022 + ".json"},
		embeddedFile{cisData, "data/cis/" + SetCIS8ToCSF11 + ".json"},
		embeddedFile{cisData, "data/cis/" + SetCIS8ToCIS81 + ".json"},
	)
}
