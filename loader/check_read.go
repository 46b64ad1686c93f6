package loader

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/csvdialect"
	"github.com/controlgraph/controlgraph/internal/limits"
	"github.com/controlgraph/controlgraph/mappings"
	"github.com/controlgraph/controlgraph/oscal"
)

// Check reads the file r under name as what it is (opts.Kind, or guessed) and
// checks it: a framework as the catalog checks one, beside opts.Catalog's
// frameworks; mapping sets against opts.Catalog with the frameworks of the same
// document; an assessment of opts.Baseline against opts.Catalog; an OSCAL catalog
// or mapping-collection as the import reads it. It lists every problem it finds in
// the result, errors and warnings, with what the file holds; the file is valid when
// [Checked.Valid].
//
// r is read as a stream: its first 64 KiB tell what it is, CSV and XLSX files are
// read through the limits of their readers (an oversized file is refused having
// read no more than the limit), and JSON is read whole up to the project's file
// size limit. A name ending in ".csv" is read as CSV, whatever it starts with; name
// also gives a mapping CSV's set ID (the base name without extension).
//
// The error is for what is no problem of the file: an unknown opts.Kind
// ([ErrKind]), an option the kind read needs ([ErrMissingOption]; an unknown
// framework, [catalog.ErrUnknownFramework]; a bad bind, [ErrBind]), an OSCAL model
// Check does not read ([ErrUnsupported]), or a stream that cannot be read
// ([ErrRead]). Its message names the options as the controlgraph command line
// spells them.
func Check(name string, r io.Reader, opts CheckOptions) (*Checked, error) {
	if _, err := ParseKind(string(opts.Kind)); err != nil {
		return nil, err
	}
	if opts.Catalog == nil {
		opts.Catalog = catalog.Default()
	}
	f, err := openFile(name, r)
	if err != nil {
		return nil, err
	}
	c := &checker{file: f, opts: opts, c: &Checked{Name: name, Kind: opts.Kind}}
	if c.c.Kind == "" {
		c.c.Kind = f.guess()
	}
	switch c.c.Kind {
	case KindDocument:
		err = c.document()
	case KindFramework:
		err = c.framework()
	case KindMappingSet:
		err = c.mappings()
	case KindAssessment:
		err = c.assessment()
	case KindOSCAL:
		err = c.oscal()
	}
	if err != nil {
		return nil, err
	}
	return c.c, nil
}

// Guess says what a file holds from its name and content, as [Check] guesses: an
// XLSX workbook is an assessment; JSON (unless the name ends in ".csv") is told
// apart by its top-level members ([SniffJSON]); anything else by its first rows
// ([SniffCSV]): a mapping set or a framework when its header row names their
// columns, else an assessment (so an empty file, an .xls workbook or a PDF gets the
// assessment reader's message).
func Guess(name string, data []byte) Kind {
	if data == nil {
		data = []byte{} // read already: never from a stream
	}
	return (&file{name: name, data: data}).guess()
}

// headSize is how much of a file [Check] looks at to guess what it is.
const headSize = 64 << 10

// file is one file [Check] reads: streamed from src, its head looked at first, read
// whole only when a reader needs it whole (JSON).
type file struct {
	name    string
	src     *bufio.Reader // the file, from its start; nil when made from data
	head    []byte        // the first bytes of src
	data    []byte        // the whole file, once all read it
	readErr error         // why all could not
}

func openFile(name string, r io.Reader) (*file, error) {
	f := &file{name: name, src: bufio.NewReaderSize(r, headSize)}
	head, err := f.src.Peek(headSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, readErr(name, err)
	}
	f.head = head
	return f, nil
}

// all returns the whole file, read once, refusing one past [limits.File].
func (f *file) all() ([]byte, error) {
	if f.data == nil && f.readErr == nil {
		data, err := limits.ReadAll(f.src)
		if err != nil {
			f.readErr = readErr(f.name, err)
		} else {
			f.data = data
		}
	}
	return f.data, f.readErr
}

// start returns the first bytes of the file.
func (f *file) start() []byte {
	if f.head == nil {
		return f.data[:min(len(f.data), headSize)]
	}
	return f.head
}

// reader returns the file to read as a stream.
func (f *file) reader() io.Reader {
	if f.data != nil {
		return bytes.NewReader(f.data)
	}
	return f.src
}

