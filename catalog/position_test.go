package catalog_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/controlgraph/controlgraph/catalog"
)

func TestPositionString(t *testing.T) {
	for _, c := range []struct {
		p    catalog.Position
		want string
	}{
		{catalog.Position{}, ""},
		{catalog.Position{File: "f.csv", Line: 3, Field: "parent", Value: "Z"}, `f.csv:3: field "parent" = "Z"`},
		{catalog.Position{Line: 7, Record: `control #2 "B"`}, `line 7: control #2 "B"`},
		{catalog.Position{File: "c.json", Record: "catalog.groups[0].controls[1].id", Value: "c-1"}, `c.json: catalog.groups[0].controls[1].id: "c-1"`},
		{catalog.Position{Field: "to", Value: "a\tb"}, `field "to" = "a\tb"`},
	} {
		assert.Equal(t, c.want, c.p.String())
	}
}

// A DataError says where through Where, as every positioned error does.
func ExamplePositioned() {
	_, err := catalog.ReadCSV("acme.csv", strings.NewReader("id,title,parent\nA,Alpha,\nB,Beta,Z\n"), catalog.Framework{ID: "acme:1", Name: "Acme"})
	var p catalog.Positioned
	if errors.As(err, &p) {
		fmt.Println(p.Where())
	}
	// Output:
	// acme.csv:3: row 2 (id "B"): field "parent" = "Z"
}
