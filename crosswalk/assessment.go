package crosswalk

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
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

// statusWords is the table of the words [ParseStatus] accepts, per status, in the
// order error messages list them.
var statusWords = []struct {
	status Status
	words  []string
}{
	{Implemented, []string{"implemented", "yes", "done", "complete", "in place"}},
	{Partial, []string{"partial", "partially implemented", "in progress", "partly", "partly implemented"}},
	{Planned, []string{"planned"}},
	{NotImplemented, []string{"not implemented", "no", "missing"}},
	{NotApplicable, []string{"not applicable", "n/a", "na", "excluded"}},
}

// statusByKey maps the normalised form of every word of statusWords to its status.
var statusByKey = func() map[string]Status {
	m := map[string]Status{}
	for _, sw := range statusWords {
		for _, w := range sw.words {
			m[statusKey(w)] = sw.status
		}
	}
	return m
}()

// unrated reports whether a spreadsheet's status cell leaves its control unrated:
// empty, or "not assessed" (the word a statement of applicability of an incomplete
// assessment writes), which no file may state as a status.
func unrated(status string) bool {
	k := statusKey(status)
	return k == "" || k == statusKey(NotAssessed.String())
}

// statusKey folds case and drops spaces (any Unicode space), '-' and '_'.
func statusKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r == '-' || r == '_' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// acceptedStatuses lists the words of statusWords for error messages:
// "implemented (also yes, done, ...); partial (also ...); planned; ...".
func acceptedStatuses() string {
	var b strings.Builder
	b.WriteString("accepted, in any case: ")
	for i, sw := range statusWords {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(sw.status.String())
		var also []string
		for _, w := range sw.words {
			if statusKey(w) != statusKey(sw.status.String()) {
				also = append(also, w)
			}
		}
		if len(also) > 0 {
			fmt.Fprintf(&b, " (also %s)", strings.Join(also, ", "))
		}
	}
	return b.String()
}

// ParseStatus reads a status as people write it in their spreadsheets. Case, spaces,
// '-' and '_' do not matter ("Not implemented", "not-implemented" and
// "NOT_IMPLEMENTED" are one word). The words accepted:
//
//	implemented      implemented, yes, done, complete, in place
//	partial          partial, partially implemented, in progress, partly, partly implemented
//	planned          planned
//	not-implemented  not implemented, no, missing
//	not-applicable   not applicable, n/a, na, excluded
//
// Any other value is an error wrapping [ErrUnknownStatus] that lists these words.
func ParseStatus(s string) (Status, error) {
	if st, ok := statusByKey[statusKey(s)]; ok {
		return st, nil
	}
	return 0, fmt.Errorf("%w %s (%s)", ErrUnknownStatus, safetext.Quote(s), acceptedStatuses())
}

// Entry is the assessment of one baseline control.
type Entry struct {
	Control       catalog.Ref // canonical reference of a control of the baseline framework
	Status        Status      // the assessed status; an [Assessment] refuses NotAssessed
	Justification string      // why (required by ISO 27001 6.1.3 d for an excluded control)
	Owner         string      // who is responsible for the control; free text, "" when not given
	Evidence      string      // what shows the status (a document, a link); free text, "" when not given
	Notes         string      // anything else the assessor wrote; free text, "" when not given
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
	entries  []Entry              // document order
	pos      map[catalog.Ref]int  // control → index in entries
	missing  []catalog.Ref        // baseline controls with no entry, document order
	warnings []*catalog.DataError // what a reader accepted but the user should know
	input    Input                // how the file was read
}

// NewAssessment builds an assessment of the controls of baseline (of cat;
// [catalog.Default] when cat is nil; [DefaultBaseline] when baseline is "") from
// entries. Each entry must name a control (a leaf) of the baseline framework, at most
// once, with a valid status. All problems are reported together as [*catalog.DataError]
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
		p.add(&catalog.DataError{Field: "baseline", Value: string(baseline), Err: fmt.Errorf("%w: %v", ErrWrongFramework, err)})
		return nil, p.err()
	}
	rows := make([]row, len(entries))
	for i, e := range entries {
		rows[i] = row{Entry: e, rec: i + 1}
	}
	return buildAssessment(cat, "", fw, rows, &p, nil)
}

