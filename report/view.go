package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// This file holds the view model: the few numbers and labels the renderers show
// that are not fields of a result, computed here once, in Go, and tested.

// counts are the coverage counts of a set of target items.
type counts struct {
	Total, Covered, Partial, Gap, Unreached, NotApplicable int
}

func (c *counts) add(s crosswalk.Coverage) {
	c.Total++
	switch s {
	case crosswalk.ItemCovered:
		c.Covered++
	case crosswalk.ItemPartial:
		c.Partial++
	case crosswalk.ItemGap:
		c.Gap++
	case crosswalk.ItemUnreached:
		c.Unreached++
	case crosswalk.ItemNotApplicable:
		c.NotApplicable++
	}
}

// Applicable is the number of items that are not not-applicable.
func (c counts) Applicable() int { return c.Total - c.NotApplicable }

// percent is the covered share of the applicable items in percent, rounded to a
// tenth as the result's roll-ups are ([crosswalk.CoveredPercent]); 0 when none is
// applicable.
func (c counts) percent() float64 {
	if c.Applicable() == 0 {
		return 0
	}
	// Applicable items in none of the four counts (only in hand-made counts) are
	// not covered: count them with the unreached.
	rest := c.Applicable() - c.Covered - c.Partial - c.Gap - c.Unreached
	return crosswalk.CoveredPercent(c.Covered, c.Partial, c.Gap, c.Unreached+max(rest, 0))
}

func rollupCounts(r crosswalk.Rollup) counts {
	return counts{Total: r.Total, Covered: r.Covered, Partial: r.Partial, Gap: r.Gap,
		Unreached: r.Unreached, NotApplicable: r.NotApplicable}
}

// heatCell is one cell of the heat map: the items under a node (a CSF category) or
// in one implementation group of a CIS control.
type heatCell struct {
	ID, Title string // the node, or the implementation group
	counts
	Percent float64 // covered share of the applicable items
	Band    int     // colour band 0..4 by Percent (20 points each); -1 when nothing is applicable
}

// heatRow is one row of the heat map: a CSF function, a CIS control.
type heatRow struct {
	ID, Title string
	counts
	Percent float64
	Cells   []heatCell
}

// heatMap is the framework hierarchy with coverage counts, for the HTML page.
type heatMap struct {
	// Columns names the columns of a matrix (the implementation groups of the CIS
	// Controls); empty when every row lists its own children (CSF functions ×
	// categories).
	Columns []string
	Rows    []heatRow
}

func band(c counts, pct float64) int {
	if c.Applicable() == 0 {
		return -1
	}
	return min(4, int(pct/20))
}

func newCell(id, title string, c counts, pct float64) heatCell {
	return heatCell{ID: id, Title: title, counts: c, Percent: pct, Band: band(c, pct)}
}

// buildHeatMap arranges the result's roll-ups into rows and cells: when the target's
// items carry CIS implementation groups, one row per root (CIS control) and one
// column per group, counted from the items (a safeguard of IG1 is in IG2 and IG3
// too; a result limited to some groups has only their columns); otherwise one row per root roll-up (CSF function) with a cell per child
// roll-up (category), or the row itself as its only cell when it has none.
func buildHeatMap(res *crosswalk.GapResult, cat *catalog.Catalog) heatMap {
	if hm, ok := igMatrix(res, cat); ok {
		return hm
	}
	var hm heatMap
	index := map[string]int{} // row ID → index in hm.Rows
	for _, g := range res.Groups {
		if g.Kind == "implementation-group" || g.Kind == "baseline-profile" {
			continue
		}
		c, ok := cat.Control(catalog.NewRef(res.Target, g.ID))
		parent := ""
		if ok {
			parent = c.Parent.ID
		}
		if i, ok := index[parent]; ok && parent != "" {
			hm.Rows[i].Cells = append(hm.Rows[i].Cells, newCell(g.ID, g.Title, rollupCounts(g), g.CoveragePercent))
			continue
		}
		// A root, or a roll-up whose parent has none of its own: a row.
		index[g.ID] = len(hm.Rows)
		hm.Rows = append(hm.Rows, heatRow{ID: g.ID, Title: g.Title, counts: rollupCounts(g), Percent: g.CoveragePercent})
	}
	for i := range hm.Rows {
		r := &hm.Rows[i]
		if len(r.Cells) == 0 {
			r.Cells = []heatCell{newCell(r.ID, r.Title, r.counts, r.Percent)}
		}
	}
	return hm
}

