package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsSheet   = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctMain    = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// zipTime is the modification time of every part of the package: fixed, so that the
// same workbook gives the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// pkgPart is one file of the package.
type pkgPart struct {
	name string
	body func(b *strings.Builder)
}

// Write writes the workbook as an .xlsx file to out. A workbook needs at least one
// sheet. The same calls give the same bytes.
func (w *Workbook) Write(out io.Writer) error {
	if len(w.sheets) == 0 {
		return invalid("a workbook needs at least one sheet")
	}
	sst := w.sharedStrings()
	parts := []pkgPart{
		{"[Content_Types].xml", w.contentTypesXML},
		{"_rels/.rels", rootRelsXML},
		{"docProps/app.xml", appXML},
		{"docProps/core.xml", w.coreXML},
		{"xl/workbook.xml", w.workbookXML},
		{"xl/_rels/workbook.xml.rels", w.workbookRelsXML},
		{"xl/styles.xml", w.styles.stylesXML},
		{"xl/theme/theme1.xml", themeXML},
		{"xl/sharedStrings.xml", sst.xml},
	}
	for i, s := range w.sheets {
		parts = append(parts, pkgPart{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(b *strings.Builder) { s.xml(b, sst, i == w.active) }})
	}
	z := zip.NewWriter(out)
	var b strings.Builder
	for _, p := range parts {
		b.Reset()
		p.body(&b)
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("xlsx: writing %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, b.String()); err != nil {
			return fmt.Errorf("xlsx: writing %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("xlsx: writing the package: %w", err)
	}
	return nil
}

// sst is the shared string table: every text of the workbook once, in the order
// first met (sheets, then rows, then cells).
type sst struct {
	index map[string]int
	list  []string
	count int
}

func (w *Workbook) sharedStrings() *sst {
	t := &sst{index: map[string]int{}}
	for _, s := range w.sheets {
		for _, row := range s.rows {
			for _, c := range row {
				if v, ok := c.Value.(string); ok && v != "" {
					t.count++
					if _, seen := t.index[v]; !seen {
						t.index[v] = len(t.list)
						t.list = append(t.list, v)
					}
				}
			}
		}
	}
	return t
}

func (t *sst) xml(b *strings.Builder) {
	fmt.Fprintf(b, xmlHeader+`<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsSheet, t.count, len(t.list))
	for _, s := range t.list {
		b.WriteString(`<si>` + textElement(s) + `</si>`)
	}
	b.WriteString(`</sst>`)
}

// textElement is a text as a <t> element, its spaces at either end kept.
func textElement(s string) string {
	if strings.TrimSpace(s) != s {
		return `<t xml:space="preserve">` + escText(s, true) + `</t>`
	}
	return `<t>` + escText(s, true) + `</t>`
}

func (w *Workbook) contentTypesXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctMain + `sheet.main+xml"/>`)
	for i := range w.sheets {
		fmt.Fprintf(b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="`+ctMain+`worksheet+xml"/>`, i+1)
	}
	b.WriteString(`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctMain + `styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ctMain + `sharedStrings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
}

func rootRelsXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">` +
		`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relDoc + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

func appXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>controlgraph</Application></Properties>`)
}

func (w *Workbook) coreXML(b *strings.Builder) {
	p := w.props
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ name, v string }{{"dc:title", p.Title}, {"dc:subject", p.Subject}, {"dc:creator", p.Creator},
		{"cp:lastModifiedBy", p.LastModifiedBy}, {"dc:language", p.Language}} {
		if e.v != "" {
			b.WriteString(`<` + e.name + `>` + escText(e.v, false) + `</` + e.name + `>`)
		}
	}
	for _, e := range []struct {
		name string
		t    time.Time
	}{{"dcterms:created", p.Created}, {"dcterms:modified", p.Modified}} {
		if !e.t.IsZero() {
			b.WriteString(`<` + e.name + ` xsi:type="dcterms:W3CDTF">` + e.t.UTC().Format(time.RFC3339) + `</` + e.name + `>`)
		}
	}
	b.WriteString(`</cp:coreProperties>`)
}

func (w *Workbook) workbookXML(b *strings.Builder) {
	fmt.Fprintf(b, xmlHeader+`<workbook xmlns="%s" xmlns:r="%s"><bookViews><workbookView activeTab="%d"/></bookViews><sheets>`,
		nsSheet, nsRel, w.active)
	for i, s := range w.sheets {
		fmt.Fprintf(b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escAttr(s.name), i+1, i+1)
	}
	b.WriteString(`</sheets>`)
	var names strings.Builder
	for i, s := range w.sheets {
		quoted := quoteSheet(s.name)
		if s.filter != nil {
			fmt.Fprintf(&names, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`,
				i, escText(quoted+"!"+s.filter.absolute(), false))
		}
		if s.titles[0] > 0 {
			fmt.Fprintf(&names, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s</definedName>`,
				i, escText(fmt.Sprintf("%s!$%d:$%d", quoted, s.titles[0], s.titles[1]), false))
		}
	}
	if names.Len() > 0 {
		b.WriteString(`<definedNames>` + names.String() + `</definedNames>`)
	}
	b.WriteString(`<calcPr calcId="191029"/></workbook>`)
}

// quoteSheet is a sheet name as a formula names it: in apostrophes, an apostrophe
// in it doubled.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

func (w *Workbook) workbookRelsXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	n := len(w.sheets)
	for i := range w.sheets {
		fmt.Fprintf(b, `<Relationship Id="rId%d" Type="`+relDoc+`worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	fmt.Fprintf(b, `<Relationship Id="rId%d" Type="`+relDoc+`theme" Target="theme/theme1.xml"/>`, n+1)
	fmt.Fprintf(b, `<Relationship Id="rId%d" Type="`+relDoc+`styles" Target="styles.xml"/>`, n+2)
	fmt.Fprintf(b, `<Relationship Id="rId%d" Type="`+relDoc+`sharedStrings" Target="sharedStrings.xml"/>`, n+3)
	b.WriteString(`</Relationships>`)
}

func strconvFloat(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}
