package oscal

import (
	"fmt"
	"strings"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
)

// One line per kind of thing left out, in a fixed order: withdrawn nodes per kind
// (in order of first appearance), unknown fields, skipped maps, links, parts,
// back-matter, gap summaries, then the notes.
func TestWarningsEveryKind(t *testing.T) {
	r := &ImportReport{
		Withdrawn: []Skipped{{Kind: "enhancement"}, {Kind: "control"}, {Kind: "enhancement"}},
		Unknown:   []string{"a.x", "a.y"},
		Skipped:   []Skipped{{Path: "m.maps[0]", ID: "a → b", Kind: "map", Reason: "gone"}},
		Links:     4, Parts: 3, BackMatter: 2, Gaps: 9,
		Notes: []string{"a note"},
	}
	assert.Equal(t, []string{
		"2 withdrawn enhancement node(s) kept and marked withdrawn (never gap items)",
		"1 withdrawn control node(s) kept and marked withdrawn (never gap items)",
		"ignored 2 field(s) outside the OSCAL model: a.x, a.y",
		"skipped 1 map(s) citing controls the catalog does not hold or holds as withdrawn: m.maps[0] (a → b): gone",
		"ignored 4 link(s)",
		"ignored 3 part(s) other than statements",
		"ignored 2 back-matter resource(s)",
		"ignored 9 gap-summary entr(ies), recomputed on export",
		"a note",
	}, r.Warnings())
}

// A document of ours carries back-matter and gap summaries by design: they are not
// warnings then. Nothing left out is no warning at all.
func TestWarningsOurs(t *testing.T) {
	r := &ImportReport{Ours: true, BackMatter: 2, Gaps: 9}
	assert.Empty(t, r.Warnings())
	r.Links = 1
	assert.Equal(t, []string{"ignored 1 link(s)"}, r.Warnings())
	assert.Nil(t, (&ImportReport{}).Warnings())
}

// Long lists are cut in the warning and complete in the details.
func TestWarningsCutDetailsComplete(t *testing.T) {
	r := &ImportReport{}
	for i := range 8 {
		r.Unknown = append(r.Unknown, fmt.Sprintf("f%d", i))
		r.Skipped = append(r.Skipped, Skipped{Path: fmt.Sprintf("p%d", i), Kind: "map", Reason: "r"})
	}
	w := r.Warnings()
	assert.Equal(t, []string{
		"ignored 8 field(s) outside the OSCAL model: f0, f1, f2, f3, f4, and 3 more",
		"skipped 8 map(s) citing controls the catalog does not hold or holds as withdrawn: p0: r; p1: r; p2: r; p3: r; p4: r; and 3 more",
	}, w)
	d := r.Details()
	assert.Len(t, d, 16)
	assert.Equal(t, "field outside the OSCAL model ignored: f7", d[7])
	assert.Equal(t, "map skipped: p7: r", d[15])
}

// A skipped entry's line names its path, its ID when it has one (clipped), and why.
func TestSkippedLine(t *testing.T) {
	assert.Equal(t, "p: why", Skipped{Path: "p", Reason: "why"}.line())
	assert.Equal(t, "p (a → b): why", Skipped{Path: "p", ID: "a → b", Reason: "why"}.line())
	long := Skipped{Path: "p", ID: strings.Repeat("x", 500), Reason: "why"}.line()
	assert.Less(t, len(long), 200, "a long ID is clipped")
	assert.True(t, strings.HasSuffix(long, ": why"))
}

// The summary line of each model, with and without what was left out.
func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		r    ImportReport
		want string
	}{
		{ImportReport{File: "c.json", Model: "catalog", Framework: "x:1", Imported: []catalog.KindCount{{Kind: "group", Count: 2}, {Kind: "control", Count: 5}}},
			"c.json: OSCAL catalog, framework x:1 with 7 node(s)"},
		{ImportReport{Model: "catalog", Framework: "x:1", Imported: []catalog.KindCount{{Kind: "control", Count: 5}}, Withdrawn: []Skipped{{Kind: "control"}}, Unknown: []string{"u"}},
			"OSCAL catalog, framework x:1 with 5 node(s) (1 withdrawn), 1 field(s) outside the OSCAL model ignored; 2 warning(s)"},
		{ImportReport{File: "m.json", Model: "mapping-collection", Sets: 2, Edges: 10},
			"m.json: OSCAL mapping-collection, 2 mapping set(s) with 10 edge(s)"},
		{ImportReport{File: "m.json", Model: "mapping-collection", Sets: 1, Edges: 3, Skipped: []Skipped{{}, {}}, Notes: []string{"n"}},
			"m.json: OSCAL mapping-collection, 1 mapping set(s) with 3 edge(s), 2 map(s) skipped; 2 warning(s)"},
	} {
		assert.Equal(t, tc.want, tc.r.Summary())
	}
}

// Counting per kind: "" counts all.
func TestCounts(t *testing.T) {
	r := &ImportReport{
		Withdrawn: []Skipped{{Kind: "control"}, {Kind: "enhancement"}, {Kind: "enhancement"}},
		Skipped:   []Skipped{{Kind: "map"}},
	}
	assert.Equal(t, 3, r.WithdrawnCount(""))
	assert.Equal(t, 2, r.WithdrawnCount("enhancement"))
	assert.Equal(t, 0, r.WithdrawnCount("group"))
	assert.Equal(t, 1, r.SkippedCount(""))
	assert.Equal(t, 1, r.SkippedCount("map"))
	assert.Equal(t, 0, r.SkippedCount("control"))

	r.count("control")
	r.count("group")
	r.count("control")
	assert.Equal(t, []catalog.KindCount{{Kind: "control", Count: 2}, {Kind: "group", Count: 1}}, r.Imported)
}

// The report of NIST's SP 800-53 rev. 5 catalog, checked against the file: every
// group and control imported, withdrawn ones listed, the summary in one line.
func TestReportOfNIST80053(t *testing.T) {
	data := readReference(t, "NIST_SP-800-53_rev5_catalog-5.0.1.json")
	doc := plain(t, string(data)).(map[string]any)["catalog"].(map[string]any)
	var nodes, withdrawn, params int
	var walk func(list []any, under bool)
	walk = func(list []any, under bool) {
		for _, v := range list {
			m := v.(map[string]any)
			nodes++
			gone := under
			props, _ := m["props"].([]any)
			for _, p := range props {
				pm := p.(map[string]any)
				if pm["name"] == "status" && pm["value"] == "withdrawn" {
					gone = true
				}
			}
			if gone {
				withdrawn++
			}
			ps, _ := m["params"].([]any)
			params += len(ps)
			gs, _ := m["groups"].([]any)
			cs, _ := m["controls"].([]any)
			walk(gs, gone)
			walk(cs, gone)
		}
	}
	gs, _ := doc["groups"].([]any)
	walk(gs, false)
	top, _ := doc["params"].([]any)
	params += len(top)
	is := assert.New(t)
	f, rep, err := ImportCatalog("800-53.json", data)
	is.NoError(err)
	is.Len(f.Controls, nodes)
	is.Equal(withdrawn, rep.WithdrawnCount(""))
	is.Equal(params, rep.Params)
	is.Equal(fmt.Sprintf("800-53.json: OSCAL catalog, framework %s with %d node(s) (%d withdrawn); %d warning(s)",
		f.ID, nodes, withdrawn, len(rep.Warnings())), rep.Summary())
	for _, w := range rep.Warnings() {
		is.NotContains(w, "\n", "one line per warning")
		is.Less(len(w), 400, "no giant line")
	}
}
