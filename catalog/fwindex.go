package catalog

import (
	"strings"
	"sync"
)

// fwData is one framework of a catalog: what is known of it at once (its [Info] and
// place), and the index of its controls, built on the first query that needs it.
type fwData struct {
	info  Info
	order int
	// table is the generated table an embedded framework's index is built from; nil
	// for a framework given to [New], whose index New builds while checking it.
	table *fwTable
	once  sync.Once
	ix    *fwIndex
}

// index returns the framework's index, building it on first use from its table.
// Safe for concurrent use: the first caller builds, the others wait for it.
func (d *fwData) index() *fwIndex {
	d.once.Do(func() {
		if d.ix == nil {
			d.ix = d.table.index()
		}
	})
	return d.ix
}

// summary returns the summary of the framework's control i: its [Control.Summary], or
// for a framework whose summaries are kept apart the one in its table.
func (d *fwData) summary(i int) string {
	if d.table != nil && d.table.apart != nil {
		return d.table.summary(i)
	}
	return d.index().controls[i].Summary
}

// infoCopy returns the framework's Info with slices the caller owns.
func (d *fwData) infoCopy() Info {
	in := d.info
	in.Aliases = clone(in.Aliases)
	in.ItemKinds = clone(in.ItemKinds)
	in.Counts = clone(in.Counts)
	return in
}

// fwIndex is the index of one framework's controls: the controls in document order,
// and how to find one by its ID as given, by its normalised ID ([normKey]) and by its
// parent.
type fwIndex struct {
	controls []Control
	pos      map[string]int32 // exact ID → index
	// keys maps a normalised ID to the index of the one control that has it, or, as
	// -1-j, to shared[j]: the indexes of the controls that share it (rare: "A.5.1"
	// beside "5.1" in a user's framework).
	keys   map[string]int32
	shared [][]int32
	seq    []int32 // 0, 1, …, n-1: keyed returns seq[i:i+1] without allocating
	// The children of control i are kids[kidAt[i]:kidAt[i+1]], in document order.
	kids, kidAt []int32
}

// lookup returns the index of the control with exactly this ID.
func (ix *fwIndex) lookup(id string) (int, bool) {
	i, ok := ix.pos[id]
	return int(i), ok
}

// keyed returns the indexes of the controls whose normalised ID is key, in document
// order; the slice is shared and must not be changed.
func (ix *fwIndex) keyed(key string) []int32 {
	i, ok := ix.keys[key]
	switch {
	case !ok:
		return nil
	case i < 0:
		return ix.shared[-1-i]
	}
	return ix.seq[i : i+1 : i+1]
}

// children returns the indexes of control i's children, in document order (shared).
func (ix *fwIndex) children(i int) []int32 {
	return ix.kids[ix.kidAt[i]:ix.kidAt[i+1]]
}

// newIndex indexes controls whose parents are already resolved: parent[i] is the index
// of control i's parent, or -1 for a root. It allocates per framework, not per
// control: the normalised IDs that differ from the IDs share one buffer.
func newIndex(controls []Control, parent []int32) *fwIndex {
	n := len(controls)
	ix := &fwIndex{
		controls: controls,
		pos:      make(map[string]int32, n),
		seq:      make([]int32, n),
	}
	normal := true // every ID is its own normalised form, and unique
	for i, c := range controls {
		ix.seq[i] = int32(i)
		if _, dup := ix.pos[c.Ref.ID]; !dup {
			ix.pos[c.Ref.ID] = int32(i)
		} else {
			normal = false
		}
		normal = normal && isNormKey(c.Ref.ID)
	}
	if normal {
		// The normalised IDs are the IDs: one map serves both look-ups (most
		// frameworks: ISO/IEC 27002:2022, NIS2, SP 800-53, CIS).
		ix.keys = ix.pos
	} else {
		ix.indexKeys()
	}
	ix.indexChildren(parent)
	return ix
}

// indexKeys fills keys and shared from the controls' normalised IDs.
func (ix *fwIndex) indexKeys() {
	ix.keys = make(map[string]int32, len(ix.controls))
	var buf []byte
	ends := make([]int32, len(ix.controls)) // end of control i's key in buf, or -1: its ID
	for i, c := range ix.controls {
		if isNormKey(c.Ref.ID) {
			ends[i] = -1
			continue
		}
		buf = appendNormKey(buf, c.Ref.ID)
		ends[i] = int32(len(buf))
	}
	all, start := string(buf), int32(0)
	for i, c := range ix.controls {
		key := c.Ref.ID
		if ends[i] >= 0 {
			key, start = all[start:ends[i]], ends[i]
		}
		ix.addKey(key, int32(i))
	}
}

// addKey records that control i has the normalised ID key.
func (ix *fwIndex) addKey(key string, i int32) {
	j, ok := ix.keys[key]
	switch {
	case !ok:
		ix.keys[key] = i
	case j >= 0:
		ix.shared = append(ix.shared, []int32{j, i})
		ix.keys[key] = -int32(len(ix.shared))
	default:
		ix.shared[-1-j] = append(ix.shared[-1-j], i)
	}
}

// indexChildren lays out the children of every control, in document order, in one
// array.
func (ix *fwIndex) indexChildren(parent []int32) {
	n := len(ix.controls)
	ix.kidAt = make([]int32, n+1)
	for _, p := range parent {
		if p >= 0 {
			ix.kidAt[p+1]++
		}
	}
	for i := range n {
		ix.kidAt[i+1] += ix.kidAt[i]
	}
	ix.kids = make([]int32, ix.kidAt[n])
	next := make([]int32, n)
	for i, p := range parent {
		if p >= 0 {
			ix.kids[ix.kidAt[p]+next[p]] = int32(i)
			next[p]++
		}
	}
}

// isNormKey reports whether id is already its own normalised form ([normKey]), so
// that indexing it needs no new string.
func isNormKey(id string) bool {
	if id == "" {
		return true
	}
	if id[0] == ' ' || id[len(id)-1] == ' ' || strings.HasPrefix(id, "A.") || strings.HasPrefix(id, "a.") {
		return false
	}
	for i := 0; i < len(id); i++ {
		b := id[i]
		switch {
		case b >= 'a' && b <= 'z', b >= 0x80, b < ' ':
			return false // changes case, or may be space TrimSpace drops
		case b == '0' && (i == 0 || !isDigit(id[i-1])) && i+1 < len(id) && isDigit(id[i+1]):
			return false // a leading zero
		}
	}
	return true
}

// normKey normalises a control ID for look-up: upper case, a leading "A." dropped,
// leading zeros of numbers dropped ("GV.OC-01" and "gv.oc-1" give "GV.OC-1").
func normKey(id string) string {
	if isNormKey(id) {
		return id
	}
	return string(appendNormKey(nil, id))
}

// appendNormKey appends the normalised form of id ([normKey]) to dst.
func appendNormKey(dst []byte, id string) []byte {
	s := strings.ToUpper(strings.TrimSpace(id))
	s = strings.TrimPrefix(s, "A.")
	for len(s) > 0 {
		if !isDigit(s[0]) {
			dst = append(dst, s[0])
			s = s[1:]
			continue
		}
		run, rest := digitRun(s)
		for len(run) > 1 && run[0] == '0' {
			run = run[1:]
		}
		dst = append(dst, run...)
		s = rest
	}
	return dst
}

// clone returns a copy of s, nil for nil (slices.Clone keeps an empty non-nil slice
// non-nil; so does this).
func clone[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
