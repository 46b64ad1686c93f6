package limits

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReaderLineLimit(t *testing.T) {
	in := "a,b\n" + strings.Repeat("x", 10) + "\nok\n"
	_, err := io.ReadAll(NewReaderSize(strings.NewReader(in), 0, 9))
	var le *Error
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 2, le.Line)
	assert.True(t, errors.Is(err, ErrTooLarge))
	assert.Equal(t, "input too large: line 2 is longer than 9 bytes (9 bytes)", err.Error())
	got, err := io.ReadAll(NewReaderSize(strings.NewReader(in), 0, 10))
	require.NoError(t, err)
	assert.Equal(t, in, string(got))
}

func TestReaderFileLimit(t *testing.T) {
	_, err := io.ReadAll(NewReaderSize(strings.NewReader(strings.Repeat("a\n", 10)), 19, 0))
	assert.EqualError(t, err, "input too large: the file is larger than 19 bytes (19 bytes)")
	_, err = io.ReadAll(NewReaderSize(strings.NewReader(strings.Repeat("a\n", 10)), 20, 0))
	assert.NoError(t, err)
}

func TestMessages(t *testing.T) {
	assert.Equal(t, "input too large: the file is larger than 268435456 bytes (256 MiB)", (&Error{What: "file", Limit: File}).Error())
	assert.Equal(t, "input too large: a cell holds at most 65536 bytes (64 KiB)", (&Error{What: "cell", Limit: Field}).Error())
}

// A 50 MB line is refused after reading a bounded amount, not all of it.
func TestReaderStopsEarly(t *testing.T) {
	src := &counting{r: strings.NewReader(strings.Repeat("x", 50<<20))}
	_, err := io.ReadAll(NewReader(src))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Less(t, src.n, int64(2*Line)) // the line, and one read past it
}

type counting struct {
	r io.Reader
	n int64
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
