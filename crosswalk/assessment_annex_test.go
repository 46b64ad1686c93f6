package crosswalk

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// readISMS reads a CSV assessment with ISO/IEC 27001:2022 (clauses and Annex A) as
// its baseline.
func readISMS(t *testing.T, csv string) (*Assessment, error) {
	t.Helper()
	return ReadAssessmentCSV("a.csv", strings.NewReader(csv), nil, WithBaseline(catalog.ISO27001v2022))
}

// statusOf is the status a rates control ref with, "" when it does not rate it.
func statusOf(a *Assessment, ref catalog.Ref) string {
	if e, ok := a.Entry(ref); ok {
		return e.Status.String()
	}
	return ""
}

var (
	clause51 = catalog.NewRef(catalog.ISO27001v2022, "5.1") // Leadership and commitment
	annex51  = catalog.NewRef(catalog.ISO27002v2022, "5.1") // Policies for information security
	clause82 = catalog.NewRef(catalog.ISO27001v2022, "8.2") // Information security risk assessment
	annex82  = catalog.NewRef(catalog.ISO27002v2022, "8.2") // Privileged access rights
)

// An ISO/IEC 27001:2022 assessment: a bare number that is both a clause and an Annex
// A control ("5.1") is never read silently as the clause (the audit's finding 1: a
// file writing Annex A without "A." had its statuses moved to the clauses). The title
// after the number decides; else how the file writes its other rows; else the row
// is refused, saying how to write it.
func TestAnnexBareNumbers(t *testing.T) {
	t.Run("nothing tells: refused", func(t *testing.T) {
		_, err := readISMS(t, "control,status\n5.1,implemented\n8.2,not-implemented\n")
		require.Error(t, err)
		assert.True(t, errors.Is(err, catalog.ErrAmbiguous), err)
		assert.Contains(t, err.Error(), `a.csv:2: field "control" = "5.1": ambiguous reference: "5.1" is both clause 5.1 "Leadership and commitment" of iso27001:2022 and Annex A control A.5.1 "Policies for information security"; write A.5.1 for the Annex A control, or the title after the number`)
		assert.Contains(t, err.Error(), `a.csv:3: field "control" = "8.2"`)
	})
	t.Run("titles decide", func(t *testing.T) {
		a, err := readISMS(t, "control,status\n5.1 Policies for information security,implemented\n8.2 Information security risk assessment,partial\n")
		require.NoError(t, err)
		assert.Equal(t, "implemented", statusOf(a, annex51))
		assert.Equal(t, "partial", statusOf(a, clause82))
		assert.Equal(t, "", statusOf(a, clause51))
	})
	t.Run("Annex A written with A.: bare numbers are clauses", func(t *testing.T) {
		a, err := readISMS(t, "control,status\nA.5.1,implemented\n5.1,partial\n4.1,implemented\n")
		require.NoError(t, err)
		assert.Equal(t, "implemented", statusOf(a, annex51))
		assert.Equal(t, "partial", statusOf(a, clause51))
		for _, w := range a.Warnings() {
			assert.NotContains(t, w.Error(), "read as the Annex A control")
		}
	})
	t.Run("only clauses written bare", func(t *testing.T) {
		a, err := readISMS(t, "control,status\n4.1,implemented\n8.2,partial\n")
		require.NoError(t, err)
		assert.Equal(t, "partial", statusOf(a, clause82))
	})
	t.Run("Annex A written bare, no clause: Annex A, with a warning", func(t *testing.T) {
		// 5.4 and 8.34 only Annex A has; 5.1, 6.1 (a clause with sub-clauses) and 8.2
		// both have.
		a, err := readISMS(t, "control,status\n5.1,implemented\n5.4,partial\n6.1,planned\n8.2,not-implemented\n8.34,implemented\n")
		require.NoError(t, err)
		assert.Equal(t, "implemented", statusOf(a, annex51))
		assert.Equal(t, "planned", statusOf(a, catalog.NewRef(catalog.ISO27002v2022, "6.1")))
		assert.Equal(t, "not-implemented", statusOf(a, annex82))
		assert.Equal(t, "", statusOf(a, clause51))
		var msgs []string
		for _, w := range a.Warnings() {
			msgs = append(msgs, w.Error())
		}
		assert.Contains(t, msgs, `warning: a.csv:2: field "control" = "5.1": 3 rows (lines 2, 4, 5): numbers that are both a clause of iso27001:2022 and an Annex A control are read as the Annex A control (A.5.1 here), as the file writes its Annex A controls without "A." and rates no clause; write a clause as iso27001:2022/N.N`)
		assert.Equal(t, "A.5.1", a.ControlID(annex51))
		assert.Equal(t, "5.1", a.ControlID(clause51))
	})
	t.Run("both kinds written bare: the ambiguous ones refused", func(t *testing.T) {
		_, err := readISMS(t, "control,status\n4.1,implemented\n5.1,implemented\n5.4,partial\n")
		require.Error(t, err)
		assert.Contains(t, err.Error(), `a.csv:3: field "control" = "5.1": ambiguous reference`)
		assert.NotContains(t, err.Error(), `"5.4"`)
	})
	t.Run("an ISO/IEC 27002 baseline is not affected", func(t *testing.T) {
		a, err := ReadAssessmentCSV("a.csv", strings.NewReader("control,status\n5.1,implemented\n8.2,partial\n"), nil)
		require.NoError(t, err)
		assert.Equal(t, "partial", statusOf(a, annex82))
		assert.Equal(t, "5.1", a.ControlID(annex51))
	})
}

