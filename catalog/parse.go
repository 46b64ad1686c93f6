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
	scope, err := c.scopeOf(in)
	if err != nil {
		return Ref{}, err
	}
	id, scope, qualified, perr := c.cutFrameworkPrefix(s, scope, len(in) > 0)
	if perr != nil {
		perr.Input = input
		return Ref{}, perr
	}
	if danglingSeparator(s) {
		return Ref{}, &RefError{Input: input, Err: ErrSyntax}
	}
	if !qualified {
		for g, d := range c.fws {
			if !d.info.QualifiedOnly {
				scope = append(scope, scoped{d.info.ID, g, 0})
			}
		}
	}
	cands := c.candidates(newIDQuery(id), scope).closest()
	switch len(cands) {
	case 0:
		return Ref{}, notFound(input, s, scope, qualified)
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

// scopeOf returns the frameworks the names in mean, one group per name, in order.
func (c *Catalog) scopeOf(in []FrameworkID) (refScope, error) {
	var scope refScope
	for g, f := range in {
		ids := c.resolveFW(string(f))
		if len(ids) == 0 {
			return nil, &RefError{Input: string(f), Err: ErrUnknownFramework}
		}
		scope.add(ids, g)
	}
	return scope, nil
}

// danglingSeparator reports whether s begins or ends with a framework separator
// ("iso27002:", "/5.1").
func danglingSeparator(s string) bool {
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, ":") || strings.HasSuffix(s, "/") || strings.HasSuffix(s, ":")
}

// notFound is the error for input (s trimmed) that names no control of the scope.
func notFound(input, s string, scope refScope, qualified bool) *RefError {
	e := &RefError{Input: input, Err: ErrNotFound}
	if qualified {
		e.Frameworks = scope.ids()
	} else if strings.ContainsAny(s, ":/") {
		// The input has a framework prefix that names no framework of the catalog
		// ("foo:1"); saying so helps more than "no such control".
		e.Err = ErrUnknownFramework
	}
	return e
}

// scoped is one framework [Catalog.ParseRef] searches, with its group (one per name
// given: a family name gives a group of several versions) and its position in the
// group (newest first).
type scoped struct {
	id         FrameworkID
	group, pos int
}

// refScope is the frameworks a reference is searched in.
type refScope []scoped

// add adds the frameworks ids as group, each once.
func (s *refScope) add(ids []FrameworkID, group int) {
	for pos, id := range ids {
		if !s.has(id) {
			*s = append(*s, scoped{id, group, pos})
		}
	}
}

// has reports whether the scope holds framework id.
func (s refScope) has(id FrameworkID) bool {
	return slices.ContainsFunc(s, func(x scoped) bool { return x.id == id })
}

// ids returns the frameworks of the scope, in order.
func (s refScope) ids() []FrameworkID {
	out := make([]FrameworkID, len(s))
	for i, x := range s {
		out[i] = x.id
	}
	return out
}

// cutFrameworkPrefix finds the longest prefix of s ending at a separator (':', '/' or
// a space) that names a framework, and returns the rest of s as the ID to look up
// with the prefix's frameworks as the scope; qualified says whether the scope is
// given (by in, or by the prefix). Without such a prefix it returns s, scope and
// qualified unchanged. A prefix naming no framework of a scope given by in is
// [ErrNotFound] (the error's Input is the caller's to fill).
func (c *Catalog) cutFrameworkPrefix(s string, scope refScope, qualified bool) (string, refScope, bool, *RefError) {
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
			ids = slices.DeleteFunc(slices.Clone(ids), func(f FrameworkID) bool { return !scope.has(f) })
			if len(ids) == 0 {
				return "", nil, false, &RefError{Frameworks: scope.ids(), Err: ErrNotFound}
			}
		}
		var prefixed refScope
		prefixed.add(ids, 0)
		return rest, prefixed, true, nil
	}
	return s, scope, qualified, nil
}

