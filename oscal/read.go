package oscal

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/catalog"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// The import decodes a document into plain JSON values (objects, arrays, strings,
// numbers) through the project's codec and walks them with a reader, which checks
// every object it interprets against the members the OSCAL model allows there and
// records each problem with its JSON path. See "Strictness" in the package
// documentation for why the import does not decode into structs.

// Members the OSCAL 1.2 model allows, per object this package interprets. OSCAL 1.1
// documents use a subset of them.
var (
	rootKeys = keySet("$schema", "catalog", "mapping-collection", "profile", "component-definition",
		"system-security-plan", "assessment-plan", "assessment-results", "plan-of-action-and-milestones")
	catalogKeys  = keySet("uuid", "metadata", "params", "controls", "groups", "back-matter")
	metadataKeys = keySet("title", "published", "last-modified", "version", "oscal-version", "revisions",
		"document-ids", "props", "links", "roles", "locations", "parties", "responsible-parties", "actions", "remarks")
	groupKeys      = keySet("id", "class", "title", "params", "props", "links", "parts", "groups", "controls")
	controlKeys    = keySet("id", "class", "title", "params", "props", "links", "parts", "controls")
	partKeys       = keySet("id", "name", "ns", "class", "title", "props", "prose", "parts", "links")
	propKeys       = keySet("name", "uuid", "ns", "value", "class", "group", "remarks")
	backMatterKeys = keySet("resources")
	resourceKeys   = keySet("uuid", "title", "description", "props", "document-ids", "citation", "rlinks", "base64", "remarks")
	partyKeys      = keySet("uuid", "type", "name", "short-name", "external-ids", "props", "links", "email-addresses",
		"telephone-numbers", "addresses", "location-uuids", "member-of-organizations", "remarks")
	respPartyKeys = keySet("role-id", "party-uuids", "props", "links", "remarks")
)

func keySet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// decodeDocument decodes data into plain JSON values, reporting a syntax error with
// its line.
func decodeDocument(file string, data []byte) (any, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var v any
	if err := codec.DecodeStrict(data, &v); err != nil {
		e := &catalog.DataError{File: file, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
		var se *codec.SyntaxError
		if errors.As(err, &se) {
			e.Line = se.Line
			e.Err = fmt.Errorf("%w: %v", ErrSyntax, se.Err)
		}
		return nil, e
	}
	return v, nil
}

// reader walks plain JSON values and collects problems. A member the OSCAL model
// does not define is a problem when strict, else its path is listed in unknown.
type reader struct {
	p       problems
	strict  bool
	unknown []string
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	default:
		return "a number"
	}
}

// object returns v as an object, reporting a wrong type and members outside allowed
// (when allowed is not nil).
func (r *reader) object(path string, v any, allowed map[string]bool) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		r.p.add(path, "", fmt.Errorf("%w: want an object, got %s", ErrType, jsonType(v)))
		return nil
	}
	if allowed != nil {
		var unknown []string
		for k := range m {
			if !allowed[k] {
				unknown = append(unknown, k)
			}
		}
		slices.Sort(unknown)
		for _, k := range unknown {
			// The key is the document's: cut it, so that no line gets giant.
			if r.strict {
				r.p.add(join(path, clip(k)), "", ErrUnknownField)
			} else {
				r.unknown = append(r.unknown, join(path, clip(k)))
			}
		}
	}
	return m
}

// str returns member key of m as a string: "" when it is absent (an error when
// required) or not a string (an error).
func (r *reader) str(m map[string]any, path, key string, required bool) string {
	v, ok := m[key]
	if !ok {
		if required {
			r.p.add(join(path, key), "", ErrMissing)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.p.add(join(path, key), "", fmt.Errorf("%w: want a string, got %s", ErrType, jsonType(v)))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		r.p.add(join(path, key), s, ErrMissing)
	}
	return s
}

// array returns member key of m as an array: nil when absent or of the wrong type
// (an error).
func (r *reader) array(m map[string]any, path, key string) []any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.p.add(join(path, key), "", fmt.Errorf("%w: want an array, got %s", ErrType, jsonType(v)))
		return nil
	}
	return a
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// member returns the path of element i of member key of the object at path
// ("catalog.groups[2]"), built in one allocation: the import builds one for every
// node, part and prop it reads.
func member(path, key string, i int) string {
	if path == "" {
		return key + "[" + strconv.Itoa(i) + "]"
	}
	return path + "." + key + "[" + strconv.Itoa(i) + "]"
}

