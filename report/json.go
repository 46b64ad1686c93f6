package report

import (
	"fmt"
	"io"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// GapJSON writes the gap result as the CLI's JSON contract: the JSON form of
// [crosswalk.GapResult], indented by two spaces, ending with a newline.
func GapJSON(w io.Writer, res *crosswalk.GapResult) error {
	if res == nil {
		return errNil("gap result")
	}
	if err := codec.Encode(w, res); err != nil {
		return fmt.Errorf("report: gap as JSON: %w", err)
	}
	return nil
}

// SoAJSON writes the Statement of Applicability as the CLI's JSON contract: the
// JSON form of [crosswalk.SoA], indented, ending with a newline.
func SoAJSON(w io.Writer, soa *crosswalk.SoA) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	if err := codec.Encode(w, soa); err != nil {
		return fmt.Errorf("report: SoA as JSON: %w", err)
	}
	return nil
}

func errNil(what string) error { return fmt.Errorf("report: no %s to render (nil)", what) }
