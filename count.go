package clerk

import (
	"fmt"
	"math"
	"strconv"
)

// totalCount decodes the total_count of a list answer. The spec declares it
// as a number for some lists (API keys, M2M tokens), so a whole number
// written as 3.0 is 3; a fraction, or a number outside int64, is an error
// naming the field rather than a silently wrong count.
type totalCount int64

// UnmarshalJSON accepts any JSON number with an integral int64 value.
func (c *totalCount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*c = totalCount(n)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("clerk: total_count: %.40q is not a number", s)
	}
	if f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return fmt.Errorf("clerk: total_count: %.40s is not a whole number in the int64 range", s)
	}
	*c = totalCount(f)
	return nil
}
