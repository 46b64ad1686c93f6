// Package xlsx reads and writes Office Open XML workbooks (.xlsx, SpreadsheetML of
// ECMA-376) with the standard library alone (archive/zip, encoding/xml), so that a
// process that never touches a workbook pays nothing for the ability: no general
// spreadsheet library is linked, nor initialised.
//
// The reading half ([Open], [Book]) gives the sheets of a workbook in order, their
// rows as the values the cells show, and their merged ranges; it bounds the memory
// and time a hostile archive can take.
//
// The writing half ([Workbook]) covers what the reports need: several sheets of
// typed cells (text, numbers, booleans), cell styles (bold, colours, a bottom border,
// wrapping, a number format), column widths, a frozen header, an autofilter,
// conditional formats that colour a cell by its text, print settings and document
// properties. Its output is byte-for-byte the same for the same calls.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	pathpkg "path"
	"strconv"
	"strings"
)

// ErrTooLarge is the error (wrapped) of a workbook beyond a limit of [ReadLimits].
var ErrTooLarge = errors.New("over the size limit")

// DefaultMaxUnzipped is the default of [ReadLimits.MaxUnzipped]: 256 MiB.
const DefaultMaxUnzipped = 256 << 20

// ReadLimits bounds what [Open] accepts.
type ReadLimits struct {
	// MaxUnzipped is the most bytes the parts of the archive may unpack to, all
	// together; 0 means [DefaultMaxUnzipped].
	MaxUnzipped int64
}

// Book is a workbook opened for reading. Its methods may be called from several
// goroutines at once; each [RowReader] belongs to one.
type Book struct {
	zr       *zip.Reader
	limit    int64
	sheets   []sheetRef
	shared   []string
	formats  []numFormat // by cell style index (the s attribute of a cell)
	date1904 bool
}

// sheetRef is a sheet of the workbook: its name and the part that holds it ("" when
// the workbook names no part for it).
type sheetRef struct{ name, part string }

// Relationship types this reader follows (the transitional and the strict forms end
// alike).
const (
	relOfficeDocument = "/officeDocument"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
)

// Open reads the workbook held in data: its sheet list, shared strings and cell
// styles. An archive whose parts unpack to more than lim allows is refused with an
// error wrapping [ErrTooLarge]; anything else that is not a workbook with an error
// that says what is wrong.
func Open(data []byte, lim ReadLimits) (*Book, error) {
	if lim.MaxUnzipped <= 0 {
		lim.MaxUnzipped = DefaultMaxUnzipped
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip archive: %w", err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUnzipped) {
			return nil, fmt.Errorf("%w: the archive unpacks to more than %d bytes", ErrTooLarge, lim.MaxUnzipped)
		}
	}
	b := &Book{zr: zr, limit: lim.MaxUnzipped}
	wbPart := b.officeDocument()
	rels, err := b.relationships(wbPart)
	if err != nil {
		return nil, err
	}
	if err := b.readWorkbook(wbPart, rels); err != nil {
		return nil, err
	}
	if err := b.readSharedStrings(rels.target(relSharedStrings, wbPart, "xl/sharedStrings.xml")); err != nil {
		return nil, err
	}
	if err := b.readStyles(rels.target(relStyles, wbPart, "xl/styles.xml")); err != nil {
		return nil, err
	}
	return b, nil
}

// Sheets returns the names of the sheets, in the workbook's order (hidden ones too).
func (b *Book) Sheets() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// partOf returns the part of the sheet named name.
func (b *Book) partOf(name string) (string, error) {
	for _, s := range b.sheets {
		if s.name == name {
			if s.part == "" || b.file(s.part) == nil {
				return "", fmt.Errorf("no part for sheet %q", name)
			}
			return s.part, nil
		}
	}
	return "", fmt.Errorf("no sheet %q", name)
}

// file returns the member of the archive named name, its case ignored; nil if none.
func (b *Book) file(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, zf := range b.zr.File {
		if strings.EqualFold(zf.Name, name) {
			return zf
		}
	}
	return nil
}

// open opens the part name, read to at most the book's limit.
func (b *Book) open(name string) (io.ReadCloser, error) {
	zf := b.file(name)
	if zf == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, b.limit), rc}, nil
}

