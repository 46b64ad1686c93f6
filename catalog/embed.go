package catalog

import (
	_ "embed" // the data files
	"fmt"
	"slices"
	"sync"

	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
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
	//go:embed data/sp800-53-5.json
	sp80053v5JSON []byte
	// The statements of SP 800-53, the summaries of its controls: read on the first
	// call that asks for one (see [Catalog.Summary]), not by [Default].
	//go:embed data/sp800-53-5.summaries.json
	sp80053v5SummariesJSON []byte
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
	{"data/sp800-53-5.json", sp80053v5JSON},
}

// summariesApart lists the frameworks whose summaries are embedded in a file of their
// own, read only when a summary is asked for.
var summariesApart = map[FrameworkID]*lazySummaries{
	SP80053v5: newLazySummaries("data/sp800-53-5.summaries.json", SP80053v5, sp80053v5SummariesJSON),
}

// lazySummaries is a summaries file decoded on first use.
type lazySummaries struct {
	load func() (map[string]string, error)
}

func newLazySummaries(name string, fw FrameworkID, data []byte) *lazySummaries {
	return &lazySummaries{load: sync.OnceValues(func() (map[string]string, error) {
		var ws wire.Summaries
		if err := codec.DecodeTrusted(data, &ws); err != nil {
			return nil, jsonError(name, err)
		}
		if ws.Framework != string(fw) {
			return nil, &DataError{File: name, Field: "framework", Value: ws.Framework, Err: fmt.Errorf("%w: want %s", ErrInvalidValue, fw)}
		}
		m := make(map[string]string, len(ws.Summaries))
		for _, s := range ws.Summaries {
			m[s.ID] = s.Text
		}
		return m, nil
	})}
}

// get returns the summaries by control ID; the embedded data is checked by the
// package's tests, and a corrupt build panics here.
func (l *lazySummaries) get() map[string]string {
	m, err := l.load()
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded data is corrupt: %v", err))
	}
	return m
}

// fill sets the summaries of f's controls that have none (a copy the caller owns).
func (l *lazySummaries) fill(f *Framework) {
	m := l.get()
	for i := range f.Controls {
		if s := &f.Controls[i]; s.Summary == "" {
			s.Summary = m[s.ID]
		}
	}
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
	for id, l := range summariesApart {
		if d, ok := c.byID[id]; ok {
			d.summaries = l
		}
	}
	return c
})

// Default returns the catalog of the embedded frameworks, built on first use and
// shared afterwards. It is immutable and safe for concurrent use. (The embedded data
// is checked by the package's tests; a corrupt build panics here.)
func Default() *Catalog { return defaultCatalog() }

// Embedded returns a fresh copy of the embedded frameworks, in catalog order, to pass
// to [New] beside the caller's own. The copies are complete: the summaries that
// [Default] reads only on demand (SP 800-53's statements) are filled in.
func Embedded() []Framework {
	fws, err := loadEmbedded()
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded data is corrupt: %v", err))
	}
	out := make([]Framework, len(fws))
	for i, f := range fws {
		out[i] = cloneFramework(f)
		if l, ok := summariesApart[f.ID]; ok {
			l.fill(&out[i])
		}
	}
	return slices.Clip(out)
}

// HasCIS reports whether this build embeds the CIS Controls (false with the build tag
// nocis).
func HasCIS() bool { return hasCIS }
