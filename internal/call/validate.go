package call

import (
	"fmt"
	"net/url"
	"time"

	"github.com/clerkgo/clerk"
)

// Invalid is the error of a params field that breaks the API's constraints.
func Invalid(params, field, problem string) error {
	return fmt.Errorf("%w: %s: %s %s", clerk.ErrInvalidParams, params, field, problem)
}

// IsURI reports whether s is an absolute URI (a scheme and a host, or an
// opaque part), as a field of format uri must be.
func IsURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}

// IsDateTime reports whether s is an RFC 3339 date-time, as a field of
// format date-time must be.
func IsDateTime(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// ValidateEach runs the checks of every element of a bulk body.
func ValidateEach[T interface{ Validate() error }](items []T) error {
	for i, item := range items {
		if err := item.Validate(); err != nil {
			return fmt.Errorf("item %d: %w", i, err)
		}
	}
	return nil
}
