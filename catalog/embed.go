package catalog

import (
	_ "embed" // the data files
	"fmt"
	"slices"
	"sync"
)

// The embedded files are byte slices rather than an embed.FS: reading a file of an
// embed.FS copies it, and the decoder makes its own copy anyway. They are only read.
var (
	//go:embed data/iso27002-2022.json
	iso27002v2022JSON []byte
	//go:embed data/iso27001-2022.json
	iso27001v2022JSON []byte
	//go:embed data/iso27002-2013.json
	iso27002v2013JSON []byte
	//go:embed data/nist-csf-2.0.json
	csf20JSON []byte
	//go:embed data/nist-csf-1.1.json
	csf11JSON []byte
	//go:embed data/nis2-2024.json
	nis2v2024JSON []byte
)

// embeddedFiles lists the embedded framework files in catalog order. The CIS files
// are added by cis.go unless the build has the tag nocis.
var embeddedFiles = []embeddedFile{
	{"data/iso27002-2022.json", iso27002v2022JSON},
	{"data/iso27001-2022.json", iso27001v2022JSON},
	{"data/iso27002-2013.json", iso27002v2013JSON},
	{"data/nist-csf-2.0.json", csf20JSON},
	{"data/nist-csf-1.1.json", csf11JSON},
	{"data/nis2-2024.json", nis2v2024JSON},
}

// embeddedFile is one embedded data file: its name under catalog/ and its content
// (read-only).
type embeddedFile struct {
	name string
	data []byte
}

var loadEmbedded = sync.OnceValues(func() ([]Framework, error) {
	var fws []Framework
	for _, ef := range embeddedFiles {
		got, err := readJSON(ef.name, ef.data, true)
		if err != nil {
			return nil, err
		}
		fws = append(fws, got...)
	}
	return fws, nil
})

var defaultCatalog = sync.OnceValue(func() *Catalog {
	fws, err := loadEmbedded()
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded data is corrupt: %v", err))
	}
	c, err := build(fws, nil, true)
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded data is corrupt: %v", err))
	}
	return c
})

// Default returns the catalog of the embedded frameworks, built on first use and
// shared afterwards. It is immutable and safe for concurrent use. (The embedded data
// is checked by the package's tests; a corrupt build panics here.)
func Default() *Catalog { return defaultCatalog() }

// Embedded returns a fresh copy of the embedded frameworks, in catalog order, to pass
// to [New] beside the caller's own.
func Embedded() []Framework {
	fws, err := loadEmbedded()
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded data is corrupt: %v", err))
	}
	out := make([]Framework, len(fws))
	for i, f := range fws {
		out[i] = cloneFramework(f)
	}
	return slices.Clip(out)
}

// HasCIS reports whether this build embeds the CIS Controls (false with the build tag
// nocis).
func HasCIS() bool { return hasCIS }
