package mappings_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/mappings"
)

func TestParseRelationshipSpellings(t *testing.T) {
	cases := map[string]mappings.Relationship{
		"equal": mappings.Equal, "equal-to": mappings.Equal, "equivalent-to": mappings.Equal, "EQUAL": mappings.Equal,
		"subset-of": mappings.SubsetOf, "subset": mappings.SubsetOf, "Subset Of": mappings.SubsetOf,
		"superset-of": mappings.SupersetOf, "superset": mappings.SupersetOf,
		"intersects-with": mappings.IntersectsWith, "intersect": mappings.IntersectsWith,
		"not-related-to": mappings.NotRelatedTo, "not_related": mappings.NotRelatedTo, "no-relationship": mappings.NotRelatedTo,
		"related": mappings.Related, " related ": mappings.Related,
	}
	for in, want := range cases {
		got, err := mappings.ParseRelationship(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "sub", "incorporated_into", "equals?"} {
		_, err := mappings.ParseRelationship(bad)
		assert.ErrorIs(t, err, mappings.ErrUnknownRelationship, bad)
	}
}

func TestRelationshipRoundTrips(t *testing.T) {
	for _, r := range mappings.Relationships() {
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back mappings.Relationship
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
		assert.Equal(t, r, r.Inverse().Inverse())
		tok, _ := r.OSCAL()
		fromOSCAL, err := mappings.ParseRelationship(tok)
		require.NoError(t, err)
		if r == mappings.Related {
			assert.Equal(t, mappings.IntersectsWith, fromOSCAL, "related has no OSCAL token of its own")
		} else {
			assert.Equal(t, r, fromOSCAL)
		}
		if scf := r.SCF(); scf != "" {
			fromSCF, err := mappings.ParseRelationship(scf)
			require.NoError(t, err)
			assert.Equal(t, r, fromSCF)
		}
	}
	_, err := mappings.Relationship(0).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, mappings.SupersetOf, mappings.SubsetOf.Inverse())
}

func TestComposeTable(t *testing.T) {
	E, Sub, Sup, I, N, R := mappings.Equal, mappings.SubsetOf, mappings.SupersetOf, mappings.IntersectsWith, mappings.NotRelatedTo, mappings.Related
	cases := []struct{ a, b, want mappings.Relationship }{
		{E, E, E}, {E, Sub, Sub}, {Sup, E, Sup}, {Sub, Sub, Sub}, {Sup, Sup, Sup},
		// These prove only an overlap, not IR 8477's intersects-with (each side has
		// content the other lacks): related, honestly.
		{Sup, Sub, R}, {I, Sub, R}, {Sup, I, R},
		{Sub, Sup, R}, {I, I, R}, {Sub, I, R}, {R, E, R}, {E, R, R}, {R, Sub, R},
	}
	for _, c := range cases {
		got, ok := mappings.Compose(c.a, c.b)
		assert.True(t, ok)
		assert.Equal(t, c.want, got, "%s ∘ %s", c.a, c.b)
	}
	for _, pair := range [][2]mappings.Relationship{{N, E}, {E, N}, {0, E}} {
		_, ok := mappings.Compose(pair[0], pair[1])
		assert.False(t, ok)
	}
}

func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = mappings.Embedded()
	}
}

func BenchmarkValidateEmbedded(b *testing.B) {
	sets := mappings.Embedded()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sets {
			_ = mappings.Validate(s, nil)
		}
	}
}

func BenchmarkReadJSONEmbedded(b *testing.B) {
	s, _ := mappings.EmbeddedSet(mappings.SetCSF20ToISO27001)
	data, err := s.MarshalJSON()
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := mappings.ReadJSON("b.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// The kinds of problem every layer shares are one value: a test for
// catalog.ErrMalformed matches malformed mapping data too.
func TestSharedErrorKinds(t *testing.T) {
	_, err := mappings.ReadJSON("bad.json", []byte(`{"id": `))
	require.Error(t, err)
	assert.ErrorIs(t, err, catalog.ErrMalformed)
	assert.ErrorIs(t, err, mappings.ErrMalformed)
	assert.Same(t, catalog.ErrEmptyField, mappings.ErrEmptyField)
	assert.Same(t, catalog.ErrInvalidValue, mappings.ErrInvalidValue)
	assert.Same(t, catalog.ErrUnknownField, mappings.ErrUnknownField)
}
