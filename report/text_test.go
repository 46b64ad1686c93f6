package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

func render(t *testing.T, fn func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, fn(&b))
	return b.Bytes()
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"table": Table, "JSON": JSON, " csv ": CSV, "md": Markdown,
		"markdown": Markdown, "html": HTML, "htm": HTML, "xlsx": XLSX, "mermaid": Mermaid, "mmd": Mermaid, "dot": DOT, "gv": DOT} {
		f, err := ParseFormat(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, f, in)
	}
	_, err := ParseFormat("pdf")
	assert.ErrorIs(t, err, ErrUnknownFormat)
	assert.ErrorContains(t, err, `"pdf"`)
	assert.Equal(t, ".mmd", Mermaid.Ext())
	assert.Equal(t, ".md", Markdown.Ext())
	assert.True(t, XLSX.Binary())
	assert.False(t, HTML.Binary())
}

func TestDispatchUnsupported(t *testing.T) {
	res := &crosswalk.GapResult{}
	err := RenderGap(&bytes.Buffer{}, res, Mermaid, Options{})
	assert.ErrorIs(t, err, ErrUnsupported)
	err = RenderGap(&bytes.Buffer{}, res, Format("pdf"), Options{})
	assert.ErrorIs(t, err, ErrUnknownFormat)
	err = RenderMap(&bytes.Buffer{}, &MapResult{}, HTML, Options{})
	assert.ErrorIs(t, err, ErrUnsupported)
	err = RenderSoA(&bytes.Buffer{}, nil, JSON, Options{})
	assert.Error(t, err, "a nil SoA is an error, not a panic")
	err = RenderGap(&bytes.Buffer{}, nil, HTML, Options{})
	assert.Error(t, err)
}

func TestGapJSONIsTheContract(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	got := render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, JSON, Options{}) })
	want, err := codec.MarshalIndent(res)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	var back crosswalk.GapResult
	require.NoError(t, codec.DecodeStrict(got, &back))
	assert.Equal(t, res.Summary, back.Summary)
	assert.Len(t, back.Items, len(res.Items))
}

func TestGapCSV(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	got := render(t, func(b *bytes.Buffer) error { return GapCSV(b, res, Options{}) })
	golden(t, "gap-small-csf.csv", got)
	rows, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(res.Items)+1)
	assert.Equal(t, gapCSVHeader, rows[0])
	for i, it := range res.Items {
		assert.Equal(t, it.ID, rows[i+1][0])
		assert.Equal(t, string(it.Status), rows[i+1][2])
	}
	// GV.OC-01 is mapped at category/function level only: its reaches are context.
	assert.Equal(t, []string{"GV.OC-01", "unreached", ""}, []string{rows[1][0], rows[1][2], rows[1][3]})
	assert.Contains(t, rows[1][4], "5.20 Addressing information security within supplier agreements (related at GV.OC, implemented)")
	assert.Equal(t, "NIST CSF 2.0 Reference Tool (CPRT) export, Informative References: ISO/IEC 27001:2022", rows[1][5], "the source by its name")
}

func TestSoACSVKeepsUserText(t *testing.T) {
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	got := render(t, func(b *bytes.Buffer) error { return SoACSV(b, soa) })
	rows, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 94)
	assert.Equal(t, soaCSVHeader, rows[0])
	assert.Equal(t, []string{"5.1", "A.5.1", "Policies for information security"}, rows[1][:3])
	assert.Equal(t, hostileNote, rows[1][10], "CSV carries notes verbatim")
	for _, r := range rows[1:] {
		if r[0] == "7.4" {
			assert.Equal(t, []string{"no", "", hostileNote, "not-applicable"}, r[4:8], "the justification of an exclusion")
		}
	}
}

func TestGapMarkdown(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	got := render(t, func(b *bytes.Buffer) error { return GapMarkdown(b, res, Options{Assessment: "small-company.csv"}) })
	golden(t, "gap-small-csf.md", got)
	s := string(got)
	// The default policy (auto) reads NIST's related references as the referenced
	// rule does: 67 of 105 applicable items covered, as --policy referenced gives.
	assert.Contains(t, s, "| covered | 67 | 63.8 % |")
	assert.Contains(t, s, "| partial | 25 | 23.8 % |")
	assert.Contains(t, s, "| unreached | 9 | 8.6 % |")
	assert.Contains(t, s, "No ISO/IEC 27002:2022 control maps here in any published source.")
	// every item exactly once as a table row
	for _, it := range res.Items {
		assert.Equal(t, 1, strings.Count(s, "\n| "+md(it.ID)+" | "), it.ID)
	}
}

