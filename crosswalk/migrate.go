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
	From, To catalog.FrameworkID
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
}

// MigrationStep is how one control of the new edition got its status.
type MigrationStep struct {
	Control catalog.Ref
	Status  Status
	From    []MigrationSource // the predecessors, in document order
	// Merged is true when several predecessors were combined. Their statuses combine
	// conservatively (see [Crosswalk.Migrate]).
	Merged bool
	Note   string // how the status was found, in words; also put in the entry's notes
}

// MigrationSource is one predecessor of a migrated control.
type MigrationSource struct {
	Control catalog.Ref
	Status  Status
	Label   string // the source's word for the link, e.g. "incorporated_into"
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
	isLeaf := func(r catalog.Ref) bool {
		for range cw.cat.Children(r) {
			return false
		}
		return true
	}
	preds := map[catalog.Ref][]MigrationSource{}
	assessed := map[catalog.Ref]bool{} // the controls of to an assessed predecessor leads to
	m := &Migration{From: from, To: to}
	// Every control of from, rated or not: a merged control's predecessor the
	// assessment does not rate counts (as not assessed) in the combined status.
	for c := range cw.cat.Controls(from) {
		e, rated := a.Entry(c.Ref)
		if !rated {
			if !isLeaf(c.Ref) {
				continue
			}
			e = Entry{Control: c.Ref, Status: NotAssessed}
		}
		ms, err := cw.Map(e.Control, to)
		if err != nil {
			return nil, fmt.Errorf("crosswalk: migrate %s: %w", e.Control, err)
		}
		led := false
		for _, mp := range ms {
			if !mp.Published() || !isLeaf(mp.To) {
				continue
			}
			label := ""
			ok := false
			for _, h := range mp.Edges {
				if succession[h.Set] {
					ok = true
					if label == "" {
						label = h.Label
					}
				}
			}
			if !ok {
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
	var entries []Entry
	for ctl := range cw.cat.Controls(to) {
		if !isLeaf(ctl.Ref) {
			continue
		}
		src := preds[ctl.Ref]
		if !assessed[ctl.Ref] {
			m.New = append(m.New, ctl.Ref)
			continue
		}
		slices.SortFunc(src, func(x, y MigrationSource) int { return cw.cat.Compare(x.Control, y.Control) })
		step := MigrationStep{Control: ctl.Ref, From: src, Merged: len(src) > 1}
		entry := Entry{Control: ctl.Ref}
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
		switch {
		case len(used) == 0 && len(unrated) == 0:
			step.Status, used = NotApplicable, src
		case len(used) == 0:
			step.Status = NotAssessed
		default:
			weakest := slices.MinFunc(used, func(x, y MigrationSource) int { return strength(x.Status) - strength(y.Status) })
			step.Status = weakest.Status
			if len(unrated) > 0 && step.Status != NotImplemented {
				// An unrated predecessor could be anything from not implemented up:
				// the merged status is not known.
				step.Status = NotAssessed
			}
		}
		entry.Status = step.Status
		var parts, ignored []string
		for _, s := range src {
			parts = append(parts, fmt.Sprintf("%s (%s)", s.Control.ID, s.Status))
			if s.Status == NotApplicable && step.Status != NotApplicable {
				ignored = append(ignored, s.Control.ID)
			}
		}
		var unratedIDs []string
		for _, s := range unrated {
			unratedIDs = append(unratedIDs, s.Control.ID)
		}
		switch {
		case !step.Merged:
			step.Note = fmt.Sprintf("migrated from %s %s", from, strings.Join(parts, ""))
		case step.Status == NotAssessed:
			step.Note = fmt.Sprintf("merged from %s %s: not assessed, as %s %s never rated and the others do not settle the status", from, strings.Join(parts, ", "),
				strings.Join(unratedIDs, ", "), plural(len(unratedIDs), "was", "were"))
		default:
			step.Note = fmt.Sprintf("merged from %s %s: the weakest applicable status is kept", from, strings.Join(parts, ", "))
			if len(ignored) > 0 {
				step.Note += "; " + strings.Join(ignored, ", ") + " (not applicable) " + plural(len(ignored), "is", "are") + " ignored, and so " + plural(len(ignored), "is its", "are their") + " text"
			}
		}
		entry.Justification = joinField(a, used, func(e Entry) string { return e.Justification })
		entry.Owner = joinField(a, used, func(e Entry) string { return e.Owner })
		entry.Evidence = joinField(a, used, func(e Entry) string { return e.Evidence })
		notes := joinField(a, used, func(e Entry) string { return e.Notes })
		entry.Notes = step.Note
		if notes != "" {
			entry.Notes += ". " + notes
		}
		if entry.Status == NotApplicable && entry.Justification == "" {
			entry.Justification = "not applicable in " + string(from) + " (no justification recorded)"
		}
		if step.Status == NotAssessed {
			m.Steps = append(m.Steps, step) // no entry: the control stays to be assessed
			continue
		}
		m.Steps = append(m.Steps, step)
		entries = append(entries, entry)
	}
	na, err := NewAssessment(cw.cat, to, entries...)
	if err != nil {
		return nil, fmt.Errorf("crosswalk: migrate: %w", err)
	}
	m.Assessment = na
	return m, nil
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