// isJSON reports whether the file is read as JSON: it looks like JSON, and its name
// does not end in .csv.
func (f *file) isJSON() bool {
	return !strings.EqualFold(filepath.Ext(f.name), ".csv") && LooksJSON(f.start())
}

// guess says what the file looks like (see [Guess]). JSON that cannot be read is
// a document: its reading fails again, and says why.
func (f *file) guess() Kind {
	if IsXLSX(f.start()) {
		return KindAssessment // only assessments come as workbooks
	}
	if !f.isJSON() {
		return SniffCSV(f.start())
	}
	data, err := f.all()
	if err != nil {
		return KindDocument
	}
	return SniffJSON(data)
}

// dialect says how the CSV file is read by a reader knowing the columns given:
// its encoding and separator.
func (f *file) dialect(columns ...string) crosswalk.Input {
	_, d := csvdialect.Open(bytes.NewReader(f.start()), csvdialect.Config{Header: csvdialect.ColumnsHeader(columns...)})
	return crosswalk.Input{Format: "csv", Encoding: d.Encoding, Delimiter: d.Delimiter}
}

// checker is one run of [Check].
type checker struct {
	*file
	opts CheckOptions
	c    *Checked
}

// document checks an export document: its frameworks, then its mapping sets
// against the catalog with those frameworks.
func (c *checker) document() error {
	data, err := c.all()
	if err != nil {
		return err
	}
	fws, err := catalog.ReadJSON(c.name, data)
	if err != nil {
		c.c.addErr(err)
		return nil
	}
	cat, err := catalogWith(c.opts.Catalog, fws)
	if err != nil {
		c.c.addErr(err)
		return nil
	}
	sets, ps := mappings.CheckJSON(c.name, data, cat)
	c.c.addMapping(ps)
	c.c.Read, c.c.Frameworks, c.c.Sets = true, fws, sets
	return nil
}

// framework checks a framework, JSON or CSV (streamed; its ID from
// opts.Framework), alone and as part of the catalog.
func (c *checker) framework() error {
	var fws []catalog.Framework
	if c.isJSON() {
		data, err := c.all()
		if err != nil {
			return err
		}
		if fws, err = catalog.ReadJSON(c.name, data); err != nil {
			c.c.addErr(err)
			return nil
		}
	} else {
		id := c.opts.Framework
		if id == "" {
			return newProblem(ErrMissingOption, "a framework CSV needs --framework ID (the ID of the framework it holds, such as acme:1)")
		}
		f, err := catalog.ReadCSV(c.name, c.reader(), catalog.Framework{ID: id, Name: string(id)})
		if err != nil {
			c.c.addErr(err)
			return nil
		}
		fws = []catalog.Framework{f}
		c.c.Input = c.dialect("id", "title", "kind", "parent", "summary")
	}
	if _, err := catalogWith(c.opts.Catalog, fws); err != nil {
		c.c.addErr(err)
		return nil
	}
	c.c.Read, c.c.Frameworks = true, fws
	return nil
}

// mappings checks mapping sets, JSON or CSV (streamed; its frameworks from
// opts.From and opts.To, its ID and source from the file's name), against the
// catalog.
func (c *checker) mappings() error {
	if c.isJSON() {
		data, err := c.all()
		if err != nil {
			return err
		}
		sets, ps := mappings.CheckJSON(c.name, data, c.opts.Catalog)
		c.c.addMapping(ps)
		c.c.Read, c.c.Sets = true, sets
		return nil
	}
	if c.opts.From == "" || c.opts.To == "" {
		return newProblem(ErrMissingOption, "a mapping CSV needs --from FRAMEWORK and --to FRAMEWORK (the frameworks of its from and to columns)")
	}
	from, err := ResolveFramework(c.opts.Catalog, c.opts.From)
	if err != nil {
		return err
	}
	to, err := ResolveFramework(c.opts.Catalog, c.opts.To)
	if err != nil {
		return err
	}
	id := strings.TrimSuffix(filepath.Base(c.name), filepath.Ext(c.name))
	meta := mappings.Set{ID: id, From: from, To: to, Kind: mappings.Crosswalk, Source: mappings.Source{ID: id}}
	s, ps := mappings.CheckCSV(c.name, c.reader(), meta, c.opts.Catalog)
	c.c.addMapping(ps)
	c.c.Read, c.c.Sets = true, []mappings.Set{s}
	c.c.Input = c.dialect("from", "to", "relationship", "strength", "rationale", "source", "label", "note")
	return nil
}

