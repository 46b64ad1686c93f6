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

// collect runs a collection and waits until the tuner's check after it has set a
// percent other than before (or ten seconds have passed: on a loaded machine the
// check, run after the collection, may wait its turn); it returns the settings then.
func collect(before int) (percent int, limit int64) {
	runtime.GC()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if p, _ := gcSettings(); p != before {
			break
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	return gcSettings()
}

func TestGCPercent(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live, floor int64
		want        int
	}{
		{8 * mib, 64 * mib, 700},   // the next collection at 8 + 56 = 64 MiB
		{16 * mib, 64 * mib, 300},  // at 16 + 48
		{32 * mib, 64 * mib, 100},  // twice the live heap is the floor: the default
		{100 * mib, 64 * mib, 100}, // a large heap: the default
		{0, 64 * mib, 100},         // nothing measured yet
		{1, 64 * mib, 1 << 20},     // capped
	} {
		assert.Equal(t, c.want, gcPercent(c.live, c.floor), "live %d, floor %d", c.live, c.floor)
	}
}

// The user's GOGC or GOMEMLIMIT wins: apply changes nothing.
func TestGCTunerLeavesTheUsersSetting(t *testing.T) {
	p0, l0 := gcSettings()
	for _, env := range []map[string]string{{"GOGC": "50"}, {"GOMEMLIMIT": "1GiB"}, {"GOGC": "off", "GOMEMLIMIT": "100MiB"}} {
		assert.False(t, shortLived().apply(func(k string) string { return env[k] }), env)
		p, l := gcSettings()
		assert.Equal(t, p0, p, env)
		assert.Equal(t, l0, l, env)
	}
}

// Off under the floor until the first collection; after each one, the percent that
// puts the next at the floor (with a little live heap) or the default (with much).
func TestGCTuner(t *testing.T) {
	p0, l0 := gcSettings()
	runtime.GC()
	floor := liveHeap() + 64<<20 // above what the other tests of the process left alive
	tu := &gcTuner{floor: floor}
	t.Cleanup(func() {
		tu.stopped.Store(true)
		debug.SetGCPercent(p0)
		debug.SetMemoryLimit(l0)
	})
	require.True(t, tu.apply(func(string) string { return "" }))
	p, l := gcSettings()
	assert.Equal(t, -1, p, "GC off")
	assert.Equal(t, floor, l, "until the memory limit")

	p, l = collect(p)
	assert.InEpsilon(t, gcPercent(liveHeap(), floor), p, 0.1, "the next collection at the floor")
	assert.Greater(t, p, 100, "a little live heap: the next collection at the floor")
	assert.Equal(t, int64(math.MaxInt64), l, "the limit lifted")

	live := make([][]byte, 0, 80)
	for len(live) < cap(live) {
		live = append(live, make([]byte, 1<<20))
	}
	p, l = collect(p)
	assert.Equal(t, 100, p, "a large live heap: the default")
	assert.Equal(t, int64(math.MaxInt64), l)
	runtime.KeepAlive(live)

	live = nil
	p, _ = collect(p)
	assert.Greater(t, p, 100, "small again: the floor again")
}
