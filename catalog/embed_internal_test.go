package catalog

import "testing"

// TestEmbeddedPassesStrictChecks: Default decodes the embedded files without the
// checks of ReadJSON (New repeats most of them); this test runs them all, so a data
// file that would fail them cannot ship.
func TestEmbeddedPassesStrictChecks(t *testing.T) {
	var fws []Framework
	for _, ef := range embeddedFiles {
		d := ef.data
		got, err := ReadJSON(ef.name, d)
		if err != nil {
			t.Fatalf("%s: %v", ef.name, err)
		}
		fws = append(fws, got...)
	}
	if _, err := New(fws...); err != nil {
		t.Fatal(err)
	}
}

// TestSummariesReadApart: the SP 800-53 statements are not decoded by building the
// catalog nor by reading its controls, only by the first Summary that needs one.
func TestSummariesReadApart(t *testing.T) {
	fws, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := build(fws, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	loads := 0
	real := summariesApart[SP80053v5]
	c.byID[SP80053v5].summaries = &lazySummaries{load: func() (map[string]string, error) {
		loads++
		return real.load()
	}}
	r := NewRef(SP80053v5, "AC-2(1)")
	ctl, ok := c.Control(r)
	if !ok || ctl.Summary != "" || loads != 0 {
		t.Fatalf("Control: %v %q, %d loads", ok, ctl.Summary, loads)
	}
	for range c.Controls(SP80053v5) {
	}
	if loads != 0 {
		t.Fatalf("Controls loaded the summaries")
	}
	if s, ok := c.Summary(NewRef(ISO27002v2022, "5.1")); !ok || s != "" || loads != 0 {
		t.Fatalf("Summary of an ISO control: %v %q, %d loads", ok, s, loads)
	}
	if s, ok := c.Summary(r); !ok || s == "" || loads != 1 {
		t.Fatalf("Summary: %v %q, %d loads", ok, s, loads)
	}
	if _, ok := c.Summary(NewRef(SP80053v5, "XX-1")); ok {
		t.Fatal("Summary of a control that does not exist")
	}
}
