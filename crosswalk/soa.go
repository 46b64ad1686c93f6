package crosswalk

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
)

// ErrWrongBaseline is returned when an assessment rates the controls of a framework
// the query cannot use (a Statement of Applicability needs ISO/IEC 27002:2022, the
// Annex A of ISO/IEC 27001:2022).
var ErrWrongBaseline = errors.New("assessment has the wrong baseline")

// SoA is a Statement of Applicability in the sense of ISO/IEC 27001:2022 6.1.3 d):
// every Annex A control with whether it applies, why, and whether it is implemented,
// plus the NIST CSF and CIS items each control serves. Its JSON form is the CLI's
// `soa --format json`.
type SoA struct {
	// Document identifies the statement as a controlled document: organisation,
	// scope, version, date and approver. SoA leaves it empty; the caller fills it
	// (the CLI's --org, --scope, --version, --date and --approved-by) and the
	// renderers of package report show it, "not given" where a field is empty.
	Document   SoADocument           `json:"document"`
	Standard   catalog.FrameworkID   `json:"standard"`             // iso27001:2022
	Baseline   catalog.FrameworkID   `json:"baseline"`             // iso27002:2022, the controls of Annex A
	Assessment string                `json:"assessment,omitempty"` // the file the assessment came from
	Related    []catalog.FrameworkID `json:"related_frameworks"`   // frameworks of the related items
	Summary    SoASummary            `json:"summary"`
	Controls   []SoAEntry            `json:"controls"` // all Annex A controls, in document order
	Problems   []SoAProblem          `json:"problems"` // what an auditor would ask about
}

// SoADocument is what identifies a Statement of Applicability as a document an
// auditor accepts: whose it is, what it covers, which version, of when, and who
// approved it. The fields are free text, shown as given.
type SoADocument struct {
	Organization string `json:"organization,omitempty"` // the organisation the ISMS belongs to
	Scope        string `json:"scope,omitempty"`        // the scope of the ISMS
	Version      string `json:"version,omitempty"`      // the document's version ("1.2")
	Date         string `json:"date,omitempty"`         // the document's date, as given ("2026-11-28")
	ApprovedBy   string `json:"approved_by,omitempty"`  // who approved it
}

// Fields returns the document's fields as (label, value) pairs in a fixed order:
// organisation, scope, version, date, approved by.
func (d SoADocument) Fields() [][2]string {
	return [][2]string{{"Organisation", d.Organization}, {"Scope", d.Scope}, {"Version", d.Version},
		{"Date", d.Date}, {"Approved by", d.ApprovedBy}}
}

// SoASummary counts the controls of a [SoA].
type SoASummary struct {
	Total          int `json:"total"`
	Applicable     int `json:"applicable"`
	Excluded       int `json:"excluded"`
	Implemented    int `json:"implemented"`
	Partial        int `json:"partial"`
	Planned        int `json:"planned"`
	NotImplemented int `json:"not_implemented"`
	NotAssessed    int `json:"not_assessed"`
}

// SoAEntry is one Annex A control in a [SoA].
type SoAEntry struct {
	Control    string `json:"control"` // ID in ISO/IEC 27002:2022 ("5.1")
	AnnexA     string `json:"annex_a"` // ID in ISO/IEC 27001:2022 Annex A ("A.5.1")
	Title      string `json:"title"`
	Theme      string `json:"theme"`
	Applicable bool   `json:"applicable"`
	// Justification is the assessment's justification of the control, whichever way
	// it goes; InclusionReason and ExclusionJustification hold it split by
	// applicability, as ISO/IEC 27001:2022 6.1.3 d) asks for both: the reason an
	// applicable control is included, the justification of an excluded one.
	Justification          string `json:"justification"`
	InclusionReason        string `json:"inclusion_reason"`
	ExclusionJustification string `json:"exclusion_justification"`
	// Status is the implementation status; "not-assessed" when the assessment does not
	// rate the control (it is then listed as applicable and as a problem).
	Status   Status       `json:"status"`
	Owner    string       `json:"owner"`
	Evidence string       `json:"evidence"`
	Notes    string       `json:"notes"`
	Related  []SoARelated `json:"related"` // per related framework, the items the control maps to
}

// SoARelated is the controls of one framework that an Annex A control maps to
// directly (published edges only), in document order: its items, and the functions
// or categories a source maps at (NIST maps some ISO controls to a CSF category).
type SoARelated struct {
	Framework catalog.FrameworkID `json:"framework"`
	Items     []string            `json:"items"`
}

// SoAProblemKind names what is wrong with a SoA entry.
type SoAProblemKind string

// Problems a SoA reports.
const (
	// MissingJustification: the control is excluded (not applicable) without the
	// justification ISO/IEC 27001:2022 6.1.3 d) requires.
	MissingJustification SoAProblemKind = "missing-justification"
	// NotAssessedControl: the assessment does not rate the control; the SoA lists it as
	// applicable and not assessed.
	NotAssessedControl SoAProblemKind = "not-assessed"
	// MissingReason: the control is applicable (included) without a reason for its
	// inclusion, which ISO/IEC 27001:2022 6.1.3 d) also requires (the assessment's
	// justification column gives it).
	MissingReason SoAProblemKind = "missing-reason"
)

// SoAProblem is one entry of a SoA an auditor would ask about.
type SoAProblem struct {
	Control string         `json:"control"`
	Kind    SoAProblemKind `json:"kind"`
	Message string         `json:"message"`
}

