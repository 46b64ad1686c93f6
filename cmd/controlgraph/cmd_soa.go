package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/crosswalk"
)

func init() {
	register(&command{
		name:    "soa",
		args:    "--assessment FILE [--related FRAMEWORK] [flags]",
		summary: "Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) from an assessment",
		detail: `Lists all 93 Annex A controls of ISO/IEC 27001:2022 with applicability,
justification, implementation status, owner and evidence, taken from an assessment of
the ISO/IEC 27002:2022 controls (CSV or JSON, as for "gap"; - reads standard input),
and the items of related frameworks each control maps to (published mappings only;
NIST CSF 2.0 and, in builds with CIS data, the CIS Controls v8 unless --related says
otherwise). It ends with what an auditor would ask about: excluded controls without a
justification and controls the assessment does not rate.

--fail-on-problems exits 1 when there is any such problem.`,
		examples: []string{
			"soa --assessment examples/assessments/small-company.csv",
			"soa --assessment assessment.csv --format csv -o soa.csv",
			"soa --assessment assessment.json --related csf --format md",
		},
		formats: []string{formatTable, formatJSON, formatCSV, formatMD},
		maxArgs: 0,
		setup:   setupSoA,
	})
}

func setupSoA(fs *flag.FlagSet) action {
	file := fs.String("assessment", "", "the assessment `FILE` of the ISO/IEC 27002:2022 controls (CSV or JSON; - for standard input); required")
	var related listFlag
	fs.Var(&related, "related", "show the items of `FRAMEWORK` each control maps to (repeat or comma list)")
	failOnProblems := fs.Bool("fail-on-problems", false, "exit 1 when a control is excluded without justification or not assessed")
	return func(x *invocation, _ []string) error {
		if *file == "" {
			return badInput("missing --assessment FILE (CSV or JSON; - for standard input)")
		}
		var fws []catalog.FrameworkID
		for _, r := range related {
			fw, err := x.resolveFramework(r)
			if err != nil {
				return err
			}
			fws = append(fws, fw)
		}
		a, err := x.readAssessment(*file, nil)
		if err != nil {
			return err
		}
		soa, err := crosswalk.Default().SoA(a, fws...)
		if err != nil {
			return badInput("%v", err)
		}
		if err := x.writeSoA(soa); err != nil {
			return err
		}
		if *failOnProblems && len(soa.Problems) > 0 {
			return &findingError{msg: fmt.Sprintf("the statement of applicability has %s", plural(len(soa.Problems), "problem"))}
		}
		return nil
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func relatedText(rs []crosswalk.SoARelated, sep string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = strings.Join(r.Items, sep)
	}
	return out
}

func (x *invocation) writeSoA(s *crosswalk.SoA) error {
	if x.format == formatJSON {
		return x.writeJSON(s)
	}
	relHeaders := make([]string, len(s.Related))
	for i, fw := range s.Related {
		relHeaders[i] = string(fw)
	}
	if x.format == formatCSV {
		t := newTable(-1, append([]string{"annex_a", "control", "title", "theme", "applicable", "justification", "status", "owner", "evidence", "notes"}, relHeaders...)...)
		for _, e := range s.Controls {
			t.add(append([]string{e.AnnexA, e.Control, e.Title, e.Theme, yesNo(e.Applicable), e.Justification, e.Status.String(), e.Owner, e.Evidence, e.Notes},
				relatedText(e.Related, ";")...)...)
		}
		return x.writeTable(t)
	}
	md := x.format == formatMD
	var b strings.Builder
	title := "Statement of Applicability: ISO/IEC 27001:2022 Annex A"
	if s.Assessment != "" {
		title += " (" + s.Assessment + ")"
	}
	if md {
		fmt.Fprintf(&b, "# %s\n\n", title)
	} else {
		fmt.Fprintf(&b, "%s\n\n", title)
	}
	sum := s.Summary
	fmt.Fprintf(&b, "%d controls: %d applicable, %d excluded; %d implemented, %d partial, %d planned, %d not implemented, %d not assessed.\n\n",
		sum.Total, sum.Applicable, sum.Excluded, sum.Implemented, sum.Partial, sum.Planned, sum.NotImplemented, sum.NotAssessed)
	t := newTable(1, append([]string{"annex a", "title", "applicable", "status", "justification", "owner"}, relHeaders...)...).wrapAlso(4)
	for i := range relHeaders {
		t.wrapAlso(6 + i)
	}
	for _, e := range s.Controls {
		t.add(append([]string{e.AnnexA, e.Title, yesNo(e.Applicable), e.Status.String(), e.Justification, e.Owner}, relatedText(e.Related, ", ")...)...)
	}
	var err error
	if md {
		err = t.writeMarkdown(&b)
	} else {
		err = t.writeText(&b, x.width)
	}
	if err != nil {
		return err
	}
	if md {
		fmt.Fprintf(&b, "\n## Problems (%d)\n\n", len(s.Problems))
	} else {
		fmt.Fprintf(&b, "\nPROBLEMS (%d)\n", len(s.Problems))
	}
	for _, p := range s.Problems {
		if md {
			fmt.Fprintf(&b, "- **%s** (%s): %s\n", p.Control, p.Kind, mdCell(p.Message))
		} else {
			fmt.Fprintf(&b, "  %-6s %s\n", p.Control, p.Message)
		}
	}
	_, err = io.WriteString(x.out, b.String())
	return err
}
