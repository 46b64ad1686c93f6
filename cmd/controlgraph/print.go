package main

import (
	"flag"
	"strings"
)

// printFlags are the flags that set how an HTML report prints: --paper and
// --landscape (gap and soa).
type printFlags struct {
	paper     string
	landscape bool
}

func (p *printFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&p.paper, "paper", "", "the paper the HTML report prints on: `SIZE` A4 or Letter (default: the browser's)")
	fs.BoolVar(&p.landscape, "landscape", false, "print the HTML report across the long side of the paper")
}

// check refuses a paper size the report does not know (exit 2).
func (p *printFlags) check() error {
	switch strings.ToLower(strings.TrimSpace(p.paper)) {
	case "", "a4", "letter":
		return nil
	}
	return badInput("invalid value %q for --paper; accepted: A4, Letter", p.paper)
}
