package main

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// parsePercent reads a --fail-under percentage, 0 to 100, with an optional "%":
// exactly, as the decimal written ("56.3" is 563/10, not the nearest float64).
func parsePercent(s string) (*big.Rat, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v >= 0 && v <= 100) { // NaN too
		return nil, false
	}
	// big.Rat reads every finite number ParseFloat does, exactly: "100.0000000000000001"
	// is over 100 although it reads as the float 100.
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() < 0 || r.Cmp(big.NewRat(100, 1)) > 0 {
		return nil, false
	}
	return r, true
}

// below reports whether covered of applicable items is below pct percent, compared
// exactly (covered/applicable against pct/100), never through the rounded share a
// report shows: 27 of 48 is 56.25 %, shown as 56.3, and is below 56.3. applicable
// must be above 0 (a share of nothing is refused before: see notMeasurable).
func below(covered, applicable int, pct *big.Rat) bool {
	return big.NewRat(100*int64(covered), int64(applicable)).Cmp(pct) < 0
}

// exactShare writes covered of applicable in percent with up to two decimals, so
// that a gate's message shows what it compared ("56.25%"); like a report, it never
// shows a part short of the whole as 100 nor a part above nothing as 0.
func exactShare(covered, applicable int) string {
	s := big.NewRat(100*int64(covered), int64(applicable)).FloatString(2)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	switch {
	case covered < applicable && s == "100":
		s = "99.99"
	case covered > 0 && s == "0":
		s = "0.01"
	}
	return s + "%"
}

// limitsLabel names a gap result's target with its limits: "cis:8.1 (IG1; scope 16)".
func limitsLabel(res *crosswalk.GapResult) string {
	var parts []string
	parts = append(parts, res.IGs...)
	parts = append(parts, res.Profiles...)
	for _, s := range res.Scope {
		parts = append(parts, "scope "+s)
	}
	if len(parts) == 0 {
		return string(res.Target)
	}
	return string(res.Target) + " (" + strings.Join(parts, "; ") + ")"
}
