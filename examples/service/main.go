// Command service answers "what does this control map to" over HTTP, from the
// shared, immutable crosswalk.Default(): one crosswalk serves every request, with no
// locking, because nothing a query does changes it.
//
//	go run ./examples/service -addr 127.0.0.1:8080
//	curl '127.0.0.1:8080/map?ref=8.16&to=nist-csf:2.0'
//	curl '127.0.0.1:8080/map?ref=5.1&to=cis:8&derived=true'
//
// GET /map takes ref (any spelling: "8.16", "A.8.16", "ISO27002:8.16", "GV.OC-01",
// "CIS 4.1"; a number that is both an ISO/IEC 27002 control and an ISO/IEC 27001
// clause, such as "5.1", means the control), to (a framework ID or alias: "nist-csf:2.0", "csf", "cis") and
// optionally derived=true, and answers JSON; bad input gets 400 with {"error": ...}.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: NewHandler(crosswalk.Default()),
		ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	log.Printf("listening on http://%s/map?ref=8.16&to=nist-csf:2.0", *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "service:", err)
		os.Exit(1)
	}
}

// MapResponse is the answer of GET /map.
type MapResponse struct {
	Ref      string       `json:"ref"`   // the control asked about, canonical: "iso27002:2022/8.16"
	Title    string       `json:"title"` // its title
	To       string       `json:"to"`    // the framework mapped to
	Mappings []MapElement `json:"mappings"`
}

// MapElement is one control the ref maps to.
type MapElement struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Relationship string   `json:"relationship"` // read "ref relationship id"
	Derived      bool     `json:"derived,omitempty"`
	ViaParent    string   `json:"via_parent,omitempty"` // published for this ancestor of ref
	Path         []string `json:"path,omitempty"`       // derived: the controls on the way
	Sources      []string `json:"sources"`
}

type errorResponse struct {
	Error string `json:"error"`
}

// NewHandler returns the service's handler over cw, which may be shared by any
// number of handlers and goroutines.
func NewHandler(cw *crosswalk.Crosswalk) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/map", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			reply(w, http.StatusMethodNotAllowed, errorResponse{Error: "use GET"})
			return
		}
		q := r.URL.Query()
		res, status, err := lookup(cw, q.Get("ref"), q.Get("to"), q.Get("derived"))
		if err != nil {
			reply(w, status, errorResponse{Error: err.Error()})
			return
		}
		reply(w, http.StatusOK, res)
	})
	return mux
}

func lookup(cw *crosswalk.Crosswalk, ref, to, derived string) (*MapResponse, int, error) {
	if ref == "" || to == "" {
		return nil, http.StatusBadRequest, errors.New("ref and to are required, as in /map?ref=8.16&to=nist-csf:2.0")
	}
	cat := cw.Catalog()
	target, err := cat.ResolveFramework(to)
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	c, err := cw.Lookup(ref)
	if errors.Is(err, catalog.ErrAmbiguous) {
		// "5.1" is an ISO/IEC 27002 control and an ISO/IEC 27001 clause: the service
		// is about controls, so the baseline wins.
		c, err = cw.Lookup(ref, crosswalk.DefaultBaseline)
	}
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	var opts []crosswalk.MapOption
	if derived != "" {
		d, err := strconv.ParseBool(derived)
		if err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("derived: want true or false, not %q", derived)
		}
		if d {
			opts = append(opts, crosswalk.WithDerived(0))
		}
	}
	ms, err := cw.Map(c.Ref, target, opts...)
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	res := &MapResponse{Ref: c.Ref.String(), Title: c.Title, To: string(target), Mappings: []MapElement{}}
	for _, m := range ms {
		e := MapElement{ID: m.To.ID, Title: m.ToTitle, Relationship: m.Relationship.String(), Derived: m.Derived(),
			ViaParent: m.Ancestor.ID, Sources: m.Sources}
		for _, h := range m.Path {
			e.Path = append(e.Path, h.To.String())
		}
		res.Mappings = append(res.Mappings, e)
	}
	return res, http.StatusOK, nil
}

func reply(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	b = append(b, '\n')
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error": "encoding failed"}`+"\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
