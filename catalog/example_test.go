package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
)

// People write control IDs in many ways; ParseRef finds the one control they mean.
func ExampleParseRef() {
	for _, s := range []string{"A.5.1", "ISO27002:8.16", "iso27001:2022/A.5.1", "gv.oc-1", "ID.AM-1", "A.12.4.1"} {
		r, err := catalog.ParseRef(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-20s → %s\n", s, r)
	}
	// Output:
	// A.5.1                → iso27002:2022/5.1
	// ISO27002:8.16        → iso27002:2022/8.16
	// iso27001:2022/A.5.1  → iso27002:2022/5.1
	// gv.oc-1              → nist-csf:2.0/GV.OC-01
	// ID.AM-1              → nist-csf:1.1/ID.AM-1
	// A.12.4.1             → iso27002:2013/A.12.4.1
}

// "5.1" is both an ISO/IEC 27002 control and an ISO/IEC 27001 clause: ParseRef does not
// guess. Name the framework, in the input or as an argument.
func ExampleParseRef_ambiguous() {
	_, err := catalog.ParseRef("5.1")
	fmt.Println(errors.Is(err, catalog.ErrAmbiguous))
	var re *catalog.RefError
	if errors.As(err, &re) {
		fmt.Println(re.Candidates)
	}

	r, _ := catalog.ParseRef("5.1", catalog.ISO27001v2022)
	fmt.Println(r)
	r, _ = catalog.ParseRef("iso27002 5.1")
	fmt.Println(r)
	// Output:
	// true
	// [iso27002:2022/5.1 iso27001:2022/5.1]
	// iso27001:2022/5.1
	// iso27002:2022/5.1
}

// Conditions combine: here the detective controls that the 2022 edition added.
func ExampleCatalog_Controls() {
	c := catalog.Default()
	for ctl := range c.Controls(catalog.ISO27002v2022,
		catalog.Where(catalog.AttrControlType, "Detective"),
		catalog.Where(catalog.AttrNewIn2022, "true"),
	) {
		fmt.Println(ctl.Ref.ID, ctl.Title)
	}
	// Output:
	// 5.7 Threat intelligence
	// 7.4 Physical security monitoring
	// 8.12 Data leakage prevention
	// 8.16 Monitoring activities
}

// The Annex A attributes of an ISO/IEC 27002:2022 control, typed.
func ExampleControl_ISO27002() {
	ctl, _ := catalog.Default().Control(catalog.NewRef(catalog.ISO27002v2022, "8.16"))
	a, ok := ctl.ISO27002()
	fmt.Println(ok, a.Theme, a.NewIn2022)
	fmt.Println(a.ControlTypes, a.Concepts)
	fmt.Println(a.Domains)
	// Output:
	// true Technological true
	// [Detective Corrective] [Detect Respond]
	// [Defence]
}

// A catalog of your own framework, beside the embedded ones.
func ExampleNew() {
	acme := catalog.Framework{
		ID: "acme:1", Name: "ACME security baseline", Version: "1",
		Controls: []catalog.ControlSpec{
			{ID: "AC", Title: "Access control", Kind: "domain"},
			{ID: "AC-1", Title: "Access policy", Parent: "AC", Attributes: map[string][]string{"tier": {"1"}}},
			{ID: "AC-2", Title: "Quarterly access review", Parent: "AC", Attributes: map[string][]string{"tier": {"2"}}},
		},
	}
	c, err := catalog.New(append(catalog.Embedded(), acme)...)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := c.ParseRef("acme ac-2")
	ctl, _ := c.Control(r)
	fmt.Println(r, ctl.Title, ctl.Attr("tier"))
	for ctl := range c.Children(catalog.NewRef("acme:1", "AC")) {
		fmt.Println(ctl.Ref.ID, ctl.Kind)
	}

	// Bad data is reported with its place.
	acme.Controls[2].Parent = "AX"
	_, err = catalog.New(acme)
	fmt.Println(err)
	// Output:
	// acme:1/AC-2 Quarterly access review [2]
	// AC-1 control
	// AC-2 control
	// framework "acme:1" control #3 "AC-2": field "parent" = "AX": parent is not a control of the framework
}

// A framework kept in a spreadsheet: one row per control, attributes in extra columns.
func ExampleReadCSV() {
	const data = `id,title,parent,tier
AC,Access control,,
AC-1,Access policy,AC,1
AC-2,Quarterly access review,AC,2;3
`
	f, err := catalog.ReadCSV("acme.csv", strings.NewReader(data), catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range f.Controls {
		fmt.Printf("%s %q parent=%q tier=%v\n", s.ID, s.Title, s.Parent, s.Attributes["tier"])
	}

	_, err = catalog.ReadCSV("acme.csv", strings.NewReader("id,title\nAC,Access control\nAC,Again\n"), catalog.Framework{ID: "acme:1", Name: "ACME"})
	fmt.Println(err)
	// Output:
	// AC "Access control" parent="" tier=[]
	// AC-1 "Access policy" parent="AC" tier=[1]
	// AC-2 "Quarterly access review" parent="AC" tier=[2 3]
	// acme.csv:3: row 2 (id "AC"): field "id" = "AC": duplicate ID
}

// Export a framework in the JSON form ReadJSON reads back.
func ExampleWriteJSON() {
	f := catalog.Framework{ID: "acme:1", Name: "ACME", Version: "1", Controls: []catalog.ControlSpec{{ID: "AC-1", Title: "Access policy"}}}
	if err := catalog.WriteJSON(os.Stdout, f); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "frameworks": [
	//     {
	//       "id": "acme:1",
	//       "name": "ACME",
	//       "version": "1",
	//       "controls": [
	//         {
	//           "id": "AC-1",
	//           "title": "Access policy",
	//           "kind": "control"
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// Frameworks and their sizes.
func ExampleCatalog_Frameworks() {
	for in := range catalog.Default().Frameworks() {
		if in.Publisher == "ISO/IEC" {
			fmt.Println(in.ID, in.Controls, in.Counts)
		}
	}
	// Output:
	// iso27002:2022 97 [{theme 4} {control 93}]
	// iso27001:2022 41 [{clause 41}]
	// iso27002:2013 114 [{control 114}]
}

// Names of frameworks resolve to IDs; a family name means its newest version.
func ExampleCatalog_ResolveFramework() {
	c := catalog.Default()
	for _, name := range []string{"iso27002", "ISO/IEC 27001:2022", "csf", "csf:1.1"} {
		id, _ := c.ResolveFramework(name)
		fmt.Println(name, "→", id)
	}
	// Output:
	// iso27002 → iso27002:2022
	// ISO/IEC 27001:2022 → iso27001:2022
	// csf → nist-csf:2.0
	// csf:1.1 → nist-csf:1.1
}

// Select reports a misspelt attribute or value instead of selecting nothing.
func ExampleCatalog_Select() {
	c := catalog.Default()
	ctls, err := c.Select("iso27002", catalog.Where("Control type", "Corrective"), catalog.Where("Theme", "Technological"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ctl := range ctls {
		fmt.Println(ctl.Ref.ID, ctl.Title)
	}
	_, err = c.Select("iso27002", catalog.Where("Control type", "Corective"))
	fmt.Println(errors.Is(err, catalog.ErrUnknownValue))
	// Output:
	// 8.7 Protection against malware
	// 8.13 Information backup
	// 8.16 Monitoring activities
	// true
}
