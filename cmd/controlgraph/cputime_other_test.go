//go:build !unix

package main

import "time"

// cpuTime is not measured here: benchmarks report no assessments/cpu-s.
func cpuTime() time.Duration { return 0 }
