//go:build unix

package report

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

var artifacts = flag.String("artifacts", "", "directory for the browser test's HTML pages and screenshots (default: a new directory under os.TempDir, kept)")

// findBrowser returns the first Chromium-family browser on PATH.
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir returns where the pages and screenshots go; they are kept after the
// test so that a person (or CI) can look at them.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := *artifacts
	if dir == "" {
		// One directory per run: test processes running at once (packages, -count,
		// several checkouts) must not write each other's pages and screenshots.
		d, err := os.MkdirTemp("", "controlgraph-report-artifacts-")
		require.NoError(t, err)
		t.Logf("browser artifacts in %s", d)
		dir = d
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	abs, err := filepath.Abs(dir)
	require.NoError(t, err)
	return abs
}

// browse runs the browser headless on page with extra arguments, bounded by 60 s;
// the whole process group is killed on timeout.
func browse(t *testing.T, browser, page string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("%s did not finish within 60 s (killed); stderr:\n%s", browser, tail(stderr.String()))
	}
	require.NoError(t, err, "stderr:\n%s", tail(stderr.String()))
	return stdout.Bytes()
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

func screenshot(t *testing.T, browser, page string) {
	t.Helper()
	shot := strings.TrimSuffix(page, ".html") + ".png"
	_ = os.Remove(shot)
	browse(t, browser, page, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
	data, err := os.ReadFile(shot)
	require.NoError(t, err, "no screenshot written")
	require.Greater(t, len(data), 10000, "screenshot too small to show a page")
	assert.True(t, bytes.HasPrefix(data, pngMagic), "not a PNG")
	t.Logf("screenshot: %s", shot)
}

// TestBrowser opens the HTML reports in a real headless browser: the DOM it builds
// (after the page's script ran) carries the headline numbers of the result, and a
// screenshot is written and logged.
func TestBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: browser test skipped (install Debian's chromium to run it)")
	}
	dir := artifactDir(t)
	cases := []struct {
		name   string
		target catalog.FrameworkID
	}{{"gap-small-csf", catalog.CSF20}}
	if catalog.HasCIS() {
		cases = append(cases, struct {
			name   string
			target catalog.FrameworkID
		}{"gap-small-cis", catalog.CIS8})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := smallGap(t, c.target)
			page := filepath.Join(dir, c.name+".html")
			var b bytes.Buffer
			require.NoError(t, GapHTML(&b, res, Options{Assessment: "small-company.csv"}))
			require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
			t.Logf("page: %s", page)

			dom := string(browse(t, browser, page, "--dump-dom"))
			require.Contains(t, dom, "</html>")
			s := res.Summary
			assert.Equal(t, map[string]string{
				"coverage": pct(s.CoveragePercent), "covered": itoa(s.Covered), "partial": itoa(s.Partial),
				"gap": itoa(s.Gap), "unreached": itoa(s.Unreached), "not-applicable": itoa(s.NotApplicable),
				"total": itoa(s.Total),
			}, kpis(dom), "headline numbers in the browser's DOM")
			// the page's script ran: the filter bar is shown and counts the rows
			n := itoa(len(res.Items))
			assert.Contains(t, dom, n+" of "+n+" shown")
			assert.Equal(t, len(res.Items), strings.Count(dom, `<tr data-item="`))
			screenshot(t, browser, page)
		})
	}
	t.Run("soa", func(t *testing.T) {
		soa, err := crosswalk.Default().SoA(hostileAssessment(t))
		require.NoError(t, err)
		page := filepath.Join(dir, "soa-hostile.html")
		var b bytes.Buffer
		require.NoError(t, SoAHTML(&b, soa, Options{}))
		require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
		dom := string(browse(t, browser, page, "--dump-dom"))
		// the note is text in the DOM, not an element
		assert.Contains(t, dom, "&lt;script&gt;alert(1)&lt;/script&gt;")
		assert.Equal(t, 1, strings.Count(dom, "<script>"), "only the page's own script element")
		assert.Contains(t, dom, "93 of 93 shown")
		screenshot(t, browser, page)
	})
}

// The posture page in a real browser: one card per row with the row's coverage, the
// overlap grid with its counts, and a screenshot (issue 16).
func TestBrowserPosture(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: browser test skipped (install Debian's chromium to run it)")
	}
	cw := crosswalk.Default()
	f, err := os.Open("../examples/assessments/small-company.csv")
	require.NoError(t, err)
	defer f.Close()
	a, err := crosswalk.ReadAssessmentCSV("small-company.csv", f, nil)
	require.NoError(t, err)
	p, err := cw.Posture(a)
	require.NoError(t, err)
	fws := []catalog.FrameworkID{p.Baseline}
	for _, r := range p.Rows {
		if !slices.Contains(fws, r.Target) {
			fws = append(fws, r.Target)
		}
	}
	o, err := cw.Overlap(fws)
	require.NoError(t, err)
	page := filepath.Join(artifactDir(t), "posture-small.html")
	var b bytes.Buffer
	require.NoError(t, PostureHTML(&b, p, o, Options{}))
	require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
	dom := string(browse(t, browser, page, "--dump-dom"))
	require.Contains(t, dom, "</html>")
	assert.Equal(t, len(p.Rows), strings.Count(dom, `<div class="card"`))
	for _, r := range p.Rows {
		assert.Contains(t, dom, pct(r.Summary.CoveragePercent)+"%</span> covered", "%s %s", r.Target, r.Limit)
	}
	assert.Contains(t, dom, "97/106 (91.5%)")
	screenshot(t, browser, page)
}
