package main

import (
	"io"
	"strings"
	"testing"
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
