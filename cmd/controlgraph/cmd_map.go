package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "map",
		args:    "REF --to FRAMEWORK [--derived] [--max-hops N] [flags]",
		summary: "map a control to another framework: published mappings, then derived paths",
		detail: `Lists the controls of FRAMEWORK that REF maps to, read "REF RELATIONSHIP target",
strongest relationship first: the published mappings (an edge published the other way
is read backwards), or, when REF has none, those of its nearest ancestor (marked "via
parent", e.g. a CSF subcategory mapped at category level). With --derived, also the
targets no source links to REF but a path of published edges through a third framework
does, labelled derived with the path and the relationship composed along it.

REF is any spelling "show" accepts; --in FRAMEWORK restricts where REF is looked up.`,
		examples: []string{
			"map 8.16 --to csf",
			"map 8.16 --to cis --derived",
			"map GV.OC-01 --to iso27002:2022 --format json",
			"map A.12.4.1 --to iso27002:2022",
			"map 8.16 --to cis --derived --format mermaid",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD, formatMermaid, formatDOT},
		minArgs: 1, maxArgs: 1,
		setup: setupMap,
		data:  true,
	})
}

// mapJSON is the output of "map --format json".
type mapJSON struct {
	From     string        `json:"from"`
	Title    string        `json:"title"`
	To       string        `json:"to"`
	Derived  bool          `json:"derived"`
	MaxHops  int           `json:"max_hops,omitempty"`
	Count    int           `json:"count"`
	Mappings []mappingJSON `json:"mappings"`
}

type mappingJSON struct {
	Ref          string    `json:"ref"`
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	Relationship string    `json:"relationship"`
	Kind         string    `json:"kind"` // published, succession, via-parent or derived
	Inverse      bool      `json:"inverse,omitempty"`
	ViaParent    string    `json:"via_parent,omitempty"`
	Through      string    `json:"through,omitempty"` // succession: the framework whose published edge is carried
	Routes       int       `json:"routes,omitempty"`  // derived: distinct paths found
	Cut          bool      `json:"search_cut,omitempty"`
	Sources      []string  `json:"sources"`
	Edges        []hopJSON `json:"edges,omitempty"`
	Path         []hopJSON `json:"path,omitempty"`
	Alternatives int       `json:"alternatives,omitempty"`
}

type hopJSON struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Relationship string `json:"relationship"`
	Inverse      bool   `json:"inverse,omitempty"`
	Set          string `json:"set"`
	Source       string `json:"source"`
	Note         string `json:"note,omitempty"`
}

func hops(hs []crosswalk.Hop) []hopJSON {
	var out []hopJSON
	for _, h := range hs {
		out = append(out, hopJSON{From: h.From.String(), To: h.To.String(), Relationship: h.Relationship.String(),
			Inverse: h.Inverse, Set: h.Set, Source: h.Source, Note: h.Note})
	}
	return out
}