// The example assessment (Annex A written bare, as ISO/IEC 27002 numbers it) reads
// with an ISO/IEC 27001:2022 baseline as the same 93 Annex A statuses, the clauses not
// assessed; it was refused (clause 6.1 has sub-clauses) and its 5.1-5.3, 6.2, 6.3,
// 7.1-7.4 and 8.1-8.3 rows went to the clauses.
func TestAnnexBareExampleFile(t *testing.T) {
	data, err := os.ReadFile("../examples/assessments/small-company.csv")
	require.NoError(t, err)
	isms, err := readISMS(t, string(data))
	require.NoError(t, err)
	plain, err := ReadAssessmentCSV("a.csv", strings.NewReader(string(data)), nil)
	require.NoError(t, err)
	require.Equal(t, 93, plain.Len())
	require.Equal(t, plain.Len(), isms.Len())
	for e := range plain.All() {
		assert.Equal(t, e.Status.String(), statusOf(isms, e.Control), e.Control.String())
	}
	assert.Equal(t, "", statusOf(isms, clause51))
}

// Two columns naming the control (a statement of applicability has "control" and
// "annex_a") are both read and must agree; a row where they do not is refused, saying
// what each names. (report's TestSoAReadsBack reads a whole SoA back.)
func TestTwoControlColumns(t *testing.T) {
	a, err := ReadAssessmentCSV("s.csv", strings.NewReader("control,annex_a,inclusion_reason,exclusion_justification,status\n5.1,A.5.1,Risk plan,,implemented\n7.4,A.7.4,,No premises,not-applicable\n"), nil)
	require.NoError(t, err)
	e, ok := a.Entry(annex51)
	require.True(t, ok)
	assert.Equal(t, "Risk plan", e.Justification)
	e, ok = a.Entry(catalog.NewRef(catalog.ISO27002v2022, "7.4"))
	require.True(t, ok)
	assert.Equal(t, "No premises", e.Justification, "the second justification column is read where the first is empty")

	_, err = ReadAssessmentCSV("s.csv", strings.NewReader("control,annex_a,status\n5.1,A.5.2,implemented\n5.3,A.5.3,partial\n5.4,Z.9,partial\n"), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `s.csv:2: field "control" = "A.5.2": malformed input: the two control columns disagree: the first names 5.1, the second names 5.2`)
	assert.Contains(t, err.Error(), `s.csv:4: field "control" = "Z.9": malformed input: the two control columns disagree: the first names 5.4, the second names no control of iso27002:2022`)
	assert.NotContains(t, err.Error(), "s.csv:3")
}

// A statement of applicability edited by hand: its "Applicable" column is read (a
// new-user test found it ignored, so a control marked "no" stayed applicable and
// implemented). "no" excludes the control whatever its status says; "yes" with the
// status not-applicable keeps that status; each conflict is a warning naming its
// rows, as is a cell that is neither yes nor no.
func TestApplicableColumn(t *testing.T) {
	a, err := ReadAssessmentCSV("s.csv", strings.NewReader("control,applicable,status\n5.1,no,implemented\n5.2,yes,not-applicable\n5.3,maybe,partial\n5.4,No,not-applicable\n5.5,yes,implemented\n"), nil)
	require.NoError(t, err)
	want := map[string]Status{"5.1": NotApplicable, "5.2": NotApplicable, "5.3": Partial, "5.4": NotApplicable, "5.5": Implemented}
	for id, st := range want {
		e, ok := a.Entry(catalog.NewRef(catalog.ISO27002v2022, id))
		require.True(t, ok, id)
		assert.Equal(t, st, e.Status, id)
	}
	var msgs []string
	for _, w := range a.Warnings() {
		msgs = append(msgs, w.Error())
	}
	assert.Contains(t, msgs, `warning: s.csv:2: field "applicable" = "no": marked not applicable while the status says otherwise (here "implemented"); read as not-applicable: the control is excluded`)
	assert.Contains(t, msgs, `warning: s.csv:3: field "applicable" = "yes": marked applicable while the status is not-applicable; read as not-applicable (give the status it is implemented with)`)
	assert.Contains(t, msgs, `warning: s.csv:4: field "applicable" = "maybe": neither yes nor no; the status decides`)
}

// A clause of ISO/IEC 27001 made of sub-clauses is not rated as a whole: the error
// says so and names the parts to rate (a new-user test found "unknown control" for a
// clause the catalog knows, and no word of 6.1.1-6.1.3).
func TestClauseWithParts(t *testing.T) {
	_, err := readISMS(t, "control,status\nA.5.1,implemented\n6.1,implemented\n")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNotAssessable)
	assert.Equal(t, `a.csv:3: field "control" = "6.1": not rated as a whole: iso27001:2022/6.1 is a clause; rate its parts: 6.1.1, 6.1.2, 6.1.3`, err.Error())
}

// "Clause 5.2" (or "Cl. 5.2") names the clause in an ISO/IEC 27001 assessment,
// whatever the file's reading of bare numbers.
func TestClauseSpelling(t *testing.T) {
	a, err := readISMS(t, "control,status\n5.1,implemented\n5.4,implemented\nClause 5.2,partial\nCl. 8.2,planned\n")
	require.NoError(t, err)
	assert.Equal(t, "partial", statusOf(a, catalog.NewRef(catalog.ISO27001v2022, "5.2")))
	assert.Equal(t, "planned", statusOf(a, clause82))
	assert.Equal(t, "implemented", statusOf(a, annex51), "the file writes Annex A bare and names its clauses")
}
