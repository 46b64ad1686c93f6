//go:build nocis

package catalog

// cisTables is empty in a build with the tag nocis: the CIS Controls are left out.
var cisTables []*fwTable
