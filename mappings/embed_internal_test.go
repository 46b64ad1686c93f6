package mappings

import "testing"

// TestEmbeddedPassesStrictChecks: Embedded decodes the embedded files with the fast,
// lenient decoder; this test reads each with the strict ReadJSON and compares, so a
// data file with an unknown or misspelt field cannot ship.
func TestEmbeddedPassesStrictChecks(t *testing.T) {
	for _, ef := range embeddedFiles {
		d := ef.data
		strict, err := ReadJSON(ef.name, d)
		if err != nil {
			t.Fatalf("%s: %v", ef.name, err)
		}
		fast, err := readTrusted(ef.name, d)
		if err != nil {
			t.Fatalf("%s: %v", ef.name, err)
		}
		if len(strict) != 1 || len(fast) != 1 {
			t.Fatalf("%s: %d and %d sets", ef.name, len(strict), len(fast))
		}
		a, _ := strict[0].MarshalJSON()
		b, _ := fast[0].MarshalJSON()
		if string(a) != string(b) {
			t.Errorf("%s: the fast decoder reads it differently", ef.name)
		}
	}
}
