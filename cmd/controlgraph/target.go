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
	igs, scopes              listFlag
	derived                  bool
	maxHops                  int
}

// declare adds the flags to fs; withPolicy adds --policy (requirements has none).
func (t *targetFlags) declare(fs *flag.FlagSet, withPolicy bool) {
	t.fs = fs
	fs.StringVar(&t.target, "target", "", "the target `FRAMEWORK` (csf, nist-csf:2.0, cis, ...); required")
	fs.StringVar(&t.baseline, "baseline", "", "the baseline `FRAMEWORK` (default iso27002:2022; for an assessment, the framework a CSV rates)")
	if withPolicy {
		fs.StringVar(&t.policy, "policy", string(crosswalk.Strict), "coverage `POLICY`: strict (relationships as sets) or referenced (mappings as informative references)")
	}
	fs.Var(&t.igs, "ig", "limit a CIS target to implementation group `IG` (IG1, IG2, IG3)")
	fs.Var(&t.scopes, "scope", "limit the target to the items under `REF` (a CSF function or category, a CIS control)")
	fs.BoolVar(&t.derived, "derived", false, "let derived mappings (paths through a third framework) reach items")
	fs.IntVar(&t.maxHops, "max-hops", crosswalk.DefaultMaxHops, fmt.Sprintf("longest derived path (2 to %d)", crosswalk.MaxHops))
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
			return r, badInput("unknown value %q for --policy; accepted: strict, referenced", t.policy)
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
	for _, s := range t.scopes {
		c, err := x.resolveRef(s, tfw)
		if err != nil {
			return r, err
		}
		r.opts = append(r.opts, crosswalk.WithScope(c.Ref))
	}
	if t.derived {
		r.opts = append(r.opts, crosswalk.WithDerived(t.maxHops))
	}
	return r, nil
}

// derivedHint writes a one-line hint on standard error when no published edge joins
// the baseline and the target but derived paths would reach it (--target cis names
// CIS v8.1, while CIS published its ISO mapping for v8): it names --derived and the
// framework the published edges reach. The answer itself is not changed.
func (x *invocation) derivedHint(baseline, target catalog.FrameworkID, derived bool) {
	if derived || baseline == "" || target == "" {
		return
	}
	published := func(a, b catalog.FrameworkID) bool {
		for _, s := range x.allSets() {
			for _, e := range s.Edges {
				f, t := e.From.Framework, e.To.Framework
				if (f == a && t == b) || (f == b && t == a) {
					return true
				}
			}
		}
		return false
	}
	if published(baseline, target) {
		return
	}
	// The frameworks of the target's family that published edges do join to the
	// baseline, and that a succession set links to the target.
	var via []string
	for _, s := range x.allSets() {
		if s.Kind != "succession" {
			continue
		}
		var other catalog.FrameworkID
		switch target {
		case s.To:
			other = s.From
		case s.From:
			other = s.To
		default:
			continue
		}
		if published(baseline, other) {
			via = append(via, string(other))
		}
	}
	if len(via) == 0 {
		return
	}
	fmt.Fprintf(x.stderr, "controlgraph %s: hint: no published mapping joins %s and %s; use --derived (paths through %s) or --target %s\n",
		x.cmd.name, baseline, target, strings.Join(via, ", "), via[0])
}