// SoA builds the Statement of Applicability from an assessment of the ISO/IEC
// 27002:2022 controls. A control is applicable unless the assessment marks it not
// applicable; a control the assessment does not rate is listed as applicable and not
// assessed, and reported. An excluded control without a justification, and an
// included one without a reason, are reported. The returned SoA's Document is empty:
// set it to name the organisation, scope, version, date and approver.
//
// related names the frameworks whose items each control is shown to serve, through
// published edges only; without it, NIST CSF 2.0 and, when the build has them, the CIS
// Controls v8 (the version CIS published its ISO/IEC 27001:2022 mapping for).
func (cw *Crosswalk) SoA(a *Assessment, related ...catalog.FrameworkID) (*SoA, error) {
	if a == nil {
		return nil, errors.New("crosswalk: SoA of a nil assessment")
	}
	if a.Baseline() != catalog.ISO27002v2022 {
		return nil, fmt.Errorf("crosswalk: SoA: %w: %s (want %s, the controls of ISO/IEC 27001:2022 Annex A)", ErrWrongBaseline, a.Baseline(), catalog.ISO27002v2022)
	}
	cat := cw.cat
	if !cat.Has(catalog.ISO27002v2022) {
		return nil, fmt.Errorf("crosswalk: SoA: the catalog has no %s", catalog.ISO27002v2022)
	}
	related, err := cw.soaRelated(related)
	if err != nil {
		return nil, err
	}
	standard := catalog.ISO27001v2022
	if !cat.Has(standard) {
		standard = ""
	}
	s := &SoA{
		Standard: standard, Baseline: catalog.ISO27002v2022, Assessment: a.Name(),
		Related: slices.Clone(related), Controls: []SoAEntry{}, Problems: []SoAProblem{},
	}
	for ctl := range cat.Controls(catalog.ISO27002v2022, catalog.OfKind(catalog.KindControl)) {
		e := SoAEntry{Control: ctl.Ref.ID, AnnexA: catalog.AnnexID(ctl.Ref.ID), Title: ctl.Title, Related: []SoARelated{}}
		if th := ctl.Attr(catalog.AttrTheme); len(th) > 0 {
			e.Theme = th[0]
		}
		entry, ok := a.Entry(ctl.Ref)
		e.Status = entry.Status
		e.Justification, e.Owner, e.Evidence, e.Notes = entry.Justification, entry.Owner, entry.Evidence, entry.Notes
		e.Applicable = entry.Status != NotApplicable
		s.rate(&e, entry, ok)
		for _, fw := range related {
			items, err := cw.publishedItems(ctl.Ref, fw)
			if err != nil {
				return nil, fmt.Errorf("crosswalk: SoA: %s: %w", ctl.Ref, err)
			}
			e.Related = append(e.Related, SoARelated{Framework: fw, Items: items})
		}
		s.Controls = append(s.Controls, e)
	}
	return s, nil
}

// soaRelated checks the related frameworks of a SoA, or names the default ones: NIST
// CSF 2.0 and, when the catalog has it, CIS Controls v8.
func (cw *Crosswalk) soaRelated(related []catalog.FrameworkID) ([]catalog.FrameworkID, error) {
	if len(related) == 0 {
		for _, fw := range []catalog.FrameworkID{catalog.CSF20, catalog.CIS8} {
			if cw.cat.Has(fw) {
				related = append(related, fw)
			}
		}
	}
	for _, fw := range related {
		if !cw.cat.Has(fw) {
			return nil, fmt.Errorf("crosswalk: SoA: related framework %q: %w", fw, catalog.ErrUnknownFramework)
		}
	}
	return related, nil
}

// rate counts entry e in the summary and reports its problems: not assessed (ok is
// false), excluded without a justification, included without a reason.
func (s *SoA) rate(e *SoAEntry, entry Entry, ok bool) {
	s.Summary.Total++
	switch {
	case !ok:
		s.Summary.NotAssessed++
		s.problem(e, NotAssessedControl, "is not in the assessment: listed as applicable, not assessed")
	case entry.Status == NotApplicable:
		e.ExclusionJustification = entry.Justification
		if strings.TrimSpace(entry.Justification) == "" {
			s.problem(e, MissingJustification, "is excluded without a justification (ISO/IEC 27001:2022 6.1.3 d)")
		}
	default:
		e.InclusionReason = entry.Justification
		if strings.TrimSpace(entry.Justification) == "" {
			s.problem(e, MissingReason, "is included without a reason for its inclusion (ISO/IEC 27001:2022 6.1.3 d)")
		}
		switch entry.Status {
		case Implemented:
			s.Summary.Implemented++
		case Partial:
			s.Summary.Partial++
		case Planned:
			s.Summary.Planned++
		case NotImplemented:
			s.Summary.NotImplemented++
		}
	}
	if e.Applicable {
		s.Summary.Applicable++
	} else {
		s.Summary.Excluded++
	}
}

func (s *SoA) problem(e *SoAEntry, kind SoAProblemKind, what string) {
	s.Problems = append(s.Problems, SoAProblem{Control: e.Control, Kind: kind, Message: fmt.Sprintf("%s %s %s", e.AnnexA, e.Title, what)})
}

// publishedItems returns the IDs of the controls of framework fw that control ref
// maps to by published edges, in document order, never nil.
func (cw *Crosswalk) publishedItems(ref catalog.Ref, fw catalog.FrameworkID) ([]string, error) {
	ms, err := cw.Map(ref, fw)
	if err != nil {
		return nil, err
	}
	// Map ranks by relationship; a SoA lists the items in document order.
	refs := make([]catalog.Ref, 0, len(ms))
	for _, m := range ms {
		if m.Published() {
			refs = append(refs, m.To)
		}
	}
	slices.SortFunc(refs, cw.cat.Compare)
	items := make([]string, len(refs))
	for i, r := range refs {
		items[i] = r.ID
	}
	return items, nil
}
