package crosswalk

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
)

// Status is the implementation status of one baseline control in an [Assessment].
type Status uint8

// The statuses. The zero value, NotAssessed, is what a control missing from an
// assessment has; a file never states it.
const (
	NotAssessed    Status = iota // not in the assessment (counts as not implemented)
	Implemented                  // in place and working
	Partial                      // partly in place
	Planned                      // decided, not yet in place
	NotImplemented               // not in place
	NotApplicable                // excluded, with a justification
)

var statusNames = [...]string{
	NotAssessed:    "not-assessed",
	Implemented:    "implemented",
	Partial:        "partial",
	Planned:        "planned",
	NotImplemented: "not-implemented",
	NotApplicable:  "not-applicable",
}

// String returns the status word ("implemented", "not-applicable", ...).
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Valid reports whether s is one of the statuses a file may state (not NotAssessed).
func (s Status) Valid() bool { return s >= Implemented && s <= NotApplicable }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, fmt.Errorf("crosswalk: cannot encode %v", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseStatus]; it also
// reads back "not-assessed", which results such as [GapResult] and [SoA] write, so
// their JSON round-trips. Assessment files may not state it.
func (s *Status) UnmarshalText(b []byte) error {
	if strings.EqualFold(strings.TrimSpace(string(b)), NotAssessed.String()) {
		*s = NotAssessed
		return nil
	}
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseStatus reads a status without regard to case, surrounding space, and '-', '_'
// or ' ' between words: "Implemented", "not implemented", "NOT_APPLICABLE", "n/a".
func ParseStatus(s string) (Status, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer("-", "", "_", "", " ", "").Replace(k)
	switch k {
	case "implemented", "yes", "done":
		return Implemented, nil
	case "partial", "partiallyimplemented", "partly", "partlyimplemented":
		return Partial, nil
	case "planned":
		return Planned, nil
	case "notimplemented", "no":
		return NotImplemented, nil
	case "notapplicable", "n/a", "na", "excluded":
		return NotApplicable, nil
	}
	return 0, fmt.Errorf("%w %q (want implemented, partial, planned, not-implemented or not-applicable)", ErrUnknownStatus, s)
}

// Entry is the assessment of one baseline control.
type Entry struct {
	Control       catalog.Ref // canonical reference of a control of the baseline framework
	Status        Status
	Justification string // why (required by ISO 27001 6.1.3 d for an excluded control)
	Owner         string
	Evidence      string
	Notes         string
	// Line is where the entry came from: the line of a CSV file, the 1-based record
	// index of a JSON file; 0 for an entry built in code.
	Line int
}

// DefaultBaseline is the framework assessments are keyed by unless they say otherwise.
const DefaultBaseline = catalog.ISO27002v2022

// Assessment is the status of the controls of a baseline framework. It is immutable
// and safe for concurrent use; accessors return copies.
type Assessment struct {
	name     string
	baseline catalog.FrameworkID
	entries  []Entry             // document order
	pos      map[catalog.Ref]int // control → index in entries
	missing  []catalog.Ref       // baseline controls with no entry, document order
}

// NewAssessment builds an assessment of the controls of baseline (of cat;
// [catalog.Default] when cat is nil; [DefaultBaseline] when baseline is "") from
// entries. Each entry must name a control (a leaf) of the baseline framework, at most
// once, with a valid status. All problems are reported together as [*AssessmentError]
// values joined with [errors.Join].
func NewAssessment(cat *catalog.Catalog, baseline catalog.FrameworkID, entries ...Entry) (*Assessment, error) {
	if cat == nil {
		cat = catalog.Default()
	}
	if baseline == "" {
		baseline = DefaultBaseline
	}
	var p problemList
	fw, err := cat.ResolveFramework(string(baseline))
	if err != nil {
		p.add(&AssessmentError{Field: "baseline", Value: string(baseline), Err: fmt.Errorf("%w: %v", ErrWrongFramework, err)})
		return nil, p.err()
	}
	rows := make([]row, len(entries))
	for i, e := range entries {
		rows[i] = row{Entry: e, rec: i + 1}
	}
	return buildAssessment(cat, "", fw, rows, &p, false)
}

type row struct {
	Entry
	rec     int    // record number (1-based) for JSON, 0 for CSV
	control string // as written, "" when given as a Ref
	status  string // as written, "" when given as a Status
}

func buildAssessment(cat *catalog.Catalog, name string, fw catalog.FrameworkID, rows []row, p *problemList, fromFile bool) (*Assessment, error) {
	a := &Assessment{name: name, baseline: fw, pos: make(map[catalog.Ref]int, len(rows))}
	where := func(r row, field, value string, err error) *AssessmentError {
		e := &AssessmentError{File: name, Field: field, Value: value, Err: err}
		if r.rec > 0 {
			e.Record = r.rec
		} else {
			e.Line = r.Line
		}
		return e
	}
	first := map[catalog.Ref]row{}
	for _, r := range rows {
		var ref catalog.Ref
		ok := true
		if fromFile {
			ref, ok = resolveControl(cat, fw, r, r.control, p, where)
		} else {
			ref, ok = checkControl(cat, fw, r, p, where)
		}
		st := r.Status
		if r.status != "" || fromFile {
			v, err := ParseStatus(r.status)
			if err != nil {
				p.add(where(r, "status", r.status, err))
				ok = false
			}
			st = v
		} else if !st.Valid() {
			p.add(where(r, "status", st.String(), fmt.Errorf("%w %q", ErrUnknownStatus, st.String())))
			ok = false
		}
		if !ok {
			continue
		}
		if prev, dup := first[ref]; dup {
			e := where(r, "control", ref.ID, ErrDuplicate)
			e.FirstLine, e.FirstRecord = prev.Line, prev.rec
			if prev.rec > 0 {
				e.FirstLine = 0
			}
			p.add(e)
			continue
		}
		first[ref] = r
		e := r.Entry
		e.Control, e.Status = ref, st
		if r.rec > 0 {
			e.Line = r.rec
		}
		a.entries = append(a.entries, e)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(a.entries, func(x, y Entry) int { return cat.Compare(x.Control, y.Control) })
	for i, e := range a.entries {
		a.pos[e.Control] = i
	}
	for _, f := range baselineFrameworks(cat, fw) {
		for c := range cat.Controls(f) {
			if isAssessable(cat, c) {
				if _, ok := a.pos[c.Ref]; !ok {
					a.missing = append(a.missing, c.Ref)
				}
			}
		}
	}
	return a, nil
}

// baselineFrameworks returns the frameworks an assessment of fw rates: fw and, when fw
// carries another as its Annex A (ISO/IEC 27001:2022, an ISMS baseline: the clauses
// and the Annex A controls), that one too.
func baselineFrameworks(cat *catalog.Catalog, fw catalog.FrameworkID) []catalog.FrameworkID {
	out := []catalog.FrameworkID{fw}
	if in, ok := cat.Framework(fw); ok && in.AnnexOf != "" && in.AnnexOf != fw && cat.Has(in.AnnexOf) {
		out = append(out, in.AnnexOf)
	}
	return out
}

// isAssessable reports whether c is a control an assessment rates: a leaf of its
// framework (an ISO control, not a theme).
func isAssessable(cat *catalog.Catalog, c catalog.Control) bool {
	for range cat.Children(c.Ref) {
		return false
	}
	return true
}

func checkControl(cat *catalog.Catalog, fw catalog.FrameworkID, r row, p *problemList,
	where func(row, string, string, error) *AssessmentError) (catalog.Ref, bool) {
	ref, ok := cat.Canonical(r.Control)
	switch {
	case !ok:
		p.add(where(r, "control", r.Control.String(), ErrUnknownControl))
	case !slices.Contains(baselineFrameworks(cat, fw), ref.Framework):
		p.add(where(r, "control", r.Control.String(), fmt.Errorf("%w: the assessment's baseline is %s", ErrWrongFramework, fw)))
		ok = false
	default:
		c, _ := cat.Control(ref)
		if !isAssessable(cat, c) {
			p.add(where(r, "control", r.Control.String(), fmt.Errorf("%w: %s is a %s, not a control that can be assessed", ErrUnknownControl, ref, c.Kind)))
			ok = false
		}
	}
	return ref, ok
}

func resolveControl(cat *catalog.Catalog, fw catalog.FrameworkID, r row, in string, p *problemList,
	where func(row, string, string, error) *AssessmentError) (catalog.Ref, bool) {
	if strings.TrimSpace(in) == "" {
		p.add(where(r, "control", in, fmt.Errorf("%w: empty", ErrUnknownControl)))
		return catalog.Ref{}, false
	}
	ref, err := cat.ParseRef(in, fw)
	if err != nil {
		// Does it name a control of another framework?
		if other, err2 := cat.ParseRef(in); err2 == nil && other.Framework != fw {
			p.add(where(r, "control", in, fmt.Errorf("%w: %s is a control of %s, the assessment's baseline is %s", ErrWrongFramework, other, other.Framework, fw)))
			return catalog.Ref{}, false
		}
		p.add(where(r, "control", in, fmt.Errorf("%w: %v", ErrUnknownControl, err)))
		return catalog.Ref{}, false
	}
	c, _ := cat.Control(ref)
	if !isAssessable(cat, c) {
		p.add(where(r, "control", in, fmt.Errorf("%w: %s is a %s, not a control that can be assessed", ErrUnknownControl, ref, c.Kind)))
		return catalog.Ref{}, false
	}
	return ref, true
}

// Name returns the file name the assessment was read from ("" when built in code).
func (a *Assessment) Name() string { return a.name }

// Baseline returns the framework whose controls the assessment rates.
func (a *Assessment) Baseline() catalog.FrameworkID { return a.baseline }

// Len returns the number of assessed controls.
func (a *Assessment) Len() int { return len(a.entries) }

// All yields the entries in document order of their controls.
func (a *Assessment) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range a.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// Entry returns the entry of control r.
func (a *Assessment) Entry(r catalog.Ref) (Entry, bool) {
	i, ok := a.pos[r]
	if !ok {
		return Entry{}, false
	}
	return a.entries[i], true
}

// Status returns the status of control r, NotAssessed when the assessment has no
// entry for it.
func (a *Assessment) Status(r catalog.Ref) Status {
	if i, ok := a.pos[r]; ok {
		return a.entries[i].Status
	}
	return NotAssessed
}

// NotAssessed returns the controls of the baseline that the assessment does not
// rate, in document order. They count as not implemented.
func (a *Assessment) NotAssessed() []catalog.Ref { return slices.Clone(a.missing) }

// Errors in assessments; test with [errors.Is]. The error itself is an
// [*AssessmentError] saying where.
var (
	ErrUnknownControl = errors.New("unknown control")
	ErrUnknownStatus  = errors.New("unknown status")
	ErrDuplicate      = errors.New("control assessed twice")
	ErrWrongFramework = errors.New("control is not of the assessment's baseline framework")
	ErrMissingColumn  = errors.New("missing column")
	ErrUnknownColumn  = errors.New("unknown column")
	ErrMalformed      = errors.New("malformed input")
)

// AssessmentError is one problem in an assessment, with its position.
type AssessmentError struct {
	File   string // "" when not read from a file
	Line   int    // CSV line (1-based), 0 when unknown
	Record int    // JSON: 1-based index in "controls"; 0 otherwise
	Field  string // "control", "status", a column name, "baseline"
	Value  string // the offending value
	// For ErrDuplicate: where the control was first assessed.
	FirstLine, FirstRecord int
	Err                    error
}

func (e *AssessmentError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Record > 0 {
		fmt.Fprintf(&b, "controls[%d]: ", e.Record-1)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %q", e.Field)
		if e.Value != "" {
			fmt.Fprintf(&b, " = %q", e.Value)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	switch {
	case e.FirstLine > 0:
		fmt.Fprintf(&b, " (first on line %d)", e.FirstLine)
	case e.FirstRecord > 0:
		fmt.Fprintf(&b, " (first at controls[%d])", e.FirstRecord-1)
	}
	return b.String()
}

func (e *AssessmentError) Unwrap() error { return e.Err }

type problemList struct {
	list []error
	more int
}

func (p *problemList) add(e error) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, e)
}

func (p *problemList) err() error {
	if len(p.list) == 0 {
		return nil
	}
	l := p.list
	if p.more > 0 {
		l = append(slices.Clone(l), fmt.Errorf("... and %d more problems", p.more))
	}
	return errors.Join(l...)
}
