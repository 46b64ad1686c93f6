package crosswalk

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

// ErrNoSuccession is returned by [Crosswalk.Migrate] when no succession mapping set
// leads from the assessment's framework to the one asked for.
var ErrNoSuccession = errors.New("no succession mapping between the frameworks")

// Migration is an assessment carried from one edition of a framework to its
// successor along the published succession edges (ISO/IEC 27002:2022 Annex B for
// 2013 → 2022; NIST's CSF 2.0 Reference Tool for CSF 1.1 → 2.0).
type Migration struct {
	From, To catalog.FrameworkID // the assessment's framework and the successor it was carried to
	// Assessment rates the controls of To that an assessed control of From leads to.
	Assessment *Assessment
	// Steps say, for each of those controls in document order, where its status
	// came from and how it was combined.
	Steps []MigrationStep
	// New are the leaf controls of To that no assessed control leads to: they must be
	// assessed afresh (the controls new in ISO/IEC 27002:2022, for example).
	New []catalog.Ref
	// Dropped are the assessed controls of From that lead to no leaf control of To.
	Dropped []catalog.Ref

	titles map[catalog.Ref]string // of every control the migration names (Title)
}

// Title returns the title of a control the migration names (a step's control or
// predecessor, a new or a dropped control), or "": a report of the migration needs
// no catalog.
func (m *Migration) Title(r catalog.Ref) string { return m.titles[r] }

// collectTitles records the titles of every control m names.
func (m *Migration) collectTitles(cat *catalog.Catalog) {
	m.addTitles(cat, m.New...)
	m.addTitles(cat, m.Dropped...)
	for _, st := range m.Steps {
		m.addTitles(cat, st.Control)
		for _, src := range st.From {
			m.addTitles(cat, src.Control)
		}
	}
}

// addTitles records the titles of refs.
func (m *Migration) addTitles(cat *catalog.Catalog, refs ...catalog.Ref) {
	if m.titles == nil {
		m.titles = map[catalog.Ref]string{}
	}
	for _, r := range refs {
		if _, ok := m.titles[r]; !ok {
			if c, ok := cat.Control(r); ok {
				m.titles[r] = c.Title
			}
		}
	}
}

// MigrationStep is how one control of the new edition got its status.
type MigrationStep struct {
	Control catalog.Ref       // a control of the new edition
	Status  Status            // the status it got; NotAssessed when it is to be assessed afresh (no entry)
	From    []MigrationSource // the predecessors, in document order
	// Merged is true when several predecessors were combined. Their statuses combine
	// conservatively (see [Crosswalk.Migrate]).
	Merged bool
	Note   string // how the status was found, in words; also put in the entry's notes
}

// MigrationSource is one predecessor of a migrated control.
type MigrationSource struct {
	Control catalog.Ref // a control of the old edition
	Status  Status      // its status in the assessment; NotAssessed when not rated
	Label   string      // the source's word for the link, e.g. "incorporated_into"
}

// strength orders applicable statuses from weakest to strongest.
func strength(s Status) int {
	switch s {
	case Implemented:
		return 4
	case Partial:
		return 3
	case Planned:
		return 2
	}
	return 1 // not implemented, not assessed
}

