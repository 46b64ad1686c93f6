package catalog

import (
	"maps"
	"slices"
	"strings"
)

// indexNames fills the catalog's name indexes: every framework ID, family name and
// alias people may type, normalised ([normFW]).
func (c *Catalog) indexNames() {
	fam := c.indexFamilies()
	c.indexAliases(fam)
	c.indexFamilyVersions()
}

// newestFirst returns the IDs of ds, the newest version first (stable among equal
// versions).
func newestFirst(ds []*fwData) []FrameworkID {
	ds = slices.Clone(ds)
	slices.SortStableFunc(ds, func(a, b *fwData) int { return -compareVersions(a.info.Version, b.info.Version) })
	ids := make([]FrameworkID, len(ds))
	for i, d := range ds {
		ids[i] = d.info.ID
	}
	return ids
}

// indexFamilies indexes every framework ID, and every family ("nist-csf") as its
// versions, newest first. It returns the frameworks by family.
func (c *Catalog) indexFamilies() map[string][]*fwData {
	fam := map[string][]*fwData{}
	for _, d := range c.fws {
		c.names[normFW(string(d.info.ID))] = d.info.ID
		fam[d.info.ID.Family()] = append(fam[d.info.ID.Family()], d)
	}
	for _, name := range slices.Sorted(maps.Keys(fam)) { // sorted: families may normalise alike
		c.families[normFW(name)] = newestFirst(fam[name])
	}
	return fam
}

// indexAliases indexes the aliases the frameworks list. An alias with a colon, or one
// that only one version of a family with several versions lists ("csf2"), names that
// version. Any other alias names every framework that lists it, newest first ("csf" →
// CSF 2.0, then 1.1), unless it is already a family name.
func (c *Catalog) indexAliases(fam map[string][]*fwData) {
	listed := map[string][]*fwData{}
	var order []string
	for _, d := range c.fws {
		for _, a := range d.info.Aliases {
			n := normFW(a)
			if n == "" {
				continue
			}
			if _, ok := listed[n]; !ok {
				order = append(order, n)
			}
			if !slices.Contains(listed[n], d) {
				listed[n] = append(listed[n], d)
			}
		}
	}
	for _, n := range order {
		ds := listed[n]
		if strings.Contains(n, ":") || (len(ds) == 1 && len(fam[ds[0].info.ID.Family()]) > 1) {
			if _, taken := c.names[n]; !taken {
				c.names[n] = ds[0].info.ID
			}
			continue
		}
		if _, taken := c.families[n]; !taken {
			c.families[n] = newestFirst(ds)
		}
	}
}

// indexFamilyVersions indexes version names under family aliases: "csf:2.0" when
// "csf" names nist-csf. Sorted, so that a clash between user-given names resolves the
// same way each time.
func (c *Catalog) indexFamilyVersions() {
	for _, n := range slices.Sorted(maps.Keys(c.families)) {
		for _, id := range c.families[n] {
			k := n + ":" + normFW(id.Version())
			if _, taken := c.names[k]; !taken {
				c.names[k] = id
			}
		}
	}
}

// fwSeparators drops what [normFW] ignores in a framework name (a Replacer is safe for
// concurrent use; making one per call cost more than the rest of normFW).
var fwSeparators = strings.NewReplacer(" ", "", "_", "", "-", "")

// normFW normalises a framework name for look-up: lower case, no spaces, '-' or '_'
// ("NIST CSF", "nist_csf" and "nist-csf" are one name), "iso/iec" read as "iso", a
// 'v' before the version dropped.
func normFW(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "iso/iec", "iso")
	s = fwSeparators.Replace(s)
	if f, v, ok := strings.Cut(s, ":"); ok {
		v = strings.TrimPrefix(v, "v")
		s = f + ":" + v
	}
	return s
}

// ResolveFramework returns the framework a name means: an ID ("iso27002:2022"), an
// alias ("csf:2.0"), or a family name or alias ("iso27002", "csf", "cis"), which means
// the newest version of that family. Case, spaces, '-' and '_', a 'v' before the
// version and an "ISO/IEC" prefix do not matter, and the version may follow a space:
// "NIST CSF 2.0", "CIS v8.1", "ISO/IEC 27001:2022".
func (c *Catalog) ResolveFramework(name string) (FrameworkID, error) {
	ids := c.resolveFW(name)
	if len(ids) == 0 {
		return "", &RefError{Input: name, Err: ErrUnknownFramework}
	}
	return ids[0], nil
}

// resolveFW returns the frameworks name may mean, newest first.
func (c *Catalog) resolveFW(name string) []FrameworkID {
	name = strings.TrimSpace(name)
	if _, ok := c.byID[FrameworkID(name)]; ok {
		return []FrameworkID{FrameworkID(name)}
	}
	if ids := c.resolveNorm(normFW(name)); ids != nil {
		return ids
	}
	// "NIST CSF 2.0", "CIS v8.1": the version after the last space.
	if i := strings.LastIndexByte(name, ' '); i > 0 && !strings.Contains(name, ":") {
		f, v := name[:i], strings.TrimSpace(name[i+1:])
		if v != "" && (isDigit(v[0]) || (len(v) > 1 && (v[0] == 'v' || v[0] == 'V') && isDigit(v[1]))) {
			if ids := c.resolveNorm(normFW(f + ":" + v)); len(ids) == 1 {
				return ids
			}
		}
	}
	return nil
}

func (c *Catalog) resolveNorm(n string) []FrameworkID {
	if n == "" {
		return nil
	}
	if id, ok := c.names[n]; ok {
		return []FrameworkID{id}
	}
	if ids, ok := c.families[n]; ok {
		return ids
	}
	// "cis:8.0" for "cis:8", "csf:2" for "csf:2.0".
	if f, v, ok := strings.Cut(n, ":"); ok {
		for _, alt := range []string{strings.TrimSuffix(v, ".0"), v + ".0"} {
			if id, ok := c.names[f+":"+alt]; ok && alt != v {
				return []FrameworkID{id}
			}
		}
	}
	return nil
}
