package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

// targetFlags are the flags gap, recommend and requirements share: the target
// framework, its limits, the policy, the baseline and derived reaches.
type targetFlags struct {
	fs                       *flag.FlagSet // where the flags were declared
	target, baseline, policy string
	igs, scopes, profiles    listFlag
	derived                  bool
	maxHops, minRoutes       int
}

// declare adds the flags to fs; withPolicy adds --policy (requirements has none).
func (t *targetFlags) declare(fs *flag.FlagSet, withPolicy bool) {
	t.fs = fs
	fs.StringVar(&t.target, "target", "", "the target `FRAMEWORK` (csf, nist-csf:2.0, cis, ...); required")
	fs.StringVar(&t.baseline, "baseline", "", "the baseline `FRAMEWORK` (default iso27002:2022; for an assessment, the framework a CSV rates)")
	if withPolicy {
		fs.StringVar(&t.policy, "policy", string(crosswalk.Auto), "coverage `POLICY`: auto (each edge by what it is), strict (relationships as sets) or referenced (mappings as informative references)")
	}
	fs.Var(&t.igs, "ig", "limit a CIS target to implementation group `IG` (IG1, IG2, IG3)")
	fs.Var(&t.profiles, "profile", "limit an SP 800-53 target to control baseline `NAME` (LOW, MODERATE, HIGH, PRIVACY)")
	fs.Var(&t.scopes, "scope", "limit the target to the items under `REF` (a CSF function or category, a CIS control)")
	fs.BoolVar(&t.derived, "derived", false, "let derived mappings (paths through a third framework) reach items")
	fs.IntVar(&t.maxHops, "max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
	fs.IntVar(&t.minRoutes, "min-routes", 1, "keep only derived reaches that at least `N` distinct paths support (with --derived)")
}

// resolved is what targetFlags give once checked against the catalog.
type resolved struct {
	target   catalog.FrameworkID
	baseline catalog.FrameworkID // "" when not given
	opts     []crosswalk.GapOption
	readOpts []crosswalk.ReadOption
}

func (t *targetFlags) resolve(x *invocation) (resolved, error) {
	var r resolved
	if t.target == "" {
		return r, badInput("missing --target FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
	}
	if t.policy != "" {
		pol, err := crosswalk.ParsePolicy(t.policy)
		if err != nil {
			return r, badInput("unknown value %q for --policy; accepted: auto, strict, referenced", t.policy)
		}
		r.opts = append(r.opts, pol)
	}
	if t.maxHops < 2 || t.maxHops > crosswalk.MaxHops {
		return r, badInput("invalid value %d for --max-hops; accepted: 2 to %d", t.maxHops, crosswalk.MaxHops)
	}
	if err := checkMaxHops(t.fs, t.derived, t.maxHops); err != nil {
		return r, err
	}
	tfw, err := x.resolveFramework(t.target)
	if err != nil {
		return r, err
	}
	r.target = tfw
	if t.baseline != "" {
		bfw, err := x.resolveFramework(t.baseline)
		if err != nil {
			return r, err
		}
		r.baseline = bfw
		r.readOpts = append(r.readOpts, crosswalk.WithBaseline(bfw))
	}
	if len(t.igs) > 0 {
		canon, err := x.attrValues(tfw, "--ig", catalog.AttrImplementation, t.igs)
		if err != nil {
			return r, err
		}
		for _, ig := range canon {
			r.opts = append(r.opts, crosswalk.WithGroup(ig))
		}
	}
	if len(t.profiles) > 0 {
		canon, err := x.attrValues(tfw, "--profile", catalog.AttrBaseline, t.profiles)
		if err != nil {
			return r, err
		}
		for _, p := range canon {
			r.opts = append(r.opts, crosswalk.WithProfile(p))
		}
	}
	for _, s := range t.scopes {
		c, err := x.resolveRef(s, tfw)
		if err != nil {
			return r, err
		}
		r.opts = append(r.opts, crosswalk.WithScope(c.Ref))
	}
	if t.minRoutes < 1 {
		return r, badInput("invalid value %d for --min-routes; accepted: 1 or more", t.minRoutes)
	}
	if t.derived {
		r.opts = append(r.opts, crosswalk.WithDerived(t.maxHops), crosswalk.WithMinRoutes(t.minRoutes))
	}
	return r, nil
}
