package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures of ../../oscal/testdata/realworld are shaped like third-party OSCAL:
// a catalog (params, labels, a withdrawn control) and a mapping-collection to
// "ISO/IEC 27001:2022 Annex A" with fields outside the OSCAL model, a relative href
// to the catalog's file, a resource pointing at a file nobody has, and maps citing a
// withdrawn and an unknown control. See oscal/realworld_test.go.
const (
	rwCatalog  = "../../oscal/testdata/realworld/sp800-53-mini.oscal.json"
	rwMappings = "../../oscal/testdata/realworld/mini-to-annex-a.oscal-mapping.json"
	rwBind     = "iso27001-annex-a.json=iso27002" // an alias of iso27002:2022
)

func TestImportRealWorldLenient(t *testing.T) {
	out, errs, code := cli(t, "import", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", rwBind, "--format", "json")
	require.Equal(t, 0, code, errs)
	doc := decodeJSON[importJSON](t, out)
	require.Len(t, doc.Sets, 1)
	s := doc.Sets[0]
	assert.Equal(t, "mini:5", s.From, "bound by the file name of --catalog")
	assert.Equal(t, "iso27002:2022", s.To, "bound by --bind")
	assert.Equal(t, 3, s.Edges, "5 maps, 2 skipped")
	assert.Contains(t, doc.Warnings, "ignored 3 field(s) outside the OSCAL model: mapping-collection.metadata.x-generator, mapping-collection.provenance.reviewed-by, mapping-collection.mappings[0].maps[1].confidence")
	assert.Contains(t, strings.Join(doc.Warnings, "\n"), "skipped 2 map(s) citing controls the catalog does not hold or holds as withdrawn: mapping-collection.mappings[0].maps[2] (ac-13 → 5.18): mini:5/ac-13 is withdrawn (incorporated into ac-2); mapping-collection.mappings[0].maps[3] (ac-99 → 5.18): mini:5 has no control \"ac-99\"")
	// The --catalog file's import: one line.
	assert.Contains(t, errs, "controlgraph import: note: "+rwCatalog+": OSCAL catalog, framework mini:5 with 5 node(s) (1 withdrawn); 4 warning(s) (--verbose for details)\n")
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		assert.Less(t, len(l), 600, "no giant line: %q", l)
	}

	// --verbose: every entry, one per line.
	_, errs, code = cli(t, "import", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", rwBind, "--verbose", "--format", "json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "controlgraph import: warning: map skipped: mapping-collection.mappings[0].maps[3] (ac-99 → 5.18): mini:5 has no control \"ac-99\"\n")
	assert.Contains(t, errs, "controlgraph import: warning: field outside the OSCAL model ignored: mapping-collection.provenance.reviewed-by\n")
	assert.Contains(t, errs, "controlgraph import: warning: "+rwCatalog+": ignored 1 link(s)\n")
}

// cliBadAfterNotes runs the CLI, expects exit status 2 and no output, and returns
// the error message after the notes of --catalog (one line, or a list of problems).
func cliBadAfterNotes(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, args...)
	require.Equal(t, 2, code, "controlgraph %s: stdout: %s", strings.Join(args, " "), out)
	assert.Empty(t, out)
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	n := 0
	for n < len(lines)-1 && strings.Contains(lines[n], ": note: ") {
		n++
	}
	msg := strings.Join(lines[n:], "\n") + "\n"
	assert.True(t, oneMessage(msg), "notes, then one message: %q", errs)
	return msg
}