type row struct {
	Entry
	rec     int    // record number (1-based) for JSON, 0 for CSV
	control string // as written, "" when given as a Ref
	// controlCheck is a second column naming the control (a statement of
	// applicability's "annex_a" beside "control"), as written: it must name the same
	// control.
	controlCheck string
	status       string // as written, "" when given as a Status
	// applicable is a statement of applicability's "Applicable" cell as written
	// (yes/no), "" when the file has none: see [assessmentBuilder.applicability].
	applicable string
	// table: the row is of a spreadsheet (CSV, XLSX), where a row without a status is
	// a heading, a footer or a control left unrated, not an error.
	table bool
}

// buildAssessment checks rows and makes the assessment. in says how a file was read
// (nil for entries given in code); warnings already found go in p.warnings.
func buildAssessment(cat *catalog.Catalog, name string, fw catalog.FrameworkID, rows []row, p *problemList, in *Input) (*Assessment, error) {
	b := &assessmentBuilder{cat: cat, fw: fw, name: name, fromFile: in != nil, p: p, first: map[catalog.Ref]row{},
		a: &Assessment{name: name, baseline: fw, pos: make(map[catalog.Ref]int, len(rows))}}
	if in != nil {
		b.a.input = in.clone()
		b.sheet = in.Sheet
	}
	b.a.warnings = p.warnings
	if b.fromFile {
		b.reading = annexReadingOf(cat, fw, rows)
	}
	for _, r := range rows {
		b.add(r)
	}
	b.rowWarnings()
	p.warnings = b.a.warnings // listed after the errors, if any
	if err := p.err(); err != nil {
		return nil, err
	}
	b.index()
	if err := p.refused(); err != nil {
		return nil, err
	}
	a := b.a
	if b.fromFile && len(a.missing) > 0 {
		a.warnings = append(a.warnings, &catalog.DataError{File: name, Warning: true, Err: fmt.Errorf("%w: %d of the %d controls of %s (gap and soa count them as not implemented)",
			ErrIncomplete, len(a.missing), len(a.missing)+len(a.entries), fw)})
	}
	return a, nil
}

// assessmentBuilder makes an assessment of rows, as [buildAssessment] does.
type assessmentBuilder struct {
	cat         *catalog.Catalog
	fw          catalog.FrameworkID
	name, sheet string
	fromFile    bool // the rows come from a file (their controls and statuses as written)
	p           *problemList
	a           *Assessment
	first       map[catalog.Ref]row // the row of each control
	// Rows warned about, each kind in one warning: a control written with a text
	// that is not its title, a control without a status, a row skipped.
	other, unrated, skipped []row
	// reading is how a bare number that is both a clause and an Annex A control
	// reads in this file; annexBare the rows it made Annex A controls (warned about).
	reading   annexReading
	annexBare []row
	// Rows whose "Applicable" cell says no while the status is not not-applicable
	// (read as excluded), says yes while it is, or says neither.
	excluded, applicableNA, badApplicable []row
}

// where is the error at row r: its line, or its record in a JSON file.
func (b *assessmentBuilder) where(r row, field, value string, err error) *catalog.DataError {
	e := &catalog.DataError{File: b.name, Sheet: b.sheet, Field: field, Value: value, Err: err}
	if r.rec > 0 {
		e.Record = fmt.Sprintf("controls[%d]", r.rec-1)
	} else {
		e.Line = r.Line
	}
	return e
}

// add checks row r and makes it an entry, or reports its problems.
func (b *assessmentBuilder) add(r row) {
	if r.table && unrated(r.status) {
		b.noStatus(r)
		return
	}
	ref, ok := b.control(r)
	ok = ok && b.sameControl(r, ref)
	st, sok := b.status(r)
	if !ok || !sok || b.duplicate(r, ref) {
		return
	}
	b.first[ref] = r
	e := r.Entry
	e.Control, e.Status = ref, b.applicability(r, st)
	if r.rec > 0 {
		e.Line = r.rec
	}
	b.a.entries = append(b.a.entries, e)
}

// applicability reads the "Applicable" cell of row r (a statement of applicability
// edited by hand) against its status st: a control marked not applicable ("no") is
// excluded whatever its status says, and one marked applicable ("yes") but stated
// not-applicable keeps that status; both conflicts, and a cell that is neither yes
// nor no, are warned about, naming the rows.
func (b *assessmentBuilder) applicability(r row, st Status) Status {
	switch k := statusKey(r.applicable); k {
	case "":
	case "yes", "y", "true", "included", "applicable":
		if st == NotApplicable {
			b.applicableNA = append(b.applicableNA, r)
		}
	case "no", "n", "false", "excluded", "notapplicable", "na", "n/a":
		if st != NotApplicable {
			b.excluded = append(b.excluded, r)
			return NotApplicable
		}
	default:
		b.badApplicable = append(b.badApplicable, r)
	}
	return st
}

