package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gcSettings reads the GC percent and the memory limit without changing them (a
// call of debug.SetGCPercent could itself start a collection).
func gcSettings() (percent int, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// The user's GOGC or GOMEMLIMIT wins: tuneGC changes nothing.
func TestTuneGCLeavesTheUsersSetting(t *testing.T) {
	p0, l0 := gcSettings()
	for _, env := range []map[string]string{{"GOGC": "50"}, {"GOMEMLIMIT": "1GiB"}, {"GOGC": "off", "GOMEMLIMIT": "100MiB"}} {
		assert.False(t, tuneGC(func(k string) string { return env[k] }), env)
		p, l := gcSettings()
		assert.Equal(t, p0, p, env)
		assert.Equal(t, l0, l, env)
	}
}

// Without them, no collection until startHeap; after the first collection, the
// runtime's default again.
func TestTuneGCDefaultAfterFirstCollection(t *testing.T) {
	p0, l0 := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(p0)
		debug.SetMemoryLimit(l0)
	})
	require.True(t, tuneGC(func(string) string { return "" }))
	p, l := gcSettings()
	assert.Equal(t, -1, p, "GC off")
	assert.Equal(t, int64(startHeap), l)
	// Allocating past startHeap makes the memory limit start the first collection,
	// whose cleanup of the sentinel restores the default: no runtime.GC here.
	var keep [][]byte
	deadline := time.Now().Add(10 * time.Second)
	for allocated := 0; time.Now().Before(deadline); allocated += 1 << 20 {
		keep = append(keep, make([]byte, 1<<20))
		if len(keep) == 16 {
			keep = keep[:0] // garbage, as a command's is
		}
		if p, _ = gcSettings(); p != -1 {
			assert.Greater(t, allocated, startHeap/2, "no collection before the heap approaches startHeap")
			break
		}
		runtime.Gosched() // let the cleanup goroutine run
	}
	p, l = gcSettings()
	assert.Equal(t, 100, p)
	assert.Equal(t, int64(math.MaxInt64), l)
}
