package catalog

// AnnexPrefix is what a framework that carries another's controls as its annex
// writes before their IDs: ISO/IEC 27001:2022 names ISO/IEC 27002:2022's control
// 5.1 "A.5.1" (see [Framework].AnnexOf).
const AnnexPrefix = "A."

// AnnexID returns the ID of a control as a framework that carries it as its annex
// writes it: "5.1" → "A.5.1".
func AnnexID(id string) string { return AnnexPrefix + id }

// CutAnnexID returns id without its annex prefix ("A.5.1" or "a.5.1" → "5.1") and
// whether it had one.
func CutAnnexID(id string) (string, bool) {
	// Byte by byte rather than strings.EqualFold: look-ups of every spelling pass here.
	if len(id) > 2 && (id[0] == 'A' || id[0] == 'a') && id[1] == '.' {
		return id[2:], true
	}
	return "", false
}

// Aliases returns the other refs that name the control r names, in catalog order:
// for an Annex A spelling the control under its own framework first
// ("iso27001:2022/A.5.1" → "iso27002:2022/5.1"), then the control's spelling in the
// annex of every framework that carries its framework ("iso27002:2022/5.1" is also
// "iso27001:2022/A.5.1"). r itself is not among them. It returns nil when r names
// no control of the catalog, or when no other name has it.
//
// [Catalog.Canonical] goes the other way, from any of these names to the one the
// catalog keys the control by; [Catalog.ParseRef] reads them all.
func (c *Catalog) Aliases(r Ref) []Ref {
	canon, ok := c.Canonical(r)
	if !ok {
		return nil
	}
	var out []Ref
	if canon != r {
		out = append(out, canon)
	}
	for in := range c.Frameworks() {
		if in.AnnexOf != canon.Framework {
			continue
		}
		if a := NewRef(in.ID, AnnexID(canon.ID)); a != r {
			out = append(out, a)
		}
	}
	return out
}
