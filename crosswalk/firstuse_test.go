package crosswalk

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// firstUseEnv makes TestFirstUseChild measure instead of skipping; its value says
// what: "crosswalk" ([Default]) or "catalog" ([catalog.Default] and a first query).
const firstUseEnv = "CONTROLGRAPH_FIRST_USE_CHILD"

// TestFirstUseChild is the measuring side of BenchmarkDefaultFirstUse and
// TestCatalogFirstUseBudget: in a fresh process nothing embedded has been read yet.
// It prints the time, the bytes and the number of allocations of that first use.
func TestFirstUseChild(t *testing.T) {
	mode := os.Getenv(firstUseEnv)
	if mode == "" {
		t.Skip("run by BenchmarkDefaultFirstUse in a fresh process")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	switch mode {
	case "crosswalk":
		require.NotNil(t, Default())
	case "catalog":
		_, ok := catalog.Default().Control(catalog.NewRef(catalog.ISO27002v2022, "5.1"))
		require.True(t, ok)
	default:
		t.Fatalf("%s=%q: want crosswalk or catalog", firstUseEnv, mode)
	}
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("first-use %d %d %d\n", d.Nanoseconds(), after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs)
}

// firstUse is one measure of TestFirstUseChild.
type firstUse struct{ ns, bytes, mallocs uint64 }

// measureFirstUse runs TestFirstUseChild in a fresh process of this test binary.
func measureFirstUse(tb testing.TB, mode string) firstUse {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFirstUseChild$", "-test.count=1", "-test.v=false")
	cmd.Env = append(os.Environ(), firstUseEnv+"="+mode, "GOGC=100")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("%v: %s", err, out)
	}
	i := bytes.Index(out, []byte("first-use "))
	if i < 0 {
		tb.Fatalf("no measure in %s", out)
	}
	var m firstUse
	if _, err := fmt.Sscanf(string(out[i:]), "first-use %d %d %d", &m.ns, &m.bytes, &m.mallocs); err != nil {
		tb.Fatalf("%v in %s", err, out)
	}
	return m
}

// BenchmarkDefaultFirstUse measures the whole first use of [Default] (make the
// embedded catalog from its tables, and the crosswalk over the static data of
// embed_graph.go; with -tags nographtables, index every framework, make the embedded
// mapping sets and build the crosswalk with [New]), and as /catalog the first use of
// [catalog.Default] with a first query, each time in a fresh process of this test
// binary. It reports the means ns/first-use, B/first-use and allocs/first-use and
// the median median-ns/first-use (the shared machine's outliers move the mean);
// ns/op is the cost of starting the process as well.
func BenchmarkDefaultFirstUse(b *testing.B) {
	for _, mode := range []string{"crosswalk", "catalog"} {
		b.Run(mode, func(b *testing.B) {
			var sum firstUse
			var ns []uint64
			for b.Loop() {
				m := measureFirstUse(b, mode)
				sum.ns, sum.bytes, sum.mallocs = sum.ns+m.ns, sum.bytes+m.bytes, sum.mallocs+m.mallocs
				ns = append(ns, m.ns)
			}
			n := float64(len(ns))
			slices.Sort(ns)
			b.ReportMetric(float64(sum.ns)/n, "ns/first-use")
			b.ReportMetric(float64(ns[len(ns)/2]), "median-ns/first-use")
			b.ReportMetric(float64(sum.bytes)/n, "B/first-use")
			b.ReportMetric(float64(sum.mallocs)/n, "allocs/first-use")
		})
	}
}

// TestCrosswalkFirstUseBudget: in a fresh process, the first use of [Default] reads
// the crosswalk's static data in place and builds no framework's index and no
// mapping set: it allocates a small, fixed amount, that of the catalog's first use
// (its name indexes) and the crosswalk's look-up of frameworks. Built with [New]
// from the embedded sets it was about 2,000 allocations and 2 MB; now 176 and
// 20 KB, the budget 250 and 64 KB.
func TestCrosswalkFirstUseBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates on its own account: counts are not the program's under -race")
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	if embeddedGraph == nil {
		t.Skip("built with -tags nographtables: Default builds the crosswalk with New")
	}
	m := measureFirstUse(t, "crosswalk")
	t.Logf("crosswalk first use in a fresh process: %d ns, %d B, %d allocations", m.ns, m.bytes, m.mallocs)
	assert.LessOrEqual(t, m.mallocs, uint64(250))
	assert.LessOrEqual(t, m.bytes, uint64(64<<10))
}

// TestCatalogFirstUseBudget: in a fresh process, the embedded catalog's first use
// with a first query (which indexes one framework) decodes nothing and allocates a
// small, fixed amount that does not grow with the embedded frameworks: before the
// generated tables it was about 21,600 allocations and 2.8 MB; now 176 and 85 KB,
// the budget under 200 and 128 KB.
func TestCatalogFirstUseBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates on its own account: counts are not the program's under -race")
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	m := measureFirstUse(t, "catalog")
	t.Logf("catalog first use in a fresh process: %d ns, %d B, %d allocations", m.ns, m.bytes, m.mallocs)
	assert.LessOrEqual(t, m.mallocs, uint64(200))
	assert.LessOrEqual(t, m.bytes, uint64(128<<10))
}

// TestEmbeddedSetsShared checks that the sets Default is built from without static
// data are those of [mappings.Embedded], and that building it leaves them unchanged.
func TestEmbeddedSetsShared(t *testing.T) {
	Default()
	assert.Equal(t, mappings.Embedded(), embeddedSets())
}
