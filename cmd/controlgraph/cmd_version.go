package main

import (
	"flag"
	"fmt"
	"runtime/debug"

	"github.com/controlgraph/controlgraph/catalog"
)

func init() {
	register(&command{
		name:    "version",
		args:    "",
		summary: "print the versions of the program and of the embedded data",
		setup:   func(*flag.FlagSet) action { return runVersion },
	})
}

func runVersion(x *invocation, _ []string) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	cis := "CIS Controls " + catalog.CISVersion
	if !catalog.HasCIS() {
		cis = "no CIS data (built with -tags nocis)"
	}
	_, err := fmt.Fprintf(x.out, "controlgraph %s\ndata %s: ISO/IEC 27002:%s, ISO/IEC 27001:%s, NIST CSF %s, NIS2 IR (EU) %s, NIST SP 800-53 Rev. 5 (release %s), %s\n",
		v, catalog.DataVersion, catalog.ISO27002Edition, catalog.ISO27001Edition, catalog.CSFVersion, catalog.NIS2Version, catalog.SP80053Version, cis)
	return err
}
