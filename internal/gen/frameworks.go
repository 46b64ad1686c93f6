package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
	"github.com/controlgraph/controlgraph/internal/wire"
)

const (
	isoLicence  = "Control identifiers and titles of ISO/IEC standards are used as identifiers, with attribution to ISO/IEC; no ISO text beyond them is reproduced. The standards are available from ISO."
	nistLicence = "Work of the US Government (NIST), public domain in the United States; statements reproduced verbatim with attribution."
	// nis2Licence: the reuse terms of EU legislation and the acknowledgement the
	// reference README (README-nis2.md, "Licences and reuse notices") asks for.
	nis2Licence = "EU legislation, © European Union: reuse is authorised provided the source is acknowledged (Commission Decision 2011/833/EU). Annex text as transcribed by intuitem (ciso-assistant-community); only the Official Journal of the EU is authentic. See NOTICE."
	cisLicence  = "CIS Critical Security Controls, © Center for Internet Security, Inc., licensed under CC BY-NC-ND 4.0 (https://creativecommons.org/licenses/by-nc-nd/4.0/); see catalog/data/cis/LICENSE."
)

// cisFrameworksLicenceFile is written to catalog/data/cis/LICENSE, the notice the CIS
// framework files point to.
const cisFrameworksLicenceFile = `The framework files in this directory hold content of the CIS Critical Security
Controls: the identifiers and titles of the CIS Controls v8 and v8.1 and their
safeguards, with asset types, security functions and implementation groups.

CIS Critical Security Controls © Center for Internet Security, Inc.
Licensed under the Creative Commons Attribution-NonCommercial-NoDerivatives 4.0
International licence (CC BY-NC-ND 4.0):
https://creativecommons.org/licenses/by-nc-nd/4.0/

Files:
  cis-controls-8.json    CIS Critical Security Controls Version 8 (CIS's OSCAL catalog and
                         workbook CIS_Controls_Version_8.xlsx)
  cis-controls-8.1.json  CIS Critical Security Controls Version 8.1 (values of v8.1.2)

The data was converted to JSON without change to its content, and from it to the Go
tables of catalog/embed_tables_cis.go, which the binary holds. Build controlgraph with
-tags nocis to leave every CIS file out of the binary.
`

