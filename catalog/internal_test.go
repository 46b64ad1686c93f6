package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormKey(t *testing.T) {
	for in, want := range map[string]string{
		"5.1":       "5.1",
		"A.5.1":     "5.1",
		"a.5.1":     "5.1",
		"10.1":      "10.1",
		"8.10":      "8.10",
		"A.10.1.1":  "10.1.1",
		"A.18.2.3":  "18.2.3",
		"GV.OC-01":  "GV.OC-1",
		"gv.oc-1":   "GV.OC-1",
		"GV.OC-10":  "GV.OC-10",
		"ID.AM-001": "ID.AM-1",
		"ID.AM-00":  "ID.AM-0",
		"0":         "0",
		"00.5":      "0.5",
		"100":       "100",
		" 5.1 ":     "5.1",
		"AC-1":      "AC-1",
		"A":         "A",
		"":          "",
	} {
		assert.Equal(t, want, normKey(in), in)
	}
}

func TestNormFW(t *testing.T) {
	for in, want := range map[string]string{
		"ISO/IEC 27001:2022": "iso27001:2022",
		"iso27002":           "iso27002",
		"NIST_CSF:v2.0":      "nistcsf:2.0",
		"nist-csf:2.0":       "nistcsf:2.0",
		"CIS-Controls":       "ciscontrols",
		" CIS : 8 ":          "cis:8",
		"":                   "",
	} {
		assert.Equal(t, want, normFW(in), in)
	}
}

func TestSplitAndEscapeValues(t *testing.T) {
	assert.Equal(t, []string{"a", "b"}, splitValues("a; b ;;"))
	assert.Nil(t, splitValues(" ; "))
	assert.Equal(t, []string{"a;b", `c\d`, `e\x`}, splitValues(`a\;b;c\\d;e\x`))
	for _, v := range []string{"plain", "a;b", `c\d`, `\;`, `x\`, ";"} {
		assert.Equal(t, []string{v}, splitValues(escapeValue(v)), v)
	}
}

func TestSameAttrValue(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Detective", "detective", true},
		{"Detective", "#DETECTIVE", true},
		{" #Detective ", "Detective", true},
		{"Information_security_event_management", "information security event management", true},
		{"Detective", "Detectiv", false},
		{"Detective", "Detectives", false},
		{"Défense", "DÉFENSE", true},
		{"a_b", "a-b", false},
		{"", "", true},
		{"#", "", true},
		{"x", "", false},
	} {
		assert.Equal(t, tt.want, sameAttrValue(tt.a, tt.b), "%q %q", tt.a, tt.b)
		assert.Equal(t, tt.want, sameAttrValue(tt.b, tt.a), "%q %q", tt.b, tt.a)
	}
}
