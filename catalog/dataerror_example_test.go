package catalog_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
)

// A problem in data a user handed over says where it is, whatever layer of the
// library found it: one errors.As gives the fields, errors.Is the kind.
func ExampleDataError() {
	_, err := catalog.ReadCSV("acme.csv", strings.NewReader("id,title,parent\nA,Alpha,\nB,Beta,Z\n"), catalog.Framework{ID: "acme:1", Name: "Acme"})
	var de *catalog.DataError
	if errors.As(err, &de) {
		fmt.Println(de.File, de.Line, de.Field, de.Value)
		fmt.Println(errors.Is(err, catalog.ErrDanglingParent))
		fmt.Println(de)
	}
	// Output:
	// acme.csv 3 parent Z
	// true
	// acme.csv:3: row 2 (id "B"): field "parent" = "Z": parent is not a control of the framework
}