func genFrameworks(ref string, files map[string][]byte) error {
	steps := []frameworkStep{
		{"catalog/data/iso27002-2022.json", "ISO27002v2022", genISO27002v2022, ""},
		{"catalog/data/iso27001-2022.json", "ISO27001v2022", genISO27001v2022, ""},
		{"catalog/data/iso27002-2013.json", "ISO27002v2013", genISO27002v2013, ""},
		{"catalog/data/nist-csf-2.0.json", "CSF20", func(ref string) (wire.Framework, error) {
			return genCSF(ref, "frameworks/nist-csf-2.0.csv", wire.Framework{
				ID: "nist-csf:2.0", Name: "NIST Cybersecurity Framework 2.0", Version: "2.0", Publisher: "NIST",
				Source:  "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0 (February 2024), from NIST's OSCAL catalog",
				Licence: nistLicence, Aliases: []string{"csf", "nistcsf", "csf2"},
			})
		}, ""},
		{"catalog/data/nist-csf-1.1.json", "CSF11", func(ref string) (wire.Framework, error) {
			return genCSF(ref, "frameworks/nist-csf-1.1.csv", wire.Framework{
				ID: "nist-csf:1.1", Name: "NIST Cybersecurity Framework 1.1", Version: "1.1", Publisher: "NIST",
				Source:  "NIST Framework for Improving Critical Infrastructure Cybersecurity, Version 1.1 (April 2018)",
				Licence: nistLicence, Aliases: []string{"csf", "nistcsf", "csf1.1"},
			})
		}, ""},
		{"catalog/data/nis2-2024.json", "NIS2v2024", genNIS2, ""},
		{"catalog/data/sp800-53-5.json", "SP80053v5", genSP80053, "catalog/data/sp800-53-5.summaries.json"},
		{"catalog/data/cis/cis-controls-8.json", "CIS8", func(ref string) (wire.Framework, error) {
			return genCIS(ref, "frameworks/cis-controls-v8-safeguards.csv", wire.Framework{
				ID: "cis:8", Name: "CIS Critical Security Controls v8", Version: "8", Publisher: "Center for Internet Security",
				Source:  "CIS Critical Security Controls Version 8 (May 2021): CIS's OSCAL catalog and workbook CIS_Controls_Version_8.xlsx",
				Licence: cisLicence, Aliases: []string{"cis-controls", "cis:8.0"}, QualifiedOnly: true,
			})
		}, ""},
		{"catalog/data/cis/cis-controls-8.1.json", "CIS81", func(ref string) (wire.Framework, error) {
			return genCIS(ref, "frameworks/cis-controls-v8.1-safeguards.csv", wire.Framework{
				ID: "cis:8.1", Name: "CIS Critical Security Controls v8.1", Version: "8.1", Publisher: "Center for Internet Security",
				Source:  "CIS Critical Security Controls Version 8.1 (June 2024), values of v8.1.2; control titles as in v8",
				Licence: cisLicence, Aliases: []string{"cis-controls"}, QualifiedOnly: true,
			})
		}, ""},
	}
	var base, cis []tableFramework
	for _, s := range steps {
		tf, err := s.run(ref, files)
		if err != nil {
			return err
		}
		if strings.HasPrefix(s.out, "catalog/data/cis/") {
			cis = append(cis, tf)
		} else {
			base = append(base, tf)
		}
	}
	for _, t := range []struct {
		file, list, tag, licence string
		fws                      []tableFramework
	}{
		{"catalog/embed_tables.go", "baseTables", "", "", base},
		{"catalog/embed_tables_cis.go", "cisTables", "!nocis", "catalog/data/cis", cis},
	} {
		src, err := catalogTables(t.list, t.tag, t.licence, t.fws)
		if err != nil {
			return err
		}
		files[t.file] = src
	}
	files["catalog/data/cis/LICENSE"] = []byte(cisFrameworksLicenceFile)
	return nil
}

// frameworkStep generates one framework file.
type frameworkStep struct {
	out    string // the JSON file
	goName string // the name of its table in the generated Go (tableISO27002v2022)
	gen    func(string) (wire.Framework, error)
	// apart, when set, is the file the summaries go to instead of out, read by the
	// catalog only when a summary is asked for.
	apart string
}

// run generates the framework, writes its JSON file (and its summaries file) into
// files after the catalog's own checks, and returns it for the Go tables.
func (s frameworkStep) run(ref string, files map[string][]byte) (tableFramework, error) {
	wf, err := s.gen(ref)
	if err != nil {
		return tableFramework{}, err
	}
	tf := tableFramework{goName: s.goName, wf: wf, apart: s.apart != ""}
	if s.apart != "" {
		tf.wf.Controls = slices.Clone(wf.Controls)
		b, err := summariesApart(&wf)
		if err != nil {
			return tableFramework{}, err
		}
		files[s.apart] = b
	}
	b, err := codec.MarshalIndent(wf)
	if err != nil {
		return tableFramework{}, err
	}
	// The catalog's own checks (IDs, titles, parents, cycles) on what it will embed.
	if _, err := catalog.ReadJSON(s.out, b); err != nil {
		return tableFramework{}, err
	}
	files[s.out] = b
	return tf, nil
}

// summariesApart moves the summaries of wf's controls into a summaries file, which it
// returns.
func summariesApart(wf *wire.Framework) ([]byte, error) {
	sums := wire.Summaries{Framework: wf.ID, Summaries: []wire.Summary{}}
	for i, c := range wf.Controls {
		if c.Summary != "" {
			sums.Summaries = append(sums.Summaries, wire.Summary{ID: c.ID, Text: c.Summary})
			wf.Controls[i].Summary = ""
		}
	}
	return codec.MarshalIndent(sums)
}

