package report

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// TestRenderersReportWriteErrors: every renderer of every result returns the
// error of a writer that fails (a full disk, a closed pipe), in every format it
// writes, instead of dropping it or panicking.
func TestRenderersReportWriteErrors(t *testing.T) {
	infos := frameworkInfos(t)
	controls := detectiveControls(t)
	view, _ := showInput(t, "show-8.16")
	mr := mapResult(t, catalog.NewRef(catalog.ISO27002v2022, "8.16"), catalog.CSF20, 0)
	reqs := detectionRequirements(t)
	recs := smallRecommend(t)
	posture := smallPosture(t)
	overlap := smallOverlap(t)
	migration := legacyMigration(t)
	pair := crosswalk.Default().Edges(catalog.CSF20, catalog.ISO27002v2022, mappings.Embedded())
	renderers := map[string]func(io.Writer, Format) error{
		"frameworks":   func(w io.Writer, f Format) error { return RenderFrameworks(w, infos, f, Options{Width: 80}) },
		"controls":     func(w io.Writer, f Format) error { return RenderControls(w, controls, f, Options{Width: 80}) },
		"control view": func(w io.Writer, f Format) error { return RenderControlView(w, view, f, Options{Width: 80}) },
		"map":          func(w io.Writer, f Format) error { return RenderMap(w, mr, f, Options{Width: 80}) },
		"requirements": func(w io.Writer, f Format) error { return RenderRequirements(w, reqs, f, Options{Width: 80}) },
		"recommend":    func(w io.Writer, f Format) error { return RenderRecommend(w, recs, f, Options{Width: 80}) },
		"posture":      func(w io.Writer, f Format) error { return RenderPosture(w, posture, f, Options{Width: 80}) },
		"overlap":      func(w io.Writer, f Format) error { return RenderOverlap(w, overlap, f, Options{Width: 80}) },
		"migration":    func(w io.Writer, f Format) error { return RenderMigration(w, migration, f, Options{Width: 80}) },
		"edges":        func(w io.Writer, f Format) error { return RenderEdges(w, &pair, f, Options{Width: 80}) },
	}
	for name, render := range renderers {
		for _, f := range []Format{Table, JSON, CSV, Markdown, Mermaid} {
			err := render(failWriter{}, f)
			if isUnsupported(err) {
				continue
			}
			assert.Error(t, err, "%s as %s", name, f)
		}
	}
}

func isUnsupported(err error) bool { return errors.Is(err, ErrUnsupported) }
