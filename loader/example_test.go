package loader_test

import (
	"fmt"

	"github.com/controlgraph/controlgraph/loader"
)

func ExampleSniffCSV() {
	fmt.Println(loader.SniffCSV([]byte("Control;Status\n5.1;implemented\n")))
	fmt.Println(loader.SniffCSV([]byte("from,to,relationship\nacme:1/AC-1,iso27002:2022/5.15,subset-of\n")))
	fmt.Println(loader.SniffCSV([]byte("id,title\nAC-1,Least privilege\n")))
	fmt.Println(loader.SniffJSON([]byte(`{"mapping-collection": {}}`)))
	// Output:
	// assessment
	// mappings
	// framework
	// oscal
}

func ExampleCSVSetMeta() {
	s, err := loader.CSVSetMeta("acme-iso.csv", "maps/acme-iso.csv",
		[]byte("from;to;relationship\nacme:1/AC-1;iso27002:2022/5.15;subset-of\n"))
	fmt.Println(s.ID, s.From, s.To, s.Kind, err)
	_, err = loader.CSVSetMeta("short.csv", "short.csv", []byte("from,to,relationship\nAC-1,5.15,equal\n"))
	fmt.Println(err)
	// Output:
	// acme-iso acme:1 iso27002:2022 crosswalk <nil>
	// short.csv:2: field "from" = "AC-1": mapping CSV does not name its frameworks: write refs in full (framework/id, e.g. iso27002:2022/5.15) so that the set's frameworks are known
}
