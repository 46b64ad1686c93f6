//go:build !race

package crosswalk

const raceEnabled = false