func TestSoAMarkdownEscapes(t *testing.T) {
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	got := string(render(t, func(b *bytes.Buffer) error { return SoAMarkdown(b, soa, Options{}) }))
	assert.NotContains(t, got, "<script>")
	assert.Contains(t, got, `&lt;script&gt;alert(1)&lt;/script&gt; \| pipe<br>second line &amp; "quotes" \`+"`code\\`")
	// each control row has exactly the 10 cells of the header: no '|' of a note leaks
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "| A.") {
			cells := strings.Split(strings.ReplaceAll(line, `\|`, ""), "|")
			assert.Len(t, cells, 12, line)
		}
	}
	golden(t, "soa-small.md", render(t, func(b *bytes.Buffer) error { return SoAMarkdown(b, smallSoA(t), Options{}) }))
}

func TestTables(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	got := render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, Table, Options{Width: 100}) })
	golden(t, "gap-small-csf.txt", got)
	s := string(got)
	assert.Contains(t, s, "Coverage 63.8% (67 of 105 applicable items covered)")
	assert.NotContains(t, s, "\t")
	assertFits(t, s, 100)
	// Nothing is cut: every reach of every item not covered is there in full, one a
	// line (wrapped at spaces when long), and every title.
	titles, reached := tableColumns(t, s, "ID", "TITLE", "REACHED BY")
	n := 0
	for _, it := range res.Items {
		if it.Status == crosswalk.ItemCovered {
			continue
		}
		n++
		assert.Equal(t, strings.Join(strings.Fields(it.Title), " "), titles[it.ID], it.ID)
		for _, v := range it.Via() {
			if v.Ancestor.IsZero() {
				assert.Contains(t, reached[it.ID], titledVia(res, v), it.ID)
			}
		}
	}
	assert.Len(t, titles, n)
	_, moves := tableColumns(t, s, "#", "TITLE", "MOVES")
	for i, r := range res.Recommendations {
		assert.Equal(t, strings.Join(moveLabels(r.Moves), ", "), moves[itoa(i+1)])
	}
	// Without a width, every list entry has a line of its own and nothing wraps.
	wide := string(render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, Table, Options{}) }))
	assert.Regexp(t, `\nDE\.CM-01  gap +Networks and network services are monitored to find potentially adverse events +8\.16 Monitoring activities \(related, not-implemented\)\n`, wide)
	assert.NotContains(t, wide, "…", "nothing is cut")
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	st := string(render(t, func(b *bytes.Buffer) error { return SoATable(b, soa, Options{}) }))
	for _, line := range strings.Split(st, "\n") {
		assert.NotContains(t, line, "\r")
	}
	assert.Contains(t, st, "93 controls: 92 applicable, 1 excluded")
	st = string(render(t, func(b *bytes.Buffer) error { return SoATable(b, soa, Options{Width: 80}) }))
	assertFits(t, st, 80)
	assert.Contains(t, strings.Join(strings.Fields(st), " "), "5.1 (missing-reason): A.5.1 Policies for information security is included without a reason for its inclusion")
	assert.Equal(t, "a b", cell("a\nb", 0))
	assert.Equal(t, "abc…", cell("abcdef", 4))
}

func TestHeatMapCSF(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	hm := buildHeatMap(res, catalog.Default())
	assert.Empty(t, hm.Columns)
	var ids []string
	total := 0
	for _, r := range hm.Rows {
		ids = append(ids, r.ID)
		total += r.Total
		sum := 0
		for _, c := range r.Cells {
			sum += c.Total
			assert.True(t, strings.HasPrefix(c.ID, r.ID+"."), "%s under %s", c.ID, r.ID)
		}
		assert.Equal(t, r.Total, sum, r.ID)
	}
	assert.Equal(t, []string{"GV", "ID", "PR", "DE", "RS", "RC"}, ids)
	assert.Equal(t, res.Summary.Total, total)
	assert.Equal(t, "GV.OC", hm.Rows[0].Cells[0].ID)
	// GV.OC under the default policy (auto: NIST's related references read as the
	// referenced rule): GV.OC-03..05 covered, GV.OC-01/02 unreached; 60 % is band 3.
	assert.Equal(t, counts{Total: 5, Covered: 3, Unreached: 2}, hm.Rows[0].Cells[0].counts)
	assert.Equal(t, 3, hm.Rows[0].Cells[0].Band)
}

func TestHeatMapCIS(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS Controls")
	}
	res := smallGap(t, catalog.CIS8)
	hm := buildHeatMap(res, catalog.Default())
	assert.Equal(t, []string{"IG1", "IG2", "IG3"}, hm.Columns)
	require.Len(t, hm.Rows, 18)
	// the IG columns add up to the result's implementation-group roll-ups
	for j, ig := range hm.Columns {
		var sum counts
		for _, r := range hm.Rows {
			c := r.Cells[j].counts
			sum.Total += c.Total
			sum.Covered += c.Covered
			sum.Partial += c.Partial
			sum.Gap += c.Gap
			sum.Unreached += c.Unreached
			sum.NotApplicable += c.NotApplicable
		}
		for _, g := range res.Groups {
			if g.ID == ig {
				assert.Equal(t, rollupCounts(g), sum, ig)
			}
		}
	}
	// rows equal the per-control roll-ups
	for i, r := range hm.Rows {
		assert.Equal(t, res.Groups[i].ID, r.ID)
		assert.Equal(t, rollupCounts(res.Groups[i]), r.counts)
		assert.Equal(t, r.counts, r.Cells[2].counts, "every safeguard is in IG3")
	}
	// CIS 1: 5 safeguards, 1 covered, 4 unreached (from the result's roll-up)
	assert.Equal(t, counts{Total: 5, Covered: 1, Unreached: 4}, hm.Rows[0].counts)
	assert.Equal(t, 20.0, hm.Rows[0].Percent)
	assert.Equal(t, 1, hm.Rows[0].Cells[2].Band)
}

func TestHeatMapCISIG1(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built with -tags nocis: no CIS Controls")
	}
	res := smallGap(t, catalog.CIS8, crosswalk.WithGroup("ig1"))
	hm := buildHeatMap(res, catalog.Default())
	assert.Equal(t, []string{"IG1"}, hm.Columns)
	total := 0
	for _, r := range hm.Rows {
		require.Len(t, r.Cells, 1)
		total += r.Cells[0].Total
	}
	assert.Equal(t, 56, total, "CIS v8 has 56 IG1 safeguards")
	assert.Equal(t, res.Summary.Total, total)
}

func TestCounts(t *testing.T) {
	c := counts{Total: 3, Covered: 1, NotApplicable: 0}
	assert.Equal(t, 33.3, c.percent())
	assert.Equal(t, 0.0, counts{Total: 2, NotApplicable: 2}.percent())
	assert.Equal(t, -1, band(counts{Total: 2, NotApplicable: 2}, 0))
	assert.Equal(t, 4, band(counts{Total: 1, Covered: 1}, 100))
	assert.Equal(t, 3, band(counts{Total: 5, Covered: 4}, 80-0.1))
}

// The heat map's percentages round as the result's do (crosswalk: each figure half
// up on its own): 1 covered, 1 partial, 1 gap and 3 unreached of 6 is 16.7 % covered
// in the JSON, so 16.7 % on the page too.
func TestHeatMapPercentRoundsAsTheResult(t *testing.T) {
	c := counts{Total: 6, Covered: 1, Partial: 1, Gap: 1, Unreached: 3}
	assert.Equal(t, 16.7, c.percent())
	if !catalog.HasCIS() {
		return
	}
	// Every CIS row of the heat map shows its control's roll-up percentage.
	for _, res := range []*crosswalk.GapResult{smallGap(t, catalog.CIS8), smallGap(t, catalog.CIS8, crosswalk.Referenced)} {
		want := map[string]float64{}
		for _, g := range res.Groups {
			want[g.ID] = g.CoveragePercent
		}
		for _, r := range buildHeatMap(res, catalog.Default()).Rows {
			assert.Equal(t, want[r.ID], r.Percent, r.ID)
		}
	}
}

// assertFits fails for a line of s longer than width characters.
func assertFits(t *testing.T, s string, width int) {
	t.Helper()
	for i, l := range strings.Split(s, "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), width, "line %d: %q", i+1, l)
	}
}

// tableColumns reads back two wrapped columns (a and b, b to the end of the line)
// of the text table whose header row starts with key: per row (keyed by its first
// cell), the column's lines joined by spaces.
func tableColumns(t *testing.T, s, key, a, b string) (colA, colB map[string]string) {
	t.Helper()
	lines := strings.Split(s, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, key+" ") && strings.Contains(l, " "+a+" ") && strings.HasSuffix(l, " "+b) {
			start = i
		}
	}
	require.GreaterOrEqual(t, start, 0, "no header %s … %s … %s", key, a, b)
	h := []rune(lines[start])
	ia, ib := strings.Index(lines[start], " "+a+" ")+1, strings.LastIndex(lines[start], " "+b)+1
	ia, ib = utf8.RuneCountInString(lines[start][:ia]), utf8.RuneCountInString(lines[start][:ib])
	_ = h
	colA, colB = map[string]string{}, map[string]string{}
	row := ""
	for _, l := range lines[start+1:] {
		if l == "" {
			break
		}
		r := []rune(l)
		if f := strings.Fields(string(r[:min(ia, len(r))])); len(f) > 0 && !strings.HasPrefix(l, " ") {
			row = f[0]
		}
		part := func(from, to int) string {
			if from >= len(r) {
				return ""
			}
			return strings.TrimSpace(string(r[from:min(to, len(r))]))
		}
		if p := part(ia, ib); p != "" {
			colA[row] = strings.TrimSpace(colA[row] + " " + p)
		} else if _, ok := colA[row]; !ok {
			colA[row] = ""
		}
		if p := part(ib, len(r)); p != "" {
			colB[row] = strings.TrimSpace(colB[row] + " " + p)
		}
	}
	return colA, colB
}
