package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// MigrationJSON writes the migrated assessment (m.Assessment) as JSON, ready for
// gap and soa: the JSON contract of a migration is the assessment it makes.
func MigrationJSON(w io.Writer, m *crosswalk.Migration) error {
	if m == nil || m.Assessment == nil {
		return errNil("migration")
	}
	if err := codec.Encode(w, m.Assessment); err != nil {
		return fmt.Errorf("report: migration as JSON: %w", err)
	}
	return nil
}

// MigrationCSV writes the migrated assessment (m.Assessment) as the assessment
// CSV that gap and soa read ([crosswalk.Assessment.WriteCSV]).
func MigrationCSV(w io.Writer, m *crosswalk.Migration) error {
	if m == nil || m.Assessment == nil {
		return errNil("migration")
	}
	return m.Assessment.WriteCSV(w)
}

// MigrationTable writes the migration report as aligned text fitting opts.Width:
// a title naming opts.Assessment and the two editions, the counts, then three
// sections: the controls rated from the old assessment (with where each status
// came from), those to assess afresh and those of the old edition that lead
// nowhere. Titles come from the migration ([crosswalk.Migration.Title]; from
// opts.Catalog for one built by hand).
func MigrationTable(w io.Writer, m *crosswalk.Migration, opts Options) error {
	return writeMigration(w, m, opts, false)
}

// MigrationMarkdown writes the migration report of [MigrationTable] as a Markdown
// document, one table a section.
func MigrationMarkdown(w io.Writer, m *crosswalk.Migration, opts Options) error {
	return writeMigration(w, m, opts, true)
}

// RenderMigration writes a migration in format f: [MigrationTable],
// [MigrationJSON], [MigrationCSV] or [MigrationMarkdown].
func RenderMigration(w io.Writer, m *crosswalk.Migration, f Format, opts Options) error {
	switch f {
	case Table:
		return MigrationTable(w, m, opts)
	case JSON:
		return MigrationJSON(w, m)
	case CSV:
		return MigrationCSV(w, m)
	case Markdown:
		return MigrationMarkdown(w, m, opts)
	}
	return unsupported("migration", f)
}

// migrationDoc writes the sections of a migration report as text or Markdown.
type migrationDoc struct {
	b     strings.Builder
	md    bool
	width int
	m     *crosswalk.Migration
	cat   *catalog.Catalog
}

func writeMigration(w io.Writer, m *crosswalk.Migration, opts Options, md bool) error {
	if m == nil {
		return errNil("migration")
	}
	d := &migrationDoc{md: md, width: opts.Width, m: m, cat: opts.catalog()}
	title := fmt.Sprintf("Migration of %s from %s to %s", cell(opts.Assessment, 0), m.From, m.To)
	if md {
		fmt.Fprintf(&d.b, "# %s\n\n", title)
	} else {
		fmt.Fprintf(&d.b, "%s\n\n", title)
	}
	fmt.Fprintf(&d.b, "%s rated from the old assessment; %s to assess afresh; %s of the old edition lead nowhere.\n",
		nouns(len(m.Steps), "control"), nouns(len(m.New), "control"), nouns(len(m.Dropped), "control"))
	d.heading("Migrated")
	if err := d.table(migratedGrid(m, d.title)); err != nil {
		return err
	}
	if err := d.refSection(fmt.Sprintf("To assess afresh (%d)", len(m.New)), m.New); err != nil {
		return err
	}
	if err := d.refSection(fmt.Sprintf("Leading nowhere (%d)", len(m.Dropped)), m.Dropped); err != nil {
		return err
	}
	_, err := io.WriteString(w, d.b.String())
	return err
}

// migratedGrid is the table of the migrated controls: each with its status and
// where it came from ("5.1 implemented (incorporated_into); 5.2 partial"; the
// weakest status kept when several led there).
func migratedGrid(m *crosswalk.Migration, title func(catalog.Ref) string) *Grid {
	g := cliGrid(1, "id", "title", "status", "from").Wrap(3)
	for _, s := range m.Steps {
		var from []string
		for _, src := range s.From {
			f := src.Control.ID + " " + src.Status.String()
			if src.Label != "" {
				f += " (" + src.Label + ")"
			}
			from = append(from, f)
		}
		f := strings.Join(from, "; ")
		if s.Merged {
			f += "; the weakest status is kept"
		}
		g.Add(s.Control.ID, title(s.Control), s.Status.String(), f)
	}
	return g
}

// heading starts a section: a Markdown heading, or the title in capitals.
func (d *migrationDoc) heading(s string) {
	if d.md {
		fmt.Fprintf(&d.b, "\n## %s\n\n", s)
	} else {
		fmt.Fprintf(&d.b, "\n%s\n", strings.ToUpper(s))
	}
}

// table writes g as Markdown or as text fitting the width.
func (d *migrationDoc) table(g *Grid) error {
	if d.md {
		return g.WriteMarkdown(&d.b)
	}
	return g.WriteText(&d.b, d.width)
}

// refSection writes a section listing controls by ID and title; an empty list
// has its heading only.
func (d *migrationDoc) refSection(heading string, refs []catalog.Ref) error {
	d.heading(heading)
	if len(refs) == 0 {
		return nil
	}
	g := cliGrid(1, "id", "title")
	for _, r := range refs {
		g.Add(r.ID, d.title(r))
	}
	return d.table(g)
}

// title is the title of r as the migration carries it or, for a migration built
// by hand, in the catalog; "" when neither has it.
func (d *migrationDoc) title(r catalog.Ref) string {
	if t := d.m.Title(r); t != "" {
		return t
	}
	if c, ok := d.cat.Control(r); ok {
		return c.Title
	}
	return ""
}