// Migrate carries assessment a to framework to, along the edges of the succession
// mapping sets from a's framework to to. Every assessed control passes its status to
// each control it leads to. A control that several predecessors lead to (every
// predecessor in the succession, rated or not, is in its step's From) gets:
//
//   - not applicable when every predecessor is rated not applicable;
//   - else the weakest status of the applicable rated predecessors (not implemented <
//     planned < partial < implemented); the not-applicable ones are ignored;
//   - but not assessed (no entry: the control is to be assessed afresh) when a
//     predecessor the assessment does not rate could change that status: an unrated
//     predecessor means "not assessed", never "not implemented". (When the weakest
//     rated status is already not implemented, it stands.)
//
// The justification, owner, evidence and notes come only from the predecessors whose
// statuses were used, prefixed with the predecessor's ID when they differ; every
// migrated entry's notes say which predecessors it came from, with their statuses.
// Successors that are not leaves of to (a CSF category, say) are skipped.
func (cw *Crosswalk) Migrate(a *Assessment, to catalog.FrameworkID) (*Migration, error) {
	if a == nil {
		return nil, errors.New("crosswalk: Migrate of a nil assessment")
	}
	from := a.Baseline()
	if !cw.cat.Has(to) {
		return nil, fmt.Errorf("crosswalk: migrate: %q: %w", to, catalog.ErrUnknownFramework)
	}
	succession := map[string]bool{}
	for si := range cw.Sets() {
		if si.Kind == mappings.Succession && si.From == from && si.To == to {
			succession[si.ID] = true
		}
	}
	if len(succession) == 0 {
		return nil, fmt.Errorf("crosswalk: migrate %s → %s: %w", from, to, ErrNoSuccession)
	}
	m := &Migration{From: from, To: to}
	preds, assessed, err := cw.predecessors(a, to, succession, m)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for ctl := range cw.cat.Controls(to) {
		if !cw.isLeafRef(ctl.Ref) {
			continue
		}
		if !assessed[ctl.Ref] {
			m.New = append(m.New, ctl.Ref)
			continue
		}
		step, entry := cw.migrateOne(a, ctl.Ref, preds[ctl.Ref])
		m.Steps = append(m.Steps, step)
		if step.Status != NotAssessed { // else no entry: the control stays to be assessed
			entries = append(entries, entry)
		}
	}
	na, err := NewAssessment(cw.cat, to, entries...)
	if err != nil {
		return nil, fmt.Errorf("crosswalk: migrate: %w", err)
	}
	m.Assessment = na
	m.collectTitles(cw.cat)
	return m, nil
}

// isLeafRef reports whether control r has no children in the catalog.
func (cw *Crosswalk) isLeafRef(r catalog.Ref) bool {
	for range cw.cat.Children(r) {
		return false
	}
	return true
}

// predecessors follows the succession edges (sets named in succession) from every
// control of a's framework, rated or not — a merged control's predecessor the
// assessment does not rate counts, as not assessed, in the combined status. It
// returns the predecessors of each control of to and the controls an assessed
// predecessor leads to, and records in m the rated controls that lead nowhere.
func (cw *Crosswalk) predecessors(a *Assessment, to catalog.FrameworkID, succession map[string]bool, m *Migration) (preds map[catalog.Ref][]MigrationSource, assessed map[catalog.Ref]bool, err error) {
	preds, assessed = map[catalog.Ref][]MigrationSource{}, map[catalog.Ref]bool{}
	for c := range cw.cat.Controls(a.Baseline()) {
		e, rated := a.Entry(c.Ref)
		if !rated {
			if !cw.isLeafRef(c.Ref) {
				continue
			}
			e = Entry{Control: c.Ref, Status: NotAssessed}
		}
		ms, err := cw.Map(e.Control, to)
		if err != nil {
			return nil, nil, fmt.Errorf("crosswalk: migrate %s: %w", e.Control, err)
		}
		led := false
		for _, mp := range ms {
			label, ok := successionLabel(mp, succession)
			if !ok || !cw.isLeafRef(mp.To) {
				continue
			}
			led = true
			preds[mp.To] = append(preds[mp.To], MigrationSource{Control: e.Control, Status: e.Status, Label: label})
			assessed[mp.To] = assessed[mp.To] || rated
		}
		if !led && rated {
			m.Dropped = append(m.Dropped, e.Control)
		}
	}
	return preds, assessed, nil
}

// successionLabel reports whether a published edge of one of the succession sets
// makes link l, and the first label such an edge gives.
func successionLabel(l Link, succession map[string]bool) (label string, ok bool) {
	if !l.Published() {
		return "", false
	}
	for _, h := range l.Edges {
		if succession[h.Set] {
			ok = true
			if label == "" {
				label = h.Label
			}
		}
	}
	return label, ok
}

