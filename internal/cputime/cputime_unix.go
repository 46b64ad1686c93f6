//go:build unix

// Package cputime measures the CPU time of the process, for the benchmarks that
// report work per second of CPU (steady on a busy machine, where wall-clock rates
// are not).
package cputime

import (
	"syscall"
	"time"
)

// Process returns the user and system CPU time of the process so far.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
