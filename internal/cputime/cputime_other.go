//go:build !unix

// Package cputime measures the CPU time of the process, for the benchmarks that
// report work per second of CPU (steady on a busy machine, where wall-clock rates
// are not).
package cputime

import "time"

// Process is not measured here: it returns 0, and the benchmarks report no rate
// per second of CPU.
func Process() time.Duration { return 0 }