// igMatrix builds the CIS heat map: roots × implementation groups.
func igMatrix(res *crosswalk.GapResult, cat *catalog.Catalog) (heatMap, bool) {
	type rowAcc struct {
		id, title string
		all       counts
		cells     map[string]*counts
	}
	var rows []*rowAcc
	byID := map[string]*rowAcc{}
	igs := map[string]bool{}
	for _, it := range res.Items {
		ref := catalog.NewRef(res.Target, it.ID)
		c, ok := cat.Control(ref)
		if !ok {
			return heatMap{}, false
		}
		groups := c.Attr(catalog.AttrImplementation)
		if len(groups) == 0 {
			return heatMap{}, false
		}
		root := c
		for a := range cat.Ancestors(ref) {
			root = a
		}
		ra := byID[root.Ref.ID]
		if ra == nil {
			ra = &rowAcc{id: root.Ref.ID, title: root.Title, cells: map[string]*counts{}}
			byID[root.Ref.ID] = ra
			rows = append(rows, ra)
		}
		ra.all.add(it.Status)
		for _, g := range groups {
			g = strings.ToUpper(g)
			igs[g] = true
			if ra.cells[g] == nil {
				ra.cells[g] = &counts{}
			}
			ra.cells[g].add(it.Status)
		}
	}
	if len(rows) == 0 {
		return heatMap{}, false
	}
	var hm heatMap
	for g := range igs {
		// A result limited to some groups shows only those.
		if len(res.IGs) == 0 || slices.ContainsFunc(res.IGs, func(ig string) bool { return strings.EqualFold(ig, g) }) {
			hm.Columns = append(hm.Columns, g)
		}
	}
	slices.SortFunc(hm.Columns, catalog.CompareIDs)
	for _, ra := range rows {
		row := heatRow{ID: ra.id, Title: ra.title, counts: ra.all, Percent: ra.all.percent()}
		for _, g := range hm.Columns {
			c := counts{}
			if p := ra.cells[g]; p != nil {
				c = *p
			}
			row.Cells = append(row.Cells, newCell(g, g, c, c.percent()))
		}
		hm.Rows = append(hm.Rows, row)
	}
	return hm, true
}

// frameworkName returns the name of a framework ("NIST CSF 2.0"), or its ID when the
// catalog does not hold it.
func frameworkName(cat *catalog.Catalog, id catalog.FrameworkID) string {
	if in, ok := cat.Framework(id); ok && in.Name != "" {
		return in.Name
	}
	return string(id)
}

// controlTitle returns the title of control id of framework fw, or "".
func controlTitle(cat *catalog.Catalog, fw catalog.FrameworkID, id string) string {
	if c, ok := cat.Control(catalog.NewRef(fw, id)); ok {
		return c.Title
	}
	return ""
}

// viaLabel describes one reach of an item on one line:
// "8.16 (subset-of, implemented)", "5.1 (related at GV, implemented)",
// "5.1 (derived related via cis:8/1.1, implemented)".
func viaLabel(res *crosswalk.GapResult, v crosswalk.Link) string {
	rel := v.Relationship.String()
	switch {
	case !v.Ancestor.IsZero():
		rel += " at " + v.Ancestor.ID
	case v.Derived():
		var inner []string
		for _, c := range v.Controls() {
			inner = append(inner, c.String())
		}
		if len(inner) > 2 {
			inner = inner[1 : len(inner)-1]
		}
		rel = "derived " + rel
		if len(inner) > 0 {
			rel += " via " + strings.Join(inner, ", ")
		}
		switch {
		case v.Routes == 1:
			rel += ", 1 route"
		case v.Routes > 1:
			rel += fmt.Sprintf(", %d routes", v.Routes)
		}
	case v.Basis == crosswalk.BasisSuccession:
		rel += " via " + string(v.Through) + " (succession)"
	}
	return fmt.Sprintf("%s (%s, %s)", res.ControlID(v.From), rel, v.Status)
}

// sources returns the source documents behind an item's reaches, without repeats,
// in the order met.
func sources(vs []crosswalk.Link) []string {
	var out []string
	for _, v := range vs {
		for _, s := range v.Sources {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// moveLabel describes a recommendation's move: "DE.CM-01 gap → partial".
func moveLabel(m crosswalk.Move) string {
	return fmt.Sprintf("%s %s → %s", m.ID, m.From, m.To)
}

func moveLabels(ms []crosswalk.Move) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = moveLabel(m)
	}
	return out
}

// relatedLabel lists the related items of a SoA entry: "nist-csf:2.0: GV, GV.OV; cis:8: 15.2".
func relatedLabel(rs []crosswalk.SoARelated) string {
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		if len(r.Items) == 0 {
			continue
		}
		parts = append(parts, string(r.Framework)+": "+strings.Join(r.Items, ", "))
	}
	return strings.Join(parts, "; ")
}

// pct formats a percentage as the JSON has it, with one decimal: "87.6", "0.0".
func pct(f float64) string { return fmt.Sprintf("%.1f", f) }

