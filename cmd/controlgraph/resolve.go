package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/loader"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// resolveFramework turns a framework argument (ID, alias or family) into its ID, or
// an input error that names the accepted ones (loader.ResolveFramework). In a build
// without CIS data a CIS name says so.
func (x *invocation) resolveFramework(name string) (catalog.FrameworkID, error) {
	id, err := loader.ResolveFramework(x.cat, name)
	if err != nil {
		return "", badInput("%v", err)
	}
	return id, nil
}

func (x *invocation) frameworkIDs() []string {
	var ids []string
	for in := range x.cat.Frameworks() {
		ids = append(ids, string(in.ID))
	}
	return ids
}

// resolveRefIn resolves s as resolveRef does, within the framework named by in (any
// alias) when in is not "" (the --in flag of show and map).
func (x *invocation) resolveRefIn(s, in string) (catalog.Control, error) {
	if in == "" {
		return x.resolveRef(s)
	}
	fw, err := x.resolveFramework(in)
	if err != nil {
		return catalog.Control{}, err
	}
	return x.resolveRef(s, fw)
}

// resolveRef turns what a person typed into one control, or an input error: for an
// ambiguous reference the candidates with their titles and the exact spelling to use.
func (x *invocation) resolveRef(s string, in ...catalog.FrameworkID) (catalog.Control, error) {
	r, err := x.cat.ParseRef(s, in...)
	if err == nil {
		c, ok := x.cat.Control(r)
		if !ok {
			return catalog.Control{}, badInput("no control %s", safetext.Quote(s))
		}
		return c, nil
	}
	var re *catalog.RefError
	if !errors.As(err, &re) {
		return catalog.Control{}, badInput("%v", err)
	}
	switch {
	case errors.Is(err, catalog.ErrAmbiguous):
		cands := make([]string, len(re.Candidates))
		for i, cr := range re.Candidates {
			cands[i] = cr.String()
			if c, ok := x.cat.Control(cr); ok {
				cands[i] += fmt.Sprintf(" (%s)", c.Title)
			}
		}
		return catalog.Control{}, badInput("%q is ambiguous: it could be %s; write it in full, e.g. %q, or add --in FRAMEWORK",
			s, strings.Join(cands, " or "), re.Candidates[0].String())
	case errors.Is(err, catalog.ErrUnknownFramework):
		return catalog.Control{}, badInput("unknown framework %s; accepted: %s", safetext.Quote(re.Input), strings.Join(x.frameworkIDs(), ", "))
	case errors.Is(err, catalog.ErrSyntax):
		why := "" // what is wrong beyond the form, e.g. a control character
		if d := strings.TrimPrefix(re.Err.Error(), catalog.ErrSyntax.Error()); d != "" {
			why = " (" + strings.TrimPrefix(d, ": ") + ")"
		}
		return catalog.Control{}, badInput("malformed reference %s%s; write an ID such as 8.16, A.5.1, GV.OC-01 or iso27002:2022/5.1", safetext.Quote(s), why)
	}
	where := "any framework"
	if len(re.Frameworks) > 0 {
		fws := make([]string, len(re.Frameworks))
		for i, f := range re.Frameworks {
			fws[i] = string(f)
		}
		slices.Sort(fws)
		where = strings.Join(slices.Compact(fws), ", ")
	}
	hint := "'controlgraph controls FRAMEWORK' lists the IDs"
	if !catalog.HasCIS() && strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "cis") {
		hint = "this build has no CIS data (built with -tags nocis)"
	}
	return catalog.Control{}, badInput("no control %s in %s; %s", safetext.Quote(s), where, hint)
}
