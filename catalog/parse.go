package catalog

import (
	"slices"
	"strings"
)

// ParseRef resolves s against the embedded catalog ([Default]); see [Catalog.ParseRef].
func ParseRef(s string, in ...FrameworkID) (Ref, error) {
	return Default().ParseRef(s, in...)
}

// ParseRef resolves what a person typed to the one control it names. It accepts:
//
//   - a framework prefix by ID, alias or family, followed by ':', '/' or a space:
//     "iso27002:2022/5.1", "ISO27002:5.1", "iso27001:2022/A.5.1", "cis:4.1", "CIS 4.1",
//     "csf:GV.OC-01";
//   - a bare ID, searched in every framework or in those given as in: "5.1", "A.5.1",
//     "a.5.1", "GV.OC-01", "gv.oc-1", "A.12.4.1".
//
// IDs match without regard to case, to leading zeros of numbers (CSF 2.0 writes
// GV.OC-01, CSF 1.1 wrote ID.AM-1) and to ISO's "A." prefix of Annex A controls. An
// exact match of a control's ID wins over a normalised one ("ID.AM-1" is CSF 1.1's,
// "ID.AM-01" CSF 2.0's). A family prefix ("iso27002:", "csf:") prefers the newest version
// that has the control. Frameworks marked QualifiedOnly (the CIS Controls) are searched
// only when named, so a bare "4.1" is read as ISO.
//
// Input that matches several controls is not guessed: the error is a [*RefError]
// wrapping [ErrAmbiguous] that lists the candidates. Other failures wrap [ErrSyntax],
// [ErrUnknownFramework] or [ErrNotFound].
func (c *Catalog) ParseRef(s string, in ...FrameworkID) (Ref, error) {
	input := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Ref{}, &RefError{Input: input, Err: ErrSyntax}
	}
	var scope []FrameworkID
	for _, f := range in {
		ids := c.resolveFW(string(f))
		if len(ids) == 0 {
			return Ref{}, &RefError{Input: string(f), Err: ErrUnknownFramework}
		}
		scope = append(scope, ids...)
	}
	qualified := len(in) > 0
	family := false
	id := s
	// The longest prefix ending at a separator that names a framework.
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ':' && s[i] != '/' && s[i] != ' ' {
			continue
		}
		prefix, rest := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if rest == "" {
			continue
		}
		ids := c.resolveFW(prefix)
		if len(ids) == 0 {
			continue
		}
		if qualified {
			ids = slices.DeleteFunc(slices.Clone(ids), func(f FrameworkID) bool { return !slices.Contains(scope, f) })
			if len(ids) == 0 {
				return Ref{}, &RefError{Input: input, Frameworks: scope, Err: ErrNotFound}
			}
		}
		scope, id, qualified = ids, rest, true
		family = len(ids) > 1 || !strings.Contains(normFW(prefix), ":")
		break
	}
	if !qualified {
		for _, d := range c.fws {
			scope = append(scope, d.info.ID)
		}
	} else if strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") {
		return Ref{}, &RefError{Input: input, Err: ErrSyntax}
	}

	type cand struct {
		ref   Ref
		exact bool
		rank  int // position of the framework in scope (newest first for a family)
	}
	var cands []cand
	addCand := func(r Ref, exact bool, rank int) {
		for i, x := range cands {
			if x.ref == r {
				cands[i].exact = x.exact || exact
				cands[i].rank = min(x.rank, rank)
				return
			}
		}
		cands = append(cands, cand{r, exact, rank})
	}
	key := normKey(id)
	for rank, fw := range scope {
		d := c.byID[fw]
		if d == nil || (!qualified && d.info.QualifiedOnly) {
			continue
		}
		if d.info.AnnexOf != "" {
			if rest, ok := cutAnnex(id); ok {
				if a := c.byID[d.info.AnnexOf]; a != nil {
					if i, ok := a.pos[rest]; ok {
						addCand(a.controls[i].Ref, true, rank)
					} else {
						for _, i := range a.keys[normKey(rest)] {
							addCand(a.controls[i].Ref, false, rank)
						}
					}
				}
				continue
			}
		}
		if i, ok := d.pos[id]; ok {
			addCand(d.controls[i].Ref, true, rank)
			continue
		}
		for _, i := range d.keys[key] {
			addCand(d.controls[i].Ref, false, rank)
		}
	}
	if slices.ContainsFunc(cands, func(x cand) bool { return x.exact }) {
		cands = slices.DeleteFunc(cands, func(x cand) bool { return !x.exact })
	}
	if family && len(cands) > 1 {
		best := slices.MinFunc(cands, func(a, b cand) int { return a.rank - b.rank }).rank
		cands = slices.DeleteFunc(cands, func(x cand) bool { return x.rank != best })
	}
	switch len(cands) {
	case 0:
		e := &RefError{Input: input, Err: ErrNotFound}
		if qualified {
			e.Frameworks = slices.Clone(scope)
		}
		return Ref{}, e
	case 1:
		return cands[0].ref, nil
	}
	refs := make([]Ref, len(cands))
	for i, x := range cands {
		refs[i] = x.ref
	}
	slices.SortFunc(refs, c.Compare)
	return Ref{}, &RefError{Input: input, Candidates: refs, Err: ErrAmbiguous}
}
