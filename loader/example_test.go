package loader_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/loader"
	"github.com/controlgraph/controlgraph/mappings"
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

func ExampleCheck() {
	csv := "from;to;relationship\n5.1;GV.PO-01;related\n9.9;GV.PO-01;related\n"
	c, err := loader.Check("upload.csv", strings.NewReader(csv), loader.CheckOptions{From: "iso27002", To: "csf"})
	if err != nil {
		fmt.Println(err) // a missing option, an unreadable stream: no problem of the file
		return
	}
	fmt.Println(c.Kind, c.Valid(), c.Edges(), "edges")
	for _, p := range c.Problems {
		where := p.Where()
		fmt.Println(p.Warning, where.Line, where.Field, where.Value, errors.Is(p, mappings.ErrDanglingRef))
	}

	_, err = loader.Check("upload.csv", strings.NewReader(csv), loader.CheckOptions{})
	fmt.Println(errors.Is(err, loader.ErrMissingOption), err)
	// Output:
	// mappings false 2 edges
	// false 3 from iso27002:2022/9.9 true
	// true a mapping CSV needs --from FRAMEWORK and --to FRAMEWORK (the frameworks of its from and to columns)
}

func ExampleGuess() {
	fmt.Println(loader.Guess("export.json", []byte(`{"frameworks": [], "mappings": []}`)))
	fmt.Println(loader.Guess("soa.csv", []byte("Our SoA\n\nControl ID;Implementation status\n5.1;Yes\n")))
	fmt.Println(loader.Guess("odd.csv", []byte("{id,title\nA,Alpha\n")))
	fmt.Println(loader.Guess("empty.csv", []byte{}))
	// Output:
	// document
	// assessment
	// framework
	// assessment
}

func ExampleResolveFramework() {
	id, _ := loader.ResolveFramework(catalog.Default(), "NIST CSF 2.0")
	fmt.Println(id)
	_, err := loader.ResolveFramework(catalog.Default(), "acme")
	fmt.Println(errors.Is(err, catalog.ErrUnknownFramework))
	// Output:
	// nist-csf:2.0
	// true
}

func ExampleParseKind() {
	k, err := loader.ParseKind("mappings")
	fmt.Println(k, err)
	_, err = loader.ParseKind("spreadsheet")
	fmt.Println(errors.Is(err, loader.ErrKind), err)
	// Output:
	// mappings <nil>
	// true unknown value "spreadsheet" for --kind; accepted: document, framework, mappings, assessment, oscal
}
