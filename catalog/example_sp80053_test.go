package catalog_test

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// The SP 800-53 enhancements of AC-2 in the LOW baseline and in MODERATE.
func ExampleInBaseline() {
	c := catalog.Default()
	ac2 := catalog.NewRef(catalog.SP80053v5, "AC-2")
	for _, b := range []string{"low", "moderate"} {
		var got []string
		for ctl := range c.Controls(catalog.SP80053v5, catalog.InBaseline(b), catalog.ChildOf(ac2)) {
			got = append(got, ctl.Ref.ID)
		}
		fmt.Println(b, got)
	}
	// Output:
	// low []
	// moderate [AC-2(1) AC-2(2) AC-2(3) AC-2(4) AC-2(5) AC-2(13)]
}

// SP 800-53's statements are read when one is asked for; Control.Summary is empty for
// them. A withdrawn enhancement says where it went.
func ExampleCatalog_Summary() {
	c := catalog.Default()
	r, _ := c.ParseRef("ac-02(01)")
	ctl, _ := c.Control(r)
	text, _ := c.Summary(r)
	fmt.Printf("%s %s: %s\n", r, ctl.Title, text)
	old, _ := c.Control(catalog.NewRef(catalog.SP80053v5, "AC-2(10)"))
	fmt.Println(old.Ref.ID, old.Attr("status"), old.Attr(catalog.AttrIncorporatedInto))
	// Output:
	// sp800-53:5/AC-2(1) Automated System Account Management: Support the management of system accounts using [Assignment: organization-defined automated mechanisms].
	// AC-2(10) [withdrawn] [AC-2k]
}
