package csvdialect_test

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/internal/csvdialect"
)

// A ';'-separated file with a byte-order mark and CRLF line ends, as European Excel
// saves "CSV UTF-8": the header row decides the separator, though a title has a comma.
func ExampleOpen() {
	in := "\uFEFFid;title\r\n1;Access, physical\r\n"
	header := func(rec []string) (int, bool) {
		n := 0
		for _, c := range rec {
			if k := csvdialect.Key(c); k == "id" || k == "title" {
				n++
			}
		}
		return n, n > 0
	}
	cr, d := csvdialect.Open(strings.NewReader(in), csvdialect.Config{Header: header})
	recs, err := cr.ReadAll()
	fmt.Println(d.Encoding, d.DelimiterName(), recs, err)
	// Output: UTF-8 with BOM semicolon [[id title] [1 Access, physical]] <nil>
}
