//go:build nocis

package mappings

const hasCIS = false
