package bench

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/controlgraph/controlgraph/oscal"
	oscal112 "github.com/defenseunicorns/go-oscal/src/types/oscal-1-1-2"
)

// catalogs are the NIST SP 800-53 rev. 5 catalogs of the reference data.
var catalogs = []string{
	"NIST_SP-800-53_rev5_catalog-5.0.1.json",
	"NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json",
}

func readCatalog(tb testing.TB, name string) []byte {
	tb.Helper()
	path := filepath.Join("..", "..", "shared", "reference", "oscal", name)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		tb.Skipf("reference catalog %s not available", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// countControls counts the groups and controls at every depth of a go-oscal catalog.
func countControls(c *oscal112.Catalog) int {
	var controls func(cs *[]oscal112.Control) int
	controls = func(cs *[]oscal112.Control) int {
		if cs == nil {
			return 0
		}
		n := len(*cs)
		for _, c := range *cs {
			n += controls(c.Controls)
		}
		return n
	}
	var groups func(gs *[]oscal112.Group) int
	groups = func(gs *[]oscal112.Group) int {
		if gs == nil {
			return 0
		}
		n := len(*gs)
		for _, g := range *gs {
			n += groups(g.Groups) + controls(g.Controls)
		}
		return n
	}
	return groups(c.Groups) + controls(c.Controls)
}

// Both sides read the same document: every group and control (withdrawn ones
// included) becomes a node of ours and a struct of theirs.
func TestSameWork(t *testing.T) {
	for _, name := range catalogs {
		data := readCatalog(t, name)
		f, _, err := oscal.ImportCatalog(name, data)
		if err != nil {
			t.Fatal(err)
		}
		var doc oscal112.OscalModels
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Catalog == nil {
			t.Fatalf("%s: go-oscal read no catalog", name)
		}
		if got, want := len(f.Controls), countControls(doc.Catalog); got != want {
			t.Errorf("%s: controlgraph imported %d nodes, go-oscal read %d groups and controls", name, got, want)
		}
	}
}

// BenchmarkCatalog reads each catalog with both: controlgraph's import (decoding,
// checking every member against the OSCAL model, rendering parameters, building
// and validating the framework) and go-oscal's unmarshal into its OSCAL 1.1.2
// structs (encoding/json, no validation). Besides the wall-clock MB/s it reports
// cpu-MB/s, the bytes per second of CPU time the process used (garbage collection
// included), which a machine shared with other work disturbs much less.
func BenchmarkCatalog(b *testing.B) {
	for _, name := range catalogs {
		data := readCatalog(b, name)
		b.Run(name+"/controlgraph", func(b *testing.B) {
			measure(b, len(data), func() error {
				_, _, err := oscal.ImportCatalog(name, data)
				return err
			})
		})
		b.Run(name+"/go-oscal", func(b *testing.B) {
			measure(b, len(data), func() error {
				var doc oscal112.OscalModels
				return json.Unmarshal(data, &doc)
			})
		})
	}
}

// measure runs fn in a benchmark loop over size bytes and reports the CPU time.
func measure(b *testing.B, size int, fn func() error) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	runtime.GC()
	start := cpuTime()
	n := 0
	for b.Loop() {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu := cpuTime() - start; cpu > 0 && n > 0 {
		b.ReportMetric(float64(size)*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
