//go:build nocis

package mappings

// cisSetTables is empty in a build with the tag nocis: the CIS sets are left out.
var cisSetTables []*setTable
