//go:build !nocis

package catalog_test

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// CIS safeguards by implementation group and security function (builds with the CIS
// data only; the CIS Controls are © CIS, CC BY-NC-ND 4.0).
func ExampleInGroup() {
	c := catalog.Default()
	for ctl := range c.Controls(catalog.CIS81, catalog.InGroup("IG1"), catalog.Where(catalog.AttrSecurityFunc, "Govern"), catalog.ChildOf(catalog.NewRef(catalog.CIS81, "4"))) {
		fmt.Println(ctl.Ref, ctl.Title, ctl.Attr(catalog.AttrAssetType))
	}
	// Output:
	// cis:8.1/4.1 Establish and Maintain a Secure Configuration Process [Documentation]
	// cis:8.1/4.2 Establish and Maintain a Secure Configuration Process for Network Infrastructure [Documentation]
}
