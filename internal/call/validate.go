package call

import (
	"fmt"

	"github.com/clerkgo/clerk"
)

// validator is implemented by every generated params type.
type validator interface{ Validate() error }

// Invalid is the error of a params field that breaks the API's constraints.
func Invalid(params, field, problem string) error {
	return fmt.Errorf("%w: %s: %s %s", clerk.ErrInvalidParams, params, field, problem)
}

// validate runs the generated pre-flight checks of the request's params.
func validate(req *clerk.Request) error {
	if v, ok := req.Body.(validator); ok {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	// Query and Body are often the same params value; checking it twice is
	// cheaper than comparing interfaces that may hold uncomparable values.
	if v, ok := req.Query.(validator); ok {
		return v.Validate()
	}
	return nil
}

// ValidateEach runs the checks of every element of a bulk body.
func ValidateEach[T validator](items []T) error {
	for i, item := range items {
		if err := item.Validate(); err != nil {
			return fmt.Errorf("item %d: %w", i, err)
		}
	}
	return nil
}
