package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// randomNumbers returns n numbers of every magnitude a cell shows without an
// exponent, and some with few digits: the sums and shares a workbook holds.
func randomNumbers(n int) []float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]float64, 0, n)
	for len(out) < n {
		x := rng.Float64() * math.Pow(10, float64(rng.IntN(20)-5))
		switch rng.IntN(4) {
		case 0:
			x = math.Round(x*100) / 100
		case 1:
			x = -x
		case 2:
			x = float64(rng.IntN(10)) / 10 * float64(rng.IntN(10)) / 10 // 0.1×0.3 and the like
		}
		out = append(out, x)
	}
	return out
}

// differential writes xs with excelize into column A, in the style made by
// newStyle (none when nil), and returns what excelize and this reader show for
// each.
func differential(t *testing.T, xs []float64, newStyle func(*excelize.File) int) (want, got []string) {
	t.Helper()
	data := excelizeBook(t, func(f *excelize.File) {
		s := 0
		if newStyle != nil {
			s = newStyle(f)
		}
		for i, x := range xs {
			cell := fmt.Sprintf("A%d", i+1)
			require.NoError(t, f.SetCellFloat("Sheet1", cell, x, -1, 64))
			if s != 0 {
				require.NoError(t, f.SetCellStyle("Sheet1", cell, cell, s))
			}
		}
	})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Sheet1")
	require.NoError(t, err)
	for _, r := range rows {
		want = append(want, r[0])
	}
	for _, r := range readAll(t, data, "Sheet1") {
		got = append(got, r.Cells[0])
	}
	return want, got
}

// TestGeneralAgreesWithExcelize compares the General format with excelize's for
// numbers whose exponent is from -4 to 14 (beyond, excelize keeps Go's exponent
// form, 1e+20, where Excel writes 1E+20).
func TestGeneralAgreesWithExcelize(t *testing.T) {
	var xs []float64
	for _, x := range randomNumbers(3000) {
		if a := math.Abs(x); a == 0 || a >= 1e-4 && a < 1e15 {
			xs = append(xs, x)
		}
	}
	want, got := differential(t, xs, nil)
	require.Len(t, got, len(xs))
	for i := range xs {
		if want[i] != got[i] {
			assert.Equal(t, want[i], got[i], "%v", xs[i])
		}
	}
}

// TestFormatsAgreeWithExcelize compares dates, percentages and fixed decimals with
// excelize's rendering of the same formats (ISO dates, so that the two agree).
func TestFormatsAgreeWithExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	serials := make([]float64, 500)
	for i := range serials {
		serials[i] = float64(61+rng.IntN(maxSerial-61)) + float64(rng.IntN(86400))/86400
	}
	shares := make([]float64, 500)
	for i := range shares {
		shares[i] = float64(rng.IntN(100001)) / 100000 // a share of 0 to 1, to 5 digits
	}
	for _, c := range []struct {
		code string
		xs   []float64
	}{
		{"yyyy-mm-dd", serials},
		{"yyyy-mm-dd hh:mm:ss", serials},
		{"hh:mm:ss", serials},
		{"0%", shares},
		{"0.0%", shares},
		{"0.00", shares},
		{"#,##0.000", below(randomNumbers(500), 1e11)}, // (15 significant digits at most: excelize shows more)
		{"#,##0", below(randomNumbers(500), 1e14)},
	} {
		want, got := differential(t, c.xs, func(f *excelize.File) int { return style(t, f, c.code) })
		require.Len(t, got, len(c.xs), c.code)
		n := 0
		for i := range c.xs {
			if want[i] != got[i] && n < 5 {
				n++
				assert.Equal(t, want[i], got[i], "%s %v", c.code, c.xs[i])
			}
		}
	}
}

// TestConcurrentReaders reads the sheets of one book from several goroutines.
func TestConcurrentReaders(t *testing.T) {
	data := excelizeBook(t, func(f *excelize.File) {
		for s := range 4 {
			name := fmt.Sprintf("S%d", s)
			_, err := f.NewSheet(name)
			require.NoError(t, err)
			for r := 1; r <= 200; r++ {
				require.NoError(t, f.SetSheetRow(name, fmt.Sprintf("A%d", r), &[]any{name, r, float64(r) / 10}))
			}
			require.NoError(t, f.MergeCell(name, "D1", "D9"))
		}
	})
	b, err := Open(data, ReadLimits{})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("S%d", g%4)
			r, err := b.Rows(name)
			if !assert.NoError(t, err) {
				return
			}
			defer r.Close()
			n := 0
			for row, err := r.Next(); err == nil; row, err = r.Next() {
				n++
				assert.Equal(t, []string{name, fmt.Sprint(n), General(float64(n) / 10)}, row.Cells)
			}
			assert.Equal(t, 200, n)
			for m, err := range b.MergedRanges(name) {
				assert.NoError(t, err)
				assert.Equal(t, Range{4, 1, 4, 9}, m)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, []string{"Sheet1", "S0", "S1", "S2", "S3"}, b.Sheets())
}

// below returns the numbers of xs whose magnitude is below limit.
func below(xs []float64, limit float64) []float64 {
	var out []float64
	for _, x := range xs {
		if math.Abs(x) < limit {
			out = append(out, x)
		}
	}
	return out
}