// migrateOne combines the predecessors src of control ctl into its migration step
// and its entry in the migrated assessment.
func (cw *Crosswalk) migrateOne(a *Assessment, ctl catalog.Ref, src []MigrationSource) (MigrationStep, Entry) {
	slices.SortFunc(src, func(x, y MigrationSource) int { return cw.cat.Compare(x.Control, y.Control) })
	step := MigrationStep{Control: ctl, From: src, Merged: len(src) > 1}
	// used: the predecessors whose statuses make the result, and whose text fields
	// are carried: the applicable ones (all of them when none is applicable).
	var used, unrated []MigrationSource
	for _, s := range src {
		switch s.Status {
		case NotApplicable:
		case NotAssessed:
			unrated = append(unrated, s)
		default:
			used = append(used, s)
		}
	}
	step.Status, used = mergedStatus(src, used, unrated)
	step.Note = migrationNote(a.Baseline(), step, unrated)
	entry := Entry{Control: ctl, Status: step.Status}
	entry.Justification = joinField(a, used, func(e Entry) string { return e.Justification })
	entry.Owner = joinField(a, used, func(e Entry) string { return e.Owner })
	entry.Evidence = joinField(a, used, func(e Entry) string { return e.Evidence })
	entry.Notes = step.Note
	if notes := joinField(a, used, func(e Entry) string { return e.Notes }); notes != "" {
		entry.Notes += ". " + notes
	}
	if entry.Status == NotApplicable && entry.Justification == "" {
		entry.Justification = "not applicable in " + string(a.Baseline()) + " (no justification recorded)"
	}
	return step, entry
}

// mergedStatus is the status of a control whose predecessors are src (used: the
// applicable rated ones, unrated: those not assessed), by the rules of Migrate, and
// the predecessors whose text fields are carried.
func mergedStatus(src, used, unrated []MigrationSource) (Status, []MigrationSource) {
	switch {
	case len(used) == 0 && len(unrated) == 0:
		return NotApplicable, src
	case len(used) == 0:
		return NotAssessed, used
	}
	weakest := slices.MinFunc(used, func(x, y MigrationSource) int { return strength(x.Status) - strength(y.Status) })
	if len(unrated) > 0 && weakest.Status != NotImplemented {
		// An unrated predecessor could be anything from not implemented up: the
		// merged status is not known.
		return NotAssessed, used
	}
	return weakest.Status, used
}

// migrationNote says where a migrated step came from and how its status was made.
func migrationNote(from catalog.FrameworkID, step MigrationStep, unrated []MigrationSource) string {
	var parts, ignored, unratedIDs []string
	for _, s := range step.From {
		parts = append(parts, fmt.Sprintf("%s (%s)", s.Control.ID, s.Status))
		if s.Status == NotApplicable && step.Status != NotApplicable {
			ignored = append(ignored, s.Control.ID)
		}
	}
	for _, s := range unrated {
		unratedIDs = append(unratedIDs, s.Control.ID)
	}
	switch {
	case !step.Merged:
		return fmt.Sprintf("migrated from %s %s", from, strings.Join(parts, ""))
	case step.Status == NotAssessed:
		return fmt.Sprintf("merged from %s %s: not assessed, as %s %s never rated and the others do not settle the status", from, strings.Join(parts, ", "),
			strings.Join(unratedIDs, ", "), plural(len(unratedIDs), "was", "were"))
	}
	note := fmt.Sprintf("merged from %s %s: the weakest applicable status is kept", from, strings.Join(parts, ", "))
	if len(ignored) > 0 {
		note += "; " + strings.Join(ignored, ", ") + " (not applicable) " + plural(len(ignored), "is", "are") + " ignored, and so " + plural(len(ignored), "is its", "are their") + " text"
	}
	return note
}

// joinField combines one text field of the predecessors: the value itself when they
// agree (or only one has it), else "ID: value" parts joined with "; ".
func joinField(a *Assessment, src []MigrationSource, get func(Entry) string) string {
	var vals, parts []string
	for _, s := range src {
		e, _ := a.Entry(s.Control)
		v := strings.TrimSpace(get(e))
		if v == "" {
			continue
		}
		if !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
		parts = append(parts, s.Control.ID+": "+v)
	}
	switch len(vals) {
	case 0:
		return ""
	case 1:
		return vals[0]
	}
	return strings.Join(parts, "; ")
}

// plural picks the singular or plural word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
