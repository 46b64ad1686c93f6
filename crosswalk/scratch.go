package crosswalk

import "sync"

// scratch holds the per-call working memory of a gap query: tables indexed by
// baseline position or by item that no result refers to. Queries take one from
// scratchPool and give it back when done, so a query allocates only what it returns.
type scratch struct {
	st    []Status   // status per baseline position
	st2   []Status   // recommend: the statuses with the recommended controls implemented
	covs  []Coverage // coverage per item
	rules []Rule     // rule per item
	cnt   []counts   // rollups: per node of the target framework
	cur   []Coverage // recommend: coverage per item as controls are taken
	gains []int      // recommend: gain per baseline position
	mark  []int32    // recommend: the round a gain was last computed in
	recs  []Recommendation
	moves []Move
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch gives sc back, dropping its references to strings and slices.
func putScratch(sc *scratch) {
	clear(sc.recs[:cap(sc.recs)])
	clear(sc.moves[:cap(sc.moves)])
	sc.recs, sc.moves = sc.recs[:0], sc.moves[:0]
	scratchPool.Put(sc)
}

// zeroed returns s resized to n zero elements, reusing its array when it is big enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// carve appends ss to the arena and returns the arena and the appended part, capped
// so that appending to it cannot overwrite its neighbours. The arena must have room.
func carve(arena, ss []string) ([]string, []string) {
	n := len(arena)
	arena = append(arena, ss...)
	return arena, arena[n:len(arena):len(arena)]
}
