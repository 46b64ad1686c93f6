package crosswalk

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/controlgraph/controlgraph/catalog"
)

// maxControlCell is the longest control cell read as a control: an ID followed by
// the longest title fits many times over; anything longer is refused before it is
// parsed.
const maxControlCell = 300

// annexPrefix matches what people write before an Annex A control number: "Annex A",
// "Annex A.", "A " and "A" directly before the number ("A5.1").
var annexPrefix = regexp.MustCompile(`(?i)^(?:annex\s*)?a\s*[.:]?\s*(\d)`)

// clausePrefix matches what people write before a clause number of a management
// system standard: "Clause 5.2", "Cl. 5.2", "cl 5.2".
var clausePrefix = regexp.MustCompile(`(?i)^(?:clause|cl\.?)\s*(\d)`)

// controlSpelling says how a control cell was read when it needed more than
// [catalog.Catalog.ParseRef]: "" when ParseRef read it as written.
type controlSpelling int

const (
	spelledPlain   controlSpelling = iota
	spelledLenient                 // "A5.1", "Annex A 5.1", "5.1 <its title>"
	spelledOther                   // an ID followed by text that is not its title
	// spelledAnnexBare: a bare number that is both a clause and an Annex A control,
	// read as the Annex A control because the file writes Annex A without "A."
	// ([bareIsAnnex]); warned about, so the reading is visible.
	spelledAnnexBare
)

// cleanCell replaces every Unicode space (Excel's no-break space among them) by ' ',
// collapses runs of them and trims the ends.
func cleanCell(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) < 0 &&
		!strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// titleKey folds a title for comparison: lower case, letters and digits only, one
// space between words ("Policies for information-security." and "policies for
// information security" are one title).
func titleKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// lenientRef reads a control cell that ParseRef does not read within fw, in the
// spellings of spreadsheets: "A5.1", "A 5.1", "Annex A 5.1", and an ID followed by
// text ("A.5.1 Policies for information security", "5.1 - Policies ..."). It returns
// the control and how it was read; text after the ID that is not the control's title
// still reads by the ID (spelledOther), for the caller to warn about.
func lenientRef(cat *catalog.Catalog, fw catalog.FrameworkID, s string) (catalog.Ref, controlSpelling, bool) {
	try := func(id string) (catalog.Ref, bool) {
		if id == "" {
			return catalog.Ref{}, false
		}
		r, err := cat.ParseRef(id, fw)
		return r, err == nil
	}
	forms := []string{s}
	if m := annexPrefix.FindStringSubmatchIndex(s); m != nil {
		// "A.5.1", which ParseRef reads as Annex A 5.1 in every ISO baseline (in an
		// ISMS baseline, iso27001:2022, a bare "5.1" is the clause).
		forms = append(forms, catalog.AnnexID(s[m[2]:]))
	}
	if m := clausePrefix.FindStringSubmatchIndex(s); m != nil && annexOf(cat, fw) != "" {
		// "Clause 5.2" in a baseline of clauses and an Annex A: the clause, whatever
		// the file's reading of bare numbers.
		if r, ok := try(s[m[2]:]); ok && r.Framework == fw {
			return r, spelledLenient, true
		}
	}
	for i, f := range forms {
		if i > 0 {
			if r, ok := try(f); ok {
				return r, spelledLenient, true
			}
		}
		id, rest, found := splitID(f)
		if !found {
			continue
		}
		r, ok := try(id)
		if !ok {
			continue
		}
		c, _ := cat.Control(r)
		if titleKey(rest) == titleKey(c.Title) || titleKey(rest) == "" {
			return r, spelledLenient, true
		}
		return r, spelledOther, true
	}
	return catalog.Ref{}, spelledPlain, false
}

// splitID splits a control cell at its first space into the ID and the text after
// it ("5.1: Policies ..." → "5.1", "Policies ..."), the ID without the separator
// people put after it; found is false when there is no text after the ID.
func splitID(s string) (id, rest string, found bool) {
	id, rest, found = strings.Cut(s, " ")
	return strings.TrimRight(id, ":-–—"), rest, found
}

