// Package bench measures controlgraph's OSCAL catalog import side by side with
// github.com/defenseunicorns/go-oscal unmarshalling the same bytes. It is a module
// of its own (with a replace directive to the repository root) so that go-oscal
// never becomes a dependency of the library. Run it from this directory, one
// process per round so that the two sides alternate on a busy machine (the README
// reports the median cpu-MB/s of eight rounds):
//
//	for i in 1 2 3 4 5 6 7 8; do go test -run '^$' -bench . -benchtime 10x; done
//
// The catalogs are NIST's, read from ../../shared/reference/oscal beside the
// repository; the benchmarks skip without them.
package bench