// na is what every report shows for a share of nothing (no item applicable: every
// item is not applicable, or no item is within the limits), where the JSON has null;
// naWhy is the reason it adds where there is room.
const (
	na    = "n/a"
	naWhy = "nothing applicable"
)

// share formats a percentage as pct does, followed by unit ("63.8%", "63.8 %"), or
// na when it measures nothing (measurable false).
func share(measurable bool, v float64, unit string) string {
	if !measurable {
		return na
	}
	return pct(v) + unit
}

// notAssessedLine says, next to a gap report's headline, how much of the baseline
// the assessment does not rate: "92 of 93 baseline controls not assessed (counted as
// not implemented)"; "" when it rates every control.
func notAssessedLine(res *crosswalk.GapResult) string {
	return notAssessedText(len(res.NotAssessed), res.BaselineControls)
}

// notAssessedText is [notAssessedLine] for n controls not assessed of the baseline's
// of (0 when unknown).
func notAssessedText(n, of int) string {
	switch {
	case n == 0:
		return ""
	case of >= n:
		return fmt.Sprintf("%d of %d baseline controls not assessed (counted as not implemented)", n, of)
	case n == 1:
		return "1 baseline control not assessed (counted as not implemented)"
	}
	return fmt.Sprintf("%d baseline controls not assessed (counted as not implemented)", n)
}

// notCoveredHeading is the heading of the list of items that are not covered, which
// lists the not-applicable items too: "Items not covered (38 of 105 applicable), and
// 1 not applicable".
func notCoveredHeading(s crosswalk.Summary) string {
	h := fmt.Sprintf("Items not covered (%d of %d applicable)", s.Applicable-s.Covered, s.Applicable)
	if s.NotApplicable > 0 {
		h += fmt.Sprintf(", and %d not applicable", s.NotApplicable)
	}
	return h
}

// itemsCount says what a list of every item holds: "106: 105 applicable, 1 not
// applicable", or "106" when every item is applicable.
func itemsCount(s crosswalk.Summary) string {
	if s.NotApplicable == 0 {
		return itoa(s.Total)
	}
	return fmt.Sprintf("%d: %d applicable, %d not applicable", s.Total, s.Applicable, s.NotApplicable)
}

// NotMeasurable says why a summary with no applicable item measures nothing, as
// every report says it next to its "n/a": "nothing applicable: all 3 items are not
// applicable", "nothing applicable: no item is within the limits" (an empty scope).
// It is "" for a summary that measures something ([crosswalk.Summary.Measurable]).
func NotMeasurable(s crosswalk.Summary) string {
	if s.Measurable() {
		return ""
	}
	return naWhy + ": " + naReason(s)
}

// naReason says why a summary measures nothing, after naWhy: "no item is within the
// limits", "the 1 item is not applicable", "all 3 items are not applicable".
func naReason(s crosswalk.Summary) string {
	switch s.Total {
	case 0:
		return "no item is within the limits"
	case 1:
		return "the 1 item is not applicable"
	}
	return fmt.Sprintf("all %d items are not applicable", s.Total)
}

// policyNote explains a policy in one sentence (without its name).
func policyNote(p crosswalk.Policy) string {
	switch p {
	case crosswalk.Auto:
		return "each edge is read by what it is: set-theory edges (equal, subset-of, superset-of, intersects-with) under the strict rule, uncharacterised related edges (informative references) under the referenced rule, and an item reached by both is covered when either rule covers it; derived paths never make an item covered (the CSV and JSON forms name, per item, the rule that decided it)"
	case crosswalk.Strict:
		return "an item is covered when an implemented control is equal to it or a superset of it; every other reach (subset-of, intersects-with, and the uncharacterised related links of informative references such as NIST's and ENISA's) gives at most partial coverage"
	case crosswalk.Referenced:
		return "an item is covered when every control that maps to it is implemented, partial when some are"
	}
	return string(p)
}

// policyCell is the policy a row of an item's table says: the policy, and under auto
// the rule that decided the item ("auto: referenced").
func policyCell(res *crosswalk.GapResult, it crosswalk.GapItem) string {
	if res.Policy == crosswalk.Auto && it.Rule != "" {
		return string(res.Policy) + ": " + string(it.Rule)
	}
	if it.Rule == crosswalk.RuleDerived {
		return string(res.Policy) + ": " + string(it.Rule)
	}
	return string(res.Policy)
}

// scopeLabel describes the limits of a gap result ("IG1", "scope PR"), or "".
func scopeLabel(res *crosswalk.GapResult) string {
	var parts []string
	if len(res.IGs) > 0 {
		parts = append(parts, "implementation groups "+strings.Join(res.IGs, ", "))
	}
	if len(res.Profiles) > 0 {
		parts = append(parts, "SP 800-53B baselines "+strings.Join(res.Profiles, ", "))
	}
	if len(res.Scope) > 0 {
		parts = append(parts, "scope "+strings.Join(res.Scope, ", "))
	}
	return strings.Join(parts, "; ")
}

