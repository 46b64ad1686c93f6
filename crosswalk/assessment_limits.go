package crosswalk

import (
	"fmt"
	"unicode/utf8"
)

// Limits of the assessment readers. A file or a field beyond them is refused with an
// error that says which limit it broke; the readers stop reading at the file limit, so
// an oversized file costs no more memory than the limit.
const (
	// MaxAssessmentBytes is the largest assessment file (CSV, XLSX or JSON) read:
	// 32 MiB, hundreds of times what an assessment of a few hundred controls with
	// long notes takes.
	MaxAssessmentBytes = 32 << 20
	// MaxFieldChars is the longest value of one field (a cell), in characters: what
	// one cell of Excel holds (32,767).
	MaxFieldChars = 32767
	// MaxAssessmentRows is the most data rows of a CSV or XLSX assessment (or records
	// of a JSON one): an assessment has one per control, and the largest framework
	// has a few thousand.
	MaxAssessmentRows = 100_000
	// maxXLSXUnzipped bounds the unpacked size of an XLSX workbook (a zip archive).
	maxXLSXUnzipped = 256 << 20
)

// maxEcho is how many characters of a value an error message repeats.
const maxEcho = 80

// capText returns s whole when it has at most maxEcho characters, else its first
// maxEcho characters followed by "… (N bytes)", so that an error message about a huge
// value stays one short line. (A local helper: the shared one the "hostile" work adds
// may replace it.)
func capText(s string) string {
	if utf8.RuneCountInString(s) <= maxEcho {
		return s
	}
	n := 0
	for i := range s {
		if n == maxEcho {
			return fmt.Sprintf("%s… (%d bytes)", s[:i], len(s))
		}
		n++
	}
	return s
}