// noStatus sorts out a spreadsheet row without a status: a control left unrated, a
// section heading (ignored) or a row skipped.
func (b *assessmentBuilder) noStatus(r row) {
	var scratch problemList
	if _, _, ok := resolveControl(b.cat, b.fw, b.reading, r, r.control, &scratch, b.where); ok {
		b.unrated = append(b.unrated, r)
	} else if !isHeading(b.cat, b.fw, r.control) {
		b.skipped = append(b.skipped, r)
	}
}

// control resolves the control of row r: as written in a file, or given in code.
func (b *assessmentBuilder) control(r row) (catalog.Ref, bool) {
	if !b.fromFile {
		return checkControl(b.cat, b.fw, r, b.p, b.where)
	}
	ref, how, ok := resolveControl(b.cat, b.fw, b.reading, r, r.control, b.p, b.where)
	switch {
	case ok && how == spelledOther:
		b.other = append(b.other, r)
	case ok && how == spelledAnnexBare:
		b.annexBare = append(b.annexBare, r)
	}
	return ref, ok
}

// sameControl reports whether the second column naming the control of row r, if it
// has one, names ref too; a problem says what each names when not.
func (b *assessmentBuilder) sameControl(r row, ref catalog.Ref) bool {
	if r.controlCheck == "" {
		return true
	}
	var scratch problemList
	other, _, ok := resolveControl(b.cat, b.fw, b.reading, r, r.controlCheck, &scratch, b.where)
	if ok && other == ref {
		return true
	}
	what := "names no control of " + string(b.fw)
	if ok {
		what = "names " + b.a.ControlID(other)
	}
	b.p.add(b.where(r, "control", r.controlCheck, fmt.Errorf("%w: the two control columns disagree: the first names %s, the second %s",
		ErrMalformed, b.a.ControlID(ref), what)))
	return false
}

// status reads the status of row r: the word written in a file, or the Status given
// in code.
func (b *assessmentBuilder) status(r row) (Status, bool) {
	if r.status != "" || b.fromFile {
		v, err := ParseStatus(r.status)
		if err != nil {
			b.p.add(b.where(r, "status", r.status, err))
			return v, false
		}
		return v, true
	}
	if !r.Status.Valid() {
		b.p.add(b.where(r, "status", r.Status.String(), fmt.Errorf("%w %q", ErrUnknownStatus, r.Status.String())))
		return r.Status, false
	}
	return r.Status, true
}

// duplicate reports row r when an earlier row rated the same control.
func (b *assessmentBuilder) duplicate(r row, ref catalog.Ref) bool {
	prev, dup := b.first[ref]
	if !dup {
		return false
	}
	value := r.control // as the file writes it ("A.5.1"), so a reader finds it there
	if value == "" {
		value = ref.ID
	}
	e := b.where(r, "control", value, ErrDuplicate)
	if b.sheet != "" && numberLike(r.control) {
		e.Err = fmt.Errorf("%w (a cell holding a number shows 5.10 as 5.1: format the control column as text)", ErrDuplicate)
	}
	switch {
	case prev.rec > 0:
		e.Detail = fmt.Sprintf("first at controls[%d]", prev.rec-1)
	case b.sheet != "":
		e.Detail = fmt.Sprintf("first on row %d", prev.Line)
	default:
		e.Detail = fmt.Sprintf("first on line %d", prev.Line)
	}
	if id := b.a.ControlID(ref); value != id {
		e.Detail += ", both read as " + id
	}
	b.p.add(e)
	return true
}