// prop is one OSCAL property as read.
type prop struct {
	name, ns, value, class, group, remarks string
}

// props reads member "props" of m.
func (r *reader) props(m map[string]any, path string) []prop {
	arr := r.array(m, path, "props")
	if len(arr) == 0 {
		return nil
	}
	out := make([]prop, 0, len(arr))
	for i, v := range arr {
		if p, ok := cleanProp(v); ok {
			out = append(out, p)
			continue
		}
		pp := member(path, "props", i)
		pm := r.object(pp, v, propKeys)
		if pm == nil {
			continue
		}
		out = append(out, prop{
			name:    r.str(pm, pp, "name", true),
			ns:      r.str(pm, pp, "ns", false),
			value:   r.str(pm, pp, "value", false),
			class:   r.str(pm, pp, "class", false),
			group:   r.str(pm, pp, "group", false),
			remarks: r.str(pm, pp, "remarks", false),
		})
	}
	return out
}

// cleanProp reads a prop that has nothing to report, without the JSON path the
// reader would build for a problem: an object of the members propKeys allows, each
// a string, with a name that is not blank. Anything else is read by
// [reader.props]'s general path, which reports it. Props are the most numerous
// objects of a catalog: this path, which builds no path string and looks each
// member up once, made the import of SP 800-53 rev. 5 about 4% faster.
func cleanProp(v any) (prop, bool) {
	pm, ok := v.(map[string]any)
	if !ok {
		return prop{}, false
	}
	var p prop
	for k, x := range pm {
		s, ok := x.(string)
		if !ok {
			return prop{}, false
		}
		switch k {
		case "name":
			p.name = s
		case "ns":
			p.ns = s
		case "value":
			p.value = s
		case "class":
			p.class = s
		case "group":
			p.group = s
		case "remarks":
			p.remarks = s
		case "uuid":
		default:
			return prop{}, false
		}
	}
	return p, strings.TrimSpace(p.name) != ""
}

// oscalNS is the namespace of the props OSCAL itself defines; a prop without ns is in
// it too.
const oscalNS = "http://csrc.nist.gov/ns/oscal"

func isCore(p prop) bool { return p.ns == "" || p.ns == oscalNS }

// ourValue returns the value of the first prop in [Namespace] named name.
func ourValue(ps []prop, name string) (string, bool) {
	for _, p := range ps {
		if p.ns == Namespace && p.name == name {
			return p.value, true
		}
	}
	return "", false
}

func ourValues(ps []prop, name string) []string {
	var out []string
	for _, p := range ps {
		if p.ns == Namespace && p.name == name {
			out = append(out, p.value)
		}
	}
	return out
}

// metadata is what the import uses of a document's metadata.
type metadata struct {
	title, version, oscalVersion string
	props                        []prop
	publisher                    string
}