// How well an ID matched: exactly, without regard to case, or only after normalising
// (leading zeros, "A.").
const (
	matchNormalised = iota
	matchFolded
	matchExact
)

// candidate is a control an ID may name, with how well it matched and the place of
// its framework in the scope.
type candidate struct {
	ref        Ref
	quality    int
	group, pos int
}

// candidateList is the controls an ID may name, each once.
type candidateList []candidate

// add adds r, or raises its quality if it is there already.
func (cs *candidateList) add(r Ref, quality int, x scoped) {
	for i, y := range *cs {
		if y.ref == r {
			(*cs)[i].quality = max(y.quality, quality)
			return
		}
	}
	*cs = append(*cs, candidate{r, quality, x.group, x.pos})
}

// closest keeps the candidates that matched best and, within one group (a family),
// those of the newest version that has the control.
func (cs candidateList) closest() candidateList {
	if len(cs) == 0 {
		return cs
	}
	best := slices.MaxFunc(cs, func(a, b candidate) int { return a.quality - b.quality }).quality
	cs = slices.DeleteFunc(cs, func(x candidate) bool { return x.quality != best })
	newest := map[int]int{} // group → smallest pos among the candidates
	for _, x := range cs {
		if p, ok := newest[x.group]; !ok || x.pos < p {
			newest[x.group] = x.pos
		}
	}
	return slices.DeleteFunc(cs, func(x candidate) bool { return x.pos != newest[x.group] })
}

// idQuery is an ID as typed, with the keys it is looked up by.
type idQuery struct {
	id, key           string
	annexID, annexKey string // the ID without its "A." prefix, when isAnnex
	isAnnex           bool
	// altKeys are the other spellings of a NIST SP 800-53 label: "AC-2(1)" is also
	// "ac-2.1".
	altKeys []string
}

// newIDQuery returns the query for the ID id.
func newIDQuery(id string) idQuery {
	q := idQuery{id: id, key: normKey(id)}
	q.annexID, q.isAnnex = cutAnnex(id)
	q.annexKey = normKey(q.annexID)
	if paren, dot, ok := nistSpellings(id); ok {
		for _, k := range []string{normKey(paren), normKey(dot)} {
			if k != q.key && !slices.Contains(q.altKeys, k) {
				q.altKeys = append(q.altKeys, k)
			}
		}
	}
	return q
}

// candidates returns the controls of the scope that q may name. A framework that
// carries another as its annex is searched for an Annex A spelling in that framework,
// unless it has a control with that very ID.
func (c *Catalog) candidates(q idQuery, scope refScope) candidateList {
	var cs candidateList
	for _, x := range scope {
		d := c.byID[x.id]
		if d == nil {
			continue
		}
		if _, own := d.index().lookup(q.id); !own && q.isAnnex && d.info.AnnexOf != "" {
			if a := c.byID[d.info.AnnexOf]; a != nil {
				q.match(a, q.annexID, q.annexKey, x, &cs)
			}
			continue
		}
		q.match(d, q.id, q.key, x, &cs)
	}
	return cs
}

// match adds to cs the controls of d that id (normalised: key) names: the one with
// exactly that ID, or else those whose normalised ID is key or one of the alternative
// spellings.
func (q idQuery) match(d *fwData, id, key string, x scoped, cs *candidateList) {
	ix := d.index()
	if i, ok := ix.lookup(id); ok {
		cs.add(ix.controls[i].Ref, matchExact, x)
		return
	}
	for _, i := range ix.keyed(key) {
		quality := matchNormalised
		if strings.EqualFold(ix.controls[i].Ref.ID, id) {
			quality = matchFolded
		}
		cs.add(ix.controls[i].Ref, quality, x)
	}
	for _, k := range q.altKeys {
		for _, i := range ix.keyed(k) {
			cs.add(ix.controls[i].Ref, matchNormalised, x)
		}
	}
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
