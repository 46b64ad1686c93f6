package main

import (
	"flag"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
)

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("controls iso27002:2022 --type detective") and returns the
// positional arguments in order. Everything after a "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at the first non-flag argument, or after a "--" it consumed.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// listFlag collects the values of a flag that may be repeated and may hold a comma
// list: --type detective --type corrective and --type detective,corrective are the same.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// formatValue is the --format flag of a command, limited to the formats it writes.
type formatValue struct {
	allowed []string
	v       *string
}

func (f *formatValue) String() string {
	if f.v == nil {
		return ""
	}
	return *f.v
}

func (f *formatValue) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("unknown format %q; accepted: %s", s, strings.Join(f.allowed, ", "))
	}
	*f.v = s
	return nil
}

// percentFlag is an optional percentage: unset until given, 0 to 100, kept exactly
// as written (see parsePercent).
type percentFlag struct {
	set  bool
	text string   // as given
	v    *big.Rat // the percentage
}

func (p *percentFlag) String() string {
	if p == nil || !p.set {
		return ""
	}
	return p.text
}

func (p *percentFlag) Set(s string) error {
	v, ok := parsePercent(s)
	if !ok {
		return fmt.Errorf("want a percentage from 0 to 100")
	}
	p.set, p.text, p.v = true, strings.TrimSpace(s), v
	return nil
}

// flagGiven reports whether the flag name was set on the command line (after fs is
// parsed).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// checkMaxHops refuses --max-hops given while derived paths are off: it would be
// ignored in silence.
func checkMaxHops(fs *flag.FlagSet, derived bool, maxHops int) error {
	if !derived && flagGiven(fs, "max-hops") {
		return badInput("--max-hops %d limits derived paths, which are off: add --derived or drop --max-hops", maxHops)
	}
	return nil
}

// hopChoices lists the accepted values of --max-hops in words ("2, 3 or 4").
func hopChoices() string {
	var b strings.Builder
	for h := 2; h <= crosswalk.MaxHops; h++ {
		switch {
		case h == 2:
		case h == crosswalk.MaxHops:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(h))
	}
	return b.String()
}
