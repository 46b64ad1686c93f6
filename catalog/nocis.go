//go:build nocis

package catalog

const hasCIS = false
