package xlsx

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"time"
)

// formatKind is how a number format shows a number.
type formatKind uint8

const (
	fmtGeneral formatKind = iota // as Excel's General: up to 15 significant digits
	fmtFixed                     // a fixed number of decimals, thousands grouped or not
	fmtPercent                   // times 100, a fixed number of decimals, then "%"
	fmtDate                      // a serial date (and time): ISO 8601
	fmtText                      // "@": the value as stored
)

// numFormat is what this reader takes from a number format: its kind and, for a
// date, whether it shows the date and the time of day.
type numFormat struct {
	kind       formatKind
	decimals   int
	thousands  bool
	date, time bool
}

// builtinFormats are the built-in number formats (ECMA-376 Part 1, 18.8.30, and the
// locale-dependent date ids Excel uses) this reader shows otherwise than General.
var builtinFormats = func() map[int]numFormat {
	m := map[int]numFormat{
		1: {kind: fmtFixed}, 2: {kind: fmtFixed, decimals: 2},
		3: {kind: fmtFixed, thousands: true}, 4: {kind: fmtFixed, decimals: 2, thousands: true},
		9: {kind: fmtPercent}, 10: {kind: fmtPercent, decimals: 2},
		22: {kind: fmtDate, date: true, time: true}, 49: {kind: fmtText},
	}
	m[37], m[38], m[39], m[40] = m[3], m[3], m[4], m[4]
	span := func(from, to int, f numFormat) {
		for id := from; id <= to; id++ {
			m[id] = f
		}
	}
	date, clock := numFormat{kind: fmtDate, date: true}, numFormat{kind: fmtDate, time: true}
	span(14, 17, date)
	span(18, 21, clock)
	span(27, 31, date)
	span(32, 33, clock)
	span(34, 36, date)
	span(45, 47, clock)
	span(50, 58, date)
	return m
}()

// builtinFormat returns the format of the built-in number format id.
func builtinFormat(id int) numFormat {
	return builtinFormats[id]
}

// parseFormat classifies a format code by its first section (the one for positive
// numbers): quoted text, escaped characters and bracketed parts ([Red], [$-409])
// are left out, except an elapsed-time bracket ([h]).
func parseFormat(code string) numFormat {
	sec := formatSection(code)
	lower := strings.ToLower(sec)
	switch {
	case strings.Contains(lower, "general"):
		return numFormat{}
	case strings.ContainsAny(lower, "ydhs") || strings.Contains(lower, "m") && !strings.Contains(lower, "e"):
		return dateFormat(lower)
	case strings.Contains(sec, "%"):
		return numFormat{kind: fmtPercent, decimals: decimalsOf(sec)}
	case strings.Contains(sec, "@"):
		return numFormat{kind: fmtText}
	case strings.ContainsAny(lower, "e/?"):
		return numFormat{} // scientific and fractions: shown as General
	case strings.ContainsAny(sec, "0#"):
		return numFormat{kind: fmtFixed, decimals: decimalsOf(sec), thousands: thousandsIn(sec)}
	}
	return numFormat{}
}

// formatSection returns the first section of a format code without its quoted
// text, escaped characters and brackets (an elapsed-time bracket kept as its
// letter).
func formatSection(code string) string {
	var sb strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case ';':
			return sb.String()
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return sb.String()
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is literal (or a padding/fill character)
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return sb.String()
			}
			if in := strings.ToLower(code[i+1 : i+j]); in != "" && strings.Trim(in, "hms") == "" {
				sb.WriteString(in[:1])
			}
			i += j
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// dateFormat returns the date format whose cleaned, lower-case section is sec.
func dateFormat(sec string) numFormat {
	f := numFormat{kind: fmtDate}
	f.time = strings.ContainsAny(sec, "hs")
	f.date = strings.ContainsAny(sec, "yd") || strings.Contains(sec, "m") && !f.time
	return f
}

// decimalsOf counts the digit placeholders after the decimal point of sec.
func decimalsOf(sec string) int {
	_, frac, ok := strings.Cut(sec, ".")
	if !ok {
		return 0
	}
	n := 0
	for _, c := range frac {
		switch c {
		case '0', '#', '?':
			n++
		case ',', ' ':
		default:
			if n > 0 {
				return n
			}
		}
	}
	return n
}

// thousandsIn reports whether sec groups thousands: a comma between digit
// placeholders.
func thousandsIn(sec string) bool {
	for i := 1; i+1 < len(sec); i++ {
		if sec[i] == ',' && strings.IndexByte("0#?", sec[i-1]) >= 0 && strings.IndexByte("0#?", sec[i+1]) >= 0 {
			return true
		}
	}
	return false
}

// readStyles reads the number format of each cell style from the styles part, if
// the workbook has one.
func (b *Book) readStyles(part string) error {
	custom := map[int]string{}
	var ids []int
	inXfs := false
	err := b.scan(part, true, func(d *xml.Decoder, se xml.StartElement) (bool, error) {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = attr(se, "formatCode")
			}
		case "cellXfs":
			inXfs = true
		case "cellStyles", "dxfs":
			inXfs = false
		case "xf":
			if inXfs {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				ids = append(ids, id)
			}
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	b.formats = make([]numFormat, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			b.formats[i] = parseFormat(code)
		} else {
			b.formats[i] = builtinFormat(id)
		}
	}
	return nil
}

