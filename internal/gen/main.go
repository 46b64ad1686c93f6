// Command gen converts the reference data (../shared/reference: CSV files whose
// provenance its README gives) into the project's embedded data files:
//
//	go run ./internal/gen -ref ../shared/reference
//
// It writes catalog/data/*.json (frameworks; the CIS ones under catalog/data/cis) and
// mappings/data/*.json (mapping sets; the CIS ones under mappings/data/cis). The
// output is deterministic; a test regenerates it and compares it with the committed
// files, so a hand edit of the data fails the build.
package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run generates the data from the reference directory -ref into the module root
// -out, saying on w which files it wrote.
func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	ref := fs.String("ref", "../shared/reference", "directory of the reference data")
	out := fs.String("out", ".", "root of the module to write into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files, err := generate(*ref)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Fprintln(w, "wrote", name)
	}
	return nil
}

// generate returns every generated file, keyed by its slash-separated path relative to
// the module root.
func generate(ref string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if err := genFrameworks(ref, files); err != nil {
		return nil, err
	}
	if err := genMappings(ref, files); err != nil {
		return nil, err
	}
	return files, nil
}
