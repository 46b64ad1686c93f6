package catalog

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/internal/safetext"
)

// Ref names one control: a framework and the control's ID in it. Refs are small,
// comparable values usable as map keys. The canonical text form is
// "framework/id", for example "iso27002:2022/5.1" or "nist-csf:2.0/GV.OC-01".
type Ref struct {
	Framework FrameworkID // the framework holding the control, "iso27002:2022"
	ID        string      // the control's ID in that framework as written there, "5.1"
}

// NewRef returns the Ref of control id in framework fw, as given (no normalising; use
// [Catalog.ParseRef] for user input).
func NewRef(fw FrameworkID, id string) Ref { return Ref{Framework: fw, ID: id} }

// IsZero reports whether r is the zero Ref.
func (r Ref) IsZero() bool { return r == Ref{} }

// String returns "framework/id", or "" for the zero Ref.
func (r Ref) String() string {
	if r.IsZero() {
		return ""
	}
	return string(r.Framework) + "/" + r.ID
}

// Compare orders refs by framework ID and then by control ID in natural order (see
// [CompareIDs]). It needs no catalog; [Catalog.Compare] orders by document order.
func (r Ref) Compare(o Ref) int {
	if c := cmp.Compare(r.Framework, o.Framework); c != 0 {
		return c
	}
	return CompareIDs(r.ID, o.ID)
}

// MarshalText implements [encoding.TextMarshaler] with the canonical form.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts only the canonical
// form "framework/id", with an ID that a [Catalog] could hold (no surrounding spaces,
// slashes or control characters); use [Catalog.ParseRef] for the spellings people
// type.
func (r *Ref) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*r = Ref{}
		return nil
	}
	fw, id, ok := strings.Cut(s, "/")
	if !ok || !validFrameworkID(FrameworkID(fw)) || controlIDProblem(id) != "" {
		return &RefError{Input: s, Err: ErrSyntax}
	}
	*r = Ref{Framework: FrameworkID(fw), ID: id}
	return nil
}

// controlIDProblem says what makes id unfit for a control ID, or "" when it is fit:
// an ID is not empty, has no surrounding spaces and no slash (it ends a ref
// "framework/id"), and no control characters — no NUL, no escape sequence that
// would recolour a terminal, no invisible right-to-left override that would make
// "5.1" read as "1.5", and no byte that is not UTF-8.
func controlIDProblem(id string) string {
	switch {
	case id == "":
		return "a control ID is not empty"
	case strings.TrimSpace(id) != id:
		return "a control ID has no surrounding spaces"
	case strings.Contains(id, "/"):
		return "a control ID has no slash"
	}
	if off, r := safetext.FirstControl(id); off >= 0 {
		return "a control ID has no control characters: " + safetext.ControlError(off, r)
	}
	return ""
}

// CompareIDs orders control IDs naturally: runs of digits compare as numbers, so
// "5.2" < "5.10" and "GV.OC-1" < "GV.OC-10"; other characters compare as bytes.
func CompareIDs(a, b string) int {
	for a != "" && b != "" {
		ad, bd := isDigit(a[0]), isDigit(b[0])
		switch {
		case ad && bd:
			na, ra := digitRun(a)
			nb, rb := digitRun(b)
			ta, tb := strings.TrimLeft(na, "0"), strings.TrimLeft(nb, "0")
			if c := cmp.Compare(len(ta), len(tb)); c != 0 {
				return c
			}
			if c := cmp.Compare(ta, tb); c != 0 {
				return c
			}
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			a, b = ra, rb
		case a[0] != b[0]:
			return cmp.Compare(a[0], b[0])
		default:
			a, b = a[1:], b[1:]
		}
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) (run, rest string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// Errors returned when a reference or framework cannot be resolved; test with
// [errors.Is]. The error itself is a [*RefError].
var (
	ErrSyntax           = errors.New("malformed reference")
	ErrUnknownFramework = errors.New("unknown framework")
	ErrNotFound         = errors.New("no such control")
	ErrAmbiguous        = errors.New("ambiguous reference")
)

// RefError reports input that does not name exactly one control or framework: a
// reference string a caller passes, not a place in a file (that is a [*DataError]).
type RefError struct {
	Input      string        // what the caller gave
	Frameworks []FrameworkID // the frameworks searched, when they were restricted
	Candidates []Ref         // for ErrAmbiguous: the controls the input could mean, sorted
	Err        error         // ErrSyntax, ErrUnknownFramework, ErrNotFound or ErrAmbiguous
}

// Error names the input and the problem, with the frameworks searched or, for an
// ambiguous input, the candidates and how to choose.
func (e *RefError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %v", safetext.Quote(e.Input), e.Err)
	if len(e.Frameworks) > 0 && !errors.Is(e.Err, ErrAmbiguous) {
		fw := make([]string, len(e.Frameworks))
		for i, f := range e.Frameworks {
			fw[i] = string(f)
		}
		fmt.Fprintf(&b, " in %s", strings.Join(fw, ", "))
	}
	if len(e.Candidates) > 0 {
		c := make([]string, len(e.Candidates))
		for i, r := range e.Candidates {
			c[i] = r.String()
		}
		fmt.Fprintf(&b, " (could be %s; name the framework, e.g. %q)", strings.Join(c, " or "), e.Candidates[0].String())
	}
	return b.String()
}

// Unwrap returns the underlying error ([ErrSyntax], [ErrUnknownFramework],
// [ErrNotFound] or [ErrAmbiguous]) for [errors.Is].
func (e *RefError) Unwrap() error { return e.Err }
