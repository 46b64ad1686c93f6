package report

import (
	"strings"
	"sync"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/mappings"
)

// This file makes a report readable without the tool: control titles next to bare
// IDs, source documents by their names, and item lists that say which framework
// their IDs belong to.

// titledVia is viaLabel with the reaching control's title after its ID:
// "8.16 Monitoring activities (subset-of, not-implemented)".
func titledVia(res *crosswalk.GapResult, v crosswalk.Link) string {
	label := viaLabel(res, v)
	id := res.ControlID(v.From)
	if v.FromTitle == "" || !strings.HasPrefix(label, id+" ") {
		return label
	}
	return id + " " + v.FromTitle + label[len(id):]
}

// splitViaTitled returns the titled labels of the links that count for the item
// and of those published at an ancestor (context only).
func splitViaTitled(res *crosswalk.GapResult, vs []crosswalk.Link) (counting, context []string) {
	for _, v := range vs {
		if !v.Ancestor.IsZero() {
			context = append(context, titledVia(res, v))
		} else {
			counting = append(counting, titledVia(res, v))
		}
	}
	return counting, context
}

// embeddedSources maps the ID of each source document of the embedded mapping sets
// to the source, read once.
var embeddedSources = sync.OnceValue(func() map[string]mappings.Source {
	m := map[string]mappings.Source{}
	for _, s := range mappings.Embedded() {
		if s.Source.ID != "" {
			m[s.Source.ID] = s.Source
		}
	}
	return m
})

// source returns the source document with the given ID: from opts.Crosswalk's sets
// when given, else from the embedded sets; ok is false when neither has it.
func (o Options) source(id string) (mappings.Source, bool) {
	if o.Crosswalk != nil {
		for s := range o.Crosswalk.Sets() {
			if s.Source.ID == id {
				return s.Source, true
			}
		}
	}
	s, ok := embeddedSources()[id]
	return s, ok
}

// sourceName returns the title of a source document, or its ID when no set names it
// or it has no title.
func (o Options) sourceName(id string) string {
	if s, ok := o.source(id); ok && s.Title != "" {
		return s.Title
	}
	return id
}

// sourceNames maps IDs to names, keeping the order.
func (o Options) sourceNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = o.sourceName(id)
	}
	return out
}

// sourceRef is a source document cited by a report.
type sourceRef struct {
	ID, Title, Publisher string
}

// citedSources lists the source documents behind the reaches of a gap result's
// items, without repeats, in the order first met.
func citedSources(res *crosswalk.GapResult, o Options) []sourceRef {
	var out []sourceRef
	seen := map[string]bool{}
	for _, it := range res.Items {
		for _, id := range sources(it.Via()) {
			if seen[id] {
				continue
			}
			seen[id] = true
			r := sourceRef{ID: id, Title: id}
			if s, ok := o.source(id); ok {
				if s.Title != "" {
					r.Title = s.Title
				}
				r.Publisher = s.Publisher
			}
			out = append(out, r)
		}
	}
	return out
}

// movesHeader names the framework of a recommendation's moved items: "Items of NIST
// Cybersecurity Framework 2.0 (nist-csf:2.0) it moves".
func movesOf(cat *catalog.Catalog, target catalog.FrameworkID) string {
	return frameworkName(cat, target) + " (" + string(target) + ")"
}

// outsideLabels names the controls outside the baseline that map to an item
// ("iso27001:2022/6.1.1" → "iso27001:2022/6.1.1 Actions to address risks and
// opportunities — general"), the title from cat when it has the control.
func outsideLabels(cat *catalog.Catalog, refs []string) []string {
	out := make([]string, len(refs))
	for i, s := range refs {
		out[i] = s
		fw, id, ok := strings.Cut(s, "/")
		if !ok {
			continue
		}
		if t := controlTitle(cat, catalog.FrameworkID(fw), id); t != "" {
			out[i] = s + " " + t
		}
	}
	return out
}
