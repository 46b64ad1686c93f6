package loader

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// LooksJSON reports whether data starts, after a byte-order mark and white space,
// with '{': a JSON object, the only JSON the readers take.
func LooksJSON(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), []byte("{"))
}

// isJSON says whether a file is read as JSON: its content, or its extension.
func isJSON(file string, data []byte) bool {
	return LooksJSON(data) || strings.EqualFold(filepath.Ext(file), ".json")
}

// oscalModel returns the OSCAL model a JSON document declares, or "" when it is no
// OSCAL document (this project's JSON, or no JSON at all).
func oscalModel(name string, data []byte) string {
	model, err := oscal.DocumentModel(name, data)
	if err != nil {
		return ""
	}
	return model
}

// readFramework reads one framework file: an OSCAL catalog, this project's JSON, or
// CSV. uuid is the OSCAL catalog's uuid.
func (l *load) readFramework(name, file string, data []byte) (fws []catalog.Framework, uuid string, err error) {
	if isJSON(file, data) {
		switch oscalModel(name, data) {
		case "catalog":
			return l.importCatalog(name, data)
		case "mapping-collection":
			return nil, "", newProblem(ErrWrongOption, "%s is an OSCAL mapping-collection: give it with --mappings", name)
		}
		fws, err := catalog.ReadJSON(name, data)
		return fws, "", err
	}
	if l.opts.CatalogID == "" {
		return nil, "", newProblem(ErrCatalogID, "%s is CSV: name its framework with --catalog-id ID", name)
	}
	if l.csvs++; l.csvs > 1 {
		return nil, "", newProblem(ErrCatalogID, "%s: only one CSV --catalog per run (--catalog-id names one framework); give the others as JSON", name)
	}
	id := catalog.FrameworkID(l.opts.CatalogID)
	fw, err := catalog.ReadCSV(name, bytes.NewReader(data), catalog.Framework{ID: id, Name: l.opts.CatalogID})
	if err != nil {
		return nil, "", err
	}
	return []catalog.Framework{fw}, "", nil
}

// importCatalog imports an OSCAL catalog, its report kept in Data.Imports.
func (l *load) importCatalog(name string, data []byte) ([]catalog.Framework, string, error) {
	var opts []oscal.Option
	if l.opts.Strict {
		opts = append(opts, oscal.WithStrict())
	}
	if l.opts.CatalogID != "" {
		opts = append(opts, oscal.WithFrameworkID(catalog.FrameworkID(l.opts.CatalogID)))
	}
	fw, rep, err := oscal.ImportCatalog(name, data, opts...)
	if err != nil {
		return nil, "", err
	}
	l.d.Imports = append(l.d.Imports, rep)
	return []catalog.Framework{fw}, rep.UUID, nil
}

// readSets reads one mapping set file: an OSCAL mapping-collection, this project's
// JSON, or CSV.
func (l *load) readSets(name, file string, data []byte) ([]mappings.Set, error) {
	if isJSON(file, data) {
		switch oscalModel(name, data) {
		case "mapping-collection":
			return l.importMappings(name, data)
		case "catalog":
			return nil, newProblem(ErrWrongOption, "%s is an OSCAL catalog: give it with --catalog", name)
		}
		return mappings.ReadJSON(name, data)
	}
	meta, err := CSVSetMeta(name, file, data)
	if err != nil {
		return nil, err
	}
	s, err := mappings.ReadCSV(name, bytes.NewReader(data), meta)
	if err != nil {
		return nil, err
	}
	return []mappings.Set{s}, nil
}

// importMappings imports an OSCAL mapping-collection against the catalog built, its
// report kept in Data.Imports.
func (l *load) importMappings(name string, data []byte) ([]mappings.Set, error) {
	opts, err := OSCALOptions(l.d.Catalog, l.opts.Strict, l.d.CatalogFiles, l.opts.Binds)
	if err != nil {
		return nil, err
	}
	sets, rep, err := oscal.ImportMappings(name, data, opts...)
	if err != nil {
		return nil, err
	}
	l.d.Imports = append(l.d.Imports, rep)
	return sets, nil
}

