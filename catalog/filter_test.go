package catalog_test

import (
	"slices"
	"testing"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected lists were computed from shared/reference/frameworks/*.csv by hand, e.g.
//
//	awk -F, 'NR>1 && $4 ~ /Detective/ {print $1}' iso27002-2022.csv
//
// (no title with a comma holds a Detective or Detect value, so the naive split is exact).
// TestFiltersAttributes: ISO/IEC 27002:2022 attribute filters, combined with AND
// within a call and OR among the values of one Where; values match without regard to
// case, ISO's '#' or spaces for underscores.
func TestFiltersAttributes(t *testing.T) {
	iso := catalog.ISO27002v2022
	runFilterCases(t, []filterCase{
		{
			name:  "detective",
			fw:    iso,
			conds: []catalog.Condition{catalog.Where(catalog.AttrControlType, "Detective")},
			want:  []string{"5.7", "5.25", "6.8", "7.4", "7.11", "8.6", "8.7", "8.12", "8.15", "8.16", "8.17", "8.20", "8.30"},
		},
		{
			name:  "detective, any case and ISO's #",
			fw:    iso,
			conds: []catalog.Condition{catalog.Where(catalog.AttrControlType, "#DETECTIVE")},
			want:  []string{"5.7", "5.25", "6.8", "7.4", "7.11", "8.6", "8.7", "8.12", "8.15", "8.16", "8.17", "8.20", "8.30"},
		},
		{
			name: "type=preventive AND concept=detect",
			fw:   iso,
			conds: []catalog.Condition{
				catalog.Where(catalog.AttrControlType, "preventive"),
				catalog.Where(catalog.AttrConcepts, "detect"),
			},
			want: []string{"5.7", "7.4", "7.11", "8.6", "8.7", "8.12", "8.20", "8.30"},
		},
		{
			name: "detective AND new in 2022",
			fw:   iso,
			conds: []catalog.Condition{
				catalog.Where(catalog.AttrControlType, string(catalog.Detective)),
				catalog.Where(catalog.AttrNewIn2022, "true"),
			},
			want: []string{"5.7", "7.4", "8.12", "8.16"},
		},
		{
			name:  "not preventive (controls only)",
			fw:    iso,
			conds: []catalog.Condition{catalog.OfKind(catalog.KindControl), catalog.Not(catalog.Where(catalog.AttrControlType, "Preventive"))},
			want:  []string{"5.24", "5.25", "5.26", "5.28", "5.30", "6.8", "8.13", "8.15", "8.16", "8.17"},
		},
		{
			name: "people or physical, corrective",
			fw:   iso,
			conds: []catalog.Condition{
				catalog.Where(catalog.AttrTheme, "People", "Physical"),
				catalog.Where(catalog.AttrControlType, "Corrective"),
			},
			want: []string{"6.4"},
		},
		{
			name: "technological, respond or recover",
			fw:   iso,
			conds: []catalog.Condition{
				catalog.Where(catalog.AttrTheme, string(catalog.Technological)),
				catalog.Where(catalog.AttrConcepts, "Respond", "Recover"),
			},
			want: []string{"8.13", "8.16"},
		},
		{
			name:  "capability with spaces for the underscores",
			fw:    iso,
			conds: []catalog.Condition{catalog.Where(catalog.AttrCapabilities, "information security event management")},
			want:  []string{"5.24", "5.25", "5.26", "5.27", "5.28", "5.37", "6.8", "8.15", "8.16", "8.17"},
		},
		{
			name:  "no value matches",
			fw:    iso,
			conds: []catalog.Condition{catalog.Where(catalog.AttrControlType, "Deterrent")},
			want:  nil,
		},
		{
			name:  "no values at all",
			fw:    iso,
			conds: []catalog.Condition{catalog.Where(catalog.AttrControlType)},
			want:  nil,
		},
	})
}

// TestFiltersKindsAndHierarchy: kinds, children, negation, and nil conditions.
func TestFiltersKindsAndHierarchy(t *testing.T) {
	runFilterCases(t, []filterCase{
		{
			name:  "kinds",
			fw:    catalog.CSF20,
			conds: []catalog.Condition{catalog.OfKind(catalog.KindFunction, catalog.KindCategory), catalog.ChildOf(catalog.NewRef(catalog.CSF20, "GV"))},
			want:  []string{"GV.OC", "GV.OV", "GV.PO", "GV.RM", "GV.RR", "GV.SC"},
		},
		{
			name:  "not of kind",
			fw:    catalog.ISO27002v2022,
			conds: []catalog.Condition{catalog.Not(catalog.OfKind(catalog.KindControl))},
			want:  []string{"5", "6", "7", "8"},
		},
		{
			name:  "double negation",
			fw:    catalog.ISO27001v2022,
			conds: []catalog.Condition{catalog.Not(catalog.Not(catalog.Where(catalog.AttrClimate, "true")))},
			want:  []string{"4.1", "4.2"},
		},
		{
			name:  "nil condition is ignored",
			fw:    catalog.ISO27001v2022,
			conds: []catalog.Condition{nil, catalog.ChildOf(catalog.NewRef(catalog.ISO27001v2022, "9.2"))},
			want:  []string{"9.2.1", "9.2.2"},
		},
		{
			name:  "Not(nil) holds for nothing",
			fw:    catalog.ISO27001v2022,
			conds: []catalog.Condition{catalog.Not(nil)},
			want:  nil,
		},
	})
}

// TestFiltersBaselines: CIS implementation groups and SP 800-53B baselines, any case
// (SP 800-53 values by hand from the reference file).
func TestFiltersBaselines(t *testing.T) {
	runFilterCases(t, []filterCase{
		{
			name:  "CIS v8.1 IG1 and Govern",
			fw:    catalog.CIS81,
			conds: []catalog.Condition{catalog.InGroup("IG1"), catalog.Where(catalog.AttrSecurityFunc, "Govern")},
			want:  []string{"3.1", "4.1", "4.2", "6.1", "6.2", "7.1", "7.2", "8.1", "11.1", "14.1", "17.2", "17.3"},
			cis:   true,
		},
		{
			name: "CIS v8.1 IG2 but not IG1, control 4",
			fw:   catalog.CIS81,
			conds: []catalog.Condition{
				catalog.InGroup("ig2"), catalog.Not(catalog.InGroup("IG1")),
				catalog.ChildOf(catalog.NewRef(catalog.CIS81, "4")),
			},
			want: []string{"4.8", "4.9", "4.10", "4.11"},
			cis:  true,
		},
		{
			name:  "SP 800-53 LOW controls of AC",
			fw:    catalog.SP80053v5,
			conds: []catalog.Condition{catalog.InBaseline("low"), catalog.OfKind(catalog.KindControl), catalog.ChildOf(catalog.NewRef(catalog.SP80053v5, "AC"))},
			want:  []string{"AC-1", "AC-2", "AC-3", "AC-7", "AC-8", "AC-14", "AC-17", "AC-18", "AC-19", "AC-20", "AC-22"},
		},
		{
			name:  "SP 800-53 MODERATE enhancements of AC-2",
			fw:    catalog.SP80053v5,
			conds: []catalog.Condition{catalog.InBaseline("MODERATE"), catalog.ChildOf(catalog.NewRef(catalog.SP80053v5, "AC-2"))},
			want:  []string{"AC-2(1)", "AC-2(2)", "AC-2(3)", "AC-2(4)", "AC-2(5)", "AC-2(13)"},
		},
	})
}

// filterCase is one query of Catalog.Controls and the IDs it should yield, in order.
type filterCase struct {
	name  string
	fw    catalog.FrameworkID
	conds []catalog.Condition
	want  []string
	cis   bool // needs the CIS data
}

// runFilterCases runs each case as a subtest.
func runFilterCases(t *testing.T, tests []filterCase) {
	c := catalog.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cis && !catalog.HasCIS() {
				t.Skip("built with -tags nocis: no CIS data")
			}
			assert.Equal(t, tt.want, ids(c.Controls(tt.fw, tt.conds...)))
		})
	}
}

func TestFilterCountsAddUp(t *testing.T) {
	c := catalog.Default()
	iso := catalog.ISO27002v2022
	for _, v := range c.AttributeValues(iso, catalog.AttrControlType) {
		in := len(ids(c.Controls(iso, catalog.OfKind(catalog.KindControl), catalog.Where(catalog.AttrControlType, v))))
		out := len(ids(c.Controls(iso, catalog.OfKind(catalog.KindControl), catalog.Not(catalog.Where(catalog.AttrControlType, v)))))
		assert.Equal(t, 93, in+out, v)
	}
	// Every control has a theme, so "any theme" is all 93.
	assert.Len(t, ids(c.Controls(iso, catalog.Where(catalog.AttrTheme, "Organizational", "People", "Physical", "Technological"))), 93)
}

func TestControlsAndSelectNeverSilentlyEmpty(t *testing.T) {
	c := catalog.Default()
	detective := []string{"5.7", "5.25", "6.8", "7.4", "7.11", "8.6", "8.7", "8.12", "8.15", "8.16", "8.17", "8.20", "8.30"}

	// An alias or family name resolves, to the newest version.
	for _, fw := range []catalog.FrameworkID{"iso27002", "ISO27002:2022", "ISO/IEC 27002:2022"} {
		assert.Equal(t, detective, ids(c.Controls(fw, catalog.Where(catalog.AttrControlType, "Detective"))), fw)
	}
	assert.Equal(t, []string{"GV", "ID", "PR", "DE", "RS", "RC"}, ids(c.Controls("csf", catalog.OfKind(catalog.KindFunction))))
	assert.Equal(t, []string{"ID", "PR", "DE", "RS", "RC"}, ids(c.Controls("csf:1.1", catalog.OfKind(catalog.KindFunction))))

	// The attribute name as people write it.
	assert.Equal(t, detective, ids(c.Controls(catalog.ISO27002v2022, catalog.Where("Control type", "detective"))))
	assert.Equal(t, detective, ids(c.Controls(catalog.ISO27002v2022, catalog.Where("CONTROL-TYPE", "#Detective"))))

	// Select says what is wrong instead of returning nothing.
	got, err := c.Select("iso27002", catalog.Where("Control type", "Detective"))
	require.NoError(t, err)
	assert.Equal(t, detective, ids(slices.Values(got)))
	_, err = c.Select("iso27002", catalog.Where("colour", "red"))
	require.ErrorIs(t, err, catalog.ErrUnknownAttribute)
	assert.EqualError(t, err, `unknown attribute "colour" in iso27002:2022 (its attributes: control_type, cybersecurity_concepts, new_in_2022, operational_capabilities, security_domains, security_properties, theme)`)
	_, err = c.Select(catalog.ISO27002v2022, catalog.Not(catalog.Where(catalog.AttrControlType, "Detective", "Deterrent")))
	require.ErrorIs(t, err, catalog.ErrUnknownValue)
	assert.EqualError(t, err, `unknown attribute value "Deterrent" for control_type in iso27002:2022 (its values: Corrective, Detective, Preventive)`)
	_, err = c.Select("iso99999")
	assert.ErrorIs(t, err, catalog.ErrUnknownFramework)
	// Conditions that are right but exclude each other: empty, no error.
	got, err = c.Select("iso27002", catalog.Where(catalog.AttrControlType, "Detective"), catalog.Where(catalog.AttrTheme, "People"), catalog.Where(catalog.AttrConcepts, "Recover"))
	require.NoError(t, err)
	assert.Empty(t, got)
}
