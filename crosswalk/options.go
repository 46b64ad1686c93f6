package crosswalk

import (
	"fmt"

	"github.com/controlgraph/controlgraph/catalog"
)

// The options of the queries. Every gap query (Gap, Recommend, Requirements,
// Posture, GapBatch) reads its options through newGapConfig, and Map through
// newMapConfig: one place applies them and checks them.

// GapOption changes a [Crosswalk.Gap], [Crosswalk.Recommend] or
// [Crosswalk.Requirements] query. Options: [Auto], [Strict] or [Referenced] (the
// policy), [WithDerived], [WithMinRoutes], [WithGroup], [WithScope], [WithBaseline],
// [WithRecommendations].
type GapOption interface {
	applyGap(*gapConfig)
}

type gapConfig struct {
	policy    Policy
	derived   bool
	hops      int
	minRoutes int
	profiles  []string
	groups    []string
	scope     []catalog.Ref
	baseline  catalog.FrameworkID
	recs      int
}

type groupOpt string

func (g groupOpt) applyGap(c *gapConfig) { c.groups = append(c.groups, string(g)) }

// WithGroup limits the target items to those of a CIS implementation group ("IG1",
// "IG2" or "IG3", any case). Given several times, an item in any of the groups counts.
func WithGroup(ig string) GapOption { return groupOpt(upper(ig)) }

type profileOpt string

func (p profileOpt) applyGap(c *gapConfig) { c.profiles = append(c.profiles, string(p)) }

// WithProfile limits the target items to those of a control baseline of NIST SP
// 800-53B ("LOW", "MODERATE", "HIGH", or the privacy baseline "PRIVACY"; any case),
// read from the items' [catalog.AttrBaseline]. Given several times, an item in any of
// them counts.
func WithProfile(name string) GapOption { return profileOpt(upper(name)) }

type scopeOpt catalog.Ref

func (s scopeOpt) applyGap(c *gapConfig) { c.scope = append(c.scope, catalog.Ref(s)) }

// WithScope limits the target items to r and the items under it (a CSF function or
// category, a CIS control). Given several times, an item under any of them counts.
func WithScope(r catalog.Ref) GapOption { return scopeOpt(r) }

type recsOpt int

func (n recsOpt) applyGap(c *gapConfig) { c.recs = int(n) }

// DefaultRecommendations is how many recommendations a [GapResult] carries unless
// [WithRecommendations] says otherwise.
const DefaultRecommendations = 10

// WithRecommendations sets how many recommendations [Crosswalk.Gap] adds to its
// result (0 for none).
func WithRecommendations(n int) GapOption { return recsOpt(max(n, 0)) }

// MapOption changes what [Crosswalk.Map] returns. Make them with [WithDerived] and
// [WithMinRoutes].
type MapOption interface {
	applyMap(*mapConfig)
}

type mapConfig struct {
	derived   bool
	hops      int
	minRoutes int
}

// DefaultMaxHops is the longest derived path [WithDerived] looks for when given 0.
const DefaultMaxHops = 2

// MaxHops bounds the length of derived paths, whatever [WithDerived] asks.
const MaxHops = 4

// DerivedOption is an option of both [Crosswalk.Map] and the gap queries.
type DerivedOption interface {
	MapOption
	GapOption
}

type derivedOpt int

func (d derivedOpt) applyMap(c *mapConfig) { c.derived, c.hops = true, hopsOf(int(d)) }
func (d derivedOpt) applyGap(c *gapConfig) { c.derived, c.hops = true, hopsOf(int(d)) }

func hopsOf(n int) int {
	if n <= 0 {
		return DefaultMaxHops
	}
	return min(max(n, 2), MaxHops)
}

// WithDerived adds derived mappings: paths of up to maxHops published edges
// (DefaultMaxHops when maxHops ≤ 0, at most [MaxHops]) through controls of other
// frameworks. In a gap query they reach only items no published edge reaches, and
// give at most partial coverage.
func WithDerived(maxHops int) DerivedOption { return derivedOpt(maxHops) }

type minRoutesOpt int

func (n minRoutesOpt) applyMap(c *mapConfig) { c.minRoutes = int(n) }
func (n minRoutesOpt) applyGap(c *gapConfig) { c.minRoutes = int(n) }

// WithMinRoutes keeps only the derived mappings that at least n distinct paths reach
// (1, the default, keeps all). The package documentation ("Derived paths") has the
// measured precision of each setting.
func WithMinRoutes(n int) DerivedOption { return minRoutesOpt(max(n, 1)) }

// newGapConfig applies opts over the defaults (policy Auto, DefaultRecommendations)
// and checks them: an unknown policy is an error in every query that takes one.
func newGapConfig(opts []GapOption) (gapConfig, error) {
	cfg := gapConfig{policy: Auto, recs: DefaultRecommendations, minRoutes: 1}
	for _, o := range opts {
		if o != nil {
			o.applyGap(&cfg)
		}
	}
	if !cfg.policy.valid() {
		return cfg, fmt.Errorf("crosswalk: unknown coverage policy %q (want auto, strict or referenced)", cfg.policy)
	}
	return cfg, nil
}

// gapSetup is newGapConfig for a query on assessment a: the baseline is the
// assessment's, and an option naming another is an error.
func gapSetup(a *Assessment, opts []GapOption) (gapConfig, error) {
	cfg, err := newGapConfig(opts)
	if err != nil {
		return cfg, err
	}
	if cfg.baseline != "" && cfg.baseline != a.baseline {
		return cfg, fmt.Errorf("crosswalk: the assessment rates %s, not %s", a.baseline, cfg.baseline)
	}
	cfg.baseline = a.baseline
	return cfg, nil
}

// newMapConfig applies opts over the defaults.
func newMapConfig(opts []MapOption) mapConfig {
	cfg := mapConfig{minRoutes: 1}
	for _, o := range opts {
		if o != nil {
			o.applyMap(&cfg)
		}
	}
	return cfg
}
