package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// decodeStrict decodes JSON refusing fields v does not have.
func decodeStrict(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

func get(t *testing.T, h http.Handler, url string) (int, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
	return rec.Code, rec.Body.Bytes()
}

func TestMap(t *testing.T) {
	h := NewHandler(crosswalk.Default())
	code, body := get(t, h, "/map?ref=8.16&to=nist-csf:2.0")
	require.Equal(t, http.StatusOK, code, string(body))
	var res MapResponse
	require.NoError(t, decodeStrict(body, &res))
	assert.Equal(t, "iso27002:2022/8.16", res.Ref)
	assert.Equal(t, "Monitoring activities", res.Title)
	assert.Equal(t, "nist-csf:2.0", res.To)
	// the same answer as the library's
	ms, err := crosswalk.Default().Map(catalog.NewRef(catalog.ISO27002v2022, "8.16"), catalog.CSF20)
	require.NoError(t, err)
	require.Len(t, res.Mappings, len(ms))
	for i, m := range ms {
		assert.Equal(t, m.To.ID, res.Mappings[i].ID)
		assert.Equal(t, m.Relationship.String(), res.Mappings[i].Relationship)
	}
	var ids []string
	for _, m := range res.Mappings {
		ids = append(ids, m.ID)
	}
	assert.Contains(t, ids, "DE.CM-01")
}

func TestMapErrors(t *testing.T) {
	h := NewHandler(crosswalk.Default())
	for url, want := range map[string]string{
		"/map":                            "ref and to are required",
		"/map?ref=99.99&to=csf":           "99.99",
		"/map?ref=8.16&to=nope":           "nope",
		"/map?ref=8.16&to=csf&derived=xx": "derived",
	} {
		code, body := get(t, h, url)
		assert.Equal(t, http.StatusBadRequest, code, url)
		var e errorResponse
		require.NoError(t, decodeStrict(body, &e), url)
		assert.Contains(t, e.Error, want, url)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/map?ref=8.16&to=csf", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

// TestConcurrent hits one handler over the shared crosswalk from many goroutines
// (run with -race): every answer equals the one computed alone.
func TestConcurrent(t *testing.T) {
	h := NewHandler(crosswalk.Default())
	urls := []string{"/map?ref=8.16&to=nist-csf:2.0", "/map?ref=A.5.1&to=csf", "/map?ref=GV.OC-01&to=iso27002",
		"/map?ref=5.23&to=nist-csf:2.0&derived=true"}
	if catalog.HasCIS() {
		urls = append(urls, "/map?ref=CIS%204.1&to=iso27002", "/map?ref=5.1&to=cis&derived=true")
	}
	want := map[string][]byte{}
	for _, u := range urls {
		code, body := get(t, h, u)
		require.Equal(t, http.StatusOK, code, u+": "+string(body))
		want[u] = body
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64*len(urls))
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range urls {
				u := urls[(g+i)%len(urls)]
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
				if rec.Code != http.StatusOK || rec.Body.String() != string(want[u]) {
					errs <- u
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for u := range errs {
		t.Errorf("concurrent answer for %s differs", u)
	}
}

// Issue 9: /map?ref=CIS 4.1&to=iso27002 returned an empty list. CIS publishes its ISO
// mapping for v8; v8 → v8.1 is an identity succession, so the v8.1 safeguard answers
// with v8's published edges.
func TestMapCISSuccession(t *testing.T) {
	if !catalog.HasCIS() {
		t.Skip("built without CIS data")
	}
	h := NewHandler(crosswalk.Default())
	code, body := get(t, h, "/map?ref=CIS%204.1&to=iso27002")
	require.Equal(t, http.StatusOK, code, string(body))
	var res MapResponse
	require.NoError(t, decodeStrict(body, &res))
	assert.Equal(t, "cis:8.1/4.1", res.Ref)
	require.NotEmpty(t, res.Mappings)
	ms, err := crosswalk.Default().Map(catalog.NewRef(catalog.CIS8, "4.1"), catalog.ISO27002v2022)
	require.NoError(t, err)
	assert.Len(t, res.Mappings, len(ms), "the same controls as CIS v8's 4.1")
}
