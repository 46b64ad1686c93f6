package crosswalk

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/mappings"
)

// firstUseEnv makes TestFirstUseChild measure instead of skipping.
const firstUseEnv = "CONTROLGRAPH_FIRST_USE_CHILD"

// TestFirstUseChild is the measuring side of BenchmarkDefaultFirstUse: in a fresh
// process, nothing embedded is decoded yet, so the first Default decodes the catalog
// and the mapping sets and builds the crosswalk. It prints the time and the bytes
// allocated by that call.
func TestFirstUseChild(t *testing.T) {
	if os.Getenv(firstUseEnv) != "1" {
		t.Skip("run by BenchmarkDefaultFirstUse in a fresh process")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	cw := Default()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	require.NotNil(t, cw)
	fmt.Printf("first-use %d %d\n", d.Nanoseconds(), after.TotalAlloc-before.TotalAlloc)
}

// BenchmarkDefaultFirstUse measures the whole first use of [Default] (decode the
// embedded catalog and build it, decode the embedded mapping sets, build the
// crosswalk), each time in a fresh process of this test binary, and reports it as
// ns/first-use and B/first-use; ns/op is the cost of starting the process as well.
func BenchmarkDefaultFirstUse(b *testing.B) {
	b.ReportAllocs()
	var ns, bytes_ uint64
	n := 0
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstUseChild$", "-test.count=1", "-test.v=false")
		cmd.Env = append(os.Environ(), firstUseEnv+"=1", "GOGC=100")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		var d, a uint64
		i := bytes.Index(out, []byte("first-use "))
		if i < 0 {
			b.Fatalf("no measure in %s", out)
		}
		if _, err := fmt.Sscanf(string(out[i:]), "first-use %d %d", &d, &a); err != nil {
			b.Fatalf("%v in %s", err, out)
		}
		ns, bytes_, n = ns+d, bytes_+a, n+1
	}
	b.ReportMetric(float64(ns)/float64(n), "ns/first-use")
	b.ReportMetric(float64(bytes_)/float64(n), "B/first-use")
}

// TestEmbeddedSetsShared checks that Default reads the same sets as
// [mappings.Embedded], and that building it leaves them unchanged.
func TestEmbeddedSetsShared(t *testing.T) {
	Default()
	assert.Equal(t, mappings.Embedded(), embeddedSets())
}