func TestImportRealWorldStrict(t *testing.T) {
	msg := cliBadAfterNotes(t, "import", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", rwBind, "--strict")
	assert.Contains(t, msg, "5 problems")
	assert.Contains(t, msg, "mapping-collection.metadata.x-generator: field is not part of the OSCAL model here")
	assert.Contains(t, msg, `mapping-collection.mappings[0].maps[2] = "ac-13 → 5.18": map cites a control the catalog does not hold or holds as withdrawn: mini:5/ac-13 is withdrawn (incorporated into ac-2)`)
	assert.Contains(t, msg, `mini:5 has no control "ac-99"`)
	assert.Equal(t, 1, strings.Count(msg, rwMappings), "the file is named once: %s", msg)
}

func TestImportRealWorldUnbound(t *testing.T) {
	msg := cliBadAfterNotes(t, "import", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5")
	assert.Contains(t, msg, `("ISO/IEC 27001:2022 Annex A") names no framework of the catalog; load its catalog (--catalog FILE) or bind it: --bind #9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f=FRAMEWORK`)
	msg = cliBadAfterNotes(t, "import", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", "iso27001-annex-a.json=nope")
	assert.Contains(t, msg, `--bind "iso27001-annex-a.json=nope": unknown framework "nope"; accepted: `)
	msg = cliBad(t, "import", rwMappings, "--bind", "no-equals-sign")
	assert.Contains(t, msg, "want HREF=FRAMEWORK")
}

// gap then works on it: ISO/IEC 27002:2022 (the fixture assessment rates 5.15
// implemented, 5.16 planned) against the imported catalog.
func TestGapRealWorld(t *testing.T) {
	out, errs, code := cli(t, "gap", "--catalog", rwCatalog, "--catalog-id", "mini:5", "--mappings", rwMappings, "--bind", rwBind,
		"--assessment", "testdata/acme-assessment.csv", "--target", "mini:5", "--format", "json")
	require.Equal(t, 0, code, errs)
	g := decodeGap(t, out)
	assert.Equal(t, "mini:5", g.Target)
	// Items: every control and enhancement, the withdrawn ac-13 excepted. ac-1 equal
	// 5.1, which the assessment does not rate: gap. ac-2 superset-of 5.15, so the
	// implemented 5.15 is a subset of it: partial. ac-2(1) subset-of 5.16, only
	// planned: gap.
	assert.Equal(t, map[string]string{"ac-1": "gap", "ac-2": "partial", "ac-2.1": "gap"}, g.Statuses)
	assert.Equal(t, []string{"ac-1", "ac-2", "ac-2.1"}, g.Order)
	assert.Equal(t, 2, strings.Count(errs, ": note: "), "one note per file: %s", errs)
}

// NIST's SP 800-53 rev. 5 LOW baseline as --catalog: every control and enhancement
// is an item (131 base controls and 18 enhancements, the reference counts), labels
// resolve and show, parameters are rendered.
func TestLowBaselineCatalog(t *testing.T) {
	low := referenceDir(t) + "/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"
	const id = "nist-800-53-low-impact:5.1.1-u4"
	out, errs, code := cli(t, "gap", "--catalog", low, "--assessment", "testdata/acme-assessment.csv", "--target", id, "--format", "json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, 1, strings.Count(errs, ": note: "), "one note: %s", errs)
	g := decodeGap(t, out)
	assert.Len(t, g.Order, 131+18)
	assert.Equal(t, "ac-1", g.Order[0], "a base control is an item")

	out, errs, code = cli(t, "show", id+"/IA-02(01)", "--catalog", low, "--format", "table")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "/ia-2.1  Multi-factor Authentication to Privileged Accounts")
	assert.Contains(t, out, "IA-2(1), IA-02(01)")
	out, errs, code = cli(t, "show", "ac-1", "--in", id, "--catalog", low, "--format", "json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "[Selection (one or more): organization-level; mission/business process-level; system-level] access control policy")
	assert.NotContains(t, out, "{{")
}

// validate lists every ignored field and skipped map; --strict makes them errors.
func TestValidateRealWorld(t *testing.T) {
	out, errs, code := cli(t, "validate", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", rwBind, "--format", "json")
	require.Equal(t, 0, code, errs)
	rep := decodeJSON[validateJSON](t, out)
	assert.True(t, rep.Valid)
	var msgs []string
	for _, p := range rep.Problems {
		assert.Equal(t, "warning", p.Severity)
		msgs = append(msgs, strings.TrimPrefix(p.Message, rwMappings+": "))
	}
	assert.Equal(t, []string{
		"field outside the OSCAL model ignored: mapping-collection.metadata.x-generator",
		"field outside the OSCAL model ignored: mapping-collection.provenance.reviewed-by",
		"field outside the OSCAL model ignored: mapping-collection.mappings[0].maps[1].confidence",
		"map skipped: mapping-collection.mappings[0].maps[2] (ac-13 → 5.18): mini:5/ac-13 is withdrawn (incorporated into ac-2)",
		`map skipped: mapping-collection.mappings[0].maps[3] (ac-99 → 5.18): mini:5 has no control "ac-99"`,
	}, msgs)

	out, _, code = cli(t, "validate", rwMappings, "--catalog", rwCatalog, "--catalog-id", "mini:5", "--bind", rwBind, "--strict", "--format", "json")
	assert.Equal(t, 2, code)
	rep = decodeJSON[validateJSON](t, out)
	assert.False(t, rep.Valid)
	assert.Equal(t, 5, rep.Errors)
}

// The same mapping-collection bound to the embedded SP 800-53 rev. 5 (IDs as NIST
// prints them): its OSCAL ids and label spellings resolve there, and the embedded
// data's own withdrawn marker skips the map citing AC-13.
func TestImportRealWorldBoundToEmbedded(t *testing.T) {
	out, errs, code := cli(t, "import", rwMappings, "--bind", "sp800-53-mini.oscal.json=sp800-53:5", "--bind", rwBind, "--format", "json")
	require.Equal(t, 0, code, errs)
	doc := decodeJSON[importJSON](t, out)
	require.Len(t, doc.Sets, 1)
	assert.Equal(t, "sp800-53:5", doc.Sets[0].From)
	assert.Equal(t, 3, doc.Sets[0].Edges)
	assert.Contains(t, errs, "(AC-13 → 5.18): sp800-53:5/AC-13 is withdrawn (incorporated into AC-2, AU-6)")
}