// rowWarnings adds one warning for each kind of row warned about, naming its rows.
func (b *assessmentBuilder) rowWarnings() {
	a, inSheet := b.a, b.sheet != ""
	if len(b.other) > 0 {
		r := b.other[0]
		ref, _, _ := resolveControl(b.cat, b.fw, b.reading, r, r.control, &problemList{}, b.where)
		c, _ := b.cat.Control(ref)
		w := b.where(r, "control", r.control, fmt.Errorf("%sthe text after the control ID is not the control's title; read by the ID (here %s %s)",
			rowsPrefix(b.other, inSheet), ref.ID, safetext.Quote(c.Title)))
		a.warnings = append(a.warnings, asWarning(w))
	}
	if len(b.annexBare) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.annexBare[0], "control", b.annexBare[0].control,
			fmt.Errorf("%snumbers that are both a clause of %s and an Annex A control are read as the Annex A control (%s here), as the file writes its Annex A controls without \"A.\" and rates no clause; write a clause as %s/N.N",
				rowsPrefix(b.annexBare, inSheet), b.fw, catalog.AnnexID(cleanCell(b.annexBare[0].control)), b.fw))))
	}
	if len(b.excluded) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.excluded[0], "applicable", b.excluded[0].applicable,
			fmt.Errorf("%smarked not applicable while the status says otherwise (here %s); read as not-applicable: the control is excluded", rowsPrefix(b.excluded, inSheet), safetext.Quote(b.excluded[0].status)))))
	}
	if len(b.applicableNA) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.applicableNA[0], "applicable", b.applicableNA[0].applicable,
			fmt.Errorf("%smarked applicable while the status is not-applicable; read as not-applicable (give the status it is implemented with)", rowsPrefix(b.applicableNA, inSheet)))))
	}
	if len(b.badApplicable) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.badApplicable[0], "applicable", b.badApplicable[0].applicable,
			fmt.Errorf("%sneither yes nor no; the status decides", rowsPrefix(b.badApplicable, inSheet)))))
	}
	if len(b.unrated) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.unrated[0], "status", "",
			fmt.Errorf("%sa control with no status (or \"not assessed\"); counted as not assessed", rowsPrefix(b.unrated, inSheet)))))
	}
	if len(b.skipped) > 0 {
		a.warnings = append(a.warnings, asWarning(b.where(b.skipped[0], "", "",
			fmt.Errorf("%sa row with neither a status nor a control ID; skipped", rowsPrefix(b.skipped, inSheet)))))
	}
}

// index sorts the entries in the catalog's order, indexes them by control and lists
// the baseline's controls that have none.
func (b *assessmentBuilder) index() {
	a, cat := b.a, b.cat
	slices.SortFunc(a.entries, func(x, y Entry) int { return cat.Compare(x.Control, y.Control) })
	for i, e := range a.entries {
		a.pos[e.Control] = i
	}
	for _, f := range baselineFrameworks(cat, b.fw) {
		for c := range cat.Controls(f) {
			if isAssessable(cat, c) {
				if _, ok := a.pos[c.Ref]; !ok {
					a.missing = append(a.missing, c.Ref)
				}
			}
		}
	}
}

// numberLike reports whether s is written as a decimal number ("5.1"), as a control
// typed into a spreadsheet cell formatted as a number is.
func numberLike(s string) bool {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ".")
	digits := func(x string) bool {
		return x != "" && strings.Trim(x, "0123456789") == ""
	}
	return ok && digits(a) && digits(b)
}

// rowsPrefix says which rows a warning is about when there are several: "2 rows
// (lines 4, 9): ", "12 rows (lines 4, 9, ...): ", with records for JSON and rows for a
// sheet; "" for one row, which the warning's position names.
func rowsPrefix(rows []row, sheet bool) string {
	if len(rows) < 2 {
		return ""
	}
	const show = 8
	pos := make([]string, 0, show)
	unit := "line"
	if sheet {
		unit = "row"
	}
	for i, r := range rows {
		if i == show {
			pos = append(pos, "...")
			break
		}
		if r.rec > 0 {
			unit = "record"
			pos = append(pos, fmt.Sprint(r.rec))
		} else {
			pos = append(pos, fmt.Sprint(r.Line))
		}
	}
	return fmt.Sprintf("%d rows (%ss %s): ", len(rows), unit, strings.Join(pos, ", "))
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

// notAssessable is the error of a row naming c, a group of its framework that is not
// rated as a whole: what it is and the parts to rate instead.
func notAssessable(cat *catalog.Catalog, c catalog.Control) error {
	const show = 8
	var parts []string
	n := 0
	for ch := range cat.Children(c.Ref) {
		if n < show {
			parts = append(parts, ch.Ref.ID)
		}
		n++
	}
	list := strings.Join(parts, ", ")
	if n > show {
		list += fmt.Sprintf(", ... (%d in all)", n)
	}
	return fmt.Errorf("%w: %s is a %s; rate its parts: %s", ErrNotAssessable, c.Ref, c.Kind, list)
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
	where func(row, string, string, error) *catalog.DataError) (catalog.Ref, bool) {
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
			p.add(where(r, "control", r.Control.String(), notAssessable(cat, c)))
			ok = false
		}
	}
	return ref, ok
}

// Name returns the file name the assessment was read from ("" when built in code).
func (a *Assessment) Name() string { return a.name }

// Baseline returns the framework whose controls the assessment rates.
func (a *Assessment) Baseline() catalog.FrameworkID { return a.baseline }

