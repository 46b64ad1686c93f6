// Command customframework shows how to bring your own data: an in-house framework
// (the fictional "ACME Security Baseline", read from an embedded CSV file with
// catalog.ReadCSV) and a mapping set from it to ISO/IEC 27002:2022 (read with
// mappings.ReadCSV) join the embedded frameworks and mappings in a crosswalk of
// their own; then an ISO/IEC 27002:2022 assessment is measured against the in-house
// framework.
//
//	go run ./examples/customframework
//	go run ./examples/customframework -assessment my-assessment.csv
//
// Without -assessment it reads examples/assessments/small-company.csv, looked up from
// the current directory upwards. The ACME controls and their mapping are invented
// for the example.
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

//go:embed acme.csv
var acmeCSV []byte

//go:embed acme-to-iso27002.csv
var acmeMappingCSV []byte

// ACME is the ID of the in-house framework.
const ACME catalog.FrameworkID = "acme:1"

func main() {
	path := flag.String("assessment", "", "ISO/IEC 27002:2022 assessment: CSV, XLSX or JSON (default: examples/assessments/small-company.csv)")
	flag.Parse()
	if err := run(os.Stdout, *path); err != nil {
		fmt.Fprintln(os.Stderr, "customframework:", err)
		os.Exit(1)
	}
}

// newCrosswalk builds a crosswalk over the embedded data plus ACME and its mapping.
func newCrosswalk() (*crosswalk.Crosswalk, error) {
	acme, err := catalog.ReadCSV("acme.csv", bytes.NewReader(acmeCSV), catalog.Framework{
		ID: ACME, Name: "ACME Security Baseline", Version: "1", Publisher: "ACME Ltd (example)",
		Source: "examples/customframework/acme.csv", Licence: "example data",
	})
	if err != nil {
		return nil, err
	}
	cat, err := catalog.New(append(catalog.Embedded(), acme)...)
	if err != nil {
		return nil, err
	}
	set, err := mappings.ReadCSV("acme-to-iso27002.csv", bytes.NewReader(acmeMappingCSV), mappings.Set{
		ID: "acme-1_to_iso27002-2022", From: ACME, To: catalog.ISO27002v2022, Kind: mappings.Crosswalk,
		Source: mappings.Source{ID: "acme-isms-mapping", Title: "ACME baseline to ISO/IEC 27002:2022", Publisher: "ACME Ltd (example)"},
	})
	if err != nil {
		return nil, err
	}
	// Validate reports dangling references, duplicates and contradictions.
	if problems := mappings.Validate(set, cat); mappings.HasErrors(problems) {
		return nil, mappings.Errors(problems)
	}
	return crosswalk.New(cat, append(mappings.Embedded(), set)...)
}

func run(w io.Writer, path string) error {
	if path == "" {
		var err error
		if path, err = findUp(filepath.Join("examples", "assessments", "small-company.csv")); err != nil {
			return err
		}
	}
	cw, err := newCrosswalk()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	a, err := crosswalk.ReadAssessment(filepath.Base(path), f, cw.Catalog())
	if err != nil {
		return err
	}
	res, err := cw.Gap(a, ACME, crosswalk.WithRecommendations(3))
	if err != nil {
		return err
	}
	s := res.Summary
	fmt.Fprintf(w, "%s against the ACME Security Baseline (%s policy): %d requirements: %d covered, %d partial, %d gap, %d unreached\n\n",
		a.Name(), res.Policy, s.Total, s.Covered, s.Partial, s.Gap, s.Unreached)
	for _, it := range res.Items {
		fmt.Fprintf(w, "  %-5s %-10s %s\n", it.ID, it.Status, it.Title)
		for _, v := range it.Via() {
			fmt.Fprintf(w, "          ISO %s %s (%s)\n", v.From.ID, v.Relationship, v.Status)
		}
	}
	if len(res.Recommendations) > 0 {
		fmt.Fprintln(w, "\nImplement next:")
		for i, r := range res.Recommendations {
			fmt.Fprintf(w, "  %d. ISO %s %s (now %s)\n", i+1, r.Control, r.Title, r.Status)
		}
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
