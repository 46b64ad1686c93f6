package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// dataOptions are the flags that bring the user's own frameworks and mapping sets:
// --catalog FILE, --catalog-id ID and --mappings FILE; and how they are read:
// --bind HREF=FRAMEWORK, --strict and --verbose.
type dataOptions struct {
	catalogs  fileList
	catalogID string
	mappings  fileList
	binds     fileList
	strict    bool
	verbose   bool
	// read are the --catalog files read, for binding the resources of OSCAL
	// mapping-collections to them by file name or uuid.
	read []oscal.Option
}

// fileList collects the values of a repeatable file flag (no comma splitting: a
// file name may hold a comma).
type fileList []string

func (l *fileList) String() string { return strings.Join(*l, " ") }

func (l *fileList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("empty file name")
	}
	*l = append(*l, s)
	return nil
}

func (d *dataOptions) declare(fs *flag.FlagSet) {
	fs.Var(&d.catalogs, "catalog", "add the frameworks of `FILE` to the embedded ones: our JSON (a framework or an export document), an OSCAL catalog, or CSV with --catalog-id (repeatable)")
	fs.StringVar(&d.catalogID, "catalog-id", "", "the framework `ID` of a CSV --catalog (it is also its name); with an OSCAL catalog, the ID to give it")
	fs.Var(&d.mappings, "mappings", "add the mapping sets of `FILE`: our JSON (a set or an export document), an OSCAL mapping-collection, or CSV with refs written framework/id (repeatable)")
	fs.Var(&d.binds, "bind", "bind a source-resource or target-resource of an OSCAL mapping-collection to a framework: `HREF=FRAMEWORK`, HREF as written in the file (or its file name), FRAMEWORK any ID or alias, embedded ones included (repeatable)")
	fs.BoolVar(&d.strict, "strict", false, "refuse what an OSCAL import would otherwise warn about and skip: fields outside the OSCAL model, maps citing controls the catalog does not hold or holds as withdrawn; and what an assessment's reader would: unknown columns, skipped rows, controls without a status or with a text that is not their title")
	fs.BoolVar(&d.verbose, "verbose", false, "print everything an OSCAL import left out, every entry (by default one summary line per file)")
}

// oscalOptions returns the options of an OSCAL import: --strict, and for a
// mapping-collection the catalog, the --catalog files read and the --bind values
// resolved in it.
func (x *invocation) oscalOptions(mappingsToo bool) ([]oscal.Option, error) {
	d := x.data
	if d == nil {
		d = &dataOptions{}
	}
	var opts []oscal.Option
	if d.strict {
		opts = append(opts, oscal.WithStrict())
	}
	if !mappingsToo {
		return opts, nil
	}
	opts = append(opts, oscal.WithCatalog(x.cat))
	opts = append(opts, d.read...)
	for _, b := range d.binds {
		i := strings.LastIndexByte(b, '=')
		if i <= 0 || i == len(b)-1 {
			return nil, badInput("--bind %q: want HREF=FRAMEWORK, e.g. --bind iso27001-annex-a.json=iso27002:2022", clipFlag(b))
		}
		id, err := x.cat.ResolveFramework(strings.TrimSpace(b[i+1:]))
		if err != nil {
			return nil, badInput("--bind %q: unknown framework %q; accepted: %s", clipFlag(b), clipFlag(b[i+1:]), strings.Join(x.frameworkIDs(), ", "))
		}
		opts = append(opts, oscal.WithResource(strings.TrimSpace(b[:i]), id))
	}
	return opts, nil
}

