//go:build unix

package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page[^s]`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)
)

// printPDF prints page with the headless browser and returns the PDF.
func printPDF(t *testing.T, browser, page string) []byte {
	t.Helper()
	pdf := strings.TrimSuffix(page, ".html") + ".pdf"
	_ = os.Remove(pdf)
	browse(t, browser, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	require.NoError(t, err, "no PDF written")
	require.True(t, bytes.HasPrefix(data, []byte("%PDF-")), "not a PDF")
	t.Logf("pdf: %s", pdf)
	return data
}

// pdfPages counts the page objects of a PDF (Chromium writes them uncompressed).
func pdfPages(data []byte) int { return len(pdfPage.FindAll(data, -1)) }

// pdfText returns the text of pages first..last with pdftotext, or skips the caller's
// check (not the test) when poppler's pdftotext is not installed.
func pdfText(t *testing.T, pdf string, first, last int) (string, bool) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("no pdftotext on PATH (Debian package poppler-utils): text checks of the printout skipped")
		return "", false
	}
	args := []string{"-layout"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(tool, append(args, pdf, "-")...).Output()
	require.NoError(t, err)
	return string(out), true
}

// TestPrintGap prints the gap report of the 106 NIST CSF 2.0 items on A4 and Letter,
// portrait and landscape: at most 8 pages, on the paper asked for, the heat map on
// page 1.
func TestPrintGap(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: print test skipped (install Debian's chromium to run it)")
	}
	dir := artifactDir(t)
	res := smallGap(t, catalog.CSF20, crosswalk.Referenced)
	require.Len(t, res.Items, 106)
	hm := buildHeatMap(res, catalog.Default())
	for _, c := range []struct {
		paper     string
		landscape bool
		w, h      float64 // points
	}{
		{"A4", false, 595.92, 841.92}, {"A4", true, 841.92, 595.92},
		{"Letter", false, 612, 792}, {"Letter", true, 792, 612},
	} {
		name := "print-gap-" + strings.ToLower(c.paper)
		if c.landscape {
			name += "-landscape"
		}
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, GapHTML(&b, res, Options{Assessment: "small-company.csv", Paper: c.paper, Landscape: c.landscape}))
			page := filepath.Join(dir, name+".html")
			require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
			data := printPDF(t, browser, page)
			n := pdfPages(data)
			assert.LessOrEqual(t, n, 8, "the 106-item report prints on at most 8 pages")
			assert.GreaterOrEqual(t, n, 3, "every item is printed: more than a page or two")
			m := pdfMediaBox.FindSubmatch(data)
			require.NotNil(t, m, "no MediaBox")
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			assert.InDelta(t, c.w, w, 1, "page width")
			assert.InDelta(t, c.h, h, 1, "page height")

			if first, ok := pdfText(t, strings.TrimSuffix(page, ".html")+".pdf", 1, 1); ok {
				assert.Contains(t, first, "Heat map")
				for _, r := range hm.Rows {
					for _, cell := range r.Cells {
						assert.Contains(t, first, cell.ID, "heat map cell %s on page 1", cell.ID)
					}
				}
				all, _ := pdfText(t, strings.TrimSuffix(page, ".html")+".pdf", 0, 0)
				for _, it := range res.Items {
					assert.Contains(t, all, it.ID, "item %s printed", it.ID)
				}
				assert.Contains(t, all, "All 106 items are shown.")
			}
		})
	}
}

// TestPrintGapFiltered: a filter set on the page is kept in print, and the printout
// says what it leaves out.
func TestPrintGapFiltered(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: print test skipped (install Debian's chromium to run it)")
	}
	dir := artifactDir(t)
	res := smallGap(t, catalog.CSF20, crosswalk.Referenced)
	var b bytes.Buffer
	require.NoError(t, GapHTML(&b, res, Options{Paper: "A4"}))
	// What a reader does: untick "covered".
	untick := `<script>(function(){var b=document.querySelector('.filters input[value="covered"]');b.checked=false;b.dispatchEvent(new Event("change"));})();</script>`
	html := strings.Replace(b.String(), "</body>", untick+"</body>", 1)
	page := filepath.Join(dir, "print-gap-filtered.html")
	require.NoError(t, os.WriteFile(page, []byte(html), 0o644))

	s := res.Summary
	shown := s.Total - s.Covered
	note := "Filtered: " + itoa(shown) + " of " + itoa(s.Total) + " items are shown (left out: covered); clear the filter to print them all."
	dom := string(browse(t, browser, page, "--dump-dom"))
	assert.Contains(t, dom, note)

	data := printPDF(t, browser, page)
	assert.LessOrEqual(t, pdfPages(data), 8)
	if all, ok := pdfText(t, strings.TrimSuffix(page, ".html")+".pdf", 0, 0); ok {
		assert.Contains(t, strings.Join(strings.Fields(all), " "), note)
		for _, it := range res.Items {
			if it.Status == crosswalk.ItemCovered {
				assert.NotRegexp(t, `(?m)^\s*`+regexp.QuoteMeta(it.ID)+`\s`, all, "covered item %s left out of the print", it.ID)
			} else {
				assert.Contains(t, all, it.ID)
			}
		}
	}
}

// TestPrintSoA prints the Statement of Applicability and checks that no word of a
// control title, justification or owner is broken across lines.
func TestPrintSoA(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: print test skipped (install Debian's chromium to run it)")
	}
	dir := artifactDir(t)
	soa := smallSoA(t)
	for _, landscape := range []bool{false, true} {
		name := "print-soa"
		if landscape {
			name += "-landscape"
		}
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, SoAHTML(&b, soa, Options{Paper: "A4", Landscape: landscape}))
			page := filepath.Join(dir, name+".html")
			require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
			data := printPDF(t, browser, page)
			assert.Greater(t, pdfPages(data), 1)
			text, ok := pdfText(t, strings.TrimSuffix(page, ".html")+".pdf", 0, 0)
			if !ok {
				return
			}
			// Words, split at spaces and hyphens (a line may end after a hyphen).
			split := func(s string) []string {
				return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '-' || strings.ContainsRune(",;:()", r) })
			}
			words := map[string]bool{}
			for _, w := range split(text) {
				words[w] = true
			}
			for _, e := range soa.Controls {
				for _, s := range []string{e.Title, e.InclusionReason, e.ExclusionJustification, e.Owner} {
					for _, w := range split(s) {
						assert.True(t, words[w], "%s: the word %q is not printed whole", e.AnnexA, w)
					}
				}
			}
		})
	}
}
