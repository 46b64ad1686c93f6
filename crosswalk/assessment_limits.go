package crosswalk

// Limits of the assessment readers. A file or a field beyond them is refused with an
// error that says which limit it broke; the readers stop reading at the file limit, so
// an oversized file costs no more memory than the limit. Error messages repeat at most
// 80 characters of a value, then its size ("… (N bytes)").
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
