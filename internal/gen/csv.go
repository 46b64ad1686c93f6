package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// table is a CSV file read whole: its header and rows as maps by column name.
type table struct {
	file   string
	header []string
	rows   []row
}

type row struct {
	line int
	cols map[string]string
}

func (r row) get(col string) string { return r.cols[col] }

func readTable(ref, name string, want ...string) (*table, error) {
	path := filepath.Join(ref, filepath.FromSlash(name))
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	recs[0][0] = strings.TrimPrefix(recs[0][0], "\ufeff")
	t := &table{file: name, header: recs[0]}
	for _, w := range want {
		found := false
		for _, h := range t.header {
			found = found || h == w
		}
		if !found {
			return nil, fmt.Errorf("%s: no column %q", name, w)
		}
	}
	for i, rec := range recs[1:] {
		r := row{line: i + 2, cols: map[string]string{}}
		for j, h := range t.header {
			r.cols[h] = strings.TrimSpace(rec[j])
		}
		t.rows = append(t.rows, r)
	}
	return t, nil
}

// split parses a multi-valued cell ("a;b").
func split(cell string) []string {
	var out []string
	for _, v := range strings.Split(cell, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func flag01(t *table, r row, col string) (bool, error) {
	switch r.get(col) {
	case "1":
		return true, nil
	case "0":
		return false, nil
	}
	return false, fmt.Errorf("%s:%d: column %s: want 0 or 1, got %q", t.file, r.line, col, r.get(col))
}
