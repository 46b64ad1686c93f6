package mappings_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var hostileMeta = mappings.Set{ID: "mine", From: catalog.CSF20, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk, Source: mappings.Source{ID: "my-doc"}}

// Issue 15, point 8: refs may not hold control characters (NUL, ESC, a right-to-left
// override), in CSV (bare IDs and full refs) and in JSON.
func TestControlCharactersInRefsRefused(t *testing.T) {
	csvIn := "from,to,relationship\n\"GV.OC-01\x1b[2J\",5.1,related\nnist-csf:2.0/GV.OC-01,iso27002:2022/5.\u202e1,related\n"
	_, err := mappings.ReadCSV("m.csv", strings.NewReader(csvIn), hostileMeta)
	require.Error(t, err)
	assert.Equal(t, `m.csv:2: set "mine": field "from" = "GV.OC-01\x1b[2J": invalid value: a control ID has no control characters: control character U+001B at byte 8`+"\n"+
		`m.csv:3: set "mine": field "to" = "iso27002:2022/5.\u202e1": invalid value: a ref has no control characters: control character U+202E at byte 16`, err.Error())

	jsonIn := `{"id":"a","from":"nist-csf:2.0","to":"iso27002:2022","kind":"crosswalk","source":"s","edges":[{"from":"nist-csf:2.0/GV.OC-01\u0000","to":"iso27002:2022/5.1","relationship":"related"}]}`
	_, err = mappings.ReadJSON("m.json", []byte(jsonIn))
	assert.ErrorIs(t, err, mappings.ErrInvalidValue)
	assert.EqualError(t, err, `m.json: set "a": edges[0]: field "from" = "nist-csf:2.0/GV.OC-01\x00": invalid value: a ref has no control characters: control character U+0000 at byte 21`)
}

// Issue 15, points 6 and 7: a 50 MB CSV line is refused with its line after a
// bounded read; a cell past 64 KiB is refused with its column; values are echoed cut.
func TestCSVLimitsAndEcho(t *testing.T) {
	in := "from,to,relationship,note\nGV.OC-01,5.1,related,\"" + strings.Repeat("n", 50<<20) + "\"\n"
	_, err := mappings.ReadCSV("big.csv", strings.NewReader(in), hostileMeta)
	require.Error(t, err)
	assert.Equal(t, `big.csv:2: set "mine": malformed input: input too large: line 2 is longer than 1048576 bytes (1 MiB)`, err.Error())

	in = "from,to,relationship,note\nGV.OC-01,5.1,related,\"" + strings.Repeat("n\n", limits.Field/2) + "x\"\n"
	_, err = mappings.ReadCSV("cell.csv", strings.NewReader(in), hostileMeta)
	require.ErrorIs(t, err, mappings.ErrInvalidValue)
	assert.Equal(t, `cell.csv:2: set "mine": field "note" = "`+strings.Repeat(`n\n`, 40)+`"… (65537 bytes): invalid value: input too large: a cell holds at most 65536 bytes (64 KiB), this one 65537`, err.Error())

	// A long bad value (under the cell limit) is echoed cut.
	in = "from,to,relationship\nGV.OC-01,5.1," + strings.Repeat("r", 60000) + "\n"
	_, err = mappings.ReadCSV("rel.csv", strings.NewReader(in), hostileMeta)
	require.ErrorIs(t, err, mappings.ErrUnknownRelationship)
	assert.Less(t, len(err.Error()), 300)
	assert.Contains(t, err.Error(), `"… (60000 bytes): unknown relationship`)
}

// brokenCSV is a mapping CSV of n rows, each citing an ISO control that does not
// exist: n problems.
func brokenCSV(n int) string {
	var b strings.Builder
	b.WriteString("from,to,relationship\n")
	for i := range n {
		fmt.Fprintf(&b, "GV.OC-01,9.%d,related\n", i)
	}
	return b.String()
}

// CheckCSV lists every problem with its line, whatever their number.
func TestCheckCSVManyProblems(t *testing.T) {
	_, problems := mappings.CheckCSV("m.csv", strings.NewReader(brokenCSV(8000)), hostileMeta, nil)
	require.Len(t, problems, 8000)
	for i, p := range problems {
		if p.Line != i+2 || p.Value != fmt.Sprintf("iso27002:2022/9.%d", i) {
			t.Fatalf("problem %d: %v", i, p)
		}
	}
}

// BenchmarkCheckCSVManyProblems shows that checking a file costs time linear in its
// problems (issue 15, point 3): compare ns/op across 2k, 4k and 8k.
func BenchmarkCheckCSVManyProblems(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000} {
		in := brokenCSV(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				if _, problems := mappings.CheckCSV("m.csv", strings.NewReader(in), hostileMeta, nil); len(problems) != n {
					b.Fatal(len(problems))
				}
			}
		})
	}
}

// Past 100 rows that cannot be read, CheckCSV lists the first 100 and one problem
// saying the rest are not listed, naming the file like the others; having no line,
// it sorts first.
func TestCheckCSVTooManyUnreadableRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("from,to,relationship\n")
	for range 150 {
		b.WriteString("nist-csf:2.0/GV.OC-01,iso27002:2022/5.1,sort-of\n")
	}
	_, problems := mappings.CheckCSV("m.csv", strings.NewReader(b.String()), hostileMeta, nil)
	require.Len(t, problems, 101)
	more := problems[0]
	assert.Equal(t, "m.csv", more.File)
	assert.ErrorIs(t, more, mappings.ErrMalformed)
	assert.Equal(t, "m.csv: malformed input: too many problems; the rest are not listed", more.Error())
	assert.Equal(t, 2, problems[1].Line)
	assert.Equal(t, 101, problems[100].Line)
}
