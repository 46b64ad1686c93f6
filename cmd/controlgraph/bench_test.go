package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/internal/cputime"
)

func benchRun(b *testing.B, args ...string) {
	b.ReportAllocs()
	if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
		b.Fatalf("exit status %d", code)
	}
	for b.Loop() {
		run(args, strings.NewReader(""), io.Discard, io.Discard)
	}
}

func BenchmarkShowTable(b *testing.B) { benchRun(b, "show", "8.16", "--format", "table") }

func BenchmarkShowPublishedJSON(b *testing.B) {
	benchRun(b, "show", "8.16", "--derived=false", "--format", "json")
}

func BenchmarkControlsFilterCSV(b *testing.B) {
	benchRun(b, "controls", "iso27002:2022", "--type", "detective", "--concept", "detect,respond", "--format", "csv")
}

func BenchmarkExportJSON(b *testing.B) { benchRun(b, "export", "--format", "json") }

func BenchmarkMappingsCSFToISOJSON(b *testing.B) {
	benchRun(b, "mappings", "--from", "csf", "--to", "iso27002:2022", "--format", "json")
}

func BenchmarkRequirementsCSFTable(b *testing.B) {
	benchRun(b, "requirements", "--target", "csf", "--format", "table")
}

// BenchmarkGapOwnFramework includes reading the user's framework and mapping set and
// building a catalog and crosswalk around them, as every such command line does.
func BenchmarkGapOwnFramework(b *testing.B) {
	benchRun(b, "gap", "--catalog", "testdata/acme.json", "--mappings", "testdata/acme-map.json",
		"--assessment", "testdata/acme-assessment.csv", "--target", "acme", "--format", "json")
}

// BenchmarkGapBatchCLI runs gap --batch on 1000 two-control assessments against CSF
// 2.0 as the command line does, with the GC tuner of main (unless GOGC or
// GOMEMLIMIT is set), full and --brief. assessments/cpu-s counts them per second of
// the process's CPU time: per core with -cpu 1, and steady on a busy machine.
func BenchmarkGapBatchCLI(b *testing.B) {
	const n = 1000
	var in strings.Builder
	for i := range n {
		fmt.Fprintf(&in, `{"id": "%d", "target": "csf", "assessment": {"controls": [{"control": "5.%d", "status": "implemented"}, {"control": "8.%d", "status": "partial"}]}}`+"\n", i, 1+i%37, 1+i%34)
	}
	file := filepath.Join(b.TempDir(), "batch.jsonl")
	if err := os.WriteFile(file, []byte(in.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		args []string
	}{{"full", nil}, {"brief", []string{"--brief"}}} {
		b.Run(mode.name, func(b *testing.B) {
			tu := shortLived()
			if tu.apply(os.Getenv) {
				defer func() {
					tu.stopped.Store(true)
					debug.SetGCPercent(100)
					debug.SetMemoryLimit(math.MaxInt64)
				}()
			}
			args := append([]string{"gap", "--batch", file, "--recommendations", "0"}, mode.args...)
			b.ReportAllocs()
			start := cputime.Process()
			for b.Loop() {
				if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit status %d", code)
				}
			}
			if cpu := cputime.Process() - start; cpu > 0 {
				b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "assessments/cpu-s")
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "assessments/s")
		})
	}
}