// scan calls fn with each start element of the part name, and with the decoder to
// read within it; fn returning false stops the scan. A missing part is an error
// unless optional.
func (b *Book) scan(name string, optional bool, fn func(*xml.Decoder, xml.StartElement) (bool, error)) error {
	if optional && b.file(name) == nil {
		return nil
	}
	rc, err := b.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("part %s: %w", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			more, err := fn(d, se)
			if err != nil {
				return fmt.Errorf("part %s: %w", name, err)
			}
			if !more {
				return nil
			}
		}
	}
}

// attr returns the value of the attribute of se whose local name is local.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationship is one entry of a relationships part.
type relationship struct{ id, typ, target, mode string }

// rels are the relationships of a part.
type rels []relationship

// target returns the part named by the first relationship of a type ending in typ,
// resolved against source; def when there is none.
func (rs rels) target(typ, source, def string) string {
	for _, r := range rs {
		if strings.HasSuffix(r.typ, typ) {
			return resolve(source, r.target)
		}
	}
	return def
}

// byID returns the part named by the relationship id, resolved against source; ""
// when there is none or it points outside the package.
func (rs rels) byID(id, source string) string {
	for _, r := range rs {
		if r.id == id && id != "" && !strings.EqualFold(r.mode, "External") {
			return resolve(source, r.target)
		}
	}
	return ""
}

// resolve returns the part a relationship target names, relative to the part source
// (or absolute from the package root).
func resolve(source, target string) string {
	if strings.HasPrefix(target, "/") {
		return pathpkg.Clean(strings.TrimPrefix(target, "/"))
	}
	return strings.TrimPrefix(pathpkg.Join(pathpkg.Dir(source), target), "/")
}

// relsPart returns the relationships part of the part name.
func relsPart(name string) string {
	dir, base := pathpkg.Split(name)
	return dir + "_rels/" + base + ".rels"
}

// relationships reads the relationships of the part name (none when it has no
// relationships part).
func (b *Book) relationships(name string) (rels, error) {
	var out rels
	err := b.scan(relsPart(name), true, func(_ *xml.Decoder, se xml.StartElement) (bool, error) {
		if se.Name.Local == "Relationship" {
			out = append(out, relationship{attr(se, "Id"), attr(se, "Type"), attr(se, "Target"), attr(se, "TargetMode")})
		}
		return true, nil
	})
	return out, err
}

// officeDocument returns the workbook part the package names: xl/workbook.xml
// unless the package relationships say otherwise.
func (b *Book) officeDocument() string {
	rs, err := b.relationships("")
	if err != nil {
		return "xl/workbook.xml"
	}
	return rs.target(relOfficeDocument, "", "xl/workbook.xml")
}

// readWorkbook reads the sheet list and the date system from the workbook part.
func (b *Book) readWorkbook(part string, rs rels) error {
	return b.scan(part, false, func(_ *xml.Decoder, se xml.StartElement) (bool, error) {
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			b.date1904 = v == "1" || strings.EqualFold(v, "true")
		case "sheet":
			b.sheets = append(b.sheets, sheetRef{attr(se, "name"), rs.byID(attr(se, "id"), part)})
		}
		return true, nil
	})
}

// readSharedStrings reads the shared string table, if the workbook has one.
func (b *Book) readSharedStrings(part string) error {
	return b.scan(part, true, func(d *xml.Decoder, se xml.StartElement) (bool, error) {
		if se.Name.Local == "si" {
			s, err := richText(d)
			if err != nil {
				return false, err
			}
			b.shared = append(b.shared, s)
		}
		return true, nil
	})
}

// richText reads the text of a string item (a shared string, an inline string)
// whose start element was just read: the t elements, plain or in runs, without the
// phonetic guides (rPh), with the _xHHHH_ escapes undone.
func richText(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth, inT, phonetic := 1, 0, 0
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "t":
				inT++
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inT--
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT > 0 && phonetic == 0 {
				sb.Write(t)
			}
		}
	}
	return unescapeX(sb.String()), nil
}

// unexpectedEOF turns the end of a part inside an element into an error.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// unescapeX undoes the _xHHHH_ escapes of SpreadsheetML strings (a character by its
// UTF-16 code; _x005F_ escapes an underscore).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 {
			break
		}
		code, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil || s[i+6] != '_' {
			sb.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		sb.WriteString(s[:i])
		sb.WriteRune(rune(code))
		s = s[i+7:]
	}
	sb.WriteString(s)
	return sb.String()
}
