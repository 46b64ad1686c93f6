package crosswalk

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/controlgraph/controlgraph/catalog"
)

// endlessInput is head and then the byte fill without end; it counts what was read.
type endlessInput struct {
	head []byte
	fill byte
	read int64
}

func (e *endlessInput) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = e.fill
	}
	e.read += int64(len(p))
	return len(p), nil
}

// Every form of assessment stops reading at the file limit, whatever follows.
func TestReadAssessmentStopsAtTheLimit(t *testing.T) {
	const slack = 128 << 10
	for _, c := range []struct {
		name string
		head string
	}{
		{"csv", "control,status,notes\n5.1,yes,\""},
		{"json", `{"controls":[{"control":"5.1","status":"yes","notes":"`},
		{"xlsx", "PK\x03\x04"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &endlessInput{head: []byte(c.head), fill: 'a'}
			_, err := ReadAssessment("big."+c.name, in, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrTooLarge)
			var ae *catalog.DataError
			require.True(t, errors.As(err, &ae), "%v", err)
			assert.Equal(t, "big."+c.name, ae.File)
			assert.Contains(t, err.Error(), "the file is larger than 32 MiB, the limit for an assessment")
			assert.LessOrEqual(t, in.read, int64(MaxAssessmentBytes+slack))
		})
	}
}

// A read that fails for another reason than the limit names the file and the cause.
func TestReadAssessmentReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"controls":`), iotestErrReader{})
	_, err := ReadAssessment("a.json", r, nil)
	require.Error(t, err)
	assert.Equal(t, "a.json: disk on fire", err.Error())
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// A clause of ISO/IEC 27001 in an ISO/IEC 27002 assessment says how to rate clauses
// and Annex A together; an unknown baseline is refused before reading.
func TestReadAssessmentWrongFramework(t *testing.T) {
	_, err := ReadAssessmentCSV("c.csv", strings.NewReader("control,status\niso27001:2022/4.1,yes\n"), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrWrongFramework)
	assert.Equal(t, `c.csv:2: field "control" = "iso27001:2022/4.1": control is not of the assessment's baseline framework: iso27001:2022/4.1 is a control of iso27001:2022, `+
		`the assessment's baseline is iso27002:2022; to rate its clauses and Annex A together, make iso27001:2022 the baseline`, err.Error())

	_, err = ReadAssessmentCSV("c.csv", strings.NewReader("control,status\n5.1,yes\n"), nil, WithBaseline("nope:1"))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrWrongFramework)
	var ae *catalog.DataError
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "baseline", ae.Field)
	assert.Equal(t, "nope:1", ae.Value)
}
