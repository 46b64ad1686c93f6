package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/csvsafe"
)

// gapCSVHeader is the header row GapCSV writes.
var gapCSVHeader = []string{"id", "title", "status", "reached_by", "category_level", "sources", "statements",
	"outside_baseline", "policy", "derived", "baseline", "target", "limited_to"}

// GapCSV writes one row per target item of the gap result, in document order, under
// the header id,title,status,reached_by,category_level,sources,statements,
// outside_baseline,policy,derived,baseline,target,limited_to: the item's ID, title and status; the baseline
// controls that reach it, with their titles ("8.16 Monitoring activities (subset-of,
// not-implemented)"), then those mapped only to an ancestor ("5.1 Policies for
// information security (related at GV, implemented)", context that does not count),
// the source documents by name (opts.Crosswalk or the embedded sets name them; an
// unknown ID stays as it is), what the sources state about the item, and the
// controls outside the baseline mapped to it, with their titles (ISO/IEC 27001
// clauses: "iso27001:2022/9.1 Monitoring, measurement, analysis and evaluation"); lists are joined
// by "; ". Every row repeats the coverage policy, whether derived paths were used,
// the baseline, the target and its limits (implementation groups, SP 800-53B
// baselines, scopes), so a row read on its own still says how its status was reached
// and in which analysis. The summary and
// roll-ups are in the JSON, Markdown, HTML and XLSX forms.
func GapCSV(w io.Writer, res *crosswalk.GapResult, opts Options) error {
	if res == nil {
		return errNil("gap result")
	}
	cat := opts.catalog()
	csvw := csvsafe.NewWriter(w)
	_ = csvw.Write(gapCSVHeader)
	for _, it := range res.Items {
		counting, context := splitViaTitled(res, it.Via())
		_ = csvw.Write([]string{it.ID, it.Title, string(it.Status), strings.Join(counting, "; "),
			strings.Join(context, "; "), strings.Join(opts.sourceNames(sources(it.Via())), "; "), strings.Join(it.Statements, "; "),
			strings.Join(outsideLabels(cat, it.Outside), "; "), policyCell(res, it), strconv.FormatBool(res.Derived),
			string(res.Baseline), string(res.Target), scopeLabel(res)})
	}
	csvw.Flush()
	if err := csvw.Error(); err != nil {
		return fmt.Errorf("report: gap as CSV: %w", err)
	}
	return nil
}

// soaCSVHeader is the header row SoACSV writes.
var soaCSVHeader = []string{"control", "annex_a", "title", "theme", "applicable", "inclusion_reason",
	"exclusion_justification", "status", "owner", "evidence", "notes", "related",
	"organization", "scope", "version", "date", "approved_by"}

// SoACSV writes one row per Annex A control of the SoA, in document order, under
// the header control,annex_a,title,theme,applicable,inclusion_reason,
// exclusion_justification,status,owner,evidence,notes,related,organization,scope,
// version,date,approved_by; applicable is "yes" or "no", the assessment's
// justification is the reason for the inclusion of an applicable control and the
// justification of the exclusion of another, related lists the items per framework
// ("nist-csf:2.0: GV.OV-01, PR.DS-01; cis:8: 15.2"), and every row repeats the
// document fields ([crosswalk.SoADocument]; empty when not given), so that a row read
// on its own still says whose statement it belongs to.
func SoACSV(w io.Writer, soa *crosswalk.SoA) error {
	if soa == nil {
		return errNil("statement of applicability")
	}
	csvw := csvsafe.NewWriter(w)
	_ = csvw.Write(soaCSVHeader)
	for _, e := range soa.Controls {
		row := []string{e.Control, e.AnnexA, e.Title, e.Theme, yesNo(e.Applicable), e.InclusionReason,
			e.ExclusionJustification, e.Status.String(), e.Owner, e.Evidence, e.Notes, relatedLabel(e.Related)}
		for _, f := range docFields(soa.Document) {
			row = append(row, f.Value)
		}
		_ = csvw.Write(row)
	}
	csvw.Flush()
	if err := csvw.Error(); err != nil {
		return fmt.Errorf("report: SoA as CSV: %w", err)
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func itoa(i int) string { return strconv.Itoa(i) }