func tf(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func genISO27002v2022(ref string) (wire.Framework, error) {
	t, err := readTable(ref, "frameworks/iso27002-2022.csv", "id", "title", "theme", "control_type", "properties", "concepts", "capabilities", "domains", "new_in_2022")
	if err != nil {
		return wire.Framework{}, err
	}
	wf := wire.Framework{
		ID: "iso27002:2022", Name: "ISO/IEC 27002:2022", Version: "2022", Publisher: "ISO/IEC",
		Source:  "ISO/IEC 27002:2022 Information security, cybersecurity and privacy protection — Information security controls: control identifiers, titles and the attribute table of Annex A (Table A.1)",
		Licence: isoLicence, Aliases: []string{"27002"},
	}
	themeOf := map[string]string{}
	for _, r := range t.rows {
		id := r.get("id")
		clause, _, ok := strings.Cut(id, ".")
		switch {
		case !ok || clause == "":
			return wf, fmt.Errorf("%s:%d: id %q is not clause.number", t.file, r.line, id)
		case r.get("title") == "":
			return wf, fmt.Errorf("%s:%d: control %s has no title", t.file, r.line, id)
		case r.get("theme") == "":
			return wf, fmt.Errorf("%s:%d: control %s has no theme", t.file, r.line, id)
		}
		if th, seen := themeOf[clause]; !seen {
			themeOf[clause] = r.get("theme")
			wf.Controls = append(wf.Controls, wire.Control{ID: clause, Title: r.get("theme") + " controls", Kind: "theme"})
		} else if th != r.get("theme") {
			return wf, fmt.Errorf("%s:%d: control %s has theme %q, clause %s is %q", t.file, r.line, id, r.get("theme"), clause, th)
		}
		isNew, err := flag01(t, r, "new_in_2022")
		if err != nil {
			return wf, err
		}
		wf.Controls = append(wf.Controls, wire.Control{
			ID: id, Title: r.get("title"), Kind: "control", Parent: clause,
			Attributes: map[string][]string{
				"theme":                    {r.get("theme")},
				"control_type":             split(r.get("control_type")),
				"security_properties":      split(r.get("properties")),
				"cybersecurity_concepts":   split(r.get("concepts")),
				"operational_capabilities": split(r.get("capabilities")),
				"security_domains":         split(r.get("domains")),
				"new_in_2022":              {tf(isNew)},
			},
		})
	}
	return wf, nil
}

func genISO27001v2022(ref string) (wire.Framework, error) {
	t, err := readTable(ref, "frameworks/iso27001-2022-clauses.csv", "id", "title", "parent", "mandatory_documented_information", "mdi_note", "amd1_2024_climate")
	if err != nil {
		return wire.Framework{}, err
	}
	wf := wire.Framework{
		ID: "iso27001:2022", Name: "ISO/IEC 27001:2022", Version: "2022", Publisher: "ISO/IEC",
		Source:  "ISO/IEC 27001:2022 Information security management systems — Requirements, clauses 4 to 10, with Amendment 1:2024 (climate action changes); its Annex A is the control set of ISO/IEC 27002:2022",
		Licence: isoLicence, Aliases: []string{"27001"}, AnnexOf: "iso27002:2022",
	}
	for _, r := range t.rows {
		mdi, err := flag01(t, r, "mandatory_documented_information")
		if err != nil {
			return wf, err
		}
		climate, err := flag01(t, r, "amd1_2024_climate")
		if err != nil {
			return wf, err
		}
		attrs := map[string][]string{
			"mandatory_documented_information": {tf(mdi)},
			"amd1_2024_climate":                {tf(climate)},
		}
		if n := r.get("mdi_note"); n != "" {
			attrs["documented_information_note"] = []string{n}
		}
		wf.Controls = append(wf.Controls, wire.Control{ID: r.get("id"), Title: r.get("title"), Kind: "clause", Parent: r.get("parent"), Attributes: attrs})
	}
	return wf, nil
}

func genISO27002v2013(ref string) (wire.Framework, error) {
	t, err := readTable(ref, "frameworks/iso27002-2013.csv", "id", "title")
	if err != nil {
		return wire.Framework{}, err
	}
	wf := wire.Framework{
		ID: "iso27002:2013", Name: "ISO/IEC 27002:2013", Version: "2013", Publisher: "ISO/IEC",
		Source:  "ISO/IEC 27001:2013 Annex A / ISO/IEC 27002:2013 control identifiers and titles (withdrawn; kept for migration)",
		Licence: isoLicence, Aliases: []string{"27002"},
	}
	for _, r := range t.rows {
		wf.Controls = append(wf.Controls, wire.Control{ID: r.get("id"), Title: r.get("title"), Kind: "control"})
	}
	return wf, nil
}

func genCSF(ref, file string, wf wire.Framework) (wire.Framework, error) {
	t, err := readTable(ref, file, "function_id", "function", "category_id", "category", "subcategory_id", "statement")
	if err != nil {
		return wf, err
	}
	seen := map[string]bool{}
	title := map[string]string{}  // function or category ID → its title
	parent := map[string]string{} // category ID → its function
	for _, r := range t.rows {
		fn, cat, sub := r.get("function_id"), r.get("category_id"), r.get("subcategory_id")
		if !seen[fn] {
			seen[fn] = true
			title[fn] = r.get("function")
			wf.Controls = append(wf.Controls, wire.Control{ID: fn, Title: r.get("function"), Kind: "function"})
		} else if title[fn] != r.get("function") {
			return wf, fmt.Errorf("%s:%d: function %s is %q here, %q above", file, r.line, fn, r.get("function"), title[fn])
		}
		if !seen[cat] {
			seen[cat] = true
			title[cat], parent[cat] = r.get("category"), fn
			wf.Controls = append(wf.Controls, wire.Control{ID: cat, Title: r.get("category"), Kind: "category", Parent: fn})
		} else if title[cat] != r.get("category") || parent[cat] != fn {
			return wf, fmt.Errorf("%s:%d: category %s is %q under %s here, %q under %s above", file, r.line, cat, r.get("category"), fn, title[cat], parent[cat])
		}
		if seen[sub] {
			return wf, fmt.Errorf("%s:%d: subcategory %s repeated", file, r.line, sub)
		}
		seen[sub] = true
		wf.Controls = append(wf.Controls, wire.Control{ID: sub, Title: r.get("statement"), Kind: "subcategory", Parent: cat})
	}
	return wf, nil
}

func genCIS(ref, safeguards string, wf wire.Framework) (wire.Framework, error) {
	ct, err := readTable(ref, "frameworks/cis-controls-v8.csv", "id", "title")
	if err != nil {
		return wf, err
	}
	st, err := readTable(ref, safeguards, "id", "control_id", "title", "asset_type", "security_function", "ig1", "ig2", "ig3")
	if err != nil {
		return wf, err
	}
	bySafeguard := map[string][]row{}
	for _, r := range st.rows {
		bySafeguard[r.get("control_id")] = append(bySafeguard[r.get("control_id")], r)
	}
	n := 0
	for _, c := range ct.rows {
		wf.Controls = append(wf.Controls, wire.Control{ID: c.get("id"), Title: c.get("title"), Kind: "control"})
		for _, r := range bySafeguard[c.get("id")] {
			if !strings.HasPrefix(r.get("id"), c.get("id")+".") {
				return wf, fmt.Errorf("%s:%d: safeguard %s is not numbered under its control %s", safeguards, r.line, r.get("id"), c.get("id"))
			}
			attrs := map[string][]string{}
			if v := split(r.get("asset_type")); len(v) > 0 {
				attrs["asset_type"] = v
			}
			if v := split(r.get("security_function")); len(v) > 0 {
				attrs["security_function"] = v
			}
			var igs []string
			for i, col := range []string{"ig1", "ig2", "ig3"} {
				in, err := flag01(st, r, col)
				if err != nil {
					return wf, err
				}
				if in {
					igs = append(igs, fmt.Sprintf("IG%d", i+1))
				}
			}
			if len(igs) > 0 {
				attrs["implementation_group"] = igs
			}
			wf.Controls = append(wf.Controls, wire.Control{ID: r.get("id"), Title: r.get("title"), Kind: "safeguard", Parent: c.get("id"), Attributes: attrs})
			n++
		}
	}
	if n != len(st.rows) {
		return wf, fmt.Errorf("%s: %d safeguards belong to no control of cis-controls-v8.csv", safeguards, len(st.rows)-n)
	}
	return wf, nil
}

// genNIS2 reads the Annex of Commission Implementing Regulation (EU) 2024/2690: its
// sections (titled with the reference's sentence-case section_title, the heading as
// printed kept as the summary), its requirements (titled sub-headings, with the text
// of 5.2 and 12.5, which have no numbered points, as the summary) and its points
// (verbatim text as the summary; having no title of their own, they are titled with
// the first line of it, since a title is one line). The gap items are the
// requirements, which ENISA maps.
func genNIS2(ref string) (wire.Framework, error) {
	const file = "frameworks/nis2-ir-2024-2690.csv"
	t, err := readTable(ref, file, "id", "section", "section_title", "kind", "parent", "title", "text")
	if err != nil {
		return wire.Framework{}, err
	}
	wf := wire.Framework{
		ID: string(catalog.NIS2v2024), Name: "NIS2 Implementing Regulation (EU) 2024/2690", Version: "2024", Publisher: "European Commission",
		Source:  "Commission Implementing Regulation (EU) 2024/2690 of 17 October 2024, Annex: technical and methodological requirements of the cybersecurity risk-management measures of Article 21(2) of Directive (EU) 2022/2555 (NIS2), as transcribed by intuitem (ciso-assistant-community, library version 12)",
		Licence: nis2Licence, Aliases: []string{"nis2-ir", "eu-2024-2690"}, QualifiedOnly: true,
		// ENISA maps the requirements (sub-headings); sections 7 and 9, which have none,
		// become items through their points (see catalog.Framework.ItemKinds).
		ItemKinds: []string{string(catalog.KindRequirement)},
	}
	kindOf := map[string]string{}
	for _, r := range t.rows {
		id, kind, parent := r.get("id"), r.get("kind"), r.get("parent")
		c := wire.Control{ID: id, Kind: kind, Parent: parent}
		switch kind {
		case "section":
			if parent != "" || r.get("section") != id {
				return wf, fmt.Errorf("%s:%d: section %s has parent %q and section %q", file, r.line, id, parent, r.get("section"))
			}
			c.Title, c.Summary = r.get("section_title"), r.get("title")
		case "requirement":
			if kindOf[parent] != "section" {
				return wf, fmt.Errorf("%s:%d: requirement %s is under %q, not a section", file, r.line, id, parent)
			}
			c.Title, c.Summary = r.get("title"), r.get("text")
		case "point":
			if k := kindOf[parent]; k != "requirement" && k != "section" {
				return wf, fmt.Errorf("%s:%d: point %s is under %q, not a requirement or section", file, r.line, id, parent)
			}
			if r.get("title") != "" {
				return wf, fmt.Errorf("%s:%d: point %s has a title %q; the Annex gives points none", file, r.line, id, r.get("title"))
			}
			// No title of its own: the first line of the text (the whole text when it
			// has one line; the chapeau before the sub-points otherwise) titles it, and
			// the text is the summary.
			c.Title, _, _ = strings.Cut(r.get("text"), "\n")
			c.Title = strings.TrimSpace(c.Title)
			c.Summary = r.get("text")
		default:
			return wf, fmt.Errorf("%s:%d: unknown kind %q (want section, requirement or point)", file, r.line, kind)
		}
		if c.Title == "" {
			return wf, fmt.Errorf("%s:%d: %s %s has no title or text", file, r.line, kind, id)
		}
		if !strings.HasPrefix(id, r.get("section")+".") && id != r.get("section") {
			return wf, fmt.Errorf("%s:%d: %s is not numbered under its section %s", file, r.line, id, r.get("section"))
		}
		kindOf[id] = kind
		wf.Controls = append(wf.Controls, c)
	}
	return wf, nil
}

// sp80053Baselines are the baseline flag columns of the SP 800-53 reference file and
// the attribute value each gives (SP 800-53B's names).
var sp80053Baselines = []struct{ col, value string }{
	{"baseline_low", "LOW"}, {"baseline_moderate", "MODERATE"}, {"baseline_high", "HIGH"}, {"baseline_privacy", "PRIVACY"},
}

// genSP80053 reads NIST SP 800-53 Rev. 5 (OSCAL release 5.0.1): a family node per
// OSCAL group (AC, AT, ...), then each control and its enhancements under it, with the
// printed labels as IDs (AC-2, AC-2(1)). The statement, as NIST renders it, is the
// summary (genFrameworks writes it to a file of its own). Baselines are the attribute
// baseline; a withdrawn control keeps its place with status=withdrawn and, where NIST
// says, where it went (incorporated_into: the reference's withdrawn_to, which holds
// NIST's incorporated-into and moved-to links alike, as NIST prints them: AC-2k, SR).
// Every control and enhancement is a gap item (a base control with enhancements is a
// requirement too); the withdrawn ones never are.
func genSP80053(ref string) (wire.Framework, error) {
	const file = "frameworks/nist-sp800-53-r5.csv"
	t, err := readTable(ref, file, "id", "oscal_id", "family", "family_title", "kind", "parent", "title", "status", "withdrawn_to",
		"baseline_low", "baseline_moderate", "baseline_high", "baseline_privacy", "statement")
	if err != nil {
		return wire.Framework{}, err
	}
	wf := wire.Framework{
		ID: string(catalog.SP80053v5), Name: "NIST SP 800-53 Rev. 5", Version: "5", Publisher: "NIST",
		Source:  "NIST SP 800-53 Rev. 5, Security and Privacy Controls for Information Systems and Organizations: NIST's OSCAL catalog, release 5.0.1, with the SP 800-53B LOW, MODERATE, HIGH and PRIVACY baseline profiles of the same release (usnistgov/oscal-content)",
		Licence: nistLicence, Aliases: []string{"800-53", "nist-800-53", "sp800-53", "nist-sp800-53"},
		ItemKinds: []string{string(catalog.KindControl), string(catalog.KindEnhancement)},
	}
	sp := sp80053Reader{t: t, familyTitle: map[string]string{}, kindOf: map[string]string{}}
	for _, r := range t.rows {
		if err := sp.family(r, &wf); err != nil {
			return wf, err
		}
		c, err := sp.control(r)
		if err != nil {
			return wf, err
		}
		wf.Controls = append(wf.Controls, c)
	}
	return wf, nil
}

// sp80053Reader reads the rows of the SP 800-53 reference file in order, remembering
// the families and the kind of every ID met.
type sp80053Reader struct {
	t           *table
	familyTitle map[string]string // family → title
	kindOf      map[string]string // ID → "family", "control" or "enhancement"
}

// family adds the family node of row r to wf when r is the first row of its family,
// and checks that the row's family title and numbering agree with it.
func (sp *sp80053Reader) family(r row, wf *wire.Framework) error {
	file, id, fam := sp.t.file, r.get("id"), r.get("family")
	if ft, seen := sp.familyTitle[fam]; !seen {
		if fam == "" || r.get("family_title") == "" {
			return fmt.Errorf("%s:%d: %s has no family or family title", file, r.line, id)
		}
		sp.familyTitle[fam] = r.get("family_title")
		sp.kindOf[fam] = "family"
		wf.Controls = append(wf.Controls, wire.Control{ID: fam, Title: r.get("family_title"), Kind: "family"})
	} else if ft != r.get("family_title") {
		return fmt.Errorf("%s:%d: family %s is %q here, %q above", file, r.line, fam, r.get("family_title"), ft)
	}
	if !strings.HasPrefix(id, fam+"-") {
		return fmt.Errorf("%s:%d: %s is not numbered in its family %s", file, r.line, id, fam)
	}
	return nil
}

// control reads the control or enhancement of row r: its parent (a control's is its
// family, an enhancement's the control above), baselines and status.
func (sp *sp80053Reader) control(r row) (wire.Control, error) {
	file, id, kind, parent := sp.t.file, r.get("id"), r.get("kind"), r.get("parent")
	switch kind {
	case "control":
		if parent != "" {
			return wire.Control{}, fmt.Errorf("%s:%d: control %s has parent %q; a control's parent is its family", file, r.line, id, parent)
		}
		parent = r.get("family")
	case "enhancement":
		if sp.kindOf[parent] != "control" || !strings.HasPrefix(id, parent+"(") {
			return wire.Control{}, fmt.Errorf("%s:%d: enhancement %s is under %q, not its control above", file, r.line, id, parent)
		}
	default:
		return wire.Control{}, fmt.Errorf("%s:%d: unknown kind %q (want control or enhancement)", file, r.line, kind)
	}
	if _, dup := sp.kindOf[id]; dup {
		return wire.Control{}, fmt.Errorf("%s:%d: %s repeated", file, r.line, id)
	}
	sp.kindOf[id] = kind
	attrs, err := sp.attributes(r)
	if err != nil {
		return wire.Control{}, err
	}
	return wire.Control{ID: id, Title: r.get("title"), Kind: kind, Parent: parent, Summary: r.get("statement"), Attributes: attrs}, nil
}

// attributes returns the attributes of row r: the baselines it is in, or for a
// withdrawn control its status and where it went; nil when there are none.
func (sp *sp80053Reader) attributes(r row) (map[string][]string, error) {
	file, id := sp.t.file, r.get("id")
	attrs := map[string][]string{}
	for _, b := range sp80053Baselines {
		in, err := flag01(sp.t, r, b.col)
		if err != nil {
			return nil, err
		}
		if in {
			attrs[catalog.AttrBaseline] = append(attrs[catalog.AttrBaseline], b.value)
		}
	}
	switch r.get("status") {
	case "active":
		if r.get("withdrawn_to") != "" {
			return nil, fmt.Errorf("%s:%d: active %s has withdrawn_to %q", file, r.line, id, r.get("withdrawn_to"))
		}
		if r.get("statement") == "" {
			return nil, fmt.Errorf("%s:%d: active %s has no statement", file, r.line, id)
		}
	case "withdrawn":
		if len(attrs) > 0 {
			return nil, fmt.Errorf("%s:%d: withdrawn %s is in a baseline", file, r.line, id)
		}
		attrs[catalog.AttrStatus] = []string{catalog.StatusWithdrawn}
		if to := split(r.get("withdrawn_to")); len(to) > 0 {
			attrs[catalog.AttrIncorporatedInto] = to
		}
	default:
		return nil, fmt.Errorf("%s:%d: unknown status %q (want active or withdrawn)", file, r.line, r.get("status"))
	}
	if len(attrs) == 0 {
		return nil, nil
	}
	return attrs, nil
}
