// Command soa turns an assessment of the ISO/IEC 27002:2022 controls into the
// Statement of Applicability of ISO/IEC 27001:2022 6.1.3 d) and writes it as an
// Excel workbook (sheets SoA, Summary, Problems).
//
//	go run ./examples/soa                       # writes soa.xlsx in the temporary directory
//	go run ./examples/soa -assessment a.csv -o /tmp/soa.xlsx
//
// Without -assessment it reads examples/assessments/small-company.csv, looked up from
// the current directory upwards.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func main() {
	path := flag.String("assessment", "", "assessment: CSV, XLSX or JSON (default: examples/assessments/small-company.csv)")
	// The default is not the current directory: run from a clone, an example leaves
	// nothing behind in the repository.
	out := flag.String("o", filepath.Join(os.TempDir(), "soa.xlsx"), "the workbook to write")
	flag.Parse()
	if err := run(os.Stdout, *path, *out); err != nil {
		fmt.Fprintln(os.Stderr, "soa:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path, out string) error {
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
	a, err := crosswalk.ReadAssessment(filepath.Base(path), f, nil)
	if err != nil {
		return err
	}
	// Related items default to NIST CSF 2.0 and (when built with them) CIS Controls v8.
	soa, err := crosswalk.Default().SoA(a)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.SoAXLSX(&buf, soa, report.Options{}); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	s := soa.Summary
	fmt.Fprintf(w, "%s: %d Annex A controls, %d applicable, %d excluded; %d implemented, %d partial, %d planned, %d not implemented, %d not assessed\n",
		out, s.Total, s.Applicable, s.Excluded, s.Implemented, s.Partial, s.Planned, s.NotImplemented, s.NotAssessed)
	for _, p := range soa.Problems {
		fmt.Fprintf(w, "problem: %s (%s): %s\n", p.Control, p.Kind, p.Message)
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