func clipFlag(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

func (d *dataOptions) given() bool { return len(d.catalogs) > 0 || len(d.mappings) > 0 }

// crosswalk returns the crosswalk the command works on: the embedded one, or the one
// loadData built over the user's data.
func (x *invocation) crosswalk() *crosswalk.Crosswalk {
	if x.cw == nil {
		x.cw = crosswalk.Default()
	}
	return x.cw
}

// allSets returns the mapping sets of the crosswalk: the embedded ones, then the
// user's, each resolved against the catalog.
func (x *invocation) allSets() []mappings.Set {
	if x.sets == nil {
		x.sets = mappings.Embedded()
	}
	return x.sets
}

// findSet returns the set with the given ID, or an input error naming the IDs.
func (x *invocation) findSet(id string) (mappings.Set, error) {
	var ids []string
	for _, s := range x.allSets() {
		if s.ID == id {
			return s, nil
		}
		ids = append(ids, s.ID)
	}
	return mappings.Set{}, badInput("unknown mapping set %q; accepted: %s", id, strings.Join(ids, ", "))
}

// problemsError is bad user data: exit status 2 with every problem, on the one line
// of standard error the CLI's contract promises ("N problems: p1; p2; ...").
//
// The line stays readable: at most maxProblems problems are listed, then how many
// more there are ('controlgraph validate' lists them all).
func problemsError(what string, problems []string) error {
	if len(problems) == 1 {
		return badInput("%s: %s", what, problems[0])
	}
	list := problems
	more := ""
	if len(list) > maxProblems {
		list = list[:maxProblems]
		more = fmt.Sprintf("; and %d more (see 'controlgraph validate FILE')", len(problems)-maxProblems)
	}
	return badInput("%s: %d problems: %s%s", what, len(problems), strings.Join(list, "; "), more)
}

// maxProblems bounds the problems one error line lists.
const maxProblems = 20

// errorLines splits an error joined with errors.Join into one line per problem.
func errorLines(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{strings.ReplaceAll(err.Error(), "\n", "; ")}
}

// loadData reads the user's frameworks and mapping sets and builds the catalog and
// the crosswalk the command works on. Warnings (known quirks, what an OSCAL import
// left out) go to standard error; errors stop the command with every problem.
func (x *invocation) loadData(d *dataOptions) error {
	fws := catalog.Embedded()
	var problems []string
	csvCatalogs := 0
	for _, file := range d.catalogs {
		name, data, err := x.readInput(file)
		if err != nil {
			problems = append(problems, fmt.Sprintf("cannot read %s: %v", name, err))
			continue
		}
		fw, uuid, err := x.readFramework(name, file, data, d.catalogID, &csvCatalogs)
		if err != nil {
			problems = append(problems, errorLines(err)...)
			continue
		}
		if len(fw) == 1 {
			d.read = append(d.read, oscal.WithCatalogFile(file, uuid, fw[0].ID))
		}
		for _, f := range fw {
			if x.cat.Has(f.ID) {
				problems = append(problems, fmt.Sprintf("%s: framework %s is embedded already; --catalog adds frameworks: give yours an ID of its own", name, f.ID))
			}
		}
		fws = append(fws, fw...)
	}
	if len(problems) > 0 {
		return problemsError("cannot read --catalog", problems)
	}
	cat, err := catalog.New(fws...)
	if err != nil {
		return problemsError("the frameworks of --catalog do not fit the catalog", errorLines(err))
	}
	var user []mappings.Set
	for _, file := range d.mappings {
		name, data, err := x.readInput(file)
		if err != nil {
			problems = append(problems, fmt.Sprintf("cannot read %s: %v", name, err))
			continue
		}
		sets, err := x.readSets(name, file, data, cat)
		if err != nil {
			problems = append(problems, errorLines(err)...)
			continue
		}
		user = append(user, sets...)
	}
	if len(problems) > 0 {
		return problemsError("cannot read --mappings", problems)
	}
	taken := map[string]string{}
	for _, s := range mappings.Embedded() {
		taken[s.ID] = "embedded already"
	}
	for _, s := range user {
		if why, dup := taken[s.ID]; dup {
			problems = append(problems, fmt.Sprintf("mapping set %q is %s; --mappings adds sets: give yours an ID of its own", s.ID, why))
		}
		taken[s.ID] = "given twice"
	}
	if len(problems) > 0 {
		return problemsError("cannot use --mappings", problems)
	}
	for i, s := range user {
		s = mappings.Resolve(s, cat)
		user[i] = s
		for _, p := range mappings.Validate(s, cat) {
			if p.Severity == mappings.Warning {
				fmt.Fprintf(x.stderr, "controlgraph %s: %s\n", x.cmd.name, p.Error())
				continue
			}
			problems = append(problems, p.Error())
		}
	}
	if len(problems) > 0 {
		return problemsError("the mapping sets of --mappings are not valid", problems)
	}
	sets := append(mappings.Embedded(), user...)
	cw, err := crosswalk.New(cat, sets...)
	if err != nil {
		return problemsError("cannot build the crosswalk", errorLines(err))
	}
	x.cat, x.cw, x.sets, x.userData = cat, cw, sets, true
	return nil
}

// readFramework reads one --catalog file: an OSCAL catalog, our JSON, or CSV. uuid
// is the OSCAL catalog's uuid.
func (x *invocation) readFramework(name, file string, data []byte, id string, csvCount *int) (fws []catalog.Framework, uuid string, err error) {
	if looksJSON(data) || strings.EqualFold(filepath.Ext(file), ".json") {
		if model, err := oscal.DocumentModel(name, data); err == nil {
			switch model {
			case "catalog":
				opts, err := x.oscalOptions(false)
				if err != nil {
					return nil, "", err
				}
				if id != "" {
					opts = append(opts, oscal.WithFrameworkID(catalog.FrameworkID(id)))
				}
				fw, rep, err := oscal.ImportCatalog(name, data, opts...)
				if err != nil {
					return nil, "", err
				}
				x.warnImport(rep)
				return []catalog.Framework{fw}, rep.UUID, nil
			case "mapping-collection":
				return nil, "", fmt.Errorf("%s is an OSCAL mapping-collection: give it with --mappings", name)
			}
		}
		fws, err := catalog.ReadJSON(name, data)
		return fws, "", err
	}
	if id == "" {
		return nil, "", fmt.Errorf("%s is CSV: name its framework with --catalog-id ID", name)
	}
	if *csvCount++; *csvCount > 1 {
		return nil, "", fmt.Errorf("%s: only one CSV --catalog per run (--catalog-id names one framework); give the others as JSON", name)
	}
	fw, err := catalog.ReadCSV(name, bytes.NewReader(data), catalog.Framework{ID: catalog.FrameworkID(id), Name: id})
	if err != nil {
		return nil, "", err
	}
	return []catalog.Framework{fw}, "", nil
}

// readSets reads one --mappings file: an OSCAL mapping-collection, our JSON, or CSV.
func (x *invocation) readSets(name, file string, data []byte, cat *catalog.Catalog) ([]mappings.Set, error) {
	if looksJSON(data) || strings.EqualFold(filepath.Ext(file), ".json") {
		if model, err := oscal.DocumentModel(name, data); err == nil {
			switch model {
			case "mapping-collection":
				opts, err := x.withCatalog(cat).oscalOptions(true)
				if err != nil {
					return nil, err
				}
				sets, rep, err := oscal.ImportMappings(name, data, opts...)
				if err != nil {
					return nil, err
				}
				x.warnImport(rep)
				return sets, nil
			case "catalog":
				return nil, fmt.Errorf("%s is an OSCAL catalog: give it with --catalog", name)
			}
		}
		return mappings.ReadJSON(name, data)
	}
	meta, err := csvSetMeta(name, file, data)
	if err != nil {
		return nil, err
	}
	s, err := mappings.ReadCSV(name, bytes.NewReader(data), meta)
	if err != nil {
		return nil, err
	}
	return []mappings.Set{s}, nil
}

// csvSetMeta names a CSV mapping set: its ID and source are the file's base name,
// its frameworks those of the refs of its first row, which must be written in full
// ("acme:1/AC-1", "iso27002:2022/5.15").
func csvSetMeta(name, file string, data []byte) (mappings.Set, error) {
	// In the dialect mappings.ReadCSV reads (',', ';' or tab; UTF-8 or UTF-16).
	r, _ := csvdialect.Open(bytes.NewReader(data), csvdialect.Config{Header: csvdialect.ColumnsHeader("from", "to", "relationship")})
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return mappings.Set{}, fmt.Errorf("%s: cannot read the CSV header: %v", name, err)
	}
	row, err := r.Read()
	if err == io.EOF {
		return mappings.Set{}, fmt.Errorf("%s: no edges", name)
	}
	if err != nil {
		return mappings.Set{}, fmt.Errorf("%s: %v", name, err)
	}
	fw := map[string]catalog.FrameworkID{}
	for i, h := range header {
		h = csvdialect.Key(h)
		if (h == "from" || h == "to") && i < len(row) {
			f, _, ok := strings.Cut(strings.TrimSpace(row[i]), "/")
			if !ok {
				return mappings.Set{}, fmt.Errorf("%s:2: %s %q: write refs in full (framework/id, e.g. iso27002:2022/5.15) so that the set's frameworks are known", name, h, row[i])
			}
			fw[h] = catalog.FrameworkID(f)
		}
	}
	if fw["from"] == "" || fw["to"] == "" {
		return mappings.Set{}, fmt.Errorf("%s: the header needs the columns from, to and relationship", name)
	}
	id := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return mappings.Set{ID: id, From: fw["from"], To: fw["to"], Kind: mappings.Crosswalk, Source: mappings.Source{ID: id, Title: filepath.Base(file)}}, nil
}

// withCatalog returns a copy of x working on cat (the catalog being built).
func (x *invocation) withCatalog(cat *catalog.Catalog) *invocation {
	y := *x
	y.cat = cat
	return &y
}

// warnImport says what an OSCAL import left out or changed: one summary line, or
// with --verbose every warning and every entry of its lists.
func (x *invocation) warnImport(rep *oscal.ImportReport) {
	if rep == nil {
		return
	}
	w := rep.Warnings()
	if len(w) == 0 && len(rep.Details()) == 0 {
		return
	}
	if x.data == nil || !x.data.verbose {
		fmt.Fprintf(x.stderr, "controlgraph %s: note: %s (--verbose for details)\n", x.cmd.name, rep.Summary())
		return
	}
	for _, l := range append(w, rep.Details()...) {
		fmt.Fprintf(x.stderr, "controlgraph %s: warning: %s: %s\n", x.cmd.name, rep.File, l)
	}
}
