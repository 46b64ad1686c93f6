// Command gapanalysis reads an assessment of the 93 ISO/IEC 27002:2022 controls
// from CSV and prints a short gap report: the coverage of NIST CSF 2.0 per function,
// then the CIS Controls v8 Implementation Group 1 safeguards that are not covered,
// and what to implement next.
//
//	go run ./examples/gapanalysis
//	go run ./examples/gapanalysis -assessment my-assessment.csv
//
// Without -assessment it reads examples/assessments/small-company.csv, looked up from
// the current directory upwards, so it runs from anywhere inside the repository.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func main() {
	path := flag.String("assessment", "", "assessment: CSV, XLSX or JSON (default: examples/assessments/small-company.csv)")
	flag.Parse()
	if err := run(os.Stdout, *path); err != nil {
		fmt.Fprintln(os.Stderr, "gapanalysis:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path string) error {
	if path == "" {
		var err error
		if path, err = findUp(filepath.Join("examples", "assessments", "small-company.csv")); err != nil {
			return err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// The assessment rates ISO/IEC 27002:2022 controls (the default baseline).
	a, err := crosswalk.ReadAssessment(filepath.Base(path), f, nil)
	if err != nil {
		return err
	}
	// What the reader accepted but you should know: columns it ignored, controls the
	// file does not rate (they count as not implemented), ...
	for _, warning := range a.Warnings() {
		fmt.Fprintln(os.Stderr, warning) // its message starts "warning: "
	}
	cw := crosswalk.Default() // the embedded frameworks and mappings, built once, shared

	csf, err := cw.Gap(a, catalog.CSF20) // auto policy (each edge by what it is), published mappings only
	if err != nil {
		return err
	}
	s := csf.Summary
	fmt.Fprintf(w, "%s: %d controls assessed\n\n", a.Name(), a.Len())
	fmt.Fprintf(w, "NIST CSF 2.0 (%s policy): %d subcategories: %d covered, %d partial, %d gap, %d unreached, %d not applicable (%.1f%% covered)\n",
		csf.Policy, s.Total, s.Covered, s.Partial, s.Gap, s.Unreached, s.NotApplicable, s.CoveragePercent)
	for _, g := range csf.Groups {
		if g.Kind == "function" {
			fmt.Fprintf(w, "  %-3s %-10s %2d items: %2d covered, %2d partial, %2d gap, %2d unreached\n",
				g.ID, g.Title, g.Total, g.Covered, g.Partial, g.Gap, g.Unreached)
		}
	}
	fmt.Fprintf(w, "  unreached (no ISO control maps there): %s\n", strings.Join(csf.Unreached, ", "))

	if !catalog.HasCIS() {
		fmt.Fprintln(w, "\n(built with -tags nocis: no CIS Controls)")
		return nil
	}
	ig1, err := cw.Gap(a, catalog.CIS8, crosswalk.WithGroup("IG1"), crosswalk.WithRecommendations(3))
	if err != nil {
		return err
	}
	s = ig1.Summary
	fmt.Fprintf(w, "\nCIS Controls v8, IG1: %d safeguards: %d covered, %d partial, %d gap, %d unreached (%.1f%% covered)\n",
		s.Total, s.Covered, s.Partial, s.Gap, s.Unreached, s.CoveragePercent)
	for _, it := range ig1.Items {
		if it.Status == crosswalk.ItemGap || it.Status == crosswalk.ItemPartial {
			fmt.Fprintf(w, "  %-6s %-8s %s\n", it.ID, it.Status, it.Title)
		}
	}
	fmt.Fprintln(w, "\nImplement next (IG1):")
	for i, r := range ig1.Recommendations {
		fmt.Fprintf(w, "  %d. %s %s (now %s) moves %d safeguard(s)\n", i+1, r.Control, r.Title, r.Status, len(r.Moves))
	}
	return nil
}

// findUp looks for rel in the current directory and its parents.
func findUp(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%s not found in the current directory or above; pass -assessment", rel)
		}
		dir = parent
	}
}
