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
