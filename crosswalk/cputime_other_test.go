//go:build !unix

package crosswalk

import "time"

// cpuTime is not measured here: benchmarks report no assessments/cpu-s.
func cpuTime() time.Duration { return 0 }