// formatOf returns the number format of the cell style index s ("" for 0).
func (b *Book) formatOf(s string) numFormat {
	if s == "" {
		return numFormat{}
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 || i >= len(b.formats) {
		return numFormat{}
	}
	return b.formats[i]
}

// showNumber returns the number stored as v as the format f shows it; v itself when
// it is not a number.
func (b *Book) showNumber(v string, f numFormat) string {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return v
	}
	switch f.kind {
	case fmtText:
		return v
	case fmtFixed:
		return fixed(x, f.decimals, f.thousands)
	case fmtPercent:
		return fixed(x*100, f.decimals, false) + "%"
	case fmtDate:
		if s, ok := b.serialDate(x, f); ok {
			return s
		}
	}
	return General(x)
}

// General returns x as Excel's General format shows it: rounded to 15 significant
// digits, without trailing zeros, in scientific notation (1.5E+20) when its
// exponent is below -4 or above 14.
func General(x float64) string {
	if x == 0 {
		return "0"
	}
	// Round to 15 significant digits first: 0.1+0.2 shows as 0.3.
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'e', 14, 64), 64)
	exp := int(math.Floor(math.Log10(math.Abs(r))))
	if exp >= -4 && exp <= 14 {
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	mant, e, _ := strings.Cut(strconv.FormatFloat(r, 'E', -1, 64), "E")
	sign, digits := e[:1], strings.TrimLeft(e[1:], "0")
	for len(digits) < 2 {
		digits = "0" + digits
	}
	return mant + "E" + sign + digits
}

// fixed returns x as Excel shows it with the given decimals, thousands grouped
// when group is set: x to 15 significant digits, rounded half away from zero. A
// negative number that rounds to zero keeps its sign (-0.00), as in Excel.
func fixed(x float64, decimals int, group bool) string {
	whole, frac := roundDecimal(math.Abs(x), decimals)
	if group {
		var sb strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				sb.WriteByte(',')
			}
			sb.WriteRune(c)
		}
		whole = sb.String()
	}
	if x < 0 {
		whole = "-" + whole
	}
	if decimals > 0 {
		return whole + "." + frac
	}
	return whole
}

// roundDecimal returns the digits of x ≥ 0 before and after the decimal point, x
// taken to 15 significant digits and rounded half away from zero to decimals
// places.
func roundDecimal(x float64, decimals int) (whole, frac string) {
	digits, point := "", 0 // x is 0.digits × 10^point
	if x != 0 {
		mant, exp, _ := strings.Cut(strconv.FormatFloat(x, 'e', 14, 64), "e")
		digits = mant[:1] + mant[2:]
		e, _ := strconv.Atoi(exp)
		point = e + 1
	}
	n := point + decimals // the digits kept
	switch {
	case n < 0:
		digits = ""
	case n < len(digits):
		up := digits[n] >= '5'
		digits = digits[:n]
		if up {
			digits, point = increment(digits, point)
		}
	default:
		digits += strings.Repeat("0", n-len(digits))
	}
	if digits == "" {
		return "0", strings.Repeat("0", decimals)
	}
	if point <= 0 {
		return "0", strings.Repeat("0", -point) + digits
	}
	whole, frac = digits[:point], digits[point:]
	return whole, frac
}

// increment adds one to the last of digits (0.digits × 10^point), carrying; a carry
// out of the first digit moves the point.
func increment(digits string, point int) (string, int) {
	b := []byte(digits)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b), point
		}
		b[i] = '0'
	}
	return "1" + string(b), point + 1
}

// maxSerial is the serial number of 9999-12-31, the last date Excel shows.
const maxSerial = 2958465

// serialDate returns the date (and time) of the serial number x, in ISO 8601, as
// far as f shows them; false for a number that is no date Excel shows.
func (b *Book) serialDate(x float64, f numFormat) (string, bool) {
	if x < 0 || x >= maxSerial+1 {
		return "", false
	}
	days := math.Floor(x)
	secs := int64(math.Round((x - days) * 86400))
	var day time.Time
	switch {
	case b.date1904:
		day = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 60:
		day = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	case days == 60 && !f.time:
		return "1900-02-29", true // the day Excel's 1900 date system has and the calendar has not
	default:
		day = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	date := day.AddDate(0, 0, int(days))
	switch {
	case f.date && f.time:
		return date.Add(time.Duration(secs) * time.Second).Format("2006-01-02 15:04:05"), true
	case f.time:
		return clock(secs), true
	}
	return date.Format("2006-01-02"), true
}

// clock returns secs (of a day) as hh:mm:ss.
func clock(secs int64) string {
	secs %= 86400
	return strconv.FormatInt(100+secs/3600, 10)[1:] + ":" + strconv.FormatInt(100+secs/60%60, 10)[1:] + ":" + strconv.FormatInt(100+secs%60, 10)[1:]
}