// gapTitle is the default title of a gap report.
func gapTitle(res *crosswalk.GapResult, cat *catalog.Catalog, o Options) string {
	if o.Title != "" {
		return o.Title
	}
	return "Gap analysis: " + frameworkName(cat, res.Baseline) + " against " + frameworkName(cat, res.Target)
}

// soaTitle is the default title of a SoA.
func soaTitle(o Options) string {
	if o.Title != "" {
		return o.Title
	}
	return "Statement of Applicability"
}

// unmeasured is the line next to the headline of a result no published mapping
// joins to its baseline: its percentage measures no published mapping, and its
// unreached items are no gaps of the baseline. "" for any other result.
func unmeasured(cat *catalog.Catalog, res *crosswalk.GapResult) string {
	if !res.NoPublishedMapping {
		return ""
	}
	return "Not measurable with published mappings: no published mapping joins " + frameworkName(cat, res.Baseline) +
		" and " + frameworkName(cat, res.Target) + ", so the coverage above measures nothing published (see the note)."
}

// unreachedReason is the explanation an unreached item gets.
func unreachedReason(cat *catalog.Catalog, res *crosswalk.GapResult) string {
	if res.NoPublishedMapping {
		return "No published mapping joins " + frameworkName(cat, res.Baseline) + " and " + frameworkName(cat, res.Target) +
			": these items cannot be measured with published mappings, and are not gaps of the baseline (see the note)."
	}
	out := "No " + frameworkName(cat, res.Baseline) + " control maps here in any published source."
	outside, parent := 0, 0
	var host string
	for _, it := range res.Items {
		if it.Status != crosswalk.ItemUnreached {
			continue
		}
		if len(it.Outside) > 0 {
			outside++
			if host == "" {
				host, _, _ = strings.Cut(it.Outside[0], "/")
			}
		}
		for _, v := range it.Via() {
			if !v.Ancestor.IsZero() {
				parent++
				break
			}
		}
	}
	if outside > 0 {
		out += fmt.Sprintf(" %d of them are mapped by their source to %s controls outside this baseline (management-system clauses); an assessment with %s as its baseline rates those too.",
			outside, frameworkName(cat, catalog.FrameworkID(host)), host)
	}
	if parent > 0 {
		out += fmt.Sprintf(" %d of them are mapped only at a higher level (a category, a base control), which is shown for context and does not count.", parent)
	}
	return out
}

// outsideShort names controls outside the baseline by ID under their framework,
// in the order given: "iso27001:2022 6.1.1, 6.1.2" (frameworks joined by "; ").
func outsideShort(refs []string) string {
	var fws []string
	ids := map[string][]string{}
	for _, r := range refs {
		fw, id, ok := strings.Cut(r, "/")
		if !ok {
			fw, id = "", r
		}
		if _, seen := ids[fw]; !seen {
			fws = append(fws, fw)
		}
		ids[fw] = append(ids[fw], id)
	}
	parts := make([]string, 0, len(fws))
	for _, fw := range fws {
		p := strings.Join(ids[fw], ", ")
		if fw != "" {
			p = fw + " " + p
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// outsideVia is what an item's list of reaches adds for the controls outside the
// baseline its source maps it to: they are not assessed and do not count.
func outsideVia(it crosswalk.GapItem) string {
	if len(it.Outside) == 0 {
		return ""
	}
	return "not assessed, outside the baseline: " + outsideShort(it.Outside)
}

// coveredOutside lists the covered items of res whose source also maps them to
// controls outside the baseline, with those controls: "GV.RM-01 (6.1.1, 6.1.2)"
// under host, the one framework they all belong to ("iso27001:2022"), or
// "GV.RM-01 (iso27001:2022 6.1.1, 6.1.2)" with host "" when they belong to several.
func coveredOutside(res *crosswalk.GapResult) (list []string, host string) {
	var items []crosswalk.GapItem
	hosts := map[string]bool{}
	for _, it := range res.Items {
		if it.Status == crosswalk.ItemCovered && len(it.Outside) > 0 {
			items = append(items, it)
			for _, r := range it.Outside {
				fw, _, _ := strings.Cut(r, "/")
				hosts[fw] = true
				host = fw
			}
		}
	}
	if len(hosts) != 1 {
		host = ""
	}
	for _, it := range items {
		refs := it.Outside
		if host != "" {
			refs = make([]string, len(it.Outside))
			for i, r := range it.Outside {
				refs[i] = strings.TrimPrefix(r, host+"/")
			}
		}
		list = append(list, it.ID+" ("+outsideShort(refs)+")")
	}
	return list, host
}
