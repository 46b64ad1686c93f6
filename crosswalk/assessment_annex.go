package crosswalk

import (
	"fmt"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/safetext"
)

// annexReading is how an assessment of a baseline that carries an Annex A
// (ISO/IEC 27001:2022: its clauses and, as Annex A, the ISO/IEC 27002:2022 controls)
// reads a bare number that is both a clause and an Annex A control: "5.1" is clause
// 5.1 "Leadership and commitment" and A.5.1 "Policies for information security".
// A cell that carries either title after the number is read by it; otherwise the
// reading is decided once per file, from how its other rows are written
// ([annexReadingOf]), never guessed per row.
type annexReading int

const (
	// noAnnex: the baseline carries no Annex A; nothing is ambiguous.
	noAnnex annexReading = iota
	// bareIsClause: the file writes Annex A controls with their "A." (or rates
	// clauses written bare and no Annex A control written bare): a bare number is the
	// clause, as ISO/IEC 27001 numbers them.
	bareIsClause
	// bareIsAnnex: the file writes Annex A controls without "A." and rates no clause
	// that only a clause number could be: a bare number is the Annex A control.
	bareIsAnnex
	// bareUnknown: the file gives no way to tell (only ambiguous numbers, or both
	// kinds written bare): a bare ambiguous number is refused, saying how to write it.
	bareUnknown
)

// annexOf returns the framework fw carries as its Annex A, "" when none.
func annexOf(cat *catalog.Catalog, fw catalog.FrameworkID) catalog.FrameworkID {
	if fws := baselineFrameworks(cat, fw); len(fws) > 1 {
		return fws[1]
	}
	return ""
}

// bareID returns the number a control cell s starts with and the text after it, for
// a cell written without a framework and without an annex prefix ("5.1",
// "5.1 Policies for information security", "5.1: Policies ..."); ok is false for
// any other cell ("A.5.1", "iso27001:2022/5.1").
func bareID(s string) (id, rest string, ok bool) {
	if s == "" || len(s) > maxControlCell || annexPrefix.MatchString(s) {
		return "", "", false
	}
	id, rest, _ = splitID(s)
	if id == "" || strings.ContainsAny(id, ":/") {
		return "", "", false
	}
	return id, rest, true
}

// annexReadingOf decides how the rows of a file of baseline fw read a bare number
// that is both a clause and an Annex A control (see [annexReading]): it counts the
// rows written with an annex prefix, the bare numbers only a clause has ("4.1",
// "9.2") and the bare numbers only an Annex A control has ("5.4", "8.34").
func annexReadingOf(cat *catalog.Catalog, fw catalog.FrameworkID, rows []row) annexReading {
	annex := annexOf(cat, fw)
	if annex == "" {
		return noAnnex
	}
	var prefixed, clauseOnly, annexOnly int
	for _, r := range rows {
		s := cleanCell(r.control)
		if annexPrefix.MatchString(s) {
			prefixed++
			continue
		}
		id, _, ok := bareID(s)
		if !ok {
			continue
		}
		_, cerr := cat.ParseRef(id, fw)
		_, aerr := cat.ParseRef(id, annex)
		switch {
		case cerr == nil && aerr != nil:
			clauseOnly++
		case cerr != nil && aerr == nil:
			annexOnly++
		}
	}
	switch {
	case annexOnly == 0 && (prefixed > 0 || clauseOnly > 0):
		return bareIsClause
	case annexOnly > 0 && prefixed == 0 && clauseOnly == 0:
		return bareIsAnnex
	}
	return bareUnknown
}

// readAnnexBare reads a cell s of an assessment of fw (which carries an Annex A)
// written as a bare number that names an Annex A control: by the title after the
// number when it is one of the two, else by the file's reading (spelledAnnexBare
// when that reading made it an Annex A control). handled is false for a cell it
// leaves to the general rules (a number only a clause has, a prefixed or qualified
// cell, no control at all).
func readAnnexBare(cat *catalog.Catalog, fw catalog.FrameworkID, s string, reading annexReading) (ref catalog.Ref, how controlSpelling, handled bool, err error) {
	id, rest, ok := bareID(s)
	if !ok || reading == noAnnex {
		return catalog.Ref{}, spelledPlain, false, nil
	}
	clause, cerr := cat.ParseRef(id, fw)
	ax, aerr := cat.ParseRef(id, annexOf(cat, fw))
	if aerr != nil {
		return catalog.Ref{}, spelledPlain, false, nil
	}
	axc, _ := cat.Control(ax)
	if cerr != nil { // only Annex A has this number: "5.4"
		return ax, titleSpelling(rest, axc.Title), true, nil
	}
	cc, _ := cat.Control(clause)
	switch {
	case rest != "" && titleKey(rest) == titleKey(axc.Title):
		return ax, spelledLenient, true, nil
	case rest != "" && titleKey(rest) == titleKey(cc.Title):
		return clause, spelledLenient, true, nil
	}
	how = titleSpelling(rest, "")
	switch reading {
	case bareIsClause:
		return clause, how, true, nil
	case bareIsAnnex:
		if how == spelledPlain {
			how = spelledAnnexBare
		}
		return ax, how, true, nil
	}
	return catalog.Ref{}, spelledPlain, true, fmt.Errorf(
		"%w: %s is both clause %s %s of %s and Annex A control %s %s; write %s for the Annex A control, or the title after the number",
		catalog.ErrAmbiguous, safetext.Quote(id), clause.ID, safetext.Quote(cc.Title), fw, catalog.AnnexID(ax.ID), safetext.Quote(axc.Title), catalog.AnnexID(ax.ID))
}

// titleSpelling is how a cell with the text rest after its number is spelled, for a
// control titled title: plain when there is no text, lenient when it is the title,
// other (warned about) when it is something else.
func titleSpelling(rest, title string) controlSpelling {
	switch {
	case rest == "":
		return spelledPlain
	case title != "" && titleKey(rest) == titleKey(title):
		return spelledLenient
	}
	return spelledOther
}