// OSCALOptions returns the options of an OSCAL mapping-collection import against
// cat: strict when asked, the catalog, the framework files read (to bind resources
// by file name or uuid) and the binds, each "HREF=FRAMEWORK" with FRAMEWORK any ID
// or alias of cat. A bind that is not of that form or names no framework of cat is
// an error wrapping [ErrBind].
func OSCALOptions(cat *catalog.Catalog, strict bool, files []CatalogFile, binds []string) ([]oscal.Option, error) {
	var opts []oscal.Option
	if strict {
		opts = append(opts, oscal.WithStrict())
	}
	opts = append(opts, oscal.WithCatalog(cat))
	for _, f := range files {
		opts = append(opts, oscal.WithCatalogFile(f.File, f.UUID, f.Framework))
	}
	for _, b := range binds {
		i := strings.LastIndexByte(b, '=')
		if i <= 0 || i == len(b)-1 {
			return nil, newProblem(ErrBind, "--bind %q: want HREF=FRAMEWORK, e.g. --bind iso27001-annex-a.json=iso27002:2022", clip(b))
		}
		id, err := cat.ResolveFramework(strings.TrimSpace(b[i+1:]))
		if err != nil {
			return nil, newProblem(ErrBind, "--bind %q: unknown framework %q; accepted: %s", clip(b), clip(b[i+1:]), strings.Join(frameworkIDs(cat), ", "))
		}
		opts = append(opts, oscal.WithResource(strings.TrimSpace(b[:i]), id))
	}
	return opts, nil
}

// clip shortens what a message quotes of a long value.
func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

func frameworkIDs(cat *catalog.Catalog) []string {
	var ids []string
	for in := range cat.Frameworks() {
		ids = append(ids, string(in.ID))
	}
	return ids
}

// CSVSetMeta names the mapping set of a CSV file: its ID and source are the file's
// base name without extension, its frameworks those of the refs of its first row,
// which must be written in full ("acme:1/AC-1", "iso27002:2022/5.15"). The file is
// read in the dialects [mappings.ReadCSV] reads (',', ';' or tab; UTF-8 with or
// without BOM, or UTF-16), column names regardless of case and spacing. name is the
// file's name in messages, file its path. A file without a header, without a row,
// without from and to columns or with a short ref is a [*catalog.DataError] wrapping
// [ErrCSVSet].
func CSVSetMeta(name, file string, data []byte) (mappings.Set, error) {
	// In the dialect mappings.ReadCSV reads (',', ';' or tab; UTF-8 or UTF-16).
	r, _ := csvdialect.Open(bytes.NewReader(data), csvdialect.Config{Header: csvdialect.ColumnsHeader("from", "to", "relationship")})
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return mappings.Set{}, csvSetProblem(name, 0, "", "", "cannot read the CSV header: "+err.Error())
	}
	row, err := r.Read()
	if err == io.EOF {
		return mappings.Set{}, csvSetProblem(name, 0, "", "", "no edges")
	}
	if err != nil {
		return mappings.Set{}, csvSetProblem(name, 0, "", "", err.Error())
	}
	fw := map[string]catalog.FrameworkID{}
	for i, h := range header {
		h = csvdialect.Key(h)
		if (h == "from" || h == "to") && i < len(row) {
			f, _, ok := strings.Cut(strings.TrimSpace(row[i]), "/")
			if !ok {
				line, _ := r.FieldPos(i)
				return mappings.Set{}, csvSetProblem(name, line, h, row[i], "write refs in full (framework/id, e.g. iso27002:2022/5.15) so that the set's frameworks are known")
			}
			fw[h] = catalog.FrameworkID(f)
		}
	}
	if fw["from"] == "" || fw["to"] == "" {
		return mappings.Set{}, csvSetProblem(name, 0, "", "", "the header needs the columns from, to and relationship")
	}
	id := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return mappings.Set{ID: id, From: fw["from"], To: fw["to"], Kind: mappings.Crosswalk, Source: mappings.Source{ID: id, Title: filepath.Base(file)}}, nil
}

// csvSetProblem is the error of [CSVSetMeta] about file name: at line (0 when the
// file as a whole is at fault), in field, with value.
func csvSetProblem(name string, line int, field, value, detail string) *catalog.DataError {
	return &catalog.DataError{File: name, Line: line, Field: field, Value: value, Err: ErrCSVSet, Detail: detail}
}
