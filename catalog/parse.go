package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// ParseRef resolves s against the embedded catalog ([Default]); see [Catalog.ParseRef].
func ParseRef(s string, in ...FrameworkID) (Ref, error) {
	return Default().ParseRef(s, in...)
}

// ParseRef resolves what a person typed to the one control it names. It accepts:
//
//   - a framework prefix by ID, alias or family, followed by ':', '/' or a space:
//     "iso27002:2022/5.1", "ISO27002:5.1", "iso27001:2022/A.5.1", "cis:4.1", "CIS 4.1",
//     "csf:GV.OC-01", "NIST CSF 1.1 ID.AM-1" (see [Catalog.ResolveFramework]);
//   - a bare ID, searched in every framework or in those given as in: "5.1", "A.5.1",
//     "a.5.1", "GV.OC-01", "gv.oc-1", "A.12.4.1".
//
// IDs match without regard to case, to leading zeros of numbers (CSF 2.0 writes
// GV.OC-01, CSF 1.1 wrote ID.AM-1) and to ISO's "A." prefix of Annex A controls. The
// closest match wins: the ID as written, then the ID in another case, then a
// normalised ID; so "ID.AM-1" and "id.am-1" are CSF 1.1's, "ID.AM-01" CSF 2.0's, and
// "6.1.1" is the ISO/IEC 27001 clause rather than the 2013 control A.6.1.1. Among
// equally close matches, a family name ("iso27002:", "csf:", or "csf" in in) means the
// newest version that has the control. Frameworks marked QualifiedOnly (the CIS
// Controls) are searched only when named, so a bare "4.1" is read as ISO.
//
// Input that matches several controls is not guessed: the error is a [*RefError]
// wrapping [ErrAmbiguous] that lists the candidates. Other failures wrap [ErrSyntax]
// (empty input, a dangling separator as in "iso27002:"), [ErrUnknownFramework] (a
// framework in in, or a prefix such as "foo:1", that the catalog does not hold) or
// [ErrNotFound].
func (c *Catalog) ParseRef(s string, in ...FrameworkID) (Ref, error) {
	input := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Ref{}, &RefError{Input: input, Err: ErrSyntax}
	}
	if off, r := safetext.FirstControl(s); off >= 0 {
		return Ref{}, &RefError{Input: input, Err: fmt.Errorf("%w: %s", ErrSyntax, safetext.ControlError(off, r))}
	}
	// Each framework to search, with its group (one per name given: a family name
	// gives a group of several versions) and its position in the group (newest first).
	type scoped struct {
		id         FrameworkID
		group, pos int
	}
	var scope []scoped
	add := func(ids []FrameworkID, group int) {
		for pos, id := range ids {
			if !slices.ContainsFunc(scope, func(x scoped) bool { return x.id == id }) {
				scope = append(scope, scoped{id, group, pos})
			}
		}
	}
	scopeIDs := func() []FrameworkID {
		out := make([]FrameworkID, len(scope))
		for i, x := range scope {
			out[i] = x.id
		}
		return out
	}
	for g, f := range in {
		ids := c.resolveFW(string(f))
		if len(ids) == 0 {
			return Ref{}, &RefError{Input: string(f), Err: ErrUnknownFramework}
		}
		add(ids, g)
	}
	qualified := len(in) > 0
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
			ids = slices.DeleteFunc(slices.Clone(ids), func(f FrameworkID) bool {
				return !slices.ContainsFunc(scope, func(x scoped) bool { return x.id == f })
			})
			if len(ids) == 0 {
				return Ref{}, &RefError{Input: input, Frameworks: scopeIDs(), Err: ErrNotFound}
			}
		}
		scope = nil
		add(ids, 0)
		id, qualified = rest, true
		break
	}
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, ":") || strings.HasSuffix(s, "/") || strings.HasSuffix(s, ":") {
		return Ref{}, &RefError{Input: input, Err: ErrSyntax}
	}
	if !qualified {
		for g, d := range c.fws {
			if !d.info.QualifiedOnly {
				scope = append(scope, scoped{d.info.ID, g, 0})
			}
		}
	}

	// How well an ID matched: exactly, without regard to case, or only after
	// normalising (leading zeros, "A.").
	const (
		normalised = iota
		folded
		exact
	)
	type cand struct {
		ref        Ref
		quality    int
		group, pos int
	}
	var cands []cand
	addCand := func(r Ref, quality int, x scoped) {
		for i, y := range cands {
			if y.ref == r {
				cands[i].quality = max(y.quality, quality)
				return
			}
		}
		cands = append(cands, cand{r, quality, x.group, x.pos})
	}
	key := normKey(id)
	annexID, isAnnex := cutAnnex(id)
	annexKey := normKey(annexID)
	// A NIST SP 800-53 label has more spellings: "AC-2(1)" is also "ac-2.1".
	var altKeys []string
	if paren, dot, ok := nistSpellings(id); ok {
		for _, k := range []string{normKey(paren), normKey(dot)} {
			if k != key && !slices.Contains(altKeys, k) {
				altKeys = append(altKeys, k)
			}
		}
	}
	match := func(d *fwData, id, key string, x scoped) {
		ix := d.index()
		if i, ok := ix.lookup(id); ok {
			addCand(ix.controls[i].Ref, exact, x)
			return
		}
		for _, i := range ix.keyed(key) {
			q := normalised
			if strings.EqualFold(ix.controls[i].Ref.ID, id) {
				q = folded
			}
			addCand(ix.controls[i].Ref, q, x)
		}
		for _, k := range altKeys {
			for _, i := range ix.keyed(k) {
				addCand(ix.controls[i].Ref, normalised, x)
			}
		}
	}
	for _, x := range scope {
		d := c.byID[x.id]
		if d == nil {
			continue
		}
		if _, own := d.index().lookup(id); !own && isAnnex && d.info.AnnexOf != "" {
			if a := c.byID[d.info.AnnexOf]; a != nil {
				match(a, annexID, annexKey, x)
			}
			continue
		}
		match(d, id, key, x)
	}
	if len(cands) > 0 {
		best := slices.MaxFunc(cands, func(a, b cand) int { return a.quality - b.quality }).quality
		cands = slices.DeleteFunc(cands, func(x cand) bool { return x.quality != best })
	}
	// Within one family, the newest version that has the control.
	newest := map[int]int{} // group → smallest pos among the candidates
	for _, x := range cands {
		if p, ok := newest[x.group]; !ok || x.pos < p {
			newest[x.group] = x.pos
		}
	}
	cands = slices.DeleteFunc(cands, func(x cand) bool { return x.pos != newest[x.group] })
	switch len(cands) {
	case 0:
		e := &RefError{Input: input, Err: ErrNotFound}
		if qualified {
			e.Frameworks = scopeIDs()
		} else if strings.ContainsAny(s, ":/") {
			// The input has a framework prefix that names no framework of the
			// catalog ("foo:1"); saying so helps more than "no such control".
			e.Err = ErrUnknownFramework
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

// nistSpellings reads id as a NIST SP 800-53 label or OSCAL control id: a family of
// one to four letters, '-', a number, and optionally an enhancement number in
// parentheses or after a dot ("AC-2", "AC-2(1)", "AC-02(01)", "ac-2.1", "ac-2 (1)").
// It returns the label spelling ("AC-2(1)") and the OSCAL id spelling ("AC-2.1"),
// both upper case with the numbers as written; ok is false for any other shape, such
// as CSF's "ID.AM-1" (a dot in the family) or ISO's "5.1".
//
// [Catalog.ParseRef] looks both spellings up, so that a catalog whose IDs are
// printed labels ("AC-2(1)") and one whose IDs are OSCAL ids ("ac-2.1") each find
// their control under every spelling; leading zeros and case are ignored as for any
// ID.
func nistSpellings(id string) (paren, dot string, ok bool) {
	s := strings.ToUpper(strings.TrimSpace(id))
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 4 || i >= len(s) || s[i] != '-' {
		return "", "", false
	}
	fam := s[:i]
	num, rest := digitRun(s[i+1:])
	if num == "" {
		return "", "", false
	}
	base := fam + "-" + num
	rest = strings.TrimLeft(rest, " ")
	if rest == "" {
		return base, base, true
	}
	var enh string
	switch {
	case rest[0] == '.':
		enh, rest = digitRun(rest[1:])
	case rest[0] == '(':
		enh, rest = digitRun(rest[1:])
		if !strings.HasPrefix(rest, ")") {
			return "", "", false
		}
		rest = rest[1:]
	default:
		return "", "", false
	}
	if enh == "" || rest != "" {
		return "", "", false
	}
	return base + "(" + enh + ")", base + "." + enh, true
}
