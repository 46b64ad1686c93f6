package xlsx

import "strings"

// themeColours are the twelve colours of the workbook's theme (DrawingML
// CT_ColorScheme, in its order): dark 1 and light 1 as the system text and window
// colours, then dark 2, light 2, six accents and the two hyperlink colours.
var themeColours = []struct{ name, rgb string }{
	{"dk2", "1F3A5F"}, {"lt2", "E7ECF2"},
	{"accent1", "0072B2"}, {"accent2", "E69F00"}, {"accent3", "009E73"},
	{"accent4", "CC79A7"}, {"accent5", "56B4E9"}, {"accent6", "D55E00"},
	{"hlink", "0563C1"}, {"folHlink", "954F72"},
}

// themeXML is the part xl/theme/theme1.xml: a small theme of the colours above, the
// Calibri font and plain fill, line and effect styles (three of each, the least the
// schema allows). Spreadsheet applications read the theme's colours and fonts; a
// reader resolving a colour through the theme needs the part.
func themeXML(b *strings.Builder) {
	b.WriteString(xmlHeader + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="controlgraph">` +
		`<a:themeElements><a:clrScheme name="controlgraph">` +
		`<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>`)
	for _, c := range themeColours {
		b.WriteString(`<a:` + c.name + `><a:srgbClr val="` + c.rgb + `"/></a:` + c.name + `>`)
	}
	b.WriteString(`</a:clrScheme><a:fontScheme name="controlgraph">`)
	for _, f := range []string{"majorFont", "minorFont"} {
		b.WriteString(`<a:` + f + `><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:` + f + `>`)
	}
	b.WriteString(`</a:fontScheme><a:fmtScheme name="controlgraph"><a:fillStyleLst>`)
	b.WriteString(strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3))
	b.WriteString(`</a:fillStyleLst><a:lnStyleLst>`)
	for _, w := range []string{"6350", "12700", "19050"} {
		b.WriteString(`<a:ln w="` + w + `"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`)
	}
	b.WriteString(`</a:lnStyleLst><a:effectStyleLst>`)
	b.WriteString(strings.Repeat(`<a:effectStyle><a:effectLst/></a:effectStyle>`, 3))
	b.WriteString(`</a:effectStyleLst><a:bgFillStyleLst>`)
	b.WriteString(strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3))
	b.WriteString(`</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`)
}