func (r *reader) metadata(m map[string]any, path string) metadata {
	var md metadata
	mm := r.object(path, m["metadata"], metadataKeys)
	if mm == nil {
		return md
	}
	md.title = r.str(mm, path, "title", true)
	md.version = r.str(mm, path, "version", true)
	md.oscalVersion = r.str(mm, path, "oscal-version", true)
	r.str(mm, path, "last-modified", true)
	if v := strings.TrimPrefix(md.oscalVersion, "v"); md.oscalVersion != "" && !strings.HasPrefix(v, "1.") {
		r.p.add(join(path, "oscal-version"), md.oscalVersion, fmt.Errorf("%w: this package reads OSCAL 1.x", ErrUnsupported))
	}
	md.props = r.props(mm, path)
	// The publisher: the party in role publisher, else creator, else author.
	parties := map[string]string{}
	for i, v := range r.array(mm, path, "parties") {
		pp := member(path, "parties", i)
		if pm := r.object(pp, v, partyKeys); pm != nil {
			parties[r.str(pm, pp, "uuid", false)] = r.str(pm, pp, "name", false)
		}
	}
	roles := map[string]string{}
	for i, v := range r.array(mm, path, "responsible-parties") {
		pp := member(path, "responsible-parties", i)
		pm := r.object(pp, v, respPartyKeys)
		if pm == nil {
			continue
		}
		role := r.str(pm, pp, "role-id", true)
		for j, u := range r.array(pm, pp, "party-uuids") {
			if s, ok := u.(string); ok {
				if _, seen := roles[role]; !seen && parties[s] != "" {
					roles[role] = parties[s]
				}
			} else {
				r.p.add(index(join(pp, "party-uuids"), j), "", fmt.Errorf("%w: want a string, got %s", ErrType, jsonType(u)))
			}
		}
	}
	for _, role := range []string{"publisher", "creator", "author"} {
		if n := roles[role]; n != "" {
			md.publisher = n
			break
		}
	}
	return md
}

// resource is what the import uses of a back-matter resource.
type resource struct {
	uuid, title, remarks string
	props                []prop
	rlinks               []string // rlink hrefs, read leniently
}

func (r *reader) backMatter(m map[string]any, path string) []resource {
	v, ok := m["back-matter"]
	if !ok {
		return nil
	}
	path = join(path, "back-matter")
	bm := r.object(path, v, backMatterKeys)
	if bm == nil {
		return nil
	}
	var out []resource
	for i, v := range r.array(bm, path, "resources") {
		rp := member(path, "resources", i)
		rm := r.object(rp, v, resourceKeys)
		if rm == nil {
			continue
		}
		res := resource{
			uuid:    r.str(rm, rp, "uuid", true),
			title:   r.str(rm, rp, "title", false),
			remarks: r.str(rm, rp, "remarks", false),
			props:   r.props(rm, rp),
		}
		if links, ok := rm["rlinks"].([]any); ok {
			for _, lv := range links {
				if lm, ok := lv.(map[string]any); ok {
					if h, ok := lm["href"].(string); ok && h != "" {
						res.rlinks = append(res.rlinks, h)
					}
				}
			}
		}
		out = append(out, res)
	}
	return out
}

// slug turns s into a framework ID part: lower-case letters, digits and '.', other
// runs as one '-', cut at a word boundary to at most 80 bytes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		out = out[:80]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
	}
	return strings.Trim(out, ".-")
}

// DocumentModel returns the OSCAL model of a JSON document: the name of its one
// top-level member other than "$schema" ("catalog", "mapping-collection", "profile",
// ...), so that a caller can choose between [ImportCatalog] and [ImportMappings].
// name is the file name used in errors.
func DocumentModel(name string, data []byte) (string, error) {
	v, err := decodeDocument(name, data)
	if err != nil {
		return "", err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return "", &catalog.DataError{File: name, Err: fmt.Errorf("%w: want an object, got %s", ErrType, jsonType(v))}
	}
	// The one member naming an OSCAL model; other members (besides "$schema") are
	// fields outside the model, which the import reports.
	var models, others []string
	for k := range m {
		switch {
		case rootKeys[k] && k != "$schema":
			models = append(models, k)
		case k != "$schema":
			others = append(others, k)
		}
	}
	slices.Sort(models)
	slices.Sort(others)
	switch {
	case len(models) == 0 && len(others) > 0:
		return "", &catalog.DataError{File: name, Record: others[0], Err: fmt.Errorf("%w: not an OSCAL model", ErrWrongDocument)}
	case len(models) != 1:
		return "", &catalog.DataError{File: name, Value: strings.Join(models, ", "), Err: fmt.Errorf("%w: an OSCAL document has exactly one top-level model", ErrWrongDocument)}
	}
	return models[0], nil
}