// ControlID returns the ID of control ref as the assessment's baseline writes it: the
// control's ID, with "A." before an Annex A control of a baseline that carries one
// (an ISO/IEC 27001:2022 assessment rates clause 5.1 and Annex A control A.5.1), as
// [GapResult.ControlID] does.
func (a *Assessment) ControlID(ref catalog.Ref) string { return controlID(a.baseline, ref) }

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

// NotAssessedCount returns how many controls of the baseline the assessment does not
// rate (the length of [Assessment.NotAssessed]): the number a report shows so that a
// nearly empty assessment is never read as a plain low coverage.
func (a *Assessment) NotAssessedCount() int { return len(a.missing) }

// Warnings returns what a reader accepted but the user should know, in the order
// found: columns it ignored, rows it skipped, controls written with a text that is
// not their title, and (wrapping [ErrIncomplete]) how many controls of the baseline
// the file does not rate. Each has Warning set: its message starts "warning: ". Nil for an assessment built in code. Each call returns new
// copies.
func (a *Assessment) Warnings() []*catalog.DataError {
	if len(a.warnings) == 0 {
		return nil
	}
	out := make([]*catalog.DataError, len(a.warnings))
	for i, w := range a.warnings {
		c := *w
		out[i] = &c
	}
	return out
}

// Input returns how the assessment was read: the format, the CSV dialect or XLSX
// sheet, the header row and the columns recognised. It is the zero Input for an
// assessment built in code.
func (a *Assessment) Input() Input { return a.input.clone() }

// Errors in assessments; test with [errors.Is]. The error itself is a
// [*catalog.DataError] saying where: the file, the line (CSV) or the sheet and row
// (XLSX) or the record (JSON: `controls[4]`), the field and the value; for
// [ErrDuplicate], its Detail says where the control was first rated.
var (
	ErrUnknownControl = errors.New("unknown control")
	ErrUnknownStatus  = errors.New("unknown status")
	ErrDuplicate      = errors.New("control assessed twice")
	ErrWrongFramework = errors.New("control is not of the assessment's baseline framework")
	// ErrNotAssessable: the row names a group of the baseline (an ISO theme, a
	// clause made of sub-clauses such as ISO/IEC 27001's 6.1), whose parts are rated
	// one by one; the message lists them.
	ErrNotAssessable = errors.New("not rated as a whole")
	ErrMissingColumn = errors.New("missing column")
	ErrUnknownColumn = errors.New("unknown column")
	ErrMalformed     = catalog.ErrMalformed // shared by every layer: errors.Is(err, catalog.ErrMalformed) holds too
	ErrTooLarge      = errors.New("over the size limit")
	// ErrIncomplete marks the warning of [Assessment.Warnings] that counts the
	// controls of the baseline a file does not rate.
	ErrIncomplete = errors.New("controls not assessed")
)

type problemList struct {
	list     []error
	more     int
	warnings []*catalog.DataError
	strict   bool // WithStrict: warnings other than ErrIncomplete are errors
}

// warn adds a warning (at most maxProblems are kept).
func (p *problemList) warn(e *catalog.DataError) {
	if len(p.warnings) < maxProblems {
		p.warnings = append(p.warnings, asWarning(e))
	}
}

// asWarning marks e as a warning and returns it.
func asWarning(e *catalog.DataError) *catalog.DataError {
	e.Warning = true
	return e
}

func (p *problemList) add(e error) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, e)
}

// err returns the errors found, joined, and after them the warnings found (those of
// p.warnings: each a *catalog.DataError with Warning set, or under strict a copy
// with Warning unset, refused), so that none is lost; nil when there is no error.
func (p *problemList) err() error {
	if len(p.list) == 0 {
		return nil
	}
	l := slices.Clone(p.list)
	if p.more > 0 {
		l = append(l, catalog.MoreProblems(p.more))
	}
	return errors.Join(append(l, p.warningErrs()...)...)
}

// refused returns, under strict, the warnings as errors, joined; nil when not
// strict or there is no warning.
func (p *problemList) refused() error {
	if !p.strict {
		return nil
	}
	return errors.Join(p.warningErrs()...)
}

// warningErrs returns copies of the warnings as errors to join: under strict with
// Warning unset (refused: errors now), else with Warning set.
func (p *problemList) warningErrs() []error {
	out := make([]error, 0, len(p.warnings))
	for _, w := range p.warnings {
		e := *w
		e.Warning = !p.strict
		out = append(out, &e)
	}
	return out
}
