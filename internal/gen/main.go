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
	"maps"
	"os"
	"path/filepath"
	"slices"
)

func main() {
	ref := flag.String("ref", "../shared/reference", "directory of the reference data")
	out := flag.String("out", ".", "root of the module to write into")
	flag.Parse()
	files, err := generate(*ref)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Println("wrote", name)
	}
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
