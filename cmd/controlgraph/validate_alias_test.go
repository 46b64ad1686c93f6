package main

import "github.com/controlgraph/controlgraph/report"

// The tests read validate's output through report's contract.
type (
	validateJSON = report.Validation
	problemJSON  = report.ValidationProblem
)
