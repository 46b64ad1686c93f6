package report

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestGapXLSXEqualsJSON(t *testing.T) {
	for _, target := range []catalog.FrameworkID{catalog.CSF20, catalog.CIS8} {
		if target == catalog.CIS8 && !catalog.HasCIS() {
			continue
		}
		t.Run(string(target), func(t *testing.T) {
			res := smallGap(t, target)
			data := render(t, func(b *bytes.Buffer) error { return RenderGap(b, res, XLSX, Options{}) })
			// compare with the JSON contract, decoded generically
			var js map[string]any
			require.NoError(t, codec.DecodeStrict(render(t, func(b *bytes.Buffer) error { return GapJSON(b, res) }), &js))
			f := openXLSX(t, data)
			assert.Equal(t, []string{SheetSummary, SheetItems, SheetGroups, SheetRecommendations}, f.GetSheetList())

			rows, err := f.GetRows(SheetSummary)
			require.NoError(t, err)
			fields := map[string]string{}
			for _, r := range rows[1:] {
				if len(r) > 1 {
					fields[r[0]] = r[1]
				}
			}
			assert.Equal(t, js["baseline"], fields["baseline"])
			assert.Equal(t, js["target"], fields["target"])
			assert.Equal(t, js["policy"], fields["policy"])
			summary := js["summary"].(map[string]any)
			require.NotEmpty(t, summary)
			for k, v := range summary {
				got, err := strconv.ParseFloat(fields[k], 64)
				require.NoError(t, err, k)
				assert.Equal(t, v, got, k)
			}

			rows, err = f.GetRows(SheetItems)
			require.NoError(t, err)
			items := js["items"].([]any)
			require.Len(t, rows, len(items)+1)
			assert.Equal(t, gapCSVHeader, rows[0])
			for i, it := range items {
				m := it.(map[string]any)
				assert.Equal(t, m["id"], rows[i+1][0])
				assert.Equal(t, m["title"], rows[i+1][1])
				assert.Equal(t, m["status"], rows[i+1][2])
			}
			groups, err := f.GetRows(SheetGroups)
			require.NoError(t, err)
			jgroups := js["groups"].([]any)
			require.Len(t, groups, len(jgroups)+1)
			// every cell of every roll-up equals the JSON field its column names
			for i, g := range jgroups {
				m := g.(map[string]any)
				for c, name := range groups[0] {
					want, ok := m[name]
					require.True(t, ok, "column %q is a JSON field of a roll-up", name)
					got := groups[i+1][c]
					if n, isNum := want.(float64); isNum {
						v, err := strconv.ParseFloat(got, 64)
						require.NoError(t, err, "%s row %d", name, i+1)
						assert.Equal(t, n, v, "%s of %v", name, m["id"])
					} else {
						assert.Equal(t, want, got, "%s of %v", name, m["id"])
					}
				}
			}

			recs, err := f.GetRows(SheetRecommendations)
			require.NoError(t, err)
			moves := 0
			for _, r := range res.Recommendations {
				moves += len(r.Moves)
			}
			assert.Len(t, recs, moves+1)
			if moves > 0 {
				r := res.Recommendations[0]
				assert.Equal(t, []string{"1", r.Control, r.Title, r.Status.String(), strconv.Itoa(r.Gain), r.Moves[0].ID},
					recs[1][:6])
			}

			// frozen header, filter, coloured status cells
			panes, err := f.GetPanes(SheetItems)
			require.NoError(t, err)
			assert.True(t, panes.Freeze)
			assert.Equal(t, 1, panes.YSplit)
			style, err := f.GetCellStyle(SheetItems, "C2")
			require.NoError(t, err)
			st, err := f.GetStyle(style)
			require.NoError(t, err)
			assert.Equal(t, []string{statusFills[rows[1][2]][0]}, st.Fill.Color)
			filters := 0
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm._FilterDatabase" {
					filters++
				}
			}
			assert.Equal(t, 4, filters, "a filter on every sheet")
			w, err := f.GetColWidth(SheetItems, "B")
			require.NoError(t, err)
			assert.Equal(t, 60.0, w)
		})
	}
}

func TestGapXLSXDeterministic(t *testing.T) {
	res := smallGap(t, catalog.CSF20)
	a := render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })
	b := render(t, func(b *bytes.Buffer) error { return GapXLSX(b, res, Options{}) })
	assert.Equal(t, a, b)
	props, err := openXLSX(t, a).GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, xlsxTimestamp, props.Created)
}

func TestSoAXLSX(t *testing.T) {
	soa, err := crosswalk.Default().SoA(hostileAssessment(t))
	require.NoError(t, err)
	data := render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, XLSX, Options{}) })
	f := openXLSX(t, data)
	assert.Equal(t, []string{SheetSoA, SheetSummary, SheetProblems}, f.GetSheetList())
	rows, err := f.GetRows(SheetSoA)
	require.NoError(t, err)
	require.Len(t, rows, 94)
	for i, e := range soa.Controls {
		assert.Equal(t, e.Control, rows[i+1][0])
		assert.Equal(t, e.Status.String(), rows[i+1][7])
		assert.Equal(t, yesNo(e.Applicable), rows[i+1][4])
	}
	assert.Equal(t, hostileNote, rows[1][10], "notes kept verbatim")
	sum, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	assert.Contains(t, sum, []string{"total", "93"})
	assert.Contains(t, sum, []string{"excluded", "1"})
	// every count of the JSON summary, under its JSON name
	var js map[string]any
	require.NoError(t, codec.DecodeStrict(render(t, func(b *bytes.Buffer) error { return RenderSoA(b, soa, JSON, Options{}) }), &js))
	summary := js["summary"].(map[string]any)
	require.NotEmpty(t, summary)
	for k, v := range summary {
		assert.Contains(t, sum, []string{k, strconv.Itoa(int(v.(float64)))}, k)
	}
	panes, err := f.GetPanes(SheetSoA)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
}
