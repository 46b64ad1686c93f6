// Command migrate2013 carries an assessment keyed by the 114 controls of ISO/IEC
// 27002:2013 to the 93 controls of the 2022 edition along the published
// correspondence (ISO/IEC 27002:2022 Annex B). It prints the 2022 controls that
// several 2013 controls were merged into, with the combined status, and the
// controls new in 2022 that must be assessed afresh; then it writes the 2022-keyed
// assessment as CSV.
//
//	go run ./examples/migrate2013                  # writes legacy-2022.csv in the temporary directory
//	go run ./examples/migrate2013 -assessment old.csv -o new.csv
//
// Without -assessment it reads examples/assessments/legacy-2013.csv, looked up from
// the current directory upwards.
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
	path := flag.String("assessment", "", "2013-keyed assessment: CSV, XLSX or JSON (default: examples/assessments/legacy-2013.csv)")
	// The default is not the current directory: run from a clone, an example leaves
	// nothing behind in the repository.
	out := flag.String("o", filepath.Join(os.TempDir(), "legacy-2022.csv"), "the 2022-keyed assessment to write")
	flag.Parse()
	if err := run(os.Stdout, *path, *out); err != nil {
		fmt.Fprintln(os.Stderr, "migrate2013:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path, out string) error {
	if path == "" {
		var err error
		if path, err = findUp(filepath.Join("examples", "assessments", "legacy-2013.csv")); err != nil {
			return err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// A CSV file cannot say which edition it rates: tell the reader.
	old, err := crosswalk.ReadAssessment(filepath.Base(path), f, nil, crosswalk.WithBaseline(catalog.ISO27002v2013))
	if err != nil {
		return err
	}
	m, err := crosswalk.Default().Migrate(old, catalog.ISO27002v2022)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d controls of %s carried to %d controls of %s\n", old.Name(), old.Len(), m.From, m.Assessment.Len(), m.To)

	fmt.Fprintln(w, "\nMerged (several 2013 controls → one 2022 control; the weakest status wins):")
	for _, st := range m.Steps {
		if !st.Merged {
			continue
		}
		from := make([]string, len(st.From))
		for i, s := range st.From {
			from[i] = s.Control.ID + " " + s.Status.String()
		}
		fmt.Fprintf(w, "  %-5s %-15s ← %s\n", st.Control.ID, st.Status, strings.Join(from, ", "))
	}
	fmt.Fprintf(w, "\nNew in 2022, to assess afresh (%d):\n", len(m.New))
	cat := crosswalk.Default().Catalog()
	for _, r := range m.New {
		c, _ := cat.Control(r)
		fmt.Fprintf(w, "  %-5s %s\n", r.ID, c.Title)
	}
	if len(m.Dropped) > 0 {
		ids := make([]string, len(m.Dropped))
		for i, r := range m.Dropped {
			ids[i] = r.ID
		}
		fmt.Fprintf(w, "\nLeading nowhere in 2022: %s\n", strings.Join(ids, ", "))
	}

	o, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Assessment.WriteCSV(o); err != nil {
		o.Close()
		return err
	}
	if err := o.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwrote %s\n", out)
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
