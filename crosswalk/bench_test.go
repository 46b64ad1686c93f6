package crosswalk

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// benchAssessment rates every ISO/IEC 27002:2022 control, cycling through the statuses
// (the benchmarks' and the allocation budget's assessment).
func benchAssessment(b testing.TB) *Assessment {
	b.Helper()
	var es []Entry
	i := 0
	for c := range catalog.Default().Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		es = append(es, Entry{Control: c.Ref, Status: []Status{Implemented, Partial, Planned, NotImplemented, Implemented, NotApplicable}[i%6]})
		i++
	}
	a, err := NewAssessment(nil, "", es...)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkNewDefault builds the default crosswalk from scratch (the catalog and the
// decoded sets are given, as Default gets them).
func BenchmarkNewDefault(b *testing.B) {
	cat := catalog.Default()
	sets := mappings.Embedded()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(cat, sets...); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMapDirect(b *testing.B) {
	cw := Default()
	for _, q := range []struct {
		from catalog.Ref
		to   catalog.FrameworkID
	}{
		{catalog.NewRef(catalog.CSF20, "DE.CM-01"), catalog.ISO27002v2022}, // one target
		{catalog.NewRef(catalog.ISO27002v2022, "8.16"), catalog.CSF20},     // the most cited control
	} {
		ms, _ := cw.Map(q.from, q.to)
		b.Run(fmt.Sprintf("%s/targets=%d", q.from.ID, len(ms)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Map(q.from, q.to); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMapDerived(b *testing.B) {
	cw := Default()
	r := catalog.NewRef(catalog.ISO27002v2022, "8.16")
	to := catalog.CSF11
	if catalog.HasCIS() {
		to = catalog.CIS81
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cw.Map(r, to, WithDerived(2)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGapCSF(b *testing.B) {
	cw := Default()
	a := benchAssessment(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cw.Gap(a, catalog.CSF20); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGapCIS(b *testing.B) {
	if !catalog.HasCIS() {
		b.Skip("built with -tags nocis")
	}
	cw := Default()
	a := benchAssessment(b)
	for _, fw := range []catalog.FrameworkID{catalog.CIS8, catalog.CIS81} {
		b.Run(string(fw), func(b *testing.B) {
			var opts []GapOption
			if fw == catalog.CIS81 {
				opts = append(opts, WithDerived(2)) // v8.1 is reached through v8
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Gap(a, fw, opts...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// synthetic generates nfw frameworks of perFW controls each (groups of 25: one root
// and 24 children) and nedges crosswalk edges between controls of neighbouring
// frameworks (each framework maps to the next four), in sets of one per pair.
func synthetic(nfw, perFW, nedges int) ([]catalog.Framework, []mappings.Set) {
	fws := make([]catalog.Framework, nfw)
	for f := range fws {
		id := catalog.FrameworkID("fw" + strconv.Itoa(f) + ":1")
		ctls := make([]catalog.ControlSpec, perFW)
		for i := range ctls {
			ctls[i] = catalog.ControlSpec{ID: strconv.Itoa(i/25) + "." + strconv.Itoa(i%25), Title: "control"}
			if i%25 != 0 {
				ctls[i].Parent = strconv.Itoa(i/25) + ".0"
			}
		}
		fws[f] = catalog.Framework{ID: id, Name: string(id), Version: "1", Controls: ctls}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rels := []mappings.Relationship{mappings.Equal, mappings.SubsetOf, mappings.SupersetOf, mappings.IntersectsWith, mappings.Related}
	const fanout = 4
	sets := make([]mappings.Set, 0, nfw*fanout)
	per := nedges / (nfw * fanout)
	for f := 0; f < nfw; f++ {
		for k := 1; k <= fanout; k++ {
			g := (f + k) % nfw
			s := mappings.Set{ID: fmt.Sprintf("s%d-%d", f, g), From: fws[f].ID, To: fws[g].ID, Kind: mappings.Crosswalk,
				Source: mappings.Source{ID: "synthetic"}, Edges: make([]mappings.Edge, per)}
			for i := range s.Edges {
				s.Edges[i] = mappings.Edge{
					From:         catalog.NewRef(fws[f].ID, fws[f].Controls[rng.IntN(perFW)].ID),
					To:           catalog.NewRef(fws[g].ID, fws[g].Controls[rng.IntN(perFW)].ID),
					Relationship: rels[rng.IntN(len(rels))],
					Source:       "synthetic",
				}
			}
			sets = append(sets, s)
		}
	}
	return fws, sets
}

// BenchmarkLarge builds crosswalks of growing size up to about 200 frameworks,
// 250,000 controls and 1,000,000 edges, then queries the largest. Run it with
// -benchtime=1x: the catalog and the sets are generated outside the timing.
func BenchmarkLarge(b *testing.B) {
	for _, sz := range []struct{ nfw, per, edges int }{
		{20, 125, 10_000},
		{50, 500, 100_000},
		{200, 1250, 1_000_000},
	} {
		fws, sets := synthetic(sz.nfw, sz.per, sz.edges)
		cat, err := catalog.New(fws...)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("fw=%d/controls=%d/edges=%d", sz.nfw, sz.nfw*sz.per, sz.edges)
		var cw *Crosswalk
		b.Run("New/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cw, err = New(cat, sets...)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		if cw == nil {
			continue
		}
		src := catalog.NewRef(fws[0].ID, fws[0].Controls[1].ID)
		b.Run("MapDirect/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Map(src, fws[1].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("MapDerived/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Map(src, fws[2].ID, WithDerived(2)); err != nil {
					b.Fatal(err)
				}
			}
		})
		var es []Entry
		for i, c := range fws[0].Controls {
			if i%25 != 0 && i%3 == 0 {
				es = append(es, Entry{Control: catalog.NewRef(fws[0].ID, c.ID), Status: Implemented})
			}
		}
		a, err := NewAssessment(cat, fws[0].ID, es...)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("Gap/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Gap(a, fws[1].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGapNoRecommendations is the coverage analysis alone, without the greedy
// recommendations that Gap adds by default.
func BenchmarkGapNoRecommendations(b *testing.B) {
	cw := Default()
	a := benchAssessment(b)
	targets := []catalog.FrameworkID{catalog.CSF20}
	if catalog.HasCIS() {
		targets = append(targets, catalog.CIS8)
	}
	for _, tf := range targets {
		b.Run(string(tf), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.Gap(a, tf, WithRecommendations(0)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