// resolveControl reads the control cell in of row r as a control of fw that an
// assessment can rate, adding a problem to p when it cannot. The second result says
// how the cell was spelled.
func resolveControl(cat *catalog.Catalog, fw catalog.FrameworkID, reading annexReading, r row, in string, p *problemList,
	where func(row, string, string, error) *catalog.DataError) (catalog.Ref, controlSpelling, bool) {
	s := cleanCell(in)
	if s == "" {
		p.add(where(r, "control", in, fmt.Errorf("%w: empty", ErrUnknownControl)))
		return catalog.Ref{}, spelledPlain, false
	}
	if len(s) > maxControlCell {
		p.add(where(r, "control", in, fmt.Errorf("%w: %d bytes is too long for a control ID (at most %d)", ErrUnknownControl, len(s), maxControlCell)))
		return catalog.Ref{}, spelledPlain, false
	}
	ref, spelling, err := findControl(cat, fw, reading, s)
	if err != nil {
		p.add(where(r, "control", in, err))
		return catalog.Ref{}, spelledPlain, false
	}
	c, _ := cat.Control(ref)
	if !isAssessable(cat, c) {
		p.add(where(r, "control", in, notAssessable(cat, c)))
		return catalog.Ref{}, spelledPlain, false
	}
	return c.Ref, spelling, true
}

// findControl returns the control of baseline fw the cleaned cell s names, and how it
// is spelled: in a baseline that carries an Annex A, a bare number an Annex A control
// has as the file's reading says ([readAnnexBare]); by its ID in fw, by a reference
// through the framework that carries fw as an annex ("iso27001:2022/A.5.1" for
// iso27002:2022/5.1), or as spreadsheets write it ([lenientRef]). The error says why
// it names none.
func findControl(cat *catalog.Catalog, fw catalog.FrameworkID, reading annexReading, s string) (catalog.Ref, controlSpelling, error) {
	if ref, how, ok, err := readAnnexBare(cat, fw, s, reading); ok {
		return ref, how, err
	}
	ref, err := cat.ParseRef(s, fw)
	if err == nil {
		return ref, spelledPlain, nil
	}
	other, err2 := cat.ParseRef(s)
	if err2 == nil {
		if c, ok := cat.Canonical(other); ok && slices.Contains(baselineFrameworks(cat, fw), c.Framework) {
			return c, spelledPlain, nil
		}
	}
	if lr, how, ok := lenientRef(cat, fw, s); ok {
		return lr, how, nil
	}
	if err2 == nil && !slices.Contains(baselineFrameworks(cat, fw), other.Framework) {
		return catalog.Ref{}, spelledPlain, wrongFramework(cat, fw, other)
	}
	return catalog.Ref{}, spelledPlain, fmt.Errorf("%w: %v", ErrUnknownControl, err)
}

// wrongFramework is the error of a control of another framework than the baseline
// fw, with a hint when the file likely rates that framework: the clauses of the
// standard that carries fw as its annex, or another edition of fw.
func wrongFramework(cat *catalog.Catalog, fw catalog.FrameworkID, other catalog.Ref) error {
	hint := ""
	if in, ok := cat.Framework(other.Framework); ok && in.AnnexOf == fw {
		// A clause of ISO/IEC 27001 in an ISO/IEC 27002 assessment.
		hint = fmt.Sprintf("; to rate its clauses and Annex A together, make %s the baseline", other.Framework)
	} else if other.Framework.Family() == fw.Family() {
		// Another edition: a 2013 assessment read as a 2022 one.
		hint = fmt.Sprintf("; a file that rates %s has it as its baseline, and 'controlgraph migrate --from %s' carries it to %s",
			other.Framework, other.Framework, fw)
	}
	return fmt.Errorf("%w: %s is a control of %s, the assessment's baseline is %s%s", ErrWrongFramework, other, other.Framework, fw, hint)
}

// isHeading reports whether a control cell with no status is a section heading of a
// spreadsheet: a group of the baseline (an ISO theme such as "5" or "5 Organizational
// controls", a CSF function or category), written by ID or by its title.
func isHeading(cat *catalog.Catalog, fw catalog.FrameworkID, cell string) bool {
	s := cleanCell(cell)
	if s == "" || len(s) > maxControlCell {
		return false
	}
	group := func(r catalog.Ref) bool {
		c, ok := cat.Control(r)
		return ok && slices.Contains(baselineFrameworks(cat, fw), c.Ref.Framework) && !isAssessable(cat, c)
	}
	if r, err := cat.ParseRef(s, fw); err == nil {
		return group(r)
	}
	if id, _, ok := strings.Cut(s, " "); ok {
		if r, err := cat.ParseRef(id, fw); err == nil {
			return group(r)
		}
	}
	k := titleKey(s)
	for c := range cat.Controls(fw) {
		if titleKey(c.Title) == k {
			return !isAssessable(cat, c)
		}
	}
	return false
}
