package oscal

import (
	"fmt"
	"slices"
	"strings"
)

// param is what the import uses of an OSCAL parameter to render the places a
// statement inserts it.
type param struct {
	label      string
	howMany    string   // select how-many: "one", "one-or-more" or ""
	choices    []string // select choices, as written (they may insert other params)
	selection  bool     // the param has a select
	guidelines []string // guideline prose
	values     []string // values set by a profile
	// odp is true for an SP 800-53 organization-defined parameter: one with a label
	// prop naming it an ODP ("AC-01_ODP[04]", class sp800-53a), whose label NIST
	// writes bare ("official") and prints "organization-defined official".
	odp bool
}

// maxInsertDepth bounds params inserted into params (a select choice that inserts
// another param), so that a cycle cannot loop.
const maxInsertDepth = 8

// collectParams reads every "params" array of the catalog, its groups and controls
// at any depth into a map by id. Params are read leniently: members this package does
// not render (props, constraints, depends-on, remarks, ...) are not checked.
func collectParams(v any, out map[string]param, depth int) {
	m, ok := v.(map[string]any)
	if !ok || depth > maxDepth {
		return
	}
	ps, _ := m["params"].([]any)
	for _, pv := range ps {
		pm, ok := pv.(map[string]any)
		if !ok {
			continue
		}
		id, _ := pm["id"].(string)
		if _, dup := out[id]; id == "" || dup {
			continue
		}
		out[id] = readParam(pm)
	}
	for _, key := range []string{"groups", "controls"} {
		list, _ := m[key].([]any)
		for _, c := range list {
			collectParams(c, out, depth+1)
		}
	}
}

// readParam reads what rendering needs of one param object: its label, select,
// guidelines, values and whether it is an SP 800-53 organization-defined parameter.
func readParam(pm map[string]any) param {
	var p param
	p.label, _ = pm["label"].(string)
	if sm, ok := pm["select"].(map[string]any); ok {
		p.selection = true
		p.howMany, _ = sm["how-many"].(string)
		p.choices = stringList(sm["choice"])
	}
	gs, _ := pm["guidelines"].([]any)
	for _, gv := range gs {
		gm, _ := gv.(map[string]any)
		if s, ok := gm["prose"].(string); ok && strings.TrimSpace(s) != "" {
			p.guidelines = append(p.guidelines, strings.TrimSpace(s))
		}
	}
	p.values = stringList(pm["values"])
	props, _ := pm["props"].([]any)
	p.odp = slices.ContainsFunc(props, isODPLabel)
	return p
}

// isODPLabel reports whether a param's prop is a label naming it an SP 800-53
// organization-defined parameter ("AC-01_ODP[04]").
func isODPLabel(x any) bool {
	xm, _ := x.(map[string]any)
	v, ok := xm["value"].(string)
	return ok && xm["name"] == "label" && strings.Contains(strings.ToUpper(v), "_ODP")
}

func stringList(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// renderInserts replaces every "{{ insert: param, ID }}" in s by the parameter as
// NIST prints it in SP 800-53: "[Assignment: organization-defined frequency]" for a
// param with a label (or, lacking one, guidelines; the label of an SP 800-53
// organization-defined parameter, written bare in rev. 5.1 catalogs, gets the
// "organization-defined" NIST prints), "[Selection (one or more): a;
// b]" or "[Selection: a; b]" for a param with choices, the values a profile set
// ("30 days"), each choice rendered in turn. A param the document does not define
// is rendered "[Assignment: ID]" and counted in missing; other insert types
// ("{{ insert: TYPE, ID }}") are rendered "[ID]". Nothing of the form "{{ ... }}"
// is left in the result.
func renderInserts(s string, params map[string]param, missing map[string]bool) string {
	return renderDepth(s, params, missing, 0)
}

func renderDepth(s string, params map[string]param, missing map[string]bool, depth int) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			// An unclosed "{{": keep the text but not the braces.
			b.WriteString(s[:i])
			b.WriteString(strings.ReplaceAll(s[i+2:], "{{", ""))
			break
		}
		b.WriteString(s[:i])
		b.WriteString(renderOne(s[i+2:i+j], params, missing, depth))
		s = s[i+j+2:]
	}
	return b.String()
}

// renderOne renders the inside of one "{{ ... }}".
func renderOne(inner string, params map[string]param, missing map[string]bool, depth int) string {
	typ, id := insertOf(inner)
	if typ != "param" {
		return "[" + id + "]"
	}
	p, ok := params[id]
	if !ok || depth >= maxInsertDepth {
		if missing != nil && !ok {
			missing[id] = true
		}
		return "[Assignment: " + id + "]"
	}
	clean := func(s string) string {
		return strings.Join(strings.Fields(renderDepth(s, params, missing, depth+1)), " ")
	}
	switch {
	case len(p.values) > 0:
		return strings.Join(mapNonEmpty(p.values, clean, false), ", ")
	case p.selection && len(p.choices) > 0:
		head := "[Selection: "
		if p.howMany == "one-or-more" {
			head = "[Selection (one or more): "
		}
		return head + strings.Join(mapNonEmpty(p.choices, clean, true), "; ") + "]"
	case strings.TrimSpace(p.label) != "":
		label := clean(p.label)
		if p.odp && !strings.HasPrefix(strings.ToLower(label), "organization") {
			label = "organization-defined " + label
		}
		return "[Assignment: " + label + "]"
	case len(p.guidelines) > 0:
		return "[Assignment: " + clean(strings.Join(p.guidelines, " ")) + "]"
	}
	return "[Assignment: " + id + "]"
}

// insertOf splits the inside of "{{ insert: TYPE, ID }}" into its type and id;
// anything else is an id without a type.
func insertOf(inner string) (typ, id string) {
	inner = strings.TrimSpace(inner)
	rest, ok := strings.CutPrefix(inner, "insert:")
	if !ok {
		return "", inner
	}
	t, i, found := strings.Cut(rest, ",")
	if !found {
		return "", strings.TrimSpace(t)
	}
	return strings.TrimSpace(t), strings.TrimSpace(i)
}

// mapNonEmpty returns f of each of list, leaving out empty results when dropEmpty.
func mapNonEmpty(list []string, f func(string) string, dropEmpty bool) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = f(s); s != "" || !dropEmpty {
			out = append(out, s)
		}
	}
	return out
}

// listFirst writes the first n items of list, joined with sep, then how many more
// there are.
func listFirst(list []string, n int, sep string) string {
	if len(list) <= n {
		return strings.Join(list, sep)
	}
	return strings.Join(list[:n], sep) + fmt.Sprintf("%sand %d more", sep, len(list)-n)
}
