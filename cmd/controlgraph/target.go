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

// resolve checks the flags and resolves them against the catalog, in the order a
// person reads them: the target, the policy and path lengths, the baseline, the
// target's limits, the derived options.
func (t *targetFlags) resolve(x *invocation) (resolved, error) {
	var r resolved
	if t.target == "" {
		return r, badInput("missing --target FRAMEWORK; accepted: %s", strings.Join(x.frameworkIDs(), ", "))
	}
	pol, err := t.policyOption()
	if err != nil {
		return r, err
	}
	r.opts = append(r.opts, pol...)
	if err := t.checkHops(); err != nil {
		return r, err
	}
	if r.target, err = x.resolveFramework(t.target); err != nil {
		return r, err
	}
	if t.baseline != "" {
		if r.baseline, err = x.resolveFramework(t.baseline); err != nil {
			return r, err
		}
		r.readOpts = append(r.readOpts, crosswalk.WithBaseline(r.baseline))
	}
	lim, err := t.limits(x, r.target)
	if err != nil {
		return r, err
	}
	r.opts = append(r.opts, lim...)
	if t.minRoutes < 1 {
		return r, badInput("invalid value %d for --min-routes; accepted: 1 or more", t.minRoutes)
	}
	if t.derived {
		r.opts = append(r.opts, crosswalk.WithDerived(t.maxHops), crosswalk.WithMinRoutes(t.minRoutes))
	}
	return r, nil
}

// policyOption returns the --policy option, none when the command has no --policy.
func (t *targetFlags) policyOption() ([]crosswalk.GapOption, error) {
	if t.policy == "" {
		return nil, nil
	}
	pol, err := crosswalk.ParsePolicy(t.policy)
	if err != nil {
		return nil, badInput("unknown value %q for --policy; accepted: auto, strict, referenced", t.policy)
	}
	return []crosswalk.GapOption{pol}, nil
}

// checkHops checks --max-hops: within range, and given only with --derived.
func (t *targetFlags) checkHops() error {
	if t.maxHops < 2 || t.maxHops > crosswalk.MaxHops {
		return badInput("invalid value %d for --max-hops; accepted: 2 to %d", t.maxHops, crosswalk.MaxHops)
	}
	return checkMaxHops(t.fs, t.derived, t.maxHops)
}

// limits returns the options that limit target framework tfw: --ig, --profile and
// --scope, each value resolved in tfw.
func (t *targetFlags) limits(x *invocation, tfw catalog.FrameworkID) ([]crosswalk.GapOption, error) {
	var opts []crosswalk.GapOption
	for _, lim := range []struct {
		flag, attr string
		given      []string
		option     func(string) crosswalk.GapOption
	}{
		{"--ig", catalog.AttrImplementation, t.igs, func(v string) crosswalk.GapOption { return crosswalk.WithGroup(v) }},
		{"--profile", catalog.AttrBaseline, t.profiles, func(v string) crosswalk.GapOption { return crosswalk.WithProfile(v) }},
	} {
		if len(lim.given) == 0 {
			continue // an attribute the framework may not have: only checked when given
		}
		canon, err := x.attrValues(tfw, lim.flag, lim.attr, lim.given)
		if err != nil {
			return nil, err
		}
		for _, v := range canon {
			opts = append(opts, lim.option(v))
		}
	}
	for _, s := range t.scopes {
		c, err := x.resolveRef(s, tfw)
		if err != nil {
			return nil, err
		}
		opts = append(opts, crosswalk.WithScope(c.Ref))
	}
	return opts, nil
}