func setupMap(fs *flag.FlagSet) action {
	to := fs.String("to", "", "the target `FRAMEWORK` (an ID or an alias such as csf, cis); required")
	in := fs.String("in", "", "look REF up in `FRAMEWORK` only")
	derived := fs.Bool("derived", false, "add derived mappings: paths through a third framework")
	maxHops := fs.Int("max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path, in published edges (2 to %d)", crosswalk.MaxHops))
	minRoutes := fs.Int("min-routes", 1, "keep only derived mappings that at least `N` distinct paths support")
	return func(x *invocation, args []string) error {
		if *minRoutes < 1 {
			return badInput("invalid value %d for --min-routes; accepted: 1 or more", *minRoutes)
		}
		if *to == "" {
			return badInput("missing --to FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
		}
		if *maxHops < 2 || *maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: 2 to %d", *maxHops, crosswalk.MaxHops)
		}
		if err := checkMaxHops(fs, *derived, *maxHops); err != nil {
			return err
		}
		target, err := x.resolveFramework(*to)
		if err != nil {
			return err
		}
		c, err := x.resolveRefIn(args[0], *in)
		if err != nil {
			return err
		}
		var opts []crosswalk.MapOption
		if *derived {
			opts = append(opts, crosswalk.WithDerived(*maxHops), crosswalk.WithMinRoutes(*minRoutes))
		}
		ms, err := x.crosswalk().Map(c.Ref, target, opts...)
		if err != nil {
			return err
		}
		if x.format == formatMermaid || x.format == formatDOT {
			return x.render(func(w io.Writer, f report.Format) error {
				return report.RenderMap(w, c.Ref, ms, f, report.Options{Catalog: x.cat})
			})
		}
		doc := mapJSON{From: c.Ref.String(), Title: c.Title, To: string(target), Derived: *derived, Count: len(ms), Mappings: []mappingJSON{}}
		if *derived {
			doc.MaxHops = *maxHops
		}
		for _, m := range ms {
			mj := mappingJSON{Ref: m.To.String(), ID: m.To.ID, Title: m.ToTitle, Relationship: m.Relationship.String(), Kind: "published",
				Inverse: m.Inverse, Sources: m.Sources, Edges: hops(m.Edges), Path: hops(m.Path), Alternatives: len(m.Alternatives)}
			switch {
			case m.Derived():
				mj.Kind, mj.Routes, mj.Cut = "derived", m.Routes, m.Cut
			case !m.Ancestor.IsZero():
				mj.Kind, mj.ViaParent = "via-parent", m.Ancestor.String()
			case m.Basis == crosswalk.BasisSuccession:
				mj.Kind, mj.Through = "succession", string(m.Through)
			}
			doc.Mappings = append(doc.Mappings, mj)
		}
		return x.writeMap(doc)
	}
}

// basis says in one cell why a mapping holds: its sources, the parent it is published
// for, or the path it is derived along.
func (m mappingJSON) basis() string {
	switch m.Kind {
	case "derived":
		steps := make([]string, 0, len(m.Path))
		for _, h := range m.Path[:len(m.Path)-1] {
			steps = append(steps, h.To)
		}
		routes := "routes"
		if m.Routes == 1 {
			routes = "route"
		}
		return fmt.Sprintf("derived via %s (%d %s)", strings.Join(steps, " → "), m.Routes, routes)
	case "succession":
		return "via " + m.Through + " (succession): " + strings.Join(m.Sources, ", ")
	case "via-parent":
		return "published for " + m.ViaParent + ": " + strings.Join(m.Sources, ", ")
	}
	return strings.Join(m.Sources, ", ")
}

func (x *invocation) writeMap(doc mapJSON) error {
	switch x.format {
	case formatJSON:
		return x.writeJSON(doc)
	case formatCSV:
		t := newTable(-1, "from", "to", "title", "relationship", "kind", "inverse", "via_parent", "sources", "path")
		for _, m := range doc.Mappings {
			var path []string
			for _, h := range m.Path {
				path = append(path, h.From+" "+h.Relationship+" "+h.To)
			}
			inv := ""
			if m.Inverse {
				inv = "true"
			}
			t.Add(doc.From, m.Ref, m.Title, m.Relationship, m.Kind, inv, m.ViaParent, strings.Join(m.Sources, ";"), strings.Join(path, ";"))
		}
		return x.writeTable(t)
	}
	t := newTable(2, "relationship", "id", "title", "basis")
	for _, m := range doc.Mappings {
		t.Add(m.Relationship, m.ID, m.Title, m.basis())
	}
	if x.format == formatTable {
		fmt.Fprintf(x.out, "%s  %s\n→ %s, read %q\n\n", doc.From, doc.Title, doc.To, "source RELATIONSHIP target")
	}
	if len(doc.Mappings) == 0 {
		if x.format == formatTable {
			hint := ""
			if !doc.Derived {
				hint = " (try --derived)"
			}
			_, err := fmt.Fprintf(x.out, "no mapping to %s%s\n", doc.To, hint)
			return err
		}
	}
	return x.writeTable(t)
}
