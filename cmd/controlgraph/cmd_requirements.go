package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func init() {
	register(&command{
		name:    "requirements",
		args:    "--target FRAMEWORK [--ig IG] [--scope REF] [flags]",
		summary: "which baseline controls a target scope needs, through which edges",
		detail: `The reverse of gap: for the items of the target (limited with --ig and --scope),
the baseline controls (ISO/IEC 27002:2022 unless --baseline) that reach them, each with
the items it serves and how: the relationship read "control R item", the source, and
whether the edge is published at an ancestor of the item ("via" a CSF category; shown
for context, it does not count for coverage) or is a derived path (--derived).
Controls come in document order.`,
		examples: []string{
			"requirements --target cis:8 --ig IG1",
			"requirements --target nist-csf:2.0 --scope PR --format csv",
			"requirements --target cis --ig IG1 --derived --format json",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		data:    true,
		setup:   setupRequirements,
	})
}

// requirementsJSON is the output of "requirements --format json".
type requirementsJSON struct {
	Baseline string            `json:"baseline"`
	Target   string            `json:"target"`
	Controls []requirementJSON `json:"controls"`
}

type requirementJSON struct {
	Control string         `json:"control"`
	Title   string         `json:"title"`
	Items   []itemLinkJSON `json:"items"`
}

type itemLinkJSON struct {
	Item         string   `json:"item"`
	Relationship string   `json:"relationship"`
	ViaParent    string   `json:"via_parent,omitempty"`
	Derived      bool     `json:"derived,omitempty"`
	Path         []string `json:"path,omitempty"`
	Sources      []string `json:"sources,omitempty"`
}

func setupRequirements(fs *flag.FlagSet) action {
	var tf targetFlags
	tf.declare(fs, false)
	return func(x *invocation, _ []string) error {
		r, err := tf.resolve(x)
		if err != nil {
			return err
		}
		opts := r.opts
		if r.baseline != "" {
			opts = append(opts, crosswalk.WithBaseline(r.baseline))
		}
		reqs, err := x.crosswalk().Requirements(r.target, opts...)
		if err != nil {
			return badInput("%v", err)
		}
		baseline := r.baseline
		if baseline == "" {
			baseline = catalog.ISO27002v2022
		}
		doc := requirementsJSON{Baseline: string(baseline), Target: string(r.target), Controls: []requirementJSON{}}
		items := map[string]bool{}
		for _, q := range reqs {
			rj := requirementJSON{Control: q.Control.ID, Title: q.Title, Items: []itemLinkJSON{}}
			for _, l := range q.Links {
				lj := itemLinkJSON{Item: l.To.ID, Relationship: l.Relationship.String(), Derived: l.Derived(), Sources: l.Sources, ViaParent: l.Ancestor.ID}
				for _, p := range l.Controls() {
					lj.Path = append(lj.Path, p.String())
				}
				rj.Items = append(rj.Items, lj)
				items[lj.Item] = true
			}
			doc.Controls = append(doc.Controls, rj)
		}
		switch x.format {
		case formatJSON:
			return x.writeJSON(doc)
		case formatCSV:
			t := newTable(-1, "control", "title", "item", "relationship", "via_parent", "derived", "path", "sources")
			for _, q := range doc.Controls {
				for _, l := range q.Items {
					der := ""
					if l.Derived {
						der = "yes"
					}
					t.Add(q.Control, q.Title, l.Item, l.Relationship, l.ViaParent, der, strings.Join(l.Path, " → "), strings.Join(l.Sources, ";"))
				}
			}
			return t.WriteCSV(x.out)
		}
		heading := fmt.Sprintf("%s controls that %s needs: %d, serving %d items", doc.Baseline, doc.Target, len(doc.Controls), len(items))
		if x.format == formatMD {
			heading = "## " + heading + "\n"
		}
		fmt.Fprintln(x.out, heading)
		if len(doc.Controls) == 0 {
			return nil
		}
		t := newTable(1, "control", "title", "items", "reached").Wrap(3)
		for _, q := range doc.Controls {
			var links []string
			for _, l := range q.Items {
				s := l.Item + " (" + l.Relationship
				switch {
				case l.ViaParent != "":
					s += ", via " + l.ViaParent
				case l.Derived:
					s += ", derived"
				}
				links = append(links, s+")")
			}
			t.Add(q.Control, q.Title, strconv.Itoa(len(q.Items)), strings.Join(links, "; "))
		}
		return x.writeTable(t)
	}
}
