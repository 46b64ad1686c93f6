package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/report"
)

func init() {
	register(&command{
		name:    "show",
		args:    "REF [--in FRAMEWORK] [flags]",
		summary: "show one control: title, place in the hierarchy, attributes and mappings",
		detail: `REF is a control ID as people write it: 8.16, A.5.1, ISO27002:5.1,
iso27001:2022/A.5.1, GV.OC-01, gv.oc-1, "CIS 4.1", cis:4.1, A.12.4.1. A bare ID is
looked up in every framework except the CIS Controls, which need their name. An ID
that several frameworks have (5.1 is an ISO/IEC 27002 control and an ISO/IEC 27001
clause) is an error listing the candidates; name the framework in REF or with --in.`,
		examples: []string{
			"show 8.16",
			"show 5.1 --in iso27001",
			"show gv.oc-1 --format json",
			`show "CIS 4.1"`,
		},
		formats: []string{formatTable, formatJSON, formatMD},
		minArgs: 1, maxArgs: 1,
		setup: setupShow,
		data:  true,
	})
}

// relation is a link from the shown control to another one, read "shown R other".
type relation struct {
	Other        catalog.Ref
	Relationship string   // the IR 8477 word
	Source       string   // ID of the source document, for a published edge
	Inverse      bool     // published other → shown, read backwards
	Label        string   // the source's own word for the link, if any
	Derived      bool     // composed from published edges, not published itself
	Via          []string // for a derived relation, the refs on the path between
	Note         string   // what the source printed, when read differently
}

// showOptions are the flags of "show" that relation sources heed.
type showOptions struct {
	derived bool // list derived relations
	maxHops int  // longest derived path
}

// relationSources produce the relations "show" lists, in order. Each data layer the
// CLI is built with adds its own from the init function of its file.
var relationSources []func(x *invocation, c catalog.Control, opt showOptions) ([]relation, error)

func setupShow(fs *flag.FlagSet) action {
	in := fs.String("in", "", "look REF up in `FRAMEWORK` only (an ID or an alias such as iso27001)")
	var opt showOptions
	fs.BoolVar(&opt.derived, "derived", true, "also list derived mappings (paths through a third framework); --derived=false for published ones only")
	fs.IntVar(&opt.maxHops, "max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path, in published edges (2 to %d)", crosswalk.MaxHops))
	return func(x *invocation, args []string) error {
		if opt.maxHops < 2 || opt.maxHops > crosswalk.MaxHops {
			return badInput("invalid value %d for --max-hops; accepted: %s", opt.maxHops, hopChoices())
		}
		if err := checkMaxHops(fs, opt.derived, opt.maxHops); err != nil {
			return err
		}
		c, err := x.resolveRefIn(args[0], *in)
		if err != nil {
			return err
		}
		v, err := x.buildShow(c, opt)
		if err != nil {
			return err
		}
		return x.render(func(w io.Writer, f report.Format) error {
			return report.RenderControlView(w, &v, f, report.Options{Catalog: x.cat, Width: x.width})
		})
	}
}

// showJSON is what "show" renders (package report's JSON contract of one control).
type showJSON = report.ControlView

// statementJSON is what a mapping source states about the control instead of edges.
type statementJSON = report.StatementView

// statementsOf, when set by a data layer, gives the statements about a control.
var statementsOf func(x *invocation, r catalog.Ref) []statementJSON

// nodeJSON is a node of the hierarchy in a showJSON.
type nodeJSON = report.NodeView

func node(c catalog.Control) nodeJSON { return report.NewNodeView(c) }

func (x *invocation) buildShow(c catalog.Control, opt showOptions) (showJSON, error) {
	in, _ := x.cat.Framework(c.Ref.Framework)
	summary, _ := x.cat.Summary(c.Ref) // SP 800-53's statements are read apart
	v := showJSON{
		Ref: c.Ref.String(), Framework: string(c.Ref.Framework), FrameworkName: in.Name,
		ID: c.Ref.ID, Title: c.Title, Kind: string(c.Kind), Summary: summary,
		Ancestors: []nodeJSON{}, Children: []nodeJSON{},
	}
	for a := range x.cat.Ancestors(c.Ref) {
		v.Ancestors = append([]nodeJSON{node(a)}, v.Ancestors...)
	}
	for ch := range x.cat.Children(c.Ref) {
		v.Children = append(v.Children, node(ch))
	}
	// A framework whose Annex A is this one names the control "A.<id>" too.
	for _, a := range x.cat.Aliases(c.Ref) {
		v.AlsoKnownAs = append(v.AlsoKnownAs, a.String())
	}
	if len(c.AttrNames()) > 0 {
		v.Attributes = map[string][]string{}
		for name, vals := range c.Attrs() {
			v.Attributes[name] = vals
		}
	}
	if statementsOf != nil {
		v.Statements = statementsOf(x, c.Ref)
	}
	for _, src := range relationSources {
		rels, err := src(x, c, opt)
		if err != nil {
			return showJSON{}, err
		}
		for _, r := range rels {
			rj := report.RelationView{Framework: string(r.Other.Framework), ID: r.Other.ID, Ref: r.Other.String(), Relationship: r.Relationship, Source: r.Source, Inverse: r.Inverse,
				Label: r.Label, Derived: r.Derived, Via: r.Via, Note: r.Note}
			if o, ok := x.cat.Control(r.Other); ok {
				rj.Title = o.Title
			}
			v.Mappings = append(v.Mappings, rj)
		}
	}
	return v, nil
}
