package clerk_test

import (
	"encoding/json"
	"testing"

	"github.com/clerkgo/clerk"
)

// TestAccessorsReadAbsentAndNull checks the generated accessors: the zero
// value for an absent or null field, the value otherwise, and no panic on a
// nil model.
func TestAccessorsReadAbsentAndNull(t *testing.T) {
	t.Parallel()
	var nilUser *clerk.User
	if nilUser.GetUsername() != "" || nilUser.GetLastSignInAt() != 0 {
		t.Fatal("accessors on a nil *User must return zero values")
	}
	var u clerk.User
	if err := json.Unmarshal([]byte(`{"id":"user_1","username":null,"first_name":"Ada","last_sign_in_at":1700000000000}`), &u); err != nil {
		t.Fatal(err)
	}
	if u.GetUsername() != "" || u.GetFirstName() != "Ada" || u.GetLastSignInAt() != 1700000000000 || u.GetLastName() != "" {
		t.Fatalf("accessors: username %q, first %q, last sign-in %d, last %q", u.GetUsername(), u.GetFirstName(), u.GetLastSignInAt(), u.GetLastName())
	}
	var m clerk.OrganizationMembership
	if m.GetPublicUserData().GetFirstName() != "" {
		t.Fatal("chained accessors through a nil nested model must return zero values")
	}
}

func TestFromPointer(t *testing.T) {
	t.Parallel()
	if o := clerk.FromPointer[string](nil); !o.IsNull() {
		t.Fatalf("FromPointer(nil) = %+v, want null", o)
	}
	s := "Ada"
	if v, ok := clerk.FromPointer(&s).Get(); !ok || v != "Ada" {
		t.Fatalf("FromPointer(&%q) = %q, %v", s, v, ok)
	}
}
