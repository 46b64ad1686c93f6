module github.com/controlgraph/controlgraph/bench

go 1.24.0

require (
	github.com/controlgraph/controlgraph v0.0.0
	github.com/defenseunicorns/go-oscal v0.7.0
)

require github.com/goccy/go-json v0.10.5 // indirect

replace github.com/controlgraph/controlgraph => ../