// assessment reads an assessment (streamed, through the assessment reader's own
// limit); its warnings are listed, the one counting the controls not assessed
// with their IDs.
func (c *checker) assessment() error {
	var opts []crosswalk.ReadOption
	if c.opts.Baseline != "" {
		fw, err := ResolveFramework(c.opts.Catalog, c.opts.Baseline)
		if err != nil {
			return err
		}
		opts = append(opts, crosswalk.WithBaseline(fw))
	}
	if c.opts.Sheet != "" {
		opts = append(opts, crosswalk.WithSheet(c.opts.Sheet))
	}
	if c.opts.Strict {
		opts = append(opts, crosswalk.WithStrict())
	}
	a, err := crosswalk.ReadAssessment(c.name, c.reader(), c.opts.Catalog, opts...)
	if err != nil {
		c.c.addErr(err)
		return nil
	}
	c.c.Read, c.c.Assessment, c.c.Input = true, a, a.Input()
	for _, w := range a.Warnings() {
		var err error = w
		if errors.Is(w, crosswalk.ErrIncomplete) {
			missing := a.NotAssessed()
			ids := make([]string, len(missing))
			for i, r := range missing {
				ids[i] = a.ControlID(r) // "A.5.2" beside clause "5.2" in an ISO/IEC 27001 assessment
			}
			err = fmt.Errorf("%w: %s", w, strings.Join(ids, ", "))
		}
		c.c.Problems = append(c.c.Problems, Problem{Err: err, Warning: true})
	}
	return nil
}

// oscal checks an OSCAL catalog (as a framework of the catalog) or
// mapping-collection (its sets against the catalog), with what the import says as
// warnings.
func (c *checker) oscal() error {
	data, err := c.all()
	if err != nil {
		return err
	}
	model, err := oscal.DocumentModel(c.name, data)
	if err != nil {
		c.c.addErr(err)
		return nil
	}
	var r *oscal.ImportReport
	switch model {
	case "catalog":
		r, err = c.oscalCatalog(data)
	case "mapping-collection":
		var opts []oscal.Option
		if opts, err = OSCALOptions(c.opts.Catalog, c.opts.Strict, c.opts.CatalogFiles, c.opts.Binds); err != nil {
			return err
		}
		r, err = c.oscalMappings(data, opts)
	default:
		return newProblem(ErrUnsupported, "%s is an OSCAL %s; validate reads OSCAL catalogs and mapping-collections", c.name, model)
	}
	if err != nil {
		c.c.addErr(err)
		return nil
	}
	c.c.Read, c.c.OSCAL = true, r
	c.c.addNotes(r.Notes)
	// Every field outside the OSCAL model and every skipped map, one each.
	c.c.addNotes(r.Details())
	return nil
}

// oscalCatalog imports an OSCAL catalog and builds it into the catalog.
func (c *checker) oscalCatalog(data []byte) (*oscal.ImportReport, error) {
	var opts []oscal.Option
	if c.opts.Strict {
		opts = append(opts, oscal.WithStrict())
	}
	f, r, err := oscal.ImportCatalog(c.name, data, opts...)
	if err != nil {
		return nil, err
	}
	if _, err := catalogWith(c.opts.Catalog, []catalog.Framework{f}); err != nil {
		return nil, err
	}
	c.c.Frameworks = []catalog.Framework{f}
	return r, nil
}

// oscalMappings imports an OSCAL mapping-collection and lists the problems of its
// sets against the catalog.
func (c *checker) oscalMappings(data []byte, opts []oscal.Option) (*oscal.ImportReport, error) {
	sets, r, err := oscal.ImportMappings(c.name, data, opts...)
	if err != nil {
		return nil, err
	}
	for _, s := range sets {
		ps := mappings.Validate(mappings.Resolve(s, c.opts.Catalog), c.opts.Catalog)
		for _, p := range ps {
			p.File = c.name
		}
		c.c.addMapping(ps)
	}
	c.c.Sets = sets
	return r, nil
}
