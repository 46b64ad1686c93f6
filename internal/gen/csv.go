package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	t := &table{file: name, header: header}
	for _, w := range want {
		if !slices.Contains(t.header, w) {
			return nil, fmt.Errorf("%s: no column %q", name, w)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// The record's own line: the reader skips blank lines and joins cells that
		// span lines, so counting records would misplace errors.
		line, _ := cr.FieldPos(0)
		r := row{line: line, cols: map[string]string{}}
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
